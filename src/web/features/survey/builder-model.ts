import type { LocalizedText } from "../../../contracts/localized-text.ts";
import {
  answerValues,
  DONT_KNOW,
  type Question,
  type QuestionnaireInput,
  type QuestionType,
  type WeightingVariable,
} from "../../../contracts/survey.ts";

// The questionnaire builder's editing model: the contract's flat question list grouped into sections (a
// section is a run of questions with the same section title), with every text as three plain strings so
// that inputs stay controlled. Pure functions only; the page keeps one Draft in state.

/** Three language versions of one text as typed (empty = not given). */
export type TextDraft = { fi: string; sv: string; en: string };

export type OptionDraft = { uid: string; value: string; label: TextDraft };

export type QuestionDraft = {
  uid: string;
  key: string;
  type: QuestionType;
  text: TextDraft;
  help: TextDraft;
  required: boolean;
  options: OptionDraft[];
  allowDontKnow: boolean;
  min: string;
  max: string;
  /** A text question answered on one line. */
  short: boolean;
  showIfQuestion: string;
  showIfValues: string[];
  weighting: WeightingVariable | "";
  satisfiedValues: string[];
};

export type SectionDraft = { uid: string; title: TextDraft; questions: QuestionDraft[] };

export type Draft = {
  key: string;
  title: TextDraft;
  intro: TextDraft;
  overallQuestion: string;
  sections: SectionDraft[];
};

let counter = 0;
/** A local id for list items (React keys and field ids); never sent to the server. */
export function nextUid(): string {
  counter += 1;
  return `u${counter}`;
}

const EMPTY_TEXT: TextDraft = { fi: "", sv: "", en: "" };

function textDraft(text: LocalizedText | undefined | null): TextDraft {
  return { fi: text?.fi ?? "", sv: text?.sv ?? "", en: text?.en ?? "" };
}

/** The contract's text from typed strings: undefined when nothing is typed; Finnish kept even when empty. */
export function optionalText(draft: TextDraft): LocalizedText | undefined {
  if (!draft.fi.trim() && !draft.sv.trim() && !draft.en.trim()) return undefined;
  return requiredText(draft);
}

/** A text that must exist: an empty Finnish one is sent as such, so the server names the field. */
export function requiredText(draft: TextDraft): LocalizedText {
  const text: LocalizedText = { fi: draft.fi.trim() };
  if (draft.sv.trim()) text.sv = draft.sv.trim();
  if (draft.en.trim()) text.en = draft.en.trim();
  return text;
}

/** Types whose answers are choices on a list (a condition may refer to them). */
export function hasChoices(type: QuestionType): boolean {
  return type !== "number" && type !== "text";
}

/** Types that may offer "don't know / haven't used" (answers checks accept it on every single-answer scale). */
export function allowsDontKnow(type: QuestionType): boolean {
  return hasChoices(type) && type !== "multi";
}

/** Types whose satisfied answers are counted as a share (multiple choice counts each option instead). */
export function hasSatisfiedValues(type: QuestionType): boolean {
  return hasChoices(type) && type !== "multi";
}

/** The answer values of a question as drafted (without "don't know"). */
export function draftValues(question: QuestionDraft): string[] {
  const options = question.options
    .map((o) => ({ value: o.value.trim(), label: { fi: o.label.fi } }))
    .filter((o) => o.value !== "");
  return answerValues({ type: question.type, options }) ?? [];
}

/** The values a condition on this question may list: its answers, and "don't know" where offered. */
export function conditionValues(question: QuestionDraft): string[] {
  const values = draftValues(question);
  return question.allowDontKnow && allowsDontKnow(question.type) ? [...values, DONT_KNOW] : values;
}

function questionDraft(question: Question): QuestionDraft {
  return {
    uid: nextUid(),
    key: question.key,
    type: question.type,
    text: textDraft(question.text),
    help: textDraft(question.help),
    required: question.required,
    options: (question.options ?? []).map((o) => ({
      uid: nextUid(),
      value: o.value,
      label: textDraft(o.label),
    })),
    allowDontKnow: question.allowDontKnow === true,
    min: question.min === undefined ? "" : String(question.min),
    max: question.max === undefined ? "" : String(question.max),
    short: question.short === true,
    showIfQuestion: question.showIf?.question ?? "",
    showIfValues: question.showIf?.values ?? [],
    weighting: question.weighting ?? "",
    satisfiedValues: question.satisfiedValues ?? [],
  };
}

/** A new question of a type, with a key not yet used in the draft. */
export function newQuestion(type: QuestionType, draft: Draft): QuestionDraft {
  const used = new Set(allQuestions(draft).map((q) => q.key));
  let n = used.size + 1;
  while (used.has(`kysymys_${n}`)) n += 1;
  return {
    uid: nextUid(),
    key: `kysymys_${n}`,
    type,
    text: { ...EMPTY_TEXT },
    help: { ...EMPTY_TEXT },
    required: false,
    options:
      type === "single" || type === "multi"
        ? [newOption("1", "Vaihtoehto 1"), newOption("2", "Vaihtoehto 2")]
        : [],
    allowDontKnow: false,
    min: "",
    max: "",
    short: false,
    showIfQuestion: "",
    showIfValues: [],
    weighting: "",
    satisfiedValues: [],
  };
}

