// `keskio pb …`: count a Pabulib election with a chosen rule, or recount published elections and compare with
// the cities' outcomes. Errors are one line on stderr and a non-zero exit code, never a stack trace.

import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { type Command, Option } from "commander";
import { allowedUtilities, type UtilityKind } from "./domain/election.ts";
import { PabulibParseError, type PbElection, parsePabulib } from "./domain/pabulib.ts";
import { formatRational, parseRational } from "./domain/rational.ts";
import { CountingError, type CountOptions, type CountResult, countElection } from "./domain/rules.ts";
import { DEFAULT_TIE_BREAK, parseTieBreak } from "./domain/tie-breaking.ts";
import { type VerifyOutcome, verifyElection } from "./domain/verification.ts";

/** Where the commands write and how they report failure; tests inject their own. */
export interface PbCommandIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  readonly setExitCode: (code: number) => void;
}

const defaultIo: PbCommandIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  setExitCode: (code) => {
    process.exitCode = code;
  },
};

/** A failure to report as one line. */
class UserError extends Error {}

function readElection(path: string): PbElection {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(`cannot read ${path}${code ? ` (${code})` : ""}`);
  }
  try {
    return parsePabulib(text);
  } catch (e) {
    if (e instanceof PabulibParseError) throw new UserError(`${basename(path)}: ${e.message}`);
    throw e;
  }
}

function oneLine(e: unknown): string {
  if (e instanceof UserError || e instanceof CountingError) return e.message;
  const message = e instanceof Error ? e.message : String(e);
  return `unexpected failure: ${message.split("\n")[0]}`;
}

interface CountFlags {
  rule: string;
  utility?: string;
  completion: string;
  add1Stop: string;
  comparison: string;
  tieBreak: string;
  greedyVariant: string;
  minScore?: string;
  arithmetic: string;
  json?: boolean;
}

/** Turns the flags into count options; `mes-cost` and `mes-approval` are shorthands for `mes` with a utility. */
function optionsFromFlags(flags: CountFlags, election: PbElection): CountOptions {
  let rule: "greedy" | "mes" = flags.rule === "greedy" ? "greedy" : "mes";
  let utility = flags.utility as UtilityKind | undefined;
  if (flags.rule === "mes-cost" || flags.rule === "mes-approval") {
    const implied: UtilityKind = flags.rule === "mes-cost" ? "cost" : "approval";
    if (utility !== undefined && utility !== implied) {
      throw new UserError(`--rule ${flags.rule} and --utility ${utility} contradict each other`);
    }
    utility = implied;
    rule = "mes";
  }
  utility ??= "cost";
  if (!allowedUtilities(election.voteType).includes(utility)) {
    throw new UserError(
      `--utility ${utility} does not apply to ${election.voteType} ballots (use ${allowedUtilities(election.voteType).join(", ")})`,
    );
  }
  const tieBreak = parseTieBreak(flags.tieBreak);
  if (tieBreak === null) {
    throw new UserError(`--tie-break "${flags.tieBreak}": use a comma list of votes, cost, cost-desc, id`);
  }
  let minScore = null;
  if (flags.minScore !== undefined) {
    minScore = parseRational(flags.minScore);
    if (minScore === null) throw new UserError(`--min-score "${flags.minScore}" is not a number`);
  }
  if (rule === "greedy" && flags.completion !== "none") {
    throw new UserError("--completion applies to MES only");
  }
  return {
    rule,
    utility,
    completion: flags.completion as CountOptions["completion"],
    add1Stop: flags.add1Stop as CountOptions["add1Stop"],
    comparison: flags.comparison as CountOptions["comparison"],
    tieBreak,
    greedyVariant: flags.greedyVariant as CountOptions["greedyVariant"],
    minScore,
    arithmetic: flags.arithmetic as CountOptions["arithmetic"],
  };
}

