import Type, { type Static } from "typebox";
import { LocalizedText } from "./localized-text.ts";

/** What a volunteer can care about: themes of the strategy's "Hyvä kasvaa Heinolassa" programmes. */
export const THEMES = [
  "elderly",
  "children_youth",
  "culture",
  "sports",
  "environment",
  "events",
  "neighbourhood",
  "digital_help",
] as const;
export type Theme = (typeof THEMES)[number];

/** Skills an opportunity may want and a volunteer may offer. */
export const SKILLS = [
  "reading",
  "coaching",
  "first_aid",
  "driving",
  "physical_work",
  "cooking",
  "languages",
  "it",
  "crafts",
  "customer_service",
] as const;
export type Skill = (typeof SKILLS)[number];

/** Areas of Heinola (a demo grouping of districts, see shared/finland.md) and "remote". */
export const AREAS = ["keskusta", "jyranko", "tommola", "kirkonkyla", "vierumaki", "lusi", "remote"] as const;
export type Area = (typeof AREAS)[number];

export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const DAYPARTS = ["morning", "afternoon", "evening"] as const;
export type Daypart = (typeof DAYPARTS)[number];
/** A weekday and a part of the day in Helsinki time, e.g. "sat-morning". */
export type TimeSlot = `${Weekday}-${Daypart}`;

export const ORGANISATION_KINDS = ["association", "city_unit", "informal_group"] as const;
export const OPPORTUNITY_KINDS = ["one_off", "event", "ongoing"] as const;
export const CONTACT_CHANNELS = ["email", "phone"] as const;

const enumOf = <T extends string>(values: readonly T[]) => Type.Unsafe<T>(Type.String({ enum: [...values] }));

export const ThemeSchema = enumOf(THEMES);
export const SkillSchema = enumOf(SKILLS);
export const AreaSchema = enumOf(AREAS);
export const TimeSlotSchema = Type.Unsafe<TimeSlot>(
  Type.String({ pattern: `^(${WEEKDAYS.join("|")})-(${DAYPARTS.join("|")})$` }),
);

/** What a volunteer wishes: the matching's input, also stored as their profile. */
export const VolunteerProfile = Type.Object(
  {
    interests: Type.Array(ThemeSchema, { maxItems: THEMES.length, uniqueItems: true }),
    skills: Type.Array(SkillSchema, { maxItems: SKILLS.length, uniqueItems: true }),
    areas: Type.Array(AreaSchema, { maxItems: AREAS.length, uniqueItems: true }),
    languages: Type.Array(Type.String({ pattern: "^[a-z]{2}$" }), { maxItems: 10, uniqueItems: true }),
    availability: Type.Array(TimeSlotSchema, { maxItems: 21, uniqueItems: true }),
    age: Type.Optional(Type.Union([Type.Integer({ minimum: 13, maximum: 120 }), Type.Null()])),
    contactBy: Type.Optional(enumOf(CONTACT_CHANNELS)),
  },
  { additionalProperties: false },
);
export type VolunteerProfile = Static<typeof VolunteerProfile>;

/** One reason why an opportunity was suggested (or not); worded by the interface. */
export const MatchReason = Type.Object({
  code: Type.String(),
  value: Type.Optional(Type.String()),
  count: Type.Optional(Type.Integer()),
});
export type MatchReason = Static<typeof MatchReason>;

export const ShiftView = Type.Object({
  id: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  places: Type.Integer(),
  confirmed: Type.Integer(),
  waitlisted: Type.Integer(),
  seriesId: Type.Union([Type.String(), Type.Null()]),
  cancelled: Type.Boolean(),
});
export type ShiftView = Static<typeof ShiftView>;

export const OpportunityView = Type.Object({
  id: Type.String(),
  organisationId: Type.String(),
  organisationName: Type.String(),
  kind: enumOf(OPPORTUNITY_KINDS),
  title: LocalizedText,
  description: LocalizedText,
  themes: Type.Array(ThemeSchema),
  skills: Type.Array(SkillSchema),
  area: AreaSchema,
  place: Type.String(),
  minAge: Type.Union([Type.Integer(), Type.Null()]),
  accessibility: Type.Union([LocalizedText, Type.Null()]),
  needsRecordExtract: Type.Boolean(),
  contactName: Type.String(),
  contactEmail: Type.String(),
  isExample: Type.Boolean(),
  shifts: Type.Array(ShiftView),
});
export type OpportunityView = Static<typeof OpportunityView>;

export const MatchResult = Type.Object({
  opportunity: OpportunityView,
  score: Type.Number(),
  reasons: Type.Array(MatchReason),
});
export type MatchResult = Static<typeof MatchResult>;

