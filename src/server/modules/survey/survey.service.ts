import { createHash, randomInt } from "node:crypto";
import type { Kysely } from "kysely";
import type { ProblemField } from "../../../contracts/errors.ts";
import type { LocalizedText } from "../../../contracts/localized-text.ts";
import {
  type Answers,
  CALL_OUTCOMES,
  CALL_STATUSES,
  type CallList,
  type CallOutcome,
  type MarginPreviewRow,
  type MarginsPreview,
  type OpenAnswer,
  type Question,
  type Questionnaire,
  type QuestionnaireInput,
  type QuestionnaireListItem,
  RESPONSE_MODES,
  type ResponseMode,
  type ResponseSession,
  type ResultRow,
  type RoundDesk,
  type RoundInput,
  type RoundStatus,
  type RoundSummary,
  type RoundUpdate,
  type SamplePreviewRow,
  type SurveyResults,
  type ThemeCount,
  WEIGHTING_VARIABLES,
  type WeightingMethod,
  type WeightingVariable,
} from "../../../contracts/survey.ts";
import { inTransaction, readJson, writeJson } from "../../db/db.ts";
import { newId } from "../../lib/ids.ts";
import { AppError, type LocalizedDetail, notFound } from "../../platform/errors.ts";
import { type ColumnTable, SurveyInputError } from "./domain/columns.ts";
import { MIN_PUBLISHED_COUNT, suppressSmallCells } from "./domain/estimation.ts";
import {
  type AnalysisResponse,
  analysisTable,
  checkAnswers,
  checkQuestionnaire,
  domainSpecs,
  estimateSpecsFor,
  questionOfColumn,
  type SurveyIssue,
  weightingValue,
} from "./domain/questionnaire.ts";
import { compareRows, computeEstimates, type EstimateRow, weightRespondents } from "./domain/report.ts";
import type { PopulationCell } from "./domain/weighting.ts";
import { CsvError, parseCsv } from "./survey.csv.ts";
import * as repo from "./survey.repository.ts";
import type {
  MarginCellRow,
  MarginRow,
  NewSampleMemberRow,
  QuestionnaireRow,
  ResponseRow,
  RoundRow,
  SurveyTables,
} from "./survey.tables.ts";

type Db = Kysely<SurveyTables>;

const LICENCE = "CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)";

const M = {
  noRound: {
    fi: "Tällaista kyselykierrosta ei ole.",
    sv: "Det finns ingen sådan enkätomgång.",
    en: "There is no such survey round.",
  },
  noQuestionnaire: {
    fi: "Tällaista kyselylomaketta ei ole.",
    sv: "Det finns inget sådant frågeformulär.",
    en: "There is no such questionnaire.",
  },
  badCode: {
    fi: "Vastauskoodia ei tunnistettu. Tarkista koodi kutsukirjeestä.",
    sv: "Svarskoden kändes inte igen. Kontrollera koden i inbjudan.",
    en: "The answer code was not recognised. Check the code in your invitation letter.",
  },
  noResponse: {
    fi: "Tällaista vastausta ei ole.",
    sv: "Det finns inget sådant svar.",
    en: "There is no such response.",
  },
  alreadyComplete: {
    fi: "Tämä vastaus on jo lähetetty, eikä sitä voi enää muuttaa.",
    sv: "Svaret har redan skickats och kan inte längre ändras.",
    en: "This response has already been sent and can no longer be changed.",
  },
  notOpenWeb: {
    fi: "Tähän kyselyyn vastataan kutsukirjeen koodilla.",
    sv: "Den här enkäten besvaras med koden i inbjudan.",
    en: "This survey is answered with the code in the invitation letter.",
  },
  outsideFieldwork: {
    fi: "Kyselyn vastausaika ei ole käynnissä.",
    sv: "Enkätens svarstid pågår inte.",
    en: "The survey is not open for answers now.",
  },
  invalidAnswers: {
    fi: "Osa vastauksista ei kelpaa; mitään ei tallennettu. Katso errors.",
    sv: "Vissa svar är ogiltiga; inget sparades. Se errors.",
    en: "Some answers are not valid; nothing was saved. See errors.",
  },
  invalidQuestionnaire: {
    fi: "Lomakkeessa on virheitä; sitä ei tallennettu. Katso errors.",
    sv: "Formuläret har fel; det sparades inte. Se errors.",
    en: "The questionnaire has errors; it was not saved. See errors.",
  },
  importFailed: {
    fi: "Tuonnissa on virheellisiä rivejä; mitään ei tallennettu. Katso errors.",
    sv: "Importen har felaktiga rader; inget sparades. Se errors.",
    en: "The import has invalid rows; nothing was saved. See errors.",
  },
  noMargins: {
    fi: "Vuoden väestötietoja (painotuksen reunajakaumia) ei ole tuotu, joten painotettuja tuloksia ei voi laskea.",
    sv: "Årets befolkningsuppgifter (marginaler för viktningen) har inte importerats, så viktade resultat kan inte beräknas.",
    en: "The year's population margins have not been imported, so weighted results cannot be computed.",
  },
  noRespondents: {
    fi: "Kierroksella ei ole vielä painotettavia vastauksia.",
    sv: "Omgången har ännu inga svar som kan viktas.",
    en: "The round has no responses that can be weighted yet.",
  },
  slugTaken: {
    fi: "Kierroksen tunnus on jo käytössä.",
    sv: "Omgångens nyckel används redan.",
    en: "The round's slug is already in use.",
  },
  interviewDone: {
    fi: "Tämä henkilö on jo vastannut.",
    sv: "Den här personen har redan svarat.",
    en: "This person has already answered.",
  },
  notYours: {
    fi: "Tämä vastaus ei ole tämän kanavan kautta muokattavissa.",
    sv: "Det här svaret kan inte ändras via den här kanalen.",
    en: "This response cannot be changed through this channel.",
  },
  versionRace: {
    fi: "Lomakkeesta tallennettiin juuri toinen versio; yritä uudelleen.",
    sv: "En annan version av formuläret sparades nyss; försök igen.",
    en: "Another version of the questionnaire was just saved; try again.",
  },
  questionnaireLocked: {
    fi: "Tähän lomakeversioon on jo vastattu, joten sitä ei voi muuttaa. Tee siitä uusi versio.",
    sv: "Den här versionen av formuläret har redan besvarats och kan inte ändras. Gör en ny version.",
    en: "This questionnaire version has answers, so it can no longer change. Make a new version of it.",
  },
  questionnaireKeyFixed: {
    fi: "Lomakkeen tunnusta ei voi muuttaa; tallenna uudella tunnuksella uutena lomakkeena.",
    sv: "Formulärets nyckel kan inte ändras; spara med en ny nyckel som ett nytt formulär.",
    en: "A questionnaire's key cannot change; save it with a new key as a new questionnaire.",
  },
  fieldworkOrder: {
    fi: "Vastausajan loppu on ennen alkua.",
    sv: "Svarstiden slutar innan den börjar.",
    en: "The fieldwork ends before it starts.",
  },
  roundNotOpen: {
    fi: "Kierros ei ole avoinna vastauksille.",
    sv: "Omgången är inte öppen för svar.",
    en: "The round is not open for answers.",
  },
  channelClosed: {
    fi: "Tämä kanava ei ole käytössä tällä kierroksella.",
    sv: "Den här kanalen används inte i den här omgången.",
    en: "This channel is not in use in this round.",
  },
  cellsNeeded: {
    fi: "Jälkiositus tarvitsee vähintään yhden muuttujan (age_group, sex, area).",
    sv: "Efterstratifiering behöver minst en variabel (age_group, sex, area).",
    en: "Post-stratification needs at least one variable (age_group, sex, area).",
  },
  badStatusChange: {
    fi: "Suljettua kierrosta ei voi palauttaa luonnokseksi.",
    sv: "En stängd omgång kan inte bli ett utkast igen.",
    en: "A closed round cannot go back to draft.",
  },
  duplicateExternal: {
    fi: "Lomakkeen tunniste on jo tallennettu.",
    sv: "Blankettens id har redan sparats.",
    en: "The form id has already been saved.",
  },
} satisfies Record<string, LocalizedDetail>;

/** Throws the localized validation problem when the questionnaire check finds issues (each by question). */
function refuseInvalidQuestionnaire(input: QuestionnaireInput, locale: "fi" | "sv" | "en"): void {
  const issues = checkQuestionnaire(input);
  if (issues.length > 0) {
    throw new AppError(
      "validation_failed",
      M.invalidQuestionnaire,
      issues.map((i) => ({ path: `/questions/${i.question}`, message: i.message[locale] })),
    );
  }
}

/** What a CSV row error says: its record number (the header is 1) and field. */
export interface RowIssue {
  row: number | null;
  field: string | null;
  message: { fi: string; sv: string; en: string };
}

