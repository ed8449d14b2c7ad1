import { describe, expect, it } from "vitest";
import { negotiateLocale, pickText } from "./localized-text.ts";
import { isWebRoute, programmePath } from "./web-routes.ts";

describe("negotiateLocale", () => {
  it.each([
    [undefined, "fi"],
    ["", "fi"],
    ["sv", "sv"],
    ["sv-FI,sv;q=0.9,en;q=0.8", "sv"],
    ["en-GB,en;q=0.9", "en"],
    ["de-DE,en;q=0.5,sv;q=0.7", "sv"],
    ["de, fr", "fi"],
    ["en;q=0, sv;q=0.1", "sv"],
    ["*", "fi"],
    ["EN", "en"],
    [";;;,,,q=", "fi"],
  ])("%s → %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});

describe("pickText", () => {
  it("falls back to Finnish and says so, so the page can mark the language", () => {
    expect(pickText({ fi: "Hei", sv: "Hej" }, "sv")).toEqual({ text: "Hej", lang: "sv" });
    expect(pickText({ fi: "Hei" }, "en")).toEqual({ text: "Hei", lang: "fi" });
  });
});

describe("web routes", () => {
  it("knows the app's pages and nothing else", () => {
    expect(isWebRoute("/")).toBe(true);
    expect(isWebRoute("/accessibility")).toBe(true);
    expect(isWebRoute("/accessibility/")).toBe(true);
    expect(isWebRoute(programmePath("hyvinvointi"))).toBe(true);
    expect(isWebRoute("/programmes/")).toBe(false);
    expect(isWebRoute("/programmes/a/b")).toBe(false);
    expect(isWebRoute("/nothing-here")).toBe(false);
  });
});
