import type { LocalizedText } from "../../../contracts/localized-text.ts";
import type { OpenDataField, OpenDataset } from "../../../contracts/opendata.ts";
import type { IndicatorDetail, IndicatorSummary } from "../../../contracts/strategy.ts";
import { WEB_ROUTES } from "../../../contracts/web-routes.ts";
import type { OpenDataSource } from "../../platform/module.ts";
import type { StrategyFollowUp } from "./strategy.followup.service.ts";

// The strategy's open data (CC BY 4.0): CSV with a header row and a data dictionary describing each column.
// Indicator values are aggregate statistics, never personal data. Each CSV is written from one list of
// columns, so that its header, the data dictionary endpoint and the catalogue's fields cannot disagree.

export const LICENCE = {
  name: "CC BY 4.0",
  url: "https://creativecommons.org/licenses/by/4.0/",
  attribution: "Heinolan kaupunki, Keskiö",
};

type Cell = string | number | boolean | null;

/** A CSV column: its data dictionary entry and how a row fills it. */
interface Column<Row> {
  field: OpenDataField;
  value: (row: Row) => Cell;
}

function column<Row>(
  name: string,
  type: OpenDataField["type"],
  description: Required<LocalizedText>,
  value: (row: Row) => Cell,
): Column<Row> {
  return { field: { name, type, description }, value };
}

function cell(value: Cell): string {
  if (value === null) return "";
  const text = String(value);
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === "string" ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function csv<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  const lines = [
    columns.map((c) => c.field.name).join(","),
    ...rows.map((row) => columns.map((c) => cell(c.value(row))).join(",")),
  ];
  return `${lines.join("\r\n")}\r\n`;
}

const INDICATOR_COLUMNS: readonly Column<IndicatorSummary>[] = [
  column(
    "key",
    "string",
    {
      fi: "Mittarin pysyvä tunniste",
      sv: "Indikatorns beständiga identifierare",
      en: "Stable identifier of the indicator",
    },
    (i) => i.key,
  ),
  column(
    "name_fi",
    "string",
    { fi: "Nimi suomeksi", sv: "Namnet på finska", en: "Name in Finnish" },
    (i) => i.name.fi,
  ),
  column(
    "name_sv",
    "string",
    {
      fi: "Nimi ruotsiksi (tyhjä, jos nimeä ei ole käännetty)",
      sv: "Namnet på svenska (tomt om det inte är översatt)",
      en: "Name in Swedish (empty when not translated)",
    },
    (i) => i.name.sv ?? "",
  ),
  column(
    "name_en",
    "string",
    {
      fi: "Nimi englanniksi (tyhjä, jos nimeä ei ole käännetty)",
      sv: "Namnet på engelska (tomt om det inte är översatt)",
      en: "Name in English (empty when not translated)",
    },
    (i) => i.name.en ?? "",
  ),
  column(
    "unit",
    "string",
    { fi: "Arvojen yksikkö suomeksi", sv: "Värdenas enhet, på finska", en: "Unit of the values, in Finnish" },
    (i) => i.unit.fi,
  ),
  column(
    "direction",
    "string",
    {
      fi: "Toivottu suunta: increase (kasvu), decrease (lasku) tai maintain (ennallaan)",
      sv: "Önskad riktning: increase (ökning), decrease (minskning) eller maintain (oförändrad)",
      en: "Desired direction: increase, decrease or maintain",
    },
    (i) => i.direction,
  ),
  column(
    "baseline_year",
    "integer",
    { fi: "Lähtötason vuosi", sv: "Utgångsvärdets år", en: "Year of the baseline value" },
    (i) => i.baseline.year,
  ),
  column(
    "baseline_value",
    "number",
    {
      fi: "Arvo seurannan alussa",
      sv: "Värdet när uppföljningen började",
      en: "Value at the start of the follow-up",
    },
    (i) => i.baseline.value,
  ),
  column(
    "target_year",
    "integer",
    {
      fi: "Vuosi, johon mennessä tavoite on määrä saavuttaa",
      sv: "Året då målet ska vara nått",
      en: "Year by which the target should be reached",
    },
    (i) => i.target.year,
  ),
  column(
    "target_value",
    "number",
    { fi: "Tavoitearvo", sv: "Målvärde", en: "Target value" },
    (i) => i.target.value,
  ),
  column(
    "latest_year",
    "integer",
    {
      fi: "Viimeisimmän kokonaisarvon vuosi (tyhjä, jos arvoa ei ole)",
      sv: "Året för det senaste totalvärdet (tomt om inget finns)",
      en: "Year of the latest total value (empty when none)",
    },
    (i) => i.latest?.year ?? null,
  ),
  column(
    "latest_value",
    "number",
    {
      fi: "Viimeisin kokonaisarvo (tyhjä, jos arvoa ei ole)",
      sv: "Det senaste totalvärdet (tomt om inget finns)",
      en: "Latest total value (empty when none)",
    },
    (i) => i.latest?.value ?? null,
  ),
  column(
    "status",
    "string",
    {
      fi: "on_track, at_risk, off_track tai no_data: viimeisin arvo verrattuna suoraan polkuun lähtötasosta tavoitteeseen",
      sv: "on_track, at_risk, off_track eller no_data: det senaste värdet jämfört med en rak linje från utgångsvärdet till målet",
      en: "on_track, at_risk, off_track or no_data: the latest value against the straight path from baseline to target",
    },
    (i) => i.status.status,
  ),
  column(
    "example_data",
    "boolean",
    {
      fi: "true, kun arvot ovat merkittyä esimerkkiaineistoa eivätkä todellisia tilastoja",
      sv: "true när värdena är märkta exempeldata (esimerkkiaineisto), inte verklig statistik",
      en: "true when the values are labelled example data (esimerkkiaineisto), not real statistics",
    },
    (i) => i.isExampleData,
  ),
];

