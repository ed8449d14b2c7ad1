import { type Kysely, sql, type Transaction } from "kysely";
import type {
  IdentityTables,
  NewPersonRow,
  OidcFlowRow,
  OrganisationRow,
  PersonRow,
  RoleRow,
  SessionRow,
  TokenRow,
} from "./identity.tables.ts";

type Db = Kysely<IdentityTables> | Transaction<IdentityTables>;

export function findPersonById(db: Db, id: string): Promise<PersonRow | undefined> {
  return db.selectFrom("identityPerson").selectAll().where("id", "=", id).executeTakeFirst();
}

export function findPersonByEmail(db: Db, email: string): Promise<PersonRow | undefined> {
  return db.selectFrom("identityPerson").selectAll().where("email", "=", email).executeTakeFirst();
}

export function findPersonByOidcSubject(db: Db, subject: string): Promise<PersonRow | undefined> {
  return db.selectFrom("identityPerson").selectAll().where("oidcSubject", "=", subject).executeTakeFirst();
}

export function findPersonByHetuHmac(db: Db, hmac: string): Promise<PersonRow | undefined> {
  return db.selectFrom("identityPerson").selectAll().where("hetuHmac", "=", hmac).executeTakeFirst();
}

export async function insertPerson(db: Db, row: NewPersonRow): Promise<void> {
  await db.insertInto("identityPerson").values(row).execute();
}

export async function updatePerson(db: Db, id: string, changes: Partial<NewPersonRow>): Promise<void> {
  await db.updateTable("identityPerson").set(changes).where("id", "=", id).execute();
}

