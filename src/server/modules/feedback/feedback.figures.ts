import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyInstance } from "fastify";
import Type from "typebox";
import {
  type FeedbackFigures,
  FeedbackFigures as FeedbackFiguresSchema,
  type FiguresSeries,
  type PromiseFigures,
  SUPPRESSED_FEWER_THAN_FIVE,
} from "../../../contracts/feedback-figures.ts";
import type { LocalizedText } from "../../../contracts/localized-text.ts";
import type { OpenDataField } from "../../../contracts/opendata.ts";
import { readJson } from "../../db/db.ts";
import { publicRead } from "../../platform/policy.ts";
import { MIN_REQUESTS, type PromiseTimes, promiseFigures } from "./domain/response-figures.ts";
import { getWallTime, HELSINKI_OFFICE_HOURS, resolveWallTime } from "./domain/working-hours.ts";
import { type FeedbackDb, selectPromiseTimes, selectServices } from "./feedback.repository.ts";

// The public response-time figures (issue 6 §4): the promise per category kept or not, month by month for
// the last twelve months. Computed by domain/response-figures.ts, the same rules as the strategy indicators.

const MONTHS = 12;
const LICENCE_LINK = '<https://creativecommons.org/licenses/by/4.0/>; rel="license"';

/** The Helsinki month ("YYYY-MM") an instant falls in. */
export function helsinkiMonth(iso: string): string {
  const wall = getWallTime(new Date(iso), HELSINKI_OFFICE_HOURS.timeZone);
  return `${wall.year}-${String(wall.month).padStart(2, "0")}`;
}

/** The last `count` Helsinki months up to the one `now` is in, oldest first, and the instant the first began. */
export function lastMonths(now: Date, count: number): { months: string[]; from: Date } {
  const wall = getWallTime(now, HELSINKI_OFFICE_HOURS.timeZone);
  const months: string[] = [];
  for (let back = count - 1; back >= 0; back--) {
    const index = wall.year * 12 + (wall.month - 1) - back;
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`);
  }
  const [year, month] = (months[0] as string).split("-").map(Number) as [number, number];
  return { months, from: resolveWallTime({ year, month, day: 1 }, HELSINKI_OFFICE_HOURS.timeZone) };
}

function figuresOf(requests: readonly PromiseTimes[], now: Date): PromiseFigures {
  const figures = promiseFigures(requests, now);
  return { ...figures, suppressed: figures.requests === null ? SUPPRESSED_FEWER_THAN_FIVE : null };
}

function seriesOf(requests: readonly PromiseTimes[], months: readonly string[], now: Date): FiguresSeries {
  const byMonth = new Map<string, PromiseTimes[]>(months.map((m) => [m, []]));
  for (const r of requests) byMonth.get(helsinkiMonth(r.requestedAt))?.push(r);
  return {
    overall: figuresOf(requests, now),
    months: months.map((month) => ({ month, ...figuresOf(byMonth.get(month) ?? [], now) })),
  };
}

/** The figures of the twelve months up to `now`: all categories together, then each category in use. */
export async function computeFigures(db: FeedbackDb, now: Date): Promise<FeedbackFigures> {
  const { months, from } = lastMonths(now, MONTHS);
  const [times, services] = await Promise.all([
    selectPromiseTimes(db, from.toISOString(), now.toISOString()),
    selectServices(db, true),
  ]);
  const byService = new Map<string, PromiseTimes[]>();
  for (const t of times) {
    const list = byService.get(t.serviceId) ?? [];
    list.push(t);
    byService.set(t.serviceId, list);
  }
  return {
    from: from.toISOString(),
    generatedAt: now.toISOString(),
    months,
    minRequests: MIN_REQUESTS,
    workingHours: {
      timeZone: HELSINKI_OFFICE_HOURS.timeZone,
      dayStart: HELSINKI_OFFICE_HOURS.dayStart,
      dayEnd: HELSINKI_OFFICE_HOURS.dayEnd,
    },
    total: seriesOf(times, months, now),
    // Example categories and retired ones without requests in the period have nothing to show.
    services: services
      .filter(
        ({ service }) => byService.has(service.id) || (service.isActive === 1 && service.isExample === 0),
      )
      .map(({ service }) => ({
        code: service.code,
        name: readJson<LocalizedText>(service.name),
        firstResponseHours: service.firstResponseHours,
        resolutionHours: service.resolutionHours,
        ...seriesOf(byService.get(service.id) ?? [], months, now),
      })),
  };
}

/** A figures.csv column: its data dictionary entry and how a row (a category's month) fills it. */
interface FiguresColumn {
  field: OpenDataField;
  value: (row: { code: string; month: string; figures: PromiseFigures }) => number | string | null;
}

function figuresColumn(
  name: string,
  type: OpenDataField["type"],
  description: Required<LocalizedText>,
  value: FiguresColumn["value"],
  unit?: string,
): FiguresColumn {
  return { field: { name, type, description, ...(unit ? { unit } : {}) }, value };
}

// One list for the file's columns and its data dictionary, so that they cannot disagree.
const FIGURES_COLUMNS: readonly FiguresColumn[] = [
  figuresColumn(
    "service_code",
    "string",
    {
      fi: "Palautteen aihe (Open311-palvelun koodi) tai all kaikille aiheille yhteensä",
      sv: "Responsens ämne (Open311-tjänstens kod) eller all för alla ämnen tillsammans",
      en: "The category (Open311 service code), or all for every category together",
    },
    (r) => r.code,
  ),
  figuresColumn(
    "month",
    "string",
    {
      fi: "Kuukausi (VVVV-KK, Suomen aikaa, palautteen jättöpäivän mukaan) tai all koko 12 kuukauden jaksolle",
      sv: "Månad (ÅÅÅÅ-MM, finsk tid, enligt dagen då responsen lämnades) eller all för hela 12-månadersperioden",
      en: "Month (YYYY-MM, Finnish time, by the day the request was made), or all for the whole 12 months",
    },
    (r) => r.month,
  ),
  figuresColumn(
    "requests",
    "integer",
    {
      fi: "Palautteiden määrä (kaksoiskappaleet ja esimerkkiaineisto pois lukien); tyhjä, kun alle viisi",
      sv: "Antal ärenden (dubbletter och exempeldata medräknas inte); tomt när färre än fem",
      en: "Requests made (duplicates and example data left out); empty when fewer than five",
    },
    (r) => r.figures.requests,
  ),
  figuresColumn(
    "share_first_response_within_pct",
    "number",
    {
      fi: "Prosenttiosuus, johon vastattiin ensimmäisen vastauksen lupauksen aikana (vastaamaton lasketaan mukaan, kun lupaus on umpeutunut)",
      sv: "Andel i procent som besvarades inom löftet om första svar (obesvarade räknas med när löftet har gått ut)",
      en: "Percent answered within the first-response promise (unanswered ones count once the promise has passed)",
    },
    (r) => r.figures.shareFirstResponseWithin,
    "%",
  ),
  figuresColumn(
    "share_resolved_within_pct",
    "number",
    {
      fi: "Prosenttiosuus, joka ratkaistiin (valmis tai suljettu) ratkaisulupauksen aikana",
      sv: "Andel i procent som löstes (klar eller stängd) inom löftet om lösning",
      en: "Percent resolved (done or closed) within the resolution promise",
    },
    (r) => r.figures.shareResolvedWithin,
    "%",
  ),
  figuresColumn(
    "median_first_response_working_hours",
    "number",
    {
      fi: "Mediaaniaika palautteesta ensimmäiseen vastaukseen työtunteina",
      sv: "Mediantiden från ärendet till första svaret, i arbetstimmar",
      en: "Median working hours from the request to the first response",
    },
    (r) => r.figures.medianFirstResponseHours,
    "h",
  ),
  figuresColumn(
    "median_resolution_working_hours",
    "number",
    {
      fi: "Mediaaniaika palautteesta ratkaisuun työtunteina",
      sv: "Mediantiden från ärendet till lösningen, i arbetstimmar",
      en: "Median working hours from the request to its resolution",
    },
    (r) => r.figures.medianResolutionHours,
    "h",
  ),
  figuresColumn(
    "suppressed",
    "string",
    {
      fi: `${SUPPRESSED_FEWER_THAN_FIVE}, kun rivin luvut on jätetty pois, koska palautteita oli alle viisi; muuten tyhjä`,
      sv: `${SUPPRESSED_FEWER_THAN_FIVE} när radens tal har utelämnats eftersom ärendena var färre än fem; annars tomt`,
      en: `${SUPPRESSED_FEWER_THAN_FIVE} when the row's figures are left out because there were fewer than five requests; otherwise empty`,
    },
    (r) => r.figures.suppressed,
  ),
];