/** A new option with a value and a Finnish label. */
export function newOption(value: string, fi = ""): OptionDraft {
  return { uid: nextUid(), value, label: { ...EMPTY_TEXT, fi } };
}

/** A value for a new option of a question, not yet used by its other options. */
export function freeOptionValue(question: QuestionDraft): string {
  const used = new Set(question.options.map((o) => o.value));
  let n = question.options.length + 1;
  while (used.has(String(n))) n += 1;
  return String(n);
}

/** A new, empty section. */
export function newSection(): SectionDraft {
  return { uid: nextUid(), title: { ...EMPTY_TEXT }, questions: [] };
}

/** An empty questionnaire: one section with one question, as the contract needs at least one. */
export function emptyDraft(): Draft {
  const draft: Draft = {
    key: "",
    title: { ...EMPTY_TEXT },
    intro: { ...EMPTY_TEXT },
    overallQuestion: "",
    sections: [newSection()],
  };
  const first = draft.sections[0] as SectionDraft;
  first.questions.push(newQuestion("likert5", draft));
  return draft;
}

/** What a draft starts from: the template, or a saved version (whose intro and overall question may be null). */
export type DraftSource = Pick<QuestionnaireInput, "key" | "title" | "questions"> & {
  intro?: LocalizedText | null | undefined;
  overallQuestion?: string | null | undefined;
};

/** The editing model of a questionnaire: consecutive questions with the same section title form a section. */
export function toDraft(input: DraftSource): Draft {
  const sections: SectionDraft[] = [];
  let current: SectionDraft | undefined;
  let currentKey = "";
  for (const question of input.questions) {
    const key = JSON.stringify(textDraft(question.section));
    if (!current || key !== currentKey) {
      current = { uid: nextUid(), title: textDraft(question.section), questions: [] };
      sections.push(current);
      currentKey = key;
    }
    current.questions.push(questionDraft(question));
  }
  return {
    key: input.key,
    title: textDraft(input.title),
    intro: textDraft(input.intro),
    overallQuestion: input.overallQuestion ?? "",
    sections: sections.length > 0 ? sections : [newSection()],
  };
}

/** Every question of the draft in order. */
export function allQuestions(draft: Draft): QuestionDraft[] {
  return draft.sections.flatMap((s) => s.questions);
}

function toQuestion(question: QuestionDraft, section: TextDraft): Question {
  const out: Question = {
    key: question.key.trim(),
    type: question.type,
    text: requiredText(question.text),
    required: question.required,
  };
  const sectionText = optionalText(section);
  if (sectionText) out.section = sectionText;
  const help = optionalText(question.help);
  if (help) out.help = help;
  if (question.type === "single" || question.type === "multi") {
    out.options = question.options.map((o) => ({ value: o.value.trim(), label: requiredText(o.label) }));
  }
  if (question.allowDontKnow && allowsDontKnow(question.type)) out.allowDontKnow = true;
  if (question.type === "number") {
    // Number inputs give only numbers or nothing.
    const min = Number(question.min);
    const max = Number(question.max);
    if (question.min.trim() && Number.isFinite(min)) out.min = min;
    if (question.max.trim() && Number.isFinite(max)) out.max = max;
  }
  if (question.type === "text" && question.short) out.short = true;
  if (question.showIfQuestion) {
    out.showIf = { question: question.showIfQuestion, values: question.showIfValues };
  }
  if (question.weighting && question.type === "single") out.weighting = question.weighting;
  if (hasSatisfiedValues(question.type)) {
    const values = new Set(draftValues(question));
    const satisfied = question.satisfiedValues.filter((v) => values.has(v));
    if (satisfied.length > 0) out.satisfiedValues = satisfied;
  }
  return out;
}

/** The questionnaire as the API takes it; each question carries its section's title. */
export function fromDraft(draft: Draft): QuestionnaireInput {
  const input: QuestionnaireInput = {
    key: draft.key.trim(),
    title: requiredText(draft.title),
    questions: draft.sections.flatMap((s) => s.questions.map((q) => toQuestion(q, s.title))),
  };
  const intro = optionalText(draft.intro);
  if (intro) input.intro = intro;
  if (draft.overallQuestion) input.overallQuestion = draft.overallQuestion;
  return input;
}

/** A list with the item at `index` moved by `delta` places (unchanged when it would leave the list). */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const out = [...list];
  const [item] = out.splice(index, 1);
  out.splice(target, 0, item as T);
  return out;
}

/**
 * Moves a question one place up or down; at the edge of its section it moves into the neighbouring section
 * (its last place going up, its first going down), so a question can be moved anywhere by buttons alone.
 */
