import { writeFileSync } from "node:fs";
import { type Command, CommanderError, InvalidArgumentError } from "commander";
import { type ColumnTable, SurveyInputError } from "./domain/columns.ts";
import { MIN_PUBLISHED_COUNT, type Publishable, suppressSmallCells } from "./domain/estimation.ts";
import {
  compareRows,
  computeEstimates,
  type DomainSpec,
  type EstimateRow,
  type EstimateSpec,
  type WeightingOutcome,
  type WeightingPlan,
  weightRespondents,
} from "./domain/report.ts";
import { groupMargins } from "./domain/weighting.ts";
import {
  CsvError,
  csvColumns,
  formatCsv,
  populationCells,
  populationFigures,
  readCsvFile,
  selectYear,
} from "./survey.csv.ts";

/** Where the commands write: the process's streams by default, buffers in tests. */
export interface SurveyCommandIo {
  readonly out: { write(text: string): unknown };
  readonly err: { write(text: string): unknown };
}

interface WeightingFlags {
  respondents: string;
  margins?: string;
  cells?: string;
  year?: number;
  trim?: number;
  trimStrict?: boolean;
}

interface WeightFlags extends WeightingFlags {
  id: string;
  out?: string;
  json?: boolean;
}

interface EstimateFlags extends WeightingFlags {
  mean: string[];
  share: string[];
  nps: string[];
  distribution: string[];
  by: string[];
  previous?: string;
  previousYear?: number;
  minN: number;
  level: number;
  json?: boolean;
}

function parseYear(value: string): number {
  if (!/^\d{4}$/.test(value)) throw new InvalidArgumentError("expected a four-digit year.");
  return Number(value);
}

function parsePositiveNumber(value: string): number {
  const number = Number(value);
  if (value.trim() === "" || !(Number.isFinite(number) && number > 0))
    throw new InvalidArgumentError("expected a positive number.");
  return number;
}

function parsePositiveInteger(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new InvalidArgumentError("expected a positive whole number.");
  return Number(value);
}

function parseLevel(value: string): number {
  const number = Number(value);
  if (!(number > 0 && number < 1))
    throw new InvalidArgumentError("expected a confidence level between 0 and 1, e.g. 0.95.");
  return number;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** "q1=4,5" → column q1, values 4 and 5. */
function splitSpec(
  flag: string,
  spec: string,
  requireValues: boolean,
): { column: string; values: string[] | null } {
  const at = spec.indexOf("=");
  if (at < 0) {
    if (requireValues)
      throw new SurveyInputError(`${flag} ${spec}: expected COLUMN=VALUE[,VALUE…], e.g. q1=4,5`);
    return { column: spec, values: null };
  }
  const column = spec.slice(0, at);
  const values = spec
    .slice(at + 1)
    .split(",")
    .filter((value) => value !== "");
  if (column === "" || values.length === 0)
    throw new SurveyInputError(`${flag} ${spec}: expected COLUMN=VALUE[,VALUE…]`);
  return { column, values };
}

function estimateSpecs(flags: EstimateFlags): EstimateSpec[] {
  const specs: EstimateSpec[] = [
    ...flags.mean.map((column): EstimateSpec => ({ kind: "mean", column })),
    ...flags.share.map((spec): EstimateSpec => {
      const { column, values } = splitSpec("--share", spec, true);
      return { kind: "share", column, success: values ?? [] };
    }),
    ...flags.nps.map((column): EstimateSpec => ({ kind: "nps", column })),
    ...flags.distribution.map((spec): EstimateSpec => {
      const { column, values } = splitSpec("--distribution", spec, false);
      return values ? { kind: "distribution", column, levels: values } : { kind: "distribution", column };
    }),
  ];
  if (specs.length === 0)
    throw new SurveyInputError("nothing to estimate: give --mean, --share, --nps or --distribution");
  return specs;
}

/** The weighting plan read from the population files for one year. */
function readPlan(flags: WeightingFlags, year: number | undefined, yearOption = "--year"): WeightingPlan {
  if ((flags.margins === undefined) === (flags.cells === undefined)) {
    throw new SurveyInputError("give either --margins (raking) or --cells (post-stratification)");
  }
  const trim =
    flags.trim === undefined ? {} : { trimMultiplier: flags.trim, trimStrict: flags.trimStrict ?? false };
  if (flags.margins !== undefined) {
    const table = selectYear(readCsvFile(flags.margins), year, flags.margins, yearOption);
    return { margins: populationFigures(table, flags.margins), ...trim };
  }
  const path = flags.cells as string;
  return { cells: populationCells(selectYear(readCsvFile(path), year, path, yearOption), path), ...trim };
}

function readRespondents(path: string, year: number | undefined, yearOption = "--year"): ColumnTable {
  const table = readCsvFile(path);
  if (table.rows.length === 0) throw new SurveyInputError(`${path} has no respondents`);
  return csvColumns(year === undefined ? table : selectYear(table, year, path, yearOption));
}

/** Fixed-width table with the first column left-aligned and the rest right-aligned. */
function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((title, c) =>
    Math.max(title.length, ...rows.map((row) => (row[c] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (c < 2 ? cell.padEnd(widths[c] as number) : cell.padStart(widths[c] as number)))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)].join("\n").concat("\n");
}

function number(value: number | null | undefined, digits = 4): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "–";
  return Math.abs(value) >= 10 ? value.toFixed(2) : value.toFixed(digits);
}

