import i18next from "i18next";
import { isLocale, type Locale } from "../../contracts/localized-text.ts";
import type { MessageTree } from "./message-keys.ts";

type Loader = () => Promise<{ default: MessageTree }>;

/**
 * Each module's interface strings (modules/<module>.<locale>.json), fetched with the module's first page so
 * that the front page does not carry every module's words in three languages. A module with strings of its
 * own is listed here as well as in catalogues.ts; module-strings.test.ts checks the two agree.
 */
export const MODULE_STRINGS = {
  budgeting: {
    fi: () => import("./modules/budgeting.fi.json"),
    sv: () => import("./modules/budgeting.sv.json"),
    en: () => import("./modules/budgeting.en.json"),
  },
  feedback: {
    fi: () => import("./modules/feedback.fi.json"),
    sv: () => import("./modules/feedback.sv.json"),
    en: () => import("./modules/feedback.en.json"),
  },
  opendata: {
    fi: () => import("./modules/opendata.fi.json"),
    sv: () => import("./modules/opendata.sv.json"),
    en: () => import("./modules/opendata.en.json"),
  },
  signals: {
    fi: () => import("./modules/signals.fi.json"),
    sv: () => import("./modules/signals.sv.json"),
    en: () => import("./modules/signals.en.json"),
  },
  spaces: {
    fi: () => import("./modules/spaces.fi.json"),
    sv: () => import("./modules/spaces.sv.json"),
    en: () => import("./modules/spaces.en.json"),
  },
  strategy: {
    fi: () => import("./modules/strategy.fi.json"),
    sv: () => import("./modules/strategy.sv.json"),
    en: () => import("./modules/strategy.en.json"),
  },
  survey: {
    fi: () => import("./modules/survey.fi.json"),
    sv: () => import("./modules/survey.sv.json"),
    en: () => import("./modules/survey.en.json"),
  },
  volunteering: {
    fi: () => import("./modules/volunteering.fi.json"),
    sv: () => import("./modules/volunteering.sv.json"),
    en: () => import("./modules/volunteering.en.json"),
  },
} satisfies Record<string, Record<Locale, Loader>>;

/** A module whose interface strings are fetched on demand. */
export type ModuleWithStrings = keyof typeof MODULE_STRINGS;

// The modules whose pages have been asked for (their strings follow a change of language), and each
// module's strings per locale, fetched or on their way.
const inUse = new Set<ModuleWithStrings>();
const fetched = new Map<string, Promise<void>>();

function currentLocale(): Locale {
  return isLocale(i18next.language) ? i18next.language : "fi";
}

function loadStrings(module: ModuleWithStrings, locale: Locale): Promise<void> {
  const key = `${module}.${locale}`;
  let loading = fetched.get(key);
  if (!loading) {
    loading = MODULE_STRINGS[module][locale]().then(
      (strings) => {
        i18next.addResourceBundle(locale, "translation", { [module]: strings.default }, true, true);
      },
      (error: unknown) => {
        fetched.delete(key); // a later page may try again
        throw error;
      },
    );
    fetched.set(key, loading);
  }
  return loading;
}

/** Fetches a module's strings in the current language (again if the language changed meanwhile). */
export async function loadModuleStrings(module: ModuleWithStrings): Promise<void> {
  inUse.add(module);
  let locale: Locale;
  do {
    locale = currentLocale();
    await loadStrings(module, locale);
  } while (locale !== currentLocale());
}

/** Fetches, in a new language, the strings of every module shown so far (before the language changes). */
export async function loadStringsInUse(locale: Locale): Promise<void> {
  await Promise.all([...inUse].map((module) => loadStrings(module, locale)));
}
