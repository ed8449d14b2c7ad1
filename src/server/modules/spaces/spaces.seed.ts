import type { Kysely } from "kysely";
import type { LocalizedText } from "../../../contracts/localized-text.ts";
import type { WeeklyInterval } from "../../../contracts/spaces.ts";
import { inTransaction, writeJson } from "../../db/db.ts";
import { addDays, helsinkiParts, helsinkiToUtc } from "../../lib/helsinki-time.ts";
import type { SeedReport } from "../../platform/module.ts";
import * as repo from "./spaces.repository.ts";
import type { SpacesTables } from "./spaces.tables.ts";

// Demo data (`keskio seed --demo`): the two shared living rooms the strategy names (the library extension with
// its café, and HeiMo), with plausible hours and a few events. Every text says it is example data and every
// row is flagged is_example; HeiMo's address is invented and says so. Fixed ids keep the seed idempotent;
// events are placed relative to the seed date, so a demo always has something ahead.

const EXAMPLE: LocalizedText = { fi: "Esimerkkiaineisto.", sv: "Exempeldata.", en: "Example data." };

function labelled(text: Required<LocalizedText>): LocalizedText {
  return {
    fi: `${text.fi} (${EXAMPLE.fi})`,
    sv: `${text.sv} (${EXAMPLE.sv})`,
    en: `${text.en} (${EXAMPLE.en})`,
  };
}

function week(days: number[], opens: string, closes: string): WeeklyInterval[] {
  return days.map((weekday) => ({ weekday, opens, closes }));
}

const SPACES = [
  {
    id: "0190f5a0-0000-7000-8000-0000000c0001",
    name: "Kirjaston olohuone ja kahvila (esimerkki)",
    description: labelled({
      fi: "Kaupunginkirjaston laajennus: lehtilukusali, kahvila ja tilaa kokoontua ilman varausta.",
      sv: "Stadsbibliotekets utbyggnad: tidningsläsesal, kafé och plats att träffas utan bokning.",
      en: "The city library's extension: a reading room, a café and room to meet without booking.",
    }),
    address: "Kauppakatu 12, 18100 Heinola",
    latitude: 61.2037,
    longitude: 26.0364,
    capacity: 60,
    stepFree: 1,
    accessibleToilet: 1,
    inductionLoop: 1,
    accessibilityNotes: labelled({
      fi: "Sisäänkäynti Kauppakadun puolelta ilman portaita; hissi toiseen kerrokseen.",
      sv: "Ingång från Kauppakatu utan trappor; hiss till andra våningen.",
      en: "Entrance from Kauppakatu without steps; a lift to the first floor.",
    }),
    contactEmail: "kirjasto@example.fi",
    contactPhone: null,
    // A drop-in room: nobody books it.
    bookable: 0,
    weeklyHours: [
      ...week([1, 2, 3, 4], "10:00", "19:00"),
      ...week([5], "10:00", "17:00"),
      ...week([6], "10:00", "15:00"),
    ],
  },
  {
    id: "0190f5a0-0000-7000-8000-0000000c0002",
    name: "HeiMo (esimerkki)",
    description: labelled({
      fi: "Kaikille avoin olohuone: pelejä, ompelukone, kahvia ja iltaisin kerhoja.",
      sv: "Ett vardagsrum öppet för alla: spel, symaskin, kaffe och klubbar på kvällarna.",
      en: "A living room open to all: games, a sewing machine, coffee and clubs in the evenings.",
    }),
    address: "Esimerkkikatu 1, 18100 Heinola (keksitty osoite)",
    latitude: null,
    longitude: null,
    capacity: 30,
    stepFree: 1,
    accessibleToilet: 0,
    inductionLoop: 0,
    accessibilityNotes: null,
    contactEmail: "heimo@example.fi",
    contactPhone: null,
    bookable: 1,
    // Two intervals on weekdays: closed for cleaning over lunch.
    weeklyHours: [
      ...[1, 2, 3, 4, 5].flatMap((d) => [
        { weekday: d, opens: "09:00", closes: "12:00" },
        { weekday: d, opens: "13:00", closes: "20:00" },
      ]),
      ...week([6], "11:00", "16:00"),
    ],
  },
];

