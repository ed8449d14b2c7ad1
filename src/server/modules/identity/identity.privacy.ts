import type { PrivacyNotice } from "../../../contracts/identity.ts";

// Headings shared by every notice, in the order the GDPR lists the information.
const H = {
  controller: {
    fi: "Rekisterinpitäjä ja yhteystiedot",
    sv: "Personuppgiftsansvarig och kontaktuppgifter",
    en: "Controller and contact details",
  },
  purpose: {
    fi: "Käsittelyn tarkoitus ja oikeusperuste",
    sv: "Ändamål och rättslig grund",
    en: "Purpose and legal basis",
  },
  data: {
    fi: "Käsiteltävät tiedot ja niiden lähteet",
    sv: "Uppgifter som behandlas och deras källor",
    en: "Data processed and its sources",
  },
  recipients: {
    fi: "Vastaanottajat ja siirrot",
    sv: "Mottagare och överföringar",
    en: "Recipients and transfers",
  },
  retention: { fi: "Säilytysaika", sv: "Lagringstid", en: "Retention" },
  rights: { fi: "Oikeutesi", sv: "Dina rättigheter", en: "Your rights" },
};

const CONTROLLER = {
  fi: "Heinolan kaupunki; asiakaspalvelupiste Torikatu 8, Heinola. Tietosuojavastaavan yhteystiedot ovat kaupungin verkkosivuilla (heinola.fi).",
  sv: "Heinola stad; kundtjänst Torikatu 8, Heinola. Dataskyddsombudets kontaktuppgifter finns på stadens webbplats (heinola.fi).",
  en: "City of Heinola; customer service point Torikatu 8, Heinola, Finland. The data protection officer's contact details are on the city's website (heinola.fi).",
};

const RIGHTS = {
  fi: "Sinulla on oikeus saada pääsy tietoihisi ja ladata ne (Oma tili → Omat tiedot), oikaista ne, poistaa tilisi ja vastustaa käsittelyä. Voit tehdä valituksen tietosuojavaltuutetun toimistolle (tietosuoja.fi).",
  sv: "Du har rätt att få tillgång till dina uppgifter och ladda ner dem (Mitt konto → Mina uppgifter), rätta dem, radera ditt konto och invända mot behandlingen. Du kan klaga hos dataombudsmannens byrå (tietosuoja.fi).",
  en: "You have the right to access your data and download it (My account → My data), to have it corrected, to delete your account and to object to processing. You can complain to the Office of the Data Protection Ombudsman (tietosuoja.fi).",
};

