import { createHash, createHmac, randomBytes } from "node:crypto";
import { type Algorithm, hash, verify } from "@node-rs/argon2";

// Argon2id with OWASP's minimum recommended parameters (Password Storage Cheat Sheet: m=19 MiB, t=2, p=1).
// The package's Algorithm enum is a const enum (not importable under isolated modules); 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;
const ARGON2 = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

// Verifying against this when the account does not exist takes as long as a real check, so response time
// does not reveal which e-mail addresses are registered.
let dummyHash: Promise<string> | undefined;

/** Checks a password against a stored hash, or burns the same time when there is none. */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (stored === null) {
    dummyHash ??= hashPassword("not-a-real-password-only-for-timing");
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

/** A random one-time secret for a link or a session cookie (256 bits). */
export function newSecretToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What is stored of a token: its SHA-256, so a database leak does not hand out sessions or reset links. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

/**
 * The only form in which a henkilötunnus is kept: HMAC-SHA-256 under the server secret, so the same person
 * is recognised across channels but the number cannot be recovered or guessed by brute force without the key.
 */
export function hetuHmac(secret: string, normalizedHetu: string): string {
  return createHmac("sha256", secret).update(`hetu|${normalizedHetu}`).digest("base64url");
}
