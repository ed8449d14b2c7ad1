import Type, { type Static } from "typebox";

/** The interface languages, Finnish first: the order is the fallback order. */
export const LOCALES = ["fi", "sv", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "fi";

/** Content written by staff: Finnish is required, Swedish and English fall back to Finnish (DESIGN rule 8). */
export const LocalizedText = Type.Object(
  {
    fi: Type.String({ minLength: 1 }),
    sv: Type.Optional(Type.String({ minLength: 1 })),
    en: Type.Optional(Type.String({ minLength: 1 })),
  },
  { additionalProperties: false },
);
export type LocalizedText = Static<typeof LocalizedText>;

/** Whether a value is one of the supported locales. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The text in the wanted language, with the language it actually is in (for a correct `lang` attribute). */
export function pickText(text: LocalizedText, locale: Locale): { text: string; lang: Locale } {
  const wanted = text[locale];
  return wanted ? { text: wanted, lang: locale } : { text: text.fi, lang: "fi" };
}

/**
 * The best supported locale for an HTTP Accept-Language header (RFC 9110 §12.5.4), by quality then order.
 * Finnish when nothing matches.
 */
export function negotiateLocale(header: string | undefined | null): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranges = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number.parseFloat(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((r) => r.tag.length > 0 && r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const range of ranges) {
    const primary = range.tag.split("-")[0];
    if (isLocale(primary)) return primary;
  }
  return DEFAULT_LOCALE;
}