/** The columns of figures.csv, in order, for the open data catalogue's data dictionary. */
export const FIGURES_FIELDS: readonly OpenDataField[] = FIGURES_COLUMNS.map((c) => c.field);

/** The figures as CSV: one row per category (or "all") and month (or "all"), empty cells where suppressed. */
export function figuresToCsv(figures: FeedbackFigures): string {
  const cell = (v: number | string | null) => {
    const text = v === null ? "" : String(v);
    return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const line = (code: string, month: string, f: PromiseFigures) =>
    FIGURES_COLUMNS.map((c) => cell(c.value({ code, month, figures: f }))).join(",");
  const rows = [FIGURES_COLUMNS.map((c) => c.field.name).join(",")];
  for (const [code, series] of [
    ["all", figures.total] as const,
    ...figures.services.map((s) => [s.code, s] as const),
  ]) {
    rows.push(line(code, "all", series.overall));
    for (const m of series.months) rows.push(line(code, m.month, m));
  }
  return `${rows.join("\r\n")}\r\n`;
}

/** GET /api/v1/feedback/figures (JSON) and /api/v1/feedback/figures.csv: public, CC BY 4.0. */
export async function figuresRoutes(app: FastifyInstance, db: FeedbackDb, now: () => Date): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.get(
    "/api/v1/feedback/figures",
    {
      config: { policy: publicRead },
      schema: {
        tags: ["feedback"],
        summary:
          "Response-time promise kept, per category and month for the last 12 months (working hours; under 5 suppressed)",
        response: { 200: FeedbackFiguresSchema },
      },
    },
    async (_request, reply) => {
      reply.header("link", LICENCE_LINK);
      return computeFigures(db, now());
    },
  );
  api.get(
    "/api/v1/feedback/figures.csv",
    {
      config: { policy: publicRead },
      schema: {
        tags: ["feedback"],
        summary: "The response-time figures as CSV (CC BY 4.0)",
        response: { 200: Type.String() },
      },
    },
    async (_request, reply) => {
      reply
        .header("link", LICENCE_LINK)
        .header("content-disposition", 'attachment; filename="keskio-feedback-figures.csv"');
      return reply.type("text/csv; charset=utf-8").send(figuresToCsv(await computeFigures(db, now())));
    },
  );
}
