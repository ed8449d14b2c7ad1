import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/build-test-app.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";
import { runCli } from "../../../cli/main.ts";
import { containsText, jpegWithMetadata } from "../../lib/images/test-images.ts";
import { feedbackModule } from "./index.ts";

// Every Open311 endpoint in both formats, every filter and every error case of open311.md, on both dialects.

const START = new Date("2026-11-27T13:00:00Z");
let clock = START;
const FORM = { "content-type": "application/x-www-form-urlencoded; charset=utf-8" };

/** A minimal XML reader for the GeoReport subset (no attributes, no namespaces), for comparing with JSON. */
interface XmlNode {
  name: string;
  children: XmlNode[];
  text: string;
}
function parseXml(xml: string): XmlNode {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  const tokens = xml.replace(/^<\?xml[^>]*\?>\s*/, "").match(/<\/?[a-z_]+\/?>|[^<]+/g) ?? [];
  const root: XmlNode = { name: "#root", children: [], text: "" };
  const stack = [root];
  for (const token of tokens) {
    const top = stack[stack.length - 1] as XmlNode;
    if (token.startsWith("</")) stack.pop();
    else if (token.endsWith("/>")) top.children.push({ name: token.slice(1, -2), children: [], text: "" });
    else if (token.startsWith("<")) {
      const node = { name: token.slice(1, -1), children: [], text: "" };
      top.children.push(node);
      stack.push(node);
    } else top.text += decode(token);
  }
  expect(stack).toHaveLength(1);
  return root.children[0] as XmlNode;
}
function decode(text: string): string {
  return text
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&apos;", "'")
    .replaceAll("&amp;", "&");
}
const LIST_ITEMS = new Set([
  "service",
  "request",
  "error",
  "attribute",
  "value",
  "endpoint",
  "format",
  "media_url",
  "event",
]);
const LISTS = new Set([
  "services",
  "service_requests",
  "errors",
  "attributes",
  "values",
  "endpoints",
  "formats",
  "media_urls",
  "request_history",
]);
/** The XML as the Spark-convention JSON would be, with scalars as strings and empty values as "". */
function xmlToPlain(node: XmlNode): unknown {
  if (LISTS.has(node.name)) {
    for (const c of node.children) expect(LIST_ITEMS.has(c.name)).toBe(true);
    return node.children.length === 0 ? "" : node.children.map(xmlToPlain);
  }
  if (node.children.length === 0) return node.text;
  return Object.fromEntries(node.children.map((c) => [c.name, xmlToPlain(c)]));
}
function normalise(value: unknown): unknown {
  if (value === null || value === undefined) return "";
  if (Array.isArray(value)) return value.length === 0 ? "" : value.map(normalise);
  if (typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v)]));
  return String(value);
}

