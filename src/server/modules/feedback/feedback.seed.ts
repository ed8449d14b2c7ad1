import type { Kysely } from "kysely";
import type { ServiceAttribute } from "../../../contracts/feedback.ts";
import type { LocalizedText } from "../../../contracts/localized-text.ts";
import { inTransaction, readJson, writeJson } from "../../db/db.ts";
import { newId } from "../../lib/ids.ts";
import type { SeedReport } from "../../platform/module.ts";
import type { FeedbackTables } from "./feedback.tables.ts";

// Example services of Heinola (esimerkkiaineisto / example data): the categories, units and promises are
// realistic but not the city's decisions. Promises are in working hours (8 h = one working day), e.g. the
// accessibility feedback answer within 14 days required by the Act on the Provision of Digital Services.

/** A service as the seed describes it. */
export interface SeedService {
  code: string;
  name: LocalizedText;
  description: LocalizedText;
  group: LocalizedText;
  keywords: string;
  type: "realtime" | "batch" | "blackbox";
  unit: string;
  firstResponseHours: number;
  resolutionHours: number;
  attributes: Omit<ServiceAttribute, "order">[];
}

const STREETS: LocalizedText = { fi: "Kadut ja liikenne", sv: "Gator och trafik", en: "Streets and traffic" };
const PARKS: LocalizedText = { fi: "Puistot ja luonto", sv: "Parker och natur", en: "Parks and nature" };
const LEISURE: LocalizedText = {
  fi: "Kulttuuri ja vapaa-aika",
  sv: "Kultur och fritid",
  en: "Culture and leisure",
};
const CITY: LocalizedText = { fi: "Kaupunki yleisesti", sv: "Staden i allmänhet", en: "The city in general" };
const ENV = "kaupunkiymparisto";