function describeWeighting(outcome: WeightingOutcome): string {
  const { summary } = outcome;
  const how =
    outcome.method === "raking"
      ? `raking, ${outcome.cycles} cycles, largest relative margin error ${outcome.maxRelativeError?.toExponential(2)}`
      : "post-stratification";
  const lines = [
    `Weighting: ${how}`,
    `n ${summary.n}  sum ${number(summary.sum)}  min ${number(summary.min)}  mean ${number(summary.mean)}  max ${number(summary.max)}  max/mean ${summary.maxOverMean.toFixed(3)}  Kish effective n ${summary.kishEffectiveN.toFixed(1)}  design effect ${summary.kishDesignEffect.toFixed(4)}`,
  ];
  if (outcome.trimming) {
    const trimmed = outcome.trimming.trimmedIndices.length;
    lines.push(
      trimmed === 0
        ? `Trimming at ${number(outcome.trimming.upper)}: no weight above the bound`
        : `Trimming at ${number(outcome.trimming.upper)}: ${trimmed} weight${trimmed === 1 ? "" : "s"} trimmed, the excess spread equally over the others`,
    );
  }
  return `${lines.join("\n")}\n`;
}

function weightCommand(flags: WeightFlags, io: SurveyCommandIo): void {
  const plan = readPlan(flags, flags.year);
  const table = readRespondents(flags.respondents, flags.year);
  const outcome = weightRespondents(table, plan);
  const idColumn = table.get(flags.id);
  const ids =
    outcome.design.weights.length > 0
      ? Array.from(outcome.design.weights, (_, i) => idColumn?.[i] ?? String(i + 1))
      : [];
  if (flags.out !== undefined) {
    const csv = formatCsv(
      [flags.id, "weight"],
      ids.map((id, i) => [id, String(outcome.design.weights[i])]),
    );
    try {
      writeFileSync(flags.out, csv, "utf8");
    } catch (error) {
      throw new SurveyInputError(
        `cannot write ${flags.out}: ${(error as NodeJS.ErrnoException).code ?? "write failed"}`,
      );
    }
  }
  if (flags.json) {
    const { trimming } = outcome;
    io.out.write(
      `${JSON.stringify(
        {
          method: outcome.method,
          cycles: outcome.cycles,
          maxRelativeError: outcome.maxRelativeError,
          summary: outcome.summary,
          trimming: trimming && {
            upper: trimming.upper,
            trimmedIds: trimming.trimmedIndices.map((i) => ids[i]),
            passes: trimming.passes,
          },
          margins: outcome.margins,
          weights: ids.map((id, i) => ({ id, weight: outcome.design.weights[i] })),
        },
        null,
        2,
      )}\n`,
    );
    return;
  }
  io.out.write(describeWeighting(outcome));
  io.out.write(
    formatTable(
      ["variable", "category", "population", "sample n", "weighted total"],
      outcome.margins.map((m) => [
        m.variable,
        m.category,
        String(m.population),
        String(m.sampleCount),
        m.weightedTotal.toFixed(4),
      ]),
    ),
  );
  io.out.write(
    flags.out !== undefined
      ? `Weights written to ${flags.out} (${ids.length} rows)\n`
      : "Use --out FILE to write the weights.\n",
  );
}

