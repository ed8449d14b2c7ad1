// Benchmark: creating service requests through Open311 (form POST with api_key) and through the web API
// (JSON with CSRF), then reading the request list through both, on SQLite through the real app (hooks →
// parsing → validation → service → one transaction), with 50 clients at once.
// Run: node --import tsx bench/feedback-open311.bench.ts     Targets: ≥ 1,000 creates/s, p99 < 50 ms for reads.
// BENCH_TRANSPORT=inject (default) calls the app in-process; BENCH_TRANSPORT=http runs it as a server on a
// local port, with the 50 clients in a worker thread sending real HTTP (bench/http-clients.ts).
// Each kind of call is first run BENCH_WARMUP times (300 by default) and printed as a warm-up, not measured
// against the targets: a server that has been up for a minute has compiled its code, and the first calls
// of a new process pay for that (about half their CPU). The list caches are empty again when the measured
// reads start (every request is published just before them, which is a write).
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { buildApp } from "../src/server/app.ts";
import { loadConfig } from "../src/server/config.ts";
import { createDb } from "../src/server/db/db.ts";
import { migrateToLatest } from "../src/server/db/migrate.ts";
import { hashApiKey } from "../src/server/modules/feedback/feedback.service.ts";
import { feedbackModule } from "../src/server/modules/feedback/index.ts";
import { HttpClients, type RequestSpec } from "./http-clients.ts";

const CREATES = Number(process.env.BENCH_CREATES ?? 3_000);
const READS = Number(process.env.BENCH_READS ?? 2_000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 300);
const CONCURRENCY = 50;
const TRANSPORT = process.env.BENCH_TRANSPORT ?? "inject";
if (TRANSPORT !== "inject" && TRANSPORT !== "http") throw new Error("BENCH_TRANSPORT is inject or http");
const dir = mkdtempSync(path.join(tmpdir(), "keskio-bench-feedback-"));
const config = loadConfig({
  NODE_ENV: "test",
  LOG_LEVEL: "silent",
  KESKIO_SECRET: "bench-secret-0123456789abcdef0123456789",
  KESKIO_DATABASE_URL: `sqlite:${path.join(dir, "bench.db")}`,
  KESKIO_WEB_ROOT: "/nonexistent",
  // Every client here is one address (127.0.0.1) with one API key: the report limits, checked on every create
  // as in production, are set far above what the run sends, so the run measures throughput, not refusals.
  KESKIO_FEEDBACK_REPORTS_PER_ADDRESS_HOUR: "1000000",
  KESKIO_OPEN311_REPORTS_PER_KEY_HOUR: "1000000",
});
const database = createDb(config.database);
await migrateToLatest(database.db);
await feedbackModule.seed?.(database, { demo: true, now: new Date() });
const KEY = "bench-open311-key-0123456789abcdefghij";
await database.db
  .insertInto("feedback_api_key")
  .values({
    id: "0190bbbb-0000-7000-8000-000000000001",
    name: "bench",
    key_hash: hashApiKey(KEY),
    created_at: new Date().toISOString(),
  })
  .execute();
const sent: unknown[] = [];
console.log(`load average (1 min) at the start: ${(loadavg()[0] ?? 0).toFixed(2)}; cores: ${cpus().length}`);
const app = await buildApp(config, {
  database,
  mailer: { send: async (m) => void sent.push(m), close: () => undefined },
});
await app.ready();

const session = await app.inject({ url: "/api/v1/auth/session" });
const csrf = session.cookies.find((c) => c.name === "keskio_csrf")?.value ?? "";
let http: HttpClients | null = null;
if (TRANSPORT === "http") {
  const origin = await app.listen({ host: "127.0.0.1", port: 0 });
  http = new HttpClients(origin);
}
console.log(`transport: ${TRANSPORT}`);

/** Sends `total` requests with CONCURRENCY in flight; prints and returns requests/s and latency percentiles. */
async function run(label: string, total: number, request: (i: number) => RequestSpec) {
  const cpuBefore = process.cpuUsage();
  const { latencies, statuses, seconds } = http
    ? await http.run(
        Array.from({ length: total }, (_, i) => request(i)),
        CONCURRENCY,
      )
    : await inject(total, request);
  // CPU time of this process per request (server and clients together): unlike requests/s, it hardly
  // changes when other programs share the machine.
  const cpu = process.cpuUsage(cpuBefore);
  const cpuPerRequest = (cpu.user + cpu.system) / total;
  const failures = statuses.filter((status) => status >= 300).length;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0;
  console.log(
    `${label}: ${total} in ${seconds.toFixed(2)} s = ${(total / seconds).toFixed(0)}/s; ` +
      `p50 ${pct(0.5).toFixed(1)} ms, p99 ${pct(0.99).toFixed(1)} ms, max ${pct(1).toFixed(1)} ms; ` +
      `CPU ${cpuPerRequest.toFixed(0)} µs/request; failures ${failures}`,
  );
  return { rate: total / seconds, p99: pct(0.99) };
}

