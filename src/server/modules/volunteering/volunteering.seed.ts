import type { Kysely } from "kysely";
import type { LocalizedText } from "../../../contracts/localized-text.ts";
import type { Area, Skill, Theme } from "../../../contracts/volunteering.ts";
import { inTransaction, writeJson } from "../../db/db.ts";
import { addDays, helsinkiParts } from "../../lib/helsinki-time.ts";
import { newId } from "../../lib/ids.ts";
import type { SeedReport } from "../../platform/module.ts";
import { weeklyOccurrences } from "./domain/helsinki-time.ts";
import * as repo from "./volunteering.repository.ts";
import type { VolunteeringTables } from "./volunteering.tables.ts";

// Demo data (`keskio seed --demo`): realistic Heinola tasks, every one labelled "esimerkkiaineisto / example
// data" in its text and flagged is_example. Places are real (library Kauppakatu 12, Harjupaviljonki,
// Vierumäki); the organisations are invented. Fixed ids keep the seed idempotent.

const EXAMPLE = { fi: "Esimerkkiaineisto.", sv: "Exempeldata.", en: "Example data." };

function labelled(text: LocalizedText): LocalizedText {
  return {
    fi: `${text.fi} (${EXAMPLE.fi})`,
    sv: `${text.sv} (${EXAMPLE.sv})`,
    en: `${text.en} (${EXAMPLE.en})`,
  };
}

type DemoOpportunity = {
  id: string;
  kind: "one_off" | "event" | "ongoing";
  title: LocalizedText;
  description: LocalizedText;
  themes: Theme[];
  skills: Skill[];
  area: Area;
  place: string;
  minAge: number | null;
  accessibility: LocalizedText | null;
  needsRecordExtract: boolean;
  /** Days from the seed date, weekly count, Helsinki times, places. */
  shifts: { inDays: number; weeks: number; start: string; end: string; places: number }[];
};

const ORGANISATIONS = [
  {
    id: "0190f5a0-0000-7000-8000-00000000a001",
    name: "Heinolan kaupunginkirjasto (esimerkki)",
    kind: "city_unit",
    yTunnus: null,
    description: labelled({
      fi: "Kaupunginkirjasto Kauppakatu 12:ssa.",
      sv: "Stadsbiblioteket på Kauppakatu 12.",
      en: "The city library at Kauppakatu 12.",
    }),
    contactEmail: "kirjasto@example.fi",
  },
  {
    id: "0190f5a0-0000-7000-8000-00000000a002",
    name: "Heinolan Kesätapahtumat ry (esimerkki)",
    kind: "association",
    yTunnus: "9876543-0",
    description: labelled({
      fi: "Järjestää kesän yleisötapahtumia Harjupaviljongilla ja satamassa.",
      sv: "Ordnar sommarevenemang vid Harjupaviljonki och i hamnen.",
      en: "Organises summer events at Harjupaviljonki and the harbour.",
    }),
    contactEmail: "tapahtumat@example.fi",
  },
  {
    id: "0190f5a0-0000-7000-8000-00000000a003",
    name: "Naapuriapu Jyränkö (esimerkki)",
    kind: "informal_group",
    yTunnus: null,
    description: labelled({
      fi: "Naapurit auttavat ikäihmisiä arjessa.",
      sv: "Grannar hjälper äldre i vardagen.",
      en: "Neighbours helping older people day to day.",
    }),
    contactEmail: "naapuriapu@example.fi",
  },
  {
    id: "0190f5a0-0000-7000-8000-00000000a004",
    name: "Vierumäen Urheiluseura ry (esimerkki)",
    kind: "association",
    yTunnus: "9123456-5",
    description: labelled({
      fi: "Lasten ja nuorten liikuntaa Vierumäellä.",
      sv: "Idrott för barn och unga i Vierumäki.",
      en: "Sport for children and young people in Vierumäki.",
    }),
    contactEmail: "seura@example.fi",
  },
] as const;

