import Type, { type Static } from "typebox";
import { LocalizedText } from "./localized-text.ts";

// The public response-time figures of feedback (issue 6 §4): per category and month, how many requests were
// answered and resolved within their promise and how long it took in working hours. No personal data; a
// figure that rests on fewer than five requests is null.

const NullableNumber = Type.Union([Type.Number(), Type.Null()]);

/** Why a row's figures are withheld: fewer than five requests were made. */
export const SUPPRESSED_FEWER_THAN_FIVE = "fewer_than_five_requests";

/** The figures of a set of requests; each is null when fewer than five requests stand behind it. */
export const PromiseFigures = Type.Object({
  /** Requests made (duplicates and example data left out); null below five. */
  requests: Type.Union([Type.Integer(), Type.Null()]),
  /** Percent answered by the first-response promise (still unanswered ones count once it has passed). */
  shareFirstResponseWithin: NullableNumber,
  /** Percent resolved (done or closed) by the resolution promise. */
  shareResolvedWithin: NullableNumber,
  /** Median working hours from the request to the first response. */
  medianFirstResponseHours: NullableNumber,
  /** Median working hours from the request to its resolution. */
  medianResolutionHours: NullableNumber,
  /** Why every figure of the row is null, or null when the row is published. */
  suppressed: Type.Union([Type.Literal(SUPPRESSED_FEWER_THAN_FIVE), Type.Null()]),
});
export type PromiseFigures = Static<typeof PromiseFigures>;

/** One month's figures ("YYYY-MM" in Helsinki time, by the day the request was made). */
export const MonthFigures = Type.Object({ month: Type.String(), ...PromiseFigures.properties });
export type MonthFigures = Static<typeof MonthFigures>;

/** Figures over the whole period and month by month. */
export const FiguresSeries = Type.Object({
  overall: PromiseFigures,
  months: Type.Array(MonthFigures),
});
export type FiguresSeries = Static<typeof FiguresSeries>;

/** One category with its promise in working hours and its figures. */
export const ServiceFigures = Type.Object({
  code: Type.String(),
  name: LocalizedText,
  firstResponseHours: Type.Number(),
  resolutionHours: Type.Number(),
  ...FiguresSeries.properties,
});
export type ServiceFigures = Static<typeof ServiceFigures>;

/** The response-time figures of the last twelve months, all categories together and each on its own. */
export const FeedbackFigures = Type.Object({
  /** First instant counted (start of the first month, Helsinki time) and when the figures were computed. */
  from: Type.String(),
  generatedAt: Type.String(),
  /** The months covered, oldest first. */
  months: Type.Array(Type.String()),
  /** The smallest number of requests a published figure rests on. */
  minRequests: Type.Integer(),
  /** How working hours are counted: the office day in local time, Monday to Friday, holidays off. */
  workingHours: Type.Object({ timeZone: Type.String(), dayStart: Type.String(), dayEnd: Type.String() }),
  total: FiguresSeries,
  services: Type.Array(ServiceFigures),
});
export type FeedbackFigures = Static<typeof FeedbackFigures>;
