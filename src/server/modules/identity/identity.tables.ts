import type { Insertable, Selectable } from "kysely";

/** identity_person: an account. Erased accounts keep only their id (so counted contributions stay unlinkable). */
export interface PersonTable {
  id: string;
  email: string | null;
  emailVerifiedAt: string | null;
  passwordHash: string | null;
  displayName: string;
  preferredLocale: string;
  /** HMAC-SHA-256 of the henkilötunnus under the server secret; never the number itself. */
  hetuHmac: string | null;
  birthDate: string | null;
  /** `${issuer}#${sub}` of the linked OpenID Connect identity. */
  oidcSubject: string | null;
  homeMunicipality: string | null;
  identifiedAt: string | null;
  residentMethod: string | null;
  residentVerifiedAt: string | null;
  createdAt: string;
  updatedAt: string;
  erasedAt: string | null;
}

export interface RoleTable {
  personId: string;
  role: string;
  scope: string;
  grantedBy: string | null;
  grantedAt: string;
}

export interface SessionTable {
  tokenHash: string;
  personId: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
}

export interface TokenTable {
  tokenHash: string;
  personId: string;
  purpose: string;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface OidcFlowTable {
  state: string;
  codeVerifier: string;
  nonce: string;
  linkPersonId: string | null;
  returnTo: string;
  expiresAt: string;
}

export interface OrganisationTable {
  id: string;
  name: string;
  yTunnus: string | null;
  createdAt: string;
}

export interface CensusTable {
  hetuHmac: string;
  importedAt: string;
}

/** The tables this module owns. */
export interface IdentityTables {
  identityPerson: PersonTable;
  identityRole: RoleTable;
  identitySession: SessionTable;
  identityToken: TokenTable;
  identityOidcFlow: OidcFlowTable;
  identityOrganisation: OrganisationTable;
  identityCensus: CensusTable;
}

export type PersonRow = Selectable<PersonTable>;
export type NewPersonRow = Insertable<PersonTable>;
export type RoleRow = Selectable<RoleTable>;
export type SessionRow = Selectable<SessionTable>;
export type TokenRow = Selectable<TokenTable>;
export type OidcFlowRow = Selectable<OidcFlowTable>;
export type OrganisationRow = Selectable<OrganisationTable>;
