import { describe, expect, it } from "vitest";
import type { QuestionnaireInput } from "../../../contracts/survey.ts";
import {
  allQuestions,
  canMoveQuestion,
  conditionValues,
  type Draft,
  earlierQuestions,
  emptyDraft,
  fieldOfPath,
  fromDraft,
  moveItem,
  moveQuestion,
  newQuestion,
  questionFieldId,
  sectionFieldId,
  toDraft,
} from "./builder-model.ts";

const background = { fi: "Taustatiedot", sv: "Bakgrund" };
const services = { fi: "Palvelut" };

const FORM: QuestionnaireInput = {
  key: "testi",
  title: { fi: "Testi", en: "Test" },
  intro: { fi: "Johdanto" },
  overallQuestion: "grade",
  questions: [
    {
      key: "area",
      type: "single",
      section: background,
      text: { fi: "Alue" },
      required: false,
      weighting: "area",
      options: [
        { value: "Keskusta", label: { fi: "Keskusta" } },
        { value: "Vierumäki", label: { fi: "Vierumäki", sv: "Vierumäki" } },
      ],
    },
    {
      key: "age",
      type: "number",
      section: background,
      text: { fi: "Ikä" },
      required: true,
      min: 15,
      max: 120,
    },
    {
      key: "grade",
      type: "grade4to10",
      section: services,
      text: { fi: "Arvosana" },
      help: { fi: "4–10", en: "4–10" },
      required: true,
      allowDontKnow: true,
      satisfiedValues: ["8", "9", "10"],
    },
    {
      key: "why",
      type: "text",
      section: services,
      text: { fi: "Miksi?" },
      required: false,
      showIf: { question: "grade", values: ["4", "dk"] },
    },
    { key: "idea", type: "text", text: { fi: "Mitä minä voisin tehdä Heinolan hyväksi?" }, required: false },
  ],
};

const uids = (draft: Draft) => allQuestions(draft).map((q) => q.key);

describe("the builder's draft", () => {
  it("groups questions into sections and gives back the same questionnaire", () => {
    const draft = toDraft(FORM);
    expect(draft.sections.map((s) => [s.title.fi, s.questions.length])).toEqual([
      ["Taustatiedot", 2],
      ["Palvelut", 2],
      ["", 1],
    ]);
    expect(fromDraft(draft)).toEqual(FORM);
  });

  it("sends only what a type uses, and Finnish even when it is empty (so the server names the field)", () => {
    const draft = toDraft(FORM);
    const area = allQuestions(draft)[0];
    if (!area) throw new Error("no question");
    const changed = fromDraft({
      ...draft,
      sections: draft.sections.map((s, i) =>
        i === 0
          ? { ...s, questions: [{ ...area, type: "likert5", text: { fi: " ", sv: "Område", en: "" } }] }
          : s,
      ),
    });
    const first = changed.questions[0];
    expect(first).toEqual({
      key: "area",
      type: "likert5",
      section: background,
      text: { fi: "", sv: "Område" },
      required: false,
    });
  });

  it("moves a question across a section edge and knows when it cannot move", () => {
    const draft = toDraft(FORM);
    const grade = allQuestions(draft)[2];
    if (!grade) throw new Error("no question");
    const up = moveQuestion(draft, grade.uid, -1);
    expect(up.sections[0]?.questions.map((q) => q.key)).toEqual(["area", "age", "grade"]);
    expect(uids(up)).toEqual(["area", "age", "grade", "why", "idea"]);
    expect(fromDraft(up).questions[2]?.section).toEqual(background);
    const first = allQuestions(draft)[0];
    if (!first) throw new Error("no question");
    expect(canMoveQuestion(draft, first.uid, -1)).toBe(false);
    expect(canMoveQuestion(draft, first.uid, 1)).toBe(true);
    expect(moveQuestion(draft, first.uid, -1)).toBe(draft);
    const last = allQuestions(draft)[4];
    if (!last) throw new Error("no question");
    expect(canMoveQuestion(draft, last.uid, 1)).toBe(false);
    expect(uids(moveQuestion(draft, last.uid, -1))).toEqual(["area", "age", "grade", "why", "idea"]);
    expect(moveQuestion(draft, last.uid, -1).sections[1]?.questions.map((q) => q.key)).toEqual([
      "grade",
      "why",
      "idea",
    ]);
    expect(moveItem([1, 2, 3], 0, 1)).toEqual([2, 1, 3]);
    expect(moveItem([1, 2, 3], 2, 1)).toEqual([1, 2, 3]);
  });

  it("keeps a text question short only while it is a text question", () => {
    const draft = emptyDraft();
    const question = newQuestion("text", draft);
    const section = draft.sections[0];
    if (!section) throw new Error("no section");
    section.questions = [{ ...question, short: true }];
    const [sent] = fromDraft(draft).questions;
    expect(sent?.short).toBe(true);
    expect(toDraft(fromDraft(draft)).sections[0]?.questions[0]?.short).toBe(true);
    section.questions = [{ ...question, type: "number", short: true }];
    expect(fromDraft(draft).questions[0]).not.toHaveProperty("short");
  });

  it("offers conditions only on earlier questions, with their answers and 'don't know'", () => {
    const draft = toDraft(FORM);
    const [area, , grade, why] = allQuestions(draft);
    if (!area || !grade || !why) throw new Error("no question");
    expect(earlierQuestions(draft, why.uid).map((q) => q.key)).toEqual(["area", "age", "grade"]);
    expect(earlierQuestions(draft, area.uid)).toEqual([]);
    expect(conditionValues(grade)).toEqual(["4", "5", "6", "7", "8", "9", "10", "dk"]);
    expect(conditionValues(area)).toEqual(["Keskusta", "Vierumäki"]);
  });

  it("starts empty with one question, and new questions get unused keys", () => {
    const draft = emptyDraft();
    expect(allQuestions(draft)).toHaveLength(1);
    const next = newQuestion("single", draft);
    expect(next.key).toBe("kysymys_2");
    expect(next.options.map((o) => o.value)).toEqual(["1", "2"]);
  });

  it("points server errors at the fields: schema paths by place, questionnaire issues by key", () => {
    const draft = toDraft(FORM);
    const [area, age, grade] = allQuestions(draft);
    if (!area || !age || !grade) throw new Error("no question");
    const section = draft.sections[0];
    if (!section) throw new Error("no section");
    expect(fieldOfPath(draft, "/body/questions/1/text/sv")).toEqual({
      fieldId: questionFieldId(age.uid, "text-sv"),
      question: 1,
    });
    expect(fieldOfPath(draft, "/body/questions/0/options/1/value").fieldId).toBe(
      questionFieldId(area.uid, "opt-1-value"),
    );
    expect(fieldOfPath(draft, "/body/questions/0/options/1/label/fi").fieldId).toBe(
      questionFieldId(area.uid, "opt-1-label-fi"),
    );
    expect(fieldOfPath(draft, "/body/questions/0/section/fi").fieldId).toBe(
      sectionFieldId(section.uid, "title-fi"),
    );
    expect(fieldOfPath(draft, "/questions/grade")).toEqual({
      fieldId: questionFieldId(grade.uid, "key"),
      question: 2,
    });
    expect(fieldOfPath(draft, "/body/questions/3/showIf/values").fieldId).toContain("showif-question");
    expect(fieldOfPath(draft, "/body/title/en").fieldId).toBe("lomake-title-en");
    expect(fieldOfPath(draft, "/key").fieldId).toBe("lomake-key");
    expect(fieldOfPath(draft, "/questions/nothing")).toEqual({ fieldId: "lisaa-kysymys", question: null });
  });
});
