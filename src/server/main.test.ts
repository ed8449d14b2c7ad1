import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "./config.ts";
import { startServer } from "./main.ts";

const dir = mkdtempSync(path.join(tmpdir(), "keskio-start-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const config = loadConfig({
  NODE_ENV: "test",
  LOG_LEVEL: "silent",
  KESKIO_SECRET: "start-test-secret-0123456789abcdef0123",
  KESKIO_DATABASE_URL: `sqlite:${path.join(dir, "k.db")}`,
  KESKIO_WEB_ROOT: "/nonexistent",
  PORT: "0",
  HOST: "127.0.0.1",
});

async function servicesAfterStart(demo: boolean): Promise<{ services: number; log: string[] }> {
  const log: string[] = [];
  const server = await startServer(config, (line) => log.push(line), { demo });
  try {
    const response = await fetch(`${server.url}/api/v1/feedback/services`);
    return { services: ((await response.json()) as unknown[]).length, log };
  } finally {
    await server.stop();
  }
}

describe("startServer", () => {
  it("seeds only the reference data by default, and adds the example data once when asked, on any later start", async () => {
    const first = await servicesAfterStart(false);
    // The city defines its own services; the reference seed has none.
    expect(first.services).toBe(0);
    expect(first.log).toContain("seeded strategy: 46 created");

    const demo = await servicesAfterStart(true);
    expect(demo.services).toBeGreaterThan(5);
    expect(demo.log).toContain("seeded strategy: 0 created");

    // The seeds are idempotent: asking again creates nothing new.
    const again = await servicesAfterStart(true);
    expect(again.services).toBe(demo.services);
    expect(again.log.filter((line) => line.startsWith("seeded") && !line.endsWith(": 0 created"))).toEqual(
      [],
    );
  });
});