export const OrganisationView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: enumOf(ORGANISATION_KINDS),
  yTunnus: Type.Union([Type.String(), Type.Null()]),
  description: LocalizedText,
  contactEmail: Type.String(),
  contactPhone: Type.Union([Type.String(), Type.Null()]),
  status: enumOf(["pending", "approved", "rejected"] as const),
  isExample: Type.Boolean(),
  createdAt: Type.String(),
});
export type OrganisationView = Static<typeof OrganisationView>;

export const SignupStatus = enumOf(["confirmed", "waitlisted", "cancelled"] as const);
export type SignupStatus = Static<typeof SignupStatus>;

export const SignupView = Type.Object({
  id: Type.String(),
  status: SignupStatus,
  position: Type.Union([Type.Integer(), Type.Null()], { description: "Place on the waitlist (1 = next)" }),
  shift: ShiftView,
  opportunityId: Type.String(),
  opportunityTitle: LocalizedText,
  place: Type.String(),
  /** Another of the person's active sign-ups overlaps this one (a moved shift caused it): they should cancel one. */
  clash: Type.Boolean(),
});
export type SignupView = Static<typeof SignupView>;

export const HoursStatus = enumOf(["logged", "confirmed", "rejected"] as const);
export const HoursView = Type.Object({
  id: Type.String(),
  volunteerName: Type.String(),
  opportunityId: Type.String(),
  opportunityTitle: LocalizedText,
  shiftId: Type.Union([Type.String(), Type.Null()]),
  workDate: Type.String(),
  minutes: Type.Integer(),
  note: Type.String(),
  status: HoursStatus,
});
export type HoursView = Static<typeof HoursView>;

/** An invitation the volunteer got from an organisation (shown on their own page). */
export const InvitationView = Type.Object({
  id: Type.String(),
  opportunityId: Type.String(),
  opportunityTitle: LocalizedText,
  organisationName: Type.String(),
  invitedAt: Type.String(),
});
export type InvitationView = Static<typeof InvitationView>;

/**
 * A volunteer suggested for a task, as a representative sees them: a first name (or the name they chose) and the
 * reasons, never an e-mail, phone, address or age. Only people who allowed suggestions appear.
 */
export const SuggestedVolunteer = Type.Object({
  volunteerId: Type.String(),
  name: Type.String(),
  score: Type.Number(),
  reasons: Type.Array(MatchReason),
  invited: Type.Boolean(),
});
export type SuggestedVolunteer = Static<typeof SuggestedVolunteer>;

export const VolunteerMe = Type.Object({
  id: Type.String(),
  displayName: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  hasAccount: Type.Boolean(),
  profile: VolunteerProfile,
  calendarFeedPath: Type.String(),
  signups: Type.Array(SignupView),
  hours: Type.Array(HoursView),
  confirmedMinutes: Type.Integer(),
  /** "Organisations may suggest tasks to me" (off until the person turns it on). */
  allowSuggestions: Type.Boolean(),
  invitations: Type.Array(InvitationView),
});
export type VolunteerMe = Static<typeof VolunteerMe>;

export const RosterEntry = Type.Object({
  signupId: Type.String(),
  volunteerName: Type.String(),
  status: SignupStatus,
  position: Type.Union([Type.Integer(), Type.Null()]),
  /** The person also has another active sign-up at an overlapping time (only a moved shift can cause it). */
  clash: Type.Boolean(),
});

/** Hours of people who helped without a volunteer record, as recorded: how many, how long each, no names. */
export const GroupHoursView = Type.Object({
  id: Type.String(),
  opportunityId: Type.String(),
  workDate: Type.String(),
  people: Type.Integer(),
  minutesEach: Type.Integer(),
  createdAt: Type.String(),
});
export type GroupHoursView = Static<typeof GroupHoursView>;

/** Body of POST /api/v1/volunteering/opportunities/:id/group-hours. */
export const NewGroupHours = Type.Object(
  {
    workDate: Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "Helsinki date of the work" }),
    people: Type.Integer({ minimum: 1, maximum: 500 }),
    minutesEach: Type.Integer({ minimum: 15, maximum: 1440 }),
  },
  { additionalProperties: false },
);
export type NewGroupHours = Static<typeof NewGroupHours>;

export const DashboardShift = Type.Object({
  shift: ShiftView,
  roster: Type.Array(RosterEntry),
});

export const OrganisationDashboard = Type.Object({
  organisation: OrganisationView,
  opportunities: Type.Array(
    Type.Object({
      opportunity: OpportunityView,
      shifts: Type.Array(DashboardShift),
      groupHours: Type.Array(GroupHoursView),
    }),
  ),
  hoursToConfirm: Type.Array(HoursView),
});
export type OrganisationDashboard = Static<typeof OrganisationDashboard>;

