// Open data of the shared living rooms (CC BY 4.0): the spaces with their hours, and the events. Nothing
// personal: no contact details and no organiser names (an organiser can be a private person; the event
// pages show them, the bulk files do not). No counts either, so there is nothing to suppress.

import { formatCsvRows } from "../../../../contracts/csv.ts";
import type { OpenDataField, OpenDataset } from "../../../../contracts/opendata.ts";
import type { EventView, SpaceDetail } from "../../../../contracts/spaces.ts";

const BASE = "/api/v1/spaces/open-data";

/** Where each file is served. */
export const OPEN_DATA_PATHS = {
  spacesJson: `${BASE}/spaces.json`,
  spacesCsv: `${BASE}/spaces.csv`,
  hoursCsv: `${BASE}/hours.csv`,
  eventsJson: `${BASE}/events.json`,
  eventsCsv: `${BASE}/events.csv`,
} as const;

function field(
  name: string,
  type: OpenDataField["type"],
  fi: string,
  sv: string,
  en: string,
  unit?: string,
): OpenDataField {
  return { name, type, description: { fi, sv, en }, ...(unit ? { unit } : {}) };
}

const EXAMPLE_FIELD = field(
  "is_example",
  "boolean",
  "Esimerkkiaineistoa (true), ei todellinen tieto",
  "Exempeldata (true), inte verkliga uppgifter",
  "Example data (true), not real",
);

/** Columns of spaces.csv. */
export const SPACE_FIELDS: OpenDataField[] = [
  field("id", "string", "Tilan pysyvä tunniste", "Lokalens beständiga id", "The space's stable id"),
  field("name", "string", "Nimi", "Namn", "Name"),
  field("description_fi", "string", "Kuvaus suomeksi", "Beskrivning på finska", "Description in Finnish"),
  field("address", "string", "Katuosoite", "Gatuadress", "Street address"),
  field("latitude", "number", "Leveysaste (WGS84)", "Latitud (WGS84)", "Latitude (WGS84)"),
  field("longitude", "number", "Pituusaste (WGS84)", "Longitud (WGS84)", "Longitude (WGS84)"),
  field("capacity", "integer", "Henkilömäärä enintään", "Högsta antal personer", "Maximum number of people"),
  field("step_free", "boolean", "Esteetön kulku", "Steglös tillgång", "Step-free access"),
  field("accessible_toilet", "boolean", "Esteetön WC", "Tillgänglig toalett", "Accessible toilet"),
  field("induction_loop", "boolean", "Induktiosilmukka", "Hörslinga", "Induction loop"),
  EXAMPLE_FIELD,
];

/** Columns of hours.csv: one row per regular weekly interval. */
export const HOURS_FIELDS: OpenDataField[] = [
  field("space_id", "string", "Tilan tunniste", "Lokalens id", "The space's id"),
  field(
    "weekday",
    "integer",
    "Viikonpäivä 1 = ma … 7 = su",
    "Veckodag 1 = mån … 7 = sön",
    "Weekday 1 = Mon … 7 = Sun",
  ),
  field(
    "opens",
    "string",
    "Avautuu (TT:MM, Suomen aikaa)",
    "Öppnar (TT:MM, finsk tid)",
    "Opens (HH:MM, Finnish time)",
  ),
  field(
    "closes",
    "string",
    "Sulkeutuu (TT:MM, 24:00 = keskiyö)",
    "Stänger (TT:MM, 24:00 = midnatt)",
    "Closes (HH:MM, 24:00 = midnight)",
  ),
];

/** Columns of events.csv. */
export const EVENT_FIELDS: OpenDataField[] = [
  field("id", "string", "Tapahtuman tunniste", "Evenemangets id", "The event's id"),
  field("space_id", "string", "Tilan tunniste", "Lokalens id", "The space's id"),
  field("space_name", "string", "Tilan nimi", "Lokalens namn", "The space's name"),
  field("title_fi", "string", "Otsikko suomeksi", "Rubrik på finska", "Title in Finnish"),
  field("starts_at", "datetime", "Alkaa (UTC)", "Börjar (UTC)", "Starts (UTC)"),
  field("ends_at", "datetime", "Päättyy (UTC)", "Slutar (UTC)", "Ends (UTC)"),
  field("is_free", "boolean", "Maksuton", "Avgiftsfritt", "Free of charge"),
  field(
    "price_fi",
    "string",
    "Hinta suomeksi, jos maksullinen",
    "Pris på finska, om avgift",
    "Price in Finnish, if not free",
  ),
  field("sign_up_url", "string", "Ilmoittautumisosoite", "Anmälningsadress", "Sign-up address"),
  EXAMPLE_FIELD,
];

