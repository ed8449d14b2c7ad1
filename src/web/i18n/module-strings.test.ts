import { readdirSync } from "node:fs";
import i18next from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { LOCALES } from "../../contracts/localized-text.ts";
import { en, fi, sv } from "./catalogues.ts";
import { loadModuleStrings, loadStringsInUse, MODULE_STRINGS } from "./module-strings.ts";

const CATALOGUES = { fi, sv, en };

describe("module strings fetched on demand", () => {
  beforeAll(async () => {
    await i18next.init({ lng: "fi", fallbackLng: "fi", resources: {}, initAsync: false });
  });

  it("has a loader for every module catalogue file, and for nothing else", () => {
    const files = readdirSync(new URL("./modules/", import.meta.url)).filter((name) =>
      name.endsWith(".json"),
    );
    const expected = Object.keys(MODULE_STRINGS).flatMap((module) =>
      LOCALES.map((l) => `${module}.${l}.json`),
    );
    expect(files.sort()).toEqual(expected.sort());
  });

  for (const locale of LOCALES) {
    it(`loads in ${locale} exactly the strings catalogues.ts gives each module`, async () => {
      for (const [module, loaders] of Object.entries(MODULE_STRINGS)) {
        const loaded = (await loaders[locale]()).default;
        expect(loaded, `${module}.${locale}`).toEqual(
          CATALOGUES[locale][module as keyof typeof MODULE_STRINGS],
        );
      }
    });
  }

  it("puts a module's strings into i18next in the current language, and follows a change of language", async () => {
    expect(i18next.exists("survey.home.title")).toBe(false);
    await loadModuleStrings("survey");
    expect(i18next.t("survey.home.title")).toBe(fi.survey.home.title);
    expect(i18next.hasResourceBundle("sv", "translation")).toBe(false);

    await loadStringsInUse("sv");
    await i18next.changeLanguage("sv");
    expect(i18next.t("survey.home.title")).toBe(sv.survey.home.title);
    expect(i18next.exists("budgeting.title"), "a module not shown is not fetched").toBe(false);
    await i18next.changeLanguage("fi");
  });
});
