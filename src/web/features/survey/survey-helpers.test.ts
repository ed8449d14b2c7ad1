import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import type { Question, ResultRow } from "../../../contracts/survey.ts";
import { fi } from "../../i18n/catalogues.ts";
import { choicesOf, isShown, shortcutKey } from "./question-field.tsx";
import { mainRow, questionSummary } from "./results-page.tsx";
import { formatDifference, formatShare, measureLabel, scaleRange } from "./survey-format.ts";

const grade: Question = {
  key: "overall_grade",
  type: "grade4to10",
  text: { fi: "Arvosana" },
  required: true,
  satisfiedValues: ["8", "9", "10"],
};

const row = (over: Partial<ResultRow>): ResultRow => ({
  key: "share:overall_grade=8|9|10",
  question: "overall_grade",
  kind: "share",
  category: null,
  domainVariable: null,
  domain: null,
  estimate: 0.654,
  se: 0.03,
  ciLow: 0.595,
  ciHigh: 0.713,
  nUsed: 240,
  suppressed: false,
  previous: null,
  ...over,
});

const t = i18next.getFixedT("fi");
beforeAll(async () => {
  await i18next.init({
    lng: "fi",
    resources: { fi: { translation: fi } },
    interpolation: { escapeValue: false },
  });
});

describe("survey results helpers", () => {
  it("sums a question up by its satisfied share, with the interval, n and last year's test in words", () => {
    const rows = [
      row({ key: "mean:overall_grade", kind: "mean", estimate: 7.9 }),
      row({
        previous: {
          year: 2025,
          estimate: 0.629,
          se: 0.029,
          difference: 0.025,
          seDifference: 0.043,
          z: 0.6,
          pValue: 0.55,
          significant: false,
        },
      }),
    ];
    expect(mainRow(grade, rows)?.kind).toBe("share");
    const summary = questionSummary(grade, rows, "fi", t);
    expect(summary).toContain("Tyytyväisten osuus (8–10): 65,4\u00a0%");
    expect(summary).toContain("59,5\u00a0%–71,3\u00a0%");
    expect(summary).toContain("240 vastaajaa");
    expect(summary).toContain(
      "Vuonna 2025 luku oli 62,9\u00a0%; muutos +2,5 %-yks. ei ole tilastollisesti merkitsevä",
    );
  });

  it("says a suppressed result is not published, and names the commonest answer of a choice question", () => {
    expect(questionSummary(grade, [row({ estimate: null, suppressed: true, nUsed: null })], "fi", t)).toBe(
      "Vastaajia on liian vähän tuloksen julkaisemiseen.",
    );
    const choice: Question = {
      key: "moving",
      type: "single",
      text: { fi: "Muutto" },
      required: false,
      options: [
        { value: "yes", label: { fi: "kyllä" } },
        { value: "no", label: { fi: "ei" } },
      ],
    };
    const rows = [
      row({ key: "distribution:moving=yes", kind: "distribution", category: "yes", estimate: 0.2 }),
      row({ key: "distribution:moving=no", kind: "distribution", category: "no", estimate: 0.8 }),
    ];
    expect(mainRow(choice, rows)).toBeUndefined();
    expect(questionSummary(choice, rows, "fi", t)).toMatch(/^Yleisin vastaus: ei, 80\u00a0%/);
    expect(measureLabel(rows[0] as ResultRow, choice, "fi", t)).toBe("kyllä");
  });

  it("draws means on the question's own scale and shares from 0 to 1", () => {
    expect(scaleRange(grade, { kind: "mean" })).toEqual([4, 10]);
    expect(scaleRange(grade, { kind: "share" })).toEqual([0, 1]);
    expect(scaleRange({ ...grade, type: "scale0to10" }, { kind: "nps" })).toEqual([-100, 100]);
    expect(formatShare(0.5, "en")).toBe("50%");
    expect(formatDifference({ kind: "mean" }, -0.25, "fi", t)).toBe("−0,25");
  });
});

describe("interview keys and display conditions", () => {
  it("gives every answer of a scale its own key, and 'e' to don't know", () => {
    const choices = choicesOf(grade, "EOS", "fi");
    expect(choices.map((c, i) => shortcutKey(grade, c.value, i))).toEqual([
      "4",
      "5",
      "6",
      "7",
      "8",
      "9",
      "0",
    ]);
    const likert: Question = { ...grade, type: "likert5", allowDontKnow: true };
    expect(choicesOf(likert, "EOS", "fi").map((c, i) => shortcutKey(likert, c.value, i))).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
      "e",
    ]);
    const scale: Question = { ...grade, type: "scale0to10" };
    const keys = choicesOf(scale, "", "fi").map((c, i) => shortcutKey(scale, c.value, i));
    expect(new Set(keys.filter(Boolean)).size).toBe(keys.filter(Boolean).length);
  });

  it("shows a conditional question only after a listed answer", () => {
    const follow: Question = {
      key: "why",
      type: "text",
      text: { fi: "Miksi?" },
      required: false,
      showIf: { question: "moving", values: ["yes", "maybe"] },
    };
    expect(isShown(follow, {})).toBe(false);
    expect(isShown(follow, { moving: "no" })).toBe(false);
    expect(isShown(follow, { moving: "maybe" })).toBe(true);
    expect(isShown(follow, { moving: ["x", "yes"] })).toBe(true);
  });
});