const EVENTS = [
  {
    id: "0190f5a0-0000-7000-8000-0000000d0001",
    spaceId: SPACES[0]?.id ?? "",
    inDays: 2,
    start: "10:00",
    end: "11:00",
    title: labelled({ fi: "Satutuokio", sv: "Sagostund", en: "Story time" }),
    description: labelled({
      fi: "Satuja alle kouluikäisille lukunurkassa.",
      sv: "Sagor för barn under skolåldern i läshörnan.",
      en: "Stories for under-school-age children in the reading corner.",
    }),
    organiser: "Heinolan kaupunginkirjasto (esimerkki)",
    price: null,
    signUpUrl: null,
  },
  {
    id: "0190f5a0-0000-7000-8000-0000000d0002",
    spaceId: SPACES[0]?.id ?? "",
    inDays: 6,
    start: "17:30",
    end: "19:00",
    title: labelled({ fi: "Digiapu", sv: "Digihjälp", en: "Digital help" }),
    description: labelled({
      fi: "Apua puhelimen ja tietokoneen käyttöön, oma laite mukaan.",
      sv: "Hjälp med telefon och dator, ta med egen apparat.",
      en: "Help with phones and computers; bring your own device.",
    }),
    organiser: "Digitukiverkosto (esimerkki)",
    price: null,
    signUpUrl: null,
  },
  {
    id: "0190f5a0-0000-7000-8000-0000000d0003",
    spaceId: SPACES[1]?.id ?? "",
    inDays: 3,
    start: "18:00",
    end: "20:00",
    title: labelled({ fi: "Korjauskahvila", sv: "Reparationskafé", en: "Repair café" }),
    description: labelled({
      fi: "Korjataan yhdessä vaatteita ja pieniä sähkölaitteita.",
      sv: "Vi lagar kläder och små elapparater tillsammans.",
      en: "Mending clothes and small appliances together.",
    }),
    organiser: "HeiMon vapaaehtoiset (esimerkki)",
    price: labelled({ fi: "Kahvi 1 €", sv: "Kaffe 1 €", en: "Coffee €1" }),
    signUpUrl: "https://example.fi/korjauskahvila",
  },
];

/** Adds the example spaces and events that are not there yet; never changes what staff have edited. */
export async function seedSpacesDemo(db: Kysely<SpacesTables>, now: Date): Promise<SeedReport> {
  const report: SeedReport = { module: "spaces", created: 0, updated: 0, unchanged: 0 };
  const at = now.toISOString();
  const today = helsinkiParts(now).date;
  await inTransaction(db, async (trx) => {
    for (const space of SPACES) {
      if (await repo.findSpace(trx, space.id)) {
        report.unchanged++;
        continue;
      }
      await repo.insertSpace(trx, {
        ...space,
        description: writeJson(space.description),
        accessibilityNotes: space.accessibilityNotes ? writeJson(space.accessibilityNotes) : null,
        weeklyHours: writeJson(space.weeklyHours),
        isExample: 1,
        createdAt: at,
        updatedAt: at,
      });
      report.created++;
    }
    for (const event of EVENTS) {
      if (await repo.findEvent(trx, event.id)) {
        report.unchanged++;
        continue;
      }
      const date = addDays(today, event.inDays);
      await repo.insertEvent(trx, {
        id: event.id,
        spaceId: event.spaceId,
        title: writeJson(event.title),
        description: writeJson(event.description),
        startsAt: helsinkiToUtc(date, event.start).toISOString(),
        endsAt: helsinkiToUtc(date, event.end).toISOString(),
        organiser: event.organiser,
        price: event.price ? writeJson(event.price) : null,
        signUpUrl: event.signUpUrl,
        isExample: 1,
        createdAt: at,
        updatedAt: at,
      });
      report.created++;
    }
  });
  return report;
}