const OPPORTUNITIES: (DemoOpportunity & { organisationId: string })[] = [
  {
    id: "0190f5a0-0000-7000-8000-00000000b001",
    organisationId: "0190f5a0-0000-7000-8000-00000000a001",
    kind: "ongoing",
    title: labelled({
      fi: "Lukumummot ja -vaarit kirjastoon",
      sv: "Läsfarmor och läsfarfar på biblioteket",
      en: "Reading buddies at the library",
    }),
    description: labelled({
      fi: "Luet ääneen lapsille kirjaston satutuokiossa lauantaiaamuisin. Koulutus ja kirjat tulevat kirjastolta.",
      sv: "Du läser högt för barn på bibliotekets sagostund på lördagsmorgnar. Utbildning och böcker får du av biblioteket.",
      en: "You read aloud to children at the library's story time on Saturday mornings. The library gives training and books.",
    }),
    themes: ["children_youth", "culture"],
    skills: ["reading"],
    area: "keskusta",
    place: "Heinolan kaupunginkirjasto, Kauppakatu 12",
    minAge: 18,
    accessibility: {
      fi: "Esteetön sisäänkäynti ja hissi.",
      sv: "Tillgänglig ingång och hiss.",
      en: "Step-free entrance and a lift.",
    },
    needsRecordExtract: true,
    shifts: [{ inDays: 5, weeks: 8, start: "10:00", end: "11:30", places: 2 }],
  },
  {
    id: "0190f5a0-0000-7000-8000-00000000b002",
    organisationId: "0190f5a0-0000-7000-8000-00000000a002",
    kind: "event",
    title: labelled({
      fi: "Kesätapahtuman järjestyksenvalvonta ja info",
      sv: "Ordning och info på sommarevenemanget",
      en: "Summer event stewards and info desk",
    }),
    description: labelled({
      fi: "Opastat kävijöitä, pidät infopistettä ja autat rakentamisessa. Vuorot 4 tuntia.",
      sv: "Du guidar besökare, sköter infopunkten och hjälper till med byggandet. Pass på 4 timmar.",
      en: "You guide visitors, staff the info desk and help build up. Four-hour shifts.",
    }),
    themes: ["events", "culture"],
    skills: ["customer_service", "physical_work"],
    area: "keskusta",
    place: "Harjupaviljonki, Heinola",
    minAge: 15,
    accessibility: {
      fi: "Infopiste soveltuu pyörätuolilla liikkuvalle.",
      sv: "Infopunkten passar rullstolsanvändare.",
      en: "The info desk suits wheelchair users.",
    },
    needsRecordExtract: false,
    shifts: [
      { inDays: 12, weeks: 1, start: "10:00", end: "14:00", places: 6 },
      { inDays: 12, weeks: 1, start: "14:00", end: "18:00", places: 6 },
      { inDays: 13, weeks: 1, start: "12:00", end: "16:00", places: 4 },
    ],
  },
  {
    id: "0190f5a0-0000-7000-8000-00000000b003",
    organisationId: "0190f5a0-0000-7000-8000-00000000a003",
    kind: "event",
    title: labelled({
      fi: "Lumityöapu ikäihmisille",
      sv: "Snöskottningshjälp för äldre",
      en: "Snow clearing help for older people",
    }),
    description: labelled({
      fi: "Lapioit kulkureitit auki ikäihmisten pihoilla lumisateen jälkeen. Lapiot lainataan.",
      sv: "Du skottar gångar på äldres gårdar efter snöfall. Spadar lånas ut.",
      en: "You clear paths in older people's yards after snowfall. Shovels are lent.",
    }),
    themes: ["elderly", "neighbourhood"],
    skills: ["physical_work"],
    area: "jyranko",
    place: "Jyränkö, kokoontuminen Kalliojärvenkadun päässä",
    minAge: 15,
    accessibility: null,
    needsRecordExtract: false,
    shifts: [{ inDays: 3, weeks: 6, start: "09:00", end: "12:00", places: 5 }],
  },
  {
    id: "0190f5a0-0000-7000-8000-00000000b004",
    organisationId: "0190f5a0-0000-7000-8000-00000000a004",
    kind: "ongoing",
    title: labelled({
      fi: "Apuvalmentajaksi lasten salibandyyn",
      sv: "Hjälptränare i innebandy för barn",
      en: "Assistant coach for children's floorball",
    }),
    description: labelled({
      fi: "Autat valmentajaa 7–10-vuotiaiden harjoituksissa tiistai-iltaisin.",
      sv: "Du hjälper tränaren på träningar för 7–10-åringar på tisdagskvällar.",
      en: "You help the coach at practice for 7–10-year-olds on Tuesday evenings.",
    }),
    themes: ["sports", "children_youth"],
    skills: ["coaching"],
    area: "vierumaki",
    place: "Vierumäen liikuntahalli",
    minAge: 16,
    accessibility: null,
    needsRecordExtract: true,
    shifts: [{ inDays: 2, weeks: 10, start: "17:30", end: "19:00", places: 2 }],
  },
];

/** Loads the example organisations, opportunities and shifts once (by fixed ids). */
export async function seedVolunteeringDemo(db: Kysely<VolunteeringTables>, now: Date): Promise<SeedReport> {
  const report: SeedReport = { module: "volunteering", created: 0, updated: 0, unchanged: 0 };
  const at = now.toISOString();
  const today = helsinkiParts(now).date;
  await inTransaction(db, async (trx) => {
    for (const o of ORGANISATIONS) {
      if (await repo.findOrganisation(trx, o.id)) {
        report.unchanged += 1;
        continue;
      }
      await repo.insertOrganisation(trx, {
        id: o.id,
        name: o.name,
        kind: o.kind,
        yTunnus: o.yTunnus,
        description: writeJson(o.description),
        contactEmail: o.contactEmail,
        contactPhone: null,
        status: "approved",
        decidedBy: null,
        decidedAt: at,
        createdBy: null,
        isExample: 1,
        createdAt: at,
      });
      report.created += 1;
    }
    for (const p of OPPORTUNITIES) {
      if (await repo.findOpportunity(trx, p.id)) {
        report.unchanged += 1;
        continue;
      }
      await repo.insertOpportunity(trx, {
        id: p.id,
        organisationId: p.organisationId,
        kind: p.kind,
        title: writeJson(p.title),
        description: writeJson(p.description),
        themes: writeJson(p.themes),
        skills: writeJson(p.skills),
        area: p.area,
        place: p.place,
        minAge: p.minAge,
        accessibility: p.accessibility ? writeJson(p.accessibility) : null,
        needsRecordExtract: p.needsRecordExtract ? 1 : 0,
        contactName: "Esimerkki Yhteyshenkilö",
        contactEmail: "vapaaehtoiset@example.fi",
        isExample: 1,
        createdAt: at,
        updatedAt: at,
      });
      for (const s of p.shifts) {
        const seriesId = s.weeks > 1 ? newId() : null;
        const rows = weeklyOccurrences({
          date: addDays(today, s.inDays),
          startTime: s.start,
          endTime: s.end,
          weeks: s.weeks,
        }).map((o) => ({
          id: newId(),
          opportunityId: p.id,
          seriesId,
          startsAt: o.startsAt.toISOString(),
          endsAt: o.endsAt.toISOString(),
          places: s.places,
          cancelledAt: null,
          createdAt: at,
        }));
        await repo.insertShifts(trx, rows);
      }
      report.created += 1;
    }
  });
  return report;
}
