import type { Locale } from "../../../contracts/localized-text.ts";
import type { MailMessage } from "../../platform/mail.ts";

// Plain, short messages in the volunteer's language. They carry the task, the time in Helsinki and a link;
// never other volunteers' names.

type Facts = {
  title: string;
  when: string;
  place: string;
  link: string;
  optOutLink?: string;
  organisation?: string;
  /** The person's other shifts that the new time overlaps, one per line (their own sign-ups only). */
  clash?: string;
};

const CLASH: Record<Locale, (list: string) => string> = {
  fi: (list) =>
    `\n\nHuomaa: uusi aika menee päällekkäin toisen vuorosi kanssa:\n\n${list}\n\nEt voi olla molemmissa. Peru toinen vuoroista omalla sivullasi; kumpikin ilmoittautuminen on voimassa, kunnes perut toisen.`,
  sv: (list) =>
    `\n\nObs: den nya tiden överlappar ett annat av dina pass:\n\n${list}\n\nDu kan inte vara med på båda. Avboka det ena passet på din egen sida; båda anmälningarna gäller tills du avbokar det ena.`,
  en: (list) =>
    `\n\nPlease note: the new time overlaps another of your shifts:\n\n${list}\n\nYou cannot be at both. Cancel one of them on your own page; both sign-ups stand until you cancel one.`,
};

const SIGNATURE: Record<Locale, string> = {
  fi: "Heinolan kaupunki",
  sv: "Heinola stad",
  en: "City of Heinola",
};

