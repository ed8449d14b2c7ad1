import { type Command, InvalidArgumentError } from "commander";
import type { Kysely } from "kysely";
import { isLocale, type Locale, type LocalizedText } from "../../../contracts/localized-text.ts";
import { asModuleDb, inTransaction, readJson } from "../../db/db.ts";
import { newId } from "../../lib/ids.ts";
import { createMailer, type Mailer } from "../../platform/mail.ts";
import type { CommandContext } from "../../platform/module.ts";
import { roleContactsOf } from "../identity/index.ts";
import { type Breach, currentBreach, DEFAULT_LEAD_AFTER_HOURS, nextEscalation } from "./domain/escalation.ts";
import { getWallTime, HELSINKI_OFFICE_HOURS, workingHoursBetween } from "./domain/working-hours.ts";
import {
  insertEvent,
  recordDigest,
  selectDigestRecipients,
  selectOverdue,
  selectServices,
  updateEscalation,
} from "./feedback.repository.ts";
import type { FeedbackTables } from "./feedback.tables.ts";

// Escalation of overdue requests and the handlers' daily digest (issue 6 §4–5), run by
// `keskio feedback digest`. Who hears of what, kept simple with the roles identity offers:
//   level 1 (a promise passed): the unit's handlers, i.e. people with the staff role scoped to the unit;
//   level 2 (still open a further period later, by default one working day): also the unit's lead, i.e. the
//   admin role scoped to the unit, or the platform's administrators (admin without scope) when it has none.
// Staff without a scope see every unit in the queue but are not mailed every unit's backlog.

/** Someone the digest may go to: their role, and the unit it is scoped to ("" for none). */
export interface DigestContact {
  personId: string;
  email: string;
  locale: string;
  role: string;
  scope: string;
}

/** What the digest needs from outside the module: the mailer, the address of the web app, the contacts. */
export interface DigestDeps {
  db: Kysely<FeedbackTables>;
  mailer: Mailer;
  publicUrl: string;
  now: Date;
  contactsOf: (roles: ("staff" | "admin")[], scopes: string[]) => Promise<DigestContact[]>;
  leadAfterHours?: number;
}

/** What a run did (or, dry, would do). */
export interface DigestResult {
  day: string;
  overdue: number;
  escalated: number;
  toLead: number;
  recipients: number;
  sent: number;
  alreadySent: number;
  failed: number;
}

interface Item {
  id: string;
  reference: string;
  unit: string;
  service: LocalizedText;
  breach: Breach;
  level: number;
  hoursLate: number;
}

/** The Helsinki calendar day of an instant, "YYYY-MM-DD": the digest goes out once per such day. */
export function helsinkiDay(now: Date): string {
  const w = getWallTime(now, HELSINKI_OFFICE_HOURS.timeZone);
  return `${w.year}-${String(w.month).padStart(2, "0")}-${String(w.day).padStart(2, "0")}`;
}

/**
 * Raises the escalation of every overdue request that needs it (each level once per breach, with an internal
 * "escalated" history entry), then mails each handler one list of their units' overdue requests. A person
 * mailed already today is skipped unless `force`; `dryRun` changes and sends nothing.
 */
