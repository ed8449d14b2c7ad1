import { describe, expect, it } from "vitest";
import { type Question, SHORT_TEXT_MAX } from "../../../../contracts/survey.ts";
import { checkAnswers, checkQuestionnaire } from "./questionnaire.ts";

const shortName: Question = { key: "name", type: "text", short: true, text: { fi: "Nimi" }, required: false };
const story: Question = { key: "story", type: "text", text: { fi: "Kerro" }, required: false };

describe("short and long text questions", () => {
  it("takes a short answer up to the limit and refuses a longer one, in every language", () => {
    expect(checkAnswers([shortName], { name: "x".repeat(SHORT_TEXT_MAX) }, true)).toEqual([]);
    const issues = checkAnswers([shortName], { name: "x".repeat(SHORT_TEXT_MAX + 1) }, true);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.question).toBe("name");
    expect(issues[0]?.message.fi).toContain(String(SHORT_TEXT_MAX));
    expect(issues[0]?.message.sv).toContain(String(SHORT_TEXT_MAX));
  });

  it("lets a long text question take a paragraph", () => {
    expect(checkAnswers([story], { story: "x".repeat(SHORT_TEXT_MAX + 1) }, true)).toEqual([]);
  });

  it("allows 'short' only on a text question", () => {
    const grade: Question = {
      key: "grade",
      type: "grade4to10",
      short: true,
      text: { fi: "Arvosana" },
      required: true,
    };
    const issues = checkQuestionnaire({ key: "k", title: { fi: "T" }, questions: [grade, shortName] });
    expect(issues.map((i) => i.question)).toEqual(["grade"]);
  });
});
