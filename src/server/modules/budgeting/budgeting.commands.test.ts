import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { Command, CommanderError } from "commander";
import { afterAll, describe, expect, it } from "vitest";
import { registerPbCommands } from "./budgeting.commands.ts";

const dir = mkdtempSync(join(tmpdir(), "keskio-pb-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pbFile(name: string, rule: string, selected: readonly number[] | null, extraMeta = ""): string {
  const header = selected === null ? "project_id;cost;name" : "project_id;cost;name;selected";
  const rows = [
    ["X", 20, "Puisto"],
    ["Y", 10, "Kirjasto"],
    ["Z", 15, "Uimaranta"],
  ].map(([id, cost, n], i) => `${id};${cost};${n}${selected === null ? "" : `;${selected[i]}`}`);
  const text = `META
key;value
budget;30
vote_type;approval
rule;${rule}
${extraMeta}PROJECTS
${header}
${rows.join("\n")}
VOTES
voter_id;vote
1;X,Z
2;X,Z
3;Y,Z
`;
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

// Greedy by votes selects Z and Y; MES selects Z (see rules.test.ts for the hand count).
const greedyOk = pbFile("greedy-ok.pb", "greedy", [0, 1, 1]);
const greedyWrong = pbFile("greedy-wrong.pb", "greedy", [1, 0, 0]);
const noSelected = pbFile("no-selected.pb", "greedy", null);
const unknownRule = pbFile("unknown.pb", "unknown", [0, 1, 1]);
const broken = join(dir, "broken.pb");
writeFileSync(
  broken,
  "META\nkey;value\nbudget;30\nvote_type;approval\nPROJECTS\nproject_id;cost\nX;twenty\n",
);
const okDir = join(dir, "ok");
mkdirSync(okDir);
writeFileSync(
  join(okDir, "a.pb"),
  `${"META"}\nkey;value\nbudget;30\nvote_type;approval\nrule;greedy\nPROJECTS\nproject_id;cost;selected\nX;20;1\nVOTES\nvoter_id;vote\n1;X\n`,
);

/** Runs `keskio …` with captured output and exit code. */
async function run(...args: string[]): Promise<{ out: string; err: string; code: number; thrown: unknown }> {
  let out = "";
  let err = "";
  let code = 0;
  const program = new Command("keskio").exitOverride().configureOutput({
    writeOut: (t) => {
      out += t;
    },
    writeErr: (t) => {
      err += t;
    },
  });
  registerPbCommands(program, {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    setExitCode: (c) => {
      code = c;
    },
  });
  for (const c of program.commands) {
    c.exitOverride();
    for (const sub of c.commands) sub.exitOverride();
  }
  let thrown: unknown = null;
  try {
    await program.parseAsync(["node", "keskio", ...args]);
  } catch (e) {
    thrown = e;
    if (e instanceof CommanderError) code = e.exitCode;
  }
  return { out, err, code, thrown };
}

describe("keskio pb count", () => {
  it("prints the selected projects and the total cost (greedy by votes by default)", async () => {
    const r = await run("pb", "count", greedyOk);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect(r.out).toContain("greedy, utility cost");
    expect(r.out).toContain("selected 2 of 3 projects, total cost 25 of 30");
    expect(r.out).toMatch(/Z\t15 {2}Uimaranta/);
    expect(r.out).toMatch(/Y\t10 {2}Kirjasto/);
  });

  it("counts MES with a completion and prints JSON", async () => {
    const r = await run("pb", "count", greedyOk, "--rule", "mes-cost", "--completion", "add1u", "--json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.selected.map((p: { id: string }) => p.id)).toEqual(["Z", "Y"]);
    expect(json.totalCost).toBe("25");
    expect(json.rule).toMatchObject({
      rule: "mes",
      utility: "cost",
      completion: "add1u",
      tieBreak: ["votes", "cost", "id"],
    });
    expect(json.perVoterBudget).toBe("14");
    const plain = await run("pb", "count", greedyOk, "--rule", "mes-approval");
    expect(plain.out).toContain("selected 1 of 3 projects, total cost 15 of 30");
  });

  it("fails with one line, without a stack trace, on a missing file, a malformed file and contradictory flags", async () => {
    const missing = await run("pb", "count", join(dir, "nope.pb"));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^error: cannot read .*nope\.pb \(ENOENT\)\n$/);
    const bad = await run("pb", "count", broken);
    expect(bad.code).toBe(1);
    expect(bad.err).toBe('error: broken.pb: line 7: project "X": cost "twenty" is not a number\n');
    const contradiction = await run("pb", "count", greedyOk, "--rule", "mes-cost", "--utility", "approval");
    expect(contradiction.err).toBe("error: --rule mes-cost and --utility approval contradict each other\n");
    expect(contradiction.code).toBe(1);
    const utility = await run("pb", "count", greedyOk, "--utility", "borda");
    expect(utility.err).toContain("does not apply to approval ballots");
    const tie = await run("pb", "count", greedyOk, "--tie-break", "lottery");
    expect(tie.err).toContain('--tie-break "lottery"');
    for (const r of [missing, bad, contradiction, utility, tie]) expect(r.err).not.toMatch(/\n\s+at /);
  });

  it("rejects an unknown rule through commander, with a one-line message", async () => {
    const r = await run("pb", "count", greedyOk, "--rule", "borda-count");
    expect(r.thrown).toBeInstanceOf(CommanderError);
    expect(r.code).not.toBe(0);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).toContain("Allowed choices are greedy, mes, mes-cost, mes-approval");
  });
});

describe("keskio pb verify", () => {
  it("reports a match and exits 0", async () => {
    const r = await run("pb", "verify", greedyOk);
    expect(r.code).toBe(0);
    expect(r.out).toBe("greedy-ok.pb: match (greedy: greedy by votes, skipping projects that do not fit)\n");
  });

  it("reports a mismatch with the differences and exits non-zero", async () => {
    const r = await run("pb", "verify", greedyWrong);
    expect(r.code).toBe(1);
    expect(r.out).toContain("greedy-wrong.pb: MISMATCH");
    expect(r.out).toContain("extra Y Z; missing X");
    expect(r.err).toBe("error: 1 of 1 file did not verify\n");
  });

  it("skips a file without a selected column and names an unsupported rule, exiting 0", async () => {
    const skipped = await run("pb", "verify", noSelected);
    expect(skipped).toMatchObject({
      code: 0,
      out: "no-selected.pb: skipped (no selected column to compare with)\n",
    });
    const unsupported = await run("pb", "verify", unknownRule);
    expect(unsupported).toMatchObject({ code: 0, out: "unknown.pb: unsupported (META rule is 'unknown')\n" });
  });

  it("goes through a directory: skipped, unsupported, errors and mismatches each on their line", async () => {
    const r = await run("pb", "verify", dir);
    expect(r.code).toBe(1);
    const lines = r.out.trim().split("\n");
    expect(lines).toEqual([
      'broken.pb: ERROR broken.pb: line 7: project "X": cost "twenty" is not a number',
      "greedy-ok.pb: match (greedy: greedy by votes, skipping projects that do not fit)",
      expect.stringContaining("greedy-wrong.pb: MISMATCH"),
      "no-selected.pb: skipped (no selected column to compare with)",
      "unknown.pb: unsupported (META rule is 'unknown')",
    ]);
    expect(r.err).toBe("error: 2 of 5 files did not verify\n");
    const clean = await run("pb", "verify", okDir, "--json");
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.out)).toEqual([expect.objectContaining({ file: "a.pb", status: "match" })]);
  });

  it("fails cleanly on a path that does not exist", async () => {
    const r = await run("pb", "verify", join(dir, "missing"));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^error: cannot read .*missing \(ENOENT\)\n$/);
  });
});