/** The registers of the identity module and the platform. Other modules add theirs as they are built. */
export const PRIVACY_NOTICES: PrivacyNotice[] = [
  {
    register: "accounts",
    name: {
      fi: "Keskiön käyttäjätilit ja tunnistautuminen",
      sv: "Keskiös användarkonton och identifiering",
      en: "Keskiö user accounts and identification",
    },
    sections: [
      { heading: H.controller, body: CONTROLLER },
      {
        heading: H.purpose,
        body: {
          fi: "Tilien ylläpito, kirjautuminen ja sen varmistaminen, että esimerkiksi äänestäjä on heinolalainen ja riittävän vanha. Oikeusperuste on yleisen edun mukainen tehtävä (EU:n tietosuoja-asetus 6 art. 1 e) ja kuntalain 22 § osallistumisesta.",
          sv: "Att upprätthålla konton, inloggning och att säkerställa att till exempel en röstande bor i Heinola och är tillräckligt gammal. Rättslig grund är en uppgift av allmänt intresse (EU:s dataskyddsförordning art. 6.1 e) och 22 § kommunallagen om deltagande.",
          en: "Keeping accounts, signing in, and checking that, for example, a voter lives in Heinola and is old enough. The legal basis is a task carried out in the public interest (GDPR art. 6(1)(e)) and section 22 of the Local Government Act on participation.",
        },
      },
      {
        heading: H.data,
        body: {
          fi: "Sähköpostiosoite, nimi, kieli, salasanan tiiviste (ei salasanaa), roolit. Vahvasta tunnistautumisesta (Suomi.fi tai kaupungin tunnistuspalvelu): syntymäaika, kotikunnan numero ja henkilötunnuksesta avaimella laskettu tiiviste. Henkilötunnusta ei tallenneta.",
          sv: "E-postadress, namn, språk, lösenordets hashvärde (inte lösenordet), roller. Från stark identifiering (Suomi.fi eller stadens identifieringstjänst): födelsedatum, hemkommunens nummer och ett med nyckel beräknat hashvärde av personbeteckningen. Personbeteckningen lagras inte.",
          en: "E-mail address, name, language, a hash of the password (not the password), roles. From strong identification (Suomi.fi or the city's identity service): date of birth, home municipality number and a keyed hash of the personal identity code. The identity code itself is not stored.",
        },
      },
      {
        heading: H.recipients,
        body: {
          fi: "Tietoja ei luovuteta eikä siirretä EU:n tai ETA:n ulkopuolelle. Palvelimen ylläpitäjä käsittelee tietoja kaupungin lukuun.",
          sv: "Uppgifterna lämnas inte ut och överförs inte utanför EU eller EES. Den som driver servern behandlar uppgifterna för stadens räkning.",
          en: "The data is not disclosed, nor transferred outside the EU or EEA. The server's operator processes it on the city's behalf.",
        },
      },
      {
        heading: H.retention,
        body: {
          fi: "Tili säilyy, kunnes poistat sen. Istunnot vanhenevat viimeistään 12 tunnissa ja kertakäyttöiset linkit tunnissa tai vuorokaudessa.",
          sv: "Kontot finns kvar tills du raderar det. Sessioner går ut senast efter 12 timmar och engångslänkar efter en timme eller ett dygn.",
          en: "Your account is kept until you delete it. Sessions expire within 12 hours, and one-time links within an hour or a day.",
        },
      },
      { heading: H.rights, body: RIGHTS },
    ],
  },
  {
    register: "audit",
    name: {
      fi: "Tietoturvan ja ylläpidon lokitiedot",
      sv: "Loggar för informationssäkerhet och administration",
      en: "Security and administration log",
    },
    sections: [
      { heading: H.controller, body: CONTROLLER },
      {
        heading: H.purpose,
        body: {
          fi: "Kirjautumisten, väärinkäytösten torjunnan ja henkilöstön toimenpiteiden seuranta, kuten tiedonhallintalaki (906/2019) edellyttää. Oikeusperuste on lakisääteinen velvoite ja yleisen edun mukainen tehtävä.",
          sv: "Uppföljning av inloggningar, förhindrande av missbruk och personalens åtgärder, så som lagen om informationshantering (906/2019) kräver. Rättslig grund är en rättslig förpliktelse och en uppgift av allmänt intresse.",
          en: "Following sign-ins, preventing misuse and recording staff actions, as the Information Management Act (906/2019) requires. The legal basis is a legal obligation and a task in the public interest.",
        },
      },
      {
        heading: H.data,
        body: {
          fi: "Tapahtuman aika, tyyppi, tekijän ja kohteen tunniste sekä tulos. Ei henkilötunnuksia, salasanoja eikä IP-osoitteita.",
          sv: "Händelsens tid, typ, aktörens och målets id samt resultat. Inga personbeteckningar, lösenord eller IP-adresser.",
          en: "Time, kind of event, the ids of who acted and on what, and the outcome. No identity codes, passwords or IP addresses.",
        },
      },
      {
        heading: H.recipients,
        body: {
          fi: "Vain kaupungin nimeämät ylläpitäjät näkevät lokin. Tietoja ei siirretä EU:n tai ETA:n ulkopuolelle.",
          sv: "Endast administratörer som staden utsett ser loggen. Uppgifterna överförs inte utanför EU eller EES.",
          en: "Only administrators appointed by the city can read the log. It is not transferred outside the EU or EEA.",
        },
      },
      {
        heading: H.retention,
        body: {
          fi: "Lokia ei voi muuttaa jälkikäteen. Se säilytetään kaupungin tiedonohjaussuunnitelman mukaisesti.",
          sv: "Loggen kan inte ändras i efterhand. Den bevaras enligt stadens informationsstyrningsplan.",
          en: "The log cannot be changed afterwards. It is kept as the city's records management plan sets out.",
        },
      },
      { heading: H.rights, body: RIGHTS },
    ],
  },
  {
    register: "volunteering",
    name: {
      fi: "Vapaaehtoistoiminnan rekisteri",
      sv: "Registret över frivilligverksamhet",
      en: "Volunteering register",
    },
    sections: [
      { heading: H.controller, body: CONTROLLER },
      {
        heading: H.purpose,
        body: {
          fi: "Vapaaehtoisten ja vapaaehtoistehtävien yhteen saattaminen: ilmoittautumiset vuoroihin, muistutukset, tuntien vahvistaminen ja todistukset. Oikeusperuste on suostumuksesi (EU:n tietosuoja-asetus 6 art. 1 a), jonka voit perua poistamalla tietosi.",
          sv: "Att föra samman volontärer och frivilliguppdrag: anmälningar till pass, påminnelser, bekräftelse av timmar och intyg. Rättslig grund är ditt samtycke (EU:s dataskyddsförordning art. 6.1 a), som du kan återkalla genom att radera dina uppgifter.",
          en: "Connecting volunteers with volunteer tasks: sign-ups for shifts, reminders, confirming hours and certificates. The legal basis is your consent (GDPR art. 6(1)(a)), which you can withdraw by erasing your data.",
        },
      },
      {
        heading: H.data,
        body: {
          fi: "Nimi, sähköpostiosoite (ilman tiliä tehdyssä profiilissa), kiinnostukset, osaaminen, alueet, vapaat ajat ja ilmoittamasi ikä, ilmoittautumiset ja kirjatut tunnit. Rikostaustaotteita tai terveystietoja ei tallenneta. Tiedot saadaan sinulta ja tunteja vahvistavalta järjestöltä.",
          sv: "Namn, e-postadress (i en profil utan konto), intressen, kunskaper, områden, lediga tider och den ålder du angett, anmälningar och registrerade timmar. Straffregisterutdrag eller hälsouppgifter lagras inte. Uppgifterna kommer från dig och från organisationen som bekräftar timmarna.",
          en: "Name, e-mail address (for a profile without an account), interests, skills, areas, free times and the age you gave, sign-ups and logged hours. No criminal record extracts or health data are stored. The data comes from you and from the organisation that confirms your hours.",
        },
      },
      {
        heading: H.recipients,
        body: {
          fi: "Järjestö näkee nimesi vain niissä vuoroissa, joihin ilmoittaudut, eikä sähköpostiosoitettasi. Avoimessa datassa on vain koostetietoja, joista alle viiden henkilön ryhmät on jätetty pois. Tietoja ei siirretä EU:n tai ETA:n ulkopuolelle.",
          sv: "Organisationen ser ditt namn bara på de pass du anmält dig till, och inte din e-postadress. Öppna data innehåller bara sammanställningar där grupper med färre än fem personer har utelämnats. Uppgifterna överförs inte utanför EU eller EES.",
          en: "An organisation sees your name only on the shifts you sign up for, and never your e-mail address. Open data holds only totals, leaving out groups of fewer than five people. The data is not transferred outside the EU or EEA.",
        },
      },
      {
        heading: H.retention,
        body: {
          fi: "Tiedot säilyvät, kunnes poistat ne omalta vapaaehtoissivultasi. Vahvistetut tunnit jäävät tilastoihin ilman nimeä.",
          sv: "Uppgifterna finns kvar tills du raderar dem på din volontärsida. Bekräftade timmar stannar i statistiken utan namn.",
          en: "The data is kept until you erase it on your volunteering page. Confirmed hours stay in the statistics without a name.",
        },
      },
      { heading: H.rights, body: RIGHTS },
    ],
  },
];
