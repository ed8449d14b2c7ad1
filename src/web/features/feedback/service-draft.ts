import type { AttributeDatatype } from "../../../contracts/feedback.ts";
import type { ManagedService, ServiceCreateBody, ServiceType } from "../../../contracts/feedback-services.ts";
import { SERVICE_CODE_PATTERN } from "../../../contracts/feedback-services.ts";
import type { LocalizedText } from "../../../contracts/localized-text.ts";

// The service editor's state: every field as the text its input holds, turned into the API's body on save.

/** A text in three languages as typed (empty = not written). */
export type TextDraft = { fi: string; sv: string; en: string };
/** One choice of a list question. */
export type ValueDraft = { uid: number; key: string; name: TextDraft };
/** One question. */
export type QuestionDraft = {
  uid: number;
  code: string;
  datatype: AttributeDatatype;
  required: boolean;
  variable: boolean;
  description: TextDraft;
  values: ValueDraft[];
};
/** The whole form. */
export type ServiceDraft = {
  code: string;
  name: TextDraft;
  description: TextDraft;
  group: TextDraft;
  keywords: string;
  type: ServiceType;
  unit: string;
  firstResponseHours: string;
  resolutionHours: string;
  questions: QuestionDraft[];
};

/** A message key under feedback.serviceAdmin.errors. */
export type DraftProblemKey =
  | "code"
  | "nameFi"
  | "finnishFirst"
  | "unit"
  | "hours"
  | "questionCode"
  | "questionText"
  | "choicesNeeded"
  | "choiceKey"
  | "choiceName";
/** What is wrong before sending: the form-relative path and what to say. */
export type DraftProblem = { path: string; key: DraftProblemKey };

let nextUid = 1;
/** A key for React lists that stays with a question or choice as it moves. */
export function newUid(): number {
  nextUid += 1;
  return nextUid;
}

const EMPTY_TEXT: TextDraft = { fi: "", sv: "", en: "" };

/** An empty form for a new service. */
export function emptyDraft(): ServiceDraft {
  return {
    code: "",
    name: { ...EMPTY_TEXT },
    description: { ...EMPTY_TEXT },
    group: { ...EMPTY_TEXT },
    keywords: "",
    type: "realtime",
    unit: "",
    firstResponseHours: "16",
    resolutionHours: "80",
    questions: [],
  };
}

/** A new question: an optional short text. */
export function emptyQuestion(): QuestionDraft {
  return {
    uid: newUid(),
    code: "",
    datatype: "string",
    required: false,
    variable: true,
    description: { ...EMPTY_TEXT },
    values: [],
  };
}

/** A new choice. */
export function emptyValue(): ValueDraft {
  return { uid: newUid(), key: "", name: { ...EMPTY_TEXT } };
}

function textDraft(text: LocalizedText | null): TextDraft {
  return { fi: text?.fi ?? "", sv: text?.sv ?? "", en: text?.en ?? "" };
}

/** The form filled with a stored service. */
export function draftOf(service: ManagedService): ServiceDraft {
  return {
    code: service.code,
    name: textDraft(service.name),
    description: textDraft(service.description),
    group: textDraft(service.group),
    keywords: service.keywords.join(", "),
    type: service.type,
    unit: service.unit,
    firstResponseHours: String(service.firstResponseHours),
    resolutionHours: String(service.resolutionHours),
    questions: [...service.attributes]
      .sort((a, b) => a.order - b.order)
      .map((a) => ({
        uid: newUid(),
        code: a.code,
        datatype: a.datatype,
        required: a.required,
        variable: a.variable,
        description: textDraft(a.description),
        values: a.values.map((v) => ({ uid: newUid(), key: v.key, name: textDraft(v.name) })),
      })),
  };
}

/** Whether a datatype is a list of choices. */
export function isListType(datatype: AttributeDatatype): boolean {
  return datatype === "singlevaluelist" || datatype === "multivaluelist";
}

