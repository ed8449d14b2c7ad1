import { describe, expect, it } from "vitest";
import {
  bodyOf,
  draftProblems,
  emptyDraft,
  emptyQuestion,
  emptyValue,
  fieldIdOf,
  move,
} from "./service-draft.ts";

describe("the service editor's draft", () => {
  it("moves a question up and down and leaves the list alone at its ends", () => {
    expect(move(["a", "b", "c"], 2, -1)).toEqual(["a", "c", "b"]);
    expect(move(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(move(["a", "b", "c"], 0, -1)).toEqual(["a", "b", "c"]);
    expect(move(["a", "b", "c"], 2, 1)).toEqual(["a", "b", "c"]);
  });

  it("names what is missing before sending, by the path the server would use", () => {
    const draft = emptyDraft();
    draft.description = { fi: "", sv: "Beskrivning", en: "" };
    draft.firstResponseHours = "0";
    const question = { ...emptyQuestion(), datatype: "singlevaluelist" as const };
    draft.questions = [question];
    expect(draftProblems(draft, true).map((p) => `${p.path} ${p.key}`)).toEqual([
      "/code code",
      "/name/fi nameFi",
      "/description/fi finnishFirst",
      "/unit unit",
      "/firstResponseHours hours",
      "/attributes/0/code questionCode",
      "/attributes/0/description/fi questionText",
      "/attributes/0/values choicesNeeded",
    ]);
    expect(draftProblems(draft, false).map((p) => p.path)).not.toContain("/code");
  });

  it("turns the form into the API body: trimmed texts, keyword list, no values for non-list questions", () => {
    const draft = emptyDraft();
    Object.assign(draft, {
      code: " roskakorit ",
      name: { fi: " Roskakorit ", sv: "", en: "Litter bins" },
      keywords: "roska, roskakori ,",
      unit: "kaupunkiymparisto",
      firstResponseHours: "7,5",
    });
    const list = { ...emptyQuestion(), code: "vika", datatype: "singlevaluelist" as const, required: true };
    list.description = { fi: "Mikä?", sv: "", en: "" };
    list.values = [{ ...emptyValue(), key: "rikki", name: { fi: "Rikki", sv: "", en: "" } }];
    const notice = { ...emptyQuestion(), code: "ohje", variable: false, required: true, values: list.values };
    notice.description = { fi: "Soita päivystykseen.", sv: "", en: "" };
    draft.questions = [list, notice];
    const body = bodyOf(draft);
    expect(body).toMatchObject({
      code: "roskakorit",
      name: { fi: "Roskakorit", en: "Litter bins" },
      description: null,
      keywords: ["roska", "roskakori"],
      firstResponseHours: 7.5,
    });
    expect(body.attributes[0]?.values).toEqual([{ key: "rikki", name: { fi: "Rikki" } }]);
    expect(body.attributes[1]).toMatchObject({ required: false, variable: false, values: [] });
  });

  it("points server field paths at the form's inputs", () => {
    expect(fieldIdOf("/body/attributes/1/values/0/key")).toBe("svc-attributes-1-values-0-key");
    expect(fieldIdOf("/body/keywords/3")).toBe("svc-keywords");
    expect(fieldIdOf("/name/fi")).toBe("svc-name-fi");
  });
});
