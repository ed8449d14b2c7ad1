#!/usr/bin/env node
// `npm run bench [name]`: runs every benchmark in bench/ (or those whose file name contains `name`), one after
// another so they do not compete for the two cores. Record the figures in bench/RESULTS.md.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const filter = process.argv[2] ?? "";
const files = readdirSync(path.join(root, "bench"))
  .filter((f) => f.endsWith(".bench.ts") && f.includes(filter))
  .sort();
let failed = 0;
for (const file of files) {
  console.log(`\n== ${file}`);
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join("bench", file)], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.status !== 0) failed += 1;
}
process.exit(failed > 0 ? 1 : 0);
