import type { Locale } from "../../contracts/localized-text.ts";

/** The Intl locale for dates and numbers: Finland's conventions, and British English for English. */
export const INTL_LOCALES: Record<Locale, string> = { fi: "fi-FI", sv: "sv-FI", en: "en-GB" };
