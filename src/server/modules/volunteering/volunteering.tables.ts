import type { Insertable, Selectable } from "kysely";

/** volunteering_organisation: an association, a city unit or an informal group; staff approve it. */
export interface OrganisationTable {
  id: string;
  name: string;
  kind: string;
  yTunnus: string | null;
  /** LocalizedText as JSON. */
  description: unknown;
  contactEmail: string;
  contactPhone: string | null;
  status: string;
  decidedBy: string | null;
  decidedAt: string | null;
  createdBy: string | null;
  isExample: number;
  createdAt: string;
}

/** A person (identity id) acting for an organisation. */
export interface RepresentativeTable {
  organisationId: string;
  personId: string;
  addedAt: string;
}

export interface OpportunityTable {
  id: string;
  organisationId: string;
  kind: string;
  title: unknown;
  description: unknown;
  themes: unknown;
  skills: unknown;
  area: string;
  place: string;
  minAge: number | null;
  accessibility: unknown;
  needsRecordExtract: number;
  contactName: string;
  contactEmail: string;
  isExample: number;
  createdAt: string;
  updatedAt: string;
}

export interface ShiftTable {
  id: string;
  opportunityId: string;
  /** Shared by the occurrences of one weekly series. */
  seriesId: string | null;
  startsAt: string;
  endsAt: string;
  places: number;
  cancelledAt: string | null;
  createdAt: string;
}

/** A volunteer: an account holder (personId) or a light profile confirmed by e-mail (no account). */
export interface VolunteerTable {
  id: string;
  personId: string | null;
  email: string | null;
  emailConfirmedAt: string | null;
  displayName: string;
  locale: string;
  /** VolunteerProfile as JSON. */
  profile: unknown;
  /** SHA-256 of the light profile's browser key (its cookie); null for account holders. */
  accessTokenHash: string | null;
  /** SHA-256 of the pending e-mail confirmation token. */
  confirmTokenHash: string | null;
  /** The unguessable part of the personal calendar feed's URL. */
  calendarToken: string;
  /** When the person allowed organisations to suggest tasks to them; null = not allowed (the default). */
  suggestionsAllowedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SignupTable {
  id: string;
  shiftId: string;
  volunteerId: string;
  status: string;
  queuedAt: string;
  /** Order of arrival on the shift, decided under the shift's lock: the waitlist's order. */
  seq: number;
  remindedAt: string | null;
  updatedAt: string;
}

export interface HoursTable {
  id: string;
  volunteerId: string;
  opportunityId: string;
  shiftId: string | null;
  workDate: string;
  minutes: number;
  note: string;
  status: string;
  /** "volunteer" or "representative". */
  loggedBy: string;
  decidedBy: string | null;
  decidedAt: string | null;
  createdAt: string;
}

/** Hours of people who helped without a volunteer record: only how many and how long each (no names). */
export interface GroupHoursTable {
  id: string;
  opportunityId: string;
  workDate: string;
  people: number;
  minutesEach: number;
  /** The representative's person id. */
  recordedBy: string;
  createdAt: string;
}

/** A representative's invitation of a suggested volunteer to a task (one per task and volunteer). */
export interface InvitationTable {
  id: string;
  opportunityId: string;
  volunteerId: string;
  organisationId: string;
  /** The representative's person id. */
  invitedBy: string;
  /** SHA-256 of the mailed link's token that turns suggestions off. */
  optOutTokenHash: string;
  createdAt: string;
}

/** The tables this module owns. */
export interface VolunteeringTables {
  volunteeringOrganisation: OrganisationTable;
  volunteeringRepresentative: RepresentativeTable;
  volunteeringOpportunity: OpportunityTable;
  volunteeringShift: ShiftTable;
  volunteeringVolunteer: VolunteerTable;
  volunteeringSignup: SignupTable;
  volunteeringHours: HoursTable;
  volunteeringInvitation: InvitationTable;
  volunteeringGroupHours: GroupHoursTable;
}

export type OrganisationRow = Selectable<OrganisationTable>;
export type OpportunityRow = Selectable<OpportunityTable>;
export type ShiftRow = Selectable<ShiftTable>;
export type VolunteerRow = Selectable<VolunteerTable>;
export type NewVolunteerRow = Insertable<VolunteerTable>;
export type SignupRow = Selectable<SignupTable>;
export type HoursRow = Selectable<HoursTable>;
export type InvitationRow = Selectable<InvitationTable>;
export type GroupHoursRow = Selectable<GroupHoursTable>;
