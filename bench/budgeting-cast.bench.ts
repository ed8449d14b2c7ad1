// Benchmark: casting ballots through the real app (inject: session cookie → authentication → CSRF → schema
// validation → service → one upsert) on SQLite, with 100 voters casting at once. Each of 3,000 verified
// residents votes, then changes the vote (the last counts), so both the insert and the replace path run.
// Run: node --import tsx bench/budgeting-cast.bench.ts        Target: ≥ 1,000 ballots/s sustained, p99 < 100 ms.
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { buildApp } from "../src/server/app.ts";
import { loadConfig } from "../src/server/config.ts";
import { createDb } from "../src/server/db/db.ts";
import { migrateToLatest } from "../src/server/db/migrate.ts";
import { hashToken, newSecretToken } from "../src/server/modules/identity/identity.crypto.ts";

const VOTERS = Number(process.env.BENCH_VOTERS ?? 3_000);
const CONCURRENCY = 100;
const dir = mkdtempSync(path.join(tmpdir(), "keskio-bench-cast-"));
const file = path.join(dir, "bench.db");
const config = loadConfig({
  NODE_ENV: "test",
  LOG_LEVEL: "silent",
  KESKIO_SECRET: "bench-secret-0123456789abcdef0123456789",
  KESKIO_DATABASE_URL: `sqlite:${file}`,
  KESKIO_WEB_ROOT: "/nonexistent",
});
const database = createDb(config.database);
await migrateToLatest(database.db);
const db = database.db;
const start = new Date();
const at = start.toISOString();
const later = new Date(start.getTime() + 86_400_000).toISOString();

// One round in its voting phase with 12 projects in one area: approval of at most 3.
await db
  .insertInto("budgeting_round")
  .values({
    id: "0190aaaa-0000-7000-8000-000000000001",
    title: JSON.stringify({ fi: "Bench" }),
    description: JSON.stringify({ fi: "Bench" }),
    phase: "voting",
    ideas_start: at,
    review_start: at,
    voting_start: new Date(start.getTime() - 60_000).toISOString(),
    voting_end: later,
    ballot_type: "approval",
    max_choices: 3,
    points_total: null,
    min_age: 15,
    rule: "mes",
    is_example: 0,
    results_published_at: null,
    created_at: at,
    updated_at: at,
  })
  .execute();
await db
  .insertInto("budgeting_area")
  .values({
    id: "area-1",
    round_id: "0190aaaa-0000-7000-8000-000000000001",
    position: 0,
    name: '{"fi":"A"}',
    budget: 50000,
  })
  .execute();
const projects: string[] = [];
for (let j = 0; j < 12; j++) {
  const id = `0190aaaa-0000-7000-8000-0000000p${String(j).padStart(4, "0")}`;
  projects.push(id);
  await db
    .insertInto("budgeting_proposal")
    .values({
      id,
      round_id: "0190aaaa-0000-7000-8000-000000000001",
      area_id: "area-1",
      author_id: null,
      title: `Hanke ${j}`,
      description: "Kuvaus",
      language: "fi",
      location_text: null,
      latitude: null,
      longitude: null,
      cost_estimate: 1000 * (j + 1),
      status: "feasible",
      merged_into: null,
      review_cost: 1000 * (j + 1),
      review_reason: null,
      reviewed_at: at,
      strategy_action_id: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

// Verified residents with sessions, written straight into the identity tables (setup, not measured).
const voters: { token: string; csrf: string }[] = [];
await db.transaction().execute(async (trx) => {
  for (let v = 0; v < VOTERS; v++) {
    const id = `0190bbbb-0000-7000-8000-${String(v).padStart(12, "0")}`;
    await trx
      .insertInto("identity_person")
      .values({
        id,
        email: `voter${v}@example.fi`,
        email_verified_at: at,
        password_hash: null,
        display_name: `Voter ${v}`,
        preferred_locale: "fi",
        hetu_hmac: `bench-hmac-${v}`,
        birth_date: "1980-01-01",
        resident_method: "census",
        resident_verified_at: at,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await trx
      .insertInto("identity_role")
      .values({ person_id: id, role: "resident", scope: "", granted_at: at })
      .execute();
    const token = newSecretToken();
    await trx
      .insertInto("identity_session")
      .values({
        token_hash: hashToken(token),
        person_id: id,
        created_at: at,
        last_seen_at: at,
        expires_at: later,
      })
      .execute();
    voters.push({ token, csrf: "" });
  }
});

const app = await buildApp(config, { database });
await app.ready();
for (const voter of voters) {
  const res = await app.inject({
    url: "/api/v1/auth/session",
    headers: { cookie: `keskio_session=${voter.token}` },
  });
  voter.csrf = res.json().csrfToken;
}

const url = "/api/v1/budgeting/rounds/0190aaaa-0000-7000-8000-000000000001/ballot";
async function cast(voter: { token: string; csrf: string }, k: number): Promise<number> {
  const choices = [0, 1, 2].map((i) => ({ projectId: projects[(k + i * 5) % projects.length] as string }));
  const t0 = performance.now();
  const res = await app.inject({
    method: "PUT",
    url,
    headers: {
      cookie: `keskio_session=${voter.token}; keskio_csrf=${voter.csrf}`,
      "x-csrf-token": voter.csrf,
      "content-type": "application/json",
    },
    payload: JSON.stringify({ choices }),
  });
  if (res.statusCode !== 200) throw new Error(`cast answered ${res.statusCode}: ${res.body}`);
  return performance.now() - t0;
}

// Warm-up on the first 200 voters (their later casts are changes), then the measured run: every voter
// casts twice, 100 at a time.
await Promise.all(voters.slice(0, 200).map((v, k) => cast(v, k)));
const jobs = [...voters.map((v, k) => [v, k] as const), ...voters.map((v, k) => [v, k + 1] as const)];
const latencies: number[] = [];
let next = 0;
const load = loadavg()[0] ?? 0;
const began = performance.now();
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next < jobs.length) {
      const [voter, k] = jobs[next++] as (typeof jobs)[number];
      latencies.push(await cast(voter, k));
    }
  }),
);
const seconds = (performance.now() - began) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
const stored = await db
  .selectFrom("budgeting_ballot")
  .select((eb) => eb.fn.countAll<number>().as("n"))
  .executeTakeFirst();
const rate = jobs.length / seconds;
console.log(
  `budgeting cast: ${jobs.length} ballots from ${VOTERS} voters at ${CONCURRENCY} concurrent in ${seconds.toFixed(2)} s = ${Math.round(rate)} ballots/s; ` +
    `p50 ${pct(0.5).toFixed(1)} ms, p99 ${pct(0.99).toFixed(1)} ms, max ${pct(1).toFixed(1)} ms; ` +
    `stored ballots ${Number(stored?.n)}; load average at start ${load.toFixed(2)}`,
);
console.log(
  `targets: ≥ 1000 ballots/s ${rate >= 1000 ? "met" : "NOT met"}, p99 < 100 ms ${pct(0.99) < 100 ? "met" : "NOT met"}`,
);
await app.close();
await database.destroy();
rmSync(dir, { recursive: true, force: true });
