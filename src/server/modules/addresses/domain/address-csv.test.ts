import { describe, expect, it } from "vitest";
import { readAddressFile } from "./address-csv.ts";
import { numberKey, parseAddressQuery, streetKey } from "./address-key.ts";
import { toTm35fin } from "./tm35fin.ts";

describe("address search keys", () => {
  it("folds accents, case, spaces and dashes away, in Finnish and Swedish alike", () => {
    expect(streetKey("Hämeenkatu")).toBe("hameenkatu");
    expect(streetKey("HÄMEEN-katu")).toBe("hameenkatu");
    expect(streetKey("Östra Allén")).toBe("ostraallen");
    expect(numberKey("12 – 14 B")).toBe("12-14b");
  });

  it("reads a street prefix and a house number from what is typed", () => {
    expect(parseAddressQuery("kauppak 5")).toEqual({
      streetPrefix: "kauppak",
      numberBase: 5,
      numberPrefix: null,
    });
    expect(parseAddressQuery("Kauppakatu 5 B, Heinola")).toEqual({
      streetPrefix: "kauppakatu",
      numberBase: null,
      numberPrefix: "5b",
    });
    expect(parseAddressQuery("Östra Allén")).toEqual({
      streetPrefix: "ostraallen",
      numberBase: null,
      numberPrefix: null,
    });
    expect(parseAddressQuery("k")).toBeNull();
    expect(parseAddressQuery(" 5 ")).toBeNull();
    expect(parseAddressQuery("%% 5")).toBeNull();
  });
});

describe("address files", () => {
  it("reads DVV-style columns with semicolons and ETRS-TM35FIN coordinates", () => {
    const p = toTm35fin(60.1699, 24.9384);
    const file = `\uFEFFkatunimi_fi;katunimi_sv;osoitenumero;postinumero;postitoimipaikka;kuntanumero;n;e\r\nAleksanterinkatu;Alexandersgatan;"12 – 14 b";00100;Helsinki;091;${p.n.toFixed(3).replace(".", ",")};${p.e.toFixed(3)}\r\n`;
    const read = readAddressFile(file);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.records).toHaveLength(1);
    const [r] = read.records;
    expect(r).toMatchObject({
      line: 2,
      streetFi: "Aleksanterinkatu",
      streetSv: "Alexandersgatan",
      streetSvKey: "alexandersgatan",
      number: "12 – 14 b",
      numberKey: "12-14b",
      numberBase: 12,
      postalCode: "00100",
      municipality: "091",
    });
    expect(r?.lat).toBeCloseTo(60.1699, 6);
    expect(r?.long).toBeCloseTo(24.9384, 6);
  });

  it("reads OpenStreetMap-style columns with WGS84 coordinates", () => {
    const read = readAddressFile(
      "addr:street,addr:housenumber,addr:postcode,addr:city,addr:municipality,lat,lon\nKauppakatu,5,18100,Heinola,Heinola,61.2046,26.0366\n",
    );
    expect(read.ok && read.records[0]).toMatchObject({
      streetFi: "Kauppakatu",
      postOfficeFi: "Heinola",
      lat: 61.2046,
    });
  });

  it("names every bad line and column, and imports nothing", () => {
    const file = [
      "street_fi,number,postal_code,municipality,lat,lon",
      "Kauppakatu,5,18100,111,61.2046,26.0366",
      ",7,18100,111,61.2046,26.0366",
      "Kauppakatu,seitsemän,1810,111,61.2046,26.0366",
      "Kauppakatu,9,18100,111,26.0366,61.2046",
      "Kauppakatu,11,18100,111,x,26.03",
      '"Kauppa',
      'katu",5,18100,111,61.2046,26.0366',
      "Torikatu,2,18100",
    ].join("\n");
    const read = readAddressFile(file);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems.map((p) => [p.line, p.column])).toEqual([
      [3, "street_fi"],
      [4, "number"],
      [4, "postal_code"],
      [5, "lat/lon"],
      [6, "lat/lon"],
      [7, null],
      [9, null],
      [9, "municipality"],
      [9, "lat/lon"],
    ]);
    expect(read.problems.find((p) => p.line === 7)?.message).toBe("the same address as on line 2");
    expect(read.problems.find((p) => p.line === 5)?.message).toContain("swapped");
  });

  it("says which columns the header lacks", () => {
    const read = readAddressFile("street,number\nKauppakatu,5\n");
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems.map((p) => p.column)).toEqual([
      "street_fi",
      "postal_code",
      "municipality",
      "lat/lon",
    ]);
    expect(readAddressFile("")).toEqual({
      ok: false,
      problems: [{ line: 1, column: null, message: "the file is empty" }],
    });
  });
});
