import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../../test/build-test-app.ts";
import { TestClient } from "../../../../test/http-client.ts";
import { describeEachDialect } from "../../../../test/test-db.ts";
import { runCli } from "../../../cli/main.ts";
import { addressesModule } from "./index.ts";

// A bilingual street (as in a city with Swedish names) beside Heinola-like ones; the points are test data.
const GOOD = [
  "street_fi,street_sv,number,postal_code,post_office_fi,post_office_sv,municipality,lat,lon",
  "Kauppakatu,Handelsgatan,1,18100,Heinola,Heinola,111,61.20460,26.03300",
  "Kauppakatu,Handelsgatan,5,18100,Heinola,Heinola,111,61.20460,26.03660",
  "Kauppakatu,Handelsgatan,5 a,18100,Heinola,Heinola,111,61.20462,26.03680",
  "Kauppakatu,Handelsgatan,50,18100,Heinola,Heinola,111,61.20460,26.07000",
  "Kauppalantie,,2,18100,Heinola,,111,61.21000,26.05000",
  "Östra Allén,,3,18100,Heinola,,111,61.20700,26.04000",
  "Torikatu,,2,18100,Heinola,,111,61.20400,26.03750",
].join("\n");

describeEachDialect("address register", (dialect) => {
  let t: TestApp;
  let anon: TestClient;
  let dir: string;

  async function keskio(args: string[]) {
    const url =
      t.db.schema !== null
        ? `${t.db.databaseConfig.url}${t.db.databaseConfig.url.includes("?") ? "&" : "?"}options=-c%20search_path%3D${t.db.schema}`
        : t.db.databaseConfig.url;
    const out = new PassThrough();
    const err = new PassThrough();
    let text = "";
    let errors = "";
    out.on("data", (c) => {
      text += String(c);
    });
    err.on("data", (c) => {
      errors += String(c);
    });
    const code = await runCli(["node", "keskio", ...args], {
      out,
      err,
      env: { NODE_ENV: "test", KESKIO_SECRET: t.config.secret, KESKIO_DATABASE_URL: url },
    });
    return { code, text, errors };
  }
  function file(name: string, text: string): string {
    const at = path.join(dir, name);
    writeFileSync(at, text);
    return at;
  }
  const search = async (q: string, extra = "") =>
    anon.get(`/api/v1/addresses?q=${encodeURIComponent(q)}${extra}`, { "accept-language": "fi" });
  const labels = (body: { items: { streetFi: string; number: string }[] }) =>
    body.items.map((i) => `${i.streetFi} ${i.number}`);

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    anon = new TestClient(t.app, "192.0.2.130");
    dir = mkdtempSync(path.join(tmpdir(), "keskio-addresses-"));
  });
  afterAll(() => t.close());

  it("imports a file, and a second run of it changes nothing", async () => {
    const first = await keskio(["addresses", "import", file("osoitteet.csv", GOOD)]);
    expect(first.errors).toBe("");
    expect(first.code).toBe(0);
    expect(first.text).toContain("7 addresses read: 7 added, 0 updated, 0 unchanged, 0 removed");
    const again = await keskio(["addresses", "import", file("osoitteet.csv", GOOD)]);
    expect(again.text).toContain("7 addresses read: 0 added, 0 updated, 7 unchanged, 0 removed");
    const count = await t.db.database.db
      .selectFrom("address")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(7);
  });

  it("refuses a file with bad rows, naming each line, and keeps the register as it was", async () => {
    const bad = `${GOOD}\nKauppakatu,,abc,18100,Heinola,,111,61.2,26.0\nTorikatu,,4,999,Heinola,,111,61.2,26.0\n`;
    const res = await keskio(["addresses", "import", "--replace", file("huono.csv", bad)]);
    expect(res.code).toBe(1);
    expect(res.errors).toContain('huono.csv:9: number: "abc" is not a house number');
    expect(res.errors).toContain("huono.csv:10: postal_code: a postal code has five digits");
    expect(res.errors).toContain("nothing was imported: 2 problem(s)");
    expect(labels((await search("torik")).json())).toEqual(["Torikatu 2"]);
  });

  it("searches by street prefix in Finnish or Swedish, without regard to accents or case", async () => {
    const res = await search("kauppa");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(labels(body)).toEqual([
      "Kauppakatu 1",
      "Kauppakatu 5",
      "Kauppakatu 5 a",
      "Kauppakatu 50",
      "Kauppalantie 2",
    ]);
    expect(body.items[0]).toMatchObject({
      streetSv: "Handelsgatan",
      postalCode: "18100",
      postOfficeFi: "Heinola",
      lat: 61.2046,
      long: 26.033,
      matched: "fi",
      isExample: false,
    });
    expect(body.attribution).toEqual({
      text: "Digi- ja väestötietovirasto (DVV), Rakennukset ja niiden osoitteet",
      licence: "CC BY 4.0",
      isExample: false,
    });
    const swedish = (await search("HANDELSG 5")).json();
    expect(labels(swedish)).toEqual(["Kauppakatu 5", "Kauppakatu 5 a"]);
    expect(swedish.items[0].matched).toBe("sv");
    expect(labels((await search("ostra alle")).json())).toEqual(["Östra Allén 3"]);
    expect(labels((await search("Kauppakatu 5 A, Heinola")).json())).toEqual(["Kauppakatu 5 a"]);
    expect(labels((await search("kauppak", "&limit=2")).json())).toEqual(["Kauppakatu 1", "Kauppakatu 5"]);
    expect((await search("ei-olemassa")).json().items).toEqual([]);
  });

  it("answers a prefix search from the street indexes, not by reading every address (SQLite's plan)", async () => {
    if (dialect !== "sqlite") return;
    const db = t.db.database.db;
    const plan = (key: string) =>
      sql<{ detail: string }>`explain query plan select * from address
        where ${sql.ref(key)} >= ${"kauppak"} and ${sql.ref(key)} < ${"kauppak~"}
        order by ${sql.ref(key)}, number_base limit 16`.execute(db);
    const details = [...(await plan("street_key")).rows, ...(await plan("street_sv_key")).rows]
      .map((r) => r.detail)
      .join("\n");
    expect(details).toContain("USING INDEX address_street_idx");
    expect(details).toContain("USING INDEX address_street_sv_idx");
    // Read in the index's order: no sort of every match.
    expect(details).not.toContain("TEMP B-TREE");
    expect(details).not.toMatch(/SCAN address(?! USING)/);
  });

  it("answers a search without a street, or a bad limit, with a localized problem", async () => {
    const res = await anon.get("/api/v1/addresses?q=5", { "accept-language": "sv" });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
    expect(res.json().detail).toContain("Skriv minst två bokstäver");
    for (const query of ["", "?q=", `?q=${"a".repeat(101)}`, "?q=kauppa&limit=0", "?q=kauppa&limit=999"]) {
      const bad = await anon.get(`/api/v1/addresses${query}`);
      expect(bad.statusCode, query).toBe(400);
      expect(bad.headers["content-type"]).toContain("application/problem+json");
    }
  });

  it("finds the nearest address to a map point within the distance asked", async () => {
    // About 10 m east of Kauppakatu 5 and 12 m west of 5 a.
    const res = await anon.get("/api/v1/addresses/nearest?lat=61.20460&long=26.03678");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(`${body.address.streetFi} ${body.address.number}`).toBe("Kauppakatu 5 a");
    expect(body.distanceMetres).toBeLessThan(5);
    expect(body.attribution.licence).toBe("CC BY 4.0");
    const west = (await anon.get("/api/v1/addresses/nearest?lat=61.20460&long=26.03640")).json();
    expect(`${west.address.streetFi} ${west.address.number}`).toBe("Kauppakatu 5");
    // 0.002° of longitude is about 107 m at this latitude: found within 150 m, not within the default 100.
    const far = "/api/v1/addresses/nearest?lat=61.21000&long=26.05200";
    expect((await anon.get(far)).json()).toEqual({ address: null, distanceMetres: null, attribution: null });
    expect((await anon.get(`${far}&within=150`)).json().address.streetFi).toBe("Kauppalantie");
    for (const query of ["lat=91&long=26", "lat=61.2", "lat=x&long=26", "lat=61.2&long=26&within=5000"]) {
      const bad = await anon.get(`/api/v1/addresses/nearest?${query}`);
      expect(bad.statusCode, query).toBe(400);
      expect(bad.headers["content-type"]).toContain("application/problem+json");
    }
  });

  it("updates changed addresses and, with --replace, removes those the file lacks", async () => {
    const moved = GOOD.replace(
      "Torikatu,,2,18100,Heinola,,111,61.20400,26.03750",
      "Torikatu,,2,18100,Heinola,,111,61.20410,26.03750",
    )
      .split("\n")
      .filter((line) => !line.startsWith("Kauppalantie"))
      .join("\n");
    const res = await keskio([
      "addresses",
      "import",
      "--replace",
      "--attribution",
      "OpenStreetMap-tekijät",
      "--licence",
      "ODbL 1.0",
      file("uusi.csv", moved),
    ]);
    expect(res.text).toContain("6 addresses read: 0 added, 1 updated, 5 unchanged, 1 removed");
    expect((await search("kauppal")).json().items).toEqual([]);
    expect((await search("torikatu 2")).json().attribution).toEqual({
      text: "OpenStreetMap-tekijät",
      licence: "ODbL 1.0",
      isExample: false,
    });
  });

  it("adds labelled example addresses only with --demo, and not over a real register", async () => {
    const seed = (demo: boolean) =>
      addressesModule.seed?.(t.db.database, { demo, now: new Date("2030-01-01T09:00:00Z") });
    expect(await seed(false)).toMatchObject({ created: 0 });
    // This register holds real addresses: the example ones stay out.
    expect(await seed(true)).toMatchObject({ created: 0, unchanged: 0 });
    await t.db.database.db.deleteFrom("address").execute();
    expect(await seed(true)).toMatchObject({ created: 22 });
    expect(await seed(true)).toMatchObject({ created: 0, unchanged: 22 });
    const body = (await search("kauppakatu 5")).json();
    expect(body.items[0].isExample).toBe(true);
    expect(body.attribution.isExample).toBe(true);
    expect(body.attribution.text).toContain("Esimerkkiaineisto");
  });
});
