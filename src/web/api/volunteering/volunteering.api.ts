import type {
  GroupHoursView,
  HoursView,
  MatchResult,
  NewGroupHours,
  NewOpportunity,
  NewOrganisation,
  NewShifts,
  OpportunityChangeResult,
  OpportunityChanges,
  OpportunityView,
  OrganisationDashboard,
  OrganisationView,
  ShiftChangeResult,
  ShiftChanges,
  ShiftView,
  SignupView,
  SuggestedVolunteer,
  VolunteerMe,
  VolunteerProfile,
} from "../../../contracts/volunteering.ts";
import { getJson, type RequestOptions, sendJson } from "../client.ts";

const BASE = "/api/v1/volunteering";

/** POST /match: opportunities ranked for a profile, with reasons (nothing stored). */
export function matchOpportunities(profile: VolunteerProfile, options: RequestOptions) {
  return sendJson<MatchResult[]>("POST", `${BASE}/match`, profile, options);
}

/** GET /opportunities with optional filters. */
export function fetchOpportunities(
  filter: { q?: string; theme?: string; area?: string },
  options: RequestOptions,
) {
  const query = new URLSearchParams(
    Object.entries(filter).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""),
  ).toString();
  return getJson<OpportunityView[]>(`${BASE}/opportunities${query ? `?${query}` : ""}`, options);
}

export function fetchOpportunity(id: string, options: RequestOptions) {
  return getJson<OpportunityView>(`${BASE}/opportunities/${encodeURIComponent(id)}`, options);
}

export function fetchMe(options: RequestOptions) {
  return getJson<VolunteerMe>(`${BASE}/me`, options);
}

export function saveAccountProfile(
  input: { displayName: string; profile: VolunteerProfile; locale: string },
  options: RequestOptions,
) {
  return sendJson<VolunteerMe>("POST", `${BASE}/me`, input, options);
}

export function startLightProfile(
  input: { email: string; displayName: string; profile: VolunteerProfile; locale: string },
  options: RequestOptions,
) {
  return sendJson<{ status: "accepted" }>("POST", `${BASE}/light-profiles`, input, options);
}

export function confirmLightProfile(token: string, options: RequestOptions) {
  return sendJson<VolunteerMe>("POST", `${BASE}/light-profiles/confirm`, { token }, options);
}

export function eraseMe(options: RequestOptions) {
  return sendJson<{ status: "ok" }>("DELETE", `${BASE}/me`, undefined, options);
}

export function signUp(shiftId: string, options: RequestOptions) {
  return sendJson<SignupView>(
    "POST",
    `${BASE}/shifts/${encodeURIComponent(shiftId)}/signups`,
    undefined,
    options,
  );
}

export function cancelSignup(signupId: string, options: RequestOptions) {
  return sendJson<{ promoted: number }>(
    "DELETE",
    `${BASE}/signups/${encodeURIComponent(signupId)}`,
    undefined,
    options,
  );
}

/** Where a sign-up's .ics file downloads from. */
export function signupCalendarHref(signupId: string): string {
  return `${BASE}/signups/${encodeURIComponent(signupId)}/calendar.ics`;
}

export const CERTIFICATE_HREF = `${BASE}/me/certificate.html`;
export const MY_VOLUNTEER_DATA_HREF = `${BASE}/me/export`;

export function logHours(
  input: { opportunityId: string; shiftId?: string; workDate: string; minutes: number; note?: string },
  options: RequestOptions,
) {
  return sendJson<HoursView>("POST", `${BASE}/hours`, input, options);
}

export function fetchMyOrganisations(options: RequestOptions) {
  return getJson<OrganisationView[]>(`${BASE}/organisations/mine`, options);
}

export function registerOrganisation(input: NewOrganisation, options: RequestOptions) {
  return sendJson<OrganisationView>("POST", `${BASE}/organisations`, input, options);
}

export function fetchDashboard(organisationId: string, options: RequestOptions) {
  return getJson<OrganisationDashboard>(
    `${BASE}/organisations/${encodeURIComponent(organisationId)}/dashboard`,
    options,
  );
}