/** One row of values.csv: a stored value with its indicator. */
interface ValueRow {
  indicator: IndicatorDetail;
  value: IndicatorDetail["values"][number];
}

const VALUE_COLUMNS: readonly Column<ValueRow>[] = [
  column(
    "indicator",
    "string",
    {
      fi: "Mittarin tunniste (ks. indicators.csv)",
      sv: "Indikatorns identifierare (se indicators.csv)",
      en: "Indicator key (see indicators.csv)",
    },
    (r) => r.indicator.key,
  ),
  column(
    "year",
    "integer",
    { fi: "Arvon kalenterivuosi", sv: "Värdets kalenderår", en: "Calendar year of the value" },
    (r) => r.value.year,
  ),
  column(
    "period",
    "string",
    {
      fi: "Ajanjakso: 2024, 2024-Q3 tai 2024-07",
      sv: "Perioden: 2024, 2024-Q3 eller 2024-07",
      en: "The period: 2024, 2024-Q3 or 2024-07",
    },
    (r) => r.value.period,
  ),
  column(
    "area",
    "string",
    {
      fi: "Alue; tyhjä koko kaupungin arvolle",
      sv: "Område; tomt för hela staden",
      en: "District; empty for the whole city",
    },
    (r) => r.value.area,
  ),
  column(
    "age_group",
    "string",
    {
      fi: "Ikäryhmä; tyhjä kaikkien ikäryhmien arvolle",
      sv: "Åldersgrupp; tomt för alla åldrar",
      en: "Age group; empty for all ages",
    },
    (r) => r.value.ageGroup,
  ),
  column(
    "sex",
    "string",
    {
      fi: "male (miehet) tai female (naiset); tyhjä kaikkien arvolle",
      sv: "male (män) eller female (kvinnor); tomt för alla",
      en: "male or female; empty for everyone",
    },
    (r) => r.value.sex,
  ),
  column(
    "value",
    "number",
    {
      fi: "Arvo mittarin yksikössä (desimaalipiste)",
      sv: "Värdet i indikatorns enhet (decimalpunkt)",
      en: "The value, in the indicator's unit (decimal point)",
    },
    (r) => r.value.value,
  ),
  column(
    "source",
    "string",
    {
      fi: "Arvon lähde: manual (käsin kirjattu), csv, sotkanet tai module:<luku>, jonka Keskiö laskee",
      sv: "Värdets källa: manual (registrerat för hand), csv, sotkanet eller module:<tal> som Keskiö räknar ut",
      en: "Where it came from: manual, csv, sotkanet, or module:<figure> computed by Keskiö",
    },
    (r) => r.value.source,
  ),
  column(
    "example_data",
    "boolean",
    {
      fi: "true, kun arvo on merkittyä esimerkkiaineistoa",
      sv: "true när värdet är märkt exempeldata",
      en: "true when the value is labelled example data",
    },
    (r) => r.indicator.isExampleData,
  ),
];

/** indicators.csv: one row per indicator with its baseline, target, latest value and status. */
export function indicatorsCsv(indicators: readonly IndicatorSummary[]): string {
  return csv(INDICATOR_COLUMNS, indicators);
}

/** values.csv: every stored value with its breakdown and source. */
export function valuesCsv(indicators: readonly IndicatorDetail[]): string {
  return csv(
    VALUE_COLUMNS,
    indicators.flatMap((indicator) => indicator.values.map((value) => ({ indicator, value }))),
  );
}

const inEnglish = (columns: readonly Column<never>[]) =>
  Object.fromEntries(columns.map((c) => [c.field.name, c.field.description.en]));

/** The data dictionary of both files (in English; the catalogue has every language). */
export function dataDictionary() {
  return {
    licence: LICENCE,
    files: {
      "indicators.csv": inEnglish(INDICATOR_COLUMNS),
      "values.csv": inEnglish(VALUE_COLUMNS),
    },
  };
}

// ---- the open data catalogue's entries ----

const KEYWORDS: LocalizedText[] = [
  { fi: "kaupunkistrategia", sv: "stadsstrategi", en: "city strategy" },
  { fi: "mittarit", sv: "indikatorer", en: "indicators" },
  { fi: "tiedolla johtaminen", sv: "kunskapsbaserad ledning", en: "knowledge-based management" },
  { fi: "Heinola", sv: "Heinola", en: "Heinola" },
];

