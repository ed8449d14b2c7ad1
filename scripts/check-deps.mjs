#!/usr/bin/env node
// The dependency rules of DESIGN.md, checked on every import in src/:
// - contracts are isomorphic: no node:*, no server, no web, no third-party runtime besides typebox;
// - web never imports server code, and server never imports web code;
// - a module imports another module only through that module's index.ts;
// - platform, db and lib never import a module (dependencies point one way);
// - migrations import nothing but kysely and their dialect helper.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

// `--src DIR` checks another tree (the rules' own test uses it on crafted files).
const srcArg = process.argv.indexOf("--src");
const src = srcArg > 0 ? path.resolve(process.argv[srcArg + 1]) : path.resolve(import.meta.dirname, "../src");
const TEST_ONLY = ["vitest", "fast-check"];
const violations = [];

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return walk(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

const IMPORT =
  /(?:import|export)\s+(?:type\s+)?(?:[^"']*?\s+from\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

for (const file of walk(src)) {
  const rel = path.relative(src, file).split(path.sep).join("/");
  const source = readFileSync(file, "utf8");
  for (const match of source.matchAll(IMPORT)) {
    const spec = match[1] ?? match[2];
    const line = source.slice(0, match.index).split("\n").length;
    const where = `src/${rel}:${line}`;
    const target = spec.startsWith(".")
      ? path
          .relative(src, path.resolve(path.dirname(file), spec))
          .split(path.sep)
          .join("/")
      : null;
    const fail = (why) => violations.push(`${where} imports "${spec}": ${why}`);

    if (rel.startsWith("contracts/")) {
      if (spec.startsWith("node:")) fail("contracts must stay isomorphic (no node:*)");
      if (target && !target.startsWith("contracts/")) fail("contracts may import only contracts");
      const isTest = /\.test\.tsx?$/.test(rel);
      if (!target && !spec.startsWith("typebox") && !(isTest && TEST_ONLY.includes(spec))) {
        fail("contracts may use only typebox");
      }
    }
    if (rel.startsWith("web/") && target && (target.startsWith("server/") || target.startsWith("cli/"))) {
      fail("the web app talks to the server over HTTP, never by import");
    }
    if ((rel.startsWith("server/") || rel.startsWith("cli/")) && target?.startsWith("web/")) {
      fail("server code never imports the web app");
    }
    const fromModule = /^server\/modules\/([^/]+)\//.exec(rel)?.[1];
    const toModule = target ? /^server\/modules\/([^/]+)\/(.+)$/.exec(target) : null;
    if (
      toModule &&
      toModule[1] !== fromModule &&
      toModule[2] !== "index.ts" &&
      !rel.startsWith("server/modules/index.ts")
    ) {
      fail(`another module's internals: import server/modules/${toModule[1]}/index.ts instead`);
    }
    if (/^server\/(platform|db|lib)\//.test(rel) && target?.startsWith("server/modules/")) {
      fail("platform, db and lib must not depend on modules");
    }
    if (/^server\/db\/migrations\/\d{12}_/.test(rel) && spec !== "kysely" && spec !== "./dialect.ts") {
      fail("a migration imports nothing from the application");
    }
  }
}

if (violations.length > 0) {
  for (const v of violations) console.error(v);
  console.error(`dependency rules: ${violations.length} violation(s)`);
  process.exit(1);
}
console.log("dependency rules: ok");
