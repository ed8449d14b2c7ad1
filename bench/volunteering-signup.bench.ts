// Benchmark: volunteering sign-ups through the service on SQLite (file, WAL): 1,000 volunteers, 100 shifts of
// 10 places. (1) sequential sign-ups, each its own transaction with the overlap and capacity checks;
// (2) bursts of 50 parallel sign-ups for one 10-place shift (10 confirmed, 40 waitlisted, checked).
// Run: node --import tsx bench/volunteering-signup.bench.ts      Target: median sign-up under 10 ms.
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { loadConfig } from "../src/server/config.ts";
import { asModuleDb, createDb } from "../src/server/db/db.ts";
import { migrateToLatest } from "../src/server/db/migrate.ts";
import { type Caller, VolunteeringService } from "../src/server/modules/volunteering/volunteering.service.ts";
import type { VolunteeringTables } from "../src/server/modules/volunteering/volunteering.tables.ts";
import { RateLimiter } from "../src/server/platform/rate-limit.ts";

const dir = mkdtempSync(path.join(tmpdir(), "keskio-bench-volunteering-"));
const config = loadConfig({
  NODE_ENV: "test",
  LOG_LEVEL: "silent",
  KESKIO_SECRET: "bench-secret-0123456789abcdef0123456789",
  KESKIO_DATABASE_URL: `sqlite:${path.join(dir, "bench.db")}`,
});
const database = createDb(config.database);
await migrateToLatest(database.db);
const NOW = new Date("2026-11-29T10:00:00Z");
const service = new VolunteeringService({
  db: asModuleDb<VolunteeringTables>(database.db),
  config,
  mailer: { send: async () => undefined, close: () => undefined },
  rateLimiter: new RateLimiter(database.db, config.secret),
  now: () => NOW,
  contactOf: async () => null,
  warn: () => undefined,
});
const caller = (id: string): Caller => ({ personId: id, roles: [], accessKey: null });
const rep = caller("rep");
const PROFILE = { interests: [], skills: [], areas: [], languages: [], availability: [] };

const org = await service.registerOrganisation(rep, {
  name: "Bench ry",
  kind: "association",
  description: { fi: "Bench" },
  contactEmail: "bench@example.fi",
});
await service.decideOrganisation({ ...rep, roles: [{ role: "staff", scope: "x" }] }, org.id, true);
const opportunity = await service.createOpportunity(rep, org.id, {
  kind: "event",
  title: { fi: "Bench" },
  description: { fi: "Bench" },
  themes: ["events"],
  skills: [],
  area: "keskusta",
  place: "Tori",
  contactName: "B",
  contactEmail: "b@example.fi",
});
// 100 one-hour shifts on consecutive hours, so a person's sign-ups never overlap.
const shifts: string[] = [];
for (let day = 0; day < 10; day++) {
  for (let hour = 0; hour < 10; hour++) {
    const date = new Date(Date.UTC(2026, 11, 1 + day)).toISOString().slice(0, 10);
    const time = `${String(8 + hour).padStart(2, "0")}:00`;
    const end = `${String(9 + hour).padStart(2, "0")}:00`;
    const [s] = await service.addShifts(rep, opportunity.id, {
      date,
      startTime: time,
      endTime: end,
      places: 10,
    });
    shifts.push(s?.id as string);
  }
}
const volunteers = Array.from({ length: 1000 }, (_, i) => caller(`v${i}`));
for (const v of volunteers)
  await service.saveAccountProfile(v, { displayName: "V", profile: PROFILE, locale: "fi" });

const timings: number[] = [];
for (let i = 0; i < 1000; i++) {
  const started = performance.now();
  await service.signUp(volunteers[i] as Caller, shifts[i % 90] as string);
  timings.push(performance.now() - started);
}
timings.sort((a, b) => a - b);
const pct = (p: number) => (timings[Math.floor((p / 100) * (timings.length - 1))] as number).toFixed(2);

const bursts: number[] = [];
for (let b = 0; b < 10; b++) {
  const shift = shifts[90 + b] as string;
  const group = volunteers.slice(b * 50, b * 50 + 50);
  const started = performance.now();
  const results = await Promise.all(group.map((v) => service.signUp(v, shift)));
  bursts.push(performance.now() - started);
  const confirmed = results.filter((r) => r.status === "confirmed").length;
  if (confirmed !== 10) throw new Error(`burst ${b}: ${confirmed} confirmed, expected 10`);
}
bursts.sort((a, b) => a - b);

console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? "?"}; load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
console.log(`sequential sign-ups (1000): median ${pct(50)} ms, p95 ${pct(95)} ms, max ${pct(100)} ms`);
console.log(
  `bursts of 50 parallel sign-ups for 10 places (10 runs): median ${(bursts[5] as number).toFixed(0)} ms, max ${(bursts[9] as number).toFixed(0)} ms; always exactly 10 confirmed`,
);
await database.destroy();
rmSync(dir, { recursive: true, force: true });
