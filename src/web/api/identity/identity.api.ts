import type {
  AuditEntry,
  Me,
  Organisation,
  PersonSummary,
  Role,
  SessionInfo,
} from "../../../contracts/identity.ts";
import type { Locale, LocalizedText } from "../../../contracts/localized-text.ts";
import { getJson, type RequestOptions, sendJson } from "../client.ts";

/** A privacy notice (tietosuojaseloste) of one register, as GET /api/v1/privacy gives it. */
export type PrivacyNotice = {
  register: string;
  name: LocalizedText;
  sections: { heading: LocalizedText; body: LocalizedText }[];
};

/** The filters of the audit log; dates are ISO instants. */
export type AuditFilters = {
  from?: string | undefined;
  to?: string | undefined;
  action?: string | undefined;
};

/** GET /api/v1/auth/session: who is signed in, the CSRF token, and whether strong identification is on. */
export function fetchSession(options: RequestOptions): Promise<SessionInfo> {
  return getJson<SessionInfo>("/api/v1/auth/session", options);
}

/** POST /api/v1/auth/sign-in: the new session (with a CSRF token bound to it). */
export function signIn(input: { email: string; password: string }, options: RequestOptions) {
  return sendJson<SessionInfo>("POST", "/api/v1/auth/sign-in", input, options);
}

/** POST /api/v1/auth/register: accepted whether or not the address already has an account. */
export function register(
  input: { email: string; password: string; displayName: string; preferredLocale: Locale },
  options: RequestOptions,
) {
  return sendJson<{ status: "accepted" }>("POST", "/api/v1/auth/register", input, options);
}

/** POST /api/v1/auth/verify-email with the mailed link's token. */
export function verifyEmail(token: string, options: RequestOptions) {
  return sendJson<{ status: "accepted" }>("POST", "/api/v1/auth/verify-email", { token }, options);
}

/** POST /api/v1/auth/password-reset: a link is mailed if the address has an account. */
export function requestPasswordReset(email: string, options: RequestOptions) {
  return sendJson<{ status: "accepted" }>("POST", "/api/v1/auth/password-reset", { email }, options);
}

/** POST /api/v1/auth/password-reset/confirm: the new password, with the mailed link's token. */
export function confirmPasswordReset(input: { token: string; password: string }, options: RequestOptions) {
  return sendJson<{ status: "accepted" }>("POST", "/api/v1/auth/password-reset/confirm", input, options);
}

/** POST /api/v1/auth/sign-out: ends this session. */
export function signOut(options: RequestOptions): Promise<undefined> {
  return sendJson("POST", "/api/v1/auth/sign-out", undefined, options);
}

/** POST /api/v1/auth/sign-out-everywhere: ends every session of the account. */
export function signOutEverywhere(options: RequestOptions): Promise<undefined> {
  return sendJson("POST", "/api/v1/auth/sign-out-everywhere", undefined, options);
}

/**
 * Where strong identification starts: a normal navigation, since the server redirects to the identity
 * provider and back. `link` asks to link the identity to the signed-in account.
 */
export function oidcStartHref(returnTo: string, link = false): string {
  const query = new URLSearchParams({ returnTo });
  if (link) query.set("link", "true");
  return `/api/v1/auth/oidc/start?${query.toString()}`;
}

/** PATCH /api/v1/me: name or language. */
export function updateMe(input: { displayName?: string; preferredLocale?: Locale }, options: RequestOptions) {
  return sendJson<Me>("PATCH", "/api/v1/me", input, options);
}

/** DELETE /api/v1/me: erases the account; the person typed DELETE to confirm. */
export function deleteMe(options: RequestOptions): Promise<undefined> {
  return sendJson("DELETE", "/api/v1/me", { confirm: "DELETE" }, options);
}

/** GET /api/v1/me/data as a file download (a plain link: it is a GET with the session cookie). */
export const MY_DATA_HREF = "/api/v1/me/data";

/** GET /api/v1/privacy: the privacy notices, one per register. */
export function fetchPrivacyNotices(options: RequestOptions): Promise<PrivacyNotice[]> {
  return getJson<PrivacyNotice[]>("/api/v1/privacy", options);
}

/** GET /api/v1/admin/people?search=: people and their roles (at most 200). */
export function fetchPeople(search: string, options: RequestOptions): Promise<PersonSummary[]> {
  const query = search.trim() === "" ? "" : `?${new URLSearchParams({ search: search.trim() }).toString()}`;
  return getJson<PersonSummary[]>(`/api/v1/admin/people${query}`, options);
}

function personPath(personId: string): string {
  return `/api/v1/admin/people/${encodeURIComponent(personId)}`;
}

/** POST /api/v1/admin/people/:id/roles: staff and organisation_rep need a scope. */
export function grantRole(personId: string, role: Role, scope: string, options: RequestOptions) {
  const body = scope === "" ? { role } : { role, scope };
  return sendJson("POST", `${personPath(personId)}/roles`, body, options);
}

/** DELETE /api/v1/admin/people/:id/roles/:role?scope= */
export function revokeRole(personId: string, role: Role, scope: string, options: RequestOptions) {
  const query = scope === "" ? "" : `?${new URLSearchParams({ scope }).toString()}`;
  return sendJson(
    "DELETE",
    `${personPath(personId)}/roles/${encodeURIComponent(role)}${query}`,
    undefined,
    options,
  );
}

/** POST /api/v1/admin/people/:id/verify-in-person: an identity and residency check at a service point. */
export function verifyInPerson(
  personId: string,
  input: { henkilotunnus: string; servicePoint: string },
  options: RequestOptions,
) {
  return sendJson("POST", `${personPath(personId)}/verify-in-person`, input, options);
}

/** GET /api/v1/admin/organisations */
export function fetchOrganisations(options: RequestOptions): Promise<Organisation[]> {
  return getJson<Organisation[]>("/api/v1/admin/organisations", options);
}

/** POST /api/v1/admin/organisations: an association or a city unit, with an optional Y-tunnus. */
export function createOrganisation(input: { name: string; yTunnus?: string }, options: RequestOptions) {
  return sendJson<Organisation>("POST", "/api/v1/admin/organisations", input, options);
}

/** The query string of the audit filters (empty ones left out). */
export function auditQuery(filters: AuditFilters): string {
  const query = new URLSearchParams();
  for (const key of ["from", "to", "action"] as const) {
    const value = filters[key];
    if (value) query.set(key, value);
  }
  const text = query.toString();
  return text === "" ? "" : `?${text}`;
}

/** GET /api/v1/admin/audit: newest first, at most 1000 entries. */
export function fetchAudit(filters: AuditFilters, options: RequestOptions): Promise<AuditEntry[]> {
  return getJson<AuditEntry[]>(`/api/v1/admin/audit${auditQuery(filters)}`, options);
}

/** The CSV export of the audit log with the same filters (a plain download link). */
export function auditCsvHref(filters: AuditFilters): string {
  return `/api/v1/admin/audit.csv${auditQuery(filters)}`;
}