export async function runDigest(
  deps: DigestDeps,
  options: { dryRun?: boolean; force?: boolean } = {},
): Promise<DigestResult> {
  const { db, now } = deps;
  const at = now.toISOString();
  const day = helsinkiDay(now);
  const leadAfter = deps.leadAfterHours ?? DEFAULT_LEAD_AFTER_HOURS;
  const [rows, services] = await Promise.all([selectOverdue(db, at), selectServices(db, true)]);
  const serviceNames = new Map(services.map((s) => [s.service.id, readJson<LocalizedText>(s.service.name)]));
  const result: DigestResult = {
    day,
    overdue: 0,
    escalated: 0,
    toLead: 0,
    recipients: 0,
    sent: 0,
    alreadySent: 0,
    failed: 0,
  };
  const items: Item[] = [];
  for (const row of rows) {
    const subject = {
      isOpen: true,
      firstResponseAt: row.firstResponseAt,
      expectedFirstResponseAt: row.expectedFirstResponseAt,
      expectedResolutionAt: row.expectedResolutionAt,
      level: Math.min(2, Math.max(0, row.escalationLevel)) as 0 | 1 | 2,
      breach: row.escalationBreach as Breach | null,
    };
    const found = currentBreach(subject, now);
    if (!found) continue;
    let level = subject.breach === found.breach ? subject.level : 0;
    const next = nextEscalation(subject, now, leadAfter);
    if (next) {
      const raised =
        options.dryRun === true ||
        (await inTransaction(db, async (trx) => {
          const changed = await updateEscalation(trx, row.id, subject, {
            ...next,
            breach: next.breach ?? found.breach,
            at,
          });
          if (changed)
            await insertEvent(trx, row.id, {
              id: newId(now.getTime()),
              at,
              kind: "escalated",
              status: null,
              note: `${found.breach}:${next.level}`,
              isInternal: 1,
              actorId: null,
            });
          return changed;
        }));
      if (raised) {
        result.escalated++;
        if (next.level === 2) result.toLead++;
        level = next.level;
      }
    }
    items.push({
      id: row.id,
      reference: row.reference,
      unit: row.unit,
      service: serviceNames.get(row.serviceId) ?? { fi: "" },
      breach: found.breach,
      level,
      hoursLate: workingHoursBetween(new Date(found.due), now),
    });
  }
  result.overdue = items.length;
  if (items.length === 0) return result;

  const units = [...new Set(items.map((i) => i.unit))];
  const contacts = await deps.contactsOf(["staff", "admin"], [...units, ""]);
  const unitsWithLead = new Set(
    contacts.filter((c) => c.role === "admin" && c.scope !== "").map((c) => c.scope),
  );
  const perPerson = new Map<string, { contact: DigestContact; items: Map<string, Item> }>();
  for (const contact of contacts) {
    const mine = items.filter((i) =>
      contact.role === "staff"
        ? contact.scope === i.unit
        : i.level === 2 && (contact.scope === i.unit || (contact.scope === "" && !unitsWithLead.has(i.unit))),
    );
    if (mine.length === 0) continue;
    const entry = perPerson.get(contact.personId) ?? { contact, items: new Map<string, Item>() };
    for (const i of mine) entry.items.set(i.id, i);
    perPerson.set(contact.personId, entry);
  }
  result.recipients = perPerson.size;
  const mailedToday = options.force ? new Set<string>() : await selectDigestRecipients(db, day);
  const base = deps.publicUrl.replace(/\/$/, "");
  for (const [personId, { contact, items: theirs }] of perPerson) {
    if (mailedToday.has(personId)) {
      result.alreadySent++;
      continue;
    }
    if (options.dryRun) continue;
    const list = [...theirs.values()].sort((a, b) => b.hoursLate - a.hoursLate);
    try {
      await deps.mailer.send(composeDigest(list, contact, base));
      await recordDigest(db, { day, personId, items: list.length, sentAt: new Date().toISOString() });
      result.sent++;
    } catch {
      // The address is personal data: the count tells the operator, the next run retries.
      result.failed++;
    }
  }
  return result;
}

const TEXT = {
  subject: {
    fi: (n: number) => `Palaute: ${n} myöhässä olevaa pyyntöä`,
    sv: (n: number) => `Respons: ${n} försenade ärenden`,
    en: (n: number) => `Feedback: ${n} overdue requests`,
  },
  intro: {
    fi: "Nämä palautteet ovat ylittäneet lupausajan (työtunteina, arkipyhät ja viikonloput pois lukien):",
    sv: "Dessa ärenden har passerat den utlovade tiden (i arbetstimmar, helgdagar och veckoslut oräknade):",
    en: "These requests have passed their promised time (in working hours, weekends and public holidays not counted):",
  },
  breach: {
    first_response: {
      fi: "ensivastaus",
      sv: "första svar",
      en: "first response",
    },
    resolution: { fi: "ratkaisu", sv: "åtgärd", en: "resolution" },
  },
  late: {
    fi: (h: string, what: string) => `${what} myöhässä ${h} työtuntia`,
    sv: (h: string, what: string) => `${what} försenat ${h} arbetstimmar`,
    en: (h: string, what: string) => `${what} ${h} working hours late`,
  },
  lead: {
    fi: "eskaloitu esihenkilölle",
    sv: "eskalerat till chefen",
    en: "escalated to the unit's lead",
  },
  footer: {
    fi: "Saat tämän koosteen kerran päivässä, koska käsittelet yksikön palautteita Keskiössä.",
    sv: "Du får denna sammanställning en gång om dagen eftersom du handlägger enhetens respons i Keskiö.",
    en: "You get this digest once a day because you handle your unit's feedback in Keskiö.",
  },
} as const;

