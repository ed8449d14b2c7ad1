import { Value } from "typebox/value";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../../test/build-test-app.ts";
import { buildPerson, type PersonOverrides } from "../../../test/factories.ts";
import { TestClient } from "../../../test/http-client.ts";
import { describeEachDialect } from "../../../test/test-db.ts";
import { type OpenDataField, OpenDataset } from "../../contracts/opendata.ts";
import { isWebRoute } from "../../contracts/web-routes.ts";
import { computeHenkilotunnusCheckCharacter } from "../lib/henkilotunnus.ts";
import { newId } from "../lib/ids.ts";
import { Csrf } from "../platform/csrf.ts";
import type { BaseModuleContext, OpenDataSource } from "../platform/module.ts";
import { RateLimiter } from "../platform/rate-limit.ts";
import { modules } from "./index.ts";

// Every module's open data declarations, checked against what the server really serves: a declaration that
// names a path nobody can fetch, the wrong media type or columns the file does not have fails here, and so
// does any file that carries the personal data of the people this test creates.

const START = new Date("2026-11-28T10:00:00Z");
const DAY = 86_400_000;
const PASSWORD = "open-data-test-password";

/** A valid test henkilötunnus (1900s) for a birth date DDMMYY and individual number NNN. */
function hetu(ddmmyy: string, individual: string): string {
  return `${ddmmyy}-${individual}${computeHenkilotunnusCheckCharacter(`${ddmmyy}${individual}`)}`;
}

/** The records of a CSV file (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  const endField = () => {
    record.push(field);
    field = "";
  };
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    i += 1;
    if (quoted && c === '"' && next === '"') {
      field += '"';
      i += 1;
    } else if (c === '"') quoted = !quoted;
    else if (quoted) field += c;
    else if (c === ",") endField();
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && next === "\n") i += 1;
      endField();
      records.push(record);
      record = [];
    } else field += c;
  }
  if (field !== "" || record.length > 0) {
    endField();
    records.push(record);
  }
  return records;
}

/** Whether a non-empty CSV cell is a value of the data dictionary's type. */
const FITS: Record<OpenDataField["type"], (cell: string) => boolean> = {
  string: () => true,
  integer: (cell) => /^-?\d+$/.test(cell),
  number: (cell) => cell.trim() !== "" && Number.isFinite(Number(cell)),
  boolean: (cell) => cell === "true" || cell === "false",
  date: (cell) => /^\d{4}-\d{2}-\d{2}$/.test(cell),
  datetime: (cell) => !Number.isNaN(Date.parse(cell)) && /T/.test(cell),
};

