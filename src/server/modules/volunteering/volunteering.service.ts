import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Role } from "../../../contracts/identity.ts";
import { isLocale, type Locale, type LocalizedText, pickText } from "../../../contracts/localized-text.ts";
import type {
  GroupHoursView,
  HoursView,
  InvitationView,
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
  Theme,
  VolunteerMe,
  VolunteerProfile,
} from "../../../contracts/volunteering.ts";
import type { Config } from "../../config.ts";
import { inTransaction, readJson, writeJson } from "../../db/db.ts";
import { newId } from "../../lib/ids.ts";
import { normalizeYTunnus, validateYTunnus } from "../../lib/y-tunnus.ts";
import { recordAudit } from "../../platform/audit.ts";
import { AppError, type LocalizedDetail } from "../../platform/errors.ts";
import type { Mailer, MailMessage } from "../../platform/mail.ts";
import type { RateLimiter, RateRule } from "../../platform/rate-limit.ts";
import { helsinkiParts, isCalendarDate, weeklyOccurrences } from "./domain/helsinki-time.ts";
import { type CalendarEvent, renderCalendar } from "./domain/ics.ts";
import {
  type MatchableOpportunity,
  rankOpportunities,
  rankVolunteers,
  type VolunteerMatch,
} from "./domain/matching.ts";
import {
  addGroupCells,
  hoursByMonthAndTheme,
  type PublishedCell,
  type PublishedHours,
  type PublishedOpportunities,
  suppressCell,
  suppressCount,
  suppressHours,
  type ThemeCell,
} from "./domain/open-data.ts";
import { formatShiftTime, volunteeringMail } from "./volunteering.mail.ts";
import { hoursToCsv, opportunitiesToCsv, themesToCsv } from "./volunteering.opendata.ts";
import * as repo from "./volunteering.repository.ts";
import type {
  GroupHoursRow,
  HoursRow,
  OpportunityRow,
  OrganisationRow,
  ShiftRow,
  SignupRow,
  VolunteeringTables,
  VolunteerRow,
} from "./volunteering.tables.ts";

type Db = Kysely<VolunteeringTables>;

/** A person's contact as the identity module knows it (verified e-mail only). */
export type ContactOf = (
  personId: string,
) => Promise<{ email: string; locale: string; displayName: string } | null>;

/** Who acts: a signed-in person (with roles) and/or a light profile's browser key. */
export interface Caller {
  personId: string | null;
  roles: readonly { role: Role; scope: string }[];
  accessKey: string | null;
}

export interface VolunteeringDeps {
  db: Db;
  config: Config;
  mailer: Mailer;
  rateLimiter: RateLimiter;
  now: () => Date;
  contactOf: ContactOf;
  /** Where mail failures are reported (kind only, never an address). */
  warn: (what: string) => void;
}

const M = {
  noOrganisation: {
    fi: "Järjestöä ei löytynyt.",
    sv: "Organisationen hittades inte.",
    en: "Organisation not found.",
  },
  noOpportunity: { fi: "Tehtävää ei löytynyt.", sv: "Uppdraget hittades inte.", en: "Task not found." },
  noShift: { fi: "Vuoroa ei löytynyt.", sv: "Passet hittades inte.", en: "Shift not found." },
  noSignup: { fi: "Ilmoittautumista ei löytynyt.", sv: "Anmälan hittades inte.", en: "Sign-up not found." },
  noHours: {
    fi: "Tuntikirjausta ei löytynyt.",
    sv: "Timregistreringen hittades inte.",
    en: "Hours entry not found.",
  },
  noProfile: {
    fi: "Sinulla ei ole vielä vapaaehtoisprofiilia. Täytä ensin ”Mitä minä voisin tehdä?” -lomake.",
    sv: "Du har ännu ingen volontärprofil. Fyll först i formuläret ”Vad kunde jag göra?”.",
    en: 'You have no volunteer profile yet. Fill in the "What could I do?" form first.',
  },
  notRepresentative: {
    fi: "Et edusta tätä järjestöä.",
    sv: "Du representerar inte den här organisationen.",
    en: "You do not represent this organisation.",
  },
  notApproved: {
    fi: "Kaupunki ei ole vielä hyväksynyt järjestöä, joten se ei voi julkaista tehtäviä.",
    sv: "Staden har ännu inte godkänt organisationen, så den kan inte publicera uppdrag.",
    en: "The city has not approved the organisation yet, so it cannot publish tasks.",
  },
  badYTunnus: {
    fi: "Y-tunnus ei kelpaa: tarkista numerot ja tarkistusmerkki (muoto 1234567-8).",
    sv: "FO-numret är ogiltigt: kontrollera siffrorna och kontrolltecknet (formen 1234567-8).",
    en: "The business ID (Y-tunnus) is not valid: check the digits and the check digit (form 1234567-8).",
  },
  yTunnusTaken: {
    fi: "Tällä Y-tunnuksella on jo rekisteröity järjestö.",
    sv: "En organisation med det här FO-numret är redan registrerad.",
    en: "An organisation with this business ID is already registered.",
  },
  alreadySignedUp: {
    fi: "Olet jo ilmoittautunut tähän vuoroon.",
    sv: "Du har redan anmält dig till det här passet.",
    en: "You have already signed up for this shift.",
  },
  overlap: {
    fi: "Olet jo ilmoittautunut toiseen vuoroon, joka on samaan aikaan.",
    sv: "Du har redan anmält dig till ett annat pass vid samma tid.",
    en: "You have already signed up for another shift at the same time.",
  },
  started: {
    fi: "Vuoro on jo alkanut tai päättynyt.",
    sv: "Passet har redan börjat eller slutat.",
    en: "The shift has already started or ended.",
  },
  tooYoung: {
    fi: "Tehtävällä on ikäraja, jota ilmoittamasi ikä ei täytä.",
    sv: "Uppdraget har en åldersgräns som din angivna ålder inte uppfyller.",
    en: "The task has an age limit that your stated age does not meet.",
  },
  ageNeeded: {
    fi: "Tehtävällä on ikäraja: lisää ikäsi profiiliin ennen ilmoittautumista.",
    sv: "Uppdraget har en åldersgräns: ange din ålder i profilen innan du anmäler dig.",
    en: "The task has an age limit: add your age to your profile before signing up.",
  },
  badDate: {
    fi: "Päivämäärä ei ole oikea kalenteripäivä.",
    sv: "Datumet är inte ett riktigt datum.",
    en: "The date is not a real calendar date.",
  },
  pastShift: {
    fi: "Vuoron pitää alkaa tulevaisuudessa.",
    sv: "Passet måste börja i framtiden.",
    en: "The shift must start in the future.",
  },
  futureHours: {
    fi: "Tunteja voi kirjata vain tehdystä työstä (ei tulevaisuuteen).",
    sv: "Timmar kan bara registreras för utfört arbete (inte i framtiden).",
    en: "Hours can only be logged for work already done (not in the future).",
  },
  hoursNotYours: {
    fi: "Voit kirjata tunteja vain tehtäviin, joihin sinulla on ollut vahvistettu vuoro.",
    sv: "Du kan bara registrera timmar för uppdrag där du har haft ett bekräftat pass.",
    en: "You can only log hours for tasks where you have had a confirmed shift.",
  },
  alreadyDecided: {
    fi: "Tämä kirjaus on jo käsitelty.",
    sv: "Den här registreringen är redan behandlad.",
    en: "This entry has already been decided.",
  },
  badToken: {
    fi: "Vahvistuslinkki ei kelpaa tai se on vanhentunut. Täytä lomake uudelleen.",
    sv: "Bekräftelselänken är ogiltig eller har gått ut. Fyll i formuläret igen.",
    en: "The confirmation link is not valid or has expired. Please fill in the form again.",
  },
  throttled: {
    fi: "Liian monta yritystä. Yritä myöhemmin uudelleen.",
    sv: "För många försök. Försök igen senare.",
    en: "Too many attempts. Please try again later.",
  },
  emailNeeded: {
    fi: "Anna sähköpostiosoite, johon vahvistuslinkki lähetetään.",
    sv: "Ange en e-postadress dit bekräftelselänken skickas.",
    en: "Give an e-mail address for the confirmation link.",
  },
  hoursBeforeShift: {
    fi: "Tunteja ei voi kirjata päivälle ennen vuoron alkua.",
    sv: "Timmar kan inte registreras för en dag före passets början.",
    en: "Hours cannot be logged for a day before the shift started.",
  },
  shiftNotStarted: {
    fi: "Vuoro ei ole vielä alkanut, joten sille ei voi kirjata tunteja.",
    sv: "Passet har inte börjat ännu, så timmar kan inte registreras för det.",
    en: "The shift has not started yet, so no hours can be logged for it.",
  },
  signupNotConfirmed: {
    fi: "Ilmoittautumista ei ole vahvistettu (jonossa tai peruttu), joten sille ei voi kirjata tunteja.",
    sv: "Anmälan är inte bekräftad (i kö eller avbokad), så timmar kan inte registreras för den.",
    en: "The sign-up is not confirmed (waiting list or cancelled), so no hours can be logged for it.",
  },
  placesBelowConfirmed: {
    fi: "Paikkoja ei voi vähentää alle vahvistettujen ilmoittautumisten määrän. Peru ensin vuoro tai pyydä osallistujia perumaan.",
    sv: "Antalet platser kan inte bli färre än de bekräftade anmälningarna. Ställ in passet eller be deltagare avboka först.",
    en: "Places cannot go below the number of confirmed sign-ups. Cancel the shift, or ask people to cancel first.",
  },
  shiftCancelled: {
    fi: "Vuoro on peruttu, eikä sitä voi enää muuttaa.",
    sv: "Passet är inställt och kan inte längre ändras.",
    en: "The shift is cancelled and can no longer be changed.",
  },
  timeIncomplete: {
    fi: "Anna uudelle ajalle päivä, alkamis- ja päättymisaika.",
    sv: "Ange datum, start- och sluttid för den nya tiden.",
    en: "Give the date, start and end time for the new time.",
  },
  groupBeforeTask: {
    fi: "Päivä on ennen kuin tehtävä julkaistiin Keskiössä. Tarkista päivämäärä.",
    sv: "Dagen är före uppdraget publicerades i Keskiö. Kontrollera datumet.",
    en: "The day is before the task was published in Keskiö. Check the date.",
  },
  notSuggestible: {
    fi: "Tätä vapaaehtoista ei voi kutsua tähän tehtävään.",
    sv: "Den här volontären kan inte bjudas in till uppdraget.",
    en: "This volunteer cannot be invited to this task.",
  },
  alreadyInvited: {
    fi: "Vapaaehtoinen on jo kutsuttu tähän tehtävään.",
    sv: "Volontären har redan bjudits in till uppdraget.",
    en: "The volunteer has already been invited to this task.",
  },
  inviteLimit: {
    fi: "Kutsujen määrä on rajoitettu: järjestö voi lähettää 20 kutsua vuorokaudessa, ja samalle vapaaehtoiselle menee enintään 3 kutsua viikossa. Yritä myöhemmin uudelleen.",
    sv: "Antalet inbjudningar är begränsat: en organisation kan skicka 20 per dygn och samma volontär får högst 3 i veckan. Försök igen senare.",
    en: "Invitations are limited: an organisation can send 20 a day, and one volunteer gets at most 3 a week. Please try again later.",
  },
  badOptOutLink: {
    fi: "Linkki ei kelpaa. Voit lopettaa ehdotukset myös omalla sivullasi.",
    sv: "Länken är ogiltig. Du kan också stoppa förslagen på din egen sida.",
    en: "The link is not valid. You can also stop the suggestions on your own page.",
  },
} satisfies Record<string, LocalizedDetail>;