const yearSpan = (first: number, last: number) => ({ start: `${first}-01-01`, end: `${last}-12-31` });

/** What the catalogue needs besides the published files: when the stored values span and last changed. */
export interface StrategyValueSpan {
  firstYear: number | null;
  lastYear: number | null;
  /** The latest value recorded, or indicator changed (name, target, …). */
  lastValueAt: string | null;
  lastIndicatorAt: string | null;
}

/** The strategy's datasets: its indicators, their values and the strategy tree with statuses. */
export function strategyOpenData(
  followUp: StrategyFollowUp,
  span: () => Promise<StrategyValueSpan>,
): OpenDataSource {
  return {
    module: "strategy",
    datasets: async () => {
      const [indicators, values] = await Promise.all([followUp.indicators(), span()]);
      const latest = [values.lastValueAt, values.lastIndicatorAt].filter((at) => at !== null).sort();
      const baselines = indicators.map((i) => i.baseline.year);
      const reached = indicators.map((i) => i.latest?.year ?? i.baseline.year);
      const datasets: OpenDataset[] = [
        {
          id: "strategy.indicators",
          module: "strategy",
          title: { fi: "Strategian mittarit", sv: "Strategins indikatorer", en: "Strategy indicators" },
          description: {
            fi: "Heinolan kaupunkistrategian mittarit: lähtötaso, tavoite, viimeisin arvo ja tilanne (etenee, uhattuna, ei etene tai ei tietoa).",
            sv: "Indikatorerna i Heinola stads strategi: utgångsvärde, mål, senaste värde och läge (på rätt väg, i fara, inte på rätt väg eller inga uppgifter).",
            en: "The indicators of Heinola's city strategy: baseline, target, latest value and status (on track, at risk, off track or no data).",
          },
          keywords: KEYWORDS,
          theme: "GOVE",
          frequency: "IRREG",
          ...(indicators.length > 0
            ? { temporal: yearSpan(Math.min(...baselines), Math.max(...reached)) }
            : {}),
          modified: latest.at(-1) ?? null,
          landingPage: WEB_ROUTES.strategy,
          distributions: [
            {
              format: "CSV",
              mediaType: "text/csv",
              path: "/api/v1/strategy/indicators.csv",
              fields: INDICATOR_COLUMNS.map((c) => c.field),
            },
            { format: "JSON", mediaType: "application/json", path: "/api/v1/strategy/indicators" },
          ],
        },
        {
          id: "strategy.values",
          module: "strategy",
          title: {
            fi: "Strategian mittareiden arvot",
            sv: "Värdena för strategins indikatorer",
            en: "Values of the strategy indicators",
          },
          description: {
            fi: "Jokainen mittareille kirjattu arvo ajanjaksoittain, myös alueittain, ikäryhmittäin ja sukupuolittain, lähteineen. JSON-tiedostossa on lisäksi mittareiden kuvaukset ja kytkennät tavoitteisiin ja toimenpiteisiin.",
            sv: "Varje värde som registrerats för indikatorerna per period, även per område, åldersgrupp och kön, med källa. JSON-filen innehåller dessutom indikatorernas beskrivningar och kopplingar till mål och åtgärder.",
            en: "Every value recorded for the indicators by period, also by district, age group and sex, with its source. The JSON file also holds the indicators' descriptions and their links to goals and actions.",
          },
          keywords: KEYWORDS,
          theme: "GOVE",
          frequency: "IRREG",
          ...(values.firstYear !== null && values.lastYear !== null
            ? { temporal: yearSpan(values.firstYear, values.lastYear) }
            : {}),
          modified: values.lastValueAt,
          landingPage: WEB_ROUTES.strategy,
          distributions: [
            {
              format: "CSV",
              mediaType: "text/csv",
              path: "/api/v1/strategy/values.csv",
              fields: VALUE_COLUMNS.map((c) => c.field),
            },
            { format: "JSON", mediaType: "application/json", path: "/api/v1/strategy/values.json" },
          ],
        },
        {
          id: "strategy.tree",
          module: "strategy",
          title: {
            fi: "Strategian tavoitteet ja toimenpiteet tilanteineen",
            sv: "Strategins mål och åtgärder och deras läge",
            en: "Strategy goals and actions with their status",
          },
          description: {
            fi: "Kaupunkistrategian ohjelmat, tavoitteet, toimenpiteet ja mittarit puuna; jokaisella tila ja sen peruste.",
            sv: "Stadsstrategins program, mål, åtgärder och indikatorer som ett träd; var och en med sitt läge och skälet till det.",
            en: "The city strategy's programmes, goals, actions and indicators as a tree, each with its status and the reason for it.",
          },
          keywords: KEYWORDS,
          theme: "GOVE",
          frequency: "IRREG",
          modified: null,
          landingPage: WEB_ROUTES.strategy,
          distributions: [{ format: "JSON", mediaType: "application/json", path: "/api/v1/strategy/tree" }],
        },
      ];
      return datasets;
    },
  };
}
