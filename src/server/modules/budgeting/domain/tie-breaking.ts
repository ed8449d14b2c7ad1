// Deterministic tie-breaking. A tie-break is a list of keys applied in order; the project id (ascending, by Unicode
// code point, as Python compares strings in pabutools) is always appended, so the order is total and a count is
// reproducible. Default: more votes first, then lower cost, then id (equalshares.net recommends lower cost, then
// more votes, then lot: `cost,votes` gives that with the id in place of the lot).

import type { CountingProfile } from "./election.ts";

/** One criterion: `votes` (more first), `cost` (lower first), `cost-desc` (higher first), `id` (ascending). */
export type TieBreakKey = "votes" | "cost" | "cost-desc" | "id";

const KEYS: readonly TieBreakKey[] = ["votes", "cost", "cost-desc", "id"];

/** The default tie-break: votes, then lower cost, then id. */
export const DEFAULT_TIE_BREAK: readonly TieBreakKey[] = ["votes", "cost", "id"];

/** Parses `votes,cost,id`; returns null when a key is unknown or repeated. */
export function parseTieBreak(text: string): TieBreakKey[] | null {
  const keys = text
    .split(",")
    .map((k) => k.trim())
    .filter((k) => k !== "");
  if (keys.length === 0) return null;
  for (const k of keys) if (!(KEYS as readonly string[]).includes(k)) return null;
  if (new Set(keys).size !== keys.length) return null;
  return keys as TieBreakKey[];
}

/** Compares strings by Unicode code point (JavaScript's `<` compares UTF-16 units, which differs past U+FFFF). */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1; // a surrogate starts a code point above every BMP unit
    return x - y;
  }
  return a.length - b.length;
}

/**
 * Rank of every project in the tie-break order (0 = preferred). Ties between projects are broken by the
 * lower rank; every rule uses the same ranks, computed once.
 */
export function rankProjects(profile: CountingProfile, keys: readonly TieBreakKey[]): Int32Array {
  const order = Array.from({ length: profile.projectCount }, (_, j) => j);
  const all = keys.includes("id") ? keys : [...keys, "id" as const];
  order.sort((a, b) => {
    for (const key of all) {
      let c = 0;
      if (key === "votes") c = (profile.votes[b] as number) - (profile.votes[a] as number);
      else if (key === "cost" || key === "cost-desc") {
        const ca = profile.costExact[a] as bigint;
        const cb = profile.costExact[b] as bigint;
        c = ca < cb ? -1 : ca > cb ? 1 : 0;
        if (key === "cost-desc") c = -c;
      } else c = compareCodePoints(profile.ids[a] as string, profile.ids[b] as string);
      if (c !== 0) return c;
    }
    return a - b;
  });
  const rank = new Int32Array(profile.projectCount);
  order.forEach((j, r) => {
    rank[j] = r;
  });
  return rank;
}