/** The example services, in display order. */
export const EXAMPLE_SERVICES: readonly SeedService[] = [
  {
    code: "katujen-kunnossapito",
    name: { fi: "Katujen kunnossapito", sv: "Gatuunderhåll", en: "Street maintenance" },
    description: {
      fi: "Kuopat, rikkoutunut päällyste, reunakivet ja liikennemerkit kaduilla ja kevyen liikenteen väylillä.",
      sv: "Gropar, skadad beläggning, kantstenar och trafikmärken på gator och gång- och cykelvägar.",
      en: "Potholes, broken paving, kerbs and traffic signs on streets and footpaths.",
    },
    group: STREETS,
    keywords: "kuoppa,päällyste,asfaltti,reunakivi,liikennemerkki",
    type: "realtime",
    unit: ENV,
    firstResponseHours: 16,
    resolutionHours: 80,
    attributes: [
      {
        code: "vian-tyyppi",
        datatype: "singlevaluelist",
        required: true,
        variable: true,
        description: { fi: "Mikä vika on?", sv: "Vilket fel är det?", en: "What is the problem?" },
        values: [
          { key: "kuoppa", name: { fi: "Kuoppa", sv: "Grop", en: "Pothole" } },
          {
            key: "paallyste",
            name: { fi: "Rikkoutunut päällyste", sv: "Skadad beläggning", en: "Broken paving" },
          },
          { key: "reunakivi", name: { fi: "Reunakivi", sv: "Kantsten", en: "Kerb" } },
          { key: "liikennemerkki", name: { fi: "Liikennemerkki", sv: "Trafikmärke", en: "Traffic sign" } },
          { key: "muu", name: { fi: "Muu", sv: "Annat", en: "Other" } },
        ],
      },
      {
        code: "vaaraa-aiheuttava",
        datatype: "singlevaluelist",
        required: false,
        variable: true,
        description: {
          fi: "Aiheuttaako vika välitöntä vaaraa?",
          sv: "Orsakar felet omedelbar fara?",
          en: "Is it an immediate danger?",
        },
        values: [
          { key: "kylla", name: { fi: "Kyllä", sv: "Ja", en: "Yes" } },
          { key: "ei", name: { fi: "Ei", sv: "Nej", en: "No" } },
        ],
      },
      {
        code: "hatatilanne",
        datatype: "text",
        required: false,
        variable: false,
        description: {
          fi: "Välitöntä vaaraa aiheuttavasta viasta soita myös kunnossapidon päivystykseen.",
          sv: "Ring också underhållsjouren om felet orsakar omedelbar fara.",
          en: "If it is an immediate danger, also call the maintenance duty line.",
        },
        values: [],
      },
    ],
  },
  {
    code: "lumen-auraus",
    name: {
      fi: "Lumen auraus ja liukkaudentorjunta",
      sv: "Snöplogning och halkbekämpning",
      en: "Snow ploughing and gritting",
    },
    description: {
      fi: "Auraamaton tai liukas katu, jalkakäytävä tai pysäkki, lumivallit liittymissä.",
      sv: "Oplogad eller hal gata, trottoar eller hållplats, snövallar vid utfarter.",
      en: "Unploughed or slippery street, pavement or bus stop, snow banks at driveways.",
    },
    group: STREETS,
    keywords: "lumi,auraus,liukas,hiekoitus,polanne",
    type: "realtime",
    unit: ENV,
    firstResponseHours: 8,
    resolutionHours: 24,
    attributes: [
      {
        code: "ongelma",
        datatype: "multivaluelist",
        required: false,
        variable: true,
        description: { fi: "Mitä havaitsit?", sv: "Vad såg du?", en: "What did you notice?" },
        values: [
          { key: "auraamatta", name: { fi: "Auraamatta", sv: "Oplogat", en: "Not ploughed" } },
          { key: "liukas", name: { fi: "Liukas", sv: "Halt", en: "Slippery" } },
          { key: "lumivalli", name: { fi: "Lumivalli", sv: "Snövall", en: "Snow bank" } },
        ],
      },
    ],
  },
  {
    code: "katuvalaistus",
    name: { fi: "Katuvalaistus", sv: "Gatubelysning", en: "Street lighting" },
    description: {
      fi: "Sammunut, vilkkuva tai vaurioitunut katuvalo.",
      sv: "Släckt, blinkande eller skadad gatlykta.",
      en: "A street light that is out, flickering or damaged.",
    },
    group: STREETS,
    keywords: "valo,lamppu,katuvalo,pimeä",
    type: "realtime",
    unit: ENV,
    firstResponseHours: 16,
    resolutionHours: 80,
    attributes: [
      {
        code: "pylvaan-numero",
        datatype: "string",
        required: false,
        variable: true,
        description: {
          fi: "Valopylvään numero, jos näet sen",
          sv: "Stolpens nummer, om du ser det",
          en: "The pole's number, if you can see it",
        },
        values: [],
      },
    ],
  },
  {
    code: "puistot",
    name: { fi: "Puistot ja viheralueet", sv: "Parker och grönområden", en: "Parks and green areas" },
    description: {
      fi: "Puistojen hoito, penkit, kaatuneet puut, nurmikot ja istutukset.",
      sv: "Skötsel av parker, bänkar, fallna träd, gräsmattor och planteringar.",
      en: "Park upkeep, benches, fallen trees, lawns and plantings.",
    },
    group: PARKS,
    keywords: "puisto,penkki,puu,nurmikko,kukat",
    type: "realtime",
    unit: ENV,
    firstResponseHours: 16,
    resolutionHours: 120,
    attributes: [],
  },
  {
    code: "leikkipaikat",
    name: { fi: "Leikkipaikat", sv: "Lekplatser", en: "Playgrounds" },
    description: {
      fi: "Rikkoutuneet tai vaaralliset leikkivälineet ja leikkipaikkojen siisteys.",
      sv: "Trasiga eller farliga lekredskap och lekplatsernas renlighet.",
      en: "Broken or unsafe play equipment and playground tidiness.",
    },
    group: PARKS,
    keywords: "leikkipuisto,keinu,liukumäki,hiekkalaatikko",
    type: "realtime",
    unit: ENV,
    firstResponseHours: 8,
    resolutionHours: 40,
    attributes: [],
  },
  {
    code: "jatehuolto",
    name: { fi: "Roskaaminen ja roska-astiat", sv: "Nedskräpning och soptunnor", en: "Litter and bins" },
    description: {
      fi: "Täydet roska-astiat yleisillä alueilla, roskaaminen ja luvattomat kaatopaikat.",
      sv: "Fulla soptunnor på allmänna områden, nedskräpning och olagliga avstjälpningsplatser.",
      en: "Full bins in public places, littering and fly-tipping.",
    },
    group: PARKS,
    keywords: "roska,roskis,jäte,kaatopaikka",
    type: "realtime",
    unit: ENV,
    firstResponseHours: 16,
    resolutionHours: 40,
    attributes: [],
  },
  {
    code: "liikuntapaikat",
    name: {
      fi: "Liikuntapaikat ja ulkoilureitit",
      sv: "Idrottsplatser och friluftsleder",
      en: "Sports facilities and outdoor trails",
    },
    description: {
      fi: "Kentät, kuntoradat, latu-urat, uimarannat ja liikuntahallit.",
      sv: "Planer, motionsbanor, skidspår, badstränder och idrottshallar.",
      en: "Fields, fitness trails, ski tracks, beaches and sports halls.",
    },
    group: LEISURE,
    keywords: "latu,kenttä,uimaranta,kuntorata,jäähalli",
    type: "realtime",
    unit: "liikuntapalvelut",
    firstResponseHours: 16,
    resolutionHours: 80,
    attributes: [],
  },
  {
    code: "kirjasto",
    name: { fi: "Kirjastopalvelut", sv: "Bibliotekstjänster", en: "Library services" },
    description: {
      fi: "Heinolan kaupunginkirjaston palvelut, aukioloajat ja kokoelmat.",
      sv: "Heinola stadsbiblioteks tjänster, öppettider och samlingar.",
      en: "Heinola City Library's services, opening hours and collections.",
    },
    group: LEISURE,
    keywords: "kirjasto,laina,kirja,aukioloaika",
    type: "realtime",
    unit: "kirjasto",
    firstResponseHours: 24,
    resolutionHours: 120,
    attributes: [],
  },
  {
    code: "saavutettavuus",
    name: { fi: "Saavutettavuuspalaute", sv: "Respons om tillgänglighet", en: "Accessibility feedback" },
    description: {
      fi: "Kerro, jos verkkopalvelun sisältö ei ole saavutettavaa. Vastaamme 14 päivän kuluessa.",
      sv: "Berätta om innehållet i webbtjänsten inte är tillgängligt. Vi svarar inom 14 dagar.",
      en: "Tell us if content of the web service is not accessible. We answer within 14 days.",
    },
    group: CITY,
    keywords: "saavutettavuus,ruudunlukija,esteettömyys",
    type: "realtime",
    unit: "viestinta",
    firstResponseHours: 40,
    resolutionHours: 80,
    attributes: [],
  },
  {
    code: "yleinen-palaute",
    name: {
      fi: "Yleinen palaute kaupungille",
      sv: "Allmän respons till staden",
      en: "General feedback to the city",
    },
    description: {
      fi: "Kiitokset, ideat ja moitteet, jotka eivät sovi muihin aiheisiin. Käsitellään kerran päivässä.",
      sv: "Tack, idéer och klagomål som inte passar andra ämnen. Behandlas en gång om dagen.",
      en: "Thanks, ideas and complaints that fit no other topic. Handled once a day.",
    },
    group: CITY,
    keywords: "idea,kiitos,moite,ehdotus",
    type: "batch",
    unit: "kirjaamo",
    firstResponseHours: 24,
    resolutionHours: 160,
    attributes: [],
  },
];

