import type { ServiceAttributeInput } from "../../../../contracts/feedback-services.ts";
import {
  ATTRIBUTE_CODE_PATTERN,
  RESERVED_SERVICE_CODES,
  SERVICE_CODE_PATTERN,
  UNIT_PATTERN,
} from "../../../../contracts/feedback-services.ts";
import type { LocalizedText } from "../../../../contracts/localized-text.ts";

// The rules of a service definition beyond its JSON schema (Open311 GeoReport v2 service definitions:
// attribute codes unique within the service, list questions with keyed values, informational attributes
// (variable=false) never required), checked before anything is stored so staff see every problem at once.

/** What is wrong with one field of a service definition. */
export type DefinitionProblem =
  | "code_format"
  | "code_reserved"
  | "blank"
  | "unit_format"
  | "resolution_before_first"
  | "keyword_comma"
  | "attribute_code_format"
  | "attribute_code_duplicate"
  | "values_needed"
  | "values_not_allowed"
  | "value_key_format"
  | "value_key_duplicate"
  | "notice_required";

/** A problem at a JSON pointer of the request body (e.g. /body/attributes/0/values/1/key). */
export interface DefinitionIssue {
  path: string;
  problem: DefinitionProblem;
}

/** The part of a definition these rules look at. */
export interface DefinitionDraft {
  name: LocalizedText;
  description: LocalizedText | null;
  group: LocalizedText | null;
  keywords: readonly string[];
  unit: string;
  firstResponseHours: number;
  resolutionHours: number;
  attributes: readonly ServiceAttributeInput[];
}

const LIST_TYPES = new Set(["singlevaluelist", "multivaluelist"]);

/** Problems of a new service's code: format and reserved words (uniqueness is the database's). */
export function checkServiceCode(code: string): DefinitionIssue[] {
  if (!new RegExp(SERVICE_CODE_PATTERN).test(code)) return [{ path: "/body/code", problem: "code_format" }];
  if (RESERVED_SERVICE_CODES.includes(code)) return [{ path: "/body/code", problem: "code_reserved" }];
  return [];
}

/** Every problem of a definition, in the order of the form's fields. */
export function checkDefinition(draft: DefinitionDraft): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const texts: [string, LocalizedText | null][] = [
    ["/body/name", draft.name],
    ["/body/description", draft.description],
    ["/body/group", draft.group],
  ];
  for (const [path, text] of texts) issues.push(...blankLanguages(path, text));
  draft.keywords.forEach((keyword, index) => {
    if (keyword.trim() === "") issues.push({ path: `/body/keywords/${index}`, problem: "blank" });
    else if (keyword.includes(","))
      issues.push({ path: `/body/keywords/${index}`, problem: "keyword_comma" });
  });
  if (!new RegExp(UNIT_PATTERN).test(draft.unit)) issues.push({ path: "/body/unit", problem: "unit_format" });
  if (draft.resolutionHours < draft.firstResponseHours)
    issues.push({ path: "/body/resolutionHours", problem: "resolution_before_first" });
  const codes = new Set<string>();
  draft.attributes.forEach((attribute, index) => {
    const at = `/body/attributes/${index}`;
    if (!new RegExp(ATTRIBUTE_CODE_PATTERN).test(attribute.code))
      issues.push({ path: `${at}/code`, problem: "attribute_code_format" });
    else if (codes.has(attribute.code))
      issues.push({ path: `${at}/code`, problem: "attribute_code_duplicate" });
    codes.add(attribute.code);
    issues.push(...blankLanguages(`${at}/description`, attribute.description));
    if (!attribute.variable && attribute.required)
      issues.push({ path: `${at}/required`, problem: "notice_required" });
    const isList = LIST_TYPES.has(attribute.datatype);
    if (isList && attribute.values.length === 0)
      issues.push({ path: `${at}/values`, problem: "values_needed" });
    if (!isList && attribute.values.length > 0)
      issues.push({ path: `${at}/values`, problem: "values_not_allowed" });
    const keys = new Set<string>();
    attribute.values.forEach((value, valueIndex) => {
      const valueAt = `${at}/values/${valueIndex}`;
      if (!new RegExp(ATTRIBUTE_CODE_PATTERN).test(value.key))
        issues.push({ path: `${valueAt}/key`, problem: "value_key_format" });
      else if (keys.has(value.key)) issues.push({ path: `${valueAt}/key`, problem: "value_key_duplicate" });
      keys.add(value.key);
      issues.push(...blankLanguages(`${valueAt}/name`, value.name));
    });
  });
  return issues;
}

