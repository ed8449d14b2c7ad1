import {
  type Answers,
  answerValues,
  DONT_KNOW,
  type Question,
  type QuestionnaireInput,
  SHORT_TEXT_MAX,
} from "../../../../contracts/survey.ts";
import type { Column, ColumnTable } from "./columns.ts";
import type { DomainSpec, EstimateSpec } from "./report.ts";

/** A problem found in a questionnaire or in answers, in every interface language. */
export interface SurveyIssue {
  /** Question key (or "" for the whole questionnaire). */
  readonly question: string;
  readonly message: { fi: string; sv: string; en: string };
}

const issue = (question: string, fi: string, sv: string, en: string): SurveyIssue => ({
  question,
  message: { fi, sv, en },
});

function range(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
}

/** The answer values a choice-like question accepts (without "don't know"); null for number and text. */
export function scaleValues(question: Question): string[] | null {
  return answerValues(question);
}

/** Checks a questionnaire beyond its schema: unique keys, options where needed, conditions on earlier questions. */
export function checkQuestionnaire(input: QuestionnaireInput): SurveyIssue[] {
  const issues: SurveyIssue[] = [];
  const seen = new Map<string, Question>();
  for (const question of input.questions) {
    if (seen.has(question.key)) {
      issues.push(
        issue(
          question.key,
          `Kysymyksen tunnus ${question.key} on käytössä kahdesti.`,
          `Frågans nyckel ${question.key} används två gånger.`,
          `The question key ${question.key} is used twice.`,
        ),
      );
    }
    const reserved = (["age_group", "sex", "area"] as const).find((v) => v === question.key);
    if (reserved && question.weighting !== reserved) {
      issues.push(
        issue(
          question.key,
          `Tunnus ${question.key} on varattu painotusmuuttujan taustakysymykselle.`,
          `Nyckeln ${question.key} är reserverad för viktningsvariabelns bakgrundsfråga.`,
          `The key ${question.key} is reserved for the background question of that weighting variable.`,
        ),
      );
    }
    if (question.short && question.type !== "text") {
      issues.push(
        issue(
          question.key,
          "Vain tekstikysymys voi olla lyhyt.",
          "Endast en textfråga kan vara kort.",
          "Only a text question can be short.",
        ),
      );
    }
    if ((question.type === "single" || question.type === "multi") && (question.options ?? []).length < 2) {
      issues.push(
        issue(
          question.key,
          "Valintakysymyksellä on oltava vähintään kaksi vaihtoehtoa.",
          "En flervalsfråga måste ha minst två alternativ.",
          "A choice question needs at least two options.",
        ),
      );
    }
    const values = new Set(scaleValues(question) ?? []);
    if (question.options && new Set(question.options.map((o) => o.value)).size !== question.options.length) {
      issues.push(
        issue(
          question.key,
          "Vaihtoehtojen arvot toistuvat.",
          "Alternativens värden upprepas.",
          "Option values repeat.",
        ),
      );
    }
    for (const value of question.satisfiedValues ?? []) {
      if (!values.has(value)) {
        issues.push(
          issue(
            question.key,
            `Tyytyväisyyden arvo ${value} ei ole kysymyksen vastausvaihtoehto.`,
            `Nöjdhetsvärdet ${value} är inget svarsalternativ.`,
            `The satisfied value ${value} is not an answer of the question.`,
          ),
        );
      }
    }
    if (question.showIf) {
      const condition = seen.get(question.showIf.question);
      if (!condition) {
        issues.push(
          issue(
            question.key,
            "Näyttöehto voi viitata vain aiempaan kysymykseen.",
            "Visningsvillkoret kan bara hänvisa till en tidigare fråga.",
            "A display condition can only refer to an earlier question.",
          ),
        );
      }
    }
    if (question.type === "number" && question.min !== undefined && question.max !== undefined) {
      if (question.min > question.max) {
        issues.push(
          issue(question.key, "Pienin arvo on suurempi kuin suurin.", "Minimum > maximum.", "min > max."),
        );
      }
    }
    seen.set(question.key, question);
  }
  if (input.overallQuestion) {
    const overall = seen.get(input.overallQuestion);
    if (!overall?.satisfiedValues) {
      issues.push(
        issue(
          input.overallQuestion,
          "Kokonaistyytyväisyyden kysymys puuttuu tai siltä puuttuvat tyytyväisten arvot.",
          "Frågan om helhetsnöjdhet saknas eller saknar värden för nöjda.",
          "The overall-satisfaction question is missing or has no satisfied values.",
        ),
      );
    }
  }
  return issues;
}

