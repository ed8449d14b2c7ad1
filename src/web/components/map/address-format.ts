import type { AddressHit } from "../../../contracts/addresses.ts";
import type { Locale } from "../../../contracts/localized-text.ts";

/**
 * An address as one line, "Kauppakatu 5, 18100 Heinola": in Swedish when the search matched the Swedish name
 * or the reader reads Swedish and the street has one, otherwise in Finnish.
 */
export function formatAddress(hit: AddressHit, locale: Locale): string {
  const swedish = hit.streetSv !== null && (hit.matched === "sv" || locale === "sv");
  const street = swedish ? (hit.streetSv ?? hit.streetFi) : hit.streetFi;
  const office = (swedish ? (hit.postOfficeSv ?? hit.postOfficeFi) : hit.postOfficeFi) ?? "";
  return `${street} ${hit.number}, ${`${hit.postalCode} ${office}`.trim()}`;
}

/** Whether a search is worth sending: at least two letters or digits before any house number. */
export function isSearchable(text: string): boolean {
  const street = text.trim().split(/\s+\d/)[0] ?? "";
  return street.replace(/[^\p{L}\p{N}]/gu, "").length >= 2;
}