const TEMPLATES = {
  confirmProfile: {
    fi: (f: Facts) => ({
      subject: "Vahvista vapaaehtoisprofiilisi – Keskiö",
      text: `Hei,\n\nvahvista vapaaehtoisprofiilisi avaamalla tämä linkki 7 päivän kuluessa:\n\n${f.link}\n\nJos et täyttänyt lomaketta, voit jättää viestin huomiotta.`,
    }),
    sv: (f: Facts) => ({
      subject: "Bekräfta din volontärprofil – Keskiö",
      text: `Hej,\n\nbekräfta din volontärprofil genom att öppna länken inom 7 dagar:\n\n${f.link}\n\nOm du inte fyllde i formuläret kan du strunta i meddelandet.`,
    }),
    en: (f: Facts) => ({
      subject: "Confirm your volunteer profile – Keskiö",
      text: `Hello,\n\nplease confirm your volunteer profile by opening this link within 7 days:\n\n${f.link}\n\nIf you did not fill in the form, you can ignore this message.`,
    }),
  },
  promoted: {
    fi: (f: Facts) => ({
      subject: `Pääsit mukaan: ${f.title} – Keskiö`,
      text: `Hei,\n\nvuoroon vapautui paikka, ja ilmoittautumisesi jonosta on nyt vahvistettu.\n\n${f.title}\n${f.when}\n${f.place}\n\nOmat vuorosi: ${f.link}`,
    }),
    sv: (f: Facts) => ({
      subject: `Du fick en plats: ${f.title} – Keskiö`,
      text: `Hej,\n\nen plats blev ledig och din anmälan från kön är nu bekräftad.\n\n${f.title}\n${f.when}\n${f.place}\n\nDina pass: ${f.link}`,
    }),
    en: (f: Facts) => ({
      subject: `You have a place: ${f.title} – Keskiö`,
      text: `Hello,\n\na place became free and your sign-up from the waiting list is now confirmed.\n\n${f.title}\n${f.when}\n${f.place}\n\nYour shifts: ${f.link}`,
    }),
  },
  reminder: {
    fi: (f: Facts) => ({
      subject: `Muistutus vapaaehtoisvuorosta: ${f.title} – Keskiö`,
      text: `Hei,\n\nmuistutus tulevasta vuorostasi:\n\n${f.title}\n${f.when}\n${f.place}\n\nJos et pääse, peru vuoro, niin paikka vapautuu jonossa olevalle: ${f.link}`,
    }),
    sv: (f: Facts) => ({
      subject: `Påminnelse om ditt volontärpass: ${f.title} – Keskiö`,
      text: `Hej,\n\npåminnelse om ditt kommande pass:\n\n${f.title}\n${f.when}\n${f.place}\n\nOm du inte kan komma, avboka så att platsen går till någon i kön: ${f.link}`,
    }),
    en: (f: Facts) => ({
      subject: `Reminder of your volunteer shift: ${f.title} – Keskiö`,
      text: `Hello,\n\na reminder of your coming shift:\n\n${f.title}\n${f.when}\n${f.place}\n\nIf you cannot come, please cancel so the place goes to someone on the waiting list: ${f.link}`,
    }),
  },
  shiftCancelled: {
    fi: (f: Facts) => ({
      subject: `Vuoro peruttu: ${f.title} – Keskiö`,
      text: `Hei,\n\njärjestäjä perui vuoron, johon olit ilmoittautunut:\n\n${f.title}\n${f.when}\n${f.place}\n\nMuita tehtäviä: ${f.link}`,
    }),
    sv: (f: Facts) => ({
      subject: `Passet är inställt: ${f.title} – Keskiö`,
      text: `Hej,\n\narrangören ställde in passet som du hade anmält dig till:\n\n${f.title}\n${f.when}\n${f.place}\n\nAndra uppdrag: ${f.link}`,
    }),
    en: (f: Facts) => ({
      subject: `Shift cancelled: ${f.title} – Keskiö`,
      text: `Hello,\n\nthe organiser cancelled the shift you had signed up for:\n\n${f.title}\n${f.when}\n${f.place}\n\nOther tasks: ${f.link}`,
    }),
  },
  shiftChanged: {
    fi: (f: Facts) => ({
      subject: `Vuoro muuttui: ${f.title} – Keskiö`,
      text: `Hei,\n\njärjestäjä muutti vuoroa, johon olet ilmoittautunut. Uudet tiedot:\n\n${f.title}\n${f.when}\n${f.place}\n\nJos et pääse uuteen aikaan, peru vuoro, niin paikka vapautuu jonossa olevalle: ${f.link}${f.clash ? CLASH.fi(f.clash) : ""}`,
    }),
    sv: (f: Facts) => ({
      subject: `Passet har ändrats: ${f.title} – Keskiö`,
      text: `Hej,\n\narrangören ändrade passet som du har anmält dig till. De nya uppgifterna:\n\n${f.title}\n${f.when}\n${f.place}\n\nOm du inte kan komma vid den nya tiden, avboka så att platsen går till någon i kön: ${f.link}${f.clash ? CLASH.sv(f.clash) : ""}`,
    }),
    en: (f: Facts) => ({
      subject: `Shift changed: ${f.title} – Keskiö`,
      text: `Hello,\n\nthe organiser changed the shift you signed up for. The new details:\n\n${f.title}\n${f.when}\n${f.place}\n\nIf you cannot come at the new time, please cancel so the place goes to someone on the waiting list: ${f.link}${f.clash ? CLASH.en(f.clash) : ""}`,
    }),
  },
  invitation: {
    fi: (f: Facts) => ({
      subject: `Kutsu vapaaehtoistehtävään: ${f.title} – Keskiö`,
      text: `Hei,\n\n${f.organisation ?? ""} kutsuu sinut tehtävään, joka sopii profiiliisi:\n\n${f.title}\n${f.link}\n\nSait viestin, koska sallit järjestöjen ehdottaa sinulle tehtäviä. Voit lopettaa ehdotukset tästä: ${f.optOutLink ?? ""}`,
    }),
    sv: (f: Facts) => ({
      subject: `Inbjudan till ett volontäruppdrag: ${f.title} – Keskiö`,
      text: `Hej,\n\n${f.organisation ?? ""} bjuder in dig till ett uppdrag som passar din profil:\n\n${f.title}\n${f.link}\n\nDu fick meddelandet eftersom du har tillåtit organisationer att föreslå uppdrag för dig. Du kan stoppa förslagen här: ${f.optOutLink ?? ""}`,
    }),
    en: (f: Facts) => ({
      subject: `Invitation to a volunteer task: ${f.title} – Keskiö`,
      text: `Hello,\n\n${f.organisation ?? ""} invites you to a task that fits your profile:\n\n${f.title}\n${f.link}\n\nYou got this message because you allowed organisations to suggest tasks to you. You can stop the suggestions here: ${f.optOutLink ?? ""}`,
    }),
  },
} as const;

/** A localized volunteering e-mail. */
export function volunteeringMail(
  kind: keyof typeof TEMPLATES,
  locale: Locale,
  to: string,
  facts: Facts,
): MailMessage {
  const { subject, text } = TEMPLATES[kind][locale](facts);
  return { to, subject, text: `${text}\n\n${SIGNATURE[locale]}`, language: locale };
}

const WHEN = new Map<Locale, Intl.DateTimeFormat>();

/** A shift's time as a person reads it, in Helsinki time. */
export function formatShiftTime(startsAt: Date, endsAt: Date, locale: Locale): string {
  let format = WHEN.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : `${locale}-FI`, {
      timeZone: "Europe/Helsinki",
      weekday: "short",
      day: "numeric",
      month: "numeric",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
    });
    WHEN.set(locale, format);
  }
  return format.formatRange(startsAt, endsAt);
}
