import { describe, expect, it } from "vitest";
import type { AddressHit } from "../../../contracts/addresses.ts";
import { formatAddress, isSearchable } from "./address-format.ts";

const hit: AddressHit = {
  id: "1",
  streetFi: "Kauppakatu",
  streetSv: "Handelsgatan",
  number: "5 a",
  postalCode: "18100",
  postOfficeFi: "Heinola",
  postOfficeSv: null,
  municipality: "111",
  lat: 61.2,
  long: 26.0,
  matched: "fi",
  isExample: false,
};

describe("address lines", () => {
  it("writes the Finnish name unless the search or the reader is Swedish", () => {
    expect(formatAddress(hit, "fi")).toBe("Kauppakatu 5 a, 18100 Heinola");
    expect(formatAddress(hit, "en")).toBe("Kauppakatu 5 a, 18100 Heinola");
    expect(formatAddress(hit, "sv")).toBe("Handelsgatan 5 a, 18100 Heinola");
    expect(formatAddress({ ...hit, matched: "sv" }, "fi")).toBe("Handelsgatan 5 a, 18100 Heinola");
    expect(formatAddress({ ...hit, streetSv: null, postOfficeFi: null }, "sv")).toBe("Kauppakatu 5 a, 18100");
  });

  it("searches only when two letters of a street are typed", () => {
    expect(isSearchable("ka")).toBe(true);
    expect(isSearchable("k")).toBe(false);
    expect(isSearchable("k 5")).toBe(false);
    expect(isSearchable("Ö-a")).toBe(true);
    expect(isSearchable("  ")).toBe(false);
  });
});