function describeRule(o: CountOptions): string {
  const parts = [o.rule === "mes" ? "MES" : "greedy", `utility ${o.utility}`];
  if (o.rule === "mes") {
    parts.push(`completion ${o.completion}`);
    if (o.completion === "add1" || o.completion === "add1u") parts.push(`add1 stop ${o.add1Stop}`);
    if (o.comparison !== "none") parts.push(`comparison ${o.comparison}`);
  } else {
    if (o.greedyVariant === "no-skip") parts.push("no skipping");
    if (o.minScore !== null) parts.push(`min score ${formatRational(o.minScore)}`);
  }
  parts.push(`tie-break ${o.tieBreak.join(",")}`);
  return parts.join(", ");
}

function countAsJson(path: string, election: PbElection, r: CountResult): unknown {
  const byId = new Map(election.projects.map((p) => [p.id, p]));
  return {
    file: basename(path),
    rule: {
      ...r.options,
      minScore: r.options.minScore === null ? null : formatRational(r.options.minScore),
    },
    budget: formatRational(r.budget),
    totalCost: formatRational(r.totalCost),
    selected: r.selected.map((id) => {
      const p = byId.get(id);
      return { id, cost: p ? formatRational(p.cost) : null, name: p?.fields.name ?? null };
    }),
    perVoterBudget: r.perVoterBudget === null ? null : formatRational(r.perVoterBudget),
    mesRuns: r.runs,
    comparison: r.comparison,
  };
}

function printCount(io: PbCommandIo, path: string, election: PbElection, r: CountResult): void {
  const byId = new Map(election.projects.map((p) => [p.id, p]));
  const lines = [
    `${basename(path)}: ${describeRule(r.options)}`,
    `selected ${r.selected.length} of ${election.projects.length} projects, total cost ${formatRational(r.totalCost)} of ${formatRational(r.budget)}`,
  ];
  if (r.perVoterBudget !== null) {
    lines.push(
      `per-voter budget of the final run: ${(Number(r.perVoterBudget.num) / Number(r.perVoterBudget.den)).toFixed(2)} (${r.runs} MES run${r.runs === 1 ? "" : "s"})`,
    );
  }
  if (r.comparison !== null) {
    lines.push(
      `comparison: ${r.comparison.prefersMes} voters prefer MES, ${r.comparison.prefersGreedy} greedy; ${r.comparison.keptMes ? "MES kept" : "greedy outcome used"}`,
    );
  }
  for (const id of r.selected) {
    const p = byId.get(id);
    const name = p?.fields.name ? `  ${p.fields.name}` : "";
    lines.push(`  ${id}\t${p ? formatRational(p.cost) : "?"}${name}`);
  }
  io.out(`${lines.join("\n")}\n`);
}

function pbFilesOf(path: string): string[] {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch (e) {
    throw new UserError(`cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? "error"})`);
  }
  if (!isDir) return [path];
  const files = readdirSync(path)
    .filter((f) => f.endsWith(".pb"))
    .sort()
    .map((f) => join(path, f));
  if (files.length === 0) throw new UserError(`no .pb files in ${path}`);
  return files;
}

function verifyLine(file: string, v: VerifyOutcome): string {
  switch (v.status) {
    case "no-selected":
    case "unsupported":
      return `${file}: ${v.status === "no-selected" ? "skipped" : "unsupported"} (${v.detail})`;
    case "match":
      return `${file}: match (${v.rule}: ${v.description})${v.special.length ? `; not compared: ${v.special.join(", ")}` : ""}`;
    case "match-after-tie-break":
      return `${file}: match after tie-break (${v.rule}): ${v.detail}`;
    case "mismatch":
      return `${file}: MISMATCH (${v.rule}: ${v.description}): ${v.detail}`;
  }
}