/** Moves the item at `index` by `step` (−1 up, +1 down); the same list when it cannot move. */
export function move<T>(list: readonly T[], index: number, step: -1 | 1): T[] {
  const target = index + step;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const copy = [...list];
  const [item] = copy.splice(index, 1);
  copy.splice(target, 0, item as T);
  return copy;
}

function toText(text: TextDraft): LocalizedText | null {
  const fi = text.fi.trim();
  const sv = text.sv.trim();
  const en = text.en.trim();
  if (!fi) return null;
  return { fi, ...(sv ? { sv } : {}), ...(en ? { en } : {}) };
}

function hours(value: string): number {
  const n = Number(value.replace(",", ".").trim());
  return value.trim() !== "" && Number.isFinite(n) ? n : Number.NaN;
}

/** What the browser can tell before sending (the server checks everything again). */
export function draftProblems(draft: ServiceDraft, isNew: boolean): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (isNew && !new RegExp(SERVICE_CODE_PATTERN).test(draft.code.trim()))
    problems.push({ path: "/code", key: "code" });
  if (!draft.name.fi.trim()) problems.push({ path: "/name/fi", key: "nameFi" });
  for (const part of ["description", "group"] as const) {
    const text = draft[part];
    if (!text.fi.trim() && (text.sv.trim() || text.en.trim()))
      problems.push({ path: `/${part}/fi`, key: "finnishFirst" });
  }
  if (!draft.unit.trim()) problems.push({ path: "/unit", key: "unit" });
  const first = hours(draft.firstResponseHours);
  const resolution = hours(draft.resolutionHours);
  if (!(first > 0)) problems.push({ path: "/firstResponseHours", key: "hours" });
  if (!(resolution > 0)) problems.push({ path: "/resolutionHours", key: "hours" });
  draft.questions.forEach((q, index) => {
    const at = `/attributes/${index}`;
    if (!q.code.trim()) problems.push({ path: `${at}/code`, key: "questionCode" });
    if (!q.description.fi.trim()) problems.push({ path: `${at}/description/fi`, key: "questionText" });
    if (isListType(q.datatype)) {
      if (q.values.length === 0) problems.push({ path: `${at}/values`, key: "choicesNeeded" });
      q.values.forEach((v, valueIndex) => {
        if (!v.key.trim()) problems.push({ path: `${at}/values/${valueIndex}/key`, key: "choiceKey" });
        if (!v.name.fi.trim())
          problems.push({ path: `${at}/values/${valueIndex}/name/fi`, key: "choiceName" });
      });
    }
  });
  return problems;
}

/** The API body of a form (call after draftProblems found nothing). */
export function bodyOf(draft: ServiceDraft): ServiceCreateBody {
  return {
    code: draft.code.trim(),
    name: toText(draft.name) ?? { fi: "" },
    description: toText(draft.description),
    group: toText(draft.group),
    keywords: draft.keywords
      .split(",")
      .map((k) => k.trim())
      .filter(Boolean),
    type: draft.type,
    unit: draft.unit.trim(),
    firstResponseHours: hours(draft.firstResponseHours),
    resolutionHours: hours(draft.resolutionHours),
    attributes: draft.questions.map((q) => ({
      code: q.code.trim(),
      datatype: q.datatype,
      required: q.variable && q.required,
      variable: q.variable,
      description: toText(q.description) ?? { fi: "" },
      values: isListType(q.datatype)
        ? q.values.map((v) => ({ key: v.key.trim(), name: toText(v.name) ?? { fi: "" } }))
        : [],
    })),
  };
}

/** The id of the input a problem path (the server's /body/… or the form's own) points at. */
export function fieldIdOf(path: string): string {
  const relative = path.replace(/^\/body/, "");
  const normalised = relative.startsWith("/keywords") ? "/keywords" : relative;
  return `svc${normalised.replaceAll("/", "-")}`;
}
