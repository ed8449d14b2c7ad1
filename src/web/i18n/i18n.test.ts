import { describe, expect, it } from "vitest";
import { LOCALES } from "../../contracts/localized-text.ts";
import { MODULE_NAMES } from "../../contracts/meta.ts";
import { en, fi, sv } from "./catalogues.ts";
import { flattenMessages, placeholders } from "./message-keys.ts";

const catalogues = { fi: flattenMessages(fi), sv: flattenMessages(sv), en: flattenMessages(en) };

describe("interface strings", () => {
  it("has a catalogue for every locale of the contracts", () => {
    expect(Object.keys(catalogues).sort()).toEqual([...LOCALES].sort());
  });

  for (const locale of ["sv", "en"] as const) {
    it(`${locale}.json has every key of fi.json`, () => {
      const missing = [...catalogues.fi.keys()].filter((key) => !catalogues[locale].has(key));
      expect(missing).toEqual([]);
    });

    it(`${locale}.json has no key that fi.json lacks (no stale strings)`, () => {
      const extra = [...catalogues[locale].keys()].filter((key) => !catalogues.fi.has(key));
      expect(extra).toEqual([]);
    });

    it(`${locale}.json keeps the {{placeholders}} of each Finnish string`, () => {
      const differing = [...catalogues.fi].filter(
        ([key, message]) =>
          placeholders(message).join() !== placeholders(catalogues[locale].get(key) ?? "").join(),
      );
      expect(differing.map(([key]) => key)).toEqual([]);
    });
  }

  for (const locale of LOCALES) {
    it(`${locale}.json has no empty strings`, () => {
      const empty = [...catalogues[locale]]
        .filter(([, message]) => message.trim() === "")
        .map(([key]) => key);
      expect(empty).toEqual([]);
    });
  }

  it("names each language in itself", () => {
    expect([catalogues.fi, catalogues.sv, catalogues.en].map((c) => c.get("language.selfName"))).toEqual([
      "Suomi",
      "Svenska",
      "English",
    ]);
  });

  it("has a name and a description for every module of the contracts", () => {
    for (const name of MODULE_NAMES) {
      expect(catalogues.fi.get(`modules.names.${name}`), name).toBeTruthy();
      expect(catalogues.fi.get(`modules.descriptions.${name}`), name).toBeTruthy();
    }
    const named = [...catalogues.fi.keys()].filter((key) => key.startsWith("modules.names."));
    expect(named.length).toBe(MODULE_NAMES.length);
  });
});

describe("flattenMessages and placeholders", () => {
  it("flattens nested catalogues into dotted keys", () => {
    expect([...flattenMessages({ a: { b: "x", c: { d: "y" } }, e: "z" })]).toEqual([
      ["a.b", "x"],
      ["a.c.d", "y"],
      ["e", "z"],
    ]);
  });

  it("finds placeholders in order-independent form", () => {
    expect(placeholders("{{end}} – {{ start }}")).toEqual(["end", "start"]);
    expect(placeholders("no placeholders")).toEqual([]);
  });
});
