// Benchmark of the counting library on fixed real elections from ../shared/pabulib (Pabulib).
// Run: node --import tsx bench/budgeting-mes.bench.ts
// Times are wall-clock milliseconds; "count" is compute only (building the counting profile + the rule), parsing
// is timed separately. Each count is repeated; the table shows the first (cold) run and the median of the rest.

import { existsSync, readFileSync } from "node:fs";
import { cpus } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parsePabulib } from "../src/server/modules/budgeting/domain/pabulib.ts";
import { type CountOptions, countElection } from "../src/server/modules/budgeting/domain/rules.ts";

const REPEAT = 9;

interface Case {
  readonly file: string;
  readonly label: string;
  readonly options: Partial<CountOptions>;
  /** Target for the median, ms (null: reported only). */
  readonly targetMs: number | null;
}

const CASES: readonly Case[] = [
  {
    file: "Poland_Wieliczka_2023_Green_Budget.pb",
    label: "Wieliczka 2023: MES-cost + add1 (overspend, as the city)",
    options: { rule: "mes", utility: "cost", completion: "add1", add1Stop: "overspend" },
    targetMs: 50,
  },
  {
    file: "Poland_Wieliczka_2023_Green_Budget.pb",
    label: "Wieliczka 2023: MES-cost + add1 (exhaustive, pabutools)",
    options: { rule: "mes", utility: "cost", completion: "add1", add1Stop: "exhaustive" },
    targetMs: 50,
  },
  {
    file: "Poland_Swiecie_2023.pb",
    label: "Świecie 2023: MES-cost + add1 (overspend, as the city)",
    options: { rule: "mes", utility: "cost", completion: "add1", add1Stop: "overspend" },
    targetMs: 50,
  },
  {
    file: "Poland_Swiecie_2023.pb",
    label: "Świecie 2023: MES-cost + add1 (exhaustive, pabutools)",
    options: { rule: "mes", utility: "cost", completion: "add1", add1Stop: "exhaustive" },
    targetMs: 50,
  },
  {
    file: "Poland_Lodz_2022.pb",
    label: "Łódź 2022: MES-cost, no completion",
    options: { rule: "mes", utility: "cost", completion: "none" },
    targetMs: 1000,
  },
  {
    file: "Poland_Lodz_2022.pb",
    label: "Łódź 2022: MES-cost + add1 (exhaustive)",
    options: { rule: "mes", utility: "cost", completion: "add1", add1Stop: "exhaustive" },
    targetMs: null,
  },
];

function findData(): string {
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, "package.json"))) {
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  const data = process.env.KESKIO_PABULIB_DIR ?? resolve(dir, "..", "shared", "pabulib");
  if (!existsSync(data)) {
    console.error(`error: Pabulib data not found at ${data} (set KESKIO_PABULIB_DIR)`);
    process.exit(1);
  }
  return data;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

const data = findData();
const parsed = new Map<string, { election: ReturnType<typeof parsePabulib>; parseMs: number }>();
const rows: string[][] = [];
let failed = false;
for (const c of CASES) {
  let entry = parsed.get(c.file);
  if (entry === undefined) {
    const text = readFileSync(join(data, c.file), "utf8");
    const t0 = performance.now();
    const election = parsePabulib(text);
    entry = { election, parseMs: performance.now() - t0 };
    parsed.set(c.file, entry);
  }
  const times: number[] = [];
  let result: ReturnType<typeof countElection> | null = null;
  for (let i = 0; i <= REPEAT; i++) {
    const t0 = performance.now();
    result = countElection(entry.election, c.options);
    times.push(performance.now() - t0);
  }
  if (result === null) throw new Error("no run");
  const cold = times.shift() as number;
  const med = median(times);
  const ok = c.targetMs === null ? "" : med < c.targetMs ? `< ${c.targetMs} ok` : `< ${c.targetMs} MISSED`;
  if (c.targetMs !== null && med >= c.targetMs) failed = true;
  rows.push([
    c.label,
    `${entry.election.votes.count}`,
    entry.parseMs.toFixed(1),
    cold.toFixed(1),
    med.toFixed(1),
    `${result.runs}`,
    `${result.selected.length}`,
    ok,
  ]);
}

const header = [
  "case",
  "voters",
  "parse ms",
  "count ms (first)",
  "count ms (median)",
  "MES runs",
  "selected",
  "target",
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] as number)).join("  ");
console.log(
  `node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? "unknown cpu"}), median of ${REPEAT}`,
);
console.log(line(header));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const r of rows) console.log(line(r));
if (failed) process.exitCode = 1;
