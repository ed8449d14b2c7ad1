import type { AttributeDatatype } from "../../../../contracts/feedback.ts";

// Answers to a service's extra questions, checked against its Open311 service definition (GeoReport v2:
// required attributes must be answered, list answers must be keys of the list, informational attributes
// (variable=false) take no answer). Dates follow the W3C datetime profile with a time zone (open311.md).

/** The part of an attribute definition that validation needs. */
export interface AttributeRule {
  code: string;
  datatype: AttributeDatatype;
  required: boolean;
  variable: boolean;
  keys: readonly string[];
}

/** What is wrong with one answer. */
export type AttributeProblem =
  | "required"
  | "unknown_attribute"
  | "not_a_number"
  | "not_a_datetime"
  | "unknown_key"
  | "one_value_only"
  | "too_long";

/** The checked answers, or every problem found. */
export type AttributeCheck =
  | { ok: true; values: Record<string, string | string[]> }
  | { ok: false; problems: { code: string; problem: AttributeProblem }[] };

/** A W3C datetime with seconds optional and a time zone required (Z or ±HH:MM), and a real date. */
export const W3C_DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

/** Whether a string is a valid W3C datetime with time zone (rejects 2026-02-30 and 25:00). */
export function isW3cDatetime(value: string): boolean {
  const m = W3C_DATETIME.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? "0"].map(
    Number,
  ) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return false;
  if (m[8] !== undefined && (Number(m[8]) > 14 || Number(m[9]) > 59)) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth && !Number.isNaN(Date.parse(value));
}

const MAX_ANSWER = 2000;

/** Checks answers against the rules; empty answers count as absent (GeoReport v2 "optional" rule). */
export function checkAttributes(
  rules: readonly AttributeRule[],
  answers: Record<string, string | string[]>,
): AttributeCheck {
  const problems: { code: string; problem: AttributeProblem }[] = [];
  const values: Record<string, string | string[]> = {};
  const byCode = new Map(rules.map((r) => [r.code, r]));
  for (const code of Object.keys(answers)) {
    const rule = byCode.get(code);
    if (!rule?.variable) problems.push({ code, problem: "unknown_attribute" });
  }
  for (const rule of rules) {
    if (!rule.variable) continue;
    const raw = answers[rule.code];
    const list = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw])
      .map((v) => v.trim())
      .filter(Boolean);
    if (list.length === 0) {
      if (rule.required) problems.push({ code: rule.code, problem: "required" });
      continue;
    }
    if (rule.datatype === "multivaluelist") {
      const unknown = list.some((v) => !rule.keys.includes(v));
      if (unknown) problems.push({ code: rule.code, problem: "unknown_key" });
      else values[rule.code] = [...new Set(list)];
      continue;
    }
    if (list.length > 1) {
      problems.push({ code: rule.code, problem: "one_value_only" });
      continue;
    }
    const value = list[0] as string;
    if (value.length > MAX_ANSWER) problems.push({ code: rule.code, problem: "too_long" });
    else if (rule.datatype === "singlevaluelist" && !rule.keys.includes(value))
      problems.push({ code: rule.code, problem: "unknown_key" });
    else if (rule.datatype === "number" && !/^-?\d+(\.\d+)?$/.test(value))
      problems.push({ code: rule.code, problem: "not_a_number" });
    else if (rule.datatype === "datetime" && !isW3cDatetime(value))
      problems.push({ code: rule.code, problem: "not_a_datetime" });
    else values[rule.code] = value;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, values };
}

/** Each problem in words, in Finnish, Swedish and English. */
export const ATTRIBUTE_PROBLEM_TEXT: Record<AttributeProblem, { fi: string; sv: string; en: string }> = {
  required: { fi: "Vastaus vaaditaan.", sv: "Svar krävs.", en: "An answer is required." },
  unknown_attribute: {
    fi: "Tällä palvelulla ei ole tätä kysymystä.",
    sv: "Tjänsten har ingen sådan fråga.",
    en: "This service has no such question.",
  },
  not_a_number: {
    fi: "Vastauksen pitää olla luku.",
    sv: "Svaret ska vara ett tal.",
    en: "The answer must be a number.",
  },
  not_a_datetime: {
    fi: "Vastauksen pitää olla aika aikavyöhykkeen kanssa, esim. 2026-11-29T10:00:00+02:00.",
    sv: "Svaret ska vara en tidpunkt med tidszon, t.ex. 2026-11-29T10:00:00+02:00.",
    en: "The answer must be a date and time with a time zone, e.g. 2026-11-29T10:00:00+02:00.",
  },
  unknown_key: {
    fi: "Vastaus ei ole mikään vaihtoehdoista.",
    sv: "Svaret är inget av alternativen.",
    en: "The answer is not one of the choices.",
  },
  one_value_only: { fi: "Valitse vain yksi.", sv: "Välj bara ett.", en: "Choose only one." },
  too_long: { fi: "Vastaus on liian pitkä.", sv: "Svaret är för långt.", en: "The answer is too long." },
};
