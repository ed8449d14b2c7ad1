import { spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { describeEachDialect, openTestDatabase } from "../../test/test-db.ts";
import { runCli } from "./main.ts";

const BIN = path.resolve(import.meta.dirname, "../../bin/keskio.mjs");
const SECRET = "cli-test-secret-0123456789abcdef0123456789";

async function cli(args: string[], env: Record<string, string> = {}) {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks = { out: "", err: "" };
  out.on("data", (c) => {
    chunks.out += String(c);
  });
  err.on("data", (c) => {
    chunks.err += String(c);
  });
  const code = await runCli(["node", "keskio", ...args], {
    out,
    err,
    env: { NODE_ENV: "test", KESKIO_SECRET: SECRET, ...env },
  });
  return { code, ...chunks };
}

function tempSqliteUrl(): { url: string; file: string } {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "keskio-cli-")), "k.db");
  return { url: `sqlite:${file}`, file };
}

describe("keskio command line", () => {
  it("explains itself with --help, for every command", async () => {
    const top = await cli(["--help"]);
    expect(top.code).toBe(0);
    for (const command of ["serve", "migrate", "seed", "backup", "version"])
      expect(top.out).toContain(command);
    for (const command of ["serve", "migrate", "seed", "backup", "version"]) {
      const help = await cli([command, "--help"]);
      expect(help.code, command).toBe(0);
      expect(help.out).toContain(`Usage: keskio ${command}`);
    }
  });

  it("prints its version", async () => {
    const { code, out } = await cli(["version"]);
    expect(code).toBe(0);
    expect(out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it("rejects an unknown command with usage help and exit code 2", async () => {
    const { code, err } = await cli(["frobnicate"]);
    expect(code).toBe(2);
    expect(err).toContain("unknown command");
  });

  it("stops with one clear line on bad configuration", async () => {
    const { code, err } = await cli(["migrate"], { KESKIO_DATABASE_URL: "mysql://x" });
    expect(code).toBe(2);
    expect(err.trim().split("\n")).toHaveLength(1);
    expect(err).toContain("KESKIO_DATABASE_URL must start with sqlite: or postgres://");
  });

  it("migrates, shows status, seeds idempotently and backs up SQLite", async () => {
    const { url, file } = tempSqliteUrl();
    const status0 = await cli(["migrate", "--status"], { KESKIO_DATABASE_URL: url });
    expect(status0.out).toMatch(/pending\s+202611281300_strategy_plan/);
    expect((await cli(["migrate"], { KESKIO_DATABASE_URL: url })).out).toContain(
      "applied: 202611281300_strategy_plan",
    );
    expect((await cli(["migrate", "--status"], { KESKIO_DATABASE_URL: url })).out).toContain(
      "the schema is current",
    );
    expect((await cli(["seed"], { KESKIO_DATABASE_URL: url })).out).toContain(
      "strategy: 46 created, 0 updated",
    );
    expect((await cli(["seed"], { KESKIO_DATABASE_URL: url })).out).toContain(
      "strategy: 0 created, 0 updated, 46 unchanged",
    );
    const target = path.join(path.dirname(file), "copy.db");
    const backup = await cli(["backup", target], { KESKIO_DATABASE_URL: url });
    expect(backup.code).toBe(0);
    expect(existsSync(target)).toBe(true);
    const again = await cli(["backup", target], { KESKIO_DATABASE_URL: url });
    expect(again.code).toBe(1);
    expect(again.err).toContain("already exists");
    // The copy is a working database: its schema is current.
    expect((await cli(["migrate", "--status"], { KESKIO_DATABASE_URL: `sqlite:${target}` })).out).toContain(
      "the schema is current",
    );
  });

  it("says plainly what to do when there is nothing to back up", async () => {
    const { url } = tempSqliteUrl();
    const res = await cli(["backup", "/tmp/never.db"], { KESKIO_DATABASE_URL: url });
    expect(res.code).toBe(1);
    expect(res.err).toContain("there is no SQLite database");
  });
});

describeEachDialect("keskio backup", (dialect) => {
  if (dialect === "postgres") {
    it("explains pg_dump for PostgreSQL", async () => {
      const { code, err } = await cli(["backup", "x.dump"], {
        KESKIO_DATABASE_URL: process.env.KESKIO_TEST_DATABASE_URL ?? "",
      });
      expect(code).toBe(1);
      expect(err).toContain("pg_dump");
    });
  }

  it("seeds through the command line on this dialect", async () => {
    const t = await openTestDatabase(dialect);
    try {
      // The command line opens its own connection; on PostgreSQL point it at the test's schema.
      const url =
        dialect === "postgres" && t.schema
          ? `${t.databaseConfig.url}${t.databaseConfig.url.includes("?") ? "&" : "?"}options=-c%20search_path%3D${t.schema}`
          : t.databaseConfig.url;
      const res = await cli(["seed"], { KESKIO_DATABASE_URL: url });
      expect(res.err).toBe("");
      expect(res.out).toContain("strategy: 46 created");
    } finally {
      await t.cleanup();
    }
  });
});

describe("keskio serve as a process", () => {
  const children: ReturnType<typeof spawn>[] = [];
  afterAll(() => {
    for (const child of children) child.kill("SIGKILL");
  });

  function run(env: Record<string, string>) {
    const child = spawn(process.execPath, [BIN, "serve"], {
      env: {
        PATH: process.env.PATH ?? "",
        NODE_ENV: "test",
        KESKIO_SECRET: SECRET,
        HOST: "127.0.0.1",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    let out = "";
    let err = "";
    child.stdout?.on("data", (c) => {
      out += String(c);
    });
    child.stderr?.on("data", (c) => {
      err += String(c);
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    return { child, exited, output: () => ({ out, err }) };
  }

  it.each([
    [{ KESKIO_DATABASE_URL: "mysql://x" }, "KESKIO_DATABASE_URL must start with sqlite: or postgres://"],
    [{ PORT: "abc" }, 'PORT must be a whole number from 0 to 65535, got "abc"'],
  ])("refuses to start on %o with one line and a non-zero exit", async (env, message) => {
    const p = run(env);
    expect(await p.exited).toBe(2);
    const { err } = p.output();
    const lines = err.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`keskio: configuration error: ${message}`);
  });

  it("starts, seeds an empty database, is ready, and shuts down gracefully on SIGTERM", async () => {
    const { url } = tempSqliteUrl();
    const p = run({ KESKIO_DATABASE_URL: url, PORT: "0", KESKIO_WEB_ROOT: "/nonexistent" });
    const address = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const match = /listening on (http:\/\/[\d.:]+)/.exec(p.output().out);
        if (match?.[1]) {
          clearInterval(timer);
          resolve(match[1]);
        }
      }, 50);
      p.exited.then(() => {
        clearInterval(timer);
        reject(new Error(`server exited: ${p.output().err}`));
      });
    });
    expect(p.output().out).toContain("seeded strategy: 46 created");
    const ready = await fetch(`${address}/readyz`);
    expect(ready.status).toBe(200);
    const strategy = (await (await fetch(`${address}/api/v1/strategy`)).json()) as { programmes: unknown[] };
    expect(strategy.programmes).toHaveLength(4);
    p.child.kill("SIGTERM");
    expect(await p.exited).toBe(0);
    expect(p.output().out).toContain("SIGTERM: finishing open requests");
  });
});
