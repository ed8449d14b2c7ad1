import type { FastifyBaseLogger } from "fastify";
import type { RequestStatus } from "../../../contracts/feedback.ts";
import { isLocale, type Locale } from "../../../contracts/localized-text.ts";
import type { Mailer } from "../../platform/mail.ts";
import type { Notification } from "./feedback.service.ts";

// E-mail to the reporter after an answer or a status change has committed. Sending never delays or undoes
// the change: a failed send is logged by kind only (never the address) and the status page still shows it.

const STATUS_NAMES: Record<RequestStatus, Record<Locale, string>> = {
  received: { fi: "vastaanotettu", sv: "mottagen", en: "received" },
  allocated: { fi: "ohjattu käsittelijälle", sv: "tilldelad handläggare", en: "allocated to a handler" },
  handling: { fi: "käsittelyssä", sv: "under behandling", en: "being handled" },
  done: { fi: "valmis", sv: "klar", en: "done" },
  closed: { fi: "suljettu", sv: "stängd", en: "closed" },
};

/** The message for one notification, in the reporter's language. */
export function composeNotification(n: Notification, statusUrl: string) {
  const locale: Locale = isLocale(n.locale) ? n.locale : "fi";
  const status = STATUS_NAMES[n.status][locale];
  const subject = {
    fi:
      n.kind === "answer"
        ? `Vastaus palautteeseesi ${n.reference}`
        : `Palautteesi ${n.reference} tila: ${status}`,
    sv:
      n.kind === "answer"
        ? `Svar på din respons ${n.reference}`
        : `Status för din respons ${n.reference}: ${status}`,
    en:
      n.kind === "answer"
        ? `Answer to your feedback ${n.reference}`
        : `Your feedback ${n.reference} is now ${status}`,
  }[locale];
  const intro = {
    fi:
      n.kind === "answer"
        ? "Heinolan kaupunki vastasi palautteeseesi:"
        : `Palautteesi tila on nyt: ${status}.`,
    sv:
      n.kind === "answer"
        ? "Heinola stad svarade på din respons:"
        : `Statusen för din respons är nu: ${status}.`,
    en:
      n.kind === "answer" ? "The City of Heinola answered your feedback:" : `Your feedback is now ${status}.`,
  }[locale];
  const follow = {
    fi: "Palautteen tilan ja historian näet osoitteessa",
    sv: "Status och historik finns på",
    en: "See its status and history at",
  }[locale];
  const footer = {
    fi: "Sait tämän viestin, koska annoit sähköpostiosoitteesi palautteen yhteydessä.",
    sv: "Du fick detta meddelande eftersom du angav din e-postadress med responsen.",
    en: "You received this because you gave your e-mail address with your feedback.",
  }[locale];
  const text = [intro, "", ...(n.text ? [n.text, ""] : []), `${follow} ${statusUrl}`, "", footer].join("\n");
  return { to: n.to, subject, text, language: locale };
}

/** Sends reporter e-mails after commit, in the background. */
export class FeedbackNotifier {
  readonly #mailer: Mailer;
  readonly #baseUrl: string;
  readonly #log: FastifyBaseLogger;
  readonly #pending = new Set<Promise<void>>();

  constructor(mailer: Mailer, baseUrl: string, log: FastifyBaseLogger) {
    this.#mailer = mailer;
    this.#baseUrl = baseUrl.replace(/\/$/, "");
    this.#log = log;
  }

  /** Queues the mail of a committed change; null (no address given) sends nothing. */
  afterCommit(notification: Notification | null): void {
    if (!notification) return;
    const url = `${this.#baseUrl}/feedback/requests/${encodeURIComponent(notification.reference)}`;
    const sending = this.#mailer
      .send(composeNotification(notification, url))
      .catch((error: unknown) => {
        this.#log.warn({ kind: (error as Error).name }, "feedback notification could not be sent");
      })
      .finally(() => this.#pending.delete(sending));
    this.#pending.add(sending);
  }

  /** Waits for mail still being sent (at shutdown and in tests). */
  async settle(): Promise<void> {
    await Promise.all([...this.#pending]);
  }
}
