// Finnish business ID (Y-tunnus, FO-nummer): NNNNNNN-T, also issued to registered associations.
// Rules from shared/finland.md §3 (PRH): weights 7,9,10,5,8,4,2, mod 11; no I/O, never throws on bad input.

/** Why a business ID was rejected; a closed set for localized messages. */
export type YTunnusInvalidReason = "invalid_format" | "unissuable_number" | "checksum_mismatch";

/** Every reason code, for exhaustive mapping and tests. */
export const Y_TUNNUS_INVALID_REASONS: readonly YTunnusInvalidReason[] = Object.freeze([
  "invalid_format",
  "unissuable_number",
  "checksum_mismatch",
]);

/** Outcome of validation; `value` is the canonical 7+1-digit form to store and compare. */
export type YTunnusResult = { ok: true; value: string } | { ok: false; reason: YTunnusInvalidReason };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2] as const;
const SEVEN = /^\d{7}-\d$/;
const SIX = /^\d{6}-\d$/;

/** Canonical form: trimmed, and an old 6-digit ID zero-padded to 7 digits (finland.md §3, tagged [M]). */
export function normalizeYTunnus(input: string): string {
  const trimmed = input.trim();
  return SIX.test(trimmed) ? `0${trimmed}` : trimmed;
}

/** Check digit for seven digits; null when the remainder is 1, since such numbers are never issued. */
export function computeYTunnusCheckDigit(sevenDigits: string): number | null {
  if (!/^\d{7}$/.test(sevenDigits)) throw new RangeError("expected exactly seven digits");
  let sum = 0;
  for (let i = 0; i < WEIGHTS.length; i++) sum += Number(sevenDigits.charAt(i)) * (WEIGHTS[i] ?? 0);
  const remainder = sum % 11;
  if (remainder === 1) return null;
  return remainder === 0 ? 0 : 11 - remainder;
}

/** Validate a business ID as typed by a person (normalized first); never throws. */
export function validateYTunnus(input: unknown): YTunnusResult {
  if (typeof input !== "string") return { ok: false, reason: "invalid_format" };
  const value = normalizeYTunnus(input);
  if (!SEVEN.test(value)) return { ok: false, reason: "invalid_format" };
  const expected = computeYTunnusCheckDigit(value.slice(0, 7));
  if (expected === null) return { ok: false, reason: "unissuable_number" };
  if (Number(value.charAt(8)) !== expected) return { ok: false, reason: "checksum_mismatch" };
  return { ok: true, value };
}