/** ../shared/pabulib beside the repository, when present. */
function pabulibDir(): string | null {
  let d = import.meta.dirname;
  while (!existsSync(join(d, "package.json"))) {
    if (dirname(d) === d) return null;
    d = dirname(d);
  }
  const data = process.env.KESKIO_PABULIB_DIR ?? resolve(d, "..", "shared", "pabulib");
  return existsSync(data) ? data : null;
}
const DATA = pabulibDir();
if (DATA === null)
  console.warn("budgeting.commands.test.ts: real-data checks SKIPPED (../shared/pabulib not found)");

describe.skipIf(DATA === null)("keskio pb on real Pabulib files", () => {
  it("verifies Wieliczka 2023 (equal shares, add1, comparison) as the city counted it", async () => {
    const r = await run("pb", "verify", join(DATA as string, "Poland_Wieliczka_2023_Green_Budget.pb"));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Poland_Wieliczka_2023_Green_Budget\.pb: match \(equalshares\/add1-comparison/);
  });
  it("counts Świecie 2023 with MES and add1", async () => {
    const r = await run(
      "pb",
      "count",
      join(DATA as string, "Poland_Swiecie_2023.pb"),
      "--rule",
      "mes",
      "--completion",
      "add1",
      "--add1-stop",
      "overspend",
      "--json",
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.selected.length).toBeGreaterThan(0);
  });
});
