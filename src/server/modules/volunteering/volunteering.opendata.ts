import type { LocalizedText } from "../../../contracts/localized-text.ts";
import type { OpenDataField, OpenDataset } from "../../../contracts/opendata.ts";
import { THEMES } from "../../../contracts/volunteering.ts";
import type { OpenDataSource } from "../../platform/module.ts";
import {
  MIN_PUBLISHED_COUNT,
  type PublishedCell,
  type PublishedHours,
  type PublishedOpportunities,
  type ThemeCell,
  toCsv,
} from "./domain/open-data.ts";
import type { VolunteeringService } from "./volunteering.service.ts";

// Volunteering's open data (CC BY 4.0): hours confirmed by the organisations and the opportunities on offer,
// by month, with every count under five suppressed. Each CSV is written from one list of columns, so that
// its header and the catalogue's data dictionary cannot disagree.

/** A CSV column: its data dictionary entry and how a published row fills it. */
interface Column<Row> {
  field: OpenDataField;
  value: (row: Row) => string | number | null;
}

function column<Row>(
  name: string,
  type: OpenDataField["type"],
  description: Required<LocalizedText>,
  value: Column<Row>["value"],
  unit?: string,
): Column<Row> {
  return { field: { name, type, description, ...(unit ? { unit } : {}) }, value };
}

function csv<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  return toCsv(
    columns.map((c) => c.field.name),
    rows.map((row) => columns.map((c) => c.value(row))),
  );
}

const WORK_MONTH = column<{ month: string }>(
  "month",
  "string",
  {
    fi: "Kuukausi (VVVV-KK), jona työ tehtiin",
    sv: "Månad (ÅÅÅÅ-MM) då arbetet utfördes",
    en: "Month (YYYY-MM) the work was done",
  },
  (r) => r.month,
);

const AREA = column<{ area: string }>(
  "area",
  "string",
  {
    fi: "Tehtävän alue Heinolassa (alueen tunniste)",
    sv: "Uppdragets område i Heinola (områdets identifierare)",
    en: "The task's area in Heinola (area key)",
  },
  (r) => r.area,
);

const VOLUNTEERS = column<{ volunteers: number | null }>(
  "volunteers",
  "integer",
  {
    fi: "Eri vapaaehtoisten määrä (ryhmänä kirjatut henkilöt mukaan lukien); tyhjä, kun alle viisi",
    sv: "Antal olika frivilliga (inklusive personer som registrerats som grupp); tomt när färre än fem",
    en: "Number of different volunteers (people recorded as a group included); empty when fewer than five",
  },
  (r) => r.volunteers,
);

const HOURS = column<{ hours: number | null }>(
  "hours",
  "number",
  {
    fi: "Järjestäjien vahvistamat tunnit yhden desimaalin tarkkuudella; tyhjä, kun vapaaehtoisia on alle viisi",
    sv: "Timmar som arrangörerna bekräftat, med en decimal; tomt när de frivilliga är färre än fem",
    en: "Hours confirmed by the organisers, to one decimal; empty when there are fewer than five volunteers",
  },
  (r) => r.hours,
  "h",
);

const HOURS_COLUMNS: readonly Column<PublishedHours>[] = [WORK_MONTH, AREA, VOLUNTEERS, HOURS];

const THEME_LIST = THEMES.join(", ");

const THEME_COLUMNS: readonly Column<PublishedCell<ThemeCell>>[] = [
  WORK_MONTH,
  column(
    "theme",
    "string",
    {
      fi: `Tehtävän teema (${THEME_LIST}); tehtävän tunnit lasketaan jokaiseen sen teemaan, joten kuukauden teemarivien summa on kokonaismäärää suurempi`,
      sv: `Uppdragets tema (${THEME_LIST}); ett uppdrags timmar räknas i vart och ett av dess teman, så summan av en månads temarader är större än totalen`,
      en: `The task's theme (${THEME_LIST}); a task's hours count in each of its themes, so a month's theme rows add up to more than its total`,
    },
    (r) => r.theme,
  ),
  VOLUNTEERS,
  HOURS,
];

const OPPORTUNITY_COLUMNS: readonly Column<PublishedOpportunities>[] = [
  column(
    "month",
    "string",
    {
      fi: "Kuukausi (VVVV-KK, Suomen aikaa), jona vuoro alkaa",
      sv: "Månad (ÅÅÅÅ-MM, finsk tid) då passet börjar",
      en: "Month (YYYY-MM, Finnish time) the shift starts",
    },
    (r) => r.month,
  ),
  AREA,
  column(
    "opportunities",
    "integer",
    {
      fi: "Hyväksyttyjen järjestöjen tehtävien määrä, joilla on vuoro kuukauden aikana; tyhjä, kun alle viisi",
      sv: "Antal uppdrag från godkända organisationer med ett pass under månaden; tomt när färre än fem",
      en: "Number of tasks of approved organisations with a shift in the month; empty when fewer than five",
    },
    (r) => r.opportunities,
  ),
  column(
    "shifts",
    "integer",
    {
      fi: "Vuorojen määrä (peruttuja ei lasketa); tyhjä, kun alle viisi",
      sv: "Antal pass (inställda räknas inte); tomt när färre än fem",
      en: "Number of shifts (cancelled ones not counted); empty when fewer than five",
    },
    (r) => r.shifts,
  ),
];

/** hours.csv from its published rows. */
export function hoursToCsv(rows: readonly PublishedHours[]): string {
  return csv(HOURS_COLUMNS, rows);
}

