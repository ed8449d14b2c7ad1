import { type Locale, type LocalizedText, pickText } from "../../contracts/localized-text.ts";
import { useLocale } from "../i18n/i18n.ts";

/** Text to show, with a `lang` only when it fell back to another language than the page's (WCAG 3.1.2). */
export type LocalizedProps = { text: string; lang: Locale | undefined };

/** Picks the text for the locale; `lang` is set only when the text is in another language. */
export function localize(text: LocalizedText, locale: Locale): LocalizedProps {
  const picked = pickText(text, locale);
  return { text: picked.text, lang: picked.lang === locale ? undefined : picked.lang };
}

/** `localize` bound to the current interface locale. */
export function useLocalize(): (text: LocalizedText) => LocalizedProps {
  const locale = useLocale();
  return (text) => localize(text, locale);
}
