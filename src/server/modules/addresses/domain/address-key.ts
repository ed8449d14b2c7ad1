// Folding and parsing for the address search: what a resident types is matched against keys that hold only
// a-z and 0-9, so "Hämeenkatu", "hameenk" and "HÄMEEN-K" all meet, and Swedish names fold the same way.

/** The search key of a street name: accents, case, spaces and punctuation folded away. */
export function streetKey(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]/g, "");
}

/** The key of a house number: lower case, no spaces, dashes as "-" ("12 – 14 B" → "12-14b"). */
export function numberKey(number: string): string {
  return number
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2010-\u2015]/g, "-")
    .replace(/\s+/g, "");
}

/** The leading whole number of a house number ("12-14b" → 12), for ordering and narrowing. */
export function numberBase(number: string): number {
  const match = /^\d+/.exec(numberKey(number));
  return match ? Number(match[0]) : 0;
}

/** A house number as addresses write them: 5, 5a, 5 A, 12-14, 12–14 b, 3 as 2 (a flat is not part of it). */
export const HOUSE_NUMBER =
  /^\d{1,5}(?:\s?[a-zA-ZåäöÅÄÖ])?(?:\s?[-\u2013]\s?\d{1,5}(?:\s?[a-zA-ZåäöÅÄÖ])?)?$/;

/** What a search text asks for: a street prefix and, optionally, the start of a house number. */
export interface AddressQuery {
  streetPrefix: string;
  /** A number without letters narrows to that whole number (5 → 5, 5a, 5-7 but not 50). */
  numberBase: number | null;
  /** A number with letters or a dash narrows by prefix (5a → 5a, 5a-b). */
  numberPrefix: string | null;
}

/**
 * Reads "kauppak 5", "Kauppakatu 5 B" or "Köpmansgatan 5, Heinola": the street is everything before the
 * first word that starts with a digit, the number that word and what follows it up to a comma. Returns null
 * when no street is left to search for (fewer than two letters or digits).
 */
export function parseAddressQuery(text: string): AddressQuery | null {
  const beforeComma = text.split(",")[0] ?? "";
  const words = beforeComma.trim().split(/\s+/).filter(Boolean);
  const at = words.findIndex((word, i) => i > 0 && /^\d/.test(word));
  const streetWords = at < 0 ? words : words.slice(0, at);
  const streetPrefix = streetKey(streetWords.join(" "));
  if (streetPrefix.length < 2) return null;
  if (at < 0) return { streetPrefix, numberBase: null, numberPrefix: null };
  const number = numberKey(words.slice(at).join(""));
  if (/^\d+$/.test(number)) return { streetPrefix, numberBase: Number(number), numberPrefix: null };
  return { streetPrefix, numberBase: null, numberPrefix: number };
}

/** The exclusive upper end of a prefix range over keys of a-z, 0-9 and "-" ("~" sorts after all of them). */
export function prefixEnd(prefix: string): string {
  return `${prefix}~`;
}