/** Invitations an organisation (and each of its representatives) may send in 24 hours. */
export const INVITES_PER_ORGANISATION_DAY = 20;
/** Invitations one volunteer may receive in 7 days, from all organisations together. */
export const INVITES_PER_VOLUNTEER_WEEK = 3;
/** How many suggestions a representative sees for one task. */
const SUGGESTIONS_SHOWN = 20;

const PROFILE_RULE: RateRule = {
  name: "volunteering-profile:ip",
  limit: 10,
  windowSeconds: 3600,
  baseBlockSeconds: 600,
  maxBlockSeconds: 3600,
};
const CONFIRM_LINK_DAYS = 7;
const STAFF_ROLES: ReadonlySet<Role> = new Set(["staff", "admin"]);

/** SHA-256 of a token: the database never holds a usable key. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

function token(): string {
  return randomBytes(32).toString("base64url");
}

const EMPTY_PROFILE: VolunteerProfile = {
  interests: [],
  skills: [],
  areas: [],
  languages: [],
  availability: [],
};

function toOrganisation(row: OrganisationRow): OrganisationView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as OrganisationView["kind"],
    yTunnus: row.yTunnus,
    description: readJson<LocalizedText>(row.description),
    contactEmail: row.contactEmail,
    contactPhone: row.contactPhone,
    status: row.status as OrganisationView["status"],
    isExample: row.isExample === 1,
    createdAt: row.createdAt,
  };
}

function toShift(row: ShiftRow, counts?: { confirmed: number; waitlisted: number }): ShiftView {
  return {
    id: row.id,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    places: row.places,
    confirmed: counts?.confirmed ?? 0,
    waitlisted: counts?.waitlisted ?? 0,
    seriesId: row.seriesId,
    cancelled: row.cancelledAt !== null,
  };
}

function toOpportunity(row: OpportunityRow, organisationName: string, shifts: ShiftView[]): OpportunityView {
  return {
    id: row.id,
    organisationId: row.organisationId,
    organisationName,
    kind: row.kind as OpportunityView["kind"],
    title: readJson<LocalizedText>(row.title),
    description: readJson<LocalizedText>(row.description),
    themes: readJson<OpportunityView["themes"]>(row.themes),
    skills: readJson<OpportunityView["skills"]>(row.skills),
    area: row.area as OpportunityView["area"],
    place: row.place,
    minAge: row.minAge,
    accessibility: row.accessibility == null ? null : readJson<LocalizedText>(row.accessibility),
    needsRecordExtract: row.needsRecordExtract === 1,
    contactName: row.contactName,
    contactEmail: row.contactEmail,
    isExample: row.isExample === 1,
    shifts,
  };
}

function profileOf(row: VolunteerRow): VolunteerProfile {
  return { ...EMPTY_PROFILE, ...readJson<Partial<VolunteerProfile>>(row.profile) };
}

/** The first word of the name the person gave: what a representative sees of a suggested volunteer. */
function firstName(displayName: string): string {
  return displayName.trim().split(/\s+/)[0] ?? "";
}

