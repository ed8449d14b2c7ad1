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

const CSV_HEADER = [
  "service_code",
  "month",
  "requests",
  "share_first_response_within_pct",
  "share_resolved_within_pct",
  "median_first_response_working_hours",
  "median_resolution_working_hours",
  "suppressed",
];

/** The figures as CSV: one row per category (or "all") and month (or "all"), empty cells where suppressed. */
export function figuresToCsv(figures: FeedbackFigures): string {
  const cell = (v: number | string | null) => {
    const text = v === null ? "" : String(v);
    return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const line = (code: string, month: string, f: PromiseFigures) =>
    [
      code,
      month,
      f.requests,
      f.shareFirstResponseWithin,
      f.shareResolvedWithin,
      f.medianFirstResponseHours,
      f.medianResolutionHours,
      f.suppressed,
    ]
      .map(cell)
      .join(",");
  const rows = [CSV_HEADER.join(",")];
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
