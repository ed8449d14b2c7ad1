import { describe, expect, it } from "vitest";
import { formatCalendarDate } from "../app/pages/accessibility-page.tsx";
import { isAppPath } from "../app/pages/module-list.tsx";
import { formatDocumentTitle } from "./document-title.ts";
import { localize } from "./localized.ts";

describe("localize", () => {
  it("gives the text in the page's language without a lang attribute", () => {
    expect(localize({ fi: "Arvot", sv: "Värderingar", en: "Values" }, "sv")).toEqual({
      text: "Värderingar",
      lang: undefined,
    });
  });

  it("falls back to Finnish and marks it as Finnish", () => {
    expect(localize({ fi: "Arvot", sv: "Värderingar" }, "en")).toEqual({ text: "Arvot", lang: "fi" });
  });

  it("never marks Finnish on a Finnish page", () => {
    expect(localize({ fi: "Arvot" }, "fi")).toEqual({ text: "Arvot", lang: undefined });
  });
});

describe("formatDocumentTitle", () => {
  it("puts the page first and the service after it", () => {
    expect(formatDocumentTitle("Demokratiaohjelma", "Keskiö")).toBe("Demokratiaohjelma – Keskiö");
  });

  it("leaves out soft hyphens", () => {
    expect(formatDocumentTitle("Saavutettavuus\u00adseloste", "Keskiö")).toBe(
      "Saavutettavuusseloste – Keskiö",
    );
  });

  it("does not repeat the service's name", () => {
    expect(formatDocumentTitle("Keskiö – Heinolan kaupunki", "Keskiö")).toBe("Keskiö – Heinolan kaupunki");
    expect(formatDocumentTitle("Keskiö", "Keskiö")).toBe("Keskiö");
    expect(formatDocumentTitle("", "Keskiö")).toBe("Keskiö");
  });
});

describe("formatCalendarDate", () => {
  it("writes the statement's date in each language without shifting the day", () => {
    expect(formatCalendarDate("2026-11-28", "fi")).toBe("28. marraskuuta 2026");
    expect(formatCalendarDate("2026-11-28", "sv")).toBe("28 november 2026");
    expect(formatCalendarDate("2026-11-28", "en")).toBe("28 November 2026");
    expect(formatCalendarDate("2026-01-01", "en")).toBe("1 January 2026");
  });
});

describe("isAppPath", () => {
  it("accepts the app's own paths only", () => {
    expect(isAppPath("/")).toBe(true);
    expect(isAppPath("/budgeting")).toBe(true);
    expect(isAppPath("//evil.example")).toBe(false);
    expect(isAppPath("https://example.org/")).toBe(false);
    expect(isAppPath("/api/v1/meta")).toBe(false);
  });
});