/** People for the admin list, newest first, optionally matching a name or e-mail fragment. */
export function listPeople(db: Db, search: string | undefined, limit: number): Promise<PersonRow[]> {
  let q = db.selectFrom("identityPerson").selectAll().where("erasedAt", "is", null);
  if (search) {
    const pattern = `%${search.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      // An explicit ESCAPE: PostgreSQL defaults to backslash, SQLite has no default escape character.
      eb.or([
        sql<boolean>`lower(${eb.ref("displayName")}) like ${pattern} escape '\\'`,
        sql<boolean>`${eb.ref("email")} like ${pattern} escape '\\'`,
      ]),
    );
  }
  return q.orderBy("createdAt", "desc").limit(limit).execute();
}

export function listRoles(db: Db, personIds: readonly string[]): Promise<RoleRow[]> {
  if (personIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("identityRole")
    .selectAll()
    .where("personId", "in", personIds)
    .orderBy("role")
    .orderBy("scope")
    .execute();
}

/** Grants a role; granting one already held changes nothing. Returns whether it was new. */
export async function grantRole(db: Db, row: RoleRow): Promise<boolean> {
  const result = await db
    .insertInto("identityRole")
    .values(row)
    .onConflict((oc) => oc.columns(["personId", "role", "scope"]).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function revokeRole(db: Db, personId: string, role: string, scope: string): Promise<boolean> {
  const result = await db
    .deleteFrom("identityRole")
    .where("personId", "=", personId)
    .where("role", "=", role)
    .where("scope", "=", scope)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function deleteRoles(db: Db, personId: string): Promise<void> {
  await db.deleteFrom("identityRole").where("personId", "=", personId).execute();
}

export function countAdmins(db: Db): Promise<number> {
  return db
    .selectFrom("identityRole")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("role", "=", "admin")
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

export async function insertSession(db: Db, row: SessionRow): Promise<void> {
  await db.insertInto("identitySession").values(row).execute();
}

export function findSession(db: Db, tokenHash: string): Promise<SessionRow | undefined> {
  return db.selectFrom("identitySession").selectAll().where("tokenHash", "=", tokenHash).executeTakeFirst();
}

export async function touchSession(db: Db, tokenHash: string, at: string): Promise<void> {
  await db
    .updateTable("identitySession")
    .set({ lastSeenAt: at })
    .where("tokenHash", "=", tokenHash)
    .execute();
}

export async function deleteSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom("identitySession").where("tokenHash", "=", tokenHash).execute();
}

export async function deleteSessionsOf(db: Db, personId: string): Promise<number> {
  const result = await db.deleteFrom("identitySession").where("personId", "=", personId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export function countSessionsOf(db: Db, personId: string): Promise<number> {
  return db
    .selectFrom("identitySession")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("personId", "=", personId)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

export async function insertToken(db: Db, row: TokenRow): Promise<void> {
  await db.insertInto("identityToken").values(row).execute();
}

/**
 * Marks an unused, unexpired token used and returns it; a second use (or a race of two) gets nothing,
 * because the update itself checks `used_at is null`.
 */
export async function consumeToken(
  db: Db,
  tokenHash: string,
  purpose: string,
  at: string,
): Promise<TokenRow | undefined> {
  const token = await db
    .selectFrom("identityToken")
    .selectAll()
    .where("tokenHash", "=", tokenHash)
    .where("purpose", "=", purpose)
    .executeTakeFirst();
  if (!token || token.usedAt !== null || token.expiresAt <= at) return undefined;
  const result = await db
    .updateTable("identityToken")
    .set({ usedAt: at })
    .where("tokenHash", "=", tokenHash)
    .where("usedAt", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? token : undefined;
}

export async function deleteTokensOf(db: Db, personId: string): Promise<void> {
  await db.deleteFrom("identityToken").where("personId", "=", personId).execute();
}

export async function insertOidcFlow(db: Db, row: OidcFlowRow): Promise<void> {
  await db.insertInto("identityOidcFlow").values(row).execute();
}

/** Takes (reads and deletes) a pending OIDC flow: each state can be used once. */
export async function takeOidcFlow(db: Db, state: string): Promise<OidcFlowRow | undefined> {
  const flow = await db
    .selectFrom("identityOidcFlow")
    .selectAll()
    .where("state", "=", state)
    .executeTakeFirst();
  if (!flow) return undefined;
  const result = await db.deleteFrom("identityOidcFlow").where("state", "=", state).executeTakeFirst();
  return Number(result.numDeletedRows) === 1 ? flow : undefined;
}

export async function deleteExpiredOidcFlows(db: Db, at: string): Promise<void> {
  await db.deleteFrom("identityOidcFlow").where("expiresAt", "<=", at).execute();
}

export function isInCensus(db: Db, hetuHmac: string): Promise<boolean> {
  return db
    .selectFrom("identityCensus")
    .select("hetuHmac")
    .where("hetuHmac", "=", hetuHmac)
    .executeTakeFirst()
    .then((r) => r !== undefined);
}

/** Replaces the census list in one statement set (the caller runs it in a transaction). */
export async function replaceCensus(db: Db, hmacs: readonly string[], at: string): Promise<void> {
  await db.deleteFrom("identityCensus").execute();
  for (let i = 0; i < hmacs.length; i += 500) {
    const chunk = hmacs.slice(i, i + 500).map((hetuHmac) => ({ hetuHmac, importedAt: at }));
    if (chunk.length > 0) await db.insertInto("identityCensus").values(chunk).execute();
  }
}

export async function insertOrganisation(db: Db, row: OrganisationRow): Promise<void> {
  await db.insertInto("identityOrganisation").values(row).execute();
}

export function listOrganisations(db: Db): Promise<OrganisationRow[]> {
  return db.selectFrom("identityOrganisation").selectAll().orderBy("name").execute();
}

export function findOrganisation(db: Db, id: string): Promise<OrganisationRow | undefined> {
  return db.selectFrom("identityOrganisation").selectAll().where("id", "=", id).executeTakeFirst();
}

/** People currently verified as residents (erased accounts excluded). */
export async function countVerifiedResidents(db: Db): Promise<number> {
  const row = await db
    .selectFrom("identityPerson")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("residentMethod", "is not", null)
    .where("erasedAt", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** E-mail addresses of staff of a city unit (role staff with that scope), for work reminders. */
export async function staffEmailsOfUnit(db: Db, unit: string): Promise<{ email: string; locale: string }[]> {
  const rows = await db
    .selectFrom("identityRole")
    .innerJoin("identityPerson", "identityPerson.id", "identityRole.personId")
    .select(["identityPerson.email", "identityPerson.preferredLocale"])
    .where("identityRole.role", "=", "staff")
    .where("identityRole.scope", "=", unit)
    .where("identityPerson.email", "is not", null)
    .where("identityPerson.emailVerifiedAt", "is not", null)
    .execute();
  return rows.flatMap((r) => (r.email ? [{ email: r.email, locale: r.preferredLocale }] : []));
}

/** People holding one of `roles` in one of `scopes`, with a verified e-mail address (not erased). */
export async function roleContacts(
  db: Db,
  roles: readonly string[],
  scopes: readonly string[],
): Promise<{ personId: string; email: string; locale: string; role: string; scope: string }[]> {
  if (roles.length === 0 || scopes.length === 0) return [];
  const rows = await db
    .selectFrom("identityRole")
    .innerJoin("identityPerson", "identityPerson.id", "identityRole.personId")
    .select([
      "identityPerson.id",
      "identityPerson.email",
      "identityPerson.preferredLocale",
      "identityRole.role",
      "identityRole.scope",
    ])
    .where("identityRole.role", "in", [...roles])
    .where("identityRole.scope", "in", [...scopes])
    .where("identityPerson.email", "is not", null)
    .where("identityPerson.emailVerifiedAt", "is not", null)
    .where("identityPerson.erasedAt", "is", null)
    .execute();
  return rows.flatMap((r) =>
    r.email
      ? [{ personId: r.id, email: r.email, locale: r.preferredLocale, role: r.role, scope: r.scope }]
      : [],
  );
}

/** Staff who handle a unit's work (its own staff and staff of every unit), by display name. */
export async function staffOfUnit(db: Db, unit: string): Promise<{ id: string; displayName: string }[]> {
  const rows = await db
    .selectFrom("identityRole")
    .innerJoin("identityPerson", "identityPerson.id", "identityRole.personId")
    .select(["identityPerson.id", "identityPerson.displayName"])
    .where("identityRole.role", "=", "staff")
    .where("identityRole.scope", "in", [unit, ""])
    .where("identityPerson.erasedAt", "is", null)
    .orderBy("identityPerson.displayName")
    .execute();
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.id) && seen.add(r.id));
}

/** Display names of the given people (unknown or erased ones are left out). */
export async function displayNamesOf(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom("identityPerson")
    .select(["id", "displayName"])
    .where("id", "in", [...new Set(ids)])
    .where("erasedAt", "is", null)
    .execute();
  return new Map(rows.map((r) => [r.id, r.displayName]));
}