export function moveQuestion(draft: Draft, uid: string, delta: -1 | 1): Draft {
  const si = draft.sections.findIndex((s) => s.questions.some((q) => q.uid === uid));
  const section = draft.sections[si];
  if (!section) return draft;
  const qi = section.questions.findIndex((q) => q.uid === uid);
  const sections = [...draft.sections];
  if (qi + delta >= 0 && qi + delta < section.questions.length) {
    sections[si] = { ...section, questions: moveItem(section.questions, qi, delta) };
    return { ...draft, sections };
  }
  const neighbour = sections[si + delta];
  if (!neighbour) return draft;
  const question = section.questions[qi] as QuestionDraft;
  sections[si] = { ...section, questions: section.questions.filter((q) => q.uid !== uid) };
  sections[si + delta] = {
    ...neighbour,
    questions: delta < 0 ? [...neighbour.questions, question] : [question, ...neighbour.questions],
  };
  return { ...draft, sections };
}

/** Whether a question can move up (or down): anywhere but the very first (last) place of the draft. */
export function canMoveQuestion(draft: Draft, uid: string, delta: -1 | 1): boolean {
  const questions = allQuestions(draft);
  const index = questions.findIndex((q) => q.uid === uid);
  if (index < 0) return false;
  if (delta < 0) return index > 0 || draft.sections[0]?.questions[0]?.uid !== uid;
  const lastSection = draft.sections[draft.sections.length - 1];
  return (
    index < questions.length - 1 || lastSection?.questions[lastSection.questions.length - 1]?.uid !== uid
  );
}

/** The draft with one question changed. */
export function updateQuestion(
  draft: Draft,
  uid: string,
  change: (q: QuestionDraft) => QuestionDraft,
): Draft {
  return {
    ...draft,
    sections: draft.sections.map((s) =>
      s.questions.some((q) => q.uid === uid)
        ? { ...s, questions: s.questions.map((q) => (q.uid === uid ? change(q) : q)) }
        : s,
    ),
  };
}

/** The questions before one question: the only ones its display condition may refer to. */
export function earlierQuestions(draft: Draft, uid: string): QuestionDraft[] {
  const questions = allQuestions(draft);
  const index = questions.findIndex((q) => q.uid === uid);
  return index < 0 ? [] : questions.slice(0, index);
}

// ---- server errors to fields ----

/** Id of the questionnaire-level field `name` (key, title-fi, intro-sv, overall, …). */
export const formFieldId = (name: string) => `lomake-${name}`;
/** Id of a field of one question (key, type, text-fi, opt-2-value, showif-question, …). */
export const questionFieldId = (uid: string, name: string) => `q-${uid}-${name}`;
/** Id of a field of one section (title-fi, …). */
export const sectionFieldId = (uid: string, name: string) => `s-${uid}-${name}`;

function questionField(question: QuestionDraft, rest: readonly string[]): string {
  const [field, a, b, c] = rest;
  const id = (name: string) => questionFieldId(question.uid, name);
  switch (field) {
    case "type":
    case "required":
    case "min":
    case "max":
    case "weighting":
      return id(field);
    case "text":
    case "help":
      return id(`${field}-${a === "sv" || a === "en" ? a : "fi"}`);
    case "options":
      if (a === undefined || !/^\d+$/.test(a)) return id("add-option");
      if (b === "label") return id(`opt-${a}-label-${c === "sv" || c === "en" ? c : "fi"}`);
      return id(`opt-${a}-value`);
    case "allowDontKnow":
      return id("dk");
    case "showIf":
      return id("showif-question");
    case "satisfiedValues":
      return id("satisfied-0");
    default:
      return id("key");
  }
}

/**
 * The field a problem's path points at: schema errors name a place (`/body/questions/3/text/fi`), the
 * questionnaire check names a question by key (`/questions/overall_grade`, the last with that key).
 */
export function fieldOfPath(draft: Draft, path: string): { fieldId: string; question: number | null } {
  const parts = path.split("/").filter(Boolean);
  if (parts[0] === "body") parts.shift();
  const [head, second, ...rest] = parts;
  const questions = allQuestions(draft);
  if (head === "questions" && second !== undefined) {
    const byIndex = /^\d+$/.test(second) ? Number(second) : -1;
    let index = byIndex;
    if (byIndex < 0) {
      index = questions.map((q) => q.key.trim()).lastIndexOf(second);
    }
    const question = questions[index];
    if (question) {
      if (rest[0] === "section") {
        const section = draft.sections.find((s) => s.questions.includes(question));
        const lang = rest[1] === "sv" || rest[1] === "en" ? rest[1] : "fi";
        if (section) return { fieldId: sectionFieldId(section.uid, `title-${lang}`), question: index };
      }
      return { fieldId: questionField(question, rest), question: index };
    }
  }
  if (head === "questions") return { fieldId: "lisaa-kysymys", question: null };
  if (head === "title" || head === "intro") {
    return {
      fieldId: formFieldId(`${head}-${second === "sv" || second === "en" ? second : "fi"}`),
      question: null,
    };
  }
  if (head === "overallQuestion") return { fieldId: formFieldId("overall"), question: null };
  return { fieldId: formFieldId("key"), question: null };
}