/** Adds `pb count` and `pb verify` to a commander program. */
export function registerPbCommands(program: Command, io: PbCommandIo = defaultIo): void {
  const output = { writeOut: io.out, writeErr: io.err };
  const pb = program
    .command("pb")
    .description("participatory budgeting: Pabulib files")
    .configureOutput(output);

  pb.command("count")
    .description("count a Pabulib .pb election with a rule and print the selected projects")
    .argument("<file>", "the .pb file")
    .addOption(
      new Option("--rule <rule>", "counting rule")
        .choices(["greedy", "mes", "mes-cost", "mes-approval"])
        .default("greedy"),
    )
    .addOption(
      new Option("--utility <utility>", "voter utility (default cost)").choices([
        "cost",
        "approval",
        "points",
        "borda",
        "points-cost",
      ]),
    )
    .addOption(
      new Option("--completion <completion>", "MES completion")
        .choices(["none", "add1", "add1u", "utilitarian"])
        .default("none"),
    )
    .addOption(
      new Option(
        "--add1-stop <stop>",
        "add1 stops at the first exhaustive outcome, or just before overspending",
      )
        .choices(["exhaustive", "overspend"])
        .default("exhaustive"),
    )
    .addOption(
      new Option("--comparison <mode>", "equalshares.net comparison with greedy after MES")
        .choices(["none", "satisfaction", "exclusion"])
        .default("none"),
    )
    .option(
      "--tie-break <keys>",
      "tie-break keys in order: votes, cost, cost-desc, id",
      DEFAULT_TIE_BREAK.join(","),
    )
    .addOption(
      new Option("--greedy-variant <variant>", "greedy skips what does not fit, or stops there")
        .choices(["skip", "no-skip"])
        .default("skip"),
    )
    .option("--min-score <score>", "greedy: minimum score (votes or points) a project needs")
    .addOption(
      new Option("--arithmetic <mode>", "float (exact where it decides) or exact throughout")
        .choices(["float", "exact"])
        .default("float"),
    )
    .option("--json", "machine-readable result")
    .configureOutput(output)
    .action((file: string, flags: CountFlags) => {
      try {
        const election = readElection(file);
        const options = optionsFromFlags(flags, election);
        const result = countElection(election, options);
        if (flags.json) io.out(`${JSON.stringify(countAsJson(file, election, result), null, 2)}\n`);
        else printCount(io, file, election, result);
      } catch (e) {
        io.err(`error: ${oneLine(e)}\n`);
        io.setExitCode(1);
      }
    });

  pb.command("verify")
    .description("recount with the rule the file's META names and compare with its selected column")
    .argument("<path>", "a .pb file or a directory of them")
    .option("--tie-break <keys>", "tie-break tried first", DEFAULT_TIE_BREAK.join(","))
    .option("--json", "machine-readable result")
    .configureOutput(output)
    .action((path: string, flags: { tieBreak: string; json?: boolean }) => {
      try {
        const tieBreak = parseTieBreak(flags.tieBreak);
        if (tieBreak === null)
          throw new UserError(`--tie-break "${flags.tieBreak}": use votes, cost, cost-desc, id`);
        const files = pbFilesOf(path);
        let failed = 0;
        const results: unknown[] = [];
        for (const f of files) {
          const name = basename(f);
          let outcome: VerifyOutcome;
          try {
            outcome = verifyElection(readElection(f), tieBreak);
          } catch (e) {
            failed++;
            if (flags.json) results.push({ file: name, status: "error", detail: oneLine(e) });
            else io.out(`${name}: ERROR ${oneLine(e)}\n`);
            continue;
          }
          if (outcome.status === "mismatch") failed++;
          if (flags.json) results.push({ file: name, ...outcome });
          else io.out(`${verifyLine(name, outcome)}\n`);
        }
        if (flags.json) io.out(`${JSON.stringify(results, null, 2)}\n`);
        if (failed > 0) {
          io.err(`error: ${failed} of ${files.length} file${files.length === 1 ? "" : "s"} did not verify\n`);
          io.setExitCode(1);
        }
      } catch (e) {
        io.err(`error: ${oneLine(e)}\n`);
        io.setExitCode(1);
      }
    });
}
