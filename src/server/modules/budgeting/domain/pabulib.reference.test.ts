// Real elections from Pabulib (../shared/pabulib beside the repository):
// 1. every outcome pabutools 1.2.3 computed (expected/*.json) must come out identical;
// 2. every city outcome (`selected` column) whose META rule we support must be reproduced — the exceptions are
//    listed below with their reasons, and the test fails if the list stops being true;
// 3. the add1 jumps give what stepping one unit at a time gives.
// Without the data the tests are skipped with a message, except in CI (CI set), where that is a failure.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { countEqualSharesAdd1 } from "./completion.ts";
import { buildProfile, type UtilityKind } from "./election.ts";
import { type PbElection, parsePabulib } from "./pabulib.ts";
import { parseRational } from "./rational.ts";
import { type CountOptions, countElection } from "./rules.ts";
import { parseTieBreak, rankProjects, type TieBreakKey } from "./tie-breaking.ts";
import { verifyElection } from "./verification.ts";

/** ../shared/pabulib relative to the repository root (the nearest folder up with a package.json). */
function findPabulibDir(): string | null {
  const override = process.env.KESKIO_PABULIB_DIR;
  if (override) return existsSync(override) ? override : null;
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, "package.json"))) {
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
  const data = resolve(dir, "..", "shared", "pabulib");
  return existsSync(join(data, "expected")) ? data : null;
}

const DATA = findPabulibDir();
if (DATA === null) {
  console.warn(
    "pabulib.reference.test.ts: SKIPPED — ../shared/pabulib (with expected/) not found beside the repository; " +
      "set KESKIO_PABULIB_DIR to run the reference comparisons.",
  );
}

// In CI the data must be there: a missing folder fails the run instead of skipping the comparisons.
if (DATA === null && process.env.CI) {
  throw new Error("CI is set but ../shared/pabulib was not found: the reference comparisons cannot run");
}

const parsed = new Map<string, PbElection>();
function election(file: string): PbElection {
  let e = parsed.get(file);
  if (e === undefined) {
    e = parsePabulib(readFileSync(join(DATA as string, file), "utf8"));
    parsed.set(file, e);
  }
  return e;
}

/** The `keskio pb count` flags of expected/README.md as count options. */
function optionsFromFlags(flags: string): Partial<CountOptions> {
  const words = flags.trim().split(/\s+/);
  const options: Record<string, unknown> = {};
  for (let i = 0; i < words.length; i += 2) {
    const value = words[i + 1] as string;
    switch (words[i]) {
      case "--rule":
        options.rule = value;
        break;
      case "--utility":
        options.utility = value as UtilityKind;
        break;
      case "--completion":
        options.completion = value;
        break;
      case "--tie-break":
        options.tieBreak = parseTieBreak(value);
        break;
      default:
        throw new Error(`unknown flag ${words[i]} in "${flags}"`);
    }
  }
  return options as Partial<CountOptions>;
}

interface Expected {
  file: string;
  meta_rule: string;
  rules: Record<string, { flags: string; selected: string[]; total_cost: string }>;
}

const expectedFiles =
  DATA === null
    ? []
    : readdirSync(join(DATA, "expected"))
        .filter((f) => f.endsWith(".json"))
        .sort();
const tally = { rules: 0, matched: 0 };

describe.skipIf(DATA === null)("pabutools 1.2.3 reference outcomes (expected/*.json)", () => {
  it("has reference files", () => {
    expect(expectedFiles.length).toBeGreaterThan(50);
  });
  for (const jsonFile of expectedFiles) {
    const expected = JSON.parse(readFileSync(join(DATA as string, "expected", jsonFile), "utf8")) as Expected;
    describe(expected.file, () => {
      for (const [key, reference] of Object.entries(expected.rules)) {
        it(key, () => {
          tally.rules++;
          const result = countElection(election(expected.file), optionsFromFlags(reference.flags));
          expect([...result.selected].sort()).toEqual([...reference.selected].sort());
          expect(result.totalCost).toEqual(parseRational(reference.total_cost));
          tally.matched++;
        });
      }
    });
  }
});

// City outcomes that cannot be reproduced, and why. Anything else with a selected column must match.
const UNSUPPORTED: Record<string, string> = {
  // META rule "unknown"; the files also say they hold online votes only (paper votes missing).
  "Hungary_Budapest_2022_VIII_Jozsefvaros.pb": "unknown",
  "Hungary_Budapest_2023_VIII_Jozsefvaros.pb": "unknown",
  "Hungary_Budapest_2024.pb": "unknown",
  "Hungary_Budapest_2024_VIII_Jozsefvaros.pb": "unknown",
  "Hungary_Budapest_2025_VIII_Jozsefvaros.pb": "unknown",
  "Hungary_Budapest_2025_XI_Ujbuda.pb": "unknown",
  "Hungary_Veszprem_2025.pb": "unknown",
  // "greedy-custom": the rule is described only in a free-text comment, which we do not interpret.
  "Poland_Poznan_2024_13_-_Jezyce_sw.Lazarz__small.pb": "greedy-custom",
  "Poland_Poznan_2025_2_-_Kiekrz_Krzyzowniki-Smochowice_Podolany_Strzeszyn__small.pb": "greedy-custom",
  "Poland_Poznan_2026_10_-_Swierczewo_Wilda_Zielony_Debiec__large.pb": "greedy-custom",
};
// Reproduced only with another tie-break than the default (the file does not say how ties were broken):
// Katowice 2022 Koszutka — projects L12/11/IX and L12/14/IX both scored 140 points; the city took the cheaper one.
const TIE_DEPENDENT: Record<string, readonly TieBreakKey[]> = {
  "Poland_Katowice_2022_Koszutka.pb": ["cost", "votes", "id"],
};

