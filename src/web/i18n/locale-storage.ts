import { DEFAULT_LOCALE, isLocale, type Locale } from "../../contracts/localized-text.ts";

/** Where the chosen interface language is remembered between visits. */
export const LOCALE_STORAGE_KEY = "keskio.locale";

/** The part of the Web Storage API the locale needs; lets tests pass a fake. */
export type LocaleStorage = Pick<Storage, "getItem" | "setItem">;

/** The remembered locale, or Finnish: storage may be missing, blocked or hold something stale. */
export function readStoredLocale(storage: LocaleStorage | undefined): Locale {
  try {
    const value = storage?.getItem(LOCALE_STORAGE_KEY);
    return isLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

/** Remembers the locale; a blocked storage (private mode, policy) only means it is not remembered. */
export function storeLocale(storage: LocaleStorage | undefined, locale: Locale): void {
  try {
    storage?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Not remembering the choice is acceptable; failing the switch is not.
  }
}