function localeOf(value: string): Locale {
  return isLocale(value) ? value : "fi";
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function overlaps(a: { startsAt: string; endsAt: string }, b: { startsAt: string; endsAt: string }): boolean {
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

function toGroupHours(row: GroupHoursRow): GroupHoursView {
  return {
    id: row.id,
    opportunityId: row.opportunityId,
    workDate: row.workDate,
    people: row.people,
    minutesEach: row.minutesEach,
    createdAt: row.createdAt,
  };
}

/** The volunteering module's use cases: organisations, opportunities, shifts, volunteers, sign-ups and hours. */
export class VolunteeringService {
  readonly #d: VolunteeringDeps;

  constructor(deps: VolunteeringDeps) {
    this.#d = deps;
  }

  get #db(): Db {
    return this.#d.db;
  }

  get #now(): Date {
    return this.#d.now();
  }

  async #send(message: MailMessage | null): Promise<void> {
    if (!message) return;
    try {
      await this.#d.mailer.send(message);
    } catch {
      // The change is committed; a lost notification must not undo it or fail the request.
      this.#d.warn("volunteering mail could not be sent");
    }
  }

  #isStaff(caller: Caller): boolean {
    return caller.roles.some((r) => STAFF_ROLES.has(r.role));
  }

  async #requireRepresentative(caller: Caller, organisationId: string, db: Db = this.#db) {
    const organisation = await repo.findOrganisation(db, organisationId);
    if (!organisation) throw new AppError("not_found", M.noOrganisation);
    if (this.#isStaff(caller)) return organisation;
    if (!caller.personId || !(await repo.isRepresentative(db, organisationId, caller.personId)))
      throw new AppError("forbidden", M.notRepresentative);
    return organisation;
  }

  // ---- organisations ------------------------------------------------------------------------------------

  /** Registers an organisation; the registering person becomes its representative; staff approve it. */
  async registerOrganisation(caller: Caller, input: NewOrganisation): Promise<OrganisationView> {
    if (!caller.personId) throw new AppError("unauthenticated");
    let yTunnus: string | null = null;
    if (input.yTunnus !== undefined && input.yTunnus.trim() !== "") {
      const check = validateYTunnus(normalizeYTunnus(input.yTunnus));
      if (!check.ok)
        throw new AppError("validation_failed", M.badYTunnus, [{ path: "/yTunnus", message: check.reason }]);
      yTunnus = check.value;
    }
    const at = this.#now.toISOString();
    const row = {
      id: newId(),
      name: input.name.trim(),
      kind: input.kind,
      yTunnus,
      description: writeJson(input.description),
      contactEmail: input.contactEmail.trim(),
      contactPhone: input.contactPhone?.trim() || null,
      status: "pending",
      decidedBy: null,
      decidedAt: null,
      createdBy: caller.personId,
      isExample: 0,
      createdAt: at,
    };
    try {
      await inTransaction(this.#db, async (trx) => {
        await repo.insertOrganisation(trx, row);
        await repo.addRepresentative(trx, row.id, caller.personId as string, at);
      });
    } catch (error) {
      if (repo.isUniqueViolation(error)) throw new AppError("conflict", M.yTunnusTaken);
      throw error;
    }
    return toOrganisation({ ...row });
  }

  /** Organisations for the staff's approval screen (all, pending first). */
  async listOrganisations(): Promise<OrganisationView[]> {
    const rows = await repo.listOrganisations(this.#db);
    const order = { pending: 0, approved: 1, rejected: 2 } as Record<string, number>;
    return rows.map(toOrganisation).sort((a, b) => (order[a.status] ?? 3) - (order[b.status] ?? 3));
  }

  /** The organisations the caller represents. */
  async myOrganisations(caller: Caller): Promise<OrganisationView[]> {
    if (!caller.personId) return [];
    return (await repo.listOrganisationsOf(this.#db, caller.personId)).map(toOrganisation);
  }

  /** Staff approve or reject an organisation. */
  async decideOrganisation(caller: Caller, id: string, approve: boolean): Promise<OrganisationView> {
    const organisation = await repo.findOrganisation(this.#db, id);
    if (!organisation) throw new AppError("not_found", M.noOrganisation);
    const changes = {
      status: approve ? "approved" : "rejected",
      decidedBy: caller.personId,
      decidedAt: this.#now.toISOString(),
    };
    await repo.updateOrganisation(this.#db, id, changes);
    return toOrganisation({ ...organisation, ...changes });
  }

  // ---- opportunities and shifts -------------------------------------------------------------------------

  /** Publishes an opportunity of an approved organisation. */
  async createOpportunity(
    caller: Caller,
    organisationId: string,
    input: NewOpportunity,
  ): Promise<OpportunityView> {
    const organisation = await this.#requireRepresentative(caller, organisationId);
    if (organisation.status !== "approved") throw new AppError("conflict", M.notApproved);
    const at = this.#now.toISOString();
    const row = {
      id: newId(),
      organisationId,
      kind: input.kind,
      title: writeJson(input.title),
      description: writeJson(input.description),
      themes: writeJson(input.themes),
      skills: writeJson(input.skills),
      area: input.area,
      place: input.place.trim(),
      minAge: input.minAge ?? null,
      accessibility: input.accessibility ? writeJson(input.accessibility) : null,
      needsRecordExtract: input.needsRecordExtract ? 1 : 0,
      contactName: input.contactName.trim(),
      contactEmail: input.contactEmail.trim(),
      isExample: 0,
      createdAt: at,
      updatedAt: at,
    };
    await repo.insertOpportunity(this.#db, row);
    return toOpportunity(row, organisation.name, []);
  }

  /** Adds a one-off shift or a weekly series (same Helsinki wall-clock time every week). */
  async addShifts(caller: Caller, opportunityId: string, input: NewShifts): Promise<ShiftView[]> {
    const opportunity = await repo.findOpportunity(this.#db, opportunityId);
    if (!opportunity) throw new AppError("not_found", M.noOpportunity);
    await this.#requireRepresentative(caller, opportunity.organisationId);
    if (!isCalendarDate(input.date))
      throw new AppError("validation_failed", M.badDate, [{ path: "/date", message: "not a calendar date" }]);
    const weeks = input.weeks ?? 1;
    const occurrences = weeklyOccurrences({ ...input, weeks });
    if ((occurrences[0] as { startsAt: Date }).startsAt <= this.#now)
      throw new AppError("validation_failed", M.pastShift, [{ path: "/date", message: "in the past" }]);
    const seriesId = weeks > 1 ? newId() : null;
    const at = this.#now.toISOString();
    const rows = occurrences.map((o) => ({
      id: newId(),
      opportunityId,
      seriesId,
      startsAt: o.startsAt.toISOString(),
      endsAt: o.endsAt.toISOString(),
      places: input.places,
      cancelledAt: null,
      createdAt: at,
    }));
    await repo.insertShifts(this.#db, rows);
    return rows.map((r) => toShift(r));
  }

  /**
   * Changes a shift's places or time, or cancels it. More places promote the waitlist at once. Fewer places
   * than confirmed sign-ups are refused (409), never done by dropping someone: the representative decides whom
   * to ask, and nobody loses a place without being told. A new time (date, start and end together, in the
   * future) is mailed to everyone signed up and resets their reminder; a cancellation is mailed likewise.
   *
   * A move is allowed even when the new time overlaps another shift someone signed up for (the organiser's event
   * cannot wait on one person's other plans): both sign-ups stand, the person's mail names the clashing shift
   * and asks them to cancel one, and the answer lists their names for the representative. The shift's row lock
   * meets the share lock a sign-up takes on the person's other shifts, so no sign-up can slip in unseen.
   */
  async updateShift(caller: Caller, shiftId: string, changes: ShiftChanges): Promise<ShiftChangeResult> {
    const shift = await repo.findShift(this.#db, shiftId);
    if (!shift) throw new AppError("not_found", M.noShift);
    const opportunity = (await repo.findOpportunity(this.#db, shift.opportunityId)) as OpportunityRow;
    await this.#requireRepresentative(caller, opportunity.organisationId);
    const newTime = this.#newShiftTime(changes);
    const { promoted, notify, updated, clashes } = await inTransaction(this.#db, async (trx) => {
      const locked = (await repo.lockShift(trx, shiftId)) as ShiftRow;
      const cancelling = changes.cancelled === true && !locked.cancelledAt;
      if (locked.cancelledAt && (changes.places !== undefined || newTime))
        throw new AppError("conflict", M.shiftCancelled);
      const update: Partial<ShiftRow> = {};
      if (changes.places !== undefined && changes.places !== locked.places) {
        const confirmed = await repo.countConfirmed(trx, shiftId);
        if (changes.places < confirmed)
          throw new AppError("conflict", M.placesBelowConfirmed, [
            { path: "/places", message: `${confirmed} confirmed` },
          ]);
        update.places = changes.places;
      }
      const moved =
        newTime !== null && (newTime.startsAt !== locked.startsAt || newTime.endsAt !== locked.endsAt);
      if (moved) Object.assign(update, newTime);
      if (cancelling) update.cancelledAt = this.#now.toISOString();
      if (Object.keys(update).length > 0) await repo.updateShift(trx, shiftId, update);
      const next = { ...locked, ...update };
      let notifyRows: SignupRow[] = [];
      if (cancelling || (moved && !next.cancelledAt)) notifyRows = await repo.signupsOfShifts(trx, [shiftId]);
      const clashRows: Awaited<ReturnType<typeof repo.activeSignupTimes>> = [];
      if (moved && !next.cancelledAt) {
        const ids = [...new Set(notifyRows.map((s) => s.volunteerId))];
        for (const other of await repo.activeSignupTimes(trx, ids))
          if (other.shiftId !== shiftId && overlaps(other, next)) clashRows.push(other);
        // A reminder sent for the old time says nothing of the new one.
        for (const s of notifyRows) await repo.updateSignup(trx, s.id, { remindedAt: null });
      }
      const promotedRows = next.cancelledAt ? [] : await this.#fillPlaces(trx, next);
      return {
        promoted: promotedRows,
        notify: cancelling || moved ? notifyRows : [],
        updated: next,
        clashes: clashRows,
      };
    });
    for (const signup of promoted)
      await this.#mailAbout("promoted", signup.volunteerId, updated, opportunity);
    const kind = updated.cancelledAt ? "shiftCancelled" : "shiftChanged";
    const clashShifts = await repo.shiftsByIds(this.#db, [...new Set(clashes.map((c) => c.shiftId))]);
    const clashTasks = await repo.opportunitiesByIds(this.#db, [
      ...new Set(clashes.map((c) => c.opportunityId)),
    ]);
    let notified = 0;
    for (const signup of notify) {
      const theirs = clashes
        .filter((c) => c.volunteerId === signup.volunteerId)
        .map((c) => ({
          shift: clashShifts.find((x) => x.id === c.shiftId) as ShiftRow,
          opportunity: clashTasks.find((x) => x.id === c.opportunityId) as OpportunityRow,
        }));
      if (await this.#mailAbout(kind, signup.volunteerId, updated, opportunity, theirs)) notified += 1;
    }
    const clashed = await repo.volunteersByIds(this.#db, [...new Set(clashes.map((c) => c.volunteerId))]);
    const counts = await repo.shiftCounts(this.#db, [shiftId]);
    return {
      ...toShift(updated, counts.get(shiftId)),
      notified,
      promoted: promoted.length,
      clashes: clashed.map((v) => v.displayName).sort((a, b) => a.localeCompare(b, "fi")),
    };
  }

  /** The new start and end of a shift from a change, or null when the change has no time; validated. */
  #newShiftTime(changes: ShiftChanges): { startsAt: string; endsAt: string } | null {
    const { date, startTime, endTime } = changes;
    if (date === undefined && startTime === undefined && endTime === undefined) return null;
    if (date === undefined || startTime === undefined || endTime === undefined)
      throw new AppError("validation_failed", M.timeIncomplete, [{ path: "/date", message: "incomplete" }]);
    if (!isCalendarDate(date))
      throw new AppError("validation_failed", M.badDate, [{ path: "/date", message: "not a calendar date" }]);
    const [occurrence] = weeklyOccurrences({ date, startTime, endTime, weeks: 1 }) as [
      { startsAt: Date; endsAt: Date },
    ];
    if (occurrence.startsAt <= this.#now)
      throw new AppError("validation_failed", M.pastShift, [{ path: "/date", message: "in the past" }]);
    return { startsAt: occurrence.startsAt.toISOString(), endsAt: occurrence.endsAt.toISOString() };
  }

  /**
   * A representative edits a task's facts. A new place (or area) is mailed to everyone signed up for its
   * upcoming shifts (with the shift's time), since they would otherwise go to the old one; the answer says how
   * many were told. Other facts (texts, skills, age limit, accessibility, record extract, contact) show on the
   * task's page at once and are not mailed.
   */
  async updateOpportunity(
    caller: Caller,
    opportunityId: string,
    changes: OpportunityChanges,
  ): Promise<OpportunityChangeResult> {
    const opportunity = await repo.findOpportunity(this.#db, opportunityId);
    if (!opportunity) throw new AppError("not_found", M.noOpportunity);
    const organisation = await this.#requireRepresentative(caller, opportunity.organisationId);
    const update: Partial<OpportunityRow> = { updatedAt: this.#now.toISOString() };
    if (changes.title) update.title = writeJson(changes.title);
    if (changes.description) update.description = writeJson(changes.description);
    if (changes.skills) update.skills = writeJson(changes.skills);
    if (changes.minAge !== undefined) update.minAge = changes.minAge;
    if (changes.accessibility !== undefined)
      update.accessibility = changes.accessibility ? writeJson(changes.accessibility) : null;
    if (changes.needsRecordExtract !== undefined)
      update.needsRecordExtract = changes.needsRecordExtract ? 1 : 0;
    if (changes.contactName?.trim()) update.contactName = changes.contactName.trim();
    if (changes.contactEmail?.trim()) update.contactEmail = changes.contactEmail.trim();
    const place = changes.place?.trim();
    const placeMoved = place !== undefined && place !== "" && place !== opportunity.place;
    if (placeMoved) update.place = place;
    const areaMoved = changes.area !== undefined && changes.area !== opportunity.area;
    if (areaMoved) update.area = changes.area;
    await repo.updateOpportunity(this.#db, opportunityId, update);
    const next = { ...opportunity, ...update };
    let notified = 0;
    if (placeMoved || areaMoved) {
      const now = this.#now.toISOString();
      const shifts = (await repo.listShifts(this.#db, [opportunityId])).filter(
        (s) => s.cancelledAt === null && s.startsAt > now,
      );
      for (const shift of shifts)
        for (const signup of await repo.signupsOfShifts(this.#db, [shift.id]))
          if (await this.#mailAbout("shiftChanged", signup.volunteerId, shift, next)) notified += 1;
    }
    const view = (
      await this.#withShifts([{ ...next, organisationName: organisation.name }], false)
    )[0] as OpportunityView;
    return { ...view, notified };
  }

  /**
   * A representative records hours of people who helped without a volunteer record ("4 people helped 3 h
   * each"): no names or contact, confirmed at once, audited; counted in totals, open data and the indicator,
   * never in a certificate (there is nobody's to put them in).
   */
  async recordGroupHours(
    caller: Caller,
    opportunityId: string,
    input: NewGroupHours,
  ): Promise<GroupHoursView> {
    const opportunity = await repo.findOpportunity(this.#db, opportunityId);
    if (!opportunity) throw new AppError("not_found", M.noOpportunity);
    await this.#requireRepresentative(caller, opportunity.organisationId);
    if (!isCalendarDate(input.workDate))
      throw new AppError("validation_failed", M.badDate, [
        { path: "/workDate", message: "not a calendar date" },
      ]);
    if (input.workDate > this.#helsinkiToday())
      throw new AppError("validation_failed", M.futureHours, [
        { path: "/workDate", message: "in the future" },
      ]);
    if (input.workDate < helsinkiParts(new Date(opportunity.createdAt)).date)
      throw new AppError("validation_failed", M.groupBeforeTask, [
        { path: "/workDate", message: "before the task" },
      ]);
    const row = {
      id: newId(),
      opportunityId,
      workDate: input.workDate,
      people: input.people,
      minutesEach: input.minutesEach,
      recordedBy: caller.personId ?? "",
      createdAt: this.#now.toISOString(),
    };
    await inTransaction(this.#db, async (trx) => {
      await repo.insertGroupHours(trx, row);
      await recordAudit(
        trx,
        {
          actorId: caller.personId,
          action: "volunteering.group_hours_recorded",
          targetType: "volunteering_group_hours",
          targetId: row.id,
          outcome: "success",
          details: {
            organisationId: opportunity.organisationId,
            opportunityId,
            people: input.people,
            minutesEach: input.minutesEach,
          },
        },
        this.#now,
      );
    });
    return toGroupHours(row);
  }

  /** A representative removes a mistaken entry of hours without a record (audited with what it said). */
  async removeGroupHours(caller: Caller, groupHoursId: string): Promise<void> {
    const row = await repo.findGroupHours(this.#db, groupHoursId);
    if (!row) throw new AppError("not_found", M.noHours);
    const opportunity = (await repo.findOpportunity(this.#db, row.opportunityId)) as OpportunityRow;
    await this.#requireRepresentative(caller, opportunity.organisationId);
    await inTransaction(this.#db, async (trx) => {
      await repo.deleteGroupHours(trx, groupHoursId);
      await recordAudit(
        trx,
        {
          actorId: caller.personId,
          action: "volunteering.group_hours_removed",
          targetType: "volunteering_group_hours",
          targetId: row.id,
          outcome: "success",
          details: {
            organisationId: opportunity.organisationId,
            opportunityId: row.opportunityId,
            workDate: row.workDate,
            people: row.people,
            minutesEach: row.minutesEach,
          },
        },
        this.#now,
      );
    });
  }

  /** Promotes the waitlist, in order, into free places of a locked, live shift. */
  async #fillPlaces(trx: Db, shift: ShiftRow): Promise<SignupRow[]> {
    if (shift.cancelledAt || new Date(shift.startsAt) <= this.#now) return [];
    const confirmed = await repo.countConfirmed(trx, shift.id);
    const free = shift.places - confirmed;
    if (free <= 0) return [];
    const queue = (await repo.waitlist(trx, shift.id)).slice(0, free);
    for (const signup of queue)
      await repo.updateSignup(trx, signup.id, { status: "confirmed", updatedAt: this.#now.toISOString() });
    return queue;
  }

  async #mailAbout(
    kind: "promoted" | "reminder" | "shiftCancelled" | "shiftChanged",
    volunteerId: string,
    shift: ShiftRow,
    opportunity: OpportunityRow,
    clashes: { shift: ShiftRow; opportunity: OpportunityRow }[] = [],
  ): Promise<boolean> {
    const volunteer = await repo.findVolunteerBy(this.#db, "id", volunteerId);
    if (!volunteer) return false;
    const contact = await this.#contact(volunteer);
    if (!contact) return false;
    const link = `${this.#d.config.publicUrl}${kind === "shiftCancelled" ? "/volunteering" : "/volunteering/me"}`;
    await this.#send(
      volunteeringMail(kind, contact.locale, contact.email, {
        title: pickText(readJson<LocalizedText>(opportunity.title), contact.locale).text,
        when: formatShiftTime(new Date(shift.startsAt), new Date(shift.endsAt), contact.locale),
        place: opportunity.place,
        link,
        ...(clashes.length > 0
          ? {
              clash: clashes
                .map(
                  (c) =>
                    `${pickText(readJson<LocalizedText>(c.opportunity.title), contact.locale).text}\n${formatShiftTime(new Date(c.shift.startsAt), new Date(c.shift.endsAt), contact.locale)}\n${c.opportunity.place}`,
                )
                .join("\n\n"),
            }
          : {}),
      }),
    );
    return true;
  }

  /** Where to write to a volunteer: the account's verified address, or the light profile's confirmed one. */
  async #contact(volunteer: VolunteerRow): Promise<{ email: string; locale: Locale } | null> {
    if (volunteer.personId) {
      const contact = await this.#d.contactOf(volunteer.personId);
      return contact ? { email: contact.email, locale: localeOf(volunteer.locale) } : null;
    }
    if (volunteer.email && volunteer.emailConfirmedAt)
      return { email: volunteer.email, locale: localeOf(volunteer.locale) };
    return null;
  }

  /** Published opportunities (approved organisations) with their upcoming shifts, filtered. */
  async listOpportunities(
    filter: { q?: string; theme?: Theme; area?: string } = {},
  ): Promise<OpportunityView[]> {
    const rows = await repo.listOpportunities(this.#db, { approvedOnly: true });
    const views = await this.#withShifts(rows, true);
    const q = filter.q?.trim().toLowerCase();
    return views.filter(
      (o) =>
        (!filter.theme || o.themes.includes(filter.theme)) &&
        (!filter.area || o.area === filter.area) &&
        (!q ||
          [
            o.title.fi,
            o.title.sv,
            o.title.en,
            o.description.fi,
            o.description.sv,
            o.description.en,
            o.organisationName,
            o.place,
          ]
            .filter(Boolean)
            .some((text) => (text as string).toLowerCase().includes(q))),
    );
  }

  async #withShifts(
    rows: (OpportunityRow & { organisationName: string })[],
    upcomingOnly: boolean,
  ): Promise<OpportunityView[]> {
    const shifts = await repo.listShifts(
      this.#db,
      rows.map((r) => r.id),
    );
    const now = this.#now.toISOString();
    const live = shifts.filter((s) => !upcomingOnly || (s.cancelledAt === null && s.startsAt > now));
    const counts = await repo.shiftCounts(
      this.#db,
      live.map((s) => s.id),
    );
    return rows.map((row) =>
      toOpportunity(
        row,
        row.organisationName,
        live.filter((s) => s.opportunityId === row.id).map((s) => toShift(s, counts.get(s.id))),
      ),
    );
  }

  /** One published opportunity with its upcoming shifts. */
  async getOpportunity(id: string): Promise<OpportunityView> {
    const found = (await repo.listOpportunities(this.#db, { approvedOnly: true })).find((o) => o.id === id);
    if (!found) throw new AppError("not_found", M.noOpportunity);
    return (await this.#withShifts([found], true))[0] as OpportunityView;
  }

  /** "What could I do?": published opportunities ranked for a profile, with the reasons. */
  async match(profile: VolunteerProfile, locale: Locale): Promise<MatchResult[]> {
    const opportunities = await this.listOpportunities();
    const byId = new Map(opportunities.map((o) => [o.id, o]));
    const matchable = opportunities.map((o) => this.#matchable(o, locale));
    return rankOpportunities(profile, matchable).map((m) => ({
      opportunity: byId.get(m.opportunityId) as OpportunityView,
      score: m.score,
      reasons: m.reasons,
    }));
  }

  // ---- suggested volunteers and invitations (issue 8 §4) ---------------------------------------------------

  #matchable(o: OpportunityView, locale: Locale): MatchableOpportunity {
    return {
      id: o.id,
      title: pickText(o.title, locale).text,
      themes: o.themes,
      skills: o.skills,
      area: o.area,
      minAge: o.minAge,
      ongoing: o.kind === "ongoing" && o.shifts.length === 0,
      shifts: o.shifts.map((s) => ({ startsAt: new Date(s.startsAt), freePlaces: s.places - s.confirmed })),
    };
  }

  async #suggestions(opportunityId: string): Promise<{ view: OpportunityView; ranked: VolunteerMatch[] }> {
    const row = (await repo.listOpportunities(this.#db, {})).find((o) => o.id === opportunityId);
    if (!row) throw new AppError("not_found", M.noOpportunity);
    const view = (await this.#withShifts([row], true))[0] as OpportunityView;
    const signedUp = await repo.volunteersSignedUpFor(this.#db, opportunityId);
    const candidates = (await repo.suggestibleVolunteers(this.#db))
      .filter((v) => !signedUp.has(v.id) && (v.personId !== null || v.emailConfirmedAt !== null))
      .map((v) => ({ id: v.id, name: firstName(v.displayName), profile: profileOf(v) }));
    return { view, ranked: rankVolunteers(this.#matchable(view, "fi"), candidates) };
  }

  /**
   * Volunteers suggested for a task, ranked by the matching's points with the reasons. Only people who allowed
   * suggestions appear, with their first name and the reasons: never contact details or age.
   */
  async suggestVolunteers(caller: Caller, opportunityId: string): Promise<SuggestedVolunteer[]> {
    const opportunity = await repo.findOpportunity(this.#db, opportunityId);
    if (!opportunity) throw new AppError("not_found", M.noOpportunity);
    await this.#requireRepresentative(caller, opportunity.organisationId);
    const { ranked } = await this.#suggestions(opportunityId);
    const invited = new Set(
      (await repo.invitationsOfOpportunity(this.#db, opportunityId)).map((i) => i.volunteerId),
    );
    return ranked.slice(0, SUGGESTIONS_SHOWN).map((m) => ({ ...m, invited: invited.has(m.volunteerId) }));
  }

  /**
   * Invites a suggested volunteer to a task by e-mail, in their language, with a link that stops suggestions.
   * One invitation per task and volunteer (unique index); at most INVITES_PER_ORGANISATION_DAY a day per
   * organisation and per representative, INVITES_PER_VOLUNTEER_WEEK a week per volunteer; recorded and audited.
   */
  async invite(caller: Caller, opportunityId: string, volunteerId: string): Promise<SuggestedVolunteer> {
    const opportunity = await repo.findOpportunity(this.#db, opportunityId);
    if (!opportunity) throw new AppError("not_found", M.noOpportunity);
    const organisation = await this.#requireRepresentative(caller, opportunity.organisationId);
    if (organisation.status !== "approved") throw new AppError("conflict", M.notApproved);
    const { view, ranked } = await this.#suggestions(opportunityId);
    const match = ranked.find((m) => m.volunteerId === volunteerId);
    const volunteer = await repo.findVolunteerBy(this.#db, "id", volunteerId);
    const contact = match && volunteer ? await this.#contact(volunteer) : null;
    if (!match || !volunteer || !contact) throw new AppError("not_found", M.notSuggestible);
    const optOut = token();
    const at = this.#now.toISOString();
    const dayAgo = new Date(this.#now.getTime() - 86_400_000).toISOString();
    const weekAgo = new Date(this.#now.getTime() - 7 * 86_400_000).toISOString();
    const invitedBy = caller.personId ?? "";
    const row = {
      id: newId(),
      opportunityId,
      volunteerId,
      organisationId: organisation.id,
      invitedBy,
      optOutTokenHash: hashToken(optOut),
      createdAt: at,
    };
    try {
      await inTransaction(this.#db, async (trx) => {
        // The volunteer's row lock serialises invitations to one person (PostgreSQL; SQLite is serial).
        await repo.lockVolunteer(trx, volunteerId);
        const limited =
          (await repo.countInvitationsSince(trx, "organisationId", organisation.id, dayAgo)) >=
            INVITES_PER_ORGANISATION_DAY ||
          (await repo.countInvitationsSince(trx, "invitedBy", invitedBy, dayAgo)) >=
            INVITES_PER_ORGANISATION_DAY ||
          (await repo.countInvitationsSince(trx, "volunteerId", volunteerId, weekAgo)) >=
            INVITES_PER_VOLUNTEER_WEEK;
        if (limited) throw new AppError("rate_limited", M.inviteLimit);
        await repo.insertInvitation(trx, row);
        await recordAudit(
          trx,
          {
            actorId: caller.personId,
            action: "volunteering.volunteer_invited",
            targetType: "volunteering_invitation",
            targetId: row.id,
            outcome: "success",
            details: { organisationId: organisation.id, opportunityId },
          },
          this.#now,
        );
      });
    } catch (error) {
      if (repo.isUniqueViolation(error)) throw new AppError("conflict", M.alreadyInvited);
      throw error;
    }
    await this.#send(
      volunteeringMail("invitation", contact.locale, contact.email, {
        title: pickText(view.title, contact.locale).text,
        when: "",
        place: view.place,
        organisation: organisation.name,
        link: `${this.#d.config.publicUrl}/volunteering/opportunities/${opportunityId}`,
        optOutLink: `${this.#d.config.publicUrl}/volunteering/suggestions-off?token=${optOut}`,
      }),
    );
    return { ...match, invited: true };
  }

  /** The volunteer turns "organisations may suggest tasks to me" on or off on their own page. */
  async setSuggestions(caller: Caller, allow: boolean): Promise<VolunteerMe> {
    const volunteer = await this.#requireVolunteer(caller);
    await repo.updateVolunteer(this.#db, volunteer.id, {
      suggestionsAllowedAt: allow ? (volunteer.suggestionsAllowedAt ?? this.#now.toISOString()) : null,
      updatedAt: this.#now.toISOString(),
    });
    return this.me(caller);
  }

  /** Turns suggestions off from the link in an invitation e-mail (no sign-in needed: the token is the proof). */
  async stopSuggestionsByLink(optOutToken: string): Promise<void> {
    const invitation = await repo.findInvitationByToken(this.#db, hashToken(optOutToken));
    if (!invitation) throw new AppError("not_found", M.badOptOutLink);
    await repo.updateVolunteer(this.#db, invitation.volunteerId, {
      suggestionsAllowedAt: null,
      updatedAt: this.#now.toISOString(),
    });
  }

  async #invitationViews(volunteerId: string): Promise<InvitationView[]> {
    const rows = await repo.invitationsOfVolunteer(this.#db, volunteerId);
    const opportunities = await repo.opportunitiesByIds(this.#db, [
      ...new Set(rows.map((r) => r.opportunityId)),
    ]);
    const oppById = new Map(opportunities.map((o) => [o.id, o]));
    const views: InvitationView[] = [];
    for (const r of rows) {
      const o = oppById.get(r.opportunityId) as OpportunityRow;
      const org = await repo.findOrganisation(this.#db, r.organisationId);
      views.push({
        id: r.id,
        opportunityId: r.opportunityId,
        opportunityTitle: readJson<LocalizedText>(o.title),
        organisationName: org?.name ?? "",
        invitedAt: r.createdAt,
      });
    }
    return views;
  }

  // ---- volunteers ---------------------------------------------------------------------------------------

  /** The caller's volunteer profile, or null (no profile yet, or an unknown/unconfirmed key). */
  async resolveVolunteer(caller: Caller): Promise<VolunteerRow | null> {
    if (caller.personId) {
      const own = await repo.findVolunteerBy(this.#db, "personId", caller.personId);
      if (own) return own;
    }
    // A signed-in person without a profile of their own may still use the light profile of this browser.
    if (caller.accessKey) {
      const row = await repo.findVolunteerBy(this.#db, "accessTokenHash", hashToken(caller.accessKey));
      return row?.emailConfirmedAt ? row : null;
    }
    return null;
  }

  async #requireVolunteer(caller: Caller): Promise<VolunteerRow> {
    const volunteer = await this.resolveVolunteer(caller);
    if (!volunteer) throw new AppError("not_found", M.noProfile);
    return volunteer;
  }

  /** Saves the signed-in person's profile (creating it on first use). */
  async saveAccountProfile(
    caller: Caller,
    input: { displayName: string; profile: VolunteerProfile; locale: Locale },
  ): Promise<VolunteerMe> {
    if (!caller.personId) throw new AppError("unauthenticated");
    const at = this.#now.toISOString();
    const existing = await repo.findVolunteerBy(this.#db, "personId", caller.personId);
    if (existing) {
      await repo.updateVolunteer(this.#db, existing.id, {
        displayName: input.displayName.trim(),
        profile: writeJson(input.profile),
        locale: input.locale,
        updatedAt: at,
      });
    } else {
      try {
        await repo.insertVolunteer(this.#db, {
          id: newId(),
          personId: caller.personId,
          email: null,
          emailConfirmedAt: null,
          displayName: input.displayName.trim(),
          locale: input.locale,
          profile: writeJson(input.profile),
          accessTokenHash: null,
          confirmTokenHash: null,
          calendarToken: token(),
          suggestionsAllowedAt: null,
          createdAt: at,
          updatedAt: at,
        });
      } catch (error) {
        // Two tabs saving at once: the unique index kept one profile; save into it.
        if (!repo.isUniqueViolation(error)) throw error;
        return this.saveAccountProfile(caller, input);
      }
    }
    return this.me(caller);
  }

  /** A light profile without an account: stored unconfirmed, and a link is mailed to confirm it. */
  async startLightProfile(
    input: { email: string; displayName: string; profile: VolunteerProfile; locale: Locale },
    ip: string,
  ): Promise<void> {
    const verdict = await this.#d.rateLimiter.check(PROFILE_RULE, ip, this.#now);
    if (!verdict.allowed) throw new AppError("rate_limited", M.throttled);
    await this.#d.rateLimiter.hit(PROFILE_RULE, ip, this.#now);
    const confirm = token();
    const at = this.#now.toISOString();
    await repo.insertVolunteer(this.#db, {
      id: newId(),
      personId: null,
      email: input.email.trim().toLowerCase(),
      emailConfirmedAt: null,
      displayName: input.displayName.trim(),
      locale: input.locale,
      profile: writeJson(input.profile),
      accessTokenHash: null,
      confirmTokenHash: hashToken(confirm),
      calendarToken: token(),
      suggestionsAllowedAt: null,
      createdAt: at,
      updatedAt: at,
    });
    await this.#d.mailer.send(
      volunteeringMail("confirmProfile", input.locale, input.email.trim(), {
        title: "",
        when: "",
        place: "",
        link: `${this.#d.config.publicUrl}/volunteering/confirm?token=${confirm}`,
      }),
    );
  }

  /** Confirms a light profile's e-mail; returns the browser key that identifies it from now on. */
  async confirmLightProfile(confirmToken: string): Promise<string> {
    const row = await repo.findVolunteerBy(this.#db, "confirmTokenHash", hashToken(confirmToken));
    const expired = row && Date.parse(row.createdAt) + CONFIRM_LINK_DAYS * 86_400_000 < this.#now.getTime();
    if (!row || expired) throw new AppError("not_found", M.badToken);
    const key = token();
    await repo.updateVolunteer(this.#db, row.id, {
      emailConfirmedAt: this.#now.toISOString(),
      confirmTokenHash: null,
      accessTokenHash: hashToken(key),
      updatedAt: this.#now.toISOString(),
    });
    return key;
  }

  /** The volunteer's own page: profile, sign-ups and hours. */
  async me(caller: Caller): Promise<VolunteerMe> {
    const volunteer = await this.#requireVolunteer(caller);
    const signups = await repo.signupsOfVolunteer(this.#db, volunteer.id);
    const hours = await repo.hoursOfVolunteer(this.#db, volunteer.id);
    return {
      id: volunteer.id,
      displayName: volunteer.displayName,
      email: volunteer.email,
      hasAccount: volunteer.personId !== null,
      profile: profileOf(volunteer),
      calendarFeedPath: `/api/v1/volunteering/calendar/${volunteer.calendarToken}.ics`,
      signups: await this.#signupViews(signups.filter((s) => s.status !== "cancelled")),
      hours: await this.#hoursViews(hours),
      confirmedMinutes: hours.filter((h) => h.status === "confirmed").reduce((sum, h) => sum + h.minutes, 0),
      allowSuggestions: volunteer.suggestionsAllowedAt !== null,
      invitations: await this.#invitationViews(volunteer.id),
    };
  }

  async #signupViews(signups: SignupRow[]): Promise<SignupView[]> {
    const shifts = await repo.shiftsByIds(
      this.#db,
      signups.map((s) => s.shiftId),
    );
    const shiftById = new Map(shifts.map((s) => [s.id, s]));
    const opportunities = await repo.opportunitiesByIds(this.#db, [
      ...new Set(shifts.map((s) => s.opportunityId)),
    ]);
    const oppById = new Map(opportunities.map((o) => [o.id, o]));
    const counts = await repo.shiftCounts(this.#db, [...shiftById.keys()]);
    const active = await repo.activeSignupTimes(this.#db, [...new Set(signups.map((s) => s.volunteerId))]);
    const views: SignupView[] = [];
    for (const signup of signups) {
      const shift = shiftById.get(signup.shiftId) as ShiftRow;
      const opportunity = oppById.get(shift.opportunityId) as OpportunityRow;
      let position: number | null = null;
      if (signup.status === "waitlisted") {
        const queue = await repo.waitlist(this.#db, shift.id);
        position = queue.findIndex((s) => s.id === signup.id) + 1;
      }
      views.push({
        id: signup.id,
        status: signup.status as SignupView["status"],
        position,
        shift: toShift(shift, counts.get(shift.id)),
        opportunityId: opportunity.id,
        opportunityTitle: readJson<LocalizedText>(opportunity.title),
        place: opportunity.place,
        clash:
          signup.status !== "cancelled" &&
          shift.cancelledAt === null &&
          active.some(
            (a) => a.volunteerId === signup.volunteerId && a.shiftId !== shift.id && overlaps(a, shift),
          ),
      });
    }
    return views.sort((a, b) => a.shift.startsAt.localeCompare(b.shift.startsAt));
  }

  async #hoursViews(rows: HoursRow[]): Promise<HoursView[]> {
    const opportunities = await repo.opportunitiesByIds(this.#db, [
      ...new Set(rows.map((h) => h.opportunityId)),
    ]);
    const oppById = new Map(opportunities.map((o) => [o.id, o]));
    const volunteers = await repo.volunteersByIds(this.#db, [...new Set(rows.map((h) => h.volunteerId))]);
    const nameById = new Map(volunteers.map((v) => [v.id, v.displayName]));
    return rows.map((h) => ({
      id: h.id,
      volunteerName: nameById.get(h.volunteerId) ?? "",
      opportunityId: h.opportunityId,
      opportunityTitle: readJson<LocalizedText>((oppById.get(h.opportunityId) as OpportunityRow).title),
      shiftId: h.shiftId,
      workDate: h.workDate,
      minutes: h.minutes,
      note: h.note,
      status: h.status as HoursView["status"],
    }));
  }

  // ---- sign-ups -----------------------------------------------------------------------------------------

  /**
   * Signs the caller up for a shift: confirmed while places last, otherwise waitlisted. Decided under a lock
   * on the shift (PostgreSQL) or in SQLite's serial transactions, so racing sign-ups never overfill a shift;
   * the person's own row is locked first so that two of their sign-ups cannot overlap.
   */
  async signUp(caller: Caller, shiftId: string): Promise<SignupView> {
    const volunteer = await this.#requireVolunteer(caller);
    const profile = profileOf(volunteer);
    let signupId = "";
    try {
      signupId = await inTransaction(this.#db, async (trx) => {
        await repo.lockVolunteer(trx, volunteer.id);
        // The person's other shifts are share-locked with this one (all in id order, so sign-ups never wait on
        // each other in a circle): a move of one of them waits for this sign-up, or this one reads its new time.
        const others = (await repo.activeSignupTimes(trx, [volunteer.id])).map((s) => s.shiftId);
        const shift = await repo.lockShiftWith(trx, shiftId, others);
        if (!shift || shift.cancelledAt) throw new AppError("not_found", M.noShift);
        if (new Date(shift.startsAt) <= this.#now) throw new AppError("conflict", M.started);
        const opportunity = (await repo.findOpportunity(trx, shift.opportunityId)) as OpportunityRow;
        const organisation = await repo.findOrganisation(trx, opportunity.organisationId);
        if (organisation?.status !== "approved") throw new AppError("not_found", M.noShift);
        if (opportunity.minAge !== null) {
          if (profile.age == null) throw new AppError("conflict", M.ageNeeded);
          if (profile.age < opportunity.minAge) throw new AppError("conflict", M.tooYoung);
        }
        const existing = await repo.findSignupOf(trx, shiftId, volunteer.id);
        if (existing && existing.status !== "cancelled") throw new AppError("conflict", M.alreadySignedUp);
        const clash = await repo.overlapping(trx, volunteer.id, shiftId, shift.startsAt, shift.endsAt);
        if (clash.length > 0) throw new AppError("conflict", M.overlap);
        const confirmed = await repo.countConfirmed(trx, shiftId);
        const status = confirmed < shift.places ? "confirmed" : "waitlisted";
        const seq = await repo.nextSeq(trx, shiftId);
        const at = this.#now.toISOString();
        if (existing) {
          await repo.updateSignup(trx, existing.id, {
            status,
            seq,
            queuedAt: at,
            remindedAt: null,
            updatedAt: at,
          });
          return existing.id;
        }
        const id = newId();
        await repo.insertSignup(trx, {
          id,
          shiftId,
          volunteerId: volunteer.id,
          status,
          queuedAt: at,
          seq,
          remindedAt: null,
          updatedAt: at,
        });
        return id;
      });
    } catch (error) {
      if (repo.isUniqueViolation(error)) throw new AppError("conflict", M.alreadySignedUp);
      throw error;
    }
    const signup = (await repo.findSignup(this.#db, signupId)) as SignupRow;
    return (await this.#signupViews([signup]))[0] as SignupView;
  }

  /** Cancels the caller's sign-up; a freed place goes to the first on the waitlist, who is told by e-mail. */
  async cancelSignup(caller: Caller, signupId: string): Promise<{ promoted: number }> {
    const volunteer = await this.#requireVolunteer(caller);
    const signup = await repo.findSignup(this.#db, signupId);
    if (!signup || signup.volunteerId !== volunteer.id) throw new AppError("not_found", M.noSignup);
    return this.#cancel(signup.id);
  }

  async #cancel(signupId: string): Promise<{ promoted: number }> {
    const { promoted, shift } = await inTransaction(this.#db, async (trx) => {
      const first = (await repo.findSignup(trx, signupId)) as SignupRow;
      const locked = (await repo.lockShift(trx, first.shiftId)) as ShiftRow;
      const current = (await repo.findSignup(trx, signupId)) as SignupRow;
      if (current.status === "cancelled") return { promoted: [] as SignupRow[], shift: locked };
      await repo.updateSignup(trx, signupId, { status: "cancelled", updatedAt: this.#now.toISOString() });
      return { promoted: await this.#fillPlaces(trx, locked), shift: locked };
    });
    if (promoted.length > 0) {
      const opportunity = (await repo.findOpportunity(this.#db, shift.opportunityId)) as OpportunityRow;
      for (const s of promoted) await this.#mailAbout("promoted", s.volunteerId, shift, opportunity);
    }
    return { promoted: promoted.length };
  }

  /** One sign-up's shift as an iCalendar file. */
  async signupCalendar(caller: Caller, signupId: string): Promise<string> {
    const volunteer = await this.#requireVolunteer(caller);
    const signup = await repo.findSignup(this.#db, signupId);
    if (!signup || signup.volunteerId !== volunteer.id || signup.status === "cancelled")
      throw new AppError("not_found", M.noSignup);
    const events = await this.#events([signup], localeOf(volunteer.locale));
    return renderCalendar("Keskiö", events, this.#now);
  }

  /** The personal feed: every active sign-up, and cancelled shifts marked as such so calendars drop them. */
  async calendarFeed(calendarToken: string): Promise<string> {
    const volunteer = await repo.findVolunteerBy(this.#db, "calendarToken", calendarToken);
    if (!volunteer) throw new AppError("not_found");
    const signups = (await repo.signupsOfVolunteer(this.#db, volunteer.id)).filter(
      (s) => s.status !== "cancelled",
    );
    const locale = localeOf(volunteer.locale);
    const name = {
      fi: "Vapaaehtoisvuoroni – Keskiö",
      sv: "Mina volontärpass – Keskiö",
      en: "My volunteer shifts – Keskiö",
    };
    return renderCalendar(name[locale], await this.#events(signups, locale), this.#now);
  }

  async #events(signups: SignupRow[], locale: Locale): Promise<CalendarEvent[]> {
    const shifts = await repo.shiftsByIds(
      this.#db,
      signups.map((s) => s.shiftId),
    );
    const opportunities = await repo.opportunitiesByIds(this.#db, [
      ...new Set(shifts.map((s) => s.opportunityId)),
    ]);
    const oppById = new Map(opportunities.map((o) => [o.id, o]));
    const waitlisted = { fi: "JONOSSA: ", sv: "I KÖ: ", en: "WAITING LIST: " };
    return signups.map((signup) => {
      const shift = shifts.find((s) => s.id === signup.shiftId) as ShiftRow;
      const opportunity = oppById.get(shift.opportunityId) as OpportunityRow;
      const title = pickText(readJson<LocalizedText>(opportunity.title), locale).text;
      return {
        uid: `${shift.id}@keskio`,
        startsAt: new Date(shift.startsAt),
        endsAt: new Date(shift.endsAt),
        summary: `${signup.status === "waitlisted" ? waitlisted[locale] : ""}${title}`,
        location: opportunity.place,
        description: `${pickText(readJson<LocalizedText>(opportunity.description), locale).text}\n${opportunity.contactName} <${opportunity.contactEmail}>\n${this.#d.config.publicUrl}/volunteering/opportunities/${opportunity.id}`,
        cancelled: shift.cancelledAt !== null,
      };
    });
  }

  /** E-mails every confirmed volunteer whose shift starts within `withinHours`, once per sign-up. */
  async remind(withinHours: number, dryRun = false): Promise<{ due: number; sent: number }> {
    const from = this.#now;
    const to = new Date(from.getTime() + withinHours * 3_600_000);
    const due = await repo.dueReminders(this.#db, from.toISOString(), to.toISOString());
    let sent = 0;
    for (const signup of due) {
      if (dryRun) continue;
      const shift = (await repo.findShift(this.#db, signup.shiftId)) as ShiftRow;
      const opportunity = (await repo.findOpportunity(this.#db, shift.opportunityId)) as OpportunityRow;
      // Marked first: a crash after sending would otherwise remind twice, and one reminder less is harmless.
      await repo.updateSignup(this.#db, signup.id, { remindedAt: this.#now.toISOString() });
      if (await this.#mailAbout("reminder", signup.volunteerId, shift, opportunity)) sent += 1;
    }
    return { due: due.length, sent };
  }

  // ---- hours --------------------------------------------------------------------------------------------

  #helsinkiToday(): string {
    return helsinkiParts(this.#now).date;
  }

  /** The volunteer logs hours for a task they had a confirmed shift in (or an ongoing role). */
  async logHours(
    caller: Caller,
    input: { opportunityId: string; shiftId?: string; workDate: string; minutes: number; note?: string },
  ): Promise<HoursView> {
    const volunteer = await this.#requireVolunteer(caller);
    if (!isCalendarDate(input.workDate))
      throw new AppError("validation_failed", M.badDate, [
        { path: "/workDate", message: "not a calendar date" },
      ]);
    if (input.workDate > this.#helsinkiToday())
      throw new AppError("validation_failed", M.futureHours, [
        { path: "/workDate", message: "in the future" },
      ]);
    const opportunity = await repo.findOpportunity(this.#db, input.opportunityId);
    if (!opportunity) throw new AppError("not_found", M.noOpportunity);
    const signups = await repo.signupsOfVolunteer(this.#db, volunteer.id);
    const confirmedIds = new Set(signups.filter((s) => s.status === "confirmed").map((s) => s.shiftId));
    const shifts = await repo.shiftsByIds(
      this.#db,
      signups.map((s) => s.shiftId),
    );
    const mine = shifts.filter((s) => s.opportunityId === opportunity.id && s.cancelledAt === null);
    const confirmedShifts = mine.filter((s) => confirmedIds.has(s.id));
    if (input.shiftId) {
      const shift = confirmedShifts.find((s) => s.id === input.shiftId);
      if (!shift) {
        // A waitlisted or cancelled sign-up is not work done: say so rather than "not yours".
        if (mine.some((s) => s.id === input.shiftId)) throw new AppError("conflict", M.signupNotConfirmed);
        throw new AppError("forbidden", M.hoursNotYours);
      }
      this.#requireStarted(shift, input.workDate);
    } else if (opportunity.kind !== "ongoing") {
      const started = confirmedShifts.filter((s) => new Date(s.startsAt) <= this.#now);
      if (confirmedShifts.length === 0) throw new AppError("forbidden", M.hoursNotYours);
      const first = started.reduce<ShiftRow | null>((a, s) => (!a || s.startsAt < a.startsAt ? s : a), null);
      if (!first)
        throw new AppError("validation_failed", M.shiftNotStarted, [
          { path: "/workDate", message: "no started shift" },
        ]);
      this.#requireStarted(first, input.workDate);
    }
    const row = {
      id: newId(),
      volunteerId: volunteer.id,
      opportunityId: opportunity.id,
      shiftId: input.shiftId ?? null,
      workDate: input.workDate,
      minutes: input.minutes,
      note: input.note?.trim() ?? "",
      status: "logged",
      loggedBy: "volunteer",
      decidedBy: null,
      decidedAt: null,
      createdAt: this.#now.toISOString(),
    };
    await repo.insertHours(this.#db, row);
    return (await this.#hoursViews([row]))[0] as HoursView;
  }

  /** Refuses hours for a shift that has not started, or dated before its first day (Helsinki time). */
  #requireStarted(shift: ShiftRow, workDate: string): void {
    if (new Date(shift.startsAt) > this.#now)
      throw new AppError("validation_failed", M.shiftNotStarted, [
        { path: "/shiftId", message: "not started" },
      ]);
    if (workDate < helsinkiParts(new Date(shift.startsAt)).date)
      throw new AppError("validation_failed", M.hoursBeforeShift, [
        { path: "/workDate", message: "before the shift" },
      ]);
  }

  /**
   * A representative records hours for a confirmed sign-up of a started shift (someone without an account, or
   * who forgot): confirmed at once by the representative, and written to the audit log in the same commit.
   */
  async logHoursForSignup(
    caller: Caller,
    signupId: string,
    minutes: number,
    note: string,
  ): Promise<HoursView> {
    const signup = await repo.findSignup(this.#db, signupId);
    if (!signup) throw new AppError("not_found", M.noSignup);
    const shift = (await repo.findShift(this.#db, signup.shiftId)) as ShiftRow;
    const opportunity = (await repo.findOpportunity(this.#db, shift.opportunityId)) as OpportunityRow;
    await this.#requireRepresentative(caller, opportunity.organisationId);
    if (signup.status !== "confirmed" || shift.cancelledAt)
      throw new AppError("conflict", M.signupNotConfirmed);
    const workDate = helsinkiParts(new Date(shift.startsAt)).date;
    this.#requireStarted(shift, workDate);
    const at = this.#now.toISOString();
    const row = {
      id: newId(),
      volunteerId: signup.volunteerId,
      opportunityId: opportunity.id,
      shiftId: shift.id,
      workDate,
      minutes,
      note: note.trim(),
      status: "confirmed",
      loggedBy: "representative",
      decidedBy: caller.personId,
      decidedAt: at,
      createdAt: at,
    };
    await inTransaction(this.#db, async (trx) => {
      await repo.insertHours(trx, row);
      await recordAudit(
        trx,
        {
          actorId: caller.personId,
          action: "volunteering.hours_recorded",
          targetType: "volunteering_hours",
          targetId: row.id,
          outcome: "success",
          details: { organisationId: opportunity.organisationId, shiftId: shift.id, minutes },
        },
        this.#now,
      );
    });
    return (await this.#hoursViews([row]))[0] as HoursView;
  }

  /** The representative confirms or rejects logged hours. */
  async decideHours(caller: Caller, hoursId: string, confirm: boolean): Promise<HoursView> {
    const hours = await repo.findHours(this.#db, hoursId);
    if (!hours) throw new AppError("not_found", M.noHours);
    const opportunity = (await repo.findOpportunity(this.#db, hours.opportunityId)) as OpportunityRow;
    await this.#requireRepresentative(caller, opportunity.organisationId);
    if (hours.status !== "logged") throw new AppError("conflict", M.alreadyDecided);
    const changes = {
      status: confirm ? "confirmed" : "rejected",
      decidedBy: caller.personId,
      decidedAt: this.#now.toISOString(),
    };
    await repo.updateHours(this.#db, hoursId, changes);
    return (await this.#hoursViews([{ ...hours, ...changes }]))[0] as HoursView;
  }

  /** The representative's dashboard: tasks, shifts with fill and waitlists, hours to confirm. */
  async dashboard(caller: Caller, organisationId: string): Promise<OrganisationDashboard> {
    const organisation = await this.#requireRepresentative(caller, organisationId);
    const rows = await repo.listOpportunities(this.#db, { organisationId });
    const views = await this.#withShifts(rows, false);
    const allShiftIds = views.flatMap((o) => o.shifts.map((s) => s.id));
    const signups = await repo.signupsOfShifts(this.#db, allShiftIds);
    const volunteerIds = [...new Set(signups.map((s) => s.volunteerId))];
    const volunteers = await repo.volunteersByIds(this.#db, volunteerIds);
    const nameById = new Map(volunteers.map((v) => [v.id, v.displayName]));
    const active = await repo.activeSignupTimes(this.#db, volunteerIds);
    const clashing = (volunteerId: string, shift: ShiftView) =>
      !shift.cancelled &&
      active.some((a) => a.volunteerId === volunteerId && a.shiftId !== shift.id && overlaps(a, shift));
    const groupHours = await repo.groupHoursOf(
      this.#db,
      views.map((o) => o.id),
    );
    return {
      organisation: toOrganisation(organisation),
      opportunities: views.map((opportunity) => ({
        opportunity,
        groupHours: groupHours.filter((g) => g.opportunityId === opportunity.id).map(toGroupHours),
        shifts: opportunity.shifts.map((shift) => {
          const roster = signups.filter((s) => s.shiftId === shift.id);
          const queue = roster.filter((s) => s.status === "waitlisted");
          return {
            shift,
            roster: roster.map((s) => ({
              signupId: s.id,
              volunteerName: nameById.get(s.volunteerId) ?? "",
              status: s.status as SignupView["status"],
              position: s.status === "waitlisted" ? queue.indexOf(s) + 1 : null,
              clash: clashing(s.volunteerId, shift),
            })),
          };
        }),
      })),
      hoursToConfirm: await this.#hoursViews(await repo.hoursToConfirm(this.#db, organisationId)),
    };
  }

  /** A printable certificate of the volunteer's confirmed hours (self-contained HTML, no scripts). */
  async certificate(caller: Caller, locale: Locale, nonce: string): Promise<string> {
    const volunteer = await this.#requireVolunteer(caller);
    const hours = (await repo.hoursOfVolunteer(this.#db, volunteer.id)).filter(
      (h) => h.status === "confirmed",
    );
    const opportunities = await repo.opportunitiesByIds(this.#db, [
      ...new Set(hours.map((h) => h.opportunityId)),
    ]);
    const organisations = new Map<string, string>();
    for (const o of opportunities) {
      const org = await repo.findOrganisation(this.#db, o.organisationId);
      organisations.set(o.id, org?.name ?? "");
    }
    const T = {
      fi: {
        title: "Todistus vapaaehtoistyöstä",
        intro: "on tehnyt vapaaehtoistyötä Heinolassa seuraavasti. Tunnit ovat järjestöjen vahvistamia.",
        task: "Tehtävä",
        org: "Järjestö",
        date: "Päivä",
        hours: "Tunnit",
        total: "Yhteensä",
        issued: "Annettu",
        none: "Ei vielä vahvistettuja tunteja.",
      },
      sv: {
        title: "Intyg om volontärarbete",
        intro:
          "har utfört volontärarbete i Heinola enligt följande. Timmarna är bekräftade av organisationerna.",
        task: "Uppdrag",
        org: "Organisation",
        date: "Dag",
        hours: "Timmar",
        total: "Totalt",
        issued: "Utfärdat",
        none: "Inga bekräftade timmar ännu.",
      },
      en: {
        title: "Certificate of volunteering",
        intro: "has volunteered in Heinola as follows. The hours are confirmed by the organisations.",
        task: "Task",
        org: "Organisation",
        date: "Date",
        hours: "Hours",
        total: "Total",
        issued: "Issued",
        none: "No confirmed hours yet.",
      },
    }[locale];
    const fmt = (minutes: number) =>
      (minutes / 60).toLocaleString(locale === "en" ? "en-GB" : `${locale}-FI`, { maximumFractionDigits: 2 });
    const rows = hours
      .map((h) => {
        const o = opportunities.find((x) => x.id === h.opportunityId) as OpportunityRow;
        return `<tr><td>${escapeHtml(pickText(readJson<LocalizedText>(o.title), locale).text)}</td><td>${escapeHtml(organisations.get(o.id) ?? "")}</td><td>${h.workDate}</td><td class="num">${fmt(h.minutes)}</td></tr>`;
      })
      .join("");
    const total = hours.reduce((sum, h) => sum + h.minutes, 0);
    return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${T.title} – Keskiö</title><style nonce="${nonce}">body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #777;padding:.4rem;text-align:left}.num{text-align:right}caption{text-align:left;font-weight:600;margin-bottom:.5rem}@media print{body{margin:0}}</style></head><body><main><h1>${T.title}</h1><p><strong>${escapeHtml(volunteer.displayName)}</strong> ${T.intro}</p>${
      hours.length === 0
        ? `<p>${T.none}</p>`
        : `<table><caption>${T.title}</caption><thead><tr><th scope="col">${T.task}</th><th scope="col">${T.org}</th><th scope="col">${T.date}</th><th scope="col" class="num">${T.hours}</th></tr></thead><tbody>${rows}</tbody><tfoot><tr><th scope="row" colspan="3">${T.total}</th><td class="num">${fmt(total)}</td></tr></tfoot></table>`
    }<p>${T.issued}: ${this.#helsinkiToday()} · Heinolan kaupunki · Keskiö</p></main></body></html>`;
  }

  // ---- figures, open data and personal data ----------------------------------------------------------------

  /**
   * Confirmed volunteer hours of a year (the strategy indicator volunteering.confirmed_hours); null while no
   * hours have been confirmed for it, so an unused module reads as "no data" rather than as zero work.
   */
  async confirmedHours(year: number): Promise<number | null> {
    const minutes =
      (await repo.confirmedMinutesIn(this.#db, year)) + (await repo.groupMinutesIn(this.#db, year));
    return minutes === 0 ? null : Math.round((minutes / 60) * 10) / 10;
  }

  /** Confirmed hours by month and area, cells with fewer than five volunteers suppressed (hours.csv). */
  async hoursCells(): Promise<PublishedHours[]> {
    return suppressHours(
      addGroupCells(await repo.hoursByMonthAndArea(this.#db), await repo.groupHoursByMonthAndArea(this.#db)),
    );
  }

  /**
   * Confirmed hours by month and theme, cells with fewer than five volunteers suppressed (hours-by-theme.csv).
   * A task's hours count in each of its themes, so a month's theme rows add up to more than its total.
   */
  async themeCells(): Promise<PublishedCell<ThemeCell>[]> {
    const entries = (await repo.confirmedHoursWithThemes(this.#db)).map((e) => ({
      ...e,
      themes: readJson<string[]>(e.themes),
    }));
    const groups = (await repo.groupHoursWithThemes(this.#db)).map((g) => ({
      month: g.month,
      volunteerId: null,
      people: g.people,
      minutes: g.minutes,
      themes: readJson<string[]>(g.themes),
    }));
    return hoursByMonthAndTheme([...entries, ...groups]).map(suppressCell);
  }

  /** Published opportunities and shifts by month (Helsinki) and area, counts under five suppressed. */
  async opportunityCells(): Promise<PublishedOpportunities[]> {
    const rows = await repo.publishedShiftAreas(this.#db);
    const cells = new Map<
      string,
      { month: string; area: string; opportunities: Set<string>; shifts: number }
    >();
    for (const r of rows) {
      const month = helsinkiParts(new Date(r.startsAt)).date.slice(0, 7);
      const key = `${month}|${r.area}`;
      const cell = cells.get(key) ?? { month, area: r.area, opportunities: new Set<string>(), shifts: 0 };
      cell.opportunities.add(r.opportunityId);
      cell.shifts += 1;
      cells.set(key, cell);
    }
    return [...cells.values()]
      .sort((a, b) => a.month.localeCompare(b.month) || a.area.localeCompare(b.area))
      .map((c) => ({
        month: c.month,
        area: c.area,
        opportunities: suppressCount(c.opportunities.size),
        shifts: suppressCount(c.shifts),
      }));
  }

  /** hours.csv: confirmed hours by month and area. */
  async hoursCsv(): Promise<string> {
    return hoursToCsv(await this.hoursCells());
  }

  /** hours-by-theme.csv: confirmed hours by month and theme. */
  async hoursByThemeCsv(): Promise<string> {
    return themesToCsv(await this.themeCells());
  }

  /** opportunities.csv: published opportunities and shifts by month and area. */
  async opportunitiesCsv(): Promise<string> {
    return opportunitiesToCsv(await this.opportunityCells());
  }

  /** Everything this module holds about the caller as a volunteer (GDPR art. 15 and 20). */
  async exportMine(caller: Caller): Promise<Record<string, unknown>> {
    const volunteer = await this.#requireVolunteer(caller);
    return this.#export(volunteer);
  }

  async #export(volunteer: VolunteerRow): Promise<Record<string, unknown>> {
    const signups = await repo.signupsOfVolunteer(this.#db, volunteer.id);
    return {
      volunteer: {
        id: volunteer.id,
        displayName: volunteer.displayName,
        email: volunteer.email,
        emailConfirmedAt: volunteer.emailConfirmedAt,
        linkedToAccount: volunteer.personId !== null,
        locale: volunteer.locale,
        profile: profileOf(volunteer),
        suggestionsAllowedAt: volunteer.suggestionsAllowedAt,
        createdAt: volunteer.createdAt,
        updatedAt: volunteer.updatedAt,
      },
      signups: (await this.#signupViews(signups)).map((s) => ({ ...s })),
      hours: await this.#hoursViews(await repo.hoursOfVolunteer(this.#db, volunteer.id)),
      invitations: await this.#invitationViews(volunteer.id),
      representativeOf: volunteer.personId
        ? (await repo.listOrganisationsOf(this.#db, volunteer.personId)).map((o) => ({
            id: o.id,
            name: o.name,
          }))
        : [],
    };
  }

  /** Export for the identity module's "my data" (by account id); null when the person has no volunteer data. */
  async exportPerson(personId: string): Promise<Record<string, unknown> | null> {
    const volunteer = await repo.findVolunteerBy(this.#db, "personId", personId);
    return volunteer ? this.#export(volunteer) : null;
  }

  /**
   * Erases the caller's volunteer data (GDPR art. 17): upcoming sign-ups are cancelled (their places go to the
   * waitlist), the profile is emptied and unlinked; confirmed hours stay as anonymous figures of the stub.
   */
  async eraseMine(caller: Caller): Promise<void> {
    const volunteer = await this.#requireVolunteer(caller);
    await this.#erase(volunteer);
  }

  /** Erasure by account id, for the identity module's account deletion. */
  async erasePerson(personId: string): Promise<void> {
    const volunteer = await repo.findVolunteerBy(this.#db, "personId", personId);
    if (volunteer) await this.#erase(volunteer);
  }

  async #erase(volunteer: VolunteerRow): Promise<void> {
    for (const signup of await repo.signupsOfVolunteer(this.#db, volunteer.id)) {
      if (signup.status !== "cancelled") await this.#cancel(signup.id);
    }
    await repo.updateVolunteer(this.#db, volunteer.id, {
      personId: null,
      email: null,
      emailConfirmedAt: null,
      displayName: "",
      profile: writeJson(EMPTY_PROFILE),
      accessTokenHash: null,
      confirmTokenHash: null,
      calendarToken: `erased-${token()}`,
      suggestionsAllowedAt: null,
      updatedAt: this.#now.toISOString(),
    });
    await repo.clearHoursNotes(this.#db, volunteer.id);
    await repo.deleteInvitationsOf(this.#db, volunteer.id);
  }
}