// A text of spaces only passes the schema's minLength but says nothing; Finnish is the one required.
function blankLanguages(path: string, text: LocalizedText | null): DefinitionIssue[] {
  if (text === null) return [];
  return (["fi", "sv", "en"] as const).flatMap((lang) => {
    const value = text[lang];
    return value !== undefined && value.trim() === ""
      ? [{ path: `${path}/${lang}`, problem: "blank" as const }]
      : [];
  });
}

/** Trims a localized text and drops empty translations (they fall back to Finnish). */
export function tidyText(text: LocalizedText): LocalizedText {
  const out: LocalizedText = { fi: text.fi.trim() };
  if (text.sv?.trim()) out.sv = text.sv.trim();
  if (text.en?.trim()) out.en = text.en.trim();
  return out;
}

/** Each problem in words, in Finnish, Swedish and English. */
export const DEFINITION_PROBLEM_TEXT: Record<DefinitionProblem, { fi: string; sv: string; en: string }> = {
  code_format: {
    fi: "Tunnuksessa saa olla 2–64 pientä kirjainta (a–z), numeroa ja väliviivaa, ei alussa eikä lopussa.",
    sv: "Koden får ha 2–64 små bokstäver (a–z), siffror och bindestreck, inte först eller sist.",
    en: "The code must be 2–64 lower-case letters (a–z), digits and hyphens, not at either end.",
  },
  code_reserved: {
    fi: "Tämä tunnus on varattu. Valitse toinen.",
    sv: "Koden är reserverad. Välj en annan.",
    en: "This code is reserved. Choose another.",
  },
  blank: {
    fi: "Teksti ei voi olla pelkkiä välilyöntejä.",
    sv: "Texten kan inte bestå av enbart mellanslag.",
    en: "The text cannot be spaces only.",
  },
  unit_format: {
    fi: "Yksikön tunnuksessa saa olla pieniä kirjaimia (a–z), numeroita ja väliviivoja.",
    sv: "Enhetens kod får ha små bokstäver (a–z), siffror och bindestreck.",
    en: "The unit code may have lower-case letters (a–z), digits and hyphens.",
  },
  resolution_before_first: {
    fi: "Ratkaisuajan pitää olla vähintään yhtä pitkä kuin ensivastauksen ajan.",
    sv: "Lösningstiden ska vara minst lika lång som tiden till första svar.",
    en: "The resolution target must be at least as long as the first-response target.",
  },
  keyword_comma: {
    fi: "Hakusanassa ei voi olla pilkkua.",
    sv: "Ett sökord kan inte innehålla kommatecken.",
    en: "A keyword cannot contain a comma.",
  },
  attribute_code_format: {
    fi: "Kysymyksen tunnuksessa saa olla pieniä kirjaimia (a–z), numeroita, väliviivoja ja alaviivoja.",
    sv: "Frågans kod får ha små bokstäver (a–z), siffror, bindestreck och understreck.",
    en: "The question code may have lower-case letters (a–z), digits, hyphens and underscores.",
  },
  attribute_code_duplicate: {
    fi: "Kahdella kysymyksellä on sama tunnus.",
    sv: "Två frågor har samma kod.",
    en: "Two questions have the same code.",
  },
  values_needed: {
    fi: "Valintakysymyksellä pitää olla vähintään yksi vaihtoehto.",
    sv: "En flervalsfråga ska ha minst ett alternativ.",
    en: "A choice question needs at least one choice.",
  },
  values_not_allowed: {
    fi: "Vain valintakysymyksellä voi olla vaihtoehtoja.",
    sv: "Endast en flervalsfråga kan ha alternativ.",
    en: "Only a choice question can have choices.",
  },
  value_key_format: {
    fi: "Vaihtoehdon avaimessa saa olla pieniä kirjaimia (a–z), numeroita, väliviivoja ja alaviivoja.",
    sv: "Alternativets nyckel får ha små bokstäver (a–z), siffror, bindestreck och understreck.",
    en: "The choice key may have lower-case letters (a–z), digits, hyphens and underscores.",
  },
  value_key_duplicate: {
    fi: "Kahdella vaihtoehdolla on sama avain.",
    sv: "Två alternativ har samma nyckel.",
    en: "Two choices have the same key.",
  },
  notice_required: {
    fi: "Pelkkä ohjeteksti ei voi olla pakollinen.",
    sv: "En ren informationstext kan inte vara obligatorisk.",
    en: "A notice (no answer) cannot be required.",
  },
};