const pbFiles =
  DATA === null
    ? []
    : readdirSync(DATA)
        .filter((f) => f.endsWith(".pb"))
        .sort();
const cities = { compared: 0, matched: 0, tieBreak: 0, unsupported: 0, noSelected: 0 };

describe.skipIf(DATA === null)("official outcomes (selected column, META rule)", () => {
  for (const file of pbFiles) {
    it(file, () => {
      const outcome = verifyElection(election(file));
      if (outcome.status === "no-selected") {
        cities.noSelected++;
        expect(UNSUPPORTED[file]).toBeUndefined();
        return;
      }
      const unsupported = UNSUPPORTED[file];
      if (unsupported !== undefined) {
        expect(outcome.status).toBe("unsupported");
        expect(outcome.detail).toContain(unsupported);
        cities.unsupported++;
        return;
      }
      cities.compared++;
      const tie = TIE_DEPENDENT[file];
      if (tie !== undefined) {
        expect(outcome.status, outcome.detail).toBe("match-after-tie-break");
        if (outcome.status === "match-after-tie-break") expect(outcome.tieBreak).toEqual(tie);
        cities.tieBreak++;
        return;
      }
      expect(outcome.status, `${file}: ${outcome.detail}`).toBe("match");
      cities.matched++;
    });
  }
});

// The equalshares.net elections, counted as the cities did (add1 until the next step overspends).
const EQUAL_SHARES_CITIES = [
  "Poland_Wieliczka_2023_Green_Budget.pb",
  "Poland_Swiecie_2023.pb",
  "Netherlands_Assen_2024.pb",
];

describe.skipIf(DATA === null)(
  "add1: jumping between change points gives what stepping unit by unit gives",
  () => {
    const add1Files = expectedFiles
      .map((f) => JSON.parse(readFileSync(join(DATA as string, "expected", f), "utf8")) as Expected)
      .filter((e) => e.rules.mes_cost_add1 !== undefined && election(e.file).votes.count < 10_000)
      .map((e) => e.file);
    const files = [...new Set([...EQUAL_SHARES_CITIES, ...add1Files])];
    it.each(files)("%s", (file) => {
      const profile = buildProfile(election(file), "cost");
      const rank = rankProjects(profile, ["votes", "cost", "id"]);
      for (const stop of ["exhaustive", "overspend"] as const) {
        const fast = countEqualSharesAdd1(profile, rank, stop, "fast");
        const naive = countEqualSharesAdd1(profile, rank, stop, "naive");
        expect(fast.selected, stop).toEqual(naive.selected);
        expect(fast.perVoterBudget, stop).toEqual(naive.perVoterBudget);
        expect(fast.runs).toBeLessThanOrEqual(naive.runs);
      }
    });

    it("Wieliczka 2023: pabutools' add1 selects 31 projects, the city's (overspend) variant its 30", () => {
      const e = election("Poland_Wieliczka_2023_Green_Budget.pb");
      const pabutools = countElection(e, {
        rule: "mes",
        completion: "add1",
        add1Stop: "exhaustive",
        tieBreak: ["id"],
      });
      const city = countElection(e, {
        rule: "mes",
        completion: "add1",
        add1Stop: "overspend",
        comparison: "satisfaction",
      });
      expect(pabutools.selected).toHaveLength(31);
      expect([...city.selected].sort()).toEqual(
        e.projects
          .filter((p) => p.selected === 1)
          .map((p) => p.id)
          .sort(),
      );
      expect(city.comparison?.keptMes).toBe(true);
    });
  },
);

describe.skipIf(DATA === null)("parser speed on the largest file", () => {
  it("parses Łódź 2022 (≈90 000 voters) in under a second", () => {
    const text = readFileSync(join(DATA as string, "Poland_Lodz_2022.pb"), "utf8");
    const t0 = performance.now();
    const e = parsePabulib(text);
    const ms = performance.now() - t0;
    expect(e.votes.count).toBe(90494);
    expect(ms).toBeLessThan(1000);
  });
});

afterAll(() => {
  if (DATA === null) return;
  console.log(
    `Pabulib reference: ${tally.matched}/${tally.rules} pabutools outcomes identical; cities: ${cities.matched} reproduced, ` +
      `${cities.tieBreak} reproduced only with another tie-break, ${cities.unsupported} unsupported rules, ` +
      `${cities.noSelected} files without a selected column (of ${pbFiles.length} .pb files)`,
  );
});
