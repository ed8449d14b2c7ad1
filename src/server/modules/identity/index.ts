import type { Role } from "../../../contracts/identity.ts";
import type { Config } from "../../config.ts";
import { asModuleDb, type Database } from "../../db/db.ts";
import { normalizeHenkilotunnus, validateHenkilotunnus } from "../../lib/henkilotunnus.ts";
import type { ModuleContext, ModuleManifest } from "../../platform/module.ts";
import { SESSION_COOKIE } from "../../platform/principal.ts";
import { registerIdentityCommands } from "./identity.commands.ts";
import { hetuHmac } from "./identity.crypto.ts";
import { OidcClient } from "./identity.oidc.ts";
import {
  countVerifiedResidents,
  displayNamesOf,
  findPersonByHetuHmac,
  findPersonById,
  isInCensus,
  roleContacts,
  staffEmailsOfUnit,
  staffOfUnit,
} from "./identity.repository.ts";
import { identityRoutes } from "./identity.routes.ts";
import { IdentityService } from "./identity.service.ts";
import type { IdentityTables } from "./identity.tables.ts";

// One service per app instance, shared by the authenticate hook and the routes.
const services = new WeakMap<ModuleContext, IdentityService>();

function serviceFor(context: ModuleContext): IdentityService {
  let service = services.get(context);
  if (!service) {
    service = new IdentityService({
      db: asModuleDb<IdentityTables>(context.database.db),
      config: context.config,
      mailer: context.mailer,
      rateLimiter: context.rateLimiter,
      now: context.now,
      personalData: context.personalDataHolders,
    });
    services.set(context, service);
  }
  return service;
}

/** The identity module: accounts, sessions, strong identification, verified residents, roles, GDPR rights. */
export const identityModule: ModuleManifest = {
  name: "identity",
  available: true,
  webPath: null,
  authenticate: (context) => {
    const service = serviceFor(context);
    return (request) => service.authenticate(request.cookies[SESSION_COOKIE]);
  },
  routes: async (app, context) => {
    const oidc = context.config.oidc
      ? new OidcClient(context.config.oidc, `${context.config.publicUrl}/api/v1/auth/oidc/callback`)
      : null;
    await identityRoutes(app, context, serviceFor(context), oidc);
  },
  commands: registerIdentityCommands,
  // How many people have been verified as residents on the platform: the reach of strong participation
  // (voting needs it). Known only for the current year, since verifications are not kept by date of change.
  indicators: (context) => [
    {
      key: "identity.verified_residents",
      valueFor: async (year) => {
        const current = Number(
          new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Helsinki", year: "numeric" }).format(
            context.now(),
          ),
        );
        if (year !== current) return null;
        return countVerifiedResidents(asModuleDb<IdentityTables>(context.database.db));
      },
    },
  ],
};

export type { IdentityService };

/** Who to remind about a city unit's work: its staff with a verified e-mail address. */
export function unitContacts(database: Database, unit: string): Promise<{ email: string; locale: string }[]> {
  return staffEmailsOfUnit(asModuleDb<IdentityTables>(database.db), unit);
}

/** Where to write to a person: their verified e-mail and language, or null (none, or erased). */
export async function personContact(
  database: Database,
  personId: string,
): Promise<{ email: string; locale: string; displayName: string } | null> {
  const person = await findPersonById(asModuleDb<IdentityTables>(database.db), personId);
  if (!person || person.erasedAt || !person.email || !person.emailVerifiedAt) return null;
  return { email: person.email, locale: person.preferredLocale, displayName: person.displayName };
}

/**
 * Who to write to about units' work: people holding one of `roles` scoped to one of `scopes` ("" is the
 * unscoped grant), with a verified e-mail address. Feedback's overdue digest uses it.
 */
export function roleContactsOf(
  database: Database,
  roles: readonly Role[],
  scopes: readonly string[],
): Promise<{ personId: string; email: string; locale: string; role: string; scope: string }[]> {
  return roleContacts(asModuleDb<IdentityTables>(database.db), roles, scopes);
}

/** Staff who may be assigned a unit's work (feedback handling): ids and display names only. */
export function unitStaff(database: Database, unit: string): Promise<{ id: string; displayName: string }[]> {
  return staffOfUnit(asModuleDb<IdentityTables>(database.db), unit);
}

/** Display names of staff for "who did what" in handling histories; never used for residents. */
export function staffDisplayNames(database: Database, ids: readonly string[]): Promise<Map<string, string>> {
  return displayNamesOf(asModuleDb<IdentityTables>(database.db), ids);
}

/** What another module may know of a voter: residency, birth date and the key that recognises one person. */
export interface VoterStanding {
  verifiedResident: boolean;
  /** HMAC of the henkilötunnus (the same key a service point derives from the number); null if never identified. */
  personKey: string | null;
  birthDate: string | null;
}

/** The standing of a signed-in person as a voter (null when the account does not exist or was erased). */
export async function voterStanding(database: Database, personId: string): Promise<VoterStanding | null> {
  const person = await findPersonById(asModuleDb<IdentityTables>(database.db), personId);
  if (!person || person.erasedAt) return null;
  return {
    verifiedResident: person.residentMethod !== null && person.residentVerifiedAt !== null,
    personKey: person.hetuHmac,
    birthDate: person.birthDate,
  };
}

/**
 * A person identified at a service point by henkilötunnus: the key (only an HMAC is ever kept), the birth date,
 * and whether the platform knows them as a resident (census list or verified account). The number is not kept.
 */
export async function voterStandingByHenkilotunnus(
  database: Database,
  config: Config,
  henkilotunnus: string,
): Promise<({ ok: true } & VoterStanding & { personKey: string }) | { ok: false; reason: string }> {
  const normalized = normalizeHenkilotunnus(henkilotunnus);
  const check = validateHenkilotunnus(normalized, { allowTemporary: config.env !== "production" });
  if (!check.ok) return { ok: false, reason: check.reason };
  const key = hetuHmac(config.secret, normalized);
  const db = asModuleDb<IdentityTables>(database.db);
  const person = await findPersonByHetuHmac(db, key);
  const verifiedAccount = person?.residentMethod != null && person.residentVerifiedAt != null;
  return {
    ok: true,
    personKey: key,
    birthDate: check.birthDate,
    verifiedResident: verifiedAccount || (await isInCensus(db, key)),
  };
}
