import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { E2E_SERVER, IDENTITY_DOUBLES, identityDoublesEnv } from "./e2e/fixtures/e2e-env.ts";

// Browser tests against the real server (`keskio serve`) with a fresh SQLite database per run, using
// Debian's Chromium, never a downloaded browser (KESKIO_CHROMIUM may name another path, as scripts/test.mjs
// allows). The config is also loaded in each worker; the database path is fixed once in the environment
// so that every process agrees on it (the teardown removes it). Strong identification and e-mail go to the
// test doubles of test/ (a real OpenID Connect provider and a real SMTP server), run in a process of their
// own on fixed ports (e2e/fixtures/identity-doubles.ts).
const PORT = E2E_SERVER.port;
const BASE_URL = E2E_SERVER.url;
process.env.KESKIO_E2E_DATABASE ??= path.join(tmpdir(), `keskio-e2e-${process.pid}-${Date.now()}.db`);

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: process.env.CI ? 2 : 4,
  // A test that visits several pages runs axe on each; on a busy 2-core machine that alone can take minutes.
  timeout: 150_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  // Traces of failed tests; a folder of its own, because Playwright empties it and test-results/ also
  // holds the other runners' reports.
  outputDir: "test-results/e2e-artifacts",
  globalTeardown: "./e2e/global-teardown.ts",
  use: {
    baseURL: BASE_URL,
    locale: "fi-FI",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.KESKIO_CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: [
    {
      command: "node --import tsx e2e/fixtures/identity-doubles.ts",
      url: `http://127.0.0.1:${IDENTITY_DOUBLES.mailPort}/healthz`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // With the labelled example data (services, survey rounds, opportunities) that several specs work on.
      command: "node bin/keskio.mjs serve --build-missing --demo",
      url: `${BASE_URL}/readyz`,
      env: {
        PORT: String(PORT),
        HOST: "127.0.0.1",
        KESKIO_DATABASE_URL: `sqlite:${process.env.KESKIO_E2E_DATABASE}`,
        NODE_ENV: "test",
        KESKIO_SECRET: E2E_SERVER.secret,
        // Every browser test registers its people and sends its reports from 127.0.0.1; the defaults (10
        // accounts, 30 reports an hour) suit one address of real people, not a whole suite. The limits
        // themselves are tested in the identity and feedback modules' tests.
        KESKIO_REGISTRATIONS_PER_ADDRESS_HOUR: "1000",
        KESKIO_FEEDBACK_REPORTS_PER_ADDRESS_HOUR: "1000",
        // No map tiles from the internet: this machine's network is closed, and a page whose tile images wait
        // on a failing lookup does not finish loading. The maps work the same on their plain background.
        KESKIO_MAP_TILE_URL: "off",
        ...identityDoublesEnv(),
      },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