/** Whether a question is shown, given the answers so far (its condition's question answered with a listed value). */
export function isShown(question: Question, answers: Answers): boolean {
  if (!question.showIf) return true;
  const answer = answers[question.showIf.question];
  const wanted = new Set(question.showIf.values);
  if (Array.isArray(answer)) return answer.some((a) => wanted.has(a));
  return typeof answer === "string" && wanted.has(answer);
}

function isEmpty(answer: Answers[string] | undefined): boolean {
  return (
    answer === undefined || answer === null || answer === "" || (Array.isArray(answer) && answer.length === 0)
  );
}

/**
 * Checks answers against the questionnaire. Unknown questions and invalid values are always refused;
 * with `complete`, every shown required question must be answered.
 */
export function checkAnswers(
  questions: readonly Question[],
  answers: Answers,
  complete: boolean,
): SurveyIssue[] {
  const issues: SurveyIssue[] = [];
  const byKey = new Map(questions.map((q) => [q.key, q]));
  for (const key of Object.keys(answers)) {
    if (!byKey.has(key)) {
      issues.push(
        issue(
          key,
          "Lomakkeessa ei ole tätä kysymystä.",
          "Formuläret har ingen sådan fråga.",
          "The form has no such question.",
        ),
      );
    }
  }
  for (const question of questions) {
    const answer = answers[question.key];
    if (isEmpty(answer)) {
      if (complete && question.required && isShown(question, answers)) {
        issues.push(
          issue(
            question.key,
            "Vastaa tähän kysymykseen.",
            "Svara på den här frågan.",
            "Please answer this question.",
          ),
        );
      }
      continue;
    }
    const allowed = scaleValues(question);
    const dontKnow = question.allowDontKnow === true;
    if (question.type === "multi") {
      if (!Array.isArray(answer)) {
        issues.push(
          issue(
            question.key,
            "Valitse yksi tai useampi vaihtoehto.",
            "Välj ett eller flera alternativ.",
            "Choose one or more options.",
          ),
        );
        continue;
      }
      const values = new Set(allowed);
      if (answer.some((a) => !values.has(a)) || new Set(answer).size !== answer.length) {
        issues.push(
          issue(
            question.key,
            "Vaihtoehto ei kelpaa.",
            "Alternativet är ogiltigt.",
            "An option is not valid.",
          ),
        );
      }
      continue;
    }
    if (typeof answer !== "string") {
      issues.push(
        issue(question.key, "Valitse yksi vaihtoehto.", "Välj ett alternativ.", "Choose one option."),
      );
      continue;
    }
    if (allowed) {
      if (!(allowed.includes(answer) || (dontKnow && answer === DONT_KNOW))) {
        issues.push(
          issue(
            question.key,
            "Vastaus ei ole kysymyksen vaihtoehto.",
            "Svaret är inget av alternativen.",
            "The answer is not one of the options.",
          ),
        );
      }
      continue;
    }
    if (question.type === "text" && question.short && answer.length > SHORT_TEXT_MAX) {
      issues.push(
        issue(
          question.key,
          `Kirjoita lyhyt vastaus, enintään ${SHORT_TEXT_MAX} merkkiä.`,
          `Skriv ett kort svar, högst ${SHORT_TEXT_MAX} tecken.`,
          `Write a short answer of at most ${SHORT_TEXT_MAX} characters.`,
        ),
      );
      continue;
    }
    if (question.type === "number") {
      const value = Number(answer);
      if (answer.trim() === "" || !Number.isFinite(value)) {
        issues.push(issue(question.key, "Kirjoita luku.", "Skriv ett tal.", "Enter a number."));
      } else if (
        (question.min !== undefined && value < question.min) ||
        (question.max !== undefined && value > question.max)
      ) {
        issues.push(
          issue(
            question.key,
            `Luvun on oltava välillä ${question.min ?? "–"}…${question.max ?? "–"}.`,
            `Talet ska vara mellan ${question.min ?? "–"} och ${question.max ?? "–"}.`,
            `The number must be between ${question.min ?? "–"} and ${question.max ?? "–"}.`,
          ),
        );
      }
    }
  }
  return issues;
}