/** The spaces as the open JSON file gives them: no contact details. */
export function openSpacesJson(spaces: readonly SpaceDetail[]) {
  return spaces.map((s) => ({
    id: s.id,
    name: s.name,
    description: s.description,
    address: s.address,
    location: s.location,
    capacity: s.capacity,
    accessibility: s.accessibility,
    weeklyHours: s.weeklyHours,
    exceptions: s.exceptions,
    isExample: s.isExample,
  }));
}

/** The events as the open JSON file gives them: no organiser names. */
export function openEventsJson(events: readonly EventView[]) {
  return events.map(({ organiser: _organiser, ...rest }) => rest);
}

/** spaces.csv */
export function spacesCsv(spaces: readonly SpaceDetail[]): string {
  return formatCsvRows(
    SPACE_FIELDS.map((f) => f.name),
    spaces.map((s) => [
      s.id,
      s.name,
      s.description.fi,
      s.address,
      s.location?.lat ?? null,
      s.location?.lon ?? null,
      s.capacity,
      String(s.accessibility.stepFree),
      String(s.accessibility.accessibleToilet),
      String(s.accessibility.inductionLoop),
      String(s.isExample),
    ]),
  );
}

/** hours.csv */
export function hoursCsv(spaces: readonly SpaceDetail[]): string {
  return formatCsvRows(
    HOURS_FIELDS.map((f) => f.name),
    spaces.flatMap((s) => s.weeklyHours.map((h) => [s.id, h.weekday, h.opens, h.closes])),
  );
}

/** events.csv */
export function eventsCsv(events: readonly EventView[]): string {
  return formatCsvRows(
    EVENT_FIELDS.map((f) => f.name),
    events.map((e) => [
      e.id,
      e.spaceId,
      e.spaceName,
      e.title.fi,
      e.startsAt,
      e.endsAt,
      String(e.price === null),
      e.price?.fi ?? null,
      e.signUpUrl,
      String(e.isExample),
    ]),
  );
}

/** The two datasets of the catalogue. */
export function spacesDatasets(modified: string | null): OpenDataset[] {
  return [
    {
      id: "spaces.spaces",
      module: "spaces",
      title: {
        fi: "Yhteiset olohuoneet ja niiden aukioloajat",
        sv: "Gemensamma vardagsrum och deras öppettider",
        en: "Shared living rooms and their opening hours",
      },
      description: {
        fi: "Heinolan yhteiset tilat: osoite, sijainti, esteettömyys, säännölliset aukioloajat ja tulevat poikkeukset.",
        sv: "Heinolas gemensamma lokaler: adress, läge, tillgänglighet, ordinarie öppettider och kommande undantag.",
        en: "Heinola's shared spaces: address, location, accessibility, regular opening hours and exceptions ahead.",
      },
      keywords: [
        { fi: "aukioloajat", sv: "öppettider", en: "opening hours" },
        { fi: "kirjasto", sv: "bibliotek", en: "library" },
      ],
      theme: "SOCI",
      frequency: "IRREG",
      modified,
      landingPage: "/spaces",
      distributions: [
        { format: "JSON", mediaType: "application/json", path: OPEN_DATA_PATHS.spacesJson },
        { format: "CSV", mediaType: "text/csv", path: OPEN_DATA_PATHS.spacesCsv, fields: SPACE_FIELDS },
        {
          format: "CSV",
          mediaType: "text/csv",
          path: OPEN_DATA_PATHS.hoursCsv,
          title: { fi: "Säännölliset aukioloajat", sv: "Ordinarie öppettider", en: "Regular opening hours" },
          fields: HOURS_FIELDS,
        },
      ],
    },
    {
      id: "spaces.events",
      module: "spaces",
      title: {
        fi: "Tapahtumat yhteisissä olohuoneissa",
        sv: "Evenemang i de gemensamma vardagsrummen",
        en: "Events in the shared living rooms",
      },
      description: {
        fi: "Tulevat tapahtumat tiloittain: aika, otsikko, hinta ja ilmoittautumisosoite.",
        sv: "Kommande evenemang per lokal: tid, rubrik, pris och anmälningsadress.",
        en: "Upcoming events by space: time, title, price and sign-up address.",
      },
      keywords: [{ fi: "tapahtumat", sv: "evenemang", en: "events" }],
      theme: "SOCI",
      frequency: "DAILY",
      modified,
      landingPage: "/spaces/events",
      distributions: [
        { format: "JSON", mediaType: "application/json", path: OPEN_DATA_PATHS.eventsJson },
        { format: "CSV", mediaType: "text/csv", path: OPEN_DATA_PATHS.eventsCsv, fields: EVENT_FIELDS },
      ],
    },
  ];
}