export function createOpportunity(organisationId: string, input: NewOpportunity, options: RequestOptions) {
  return sendJson<OpportunityView>(
    "POST",
    `${BASE}/organisations/${encodeURIComponent(organisationId)}/opportunities`,
    input,
    options,
  );
}

export function addShifts(opportunityId: string, input: NewShifts, options: RequestOptions) {
  return sendJson<ShiftView[]>(
    "POST",
    `${BASE}/opportunities/${encodeURIComponent(opportunityId)}/shifts`,
    input,
    options,
  );
}

export function updateShift(shiftId: string, changes: ShiftChanges, options: RequestOptions) {
  return sendJson<ShiftChangeResult>(
    "PATCH",
    `${BASE}/shifts/${encodeURIComponent(shiftId)}`,
    changes,
    options,
  );
}

export function decideHours(hoursId: string, confirm: boolean, options: RequestOptions) {
  return sendJson<HoursView>(
    "POST",
    `${BASE}/hours/${encodeURIComponent(hoursId)}/decision`,
    { confirm },
    options,
  );
}

export function fetchAllOrganisations(options: RequestOptions) {
  return getJson<OrganisationView[]>(`${BASE}/organisations`, options);
}

export function decideOrganisation(id: string, approve: boolean, options: RequestOptions) {
  return sendJson<OrganisationView>(
    "POST",
    `${BASE}/organisations/${encodeURIComponent(id)}/decision`,
    { approve },
    options,
  );
}

/** PATCH /opportunities/:id: a task's facts; the answer says how many were mailed a new place. */
export function updateOpportunity(
  opportunityId: string,
  changes: OpportunityChanges,
  options: RequestOptions,
) {
  return sendJson<OpportunityChangeResult>(
    "PATCH",
    `${BASE}/opportunities/${encodeURIComponent(opportunityId)}`,
    changes,
    options,
  );
}

/** A representative records (and so confirms) hours for a confirmed sign-up. */
export function recordHours(
  signupId: string,
  input: { minutes: number; note?: string },
  options: RequestOptions,
) {
  return sendJson<HoursView>("POST", `${BASE}/signups/${encodeURIComponent(signupId)}/hours`, input, options);
}

/** Volunteers suggested for a task (only those who allowed it), with reasons. */
export function fetchSuggestions(opportunityId: string, options: RequestOptions) {
  return getJson<SuggestedVolunteer[]>(
    `${BASE}/opportunities/${encodeURIComponent(opportunityId)}/suggestions`,
    options,
  );
}

export function inviteVolunteer(opportunityId: string, volunteerId: string, options: RequestOptions) {
  return sendJson<SuggestedVolunteer>(
    "POST",
    `${BASE}/opportunities/${encodeURIComponent(opportunityId)}/invitations`,
    { volunteerId },
    options,
  );
}

/** "Organisations may suggest tasks to me", on or off. */
export function setSuggestions(allow: boolean, options: RequestOptions) {
  return sendJson<VolunteerMe>("PUT", `${BASE}/me/suggestions`, { allow }, options);
}

/** Stops suggestions with the link of an invitation e-mail. */
export function stopSuggestionsByLink(token: string, options: RequestOptions) {
  return sendJson<{ status: "ok" }>("POST", `${BASE}/suggestions/opt-out`, { token }, options);
}

/** Hours of people who helped without a volunteer record (how many, hours each), confirmed at once. */
export function recordGroupHours(opportunityId: string, input: NewGroupHours, options: RequestOptions) {
  return sendJson<GroupHoursView>(
    "POST",
    `${BASE}/opportunities/${encodeURIComponent(opportunityId)}/group-hours`,
    input,
    options,
  );
}

/** Removes a mistaken entry of hours without a record. */
export function removeGroupHours(id: string, options: RequestOptions) {
  return sendJson<{ status: "ok" }>(
    "DELETE",
    `${BASE}/group-hours/${encodeURIComponent(id)}`,
    undefined,
    options,
  );
}