/** Inserts or updates the given services by code (idempotent); marks them example data. */
export async function seedServices(
  db: Kysely<FeedbackTables>,
  services: readonly SeedService[],
  now: Date,
): Promise<SeedReport> {
  const report: SeedReport = { module: "feedback", created: 0, updated: 0, unchanged: 0 };
  const at = now.toISOString();
  await inTransaction(db, async (trx) => {
    for (const [position, s] of services.entries()) {
      const values = {
        code: s.code,
        name: writeJson(s.name),
        description: writeJson(s.description),
        groupName: writeJson(s.group),
        keywords: s.keywords,
        type: s.type,
        unit: s.unit,
        firstResponseHours: s.firstResponseHours,
        resolutionHours: s.resolutionHours,
        position,
        isActive: 1,
        isExample: 1,
      };
      const existing = await trx
        .selectFrom("feedbackService")
        .selectAll()
        .where("code", "=", s.code)
        .executeTakeFirst();
      const attributes = s.attributes.map((a, index) => ({
        code: a.code,
        position: index + 1,
        datatype: a.datatype,
        isRequired: a.required ? 1 : 0,
        isVariable: a.variable ? 1 : 0,
        description: writeJson(a.description),
        datatypeDescription: null,
        values: writeJson(a.values),
      }));
      if (!existing) {
        const id = newId(now.getTime());
        await trx
          .insertInto("feedbackService")
          .values({ id, ...values, createdAt: at, updatedAt: at })
          .execute();
        if (attributes.length > 0)
          await trx
            .insertInto("feedbackServiceAttribute")
            .values(attributes.map((a) => ({ ...a, serviceId: id })))
            .execute();
        report.created++;
        continue;
      }
      const stored = await trx
        .selectFrom("feedbackServiceAttribute")
        .selectAll()
        .where("serviceId", "=", existing.id)
        .orderBy("position")
        .execute();
      const same =
        JSON.stringify(comparable(existing)) === JSON.stringify(comparable({ ...existing, ...values })) &&
        JSON.stringify(stored.map(attributeKey)) === JSON.stringify(attributes.map(attributeKey));
      if (same) {
        report.unchanged++;
        continue;
      }
      await trx
        .updateTable("feedbackService")
        .set({ ...values, updatedAt: at })
        .where("id", "=", existing.id)
        .execute();
      await trx.deleteFrom("feedbackServiceAttribute").where("serviceId", "=", existing.id).execute();
      if (attributes.length > 0)
        await trx
          .insertInto("feedbackServiceAttribute")
          .values(attributes.map((a) => ({ ...a, serviceId: existing.id })))
          .execute();
      report.updated++;
    }
  });
  return report;
}

// JSON columns compare by content: PostgreSQL jsonb may reorder keys, SQLite keeps text as written.
function comparable(row: Record<string, unknown>) {
  const out: Record<string, unknown> = {};
  for (const key of [
    "code",
    "name",
    "description",
    "groupName",
    "keywords",
    "type",
    "unit",
    "firstResponseHours",
    "resolutionHours",
    "position",
    "isActive",
    "isExample",
  ]) {
    const value = row[key];
    out[key] =
      ["name", "description", "groupName"].includes(key) && value !== null
        ? normalise(readJson(value))
        : value;
  }
  return out;
}

function attributeKey(a: {
  code: string;
  position: number;
  datatype: string;
  isRequired: number;
  isVariable: number;
  description: unknown;
  values: unknown;
}) {
  return [
    a.code,
    a.position,
    a.datatype,
    a.isRequired,
    a.isVariable,
    normalise(readJson(a.description)),
    normalise(readJson(a.values)),
  ];
}

function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, normalise(v)]),
    );
  return value;
}