/** One handler's digest in their language: each request's reference, category, lateness and link. */
export function composeDigest(
  items: readonly Item[],
  contact: Pick<DigestContact, "email" | "locale">,
  baseUrl: string,
) {
  const locale: Locale = isLocale(contact.locale) ? contact.locale : "fi";
  const number = new Intl.NumberFormat(locale === "en" ? "en-GB" : `${locale}-FI`, {
    maximumFractionDigits: 1,
  });
  const lines = items.map((i) => {
    const what = TEXT.breach[i.breach][locale];
    const late = TEXT.late[locale](number.format(i.hoursLate), what.charAt(0).toUpperCase() + what.slice(1));
    const name = i.service[locale] ?? i.service.fi;
    return [
      `- ${i.reference} · ${name} · ${late}${i.level === 2 ? ` (${TEXT.lead[locale]})` : ""}`,
      `  ${baseUrl}/feedback/handling/${i.id}`,
    ].join("\n");
  });
  return {
    to: contact.email,
    subject: TEXT.subject[locale](items.length),
    text: [TEXT.intro[locale], "", ...lines, "", TEXT.footer[locale]].join("\n"),
    language: locale,
  };
}

function parseLeadHours(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 400)
    throw new InvalidArgumentError("expected a whole number of working hours from 1 to 400.");
  return Number(value);
}

/** `keskio feedback digest`: escalate what is overdue, then mail each handler their list (run it daily). */
export function registerDigestCommand(program: Command, context: CommandContext): void {
  program
    .command("feedback")
    .description("feedback: service requests and their response-time promise")
    .command("digest")
    .description(
      "escalate overdue requests, then e-mail each unit's handlers (and, for long-overdue ones, its lead) one list; once a day",
    )
    .option("--dry-run", "count what would be escalated and sent, changing and sending nothing")
    .option("--force", "send again to people already sent today's digest")
    .option(
      "--lead-after <hours>",
      "working hours past a promise before the unit's lead is told (default 8, one working day)",
      parseLeadHours,
      DEFAULT_LEAD_AFTER_HOURS,
    )
    .action(async (options: { dryRun?: boolean; force?: boolean; leadAfter: number }) => {
      const config = context.loadConfig();
      const database = await context.openDatabase();
      const mailer = createMailer(config.mail);
      try {
        const result = await runDigest(
          {
            db: asModuleDb<FeedbackTables>(database.db),
            mailer,
            publicUrl: config.publicUrl,
            now: new Date(),
            contactsOf: (roles, scopes) => roleContactsOf(database, roles, scopes),
            leadAfterHours: options.leadAfter,
          },
          { dryRun: options.dryRun === true, force: options.force === true },
        );
        const verb = options.dryRun ? "would send" : "sent";
        context.out.write(
          `${result.day}: ${result.overdue} overdue, ${result.escalated} escalated (${result.toLead} to the lead); ` +
            `${verb} ${options.dryRun ? result.recipients - result.alreadySent : result.sent} digest(s), ` +
            `${result.alreadySent} already sent today\n`,
        );
        if (result.failed > 0) {
          context.err.write(`${result.failed} digest(s) could not be sent; run again to retry\n`);
          process.exitCode = 1;
        }
      } finally {
        mailer.close();
        await database.destroy();
      }
    });
}
