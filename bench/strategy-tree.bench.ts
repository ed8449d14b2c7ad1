// Benchmark: the public strategy tree API with 5 programmes, 40 goals, 200 actions and 100 indicators of
// 20 years × 5 areas (plus totals), on SQLite, through the real app (inject). Synthetic, seeded data.
// Run: node --import tsx bench/strategy-tree.bench.ts        Target: median under 50 ms.
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import path from "node:path";
import { buildApp } from "../src/server/app.ts";
import { loadConfig } from "../src/server/config.ts";
import { createDb } from "../src/server/db/db.ts";
import { migrateToLatest } from "../src/server/db/migrate.ts";

const RUNS = 30;
const dir = mkdtempSync(path.join(tmpdir(), "keskio-bench-tree-"));
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

// A deterministic pseudo-random sequence (mulberry32), so every run measures the same data.
let seed = 20261128;
const random = () => {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const at = "2026-11-28T10:00:00.000Z";
const text = (fi: string) => JSON.stringify({ fi, sv: `${fi} (sv)`, en: `${fi} (en)` });
const id = (kind: string, n: number) => `${kind}-${String(n).padStart(4, "0")}`;

await db
  .insertInto("strategy_plan")
  .values({
    id: "plan",
    slug: "bench",
    title: text("Bench"),
    vision: text("V"),
    mission: text("M"),
    period_start: 2018,
    period_end: 2030,
    values: "[]",
    themes: "[]",
    created_at: at,
    updated_at: at,
  })
  .execute();
const empty = {
  statement: null,
  change_agenda: "[]",
  foundations: "[]",
  choices: "[]",
  target_groups: "[]",
  values: "[]",
  focus_areas: "[]",
};
for (let p = 0; p < 5; p += 1) {
  await db
    .insertInto("strategy_programme")
    .values({
      id: id("p", p),
      plan_id: "plan",
      slug: `p${p}`,
      position: p,
      name: text(`Ohjelma ${p}`),
      summary: text("S"),
      ...empty,
      created_at: at,
      updated_at: at,
    })
    .execute();
}
for (let g = 0; g < 40; g += 1) {
  await db
    .insertInto("strategy_goal")
    .values({
      id: id("g", g),
      programme_id: id("p", g % 5),
      slug: `g${g}`,
      position: g,
      title: text(`Tavoite ${g}`),
      target_groups: JSON.stringify([{ fi: "Nuoret" }]),
      created_at: at,
      updated_at: at,
    })
    .execute();
}
for (let a = 0; a < 200; a += 1) {
  await db
    .insertInto("strategy_action")
    .values({
      id: id("a", a),
      goal_id: id("g", a % 40),
      slug: `a${a}`,
      position: a,
      title: text(`Toimenpide ${a}`),
      responsible_unit: `unit-${a % 4}`,
      progress: "in_progress",
      created_at: at,
      updated_at: at,
    })
    .execute();
  await db
    .insertInto("strategy_milestone")
    .values({
      id: id("m", a),
      action_id: id("a", a),
      title: text("M"),
      due_date: `202${5 + (a % 3)}-06-30`,
      done_on: a % 2 === 0 ? "2026-01-01" : null,
    })
    .execute();
}
const areas = ["", "Keskusta", "Jyränkö", "Vierumäki", "Lusi", "Kirkonkylä"];
await database.db.transaction().execute(async (trx) => {
  for (let i = 0; i < 100; i += 1) {
    const increase = i % 2 === 0;
    await trx
      .insertInto("strategy_indicator")
      .values({
        id: id("i", i),
        key: `indicator-${i}`,
        name: text(`Mittari ${i}`),
        unit: JSON.stringify({ fi: "%" }),
        source: text("Synteettinen"),
        resolution: "year",
        direction: increase ? "increase" : "decrease",
        baseline_year: 2010,
        baseline_value: 50,
        target_year: 2030,
        target_value: increase ? 60 : 40,
        is_example: 1,
        created_at: at,
        updated_at: at,
      })
      .execute();
    for (let year = 2010; year < 2030; year += 1) {
      for (const area of areas) {
        await trx
          .insertInto("strategy_indicator_value")
          .values({
            indicator_id: id("i", i),
            year,
            period: String(year),
            area,
            age_group: "",
            sex: "",
            value: 50 + (random() - 0.5) * 10 + (year - 2010) * 0.2,
            source: "example",
            recorded_at: at,
          })
          .execute();
      }
    }
  }
  for (let g = 0; g < 40; g += 1) {
    for (const k of [0, 1, 2])
      await trx
        .insertInto("strategy_goal_indicator")
        .values({ goal_id: id("g", g), indicator_id: id("i", (g * 3 + k) % 100) })
        .execute();
  }
  for (let a = 0; a < 200; a += 1)
    await trx
      .insertInto("strategy_action_indicator")
      .values({ action_id: id("a", a), indicator_id: id("i", a % 100) })
      .execute();
});

const app = await buildApp(config, {
  database,
  mailer: { send: async () => undefined, close: () => undefined },
});
await app.ready();
const times: number[] = [];
let bytes = 0;
for (let run = 0; run < RUNS + 3; run += 1) {
  const start = performance.now();
  const res = await app.inject("/api/v1/strategy/tree");
  const ms = performance.now() - start;
  if (res.statusCode !== 200) throw new Error(`tree answered ${res.statusCode}`);
  bytes = res.body.length;
  if (run >= 3) times.push(ms);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)] ?? Number.NaN;
const p95 = times[Math.floor(times.length * 0.95)] ?? Number.NaN;
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? "?"}, Node ${process.version}`);
console.log(
  "data: 5 programmes, 40 goals, 200 actions, 100 indicators × 20 years × (5 areas + total) = 12,000 values (synthetic)",
);
console.log(
  `GET /api/v1/strategy/tree (${(bytes / 1024).toFixed(0)} KiB): median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms over ${RUNS} runs (target < 50 ms median) ${median < 50 ? "OK" : "MISSED"}`,
);
await app.close();
await database.destroy();
rmSync(dir, { recursive: true, force: true });
