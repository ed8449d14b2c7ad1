import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { Command, CommanderError } from "commander";
import { describe, expect, it } from "vitest";
import { registerSurveyCommands } from "./survey.commands.ts";
import { parseCsv } from "./survey.csv.ts";

interface Run {
  out: string;
  err: string;
  exitCode: number;
}

/** Runs `keskio survey …` in-process with captured output and commander's exit turned into a return value. */
function run(args: string[]): Run {
  let out = "";
  let err = "";
  const program = new Command("keskio").exitOverride();
  registerSurveyCommands(program, {
    out: { write: (s: string) => (out += s) },
    err: { write: (s: string) => (err += s) },
  });
  try {
    program.parse(["survey", ...args], { from: "user" });
    return { out, err, exitCode: 0 };
  } catch (error) {
    if (error instanceof CommanderError) return { out, err, exitCode: error.exitCode };
    throw error;
  }
}

/** shared/survey-reference beside the repository root (the folder above this file with package.json). */
function referenceDir(): string {
  if (process.env.KESKIO_SURVEY_REFERENCE_DIR) return process.env.KESKIO_SURVEY_REFERENCE_DIR;
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return resolve(dir, "..", "shared", "survey-reference");
}

/** A line of `survey estimate --json`, as far as these tests read it. */
interface JsonRow {
  estimate: number;
  se: number;
  ciLow: number;
  ciHigh: number;
  nUsed: number;
  ciLogitLow: number;
  previous: JsonRow;
  comparison: { difference: number; se: number; z: number; pValue: number };
}

/** An estimate in expected.json. */
interface ReferenceStat {
  estimate: number;
  se: number;
  ci_low: number;
  ci_high: number;
  n_used: number;
}

const ref = (file: string) => join(referenceDir(), file);
const hasReference = existsSync(ref("expected.json"));
if (!hasReference) {
  console.warn(`survey command reference checks SKIPPED: ${referenceDir()} not found`);
}

describe("survey commands on small inline data", () => {
  const dir = mkdtempSync(join(tmpdir(), "keskio-survey-"));
  writeFileSync(
    join(dir, "respondents.csv"),
    'id,age,sex,q1,q2,q3\n"r1","young","f",5,10,"yes"\n"r2","young","m",4,9,"no"\n"r3","old","f",2,3,"no"\n"r4","old","m",,7,"yes"\n"r5","old","f",3,6,\n"r6","young","f",4,,"no"\n',
  );
  writeFileSync(
    join(dir, "margins.csv"),
    "variable,category,population\nage,young,400\nage,old,600\nsex,f,520\nsex,m,480\n",
  );

  it("weights, writes the weights file and prints the margins", () => {
    const out = join(dir, "weights.csv");
    const result = run([
      "weight",
      "--respondents",
      join(dir, "respondents.csv"),
      "--margins",
      join(dir, "margins.csv"),
      "--out",
      out,
    ]);
    expect(result.exitCode).toBe(0);
    expect(result.out).toMatch(/Weighting: raking, \d+ cycles/);
    expect(result.out).toMatch(/age\s+young\s+400\s+3\s+400\.0000/);
    const written = parseCsv(readFileSync(out, "utf8"));
    expect(written.header).toEqual(["id", "weight"]);
    expect(written.rows.map((row) => row[0])).toEqual(["r1", "r2", "r3", "r4", "r5", "r6"]);
    expect(written.rows.reduce((sum, row) => sum + Number(row[1]), 0)).toBeCloseTo(1000, 8);
  });

  it("suppresses cells under 5 respondents in the table and in JSON", () => {
    const args = [
      "estimate",
      "--respondents",
      join(dir, "respondents.csv"),
      "--margins",
      join(dir, "margins.csv"),
    ];
    const table = run([...args, "--mean", "q1", "--by", "sex"]);
    expect(table.exitCode).toBe(0);
    expect(table.out).toMatch(/mean q1\s+all\s+5\s+/);
    expect(table.out).toMatch(/mean q1\s+sex = f\s+<5\s+suppressed/);
    const json = JSON.parse(run([...args, "--mean", "q1", "--by", "sex", "--json"]).out);
    const female = json.estimates.find((row: { domain: string | null }) => row.domain === "f");
    expect(female).toMatchObject({ suppressed: true, estimate: null, se: null, nUsed: null });
  });

  it("fails with one clear line and exit code 1, never a stack trace", () => {
    const cases: [string[], RegExp][] = [
      [
        ["weight", "--respondents", join(dir, "nope.csv"), "--margins", join(dir, "margins.csv")],
        /^error: cannot read .*nope\.csv: no such file\n$/,
      ],
      [
        ["estimate", "--respondents", join(dir, "respondents.csv"), "--margins", join(dir, "margins.csv")],
        /^error: nothing to estimate/,
      ],
      [
        [
          "estimate",
          "--respondents",
          join(dir, "respondents.csv"),
          "--margins",
          join(dir, "margins.csv"),
          "--mean",
          "q9",
        ],
        /^error: column "q9" is missing/,
      ],
      [
        [
          "estimate",
          "--respondents",
          join(dir, "respondents.csv"),
          "--margins",
          join(dir, "margins.csv"),
          "--nps",
          "q1",
          "--share",
          "q3",
        ],
        /^error: --share q3: expected COLUMN=VALUE/,
      ],
      [["weight", "--respondents", join(dir, "respondents.csv")], /^error: give either --margins/],
      [
        [
          "weight",
          "--respondents",
          join(dir, "respondents.csv"),
          "--margins",
          join(dir, "margins.csv"),
          "--trim",
          "-1",
        ],
        /^error: option '--trim <k>' argument '-1' is invalid/,
      ],
      [
        ["weight", "--margins", join(dir, "margins.csv")],
        /^error: required option '--respondents <csv>' not specified/,
      ],
    ];
    for (const [args, message] of cases) {
      const result = run(args);
      expect(result.exitCode, args.join(" ")).toBe(1);
      expect(result.err, args.join(" ")).toMatch(message);
      expect(result.err.trim().split("\n"), args.join(" ")).toHaveLength(1);
      expect(result.err).not.toMatch(/\n\s+at /);
    }
  });
});

