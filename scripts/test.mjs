#!/usr/bin/env node
// `npm test`: unit and integration tests (Vitest, SQLite and PostgreSQL) and browser tests (Playwright with
// Debian's Chromium). Locally it says plainly what it skipped and why; with CI=true nothing may be skipped.
// Ends with one summary line "tests: N passed, N failed, N skipped".
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const ci = Boolean(process.env.CI);
const args = process.argv.slice(2);
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : null;
const chromium = process.env.KESKIO_CHROMIUM ?? "/usr/bin/chromium";
const results = path.join(root, "test-results");
mkdirSync(results, { recursive: true });

const skipped = [];
const problems = [];
if (!process.env.KESKIO_TEST_DATABASE_URL) {
  const why =
    "PostgreSQL integration tests: KESKIO_TEST_DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/test)";
  (ci ? problems : skipped).push(why);
}
const runE2e = only !== "unit";
const runUnit = only !== "e2e";
if (runE2e && !existsSync(chromium)) {
  const why = `browser tests: no Chromium at ${chromium} (apt-get install chromium, or set KESKIO_CHROMIUM)`;
  (ci ? problems : skipped).push(why);
}
if (problems.length > 0) {
  for (const p of problems) console.error(`CI=true but cannot run ${p}`);
  console.log("tests: 0 passed, 1 failed");
  process.exit(1);
}

const totals = { passed: 0, failed: 0, skipped: 0 };
let runnerFailed = false;

function run(command, commandArgs, env = {}) {
  const result = spawnSync(command, commandArgs, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  return result.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

if (runUnit) {
  const file = path.join(results, "unit.json");
  rmSync(file, { force: true });
  const status = run(path.join(root, "node_modules/.bin/vitest"), [
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${file}`,
  ]);
  const report = readJson(file);
  if (report) {
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
  }
  if (status !== 0 || !report) runnerFailed = true;
}

if (runE2e && existsSync(chromium)) {
  const file = path.join(results, "e2e.json");
  rmSync(file, { force: true });
  const status = run(path.join(root, "node_modules/.bin/playwright"), ["test"], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: file,
    KESKIO_CHROMIUM: chromium,
  });
  const report = readJson(file);
  if (report?.stats) {
    totals.passed += report.stats.expected + report.stats.flaky;
    totals.failed += report.stats.unexpected;
    totals.skipped += report.stats.skipped;
  }
  if (status !== 0 || !report) runnerFailed = true;
}

for (const s of skipped) console.log(`SKIPPED ${s}`);
if (ci && totals.skipped > 0) {
  console.error(`CI=true but ${totals.skipped} test(s) were skipped`);
  runnerFailed = true;
}
if (runnerFailed && totals.failed === 0) totals.failed = 1;
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(runnerFailed || totals.failed > 0 ? 1 : 0);