describeEachDialect("the modules' open datasets", (dialect) => {
  let t: TestApp;
  let clock = START;
  let sources: OpenDataSource[] = [];
  const hetus = Array.from({ length: 6 }, (_, i) => hetu(`0${i + 1}0390`, String(201 + i)));

  async function signIn(email: string, ip: string, roles: PersonOverrides["roles"]) {
    await buildPerson(t.db.database.db, { email, password: PASSWORD, roles, now: clock });
    const client = new TestClient(t.app, ip);
    const res = await client.post("/api/v1/auth/sign-in", { email, password: PASSWORD });
    expect(res.statusCode).toBe(200);
    return client;
  }

  beforeAll(async () => {
    t = await buildTestApp(dialect, { now: () => clock });
    for (const module of modules) await module.seed?.(t.db.database, { demo: true, now: START });
    const context: BaseModuleContext = {
      config: t.config,
      database: t.db.database,
      now: () => clock,
      mailer: { send: async () => undefined, close: () => undefined },
      csrf: new Csrf(t.config.secret, false),
      rateLimiter: new RateLimiter(t.db.database.db, t.config.secret),
    };
    sources = modules.flatMap((m) => (m.openData ? [m.openData(context)] : []));

    // Budgeting: the demo round is voting; six paper ballots, then the city counts and publishes after it closes.
    let staff = await signIn("virkailija.avoindata@example.fi", "192.0.2.200", [{ role: "staff" }]);
    const round = (await staff.get("/api/v1/budgeting/rounds")).json()[0] as {
      id: string;
      votingEnd: string;
    };
    const proposals = (await staff.get(`/api/v1/budgeting/rounds/${round.id}/proposals`)).json() as {
      id: string;
    }[];
    for (const [i, henkilotunnus] of hetus.entries()) {
      const choices = proposals.slice(i % 3, (i % 3) + 2).map((p) => ({ projectId: p.id }));
      const cast = await staff.post(`/api/v1/budgeting/rounds/${round.id}/paper-ballots`, {
        henkilotunnus,
        residencyChecked: true,
        choices,
      });
      expect(cast.statusCode).toBe(201);
    }
    clock = new Date(Date.parse(round.votingEnd) + DAY);
    staff = await signIn("virkailija2.avoindata@example.fi", "192.0.2.201", [{ role: "staff" }]);
    expect((await staff.post(`/api/v1/budgeting/rounds/${round.id}/results`, {})).statusCode).toBe(200);

    // Survey: last year's example round is closed, so its results are final.
    const closed = await staff.patch(`/api/v1/survey/rounds/esimerkki-${START.getUTCFullYear() - 1}`, {
      status: "closed",
    });
    expect(closed.statusCode).toBe(200);

    // Feedback: a report with the reporter's contact details, published by a moderator with a moderated text.
    const reporter = new TestClient(t.app, "192.0.2.202");
    const report = await reporter.post("/api/v1/feedback/requests", {
      serviceCode: "puistot",
      description: "Penkki rikki puistossa, terveisin Aino Avoindatanen.",
      location: { lat: 61.2058, long: 26.0381, address: "Kauppakatu 1" },
      publishConsent: true,
      email: "aino.avoindatanen@example.fi",
      name: "Aino Avoindatanen",
      phone: "0401112233",
    });
    expect(report.statusCode).toBe(201);
    const moderator = await signIn("moderaattori.avoindata@example.fi", "192.0.2.203", [
      { role: "moderator" },
    ]);
    const moderated = await moderator.post(
      `/api/v1/feedback/handling/requests/${report.json().id}/moderation`,
      { visibility: "published", publicDescription: "Penkki rikki puistossa. [nimi poistettu]" },
    );
    expect(moderated.statusCode).toBe(200);

    // Volunteering: five named volunteers with confirmed hours on a demo task (written straight into the
    // tables, as test/factories.ts does for people), so that hours.csv has a published row.
    const db = t.db.database.db;
    const opportunity = await db
      .selectFrom("volunteering_opportunity")
      .select("id")
      .executeTakeFirstOrThrow();
    for (let i = 0; i < 5; i++) {
      const id = newId();
      const at = clock.toISOString();
      await db
        .insertInto("volunteering_volunteer")
        .values({
          id,
          person_id: null,
          email: `vapaaehtoinen${i}.avoindata@example.fi`,
          email_confirmed_at: at,
          display_name: `Vilja Vapaaehtoinen${i}`,
          locale: "fi",
          profile: JSON.stringify({ themes: [], skills: [], areas: [], availability: [] }),
          calendar_token: newId(),
          created_at: at,
          updated_at: at,
        })
        .execute();
      await db
        .insertInto("volunteering_hours")
        .values({
          id: newId(),
          volunteer_id: id,
          opportunity_id: opportunity.id,
          shift_id: null,
          work_date: "2026-11-20",
          minutes: 90,
          note: `Vilja Vapaaehtoinen${i} auttoi`,
          status: "confirmed",
          logged_by: "organisation",
          created_at: at,
        })
        .execute();
    }
  }, 120_000);
  afterAll(() => t.close());

  /** Every piece of personal data the database holds about the people of this test and the demo. */
  async function personalData(): Promise<string[]> {
    const db = t.db.database.db;
    const values: unknown[] = [...hetus];
    // The database speaks camelCase through Kysely's CamelCasePlugin.
    const read = async (table: string, columns: string[]) => {
      for (const row of await db.selectFrom(table).select(columns).execute())
        for (const column of columns) values.push((row as Record<string, unknown>)[column]);
    };
    await read("identity_person", ["email", "displayName"]);
    await read("feedback_request", ["contactEmail", "contactName", "contactPhone"]);
    await read("volunteering_volunteer", ["email", "displayName"]);
    await read("survey_sample_member", ["label", "phone"]);
    // Short strings (a first name alone) would match ordinary words; the full values are what matter.
    return [...new Set(values.filter((v): v is string => typeof v === "string" && v.length >= 8))];
  }

  async function allDatasets(): Promise<OpenDataset[]> {
    const lists = await Promise.all(
      sources.map(async (s) => ({ module: s.module, datasets: await s.datasets() })),
    );
    for (const list of lists) for (const d of list.datasets) expect(d.module, d.id).toBe(list.module);
    return lists.flatMap((l) => l.datasets);
  }

  it("declares datasets that validate against the contract, with unique ids and real pages", async () => {
    const datasets = await allDatasets();
    expect(new Set(sources.map((s) => s.module))).toEqual(
      new Set(["strategy", "budgeting", "survey", "feedback", "volunteering"]),
    );
    for (const d of datasets) {
      const errors = [...Value.Errors(OpenDataset, d)].map((e) => `${e.instancePath} ${e.message}`);
      expect(errors, d.id).toEqual([]);
      expect(d.id.startsWith(`${d.module}.`), d.id).toBe(true);
      for (const text of [d.title, d.description, ...d.keywords]) {
        expect(text.sv, d.id).toBeTruthy();
        expect(text.en, d.id).toBeTruthy();
      }
      if (d.landingPage) expect(isWebRoute(d.landingPage), d.landingPage).toBe(true);
      if (d.temporal?.end) expect(d.temporal.start <= d.temporal.end, d.id).toBe(true);
    }
    const ids = datasets.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    // The published budgeting round and the closed survey round each have their dataset.
    expect(ids.filter((id) => id.startsWith("budgeting.round-"))).toHaveLength(1);
    expect(ids).toContain(`survey.round-esimerkki-${START.getUTCFullYear() - 1}`);
    // A round still in fieldwork has no final results to publish.
    expect(ids).not.toContain(`survey.round-esimerkki-${START.getUTCFullYear()}`);
  });

  it("serves every distribution to anyone, as declared, without anyone's personal data", async () => {
    const secrets = await personalData();
    expect(secrets).toContain("aino.avoindatanen@example.fi");
    expect(secrets).toContain("Vilja Vapaaehtoinen0");
    const anonymous = new TestClient(t.app, "192.0.2.210");
    let csvRows = 0;
    for (const d of await allDatasets()) {
      for (const file of d.distributions) {
        const where = `${d.id} ${file.path}`;
        const res = await anonymous.get(file.path);
        expect(res.statusCode, where).toBe(200);
        expect(String(res.headers["content-type"]).split(";")[0], where).toBe(file.mediaType);
        const body = res.body;
        if (file.format === "CSV") {
          const fields = file.fields ?? [];
          expect(fields.length, where).toBeGreaterThan(0);
          const [header, ...rows] = parseCsv(body);
          expect(header, where).toEqual(fields.map((f) => f.name));
          // Every row has the declared columns, and every value is of its column's declared type.
          for (const [n, row] of rows.entries()) {
            expect(row.length, `${where} row ${n + 1}`).toBe(fields.length);
            for (const [k, field] of fields.entries()) {
              const cell = row[k] ?? "";
              if (cell !== "") expect(FITS[field.type](cell), `${where} ${field.name}: ${cell}`).toBe(true);
            }
          }
          csvRows += rows.length;
        }
        if (file.format === "JSON") expect(() => JSON.parse(body), where).not.toThrow();
        if (file.format === "XML") expect(body.startsWith("<?xml"), where).toBe(true);
        if (file.format === "PB") expect(body.startsWith("META"), where).toBe(true);
        for (const secret of secrets)
          expect(body.includes(secret), `${where} contains "${secret}"`).toBe(false);
      }
    }
    // The files were not all empty: the checks above read real rows.
    expect(csvRows).toBeGreaterThan(0);
  });

  it("shows the published request and the counted ballots in the files", async () => {
    const datasets = await allDatasets();
    const requests = datasets.find((d) => d.id === "feedback.requests");
    const json = requests?.distributions.find((f) => f.format === "JSON");
    const list = (await t.app.inject(json?.path ?? "/")).json();
    expect(JSON.stringify(list)).toContain("[nimi poistettu]");
    const round = datasets.find((d) => d.id.startsWith("budgeting.round-"));
    const ballots = round?.distributions.filter((f) => f.format === "PB") ?? [];
    expect(ballots.length).toBeGreaterThan(0);
    const first = await t.app.inject(ballots[0]?.path ?? "/");
    expect(first.body).toMatch(/num_votes;[1-9]/);
    const hours = datasets.find((d) => d.id === "volunteering.hours");
    const csv = await t.app.inject(hours?.distributions[0]?.path ?? "/");
    expect(csv.body).toMatch(/\n2026-11,[a-z]+,5,7.5\r\n/);
    expect(hours?.temporal).toEqual({ start: "2026-11-01", end: "2026-11-30" });
  });
});