function domainSpecs(flags: EstimateFlags, plan: WeightingPlan): DomainSpec[] {
  return flags.by.map((variable) => {
    const margin = plan.margins ? groupMargins(plan.margins).find((m) => m.variable === variable) : undefined;
    if (margin) return { variable, levels: margin.categories };
    const position = plan.cells?.variables.indexOf(variable) ?? -1;
    if (plan.cells && position >= 0) {
      return {
        variable,
        levels: [...new Set(plan.cells.cells.map((cell) => cell.categories[position] as string))],
      };
    }
    return { variable };
  });
}

function publishable(rows: readonly EstimateRow[], minN: number): Map<string, Publishable<EstimateRow>> {
  return new Map(suppressSmallCells(rows, minN).map((row) => [row.key, row]));
}

function estimateCommand(flags: EstimateFlags, io: SurveyCommandIo): void {
  const specs = estimateSpecs(flags);
  if (flags.previous !== undefined && flags.previousYear === undefined && flags.year !== undefined) {
    throw new SurveyInputError("--previous needs --previous-year to pick last year's population figures");
  }
  const plan = readPlan(flags, flags.year);
  const domains = domainSpecs(flags, plan);
  const table = readRespondents(flags.respondents, flags.year);
  const outcome = weightRespondents(table, plan);
  const rows = computeEstimates(outcome.design, table, specs, domains, flags.level);
  let previousRows: EstimateRow[] | null = null;
  let previousOutcome: WeightingOutcome | null = null;
  if (flags.previous !== undefined) {
    const previousPlan = readPlan(flags, flags.previousYear, "--previous-year");
    const previousTable = readRespondents(flags.previous, flags.previousYear, "--previous-year");
    previousOutcome = weightRespondents(previousTable, previousPlan);
    previousRows = computeEstimates(previousOutcome.design, previousTable, specs, domains, flags.level);
  }
  const current = publishable(rows, flags.minN);
  const previous = previousRows ? publishable(previousRows, flags.minN) : null;
  const compared = compareRows(rows, previousRows ?? [], flags.level).map((line) => {
    const now = current.get(line.current.key) as Publishable<EstimateRow>;
    const before = line.previous ? (previous?.get(line.previous.key) ?? null) : null;
    const isTestable = !now.suppressed && before !== null && !before.suppressed;
    return { current: now, previous: before, comparison: isTestable ? line.comparison : null };
  });
  if (flags.json) {
    const weighting = (o: WeightingOutcome) => ({
      method: o.method,
      cycles: o.cycles,
      maxRelativeError: o.maxRelativeError,
      summary: o.summary,
      trimmedCount: o.trimming?.trimmedIndices.length ?? null,
    });
    io.out.write(
      `${JSON.stringify(
        {
          level: flags.level,
          minN: flags.minN,
          weighting: weighting(outcome),
          ...(previousOutcome ? { previousWeighting: weighting(previousOutcome) } : {}),
          estimates: compared.map((line) => ({
            ...line.current,
            ...(previousRows ? { previous: line.previous, comparison: line.comparison } : {}),
          })),
        },
        null,
        2,
      )}\n`,
    );
    return;
  }
  io.out.write(describeWeighting(outcome));
  const percent = `${Math.round(flags.level * 1000) / 10}% CI`;
  const header = ["measure", "domain", "n", "estimate", "SE", percent];
  if (previousRows) header.push("previous", "difference", "z", "p");
  const lines = compared.map(({ current: row, previous: before, comparison }) => {
    const label = row.category === null ? row.measure : `${row.column} = ${row.category}`;
    const domain = row.domainVariable === null ? "all" : `${row.domainVariable} = ${row.domain}`;
    const cells = row.suppressed
      ? [label, domain, `<${flags.minN}`, "suppressed", "", ""]
      : [
          label,
          domain,
          String(row.nUsed),
          number(row.estimate),
          number(row.se),
          `[${number(row.ciLow)}, ${number(row.ciHigh)}]`,
        ];
    if (previousRows) {
      cells.push(
        before === null ? "–" : before.suppressed ? "suppressed" : number(before.estimate),
        comparison ? number(comparison.difference) : "–",
        comparison ? comparison.z.toFixed(2) : "–",
        comparison ? comparison.pValue.toFixed(3) : "–",
      );
    }
    return cells;
  });
  io.out.write(formatTable(header, lines));
  if (compared.some((line) => line.current.suppressed))
    io.out.write(`Cells with fewer than ${flags.minN} respondents are suppressed.\n`);
}