/** The in-process transport: the same requests through app.inject, CONCURRENCY at a time. */
async function inject(total: number, request: (i: number) => RequestSpec) {
  const latencies: number[] = [];
  const statuses: number[] = [];
  let next = 0;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < total) {
        const spec = request(next++);
        const t0 = performance.now();
        // A turn of the event loop, as a real request gets (it arrives as I/O): inject alone runs in
        // microtasks, so the event loop would never turn, and what light-my-request leaves to setImmediate
        // (about 10 kB a response) would pile up until the run ends, its collection landing in the latencies.
        await new Promise((resolve) => setImmediate(resolve));
        const res = await app.inject(spec);
        latencies.push(performance.now() - t0);
        statuses.push(res.statusCode);
      }
    }),
  );
  return { latencies, statuses, seconds: (performance.now() - began) / 1000 };
}

/** One Open311 create, as a client would post it. */
function postOpen311(i: number): RequestSpec {
  const body = new URLSearchParams({
    api_key: KEY,
    service_code: "puistot",
    lat: String(61.2 + (i % 100) / 1000),
    long: String(26.03 + (i % 50) / 1000),
    description: `Kaatunut puu numero ${i} puiston käytävällä.`,
  });
  return {
    method: "POST",
    url: "/open311/v2/requests.json",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    payload: body.toString(),
  };
}
/** One web API create, as the report form sends it. */
function postWeb(i: number): RequestSpec {
  return {
    method: "POST",
    url: "/api/v1/feedback/requests",
    headers: { "content-type": "application/json", "x-csrf-token": csrf, cookie: `keskio_csrf=${csrf}` },
    payload: JSON.stringify({
      serviceCode: "katuvalaistus",
      description: `Katuvalo ${i} ei pala.`,
      location: { lat: 61.2 + (i % 100) / 1000, long: 26.03 },
      publishConsent: true,
    }),
  };
}
function getOpen311List(): RequestSpec {
  return { url: "/open311/v2/requests.json?page_size=50" };
}
/** The web list, twenty pages in turn. */
function getWebList(i: number): RequestSpec {
  return { url: `/api/v1/feedback/requests?page=${(i % 20) + 1}` };
}

if (WARMUP > 0) {
  await run("warm-up: Open311 POST requests.json", WARMUP, (i) => postOpen311(1_000_000 + i));
  await run("warm-up: web API POST /api/v1/feedback/requests", WARMUP, (i) => postWeb(1_000_000 + i));
  await run("warm-up: Open311 GET requests.json?page_size=50", WARMUP, getOpen311List);
  await run("warm-up: web API GET /api/v1/feedback/requests (50 a page)", WARMUP, getWebList);
}
const open311Create = await run("Open311 POST requests.json", CREATES, postOpen311);
const webCreate = await run("web API POST /api/v1/feedback/requests", CREATES, postWeb);
// Publish everything, so the lists are full (the default Open311 list returns up to 1000). This is a write:
// the reads below start with empty list caches.
await database.db.updateTable("feedback_request").set({ visibility: "published" }).execute();
const open311Read = await run("Open311 GET requests.json?page_size=50", READS, getOpen311List);
const webRead = await run("web API GET /api/v1/feedback/requests (50 a page)", READS, getWebList);
// The same list once more, for comparison only: its pages are now kept (the first pass above started with
// twenty pages to read while fifty requests arrived at once).
await run("web API GET /api/v1/feedback/requests (50 a page), again", READS, getWebList);
const load = loadavg()[0] ?? 0;
console.log(`load average (1 min) at the end: ${load.toFixed(2)}; cores: ${cpus().length}`);
console.log(
  `targets: creates ≥ 1000/s — Open311 ${open311Create.rate >= 1000 ? "met" : "NOT met"}, web ${webCreate.rate >= 1000 ? "met" : "NOT met"}; ` +
    `reads p99 < 50 ms — Open311 ${open311Read.p99 < 50 ? "met" : "NOT met"}, web ${webRead.p99 < 50 ? "met" : "NOT met"}`,
);
await http?.close();
await app.close();
await database.destroy();
rmSync(dir, { recursive: true, force: true });
