import { describe, expect, it } from "vitest";
import type { FeedbackService, QueueItem, ServiceAttribute } from "../../../contracts/feedback.ts";
import { filterQuery } from "../../api/feedback/feedback.api.ts";
import { answersToSend, missingAttributes } from "./attribute-fields.tsx";
import {
  areaAt,
  formatDateTime,
  groupServices,
  handlingPath,
  historyKind,
  matchesSearch,
  nextStatuses,
  parseCoordinate,
  readPublicFilter,
  readQueueFilter,
  requestPath,
  searchForm,
  sortQueue,
  typedPlace,
} from "./feedback-helpers.ts";

function service(overrides: Partial<FeedbackService>): FeedbackService {
  return {
    code: "x",
    name: { fi: "Nimi" },
    description: null,
    group: null,
    keywords: [],
    type: "realtime",
    unit: "kadut",
    firstResponseHours: 8,
    resolutionHours: 40,
    attributes: [],
    isExampleData: false,
    ...overrides,
  };
}

const snow = service({
  code: "snow",
  name: { fi: "Lumen auraus", sv: "Snöplogning", en: "Snow ploughing" },
  group: { fi: "Kadut ja liikenne", en: "Streets and traffic" },
  keywords: ["lumi", "liukkaus"],
});
const lights = service({
  code: "lights",
  name: { fi: "Katuvalot", en: "Street lights" },
  group: { fi: "Kadut ja liikenne", en: "Streets and traffic" },
});
const library = service({
  code: "library",
  name: { fi: "Kirjasto", en: "Library" },
  group: { fi: "Kulttuuri", en: "Culture" },
});
const other = service({ code: "other", name: { fi: "Muu palaute", en: "Other feedback" } });

describe("choosing a service", () => {
  it("searches names, groups and keywords, every word, ignoring case and accents but not å, ä, ö", () => {
    expect(matchesSearch(snow, "LUMI", "fi")).toBe(true);
    expect(matchesSearch(snow, "kadut lumen", "fi")).toBe(true);
    expect(matchesSearch(snow, "kadut kirjasto", "fi")).toBe(false);
    expect(matchesSearch(snow, "snow", "en")).toBe(true);
    // The Finnish name is searched in every language, so a Finnish word finds the service in English too.
    expect(matchesSearch(snow, "auraus", "en")).toBe(true);
    expect(matchesSearch(lights, "", "fi")).toBe(true);
    expect(searchForm("  Café  Ääni ")).toBe("cafe ääni");
    expect(matchesSearch(library, "aani", "fi")).toBe(false);
  });

  it("groups services by group in alphabetical order, the ungrouped last", () => {
    const groups = groupServices([other, library, snow, lights], "fi");
    expect(groups.map((g) => g.name?.fi ?? null)).toEqual(["Kadut ja liikenne", "Kulttuuri", null]);
    expect(groups[0]?.services.map((s) => s.code)).toEqual(["lights", "snow"]);
    const english = groupServices([other, library, snow, lights], "en");
    expect(english.map((g) => g.name?.en ?? null)).toEqual(["Culture", "Streets and traffic", null]);
    expect(english[1]?.services.map((s) => s.code)).toEqual(["snow", "lights"]);
  });
});

describe("extra questions", () => {
  const attributes: ServiceAttribute[] = [
    {
      code: "kind",
      order: 1,
      datatype: "singlevaluelist",
      required: true,
      variable: true,
      description: { fi: "Mikä?" },
      values: [{ key: "a", name: { fi: "A" } }],
    },
    {
      code: "info",
      order: 2,
      datatype: "string",
      required: true,
      variable: false,
      description: { fi: "Tiedoksi" },
      values: [],
    },
    {
      code: "many",
      order: 3,
      datatype: "multivaluelist",
      required: false,
      variable: true,
      description: { fi: "Mitkä?" },
      values: [],
    },
  ];

  it("names the unanswered required questions, never information-only ones", () => {
    expect(missingAttributes(attributes, {}).map((a) => a.code)).toEqual(["kind"]);
    expect(missingAttributes(attributes, { kind: "  " }).map((a) => a.code)).toEqual(["kind"]);
    expect(missingAttributes(attributes, { kind: "a" })).toEqual([]);
  });

  it("sends only the service's answered questions, trimmed", () => {
    expect(answersToSend(attributes, { kind: " a ", info: "x", many: [], stale: "y" })).toEqual({
      kind: "a",
    });
    expect(answersToSend(attributes, { many: ["p", "q"] })).toEqual({ many: ["p", "q"] });
  });
});