/**
 * Runs a command body and turns input problems into one "error: …" line and exit code 1 (commander's own
 * error path, so that `exitOverride()` works in tests); never a stack trace.
 */
function runReporting(command: Command, body: () => void): void {
  try {
    body();
  } catch (error) {
    if (error instanceof CommanderError) throw error;
    const known = error instanceof SurveyInputError || error instanceof CsvError;
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    command.error(`error: ${known ? message : `unexpected failure: ${message}`}`, {
      exitCode: 1,
      code: "keskio.survey",
    });
  }
}

function addWeightingOptions(command: Command): Command {
  return command
    .requiredOption(
      "--respondents <csv>",
      "respondents CSV (one row per respondent, an empty field is a missing answer)",
    )
    .option(
      "--margins <csv>",
      "population margins CSV: [year,]variable,category,population — rake to every margin",
    )
    .option(
      "--cells <csv>",
      "population cells CSV: [year,]<variables…>,population — post-stratify on their cross-classification",
    )
    .option("--year <year>", "use the population figures (and respondents) of this year", parseYear)
    .option(
      "--trim <k>",
      "trim weights above k × mean weight, redistributing additively as R's trimWeights",
      parsePositiveNumber,
    )
    .option("--trim-strict", "repeat trimming until no weight is above the bound (R: strict = TRUE)");
}

/** Adds `survey weight` and `survey estimate` to the `keskio` command line. */
export function registerSurveyCommands(
  program: Command,
  io: SurveyCommandIo = { out: process.stdout, err: process.stderr },
): void {
  const survey = program
    .command("survey")
    .description("resident survey: weighting to population figures and design-based estimates")
    .configureOutput({
      writeOut: (text) => {
        io.out.write(text);
      },
      writeErr: (text) => {
        io.err.write(text);
      },
    });

  addWeightingOptions(
    survey.command("weight").description("compute survey weights by raking or post-stratification"),
  )
    .option("--id <column>", "respondent id column", "id")
    .option("--out <csv>", "write id,weight to this CSV file")
    .option("--json", "print the summary, margin checks and weights as JSON")
    .action((flags: WeightFlags, command: Command) => runReporting(command, () => weightCommand(flags, io)));

  addWeightingOptions(
    survey
      .command("estimate")
      .description("weighted means, shares, NPS and distributions with linearization SEs"),
  )
    .option("--mean <column>", "weighted mean of a numeric answer (repeatable)", collect, [])
    .option(
      "--share <column=values>",
      "share answering one of the values, e.g. q1=4,5 (repeatable)",
      collect,
      [],
    )
    .option("--nps <column>", "Net Promoter Score of a 0–10 answer (repeatable)", collect, [])
    .option(
      "--distribution <column[=categories]>",
      "share of each category, e.g. q4 (repeatable)",
      collect,
      [],
    )
    .option(
      "--by <variable>",
      "also estimate within each category of this variable (repeatable)",
      collect,
      [],
    )
    .option(
      "--previous <csv>",
      "last year's respondents: adds last year's figures and a z-test of the change",
    )
    .option("--previous-year <year>", "the year of the population figures for --previous", parseYear)
    .option(
      "--min-n <n>",
      "suppress cells with fewer respondents than this",
      parsePositiveInteger,
      MIN_PUBLISHED_COUNT,
    )
    .option("--level <p>", "confidence level of the intervals", parseLevel, 0.95)
    .option("--json", "print the estimates as JSON with full precision")
    .action((flags: EstimateFlags, command: Command) =>
      runReporting(command, () => estimateCommand(flags, io)),
    );
}
