import type { Locale } from "../../../contracts/localized-text.ts";
import type { MailMessage } from "../../platform/mail.ts";

type Template = (link: string) => { subject: string; text: string };

// Plain, short messages; the link is the only call to action, and each says what to do if it was not you.
const TEMPLATES: Record<"verify" | "reset" | "alreadyRegistered", Record<Locale, Template>> = {
  verify: {
    fi: (link) => ({
      subject: "Vahvista sähköpostiosoitteesi – Keskiö",
      text: `Hei,\n\nvahvista sähköpostiosoitteesi Keskiöön avaamalla tämä linkki 24 tunnin kuluessa:\n\n${link}\n\nJos et luonut tiliä, voit jättää viestin huomiotta.\n\nHeinolan kaupunki`,
    }),
    sv: (link) => ({
      subject: "Bekräfta din e-postadress – Keskiö",
      text: `Hej,\n\nbekräfta din e-postadress i Keskiö genom att öppna länken inom 24 timmar:\n\n${link}\n\nOm du inte skapade något konto kan du strunta i meddelandet.\n\nHeinola stad`,
    }),
    en: (link) => ({
      subject: "Confirm your e-mail address – Keskiö",
      text: `Hello,\n\nplease confirm your e-mail address for Keskiö by opening this link within 24 hours:\n\n${link}\n\nIf you did not create an account, you can ignore this message.\n\nCity of Heinola`,
    }),
  },
  reset: {
    fi: (link) => ({
      subject: "Salasanan vaihtaminen – Keskiö",
      text: `Hei,\n\nvoit vaihtaa Keskiön salasanasi tällä linkillä tunnin ajan:\n\n${link}\n\nJos et pyytänyt salasanan vaihtoa, voit jättää viestin huomiotta; salasanasi pysyy ennallaan.\n\nHeinolan kaupunki`,
    }),
    sv: (link) => ({
      subject: "Byte av lösenord – Keskiö",
      text: `Hej,\n\ndu kan byta ditt lösenord i Keskiö med den här länken i en timme:\n\n${link}\n\nOm du inte bad om att byta lösenord kan du strunta i meddelandet; ditt lösenord förblir oförändrat.\n\nHeinola stad`,
    }),
    en: (link) => ({
      subject: "Changing your password – Keskiö",
      text: `Hello,\n\nyou can change your Keskiö password with this link for one hour:\n\n${link}\n\nIf you did not ask to change it, you can ignore this message; your password stays as it is.\n\nCity of Heinola`,
    }),
  },
  alreadyRegistered: {
    fi: (link) => ({
      subject: "Tililläsi yritettiin rekisteröityä – Keskiö",
      text: `Hei,\n\njoku yritti luoda Keskiöön uuden tilin tällä sähköpostiosoitteella, mutta sinulla on jo tili.\nJos se olit sinä ja olet unohtanut salasanasi, voit vaihtaa sen täällä:\n\n${link}\n\nMuuten voit jättää viestin huomiotta.\n\nHeinolan kaupunki`,
    }),
    sv: (link) => ({
      subject: "Någon försökte registrera sig med din adress – Keskiö",
      text: `Hej,\n\nnågon försökte skapa ett nytt konto i Keskiö med den här e-postadressen, men du har redan ett konto.\nOm det var du och du har glömt ditt lösenord kan du byta det här:\n\n${link}\n\nAnnars kan du strunta i meddelandet.\n\nHeinola stad`,
    }),
    en: (link) => ({
      subject: "Someone tried to register with your address – Keskiö",
      text: `Hello,\n\nsomeone tried to create a new Keskiö account with this e-mail address, but you already have one.\nIf it was you and you have forgotten your password, you can change it here:\n\n${link}\n\nOtherwise you can ignore this message.\n\nCity of Heinola`,
    }),
  },
};

/** A localized identity e-mail with its one-time link. */
export function identityMail(
  kind: keyof typeof TEMPLATES,
  locale: Locale,
  to: string,
  link: string,
): MailMessage {
  const { subject, text } = TEMPLATES[kind][locale](link);
  return { to, subject, text, language: locale };
}