describe("filters in the URL", () => {
  it("reads the public list's filter, ignoring unknown statuses and bad pages", () => {
    expect(readPublicFilter(new URLSearchParams("service=snow&status=done&area=keskusta&page=3"))).toEqual({
      service: "snow",
      status: "done",
      area: "keskusta",
      page: 3,
    });
    expect(readPublicFilter(new URLSearchParams("status=lost&page=-1"))).toEqual({
      service: "",
      status: "",
      area: "",
      page: 1,
    });
  });

  it("reads the queue's filter; overdue only when it says true", () => {
    expect(readQueueFilter(new URLSearchParams("assignee=me&overdue=true"))).toMatchObject({
      assignee: "me",
      overdue: true,
    });
    expect(readQueueFilter(new URLSearchParams("overdue=1")).overdue).toBe(false);
    expect(readQueueFilter(new URLSearchParams("escalated=true")).escalated).toBe(true);
    expect(readQueueFilter(new URLSearchParams("escalated=yes")).escalated).toBe(false);
  });

  it("sends only what narrows anything", () => {
    expect(filterQuery({ service: "", status: "done", overdue: false, page: 1, pageSize: 20 })).toBe(
      "status=done&pageSize=20",
    );
    expect(filterQuery({ overdue: true, page: 2 })).toBe("overdue=true&page=2");
  });
});

describe("the queue's order", () => {
  const item = (id: string, isOverdue: boolean, due: string) =>
    ({ id, isOverdue, expectedFirstResponseAt: due }) as QueueItem;

  it("puts overdue requests first, then the earliest promise", () => {
    const sorted = sortQueue([
      item("a", false, "2026-12-01T08:00:00Z"),
      item("b", true, "2026-11-30T08:00:00Z"),
      item("c", false, "2026-11-30T10:00:00Z"),
      item("d", true, "2026-11-29T08:00:00Z"),
    ]);
    expect(sorted.map((i) => i.id)).toEqual(["d", "b", "c", "a"]);
  });
});

describe("small helpers", () => {
  it("links to pages with lower-case references, as page paths are", () => {
    expect(requestPath("7K2M-Q9XD")).toBe("/feedback/requests/7k2m-q9xd");
    expect(handlingPath("0190abcd-0000-7000-8000-000000000001")).toBe(
      "/feedback/handling/0190abcd-0000-7000-8000-000000000001",
    );
  });

  it("shows times in Helsinki, also across the change to summer time", () => {
    expect(formatDateTime("2026-03-29T00:30:00Z", "fi")).toContain("2.30");
    expect(formatDateTime("2026-03-29T01:30:00Z", "fi")).toContain("4.30");
    expect(formatDateTime("not a date", "fi")).toBe("not a date");
  });

  it("reads coordinates with a decimal comma or point, within range", () => {
    expect(parseCoordinate("61,2050", 90)).toBe(61.205);
    expect(parseCoordinate(" 26.038 ", 180)).toBe(26.038);
    expect(parseCoordinate("91", 90)).toBeUndefined();
    expect(parseCoordinate("61°12'", 90)).toBeUndefined();
    expect(parseCoordinate("", 90)).toBeUndefined();
  });

  it("reads a place from the coordinate fields only when both are valid", () => {
    expect(typedPlace("61,2050", "26.038")).toEqual({ lat: 61.205, long: 26.038 });
    expect(typedPlace("61.2050", "")).toBeNull();
    expect(typedPlace("95", "26")).toBeNull();
  });

  it("names the area a chosen place lies in, when the areas cover it", () => {
    const areas = [
      { code: "keskusta", name: { fi: "Keskusta" }, bbox: "61.19,26,61.22,26.07" },
      { code: "ita", name: { fi: "Itä" }, bbox: "61.19,26.07,61.22,26.5" },
      { code: "rikki", name: { fi: "Rikki" }, bbox: "ei laatikko" },
    ];
    expect(areaAt(areas, { lat: 61.205, long: 26.038 })?.code).toBe("keskusta");
    expect(areaAt(areas, { lat: 61.2, long: 26.2 })?.code).toBe("ita");
    expect(areaAt(areas, { lat: 60.17, long: 24.94 })).toBeUndefined();
  });

  it("offers the status steps the server allows: forward, closing, and reopening a finished request", () => {
    expect(nextStatuses("received")).toEqual(["allocated", "handling", "done", "closed"]);
    expect(nextStatuses("done")).toEqual(["handling"]);
    expect(nextStatuses("closed")).toEqual(["handling"]);
    expect(nextStatuses("handling")).not.toContain("received");
  });

  it("names history entries by their kind, moderation variants included", () => {
    expect(historyKind("answer")).toBe("answer");
    expect(historyKind("moderation:published")).toBe("moderation");
    expect(historyKind("something-new")).toBe("other");
  });
});
