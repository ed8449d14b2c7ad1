import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SCRIPT = path.resolve(import.meta.dirname, "../scripts/check-deps.mjs");

function checkTree(files: Record<string, string>) {
  const src = mkdtempSync(path.join(tmpdir(), "keskio-deps-"));
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(src, rel)), { recursive: true });
    writeFileSync(path.join(src, rel), content);
  }
  const result = spawnSync(process.execPath, [SCRIPT, "--src", src], { encoding: "utf8" });
  return { status: result.status, output: result.stdout + result.stderr };
}

describe("npm run check: dependency rules", () => {
  it("passes on the real source tree", () => {
    const result = spawnSync(process.execPath, [SCRIPT], { encoding: "utf8" });
    expect(result.stdout + result.stderr).toContain("dependency rules: ok");
    expect(result.status).toBe(0);
  });

  it("allows importing another module through its index.ts", () => {
    const result = checkTree({
      "server/modules/a/a.service.ts": 'import { x } from "../b/index.ts";\n',
      "server/modules/b/index.ts": "export const x = 1;\n",
    });
    expect(result.status).toBe(0);
  });

  it.each([
    [
      { "server/modules/a/a.service.ts": 'import { y } from "../b/b.repository.ts";\n' },
      /another module's internals/,
    ],
    [
      { "server/platform/p.ts": 'import { y } from "../modules/b/index.ts";\n' },
      /must not depend on modules/,
    ],
    [{ "contracts/c.ts": 'import { readFileSync } from "node:fs";\n' }, /isomorphic/],
    [{ "web/w.tsx": 'import { buildApp } from "../server/app.ts";\n' }, /over HTTP/],
    [
      { "server/db/migrations/202601010000_x_y.ts": 'import { newId } from "../../lib/ids.ts";\n' },
      /migration imports nothing/,
    ],
  ])("fails on a forbidden import %#", (files, message) => {
    const result = checkTree(files);
    expect(result.status).toBe(1);
    expect(result.output).toMatch(message);
  });
});