describeEachDialect("Open311 GeoReport v2", (dialect) => {
  let t: TestApp;
  let apiKey: string;

  async function cli(args: string[]): Promise<{ code: number; text: string }> {
    const url =
      t.db.schema !== null
        ? `${t.db.databaseConfig.url}${t.db.databaseConfig.url.includes("?") ? "&" : "?"}options=-c%20search_path%3D${t.db.schema}`
        : t.db.databaseConfig.url;
    const out = new PassThrough();
    const err = new PassThrough();
    let text = "";
    out.on("data", (c) => {
      text += String(c);
    });
    err.on("data", (c) => {
      text += String(c);
    });
    const code = await runCli(["node", "keskio", ...args], {
      out,
      err,
      env: {
        ...process.env,
        KESKIO_DATABASE_URL: url,
        KESKIO_SECRET: "test-secret-that-is-long-enough-0123456789",
      },
    });
    return { code, text };
  }
  const get = (url: string) => t.app.inject({ url });
  const post = (file: string, fields: Record<string, string | string[]>, key: string | null = apiKey) => {
    const form = new URLSearchParams();
    if (key !== null) form.append("api_key", key);
    for (const [name, value] of Object.entries(fields))
      for (const v of Array.isArray(value) ? value : [value]) form.append(name, v);
    return t.app.inject({
      method: "POST",
      url: `/open311/v2/${file}`,
      headers: FORM,
      payload: form.toString(),
    });
  };
  const valid = {
    service_code: "puistot",
    lat: "61.2058",
    long: "26.0381",
    description: "Kaatunut puu käytävällä.",
  };
  /** Creates a request at an instant, optionally published; returns its id. */
  async function seedRequest(
    at: Date,
    fields: Record<string, string | string[]> = {},
    publish = true,
  ): Promise<string> {
    const saved = clock;
    clock = at;
    const res = await post("requests.json", { ...valid, ...fields });
    clock = saved;
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json()[0].service_request_id as string;
    if (publish)
      await t.db.database.db
        .updateTable("feedback_request")
        .set({ visibility: "published" })
        .where("reference", "=", id)
        .execute();
    return id;
  }
  const ids = (res: { json(): unknown }) =>
    (res.json() as { service_request_id: string }[]).map((r) => r.service_request_id);
  const errorsOf = (res: { json(): unknown }) => res.json() as { code: number; description: string }[];
  function expectErrors(
    res: { statusCode: number; headers: Record<string, unknown>; body: string },
    status: number,
    text: RegExp,
  ) {
    expect(res.statusCode, res.body).toBe(status);
    const json = String(res.headers["content-type"]).startsWith("application/json");
    const list = json
      ? JSON.parse(res.body)
      : (xmlToPlain(parseXml(res.body)) as { code: string; description: string }[]);
    expect(Array.isArray(list)).toBe(true);
    for (const e of list) expect(Number(e.code)).toBe(status);
    expect(list.map((e: { description: string }) => e.description).join(" | ")).toMatch(text);
  }

  beforeAll(async () => {
    clock = START;
    t = await buildTestApp(dialect, { now: () => clock });
    await feedbackModule.seed?.(t.db.database, { demo: true, now: clock });
    const created = await cli(["open311", "key", "create", "--name", "Testisovellus"]);
    expect(created.code, created.text).toBe(0);
    apiKey = /key: (\S+)/.exec(created.text)?.[1] as string;
    expect(apiKey.length).toBeGreaterThan(30);
  });
  afterAll(() => t.close());

  describe("keys", () => {
    it("are stored only as hashes, listed without the key, and stop working when revoked", async () => {
      const rows = await t.db.database.db.selectFrom("feedback_api_key").selectAll().execute();
      expect(JSON.stringify(rows)).not.toContain(apiKey);
      const other = await cli(["open311", "key", "create", "--name", "Poistuva"]);
      const otherKey = /key: (\S+)/.exec(other.text)?.[1] as string;
      const otherId = /id: +(\S+)/.exec(other.text)?.[1] as string;
      const list = await cli(["open311", "key", "list"]);
      expect(list.text).toContain("Testisovellus");
      expect(list.text).toContain("Poistuva");
      expect(list.text).not.toContain(otherKey);
      expect((await cli(["open311", "key", "revoke", otherId])).code).toBe(0);
      expect((await cli(["open311", "key", "revoke", otherId])).code).not.toBe(0);
      expect((await cli(["open311", "key", "list"])).text).toMatch(/revoked .* Poistuva/);
      expectErrors(await post("requests.json", valid, otherKey), 403, /api_key/);
      expect((await cli(["open311", "key", "create"])).code).not.toBe(0);
    });
  });

  describe("discovery and services", () => {
    it("serves discovery in JSON and XML with the same content", async () => {
      const json = await get("/open311/v2/discovery.json");
      const xml = await get("/open311/v2/discovery.xml");
      expect(json.statusCode).toBe(200);
      expect(json.headers["content-type"]).toBe("application/json; charset=utf-8");
      expect(xml.headers["content-type"]).toBe("text/xml; charset=utf-8");
      const body = json.json();
      expect(body.endpoints[0]).toMatchObject({
        specification: "http://wiki.open311.org/GeoReport_v2",
        type: "production",
        formats: ["text/xml", "application/json"],
      });
      expect(body.endpoints[0].url).toMatch(/\/open311\/v2$/);
      expect(normalise(xmlToPlain(parseXml(xml.body)))).toEqual(normalise(body));
    });

    it("lists services with every field, in English by default and Finnish or Swedish by locale", async () => {
      const json = await get("/open311/v2/services.json");
      const services = json.json();
      const street = services.find(
        (s: { service_code: string }) => s.service_code === "katujen-kunnossapito",
      );
      expect(street).toEqual({
        service_code: "katujen-kunnossapito",
        service_name: "Street maintenance",
        description: expect.stringContaining("Potholes"),
        metadata: true,
        type: "realtime",
        keywords: "kuoppa,päällyste,asfaltti,reunakivi,liikennemerkki",
        group: "Streets and traffic",
      });
      expect(services.find((s: { service_code: string }) => s.service_code === "puistot").metadata).toBe(
        false,
      );
      expect(services.some((s: { type: string }) => s.type === "batch")).toBe(true);
      const fi = (await get("/open311/v2/services.json?locale=fi_FI")).json();
      expect(
        fi.find((s: { service_code: string }) => s.service_code === "katujen-kunnossapito").service_name,
      ).toBe("Katujen kunnossapito");
      const sv = (await get("/open311/v2/services.xml?locale=sv")).body;
      expect(sv).toContain("<service_name>Gatuunderhåll</service_name>");
      const xml = await get("/open311/v2/services.xml");
      expect(normalise(xmlToPlain(parseXml(xml.body)))).toEqual(normalise(services));
    });

    it("serves service definitions with typed attributes in both formats", async () => {
      const json = (await get("/open311/v2/services/katujen-kunnossapito.json")).json();
      expect(json.service_code).toBe("katujen-kunnossapito");
      const [kind, danger, info] = json.attributes;
      expect(kind).toMatchObject({
        variable: true,
        code: "vian-tyyppi",
        datatype: "singlevaluelist",
        required: true,
        order: 1,
        description: "What is the problem?",
      });
      expect(kind.datatype_description).toBeTruthy();
      expect(kind.values).toContainEqual({ key: "kuoppa", name: "Pothole" });
      expect(danger.required).toBe(false);
      expect(info).toMatchObject({ variable: false, datatype: "text", values: [] });
      const xml = await get("/open311/v2/services/katujen-kunnossapito.xml");
      expect(xml.body).toContain("<service_definition><service_code>katujen-kunnossapito</service_code>");
      expect(normalise(xmlToPlain(parseXml(xml.body)))).toEqual(normalise(json));
      const plain = (await get("/open311/v2/services/puistot.json")).json();
      expect(plain).toEqual({ service_code: "puistot", attributes: [] });
    });

    it("answers unknown services, formats, resources and jurisdictions with 404 error lists", async () => {
      expectErrors(await get("/open311/v2/services/ei-ole.json"), 404, /service_code ei-ole not found/);
      expectErrors(await get("/open311/v2/services/ei-ole.xml"), 404, /not found/);
      expectErrors(
        await get("/open311/v2/services.json?jurisdiction_id=helsinki.fi"),
        404,
        /jurisdiction_id/,
      );
      expect((await get("/open311/v2/services.json?jurisdiction_id=heinola.fi")).statusCode).toBe(200);
      expect((await get("/open311/v2/services.json?jurisdiction_id=")).statusCode).toBe(200);
      expectErrors(await get("/open311/v2/services.csv"), 404, /format/);
      expectErrors(await get("/open311/v2/nothing.xml"), 404, /nothing/);
      expectErrors(await get("/open311/v2/a/b/c.json"), 404, /no such resource/);
    });
  });

  describe("POST requests", () => {
    it("creates a request and returns its id with a service notice (never a token for realtime)", async () => {
      const res = await post("requests.json", {
        ...valid,
        email: "ilmoittaja@example.fi",
        first_name: "Maija",
        last_name: "Meikäläinen",
        phone: "0401234567",
        device_id: "laite-1",
        account_id: "tili-1",
        title: "Puu kaatunut",
        address_string: "Kauppakatu 1",
        media_url: "https://example.org/kuva.jpg",
        service_object_id: "penkki-17",
        service_object_type: "bench",
      });
      expect(res.statusCode, res.body).toBe(201);
      const [item] = res.json();
      expect(item.service_request_id).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      expect(item).not.toHaveProperty("token");
      expect(item.service_notice).toMatch(/respond by/);
      const row = await t.db.database.db
        .selectFrom("feedback_request")
        .selectAll()
        .where("reference", "=", item.service_request_id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        channel: "open311",
        contactName: "Maija Meikäläinen",
        contactPhone: "0401234567",
        serviceObjectType: "bench",
        visibility: "pending",
      });
      // Personal data never comes back out through the API.
      const one = await get(`/open311/v2/requests/${item.service_request_id}.json?extensions=true`);
      for (const secret of ["Maija", "0401234567", "ilmoittaja@", "laite-1", "tili-1"])
        expect(one.body).not.toContain(secret);
    });

    it("gives a token for a batch service, and the token leads to the id", async () => {
      const res = await post("requests.xml", { ...valid, service_code: "yleinen-palaute" });
      expect(res.statusCode).toBe(201);
      const [item] = xmlToPlain(parseXml(res.body)) as { token: string; service_request_id?: string }[];
      expect(item?.token).toBeTruthy();
      expect(item?.service_request_id).toBeUndefined();
      for (const format of ["json", "xml"]) {
        const token = await get(`/open311/v2/tokens/${item?.token}.${format}`);
        expect(token.statusCode).toBe(200);
        const [entry] = (format === "json" ? token.json() : xmlToPlain(parseXml(token.body))) as {
          service_request_id: string;
          token: string;
        }[];
        expect(entry?.token).toBe(item?.token);
        expect(entry?.service_request_id).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      }
      expectErrors(await get("/open311/v2/tokens/AAAAAAAAAAAAAAAAAAAAAA.json"), 404, /token/);
      expectErrors(await get("/open311/v2/tokens/x.xml"), 404, /token/);
    });

    it("checks attributes: required, single-value keys and multi-value lists", async () => {
      const street = { ...valid, service_code: "katujen-kunnossapito" };
      expectErrors(await post("requests.json", street), 400, /vian-tyyppi/);
      expectErrors(
        await post("requests.xml", { ...street, "attribute[vian-tyyppi]": "lohikaarme" }),
        400,
        /not one of the choices/,
      );
      const ok = await post("requests.json", { ...street, "attribute[vian-tyyppi]": "kuoppa" });
      expect(ok.statusCode, ok.body).toBe(201);
      const snow = await post("requests.json", {
        ...valid,
        service_code: "lumen-auraus",
        "attribute[ongelma][]": ["liukas", "lumivalli"],
      });
      expect(snow.statusCode, snow.body).toBe(201);
      const row = await t.db.database.db
        .selectFrom("feedback_request")
        .select("attributes")
        .where("reference", "=", snow.json()[0].service_request_id)
        .executeTakeFirstOrThrow();
      const attributes = typeof row.attributes === "string" ? JSON.parse(row.attributes) : row.attributes;
      expect(attributes).toEqual({ ongelma: ["liukas", "lumivalli"] });
      expectErrors(
        await post("requests.json", { ...valid, "attribute[ei-ole]": "x" }),
        400,
        /no such question/,
      );
    });

    it("refuses every bad request with the status open311.md names, and stores nothing", async () => {
      const count = async () =>
        Number(
          (
            await t.db.database.db
              .selectFrom("feedback_request")
              .select((eb) => eb.fn.countAll().as("n"))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await count();
      expectErrors(await post("requests.json", valid, null), 403, /api_key/);
      expectErrors(await post("requests.xml", valid, "wrong-key"), 403, /api_key/);
      expectErrors(await post("requests.json", valid, ""), 403, /api_key/);
      expectErrors(
        await post("requests.json", { ...valid, service_code: "" }),
        400,
        /service_code is required/,
      );
      expectErrors(await post("requests.json", { ...valid, service_code: "ei-ole" }), 404, /service/);
      const { lat: _lat, long: _long, ...noLocation } = valid;
      expectErrors(await post("requests.json", noLocation), 400, /location is required/);
      expectErrors(await post("requests.json", { ...noLocation, lat: "61.2" }), 400, /together/);
      expectErrors(await post("requests.json", { ...valid, lat: "91" }), 400, /WGS84/);
      expectErrors(await post("requests.json", { ...valid, long: "abc" }), 400, /WGS84/);
      expectErrors(
        await post("requests.json", { ...valid, description: "" }),
        400,
        /description is required/,
      );
      expectErrors(
        await post("requests.json", { ...valid, description: "x".repeat(4001) }),
        400,
        /at most 4000/,
      );
      expectErrors(await post("requests.json", { ...valid, email: "not-an-address" }), 400, /email/);
      expectErrors(
        await post("requests.json", { ...valid, media_url: "javascript:alert(1)" }),
        400,
        /media_url/,
      );
      expectErrors(await post("requests.json", { ...valid, service_object_id: "x" }), 400, /together/);
      expectErrors(
        await post("requests.json", { ...valid, jurisdiction_id: "tampere.fi" }),
        404,
        /jurisdiction_id/,
      );
      expectErrors(await post("services.json", valid), 404, /POST/);
      // Several problems come back together.
      const many = await post("requests.json", {
        service_code: "puistot",
        lat: "100",
        long: "0",
        email: "x",
      });
      expect(errorsOf(many).length).toBeGreaterThanOrEqual(3);
      const badType = await t.app.inject({
        method: "POST",
        url: "/open311/v2/requests.json",
        headers: { "content-type": "text/plain" },
        payload: "x",
      });
      expectErrors(badType, 400, /urlencoded/);
      expect(await count()).toBe(before);
      // Address only, and address_id only, are locations too.
      expect((await post("requests.json", { ...noLocation, address_string: "Torikatu 3" })).statusCode).toBe(
        201,
      );
      expect((await post("requests.json", { ...noLocation, address_id: "111-TORIKATU-3" })).statusCode).toBe(
        201,
      );
    });

    it("accepts media[] files as multipart/form-data and strips their metadata", async () => {
      const boundary = "----keskio-test-boundary";
      const parts: Buffer[] = [];
      const field = (name: string, value: string) =>
        parts.push(
          Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
        );
      field("api_key", apiKey);
      for (const [k, v] of Object.entries(valid)) field(k, v);
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="media[]"; filename="kuva.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
        ),
        jpegWithMetadata(6),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      );
      const res = await t.app.inject({
        method: "POST",
        url: "/open311/v2/requests.json",
        headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
        payload: Buffer.concat(parts),
      });
      expect(res.statusCode, res.body).toBe(201);
      const ref = res.json()[0].service_request_id;
      await t.db.database.db
        .updateTable("feedback_request")
        .set({ visibility: "published" })
        .where("reference", "=", ref)
        .execute();
      const one = (await get(`/open311/v2/requests/${ref}.json?extensions=true`)).json()[0];
      expect(one.media_url).toMatch(/\/api\/v1\/feedback\/photos\/[0-9a-f-]+$/);
      expect(one.extended_attributes.media_urls).toEqual([one.media_url]);
      const photo = await get(new URL(one.media_url).pathname);
      expect(photo.statusCode).toBe(200);
      expect(containsText(photo.rawPayload, "GPS-SECRET")).toBe(false);
      const gif = await t.app.inject({
        method: "POST",
        url: "/open311/v2/requests.json",
        headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
        payload: Buffer.concat([
          Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="api_key"\r\n\r\n${apiKey}\r\n`),
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="media[]"; filename="a.gif"\r\nContent-Type: image/gif\r\n\r\nGIF89a\r\n--${boundary}--\r\n`,
          ),
        ]),
      });
      expectErrors(gif, 400, /image\/jpeg/);
      const broken = await t.app.inject({
        method: "POST",
        url: "/open311/v2/requests.json",
        headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
        payload: "no boundary here",
      });
      expectErrors(broken, 400, /multipart/);
    });
  });

  describe("GET requests", () => {
    let recentOpen: string;
    let recentClosed: string;
    let old: string;
    let unpublished: string;
    let library: string;
    beforeAll(async () => {
      recentOpen = await seedRequest(new Date("2026-11-20T10:00:00Z"), {
        description: "Penkki rikki <b>&</b> puiston laidalla",
        title: "Rikkinäinen penkki",
        service_object_id: "penkki-3",
        service_object_type: "bench",
      });
      recentClosed = await seedRequest(new Date("2026-11-10T10:00:00Z"), { lat: "61.30", long: "26.20" });
      await t.db.database.db
        .updateTable("feedback_request")
        .set({
          status: "done",
          updated_at: "2026-11-12T10:00:00.000Z",
          closed_at: "2026-11-12T10:00:00.000Z",
        })
        .where("reference", "=", recentClosed)
        .execute();
      old = await seedRequest(new Date("2026-07-01T10:00:00Z"));
      unpublished = await seedRequest(
        new Date("2026-11-21T10:00:00Z"),
        { description: "Salainen kuvaus" },
        false,
      );
      library = await seedRequest(new Date("2026-11-22T10:00:00Z"), {
        service_code: "kirjasto",
        lat: "61.21",
        long: "26.04",
      });
    });

    it("lists published requests of the last 90 days, newest first, the same in JSON and XML", async () => {
      const json = await get("/open311/v2/requests.json");
      expect(json.statusCode).toBe(200);
      const list = ids(json);
      expect(list).toEqual(expect.arrayContaining([recentOpen, recentClosed, library]));
      expect(list).not.toContain(old);
      expect(list).not.toContain(unpublished);
      const times = json.json().map((r: { requested_datetime: string }) => r.requested_datetime);
      expect([...times].sort().reverse()).toEqual(times);
      const xml = await get("/open311/v2/requests.xml");
      expect(normalise(xmlToPlain(parseXml(xml.body)))).toEqual(normalise(json.json()));
      expect(xml.body).toContain("Penkki rikki &lt;b&gt;&amp;&lt;/b&gt; puiston laidalla");
    });

    it("shows every base field with W3C dates and the promise as expected_datetime", async () => {
      const one = (await get(`/open311/v2/requests.json?service_request_id=${recentOpen}`)).json()[0];
      expect(one).toMatchObject({
        service_request_id: recentOpen,
        status: "open",
        service_name: "Parks and green areas",
        service_code: "puistot",
        description: "Penkki rikki <b>&</b> puiston laidalla",
        agency_responsible: "Heinolan kaupunki",
        requested_datetime: "2026-11-20T10:00:00Z",
        updated_datetime: "2026-11-20T10:00:00Z",
        lat: 61.2058,
        long: 26.0381,
      });
      // Friday 20 Nov 12:00 Helsinki + 16 working hours = Tuesday 24 Nov 12:00 Helsinki.
      expect(one.expected_datetime).toBe("2026-11-24T10:00:00Z");
      expect(one).not.toHaveProperty("extended_attributes");
      const closed = (await get(`/open311/v2/requests.json?service_request_id=${recentClosed}`)).json()[0];
      expect(closed).toMatchObject({ status: "closed", updated_datetime: "2026-11-12T10:00:00Z" });
      expect(closed).not.toHaveProperty("expected_datetime");
    });

    it("lets service_request_id override every other filter, and shows unpublished ones without text", async () => {
      const res = await get(
        `/open311/v2/requests.json?service_request_id=${old},${unpublished}&service_code=kirjasto&status=closed&start_date=2020-01-01T00:00:00Z&end_date=2020-01-02T00:00:00Z`,
      );
      expect(ids(res).sort()).toEqual([old, unpublished].sort());
      const hidden = res
        .json()
        .find((r: { service_request_id: string }) => r.service_request_id === unpublished);
      expect(hidden).not.toHaveProperty("description");
      expect(res.body).not.toContain("Salainen");
    });

    it("filters by service_code and status lists", async () => {
      expect(ids(await get("/open311/v2/requests.json?service_code=kirjasto"))).toEqual([library]);
      expect(ids(await get("/open311/v2/requests.json?service_code=kirjasto,puistot")).sort()).toEqual(
        expect.arrayContaining([library, recentOpen, recentClosed]),
      );
      const closed = ids(await get("/open311/v2/requests.json?status=closed"));
      expect(closed).toEqual([recentClosed]);
      const open = ids(await get("/open311/v2/requests.json?status=open"));
      expect(open).toContain(recentOpen);
      expect(open).not.toContain(recentClosed);
      const both = ids(await get("/open311/v2/requests.json?status=open,closed"));
      expect(both).toEqual(expect.arrayContaining([recentOpen, recentClosed]));
      expect(ids(await get("/open311/v2/requests.json?status="))).toEqual(
        expect.arrayContaining([recentOpen, recentClosed]),
      );
    });

    it("filters by start_date and end_date (and each alone spans 90 days)", async () => {
      expect(
        ids(
          await get(
            "/open311/v2/requests.json?start_date=2026-06-30T00:00:00%2B03:00&end_date=2026-07-02T00:00:00Z",
          ),
        ),
      ).toEqual([old]);
      expect(ids(await get("/open311/v2/requests.json?start_date=2026-06-15T00:00:00Z"))).toEqual([old]);
      expect(ids(await get("/open311/v2/requests.json?end_date=2026-11-11T00:00:00Z"))).toEqual([
        recentClosed,
      ]);
      expect(
        ids(
          await get(
            "/open311/v2/requests.json?start_date=2026-11-19T00:00:00Z&end_date=2026-11-20T23:00:00Z",
          ),
        ),
      ).toEqual([recentOpen]);
    });

    it("refuses bad dates, ranges and statuses with 400 error lists in both formats", async () => {
      expectErrors(
        await get("/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z"),
        400,
        /90 days/,
      );
      expectErrors(
        await get("/open311/v2/requests.xml?start_date=2026-06-01T00:00:00Z&end_date=2026-01-01T00:00:00Z"),
        400,
        /before/,
      );
      expectErrors(await get("/open311/v2/requests.json?start_date=2026-11-01T00:00:00"), 400, /time zone/);
      expectErrors(await get("/open311/v2/requests.json?start_date=2026-02-30T00:00:00Z"), 400, /W3C/);
      expectErrors(await get("/open311/v2/requests.json?end_date=yesterday"), 400, /W3C/);
      expectErrors(await get("/open311/v2/requests.xml?status=pending"), 400, /status/);
      expectErrors(await get("/open311/v2/requests.json?updated_after=x"), 400, /updated_after/);
      expectErrors(await get("/open311/v2/requests.json?lat=61&long=26"), 400, /together/);
      expectErrors(await get("/open311/v2/requests.json?lat=61&long=26&radius=0"), 400, /radius/);
      expectErrors(await get("/open311/v2/requests.json?page_size=1001"), 400, /page_size/);
      expectErrors(await get("/open311/v2/requests.json?page=0"), 400, /page/);
      expectErrors(await get("/open311/v2/requests.json?service_object_id=x"), 400, /together/);
      expectErrors(await get("/open311/v2/requests/ZZZZ-ZZZZ.json"), 404, /not found/);
      expectErrors(await get("/open311/v2/requests/ZZZZ-ZZZZ.xml"), 404, /not found/);
      expectErrors(await get("/open311/v2/requests.json?jurisdiction_id=x"), 404, /jurisdiction/);
      const many = await get("/open311/v2/requests.json?start_date=bad&end_date=bad&status=x");
      expect(errorsOf(many).length).toBe(3);
    });

    it("supports the 6Aika filters: updated_after/before, radius, search, service object, paging", async () => {
      expect(
        ids(
          await get(
            "/open311/v2/requests.json?updated_after=2026-11-11T00:00:00Z&updated_before=2026-11-13T00:00:00Z",
          ),
        ),
      ).toEqual([recentClosed]);
      const near = ids(await get("/open311/v2/requests.json?lat=61.30&long=26.20&radius=500"));
      expect(near).toEqual([recentClosed]);
      const nearLibrary = ids(await get("/open311/v2/requests.json?lat=61.2103&long=26.0400&radius=100"));
      expect(nearLibrary).toEqual([library]);
      expect(ids(await get("/open311/v2/requests.json?search=PENKKI%20rikki"))).toEqual([recentOpen]);
      expect(ids(await get("/open311/v2/requests.json?search=Salainen"))).toEqual([]);
      expect(ids(await get("/open311/v2/requests.json?search=%25"))).toEqual([]);
      expect(
        ids(await get("/open311/v2/requests.json?service_object_id=penkki-3&service_object_type=bench")),
      ).toEqual([recentOpen]);
      const all = ids(await get("/open311/v2/requests.json"));
      const page1 = ids(await get("/open311/v2/requests.json?page_size=2"));
      const page2 = ids(await get("/open311/v2/requests.json?page_size=2&page=2"));
      expect([...page1, ...page2]).toEqual(all.slice(0, 4));
    });

    it("adds extended attributes with extensions=true: title, detailed status, history, service object", async () => {
      await t.db.database.db
        .insertInto("feedback_event")
        .values({
          id: "01900000-0000-7000-8000-00000000e001",
          request_id: (
            await t.db.database.db
              .selectFrom("feedback_request")
              .select("id")
              .where("reference", "=", recentOpen)
              .executeTakeFirstOrThrow()
          ).id,
          at: "2026-11-23T08:00:00.000Z",
          kind: "note",
          status: null,
          note: "Sisäinen muistiinpano",
          is_internal: 1,
          actor_id: null,
        })
        .execute();
      const json = await get(
        `/open311/v2/requests.json?service_request_id=${recentOpen}&extensions=true&locale=fi`,
      );
      const [one] = json.json();
      expect(one.service_name).toBe("Puistot ja viheralueet");
      expect(one.extended_attributes).toEqual({
        title: "Rikkinäinen penkki",
        detailed_status: "RECEIVED",
        media_urls: [],
        service_object_id: "penkki-3",
        service_object_type: "bench",
        request_history: [{ time: "2026-11-20T10:00:00Z", status: "received", kind: "created" }],
      });
      expect(json.body).not.toContain("Sisäinen");
      const xml = await get(
        `/open311/v2/requests.xml?service_request_id=${recentOpen}&extensions=true&locale=fi`,
      );
      expect(normalise(xmlToPlain(parseXml(xml.body)))).toEqual(normalise(json.json()));
      const single = await get(`/open311/v2/requests/${recentOpen.toLowerCase()}.xml?extensions=true`);
      expect(single.statusCode).toBe(200);
      expect(single.body).toContain("<detailed_status>RECEIVED</detailed_status>");
    });
  });
});