/** A complete response ready for weighting: its weighting variables and answers. */
export interface AnalysisResponse {
  readonly ageGroup: string | null;
  readonly sex: string | null;
  readonly area: string | null;
  readonly answers: Answers;
}

/** The value a response has for a weighting variable: the sample frame's, else its background answer. */
export function weightingValue(
  response: AnalysisResponse,
  variable: "age_group" | "sex" | "area",
  questions: readonly Question[],
): string | null {
  const framed =
    variable === "age_group" ? response.ageGroup : variable === "sex" ? response.sex : response.area;
  if (framed) return framed;
  const question = questions.find((q) => q.weighting === variable);
  const answer = question ? response.answers[question.key] : undefined;
  return typeof answer === "string" && answer !== DONT_KNOW ? answer : null;
}

/** Column name of one option of a multiple-choice question. */
export function optionColumn(question: string, option: string): string {
  return `${question}.${option}`;
}

/**
 * The respondents as analysis columns: the weighting variables, one column per scale or choice question
 * ("don't know" and hidden questions are missing), and a 0/1 column per option of a multiple-choice question
 * (missing when the question was not answered).
 */
export function analysisTable(
  questions: readonly Question[],
  responses: readonly AnalysisResponse[],
  variables: readonly ("age_group" | "sex" | "area")[],
): ColumnTable {
  const table = new Map<string, Column>();
  for (const variable of variables) {
    table.set(
      variable,
      responses.map((r) => weightingValue(r, variable, questions)),
    );
  }
  for (const question of questions) {
    // Background questions feed the weighting variables above; they are not estimated themselves.
    if (question.type === "text" || question.weighting) continue;
    if (question.type === "multi") {
      for (const option of question.options ?? []) {
        table.set(
          optionColumn(question.key, option.value),
          responses.map((r) => {
            const answer = r.answers[question.key];
            if (!Array.isArray(answer) || answer.length === 0) return null;
            return answer.includes(option.value) ? "1" : "0";
          }),
        );
      }
      continue;
    }
    table.set(
      question.key,
      responses.map((r) => {
        const answer = r.answers[question.key];
        return typeof answer === "string" && answer !== "" && answer !== DONT_KNOW ? answer : null;
      }),
    );
  }
  return table;
}

/** What is estimated for each question type (issue 7 "Estimates"). */
export function estimateSpecsFor(questions: readonly Question[]): EstimateSpec[] {
  const specs: EstimateSpec[] = [];
  for (const q of questions) {
    switch (q.type) {
      case "likert5":
        specs.push({ kind: "mean", column: q.key });
        specs.push({ kind: "share", column: q.key, success: q.satisfiedValues ?? ["4", "5"] });
        specs.push({ kind: "distribution", column: q.key, levels: range(1, 5) });
        break;
      case "grade4to10":
        specs.push({ kind: "mean", column: q.key });
        specs.push({ kind: "share", column: q.key, success: q.satisfiedValues ?? ["8", "9", "10"] });
        specs.push({ kind: "distribution", column: q.key, levels: range(4, 10) });
        break;
      case "scale0to10":
        specs.push({ kind: "mean", column: q.key });
        specs.push({ kind: "nps", column: q.key });
        if (q.satisfiedValues) specs.push({ kind: "share", column: q.key, success: q.satisfiedValues });
        break;
      case "single":
        if (q.weighting) break;
        specs.push({ kind: "distribution", column: q.key, levels: (q.options ?? []).map((o) => o.value) });
        break;
      case "multi":
        for (const option of q.options ?? []) {
          specs.push({ kind: "share", column: optionColumn(q.key, option.value), success: ["1"] });
        }
        break;
      case "number":
        specs.push({ kind: "mean", column: q.key });
        break;
      case "text":
        break;
    }
  }
  return specs;
}

/** Domains of the published results, in the margins' category order. */
export function domainSpecs(levels: ReadonlyMap<string, readonly string[]>): DomainSpec[] {
  return (["area", "age_group", "sex"] as const)
    .filter((v) => levels.has(v))
    .map((variable) => ({ variable, levels: levels.get(variable) as readonly string[] }));
}

/** The question a result row belongs to (multiple-choice option columns map back to their question). */
export function questionOfColumn(column: string): string {
  const dot = column.indexOf(".");
  return dot < 0 ? column : column.slice(0, dot);
}