/** hours-by-theme.csv from its published rows. */
export function themesToCsv(rows: readonly PublishedCell<ThemeCell>[]): string {
  return csv(THEME_COLUMNS, rows);
}

/** opportunities.csv from its published rows. */
export function opportunitiesToCsv(rows: readonly PublishedOpportunities[]): string {
  return csv(OPPORTUNITY_COLUMNS, rows);
}

const KEYWORDS: LocalizedText[] = [
  { fi: "vapaaehtoistoiminta", sv: "frivilligverksamhet", en: "volunteering" },
  { fi: "järjestöt", sv: "organisationer", en: "organisations" },
  { fi: "Heinola", sv: "Heinola", en: "Heinola" },
];

const SUPPRESSION: LocalizedText = {
  fi: `Määrä jätetään tyhjäksi, kun se on alle ${MIN_PUBLISHED_COUNT}; tuntimäärä jätetään silloin myös pois, jottei se paljastaisi vapaaehtoisten määrää.`,
  sv: `Ett antal lämnas tomt när det är under ${MIN_PUBLISHED_COUNT}; då utelämnas även timmarna, så att de inte avslöjar antalet frivilliga.`,
  en: `A count is left empty when it is under ${MIN_PUBLISHED_COUNT}; the hours are then left out too, so that they do not reveal the number of volunteers.`,
};

/** The months a file's rows cover, as dates: the first day of the first month to the last of the last. */
function monthSpan(rows: readonly { month: string }[]): OpenDataset["temporal"] {
  const months = rows.map((r) => r.month).sort();
  const first = months[0];
  const last = months.at(-1);
  if (!first || !last) return undefined;
  const [year, month] = last.split("-").map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { start: `${first}-01`, end: `${last}-${String(lastDay).padStart(2, "0")}` };
}

/** The three aggregates, with the months their rows cover. */
export function volunteeringOpenData(service: VolunteeringService): OpenDataSource {
  const base = {
    module: "volunteering",
    keywords: KEYWORDS,
    theme: "SOCI" as const,
    // Computed from the live data on every request.
    frequency: "CONT" as const,
    modified: null,
    suppression: SUPPRESSION,
  };
  const withSpan = (rows: readonly { month: string }[]) => {
    const temporal = monthSpan(rows);
    return temporal ? { temporal } : {};
  };
  return {
    module: "volunteering",
    datasets: async () => {
      const [hours, themes, opportunities] = await Promise.all([
        service.hoursCells(),
        service.themeCells(),
        service.opportunityCells(),
      ]);
      const datasets: OpenDataset[] = [
        {
          ...base,
          id: "volunteering.hours",
          title: {
            fi: "Vapaaehtoistyön tunnit alueittain",
            sv: "Frivilligarbetets timmar per område",
            en: "Volunteering hours by area",
          },
          description: {
            fi: "Järjestäjien vahvistamat vapaaehtoistyön tunnit ja vapaaehtoisten määrä kuukausittain ja alueittain.",
            sv: "Frivilligarbetets timmar som arrangörerna bekräftat och antalet frivilliga per månad och område.",
            en: "Volunteering hours confirmed by the organisers and the number of volunteers, by month and area.",
          },
          ...withSpan(hours),
          distributions: [
            {
              format: "CSV",
              mediaType: "text/csv",
              path: "/api/v1/volunteering/open-data/hours.csv",
              fields: HOURS_COLUMNS.map((c) => c.field),
            },
          ],
        },
        {
          ...base,
          id: "volunteering.hours-by-theme",
          title: {
            fi: "Vapaaehtoistyön tunnit teemoittain",
            sv: "Frivilligarbetets timmar per tema",
            en: "Volunteering hours by theme",
          },
          description: {
            fi: "Järjestäjien vahvistamat vapaaehtoistyön tunnit ja vapaaehtoisten määrä kuukausittain ja tehtävän teeman mukaan (esim. ikäihmiset, lapset ja nuoret, kulttuuri).",
            sv: "Frivilligarbetets timmar som arrangörerna bekräftat och antalet frivilliga per månad och uppdragets tema (t.ex. äldre, barn och unga, kultur).",
            en: "Volunteering hours confirmed by the organisers and the number of volunteers, by month and the task's theme (e.g. older people, children and young people, culture).",
          },
          ...withSpan(themes),
          distributions: [
            {
              format: "CSV",
              mediaType: "text/csv",
              path: "/api/v1/volunteering/open-data/hours-by-theme.csv",
              fields: THEME_COLUMNS.map((c) => c.field),
            },
          ],
        },
        {
          ...base,
          id: "volunteering.opportunities",
          title: {
            fi: "Vapaaehtoistehtävät ja vuorot alueittain",
            sv: "Frivilliguppdrag och pass per område",
            en: "Volunteering opportunities and shifts by area",
          },
          description: {
            fi: "Hyväksyttyjen järjestöjen tarjoamien vapaaehtoistehtävien ja niiden vuorojen määrä kuukausittain ja alueittain, myös tulevat vuorot.",
            sv: "Antalet frivilliguppdrag från godkända organisationer och deras pass per månad och område, även kommande pass.",
            en: "The number of volunteering tasks offered by approved organisations and their shifts, by month and area, upcoming shifts included.",
          },
          ...withSpan(opportunities),
          distributions: [
            {
              format: "CSV",
              mediaType: "text/csv",
              path: "/api/v1/volunteering/open-data/opportunities.csv",
              fields: OPPORTUNITY_COLUMNS.map((c) => c.field),
            },
          ],
        },
      ];
      return datasets;
    },
  };
}
