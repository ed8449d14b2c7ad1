// Reference numbers residents read aloud on the phone: Crockford base32 (no I, L, O, U), 8 characters
// (40 random bits), grouped as XXXX-XXXX. Uniqueness is enforced by the database; a collision is retried.

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A reference number from 5 random bytes. */
export function formatReference(random: Uint8Array): string {
  if (random.length < 5) throw new RangeError("a reference needs 5 random bytes");
  let bits = 0n;
  for (let i = 0; i < 5; i++) bits = (bits << 8n) | BigInt(random[i] ?? 0);
  let out = "";
  for (let i = 0; i < 8; i++) {
    out = ALPHABET[Number(bits & 31n)] + out;
    bits >>= 5n;
  }
  return `${out.slice(0, 4)}-${out.slice(4)}`;
}

/** A reference as typed by a person, normalised (case, O→0, I/L→1, missing dash), or null if not one. */
export function normaliseReference(input: string): string | null {
  const cleaned = input
    .trim()
    .toUpperCase()
    .replaceAll(/[\s-]/g, "")
    .replaceAll("O", "0")
    .replaceAll(/[IL]/g, "1");
  if (!/^[0-9A-HJKMNP-TV-Z]{8}$/.test(cleaned)) return null;
  return `${cleaned.slice(0, 4)}-${cleaned.slice(4)}`;
}
