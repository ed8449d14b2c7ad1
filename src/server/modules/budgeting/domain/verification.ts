// Recounting a published election: the rule named in META, compared with the `selected` column.
// Pabulib files do not say how a city broke ties. When the recount differs only because of a tie, we say so and
// name the tie-break that reproduces the city's outcome, rather than calling it a plain match or a plain mismatch.

import type { PbElection } from "./pabulib.ts";
import { type CountOptions, countElection, optionsForMetaRule } from "./rules.ts";
import { DEFAULT_TIE_BREAK, type TieBreakKey } from "./tie-breaking.ts";

/** Tie-breaks tried, in order, when the default does not reproduce the city's outcome. */
export const ALTERNATIVE_TIE_BREAKS: readonly (readonly TieBreakKey[])[] = [
  ["cost", "votes", "id"],
  ["votes", "cost-desc", "id"],
  ["id"],
];

/** Result of recounting one file. */
export type VerifyOutcome =
  | { readonly status: "no-selected"; readonly detail: string }
  | { readonly status: "unsupported"; readonly detail: string }
  | {
      readonly status: "match" | "match-after-tie-break" | "mismatch";
      readonly detail: string;
      readonly rule: string;
      readonly description: string;
      readonly tieBreak: readonly TieBreakKey[];
      /** Selected by our recount, not by the city (with the requested tie-break). */
      readonly extra: readonly string[];
      /** Selected by the city, not by our recount (with the requested tie-break). */
      readonly missing: readonly string[];
      /** Projects the file marks with a `selected` value other than 0 or 1 (explained in its comments). */
      readonly special: readonly string[];
    };

/** Recounts an election with its META rule and compares with the projects marked `selected = 1`. */
export function verifyElection(
  election: PbElection,
  tieBreak: readonly TieBreakKey[] = DEFAULT_TIE_BREAK,
): VerifyOutcome {
  if (!election.hasSelected) return { status: "no-selected", detail: "no selected column to compare with" };
  const mapping = optionsForMetaRule(election.meta, election.voteType);
  if (!mapping.supported) return { status: "unsupported", detail: mapping.reason };
  const official = new Set(election.projects.filter((p) => p.selected === 1).map((p) => p.id));
  const special = election.projects
    .filter((p) => p.selected !== null && p.selected !== 0 && p.selected !== 1)
    .map((p) => `${p.id} (selected=${p.selected})`);
  const recount = (keys: readonly TieBreakKey[]) => {
    const options: Partial<CountOptions> = { ...mapping.options, tieBreak: keys };
    const chosen = new Set(countElection(election, options).selected);
    return {
      extra: [...chosen].filter((id) => !official.has(id)).sort(),
      missing: [...official].filter((id) => !chosen.has(id)).sort(),
    };
  };
  const rule = election.meta.rule ?? "";
  const first = recount(tieBreak);
  const base = { rule, description: mapping.description, special };
  if (first.extra.length === 0 && first.missing.length === 0) {
    return { status: "match", detail: "same projects as the city", tieBreak, ...first, ...base };
  }
  for (const alternative of ALTERNATIVE_TIE_BREAKS) {
    if (alternative.join() === tieBreak.join()) continue;
    const r = recount(alternative);
    if (r.extra.length === 0 && r.missing.length === 0) {
      return {
        status: "match-after-tie-break",
        detail: `same projects as the city only when ties are broken by ${alternative.join(",")} (with ${tieBreak.join(",")}: extra ${first.extra.join(" ") || "none"}, missing ${first.missing.join(" ") || "none"}); the file does not say how the city broke ties`,
        tieBreak: alternative,
        ...first,
        ...base,
      };
    }
  }
  return {
    status: "mismatch",
    detail: `extra ${first.extra.join(" ") || "none"}; missing ${first.missing.join(" ") || "none"}`,
    tieBreak,
    ...first,
    ...base,
  };
}
