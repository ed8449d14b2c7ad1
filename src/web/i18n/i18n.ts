import i18next from "i18next";
import { initReactI18next, useTranslation } from "react-i18next";
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "../../contracts/localized-text.ts";
import type { fi } from "./catalogues.ts";
import en from "./en.json";
import coreFi from "./fi.json";
import { readStoredLocale, storeLocale } from "./locale-storage.ts";
import { loadStringsInUse } from "./module-strings.ts";
import sv from "./sv.json";

/**
 * The shared interface strings per locale, in every bundle; each module's own come with its pages
 * (module-strings.ts). Finnish is the source of truth (DESIGN rule 8).
 */
export const MESSAGES = { fi: coreFi, sv, en } as const;

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof fi };
  }
}

function browserStorage(): Storage | undefined {
  try {
    return typeof window === "undefined" ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}

function applyDocumentLanguage(locale: Locale): void {
  if (typeof document !== "undefined") document.documentElement.lang = locale;
}

/** Starts i18next synchronously (the strings are bundled) in the remembered language, Finnish by default. */
export function initI18n(): typeof i18next {
  const locale = readStoredLocale(browserStorage());
  void i18next.use(initReactI18next).init({
    resources: Object.fromEntries(LOCALES.map((l) => [l, { translation: MESSAGES[l] }])),
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  applyDocumentLanguage(locale);
  return i18next;
}

/** Switches the interface language, remembers it and updates `<html lang>`. */
export async function changeLocale(locale: Locale): Promise<void> {
  // Without the network a module's strings stay in the earlier language's fallback (Finnish), which beats a
  // language switch that does nothing.
  await loadStringsInUse(locale).catch(() => undefined);
  await i18next.changeLanguage(locale);
  storeLocale(browserStorage(), locale);
  applyDocumentLanguage(locale);
}

/** The current interface locale. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  const current = i18n.resolvedLanguage ?? i18n.language;
  return isLocale(current) ? current : DEFAULT_LOCALE;
}
