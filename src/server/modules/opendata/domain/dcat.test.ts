import { describe, expect, it } from "vitest";
import { absoluteUrl, ianaMediaType, languageTagged } from "./dcat.ts";

describe("DCAT-AP building blocks", () => {
  it("makes a site path absolute under the public address, keeping a proxy's path prefix", () => {
    expect(absoluteUrl("https://keskio.heinola.fi", "/open-data")).toBe(
      "https://keskio.heinola.fi/open-data",
    );
    expect(absoluteUrl("https://www.heinola.fi/keskio/", "/api/v1/x.csv")).toBe(
      "https://www.heinola.fi/keskio/api/v1/x.csv",
    );
  });

  it("names a media type by its IANA URI, without parameters", () => {
    expect(ianaMediaType("text/csv; charset=utf-8")).toBe(
      "https://www.iana.org/assignments/media-types/text/csv",
    );
    expect(ianaMediaType("Application/JSON")).toBe(
      "https://www.iana.org/assignments/media-types/application/json",
    );
  });

  it("tags each written language version and leaves out the missing ones", () => {
    expect(languageTagged({ fi: "Avoin data", en: "Open data" })).toEqual([
      { "@value": "Avoin data", "@language": "fi" },
      { "@value": "Open data", "@language": "en" },
    ]);
  });
});