function rowIssue(row: number | null, field: string | null, fi: string, sv: string, en: string): RowIssue {
  return { row, field, message: { fi, sv, en } };
}

/** Turns row issues into the localized validation problem the import routes answer with. */
export function importProblem(issues: readonly RowIssue[], locale: "fi" | "sv" | "en"): AppError {
  const fields: ProblemField[] = issues.map((i) => ({
    path: i.row === null ? "/csv" : `/rows/${i.row}${i.field ? `/${i.field}` : ""}`,
    message: i.message[locale],
  }));
  return new AppError("validation_failed", M.importFailed, fields);
}

function answersProblem(
  issues: readonly SurveyIssue[],
  locale: "fi" | "sv" | "en",
  base = "/answers",
): AppError {
  return new AppError(
    "validation_failed",
    M.invalidAnswers,
    issues.map((i) => ({ path: `${base}/${i.question}`, message: i.message[locale] })),
  );
}

// Invitation codes: 10 characters of Crockford's base32 without the confusable letters (50 bits), printed
// on the letter; only their SHA-256 is stored, so the database alone cannot be used to answer for someone.
const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** A new random invitation code. */
export function newInvitationCode(): string {
  let code = "";
  for (let i = 0; i < 10; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** The stored form of a code; typing it in lower case or with spaces and dashes still matches. */
export function hashCode(code: string): string {
  const normal = code.toUpperCase().replace(/[\s-]/g, "");
  return createHash("sha256").update(normal).digest("hex");
}

function toQuestionnaire(row: QuestionnaireRow): Questionnaire {
  return {
    id: row.id,
    key: row.key,
    version: row.version,
    title: readJson<LocalizedText>(row.title),
    intro: row.intro === null ? null : readJson<LocalizedText | null>(row.intro),
    questions: readJson<Question[]>(row.questions),
    overallQuestion: row.overallQuestion,
    isExampleData: Boolean(row.isExample),
  };
}

function toRound(row: RoundRow, completed: number): RoundSummary {
  return {
    id: row.id,
    slug: row.slug,
    year: row.year,
    title: readJson<LocalizedText>(row.title),
    fieldworkStart: row.fieldworkStart,
    fieldworkEnd: row.fieldworkEnd,
    openWeb: Boolean(row.openWeb),
    questionnaireId: row.questionnaireId,
    completedResponses: completed,
    isExampleData: Boolean(row.isExample),
    status: row.status as RoundStatus,
    channels: listOf<ResponseMode>(row.channels),
    weightingMethod: row.weightingMethod as WeightingMethod,
    poststratCells: listOf<WeightingVariable>(row.poststratCells),
    weightTrimMultiplier: row.weightTrimMultiplier === null ? null : Number(row.weightTrimMultiplier),
  };
}

/** Channels in their fixed order, comma-separated for the column. */
function orderedChannels(chosen: readonly string[]): string {
  return RESPONSE_MODES.filter((m) => chosen.includes(m)).join(",");
}

/** A comma-separated column as its list. */
function listOf<T extends string>(text: string | null): T[] {
  return text ? (text.split(",") as T[]) : [];
}

/** The weighting variables in their fixed order (age_group, sex, area), whatever order staff chose them in. */
function orderedVariables(chosen: readonly string[]): WeightingVariable[] {
  return WEIGHTING_VARIABLES.filter((v) => chosen.includes(v));
}

const CELL_COLUMN = { age_group: "ageGroup", sex: "sex", area: "area" } as const;

/** The category of a weighting variable in a stored population cell (null: not a variable of the cells). */
function cellValue(cell: MarginCellRow, variable: WeightingVariable): string | null {
  return cell[CELL_COLUMN[variable]];
}

/** The weighting columns of a round: null cells when raking; checked when post-stratifying. */
function weightingColumns(
  method: WeightingMethod,
  cells: readonly string[] | undefined,
): { weightingMethod: WeightingMethod; poststratCells: string | null } {
  if (method === "rake") return { weightingMethod: "rake", poststratCells: null };
  const variables = orderedVariables(cells ?? []);
  if (variables.length === 0) throw new AppError("validation_failed", M.cellsNeeded);
  return { weightingMethod: "poststratify", poststratCells: variables.join(",") };
}

function toAnalysis(row: ResponseRow): AnalysisResponse {
  return { ageGroup: row.ageGroup, sex: row.sex, area: row.area, answers: readJson<Answers>(row.answers) };
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e.code === "23505" || /UNIQUE constraint failed/.test(e.message ?? "");
}

/** The weighted results of one round, before publication rules are applied. */
interface ComputedRound {
  rows: EstimateRow[];
  method: string;
  respondents: number;
  excluded: number;
  nEff: number;
  deff: number;
  cycles: number | null;
}

/** Use cases of the resident survey: questionnaires, rounds, the three channels, weighting and results. */
export class SurveyService {
  readonly #db: Db;
  readonly #now: () => Date;

  constructor(db: Db, now: () => Date) {
    this.#db = db;
    this.#now = now;
  }

  // ---- questionnaires and rounds ----

  /** Saves a questionnaire as the next version of its key (earlier versions stay as they were answered). */
  async createQuestionnaire(
    input: QuestionnaireInput,
    locale: "fi" | "sv" | "en",
    options: { isExample?: boolean; version?: number } = {},
  ): Promise<Questionnaire> {
    refuseInvalidQuestionnaire(input, locale);
    return inTransaction(this.#db, async (trx) => {
      // The seed asks for version 1 exactly, so that two runs at once cannot make a version 2.
      const version = options.version ?? (await repo.latestQuestionnaireVersion(trx, input.key)) + 1;
      const row: QuestionnaireRow = {
        id: newId(this.#now().getTime()),
        key: input.key,
        version,
        title: writeJson(input.title),
        intro: input.intro ? writeJson(input.intro) : null,
        questions: writeJson(input.questions),
        overallQuestion: input.overallQuestion ?? null,
        isExample: options.isExample ? 1 : 0,
        createdAt: this.#now().toISOString(),
      };
      await repo.insertQuestionnaire(trx, row);
      return toQuestionnaire(row);
    }).catch((error: unknown) => {
      // Two saves of the same key at once: the unique (key, version) index let one through.
      if (isUniqueViolation(error)) throw new AppError("conflict", M.versionRace);
      throw error;
    });
  }

  async listQuestionnaires(): Promise<Questionnaire[]> {
    return (await repo.listQuestionnaires(this.#db)).map(toQuestionnaire);
  }

  /** Every questionnaire version for staff, with its rounds and response count (locked once answered). */
  async listQuestionnaireItems(): Promise<QuestionnaireListItem[]> {
    const [rows, rounds, responses] = await Promise.all([
      repo.listQuestionnaires(this.#db),
      repo.listRounds(this.#db),
      repo.responseCountsByQuestionnaire(this.#db),
    ]);
    return rows.map((row) => {
      const count = responses.get(row.id) ?? 0;
      return {
        ...toQuestionnaire(row),
        rounds: rounds
          .filter((r) => r.questionnaireId === row.id)
          .map((r) => ({ slug: r.slug, year: r.year }))
          .sort((a, b) => a.year - b.year || a.slug.localeCompare(b.slug)),
        responses: count,
        isLocked: count > 0,
      };
    });
  }

  /**
   * Changes a questionnaire version in place while nobody has answered it; once answers exist it is frozen
   * and changes go into a new version of the same key (which keeps the questions linked across years).
   */
  async updateQuestionnaire(
    id: string,
    input: QuestionnaireInput,
    locale: "fi" | "sv" | "en",
  ): Promise<Questionnaire> {
    refuseInvalidQuestionnaire(input, locale);
    return inTransaction(this.#db, async (trx) => {
      const row = await repo.findQuestionnaire(trx, id);
      if (!row) throw notFound(M.noQuestionnaire);
      if (row.key !== input.key) {
        throw new AppError("validation_failed", M.questionnaireKeyFixed, [
          { path: "/key", message: M.questionnaireKeyFixed[locale] },
        ]);
      }
      if (await repo.questionnaireHasResponses(trx, id))
        throw new AppError("conflict", M.questionnaireLocked);
      const fields = {
        title: writeJson(input.title),
        intro: input.intro ? writeJson(input.intro) : null,
        questions: writeJson(input.questions),
        overallQuestion: input.overallQuestion ?? null,
      };
      await repo.updateQuestionnaire(trx, id, fields);
      return toQuestionnaire({ ...row, ...fields });
    });
  }

  async questionnaire(id: string): Promise<Questionnaire> {
    const row = await repo.findQuestionnaire(this.#db, id);
    if (!row) throw notFound(M.noQuestionnaire);
    return toQuestionnaire(row);
  }

  /** Opens a round of fieldwork with one questionnaire version. */
  async createRound(input: RoundInput, options: { isExample?: boolean } = {}): Promise<RoundSummary> {
    await this.questionnaire(input.questionnaireId);
    if (input.fieldworkEnd < input.fieldworkStart) {
      throw new AppError("validation_failed", M.fieldworkOrder);
    }
    const row: RoundRow = {
      id: newId(this.#now().getTime()),
      slug: input.slug,
      questionnaireId: input.questionnaireId,
      year: input.year,
      title: writeJson(input.title),
      fieldworkStart: input.fieldworkStart,
      fieldworkEnd: input.fieldworkEnd,
      openWeb: input.openWeb ? 1 : 0,
      isExample: options.isExample ? 1 : 0,
      weightTrimMultiplier: input.weightTrimMultiplier ?? null,
      status: input.status ?? "open",
      channels: orderedChannels(input.channels ?? RESPONSE_MODES),
      ...weightingColumns(input.weightingMethod ?? "rake", input.poststratCells),
      createdAt: this.#now().toISOString(),
    };
    try {
      await repo.insertRound(this.#db, row);
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError("conflict", M.slugTaken);
      throw error;
    }
    return toRound(row, 0);
  }

  /** Changes a round's settings or state; post-stratification cells are kept only with that method. */
  async updateRound(slug: string, change: RoundUpdate): Promise<RoundSummary> {
    const round = await this.#round(slug);
    const next: RoundRow = {
      ...round,
      ...(change.title ? { title: writeJson(change.title) } : {}),
      ...(change.fieldworkStart ? { fieldworkStart: change.fieldworkStart } : {}),
      ...(change.fieldworkEnd ? { fieldworkEnd: change.fieldworkEnd } : {}),
      ...(change.openWeb === undefined ? {} : { openWeb: change.openWeb ? 1 : 0 }),
      ...(change.status ? { status: change.status } : {}),
      ...(change.channels ? { channels: orderedChannels(change.channels) } : {}),
      ...(change.weightTrimMultiplier === undefined
        ? {}
        : { weightTrimMultiplier: change.weightTrimMultiplier }),
    };
    if (change.weightingMethod !== undefined || change.poststratCells !== undefined) {
      const method = change.weightingMethod ?? (round.weightingMethod as WeightingMethod);
      Object.assign(
        next,
        weightingColumns(method, change.poststratCells ?? listOf<WeightingVariable>(round.poststratCells)),
      );
    }
    if (next.fieldworkEnd < next.fieldworkStart) {
      throw new AppError("validation_failed", M.fieldworkOrder);
    }
    if (round.status !== "draft" && next.status === "draft")
      throw new AppError("conflict", M.badStatusChange);
    await repo.updateRound(this.#db, round.id, {
      title: next.title,
      fieldworkStart: next.fieldworkStart,
      fieldworkEnd: next.fieldworkEnd,
      openWeb: next.openWeb,
      status: next.status,
      channels: next.channels,
      weightingMethod: next.weightingMethod,
      poststratCells: next.poststratCells,
      weightTrimMultiplier: next.weightTrimMultiplier,
    });
    return this.#summary(next);
  }

  async listRounds(): Promise<RoundSummary[]> {
    const [rounds, counts] = await Promise.all([repo.listRounds(this.#db), repo.completedCounts(this.#db)]);
    return rounds.map((r) => toRound(r, counts.get(r.id) ?? 0));
  }

  async #round(slug: string): Promise<RoundRow> {
    const round = await repo.findRoundBySlug(this.#db, slug);
    if (!round) throw notFound(M.noRound);
    return round;
  }

  async #summary(round: RoundRow): Promise<RoundSummary> {
    const counts = await repo.completedCounts(this.#db);
    return toRound(round, counts.get(round.id) ?? 0);
  }

  // ---- sample, margins, quotas ----

  /**
   * Imports a round's sample (`label,age_group,sex,area[,phone]`) and returns each member's invitation code
   * once: only hashes are kept. All rows or none.
   */
  async importSample(
    slug: string,
    csv: string,
  ): Promise<{ ok: true; codes: { label: string; code: string }[] } | { ok: false; errors: RowIssue[] }> {
    const round = await this.#round(slug);
    const read = this.#readSample(round, csv);
    if (!read.ok) return read;
    const { members } = read;
    await inTransaction(this.#db, (trx) =>
      repo.insertMembers(
        trx,
        members.map((m) => m.row),
      ),
    );
    return { ok: true, codes: members.map((m) => ({ label: m.row.label, code: m.code })) };
  }

  /** What importing a sample would add, row by row, without writing anything or making codes public. */
  async previewSample(
    slug: string,
    csv: string,
  ): Promise<{ ok: true; rows: SamplePreviewRow[] } | { ok: false; errors: RowIssue[] }> {
    const read = this.#readSample(await this.#round(slug), csv);
    if (!read.ok) return read;
    return {
      ok: true,
      rows: read.members.map((m, i) => ({
        row: i + 2,
        label: m.row.label,
        ageGroup: m.row.ageGroup,
        sex: m.row.sex,
        area: m.row.area,
        hasPhone: m.row.phone !== null,
      })),
    };
  }

  #readSample(
    round: RoundRow,
    csv: string,
  ):
    | { ok: true; members: { code: string; row: NewSampleMemberRow & { label: string } }[] }
    | { ok: false; errors: RowIssue[] } {
    const parsed = this.#parse(csv, ["label", "age_group", "sex", "area"]);
    if (!parsed.ok) return parsed;
    const { header, rows } = parsed.table;
    const at = this.#now().toISOString();
    const col = (name: string) => header.indexOf(name);
    const errors: RowIssue[] = [];
    const members = rows.map((row, r) => {
      for (const name of ["label", "age_group", "sex", "area"]) {
        if ((row[col(name)] ?? "").trim() === "") {
          errors.push(rowIssue(r + 2, name, "Tieto puuttuu.", "Uppgiften saknas.", "The value is missing."));
        }
      }
      const code = newInvitationCode();
      return {
        code,
        row: {
          id: newId(),
          roundId: round.id,
          codeHash: hashCode(code),
          label: (row[col("label")] ?? "").trim().slice(0, 100),
          phone: col("phone") >= 0 ? (row[col("phone")] ?? "").trim().slice(0, 40) || null : null,
          ageGroup: (row[col("age_group")] ?? "").trim(),
          sex: (row[col("sex")] ?? "").trim(),
          area: (row[col("area")] ?? "").trim(),
          callStatus: "pending",
          callBackAt: null,
          attempts: 0,
          updatedAt: at,
        },
      };
    });
    if (errors.length > 0) return { ok: false, errors };
    return { ok: true, members };
  }

  /**
   * Replaces a year's population figures from CSV (e.g. Statistics Finland's tables), in one of two shapes:
   * one-way margins `[year,]variable,category,population`, where every variable must sum to the same total or
   * raking could not reach all of them; or joint cells `[year,]<age_group|sex|area…>,population` as the CLI's
   * `--cells` file, one row per cell of the full cross-classification, from which the margins are derived and
   * which post-stratification needs. All rows or none.
   */
  async importMargins(
    year: number,
    csv: string,
    source: string,
  ): Promise<{ ok: true; year: number; figures: number } | { ok: false; errors: RowIssue[] }> {
    const read = this.#readMargins(year, csv, source);
    if (!read.ok) return read;
    await inTransaction(this.#db, async (trx) => {
      await repo.replaceMargins(trx, year, read.figures);
      await repo.replaceMarginCells(trx, year, read.cells);
    });
    return { ok: true, year, figures: read.figures.length + read.cells.length };
  }

  /** What importing the year's figures would store, without writing anything. */
  async previewMargins(
    year: number,
    csv: string,
  ): Promise<({ ok: true } & MarginsPreview) | { ok: false; errors: RowIssue[] }> {
    const read = this.#readMargins(year, csv, "preview");
    if (!read.ok) return read;
    return { ok: true, year, format: read.format, total: read.total, rows: read.preview };
  }

  #readMargins(
    year: number,
    csv: string,
    source: string,
  ):
    | {
        ok: true;
        format: "margins" | "cells";
        figures: MarginRow[];
        cells: MarginCellRow[];
        preview: MarginPreviewRow[];
        total: number;
      }
    | { ok: false; errors: RowIssue[] } {
    const parsed = this.#parse(csv, ["population"]);
    if (!parsed.ok) return parsed;
    const isLong = parsed.table.header.includes("variable") || parsed.table.header.includes("category");
    if (!isLong) return this.#readMarginCells(year, parsed.table, source);
    const long = this.#parse(csv, ["variable", "category", "population"]);
    if (!long.ok) return long;
    const { header, rows } = long.table;
    const c = (name: string) => header.indexOf(name);
    const errors: RowIssue[] = [];
    const seen = new Set<string>();
    const totals = new Map<string, number>();
    const at = this.#now().toISOString();
    const kept: MarginRow[] = [];
    const preview: MarginPreviewRow[] = [];
    rows.forEach((row, r) => {
      const line = r + 2;
      if (c("year") >= 0 && Number(row[c("year")]) !== year) return;
      const variable = (row[c("variable")] ?? "").trim();
      const category = (row[c("category")] ?? "").trim();
      const text = (row[c("population")] ?? "").trim();
      const population = Number(text);
      if (!(WEIGHTING_VARIABLES as readonly string[]).includes(variable)) {
        errors.push(
          rowIssue(
            line,
            "variable",
            `Muuttuja "${variable}" ei ole age_group, sex tai area.`,
            `Variabeln "${variable}" är inte age_group, sex eller area.`,
            `The variable "${variable}" is not age_group, sex or area.`,
          ),
        );
        return;
      }
      if (category === "") {
        errors.push(
          rowIssue(line, "category", "Luokka puuttuu.", "Kategorin saknas.", "The category is missing."),
        );
        return;
      }
      if (text === "" || !Number.isFinite(population) || population <= 0) {
        errors.push(badPopulation(line, text));
        return;
      }
      const key = `${variable}\u0000${category}`;
      if (seen.has(key)) {
        errors.push(
          rowIssue(
            line,
            "category",
            "Luokka on jo annettu.",
            "Kategorin finns redan.",
            "The category is given twice.",
          ),
        );
        return;
      }
      seen.add(key);
      totals.set(variable, (totals.get(variable) ?? 0) + population);
      kept.push({ year, variable, category, population, position: kept.length, source, importedAt: at });
      preview.push({
        row: line,
        ageGroup: variable === "age_group" ? category : null,
        sex: variable === "sex" ? category : null,
        area: variable === "area" ? category : null,
        population,
      });
    });
    if (errors.length === 0 && kept.length === 0) {
      errors.push(noRowsFor(year));
    }
    const sums = [...totals.values()];
    if (
      errors.length === 0 &&
      sums.some((s) => Math.abs(s - (sums[0] as number)) > 1e-9 * (sums[0] as number))
    ) {
      const list = [...totals].map(([v, s]) => `${v} ${s}`).join(", ");
      errors.push(
        rowIssue(
          null,
          null,
          `Muuttujien summat eroavat (${list}); jokaisen on oltava sama väkiluku.`,
          `Variablernas summor skiljer sig (${list}); alla måste ha samma folkmängd.`,
          `The variables' totals differ (${list}); each must sum to the same population.`,
        ),
      );
    }
    if (errors.length > 0) return { ok: false, errors };
    return { ok: true, format: "margins", figures: kept, cells: [], preview, total: sums[0] ?? 0 };
  }

  #readMarginCells(
    year: number,
    table: { header: readonly string[]; rows: readonly (readonly string[])[] },
    source: string,
  ):
    | {
        ok: true;
        format: "cells";
        figures: MarginRow[];
        cells: MarginCellRow[];
        preview: MarginPreviewRow[];
        total: number;
      }
    | { ok: false; errors: RowIssue[] } {
    const { header, rows } = table;
    const errors: RowIssue[] = [];
    for (const name of header) {
      if (
        name === "year" ||
        name === "population" ||
        (WEIGHTING_VARIABLES as readonly string[]).includes(name)
      )
        continue;
      errors.push(
        rowIssue(
          1,
          name,
          `Sarake "${name}" ei ole year, age_group, sex, area tai population.`,
          `Kolumnen "${name}" är inte year, age_group, sex, area eller population.`,
          `The column "${name}" is not year, age_group, sex, area or population.`,
        ),
      );
    }
    const variables = WEIGHTING_VARIABLES.filter((v) => header.includes(v));
    if (variables.length === 0) {
      errors.push(
        rowIssue(
          1,
          null,
          "Tiedostossa ei ole muuttujasarakkeita: anna variable- ja category-sarakkeet tai age_group, sex ja/tai area.",
          "Filen har inga variabelkolumner: ange kolumnerna variable och category eller age_group, sex och/eller area.",
          "The file has no variable columns: give variable and category columns, or age_group, sex and/or area.",
        ),
      );
    }
    if (errors.length > 0) return { ok: false, errors };
    const at = this.#now().toISOString();
    const c = (name: string) => header.indexOf(name);
    const levels = new Map<WeightingVariable, string[]>(variables.map((v) => [v, []]));
    const seen = new Set<string>();
    const cells: MarginCellRow[] = [];
    const preview: MarginPreviewRow[] = [];
    rows.forEach((row, r) => {
      const line = r + 2;
      if (c("year") >= 0 && Number(row[c("year")]) !== year) return;
      const values = new Map<WeightingVariable, string>();
      for (const v of variables) {
        const value = (row[c(v)] ?? "").trim();
        if (value === "") {
          errors.push(rowIssue(line, v, "Luokka puuttuu.", "Kategorin saknas.", "The category is missing."));
        }
        values.set(v, value);
      }
      const text = (row[c("population")] ?? "").trim();
      const population = Number(text);
      if (text === "" || !Number.isFinite(population) || population <= 0) {
        errors.push(badPopulation(line, text));
        return;
      }
      const key = variables.map((v) => values.get(v)).join("\u0000");
      if (seen.has(key)) {
        errors.push(
          rowIssue(line, null, "Solu on jo annettu.", "Cellen finns redan.", "The cell is given twice."),
        );
        return;
      }
      seen.add(key);
      for (const v of variables) {
        const list = levels.get(v) as string[];
        if (!list.includes(values.get(v) as string)) list.push(values.get(v) as string);
      }
      const value = (v: WeightingVariable) => (variables.includes(v) ? (values.get(v) ?? null) : null);
      const cell = { ageGroup: value("age_group"), sex: value("sex"), area: value("area") };
      cells.push({ year, position: cells.length, ...cell, population, source, importedAt: at });
      preview.push({ row: line, ...cell, population });
    });
    if (errors.length === 0 && cells.length === 0) {
      errors.push(noRowsFor(year));
    }
    // Post-stratification weights every cell of the cross-classification, so a missing cell is an error here
    // rather than a population silently left out.
    const expected = [...levels.values()].reduce((product, list) => product * list.length, 1);
    if (errors.length === 0 && cells.length !== expected) {
      const missing = crossCells(variables.map((v) => levels.get(v) as string[]))
        .filter((combination) => !seen.has(combination.join("\u0000")))
        .slice(0, 5)
        .map((combination) => combination.join(" × "))
        .join(", ");
      errors.push(
        rowIssue(
          null,
          null,
          `Ristiintaulukosta puuttuu ${expected - cells.length} solua (esim. ${missing}).`,
          `Korstabellen saknar ${expected - cells.length} celler (t.ex. ${missing}).`,
          `The cross-classification lacks ${expected - cells.length} cells (e.g. ${missing}).`,
        ),
      );
    }
    if (errors.length > 0) return { ok: false, errors };
    const figures: MarginRow[] = [];
    for (const v of variables) {
      for (const category of levels.get(v) as string[]) {
        const population = cells
          .filter((cell) => cellValue(cell, v) === category)
          .reduce((sum, cell) => sum + cell.population, 0);
        figures.push({
          year,
          variable: v,
          category,
          population,
          position: figures.length,
          source,
          importedAt: at,
        });
      }
    }
    const total = cells.reduce((sum, cell) => sum + cell.population, 0);
    return { ok: true, format: "cells", figures, cells, preview, total };
  }

  /**
   * A round as staff run it: its settings, the sample size, responses by channel, sample members by call
   * outcome, quotas with their fill, the categories for the quota grid and whether the year's population
   * figures fit the weighting method. Counts only; no personal data.
   */
  async desk(slug: string): Promise<RoundDesk> {
    const round = await this.#round(slug);
    const [callList, byChannel, margins, cells] = await Promise.all([
      this.callList(slug),
      repo.responsesByChannel(this.#db, round.id),
      repo.listMargins(this.#db, round.year),
      repo.listMarginCells(this.#db, round.year),
    ]);
    const categories = (variable: WeightingVariable, fromSample: readonly string[]) => [
      ...new Set([...margins.filter((m) => m.variable === variable).map((m) => m.category), ...fromSample]),
    ];
    const outcomes = new Map<string, number>();
    for (const entry of callList.entries) outcomes.set(entry.status, (outcomes.get(entry.status) ?? 0) + 1);
    const cellVariables = WEIGHTING_VARIABLES.filter(
      (v) => cells.length > 0 && cells.every((c) => cellValue(c, v) !== null),
    );
    const summary = callList.round;
    return {
      round: summary,
      sampleSize: callList.entries.length,
      responsesByChannel: RESPONSE_MODES.map((channel) => ({
        channel,
        complete: byChannel.find((r) => r.mode === channel && r.status === "complete")?.count ?? 0,
        inProgress: byChannel.find((r) => r.mode === channel && r.status === "in_progress")?.count ?? 0,
      })),
      callsByOutcome: CALL_STATUSES.map((outcome) => ({
        outcome,
        members: outcomes.get(outcome) ?? 0,
      })),
      quotas: callList.quotas,
      ageGroups: categories(
        "age_group",
        callList.entries.map((e) => e.ageGroup),
      ),
      areas: categories(
        "area",
        callList.entries.map((e) => e.area),
      ),
      margins: {
        year: round.year,
        figures: margins.length + cells.length,
        variables: WEIGHTING_VARIABLES.filter((v) => margins.some((m) => m.variable === v)),
        cellVariables,
        source: margins[0]?.source ?? null,
      },
      weightingReady:
        margins.length > 0 &&
        (summary.weightingMethod === "rake" ||
          summary.poststratCells.every((v) => cellVariables.includes(v))),
    };
  }

  /** Sets the targets of completed interviews per age group × area. */
  async setQuotas(slug: string, quotas: readonly { ageGroup: string; area: string; target: number }[]) {
    const round = await this.#round(slug);
    const seen = new Set<string>();
    for (const q of quotas) {
      const key = `${q.ageGroup}\u0000${q.area}`;
      if (seen.has(key)) {
        throw new AppError("validation_failed", {
          fi: `Kiintiö ${q.ageGroup} × ${q.area} on annettu kahdesti.`,
          sv: `Kvoten ${q.ageGroup} × ${q.area} anges två gånger.`,
          en: `The quota ${q.ageGroup} × ${q.area} is given twice.`,
        });
      }
      seen.add(key);
    }
    await inTransaction(this.#db, (trx) =>
      repo.replaceQuotas(
        trx,
        round.id,
        quotas.map((q) => ({ roundId: round.id, ...q })),
      ),
    );
    return this.callList(slug);
  }

  // ---- phone interviews ----

  /** The call list with each member's call state, and the quotas with their fill so far. */
  async callList(slug: string): Promise<CallList> {
    const round = await this.#round(slug);
    const [members, quotas, cells] = await Promise.all([
      repo.listMembersWithResponses(this.#db, round.id),
      repo.listQuotas(this.#db, round.id),
      repo.completedByCell(this.#db, round.id),
    ]);
    return {
      round: await this.#summary(round),
      entries: members.map((m) => ({
        memberId: m.id,
        label: m.label,
        phone: m.phone,
        ageGroup: m.ageGroup,
        sex: m.sex,
        area: m.area,
        status: m.callStatus,
        callBackAt: m.callBackAt,
        attempts: Number(m.attempts),
        responseStatus: m.responseStatus,
      })),
      quotas: quotas.map((q) => ({
        ageGroup: q.ageGroup,
        area: q.area,
        target: Number(q.target),
        completed: cells
          .filter((c) => c.ageGroup === q.ageGroup && c.area === q.area)
          .reduce((sum, c) => sum + c.count, 0),
      })),
    };
  }

  /** Records the outcome of a call; "completed" only comes from finishing the interview itself. */
  async recordCall(
    memberId: string,
    outcome: Exclude<CallOutcome, "completed">,
    callBackAt: string | null,
    interviewerId: string,
  ): Promise<void> {
    if (!(CALL_OUTCOMES as readonly string[]).includes(outcome)) throw new AppError("validation_failed");
    const member = await repo.findMember(this.#db, memberId);
    if (!member) throw notFound(M.noResponse);
    if (member.callStatus === "completed") throw new AppError("conflict", M.interviewDone);
    if (outcome === "call_back" && !callBackAt) {
      throw new AppError("validation_failed", {
        fi: "Anna takaisinsoiton aika.",
        sv: "Ange tid för återuppringning.",
        en: "Give the time to call back.",
      });
    }
    const at = this.#now().toISOString();
    await inTransaction(this.#db, (trx) =>
      repo.recordCall(
        trx,
        { id: member.id, status: outcome, callBackAt: outcome === "call_back" ? callBackAt : null, at },
        { id: newId(), interviewerId, outcome },
      ),
    );
  }

  /** Starts or resumes the phone interview of a sample member. */
  async startInterview(memberId: string, interviewerId: string): Promise<ResponseSession> {
    const member = await repo.findMember(this.#db, memberId);
    if (!member) throw notFound(M.noResponse);
    const round = await repo.findRoundById(this.#db, member.roundId);
    if (!round) throw notFound(M.noRound);
    const existing = await repo.findResponseOfMember(this.#db, member.id);
    if (existing) {
      if (existing.status === "complete") throw new AppError("conflict", M.interviewDone);
      return this.#session(existing);
    }
    if (round.status !== "open") throw new AppError("conflict", M.roundNotOpen);
    this.#requireChannel(round, "phone");
    return this.#create(round, {
      memberId: member.id,
      mode: "phone",
      recordedBy: interviewerId,
      ageGroup: member.ageGroup,
      sex: member.sex,
      area: member.area,
    });
  }

  // ---- web answering ----

  /** Starts or resumes the web response of an invitation code (one response per code). */
  async startByCode(code: string): Promise<ResponseSession> {
    const member = await repo.findMemberByCodeHash(this.#db, hashCode(code));
    if (!member) throw new AppError("not_found", M.badCode);
    const existing = await repo.findResponseOfMember(this.#db, member.id);
    if (existing) return this.#session(existing);
    const round = await repo.findRoundById(this.#db, member.roundId);
    if (!round) throw notFound(M.noRound);
    this.#requireFieldwork(round);
    return this.#create(round, {
      memberId: member.id,
      mode: "web",
      ageGroup: member.ageGroup,
      sex: member.sex,
      area: member.area,
    });
  }

  /** The response of an invitation code, for the code's holder to continue or see. */
  async responseOfCode(code: string): Promise<ResponseRow> {
    const member = await repo.findMemberByCodeHash(this.#db, hashCode(code));
    const response = member ? await repo.findResponseOfMember(this.#db, member.id) : undefined;
    if (!response) throw new AppError("not_found", M.badCode);
    return response;
  }

  /** Starts or resumes a signed-in resident's web response to an open round (one per resident). */
  async startSignedIn(slug: string, personId: string): Promise<ResponseSession> {
    const round = await this.#round(slug);
    if (!round.openWeb) throw new AppError("forbidden", M.notOpenWeb);
    const existing = await repo.findResponseOfPerson(this.#db, round.id, personId);
    if (existing) return this.#session(existing);
    this.#requireFieldwork(round);
    return this.#create(round, { personId, mode: "web" });
  }

  /** A signed-in resident's own response. */
  async responseOfPerson(slug: string, personId: string): Promise<ResponseRow> {
    const round = await this.#round(slug);
    const response = await repo.findResponseOfPerson(this.#db, round.id, personId);
    if (!response) throw notFound(M.noResponse);
    return response;
  }

  /** A response for the interviewer or staff who may edit it. */
  async responseForInterviewer(id: string): Promise<ResponseRow> {
    const response = await repo.findResponse(this.#db, id);
    if (!response) throw notFound(M.noResponse);
    if (response.mode !== "phone") throw new AppError("forbidden", M.notYours);
    return response;
  }

  /** Web answers come in only while the round is open, within its dates, and when it takes web answers. */
  #requireFieldwork(round: RoundRow): void {
    if (round.status !== "open") throw new AppError("conflict", M.roundNotOpen);
    this.#requireChannel(round, "web");
    const today = this.#now().toISOString().slice(0, 10);
    if (today < round.fieldworkStart || today > round.fieldworkEnd) {
      throw new AppError("conflict", M.outsideFieldwork);
    }
  }

  #requireChannel(round: RoundRow, channel: ResponseMode): void {
    if (!listOf(round.channels).includes(channel)) throw new AppError("conflict", M.channelClosed);
  }

  async #create(
    round: RoundRow,
    who: {
      memberId?: string;
      personId?: string;
      mode: ResponseMode;
      recordedBy?: string;
      ageGroup?: string;
      sex?: string;
      area?: string;
    },
  ): Promise<ResponseSession> {
    const at = this.#now().toISOString();
    const row = {
      id: newId(this.#now().getTime()),
      roundId: round.id,
      memberId: who.memberId ?? null,
      personId: who.personId ?? null,
      externalId: null,
      mode: who.mode,
      status: "in_progress",
      ageGroup: who.ageGroup ?? null,
      sex: who.sex ?? null,
      area: who.area ?? null,
      answers: writeJson({}),
      recordedBy: who.recordedBy ?? null,
      startedAt: at,
      updatedAt: at,
      completedAt: null,
    };
    try {
      await repo.insertResponses(this.#db, [row]);
    } catch (error) {
      // Two tabs (or an interviewer and the resident) started at once: the unique index kept one; resume it.
      if (!isUniqueViolation(error)) throw error;
      const existing = who.memberId
        ? await repo.findResponseOfMember(this.#db, who.memberId)
        : await repo.findResponseOfPerson(this.#db, round.id, who.personId as string);
      if (!existing) throw error;
      return this.#session(existing);
    }
    return this.#session(row as ResponseRow);
  }

  async #session(response: ResponseRow): Promise<ResponseSession> {
    const round = await repo.findRoundById(this.#db, response.roundId);
    if (!round) throw notFound(M.noRound);
    return {
      responseId: response.id,
      round: await this.#summary(round),
      questionnaire: await this.questionnaire(round.questionnaireId),
      mode: response.mode as ResponseMode,
      status: response.status as "in_progress" | "complete",
      answers: readJson<Answers>(response.answers),
      framed: response.memberId !== null,
    };
  }

  /** The session of an existing response (its holder was checked by the caller). */
  session(response: ResponseRow): Promise<ResponseSession> {
    return this.#session(response);
  }

  /**
   * Saves answers as they are given (merged into those saved before) and, with `complete`, sends the response:
   * then every shown required question must be answered. Acknowledged only after the commit.
   */
  async saveAnswers(
    response: ResponseRow,
    answers: Answers,
    complete: boolean,
    locale: "fi" | "sv" | "en",
  ): Promise<ResponseSession> {
    return inTransaction(this.#db, async (trx) => {
      const current = await repo.findResponse(trx, response.id);
      if (!current) throw notFound(M.noResponse);
      if (current.status === "complete") throw new AppError("conflict", M.alreadyComplete);
      const round = await repo.findRoundById(trx, current.roundId);
      const questionnaire = round ? await repo.findQuestionnaire(trx, round.questionnaireId) : undefined;
      if (!round || !questionnaire) throw notFound(M.noRound);
      if (round.status !== "open") throw new AppError("conflict", M.roundNotOpen);
      const questions = readJson<Question[]>(questionnaire.questions);
      const merged: Answers = { ...readJson<Answers>(current.answers), ...answers };
      const issues = checkAnswers(questions, merged, complete);
      if (issues.length > 0) throw answersProblem(issues, locale);
      const at = this.#now().toISOString();
      await repo.updateResponse(trx, current.id, {
        answers: writeJson(merged),
        status: complete ? "complete" : "in_progress",
        updatedAt: at,
        completedAt: complete ? at : null,
      });
      if (complete && current.memberId && current.mode === "phone") {
        await repo.setMemberStatus(trx, current.memberId, "completed", at);
      }
      return this.#sessionIn(
        trx,
        { ...current, answers: writeJson(merged), status: complete ? "complete" : "in_progress" },
        round,
        questionnaire,
      );
    });
  }

  async #sessionIn(
    _trx: Db,
    response: ResponseRow,
    round: RoundRow,
    questionnaire: QuestionnaireRow,
  ): Promise<ResponseSession> {
    return {
      responseId: response.id,
      round: toRound(round, 0),
      questionnaire: toQuestionnaire(questionnaire),
      mode: response.mode as ResponseMode,
      status: response.status as "in_progress" | "complete",
      answers: readJson<Answers>(response.answers),
      framed: response.memberId !== null,
    };
  }

  // ---- paper ----

  /** Saves one paper form keyed in by staff (complete at once). */
  async enterPaper(
    slug: string,
    form: { ageGroup: string; sex: string; area: string; answers: Answers; formId?: string },
    staffId: string,
    locale: "fi" | "sv" | "en",
  ): Promise<{ responseId: string }> {
    const round = await this.#round(slug);
    this.#requireChannel(round, "paper");
    const questionnaire = await this.questionnaire(round.questionnaireId);
    const issues = checkAnswers(questionnaire.questions, form.answers, true);
    if (issues.length > 0) throw answersProblem(issues, locale);
    const at = this.#now().toISOString();
    const id = newId(this.#now().getTime());
    try {
      await repo.insertResponses(this.#db, [
        {
          id,
          roundId: round.id,
          memberId: null,
          personId: null,
          externalId: form.formId ?? null,
          mode: "paper",
          status: "complete",
          ageGroup: form.ageGroup,
          sex: form.sex,
          area: form.area,
          answers: writeJson(form.answers),
          recordedBy: staffId,
          startedAt: at,
          updatedAt: at,
          completedAt: at,
        },
      ]);
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError("conflict", M.duplicateExternal);
      throw error;
    }
    return { responseId: id };
  }

  /**
   * Imports keyed paper forms (or an export from another tool): `[id,][channel,]age_group,sex,area,<question
   * keys…>`; an empty field is no answer, multiple choices are separated by ";". All rows or none, with every
   * bad row named.
   */
  async importResponses(
    slug: string,
    csv: string,
    staffId: string,
  ): Promise<{ ok: true; imported: number } | { ok: false; errors: RowIssue[] }> {
    const round = await this.#round(slug);
    const questionnaire = await this.questionnaire(round.questionnaireId);
    const parsed = this.#parse(csv, ["age_group", "sex", "area"]);
    if (!parsed.ok) return parsed;
    const { header, rows } = parsed.table;
    const known = new Set([
      "id",
      "year",
      "channel",
      "age_group",
      "sex",
      "area",
      ...questionnaire.questions.map((q) => q.key),
    ]);
    const errors: RowIssue[] = [];
    for (const name of header) {
      if (!known.has(name)) {
        errors.push(
          rowIssue(
            1,
            name,
            `Sarake "${name}" ei ole lomakkeen kysymys.`,
            `Kolumnen "${name}" är ingen fråga i formuläret.`,
            `The column "${name}" is not a question of the form.`,
          ),
        );
      }
    }
    if (errors.length > 0) return { ok: false, errors };
    const at = this.#now().toISOString();
    const byKey = new Map(questionnaire.questions.map((q) => [q.key, q]));
    const ids = new Set<string>();
    const prepared = rows.map((row, r) => {
      const line = r + 2;
      const get = (name: string) => {
        const c = header.indexOf(name);
        return c < 0 ? "" : (row[c] ?? "").trim();
      };
      const answers: Answers = {};
      for (const [c, name] of header.entries()) {
        const question = byKey.get(name);
        const value = (row[c] ?? "").trim();
        if (!question || value === "") continue;
        answers[name] =
          question.type === "multi"
            ? value
                .split(";")
                .map((v) => v.trim())
                .filter(Boolean)
            : value;
      }
      for (const issue of checkAnswers(questionnaire.questions, answers, false)) {
        errors.push({ row: line, field: issue.question, message: issue.message });
      }
      for (const name of ["age_group", "sex", "area"]) {
        if (get(name) === "")
          errors.push(rowIssue(line, name, "Tieto puuttuu.", "Uppgiften saknas.", "The value is missing."));
      }
      const channel = get("channel") || "paper";
      if (!(RESPONSE_MODES as readonly string[]).includes(channel)) {
        errors.push(
          rowIssue(
            line,
            "channel",
            `Kanava "${channel}" ei ole web, phone tai paper.`,
            `Kanalen "${channel}" är inte web, phone eller paper.`,
            `The channel "${channel}" is not web, phone or paper.`,
          ),
        );
      } else if (!listOf(round.channels).includes(channel)) {
        errors.push(
          rowIssue(
            line,
            "channel",
            `Kanava "${channel}" ei ole käytössä tällä kierroksella.`,
            `Kanalen "${channel}" används inte i den här omgången.`,
            `The channel "${channel}" is not in use in this round.`,
          ),
        );
      }
      const externalId = get("id") || null;
      if (externalId) {
        if (ids.has(externalId)) {
          errors.push(
            rowIssue(
              line,
              "id",
              "Tunniste toistuu tiedostossa.",
              "Id upprepas i filen.",
              "The id repeats in the file.",
            ),
          );
        }
        ids.add(externalId);
      }
      return {
        id: newId(),
        roundId: round.id,
        memberId: null,
        personId: null,
        externalId: externalId ? externalId.slice(0, 80) : null,
        mode: channel,
        status: "complete",
        ageGroup: get("age_group"),
        sex: get("sex"),
        area: get("area"),
        answers: writeJson(answers),
        recordedBy: staffId,
        startedAt: at,
        updatedAt: at,
        completedAt: at,
      };
    });
    if (errors.length > 0) return { ok: false, errors };
    try {
      await inTransaction(this.#db, (trx) => repo.insertResponses(trx, prepared));
    } catch (error) {
      if (isUniqueViolation(error)) {
        return {
          ok: false,
          errors: [
            rowIssue(null, "id", M.duplicateExternal.fi, M.duplicateExternal.sv, M.duplicateExternal.en),
          ],
        };
      }
      throw error;
    }
    return { ok: true, imported: prepared.length };
  }

  #parse(
    csv: string,
    required: readonly string[],
  ):
    | { ok: true; table: { header: readonly string[]; rows: readonly (readonly string[])[] } }
    | { ok: false; errors: RowIssue[] } {
    let table: ReturnType<typeof parseCsv>;
    try {
      table = parseCsv(csv, "CSV");
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      const line = /line (\d+)/.exec(error.message)?.[1];
      return {
        ok: false,
        errors: [
          rowIssue(
            line ? Number(line) : null,
            null,
            `CSV-tiedostoa ei voi lukea: ${error.message}`,
            `CSV-filen kan inte läsas: ${error.message}`,
            `The CSV file cannot be read: ${error.message}`,
          ),
        ],
      };
    }
    const missing = required.filter((name) => !table.header.includes(name));
    if (missing.length > 0) {
      return {
        ok: false,
        errors: missing.map((name) =>
          rowIssue(
            1,
            name,
            `Sarake "${name}" puuttuu.`,
            `Kolumnen "${name}" saknas.`,
            `The column "${name}" is missing.`,
          ),
        ),
      };
    }
    return { ok: true, table };
  }

  // ---- results ----

  /**
   * Weights a round's completed responses to its year's population figures by the round's method: raking to
   * the one-way margins, or post-stratification on the cells of its variables (summed from the year's joint
   * cells). `weights[i]` is null for a response left out.
   */
  async #weigh(round: RoundRow, questions: readonly Question[]) {
    const margins = await repo.listMargins(this.#db, round.year);
    if (margins.length === 0) throw new AppError("conflict", M.noMargins);
    const cellVariables =
      round.weightingMethod === "poststratify" ? orderedVariables(listOf(round.poststratCells)) : [];
    const cells = cellVariables.length > 0 ? await this.#populationCells(round.year, cellVariables) : null;
    const variables = WEIGHTING_VARIABLES.filter(
      (v) => margins.some((m) => m.variable === v) || cellVariables.includes(v),
    );
    const levels = new Map<string, string[]>();
    for (const m of margins) levels.set(m.variable, [...(levels.get(m.variable) ?? []), m.category]);
    const all = (await repo.listCompleteResponses(this.#db, round.id)).map(toAnalysis);
    // A respondent can be weighted only with a known category of every weighting variable.
    const weightable = all.filter((r) =>
      variables.every((v) => {
        const value = weightingValue(r, v as WeightingVariable, questions);
        return value !== null && (levels.get(v) ?? []).includes(value);
      }),
    );
    if (weightable.length === 0) throw new AppError("conflict", M.noRespondents);
    const table = analysisTable(questions, weightable, variables);
    if (cells) requireRespondentsInCells(table, cellVariables, cells);
    try {
      const outcome = weightRespondents(table, {
        ...(cells
          ? { cells: { variables: cellVariables, cells } }
          : {
              margins: margins.map((m) => ({
                variable: m.variable,
                category: m.category,
                population: m.population,
              })),
            }),
        ...(round.weightTrimMultiplier === null
          ? {}
          : { trimMultiplier: Number(round.weightTrimMultiplier) }),
      });
      const weightOf = new Map(weightable.map((r, i) => [r, outcome.design.weights[i] as number]));
      return { outcome, table, levels, all, weightable, weights: all.map((r) => weightOf.get(r) ?? null) };
    } catch (error) {
      if (!(error instanceof SurveyInputError)) throw error;
      throw new AppError("conflict", { fi: error.message, sv: error.message, en: error.message });
    }
  }

  /** The year's population per cell of `variables`, summed over the other variables of its joint cells. */
  async #populationCells(year: number, variables: readonly WeightingVariable[]): Promise<PopulationCell[]> {
    const stored = await repo.listMarginCells(this.#db, year);
    const covered =
      stored.length > 0 && variables.every((v) => stored.every((c) => cellValue(c, v) !== null));
    if (!covered) {
      const wanted = variables.join(" × ");
      const columns = [...variables, "population"].join(",");
      throw new AppError("conflict", {
        fi: `Jälkiositus ${wanted} tarvitsee vuoden ${year} väestön soluittain: tuo väestötiedot sarakkein ${columns}.`,
        sv: `Efterstratifiering ${wanted} behöver år ${year}s befolkning per cell: importera befolkningsuppgifterna med kolumnerna ${columns}.`,
        en: `Post-stratification on ${wanted} needs the ${year} population per cell: import the population figures with the columns ${columns}.`,
      });
    }
    const cells = new Map<string, { categories: string[]; population: number }>();
    for (const row of stored) {
      const categories = variables.map((v) => cellValue(row, v) as string);
      const key = categories.join("\u0000");
      const cell = cells.get(key) ?? { categories, population: 0 };
      cell.population += Number(row.population);
      cells.set(key, cell);
    }
    return [...cells.values()];
  }

  async #compute(round: RoundRow, questions: readonly Question[]): Promise<ComputedRound> {
    const { outcome, table, levels, all, weightable } = await this.#weigh(round, questions);
    try {
      const rows = computeEstimates(outcome.design, table, estimateSpecsFor(questions), domainSpecs(levels));
      return {
        rows,
        method: outcome.method,
        respondents: weightable.length,
        excluded: all.length - weightable.length,
        nEff: outcome.summary.kishEffectiveN,
        deff: outcome.summary.kishDesignEffect,
        cycles: outcome.cycles,
      };
    } catch (error) {
      if (!(error instanceof SurveyInputError)) throw error;
      throw new AppError("conflict", { fi: error.message, sv: error.message, en: error.message });
    }
  }

  /**
   * The published results of a round: weighted estimates with 95 % intervals for every question, overall and
   * by area, age group and sex; last year's figure and the z-test of the change; every cell with fewer than
   * five respondents suppressed; theme counts of open answers.
   */
  async results(slug: string): Promise<SurveyResults> {
    const round = await this.#round(slug);
    const questionnaireRow = await repo.findQuestionnaire(this.#db, round.questionnaireId);
    if (!questionnaireRow) throw notFound(M.noQuestionnaire);
    const questionnaire = toQuestionnaire(questionnaireRow);
    const current = await this.#compute(round, questionnaire.questions);
    const previousRound = await repo.findPreviousRound(this.#db, questionnaire.key, round.year);
    let previous: EstimateRow[] = [];
    if (previousRound) {
      const previousQuestionnaire = await this.questionnaire(previousRound.questionnaireId);
      try {
        previous = (await this.#compute(previousRound, previousQuestionnaire.questions)).rows;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
      }
    }
    const compared = compareRows(current.rows, previous);
    const published = suppressSmallCells(current.rows);
    const rows: ResultRow[] = published.map((row, i) => {
      const pair = compared[i];
      const before = pair?.previous;
      const comparison = pair?.comparison;
      // A comparison is published only when both cells are, and every figure of the test is a number (a
      // category nobody or everybody chose has a zero SE, and its z-test is undefined).
      const comparable =
        !row.suppressed &&
        before &&
        comparison &&
        before.nUsed >= MIN_PUBLISHED_COUNT &&
        previousRound &&
        [
          before.estimate,
          before.se,
          comparison.difference,
          comparison.se,
          comparison.z,
          comparison.pValue,
        ].every(Number.isFinite);
      return {
        key: row.key,
        question: questionOfColumn(row.column),
        kind: row.kind,
        category:
          row.category ?? (row.column.includes(".") ? row.column.slice(row.column.indexOf(".") + 1) : null),
        domainVariable: row.domainVariable,
        domain: row.domain,
        estimate: finiteOrNull(row.estimate),
        se: finiteOrNull(row.se),
        ciLow: finiteOrNull(row.ciLow),
        ciHigh: finiteOrNull(row.ciHigh),
        nUsed: row.nUsed,
        suppressed: row.suppressed,
        previous: comparable
          ? {
              year: previousRound.year,
              estimate: before.estimate,
              se: before.se,
              difference: comparison.difference,
              seDifference: comparison.se,
              z: comparison.z,
              pValue: comparison.pValue,
              significant: comparison.pValue < 0.05,
            }
          : null,
      };
    });
    return {
      round: await this.#summary(round),
      questionnaire,
      previousYear: previousRound && previous.length > 0 ? previousRound.year : null,
      weighting: {
        method: current.method,
        respondents: current.respondents,
        excluded: current.excluded,
        effectiveSampleSize: current.nEff,
        designEffect: current.deff,
        cycles: current.cycles,
        marginsYear: round.year,
      },
      rows,
      themes: await this.#themeCounts(round, questionnaire.questions),
      minimumCellSize: MIN_PUBLISHED_COUNT,
      licence: LICENCE,
    };
  }

  async #themeCounts(round: RoundRow, questions: readonly Question[]): Promise<ThemeCount[]> {
    const open = new Set(questions.filter((q) => q.type === "text").map((q) => q.key));
    const counts = new Map<string, { question: string; theme: string; count: number }>();
    for (const t of await repo.listThemes(this.#db, round.id)) {
      if (!open.has(t.questionKey)) continue;
      const key = `${t.questionKey}\u0000${t.theme}`;
      const entry = counts.get(key) ?? { question: t.questionKey, theme: t.theme, count: 0 };
      entry.count += 1;
      counts.set(key, entry);
    }
    return [...counts.values()]
      .sort((a, b) => b.count - a.count || a.theme.localeCompare(b.theme))
      .map((c) =>
        c.count < MIN_PUBLISHED_COUNT
          ? { question: c.question, theme: c.theme, count: null, suppressed: true }
          : { ...c, suppressed: false },
      );
  }

  /** The weighted share of satisfied answers (per cent) to the overall question of the year's round. */
  async satisfiedShare(year: number): Promise<number | null> {
    const rounds = (await repo.listRounds(this.#db)).filter((r) => r.year === year);
    for (const round of rounds) {
      const questionnaire = await this.questionnaire(round.questionnaireId);
      const overall = questionnaire.questions.find((q) => q.key === questionnaire.overallQuestion);
      if (!overall?.satisfiedValues) continue;
      let computed: ComputedRound;
      try {
        computed = await this.#compute(round, questionnaire.questions);
      } catch (error) {
        if (error instanceof AppError) continue;
        throw error;
      }
      const key = `share:${overall.key}=${overall.satisfiedValues.join("|")}`;
      const row = computed.rows.find((r) => r.key === key);
      if (!row || row.nUsed < MIN_PUBLISHED_COUNT || !Number.isFinite(row.estimate)) continue;
      return row.estimate * 100;
    }
    return null;
  }

  // ---- open answers and themes ----

  /** Open answers of a round with their themes, for staff coding (no names, codes or contact details). */
  async openAnswers(slug: string): Promise<OpenAnswer[]> {
    const round = await this.#round(slug);
    const questionnaire = await this.questionnaire(round.questionnaireId);
    const open = questionnaire.questions.filter((q) => q.type === "text").map((q) => q.key);
    const themes = await repo.listThemes(this.#db, round.id);
    const answers: OpenAnswer[] = [];
    for (const response of await repo.listCompleteResponses(this.#db, round.id)) {
      const given = readJson<Answers>(response.answers);
      for (const key of open) {
        const text = given[key];
        if (typeof text !== "string" || text.trim() === "") continue;
        answers.push({
          responseId: response.id,
          question: key,
          text,
          themes: themes
            .filter((t) => t.responseId === response.id && t.questionKey === key)
            .map((t) => t.theme),
        });
      }
    }
    return answers;
  }

  /** Open answers of responses completed since an instant, across rounds, for the signals module. */
  async openAnswersSince(
    since: Date,
  ): Promise<{ responseId: string; question: string; text: string; at: string; slug: string }[]> {
    const textKeys = new Map<string, string[]>();
    const answers: { responseId: string; question: string; text: string; at: string; slug: string }[] = [];
    for (const response of await repo.listCompletedSince(this.#db, since.toISOString())) {
      let keys = textKeys.get(response.questionnaireId);
      if (!keys) {
        const questionnaire = await this.questionnaire(response.questionnaireId);
        keys = questionnaire.questions.filter((q) => q.type === "text").map((q) => q.key);
        textKeys.set(response.questionnaireId, keys);
      }
      const given = readJson<Answers>(response.answers);
      for (const key of keys) {
        const text = given[key];
        if (typeof text !== "string" || text.trim() === "" || !response.completedAt) continue;
        answers.push({
          responseId: response.id,
          question: key,
          text,
          at: response.completedAt,
          slug: response.slug,
        });
      }
    }
    return answers;
  }

  /** Sets the themes of one open answer. */
  async setThemes(
    responseId: string,
    question: string,
    themes: readonly string[],
    staffId: string,
  ): Promise<void> {
    const response = await repo.findResponse(this.#db, responseId);
    if (!response) throw notFound(M.noResponse);
    const given = readJson<Answers>(response.answers)[question];
    if (typeof given !== "string" || given.trim() === "") {
      throw new AppError("validation_failed", {
        fi: "Vastauksessa ei ole tähän kysymykseen avointa vastausta.",
        sv: "Svaret har inget öppet svar på den här frågan.",
        en: "The response has no open answer to this question.",
      });
    }
    const unique = [...new Set(themes.map((t) => t.trim().toLocaleLowerCase("fi")).filter(Boolean))];
    await inTransaction(this.#db, (trx) =>
      repo.replaceThemes(trx, responseId, question, unique, staffId, this.#now().toISOString()),
    );
  }

  /** The complete responses of a round as CSV columns, without codes, people, contact details or open text. */
  async responsesExport(slug: string): Promise<{ header: string[]; rows: string[][] }> {
    const round = await this.#round(slug);
    const questionnaire = await this.questionnaire(round.questionnaireId);
    const closed = questionnaire.questions.filter((q) => q.type !== "text");
    const header = ["respondent", "year", "channel", "age_group", "sex", "area", ...closed.map((q) => q.key)];
    const rows = (await repo.listCompleteResponses(this.#db, round.id)).map((r, i) => {
      const analysis = toAnalysis(r);
      return [
        String(i + 1),
        String(round.year),
        r.mode,
        weightingValue(analysis, "age_group", questionnaire.questions) ?? "",
        weightingValue(analysis, "sex", questionnaire.questions) ?? "",
        weightingValue(analysis, "area", questionnaire.questions) ?? "",
        ...closed.map((q) => {
          const a = analysis.answers[q.key];
          return Array.isArray(a) ? a.join(";") : (a ?? "");
        }),
      ];
    });
    return { header, rows };
  }

  /**
   * The round's weights for staff: the respondent number of the responses CSV (its order of completed
   * responses) and the raked weight, empty for a response left out of the weighting. No personal data.
   */
  async weightsExport(slug: string): Promise<{ header: string[]; rows: string[][] }> {
    const round = await this.#round(slug);
    const questionnaire = await this.questionnaire(round.questionnaireId);
    const { weights } = await this.#weigh(round, questionnaire.questions);
    return {
      header: ["respondent", "weight"],
      rows: weights.map((w, i) => [String(i + 1), w === null ? "" : String(w)]),
    };
  }
}

/**
 * Post-stratification cannot weight a populated cell nobody in the sample is in (R's postStratify stops too):
 * a conflict naming the empty cells, in the caller's language, before the library is asked.
 */
function requireRespondentsInCells(
  table: ColumnTable,
  variables: readonly WeightingVariable[],
  cells: readonly PopulationCell[],
): void {
  const columns = variables.map((v) => table.get(v) ?? []);
  const filled = new Set<string>();
  const n = columns[0]?.length ?? 0;
  for (let i = 0; i < n; i++) filled.add(columns.map((column) => column[i]).join("\u0000"));
  const empty = cells
    .filter((cell) => cell.population > 0 && !filled.has(cell.categories.join("\u0000")))
    .map((cell) => cell.categories.join(" × "));
  if (empty.length === 0) return;
  const list = empty.slice(0, 8).join(", ") + (empty.length > 8 ? ", …" : "");
  throw new AppError("conflict", {
    fi: `Jälkiositussoluissa ei ole vastaajia (${empty.length}: ${list}); yhdistä luokkia, valitse vähemmän muuttujia tai painota reunajakaumiin (raking).`,
    sv: `Efterstratifieringscellerna saknar svarande (${empty.length}: ${list}); slå ihop kategorier, välj färre variabler eller använd raking.`,
    en: `Post-stratification cells have no respondents (${empty.length}: ${list}); merge categories, choose fewer variables or use raking.`,
  });
}

/** A population figure that is not a positive number. */
function badPopulation(line: number, text: string): RowIssue {
  return rowIssue(
    line,
    "population",
    `Väkiluvun "${text}" on oltava positiivinen luku.`,
    `Folkmängden "${text}" måste vara ett positivt tal.`,
    `The population "${text}" must be a positive number.`,
  );
}

/** The file has no row of the year being imported. */
function noRowsFor(year: number): RowIssue {
  return rowIssue(
    null,
    null,
    `Vuodelle ${year} ei ole rivejä.`,
    `Inga rader för år ${year}.`,
    `No rows for year ${year}.`,
  );
}

/** Every combination of one category from each list, in order. */
function crossCells(lists: readonly (readonly string[])[]): string[][] {
  return lists.reduce<string[][]>(
    (combinations, list) => combinations.flatMap((prefix) => list.map((item) => [...prefix, item])),
    [[]],
  );
}

function finiteOrNull(value: number | null): number | null {
  return value === null || !Number.isFinite(value) ? null : value;
}