describe.skipIf(!hasReference)("survey commands reproduce the R reference", () => {
  const expected = hasReference ? JSON.parse(readFileSync(ref("expected.json"), "utf8")) : {};
  const weighting = [
    "--respondents",
    ref("respondents_2025.csv"),
    "--margins",
    ref("population_margins.csv"),
    "--year",
    "2025",
  ];
  const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

  it("survey weight --json and --out give the raked weights of R's rake()", () => {
    const dir = mkdtempSync(join(tmpdir(), "keskio-survey-"));
    const file = join(dir, "w.csv");
    const result = run(["weight", ...weighting, "--json", "--out", file]);
    expect(result.exitCode).toBe(0);
    const json = JSON.parse(result.out);
    const reference = expected.year2025.weights_raking as { id: string; weight: number }[];
    expect(json.weights.map((w: { id: string }) => w.id)).toEqual(reference.map((w) => w.id));
    json.weights.forEach((w: { weight: number }, i: number) => {
      expect(relative(w.weight, reference[i]?.weight as number)).toBeLessThanOrEqual(1e-8);
    });
    const written = parseCsv(readFileSync(file, "utf8")).rows;
    written.forEach((row, i) => {
      expect(relative(Number(row[1]), reference[i]?.weight as number)).toBeLessThanOrEqual(1e-8);
    });
    expect(
      relative(json.summary.kishEffectiveN, expected.year2025.weight_summary_raking.kish_n_eff),
    ).toBeLessThanOrEqual(1e-9);
  });

  it("survey weight --trim 3 reproduces the trimmed weights (none above 3 × mean)", () => {
    const json = JSON.parse(run(["weight", ...weighting, "--trim", "3", "--json"]).out);
    expect(json.trimming.upper).toBeCloseTo(expected.trimming_2025.upper_bound, 10);
    expect(json.trimming.trimmedIds).toEqual(expected.trimming_2025.trimmed_ids);
    json.weights.forEach((w: { weight: number }, i: number) => {
      expect(relative(w.weight, expected.trimming_2025.weights[i].weight)).toBeLessThanOrEqual(1e-8);
    });
  });

  it("survey estimate --json gives R's estimates, SEs and intervals, by area too, and the YoY test", () => {
    const result = run([
      "estimate",
      ...weighting,
      "--mean",
      "q1",
      "--share",
      "q1=4,5",
      "--share",
      "q3=yes",
      "--nps",
      "q2",
      "--distribution",
      "q4",
      "--by",
      "area",
      "--previous",
      ref("respondents_2024.csv"),
      "--previous-year",
      "2024",
      "--json",
    ]);
    expect(result.exitCode).toBe(0);
    const rows = JSON.parse(result.out).estimates as Record<string, unknown>[];
    const find = (key: string) => {
      const row = rows.find((r) => r.key === key);
      if (!row) throw new Error(`no row ${key}`);
      return row as unknown as JsonRow;
    };
    const check = (row: JsonRow, reference: ReferenceStat) => {
      expect(Math.abs(row.estimate - reference.estimate)).toBeLessThanOrEqual(1e-8);
      expect(Math.abs(row.se - reference.se)).toBeLessThanOrEqual(1e-6);
      expect(Math.abs(row.ciLow - reference.ci_low)).toBeLessThanOrEqual(1e-6);
      expect(Math.abs(row.ciHigh - reference.ci_high)).toBeLessThanOrEqual(1e-6);
      expect(row.nUsed).toBe(reference.n_used);
    };
    for (const year of ["year2025", "year2024"] as const) {
      const pick = (key: string) => (year === "year2025" ? find(key) : find(key).previous);
      const raking = expected[year].raking;
      check(pick("mean:q1"), raking.q1_mean);
      check(pick("share:q1=4|5"), raking.satisfied_share);
      expect(
        Math.abs(pick("share:q1=4|5").ciLogitLow - raking.satisfied_share.ci_logit_low),
      ).toBeLessThanOrEqual(1e-6);
      check(pick("share:q3=yes"), raking.q3_yes_share);
      check(pick("nps:q2"), raking.nps);
      for (const row of raking.q4_distribution) check(pick(`distribution:q4=${row.category}`), row);
      for (const row of raking.q1_mean_by_area) check(pick(`mean:q1@area=${row.area}`), row);
    }
    const yoy = expected.yoy_satisfied_2025_vs_2024;
    const comparison = find("share:q1=4|5").comparison;
    expect(Math.abs(comparison.difference - yoy.diff)).toBeLessThanOrEqual(1e-8);
    expect(Math.abs(comparison.se - yoy.se_diff)).toBeLessThanOrEqual(1e-6);
    expect(relative(comparison.z, yoy.z)).toBeLessThanOrEqual(1e-6);
    expect(relative(comparison.pValue, yoy.p_value)).toBeLessThanOrEqual(1e-6);
    expect(relative(find("mean:q1").comparison.pValue, yoy.q1_mean_diff.p_value)).toBeLessThanOrEqual(1e-6);
  });

  it("survey estimate --cells post-stratifies like R's postStratify", () => {
    const json = JSON.parse(
      run([
        "estimate",
        "--respondents",
        ref("respondents_2025.csv"),
        "--cells",
        ref("population_age_sex.csv"),
        "--year",
        "2025",
        "--mean",
        "q1",
        "--nps",
        "q2",
        "--json",
      ]).out,
    );
    const reference = expected.poststrat_age_sex_2025.estimates;
    const q1 = json.estimates.find((r: { key: string }) => r.key === "mean:q1");
    const nps = json.estimates.find((r: { key: string }) => r.key === "nps:q2");
    expect(Math.abs(q1.estimate - reference.q1_mean.estimate)).toBeLessThanOrEqual(1e-8);
    expect(Math.abs(q1.se - reference.q1_mean.se)).toBeLessThanOrEqual(1e-6);
    expect(Math.abs(nps.estimate - reference.nps.estimate)).toBeLessThanOrEqual(1e-8);
    expect(Math.abs(nps.se - reference.nps.se)).toBeLessThanOrEqual(1e-6);
    expect(
      Math.abs(
        json.weighting.summary.kishEffectiveN - expected.poststrat_age_sex_2025.weight_summary.kish_n_eff,
      ),
    ).toBeLessThanOrEqual(1e-6);
  });

  it("prints a readable table with the year-over-year columns", () => {
    const result = run([
      "estimate",
      ...weighting,
      "--share",
      "q1=4,5",
      "--previous",
      ref("respondents_2024.csv"),
      "--previous-year",
      "2024",
    ]);
    expect(result.exitCode).toBe(0);
    expect(result.out).toMatch(
      /measure\s+domain\s+n\s+estimate\s+SE\s+95% CI\s+previous\s+difference\s+z\s+p/,
    );
    expect(result.out).toMatch(
      /share q1 ∈ \{4, 5\}\s+all\s+576\s+0\.4210\s+0\.0208\s+\[0\.3801, 0\.4618\]\s+0\.4256\s+-0\.0046\s+-0\.15\s+0\.884/,
    );
  });
});