/** Body of POST /api/v1/volunteering/opportunities/:id/shifts: one shift, or a weekly series. */
export const NewShifts = Type.Object(
  {
    date: Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "First day, Helsinki time" }),
    startTime: Type.String({ pattern: "^([01]\\d|2[0-3]):[0-5]\\d$" }),
    endTime: Type.String({ pattern: "^([01]\\d|2[0-3]):[0-5]\\d$" }),
    places: Type.Integer({ minimum: 1, maximum: 1000 }),
    weeks: Type.Optional(Type.Integer({ minimum: 1, maximum: 52, description: "1 = one-off" })),
  },
  { additionalProperties: false },
);
export type NewShifts = Static<typeof NewShifts>;

const TimeOfDay = Type.String({ pattern: "^([01]\\d|2[0-3]):[0-5]\\d$" });

/** Body of PATCH /api/v1/volunteering/shifts/:id: new places, a new time (date and both times), or cancel. */
export const ShiftChanges = Type.Object(
  {
    places: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
    cancelled: Type.Optional(Type.Literal(true)),
    date: Type.Optional(Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "Helsinki time" })),
    startTime: Type.Optional(TimeOfDay),
    endTime: Type.Optional(TimeOfDay),
  },
  { additionalProperties: false },
);
export type ShiftChanges = Static<typeof ShiftChanges>;

/**
 * Answer of PATCH /shifts/:id: the shift, how many people were mailed about the change and how many were
 * promoted from the waitlist, and the names (of this shift's own roster) whose other sign-up the new time overlaps.
 */
export const ShiftChangeResult = Type.Object({
  ...ShiftView.properties,
  notified: Type.Integer(),
  promoted: Type.Integer(),
  clashes: Type.Array(Type.String()),
});
export type ShiftChangeResult = Static<typeof ShiftChangeResult>;

/** Body of PATCH /api/v1/volunteering/opportunities/:id: any of the task's facts (themes and kind stay). */
export const OpportunityChanges = Type.Object(
  {
    title: Type.Optional(LocalizedText),
    description: Type.Optional(LocalizedText),
    skills: Type.Optional(Type.Array(SkillSchema, { maxItems: SKILLS.length, uniqueItems: true })),
    area: Type.Optional(AreaSchema),
    place: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    minAge: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 99 }), Type.Null()])),
    accessibility: Type.Optional(Type.Union([LocalizedText, Type.Null()])),
    needsRecordExtract: Type.Optional(Type.Boolean()),
    contactName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    contactEmail: Type.Optional(
      Type.String({ minLength: 3, maxLength: 254, pattern: "^[^\\s@]+@[^\\s@]+\\.[^\\s@]{2,}$" }),
    ),
  },
  { additionalProperties: false },
);
export type OpportunityChanges = Static<typeof OpportunityChanges>;

/** Answer of PATCH /opportunities/:id: the task and how many people signed up were mailed a new place. */
export const OpportunityChangeResult = Type.Object({
  ...OpportunityView.properties,
  notified: Type.Integer(),
});
export type OpportunityChangeResult = Static<typeof OpportunityChangeResult>;

export const NewOpportunity = Type.Object(
  {
    kind: enumOf(OPPORTUNITY_KINDS),
    title: LocalizedText,
    description: LocalizedText,
    themes: Type.Array(ThemeSchema, { minItems: 1, maxItems: THEMES.length, uniqueItems: true }),
    skills: Type.Array(SkillSchema, { maxItems: SKILLS.length, uniqueItems: true }),
    area: AreaSchema,
    place: Type.String({ minLength: 1, maxLength: 200 }),
    minAge: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 99 }), Type.Null()])),
    accessibility: Type.Optional(Type.Union([LocalizedText, Type.Null()])),
    needsRecordExtract: Type.Optional(Type.Boolean()),
    contactName: Type.String({ minLength: 1, maxLength: 100 }),
    contactEmail: Type.String({ minLength: 3, maxLength: 254, pattern: "^[^\\s@]+@[^\\s@]+\\.[^\\s@]{2,}$" }),
  },
  { additionalProperties: false },
);
export type NewOpportunity = Static<typeof NewOpportunity>;

export const NewOrganisation = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 150 }),
    kind: enumOf(ORGANISATION_KINDS),
    yTunnus: Type.Optional(Type.String({ maxLength: 20 })),
    description: LocalizedText,
    contactEmail: Type.String({ minLength: 3, maxLength: 254, pattern: "^[^\\s@]+@[^\\s@]+\\.[^\\s@]{2,}$" }),
    contactPhone: Type.Optional(Type.String({ maxLength: 40, pattern: "^[0-9 +()-]*$" })),
  },
  { additionalProperties: false },
);
export type NewOrganisation = Static<typeof NewOrganisation>;
