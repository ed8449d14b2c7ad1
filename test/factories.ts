import type { Role } from "../src/contracts/identity.ts";
import type { AnyDb } from "../src/server/db/db.ts";
import { newId } from "../src/server/lib/ids.ts";
import { hashPassword } from "../src/server/modules/identity/identity.crypto.ts";

/** A person as a test needs one: a verified e-mail, a password, roles, optionally a verified resident. */
export interface PersonOverrides {
  id?: string;
  email?: string;
  password?: string;
  displayName?: string;
  roles?: { role: Role; scope?: string }[];
  verifiedResident?: boolean;
  now?: Date;
}

// Hashing is deliberately slow (argon2id); tests reuse one hash per password.
const passwordHashes = new Map<string, Promise<string>>();

/** Writes a person straight into the identity tables (each test's own data, DESIGN rule 6). */
export async function buildPerson(
  db: AnyDb,
  overrides: PersonOverrides = {},
): Promise<{ id: string; email: string; password: string }> {
  const id = overrides.id ?? newId();
  const email = overrides.email ?? `person-${id.slice(-12)}@example.fi`;
  const password = overrides.password ?? "factory-password-123";
  if (!passwordHashes.has(password)) passwordHashes.set(password, hashPassword(password));
  const at = (overrides.now ?? new Date()).toISOString();
  await db
    .insertInto("identity_person")
    .values({
      id,
      email,
      email_verified_at: at,
      password_hash: await passwordHashes.get(password),
      display_name: overrides.displayName ?? "Testi Henkilö",
      preferred_locale: "fi",
      resident_method: overrides.verifiedResident ? "in_person" : null,
      resident_verified_at: overrides.verifiedResident ? at : null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  for (const { role, scope } of overrides.roles ?? [{ role: "resident" as const }]) {
    await db
      .insertInto("identity_role")
      .values({ person_id: id, role, scope: scope ?? "", granted_at: at })
      .execute();
  }
  return { id, email, password };
}
