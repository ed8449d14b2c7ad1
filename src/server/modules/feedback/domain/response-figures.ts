import { workingHoursBetween } from "./working-hours.ts";

// The response-time figures the strategy follows (issue 6 item 4): the median working hours to the first
// response, and the share of requests answered within their promise. Both are over the requests made in a
// year; figures from fewer than five requests are not published (they could identify someone).

/** The smallest number of requests a published figure may rest on. */
export const MIN_REQUESTS = 5;

/** A request's promise and its first response, if any. */
export interface ResponseTimes {
  requestedAt: string;
  expectedFirstResponseAt: string;
  firstResponseAt: string | null;
}

/** Median working hours from request to first response (answered requests only), or null below 5. */
export function medianFirstResponseHours(requests: readonly ResponseTimes[]): number | null {
  return medianHours(requests.map((r) => [r.requestedAt, r.firstResponseAt]));
}

/**
 * Percentage of requests answered by their promised time. Requests still unanswered count against the
 * promise once it has passed at `now`, and are left out while it has not (they may still make it).
 */
export function shareWithinPromise(requests: readonly ResponseTimes[], now: Date): number | null {
  return shareWithin(
    requests.map((r) => [r.expectedFirstResponseAt, r.firstResponseAt]),
    now,
  );
}

/** A request's two promises and when each was kept, if it was. */
export interface PromiseTimes extends ResponseTimes {
  expectedResolutionAt: string;
  /** When handling ended (done or closed); null while open. */
  closedAt: string | null;
}

/** The public figures of a set of requests; a figure resting on fewer than five requests is null. */
export interface PromiseFigures {
  /** How many requests were made; null (suppressed) below five. */
  requests: number | null;
  shareFirstResponseWithin: number | null;
  shareResolvedWithin: number | null;
  medianFirstResponseHours: number | null;
  medianResolutionHours: number | null;
}

/** Both promises' figures over a set of requests, by the same rules as the strategy's indicators. */
export function promiseFigures(requests: readonly PromiseTimes[], now: Date): PromiseFigures {
  if (requests.length < MIN_REQUESTS) {
    return {
      requests: null,
      shareFirstResponseWithin: null,
      shareResolvedWithin: null,
      medianFirstResponseHours: null,
      medianResolutionHours: null,
    };
  }
  return {
    requests: requests.length,
    shareFirstResponseWithin: shareWithinPromise(requests, now),
    shareResolvedWithin: shareWithin(
      requests.map((r) => [r.expectedResolutionAt, r.closedAt]),
      now,
    ),
    medianFirstResponseHours: medianFirstResponseHours(requests),
    medianResolutionHours: medianHours(requests.map((r) => [r.requestedAt, r.closedAt])),
  };
}

// Median working hours of [start, end] pairs that have an end, to a tenth of an hour; null below five.
function medianHours(pairs: readonly (readonly [string, string | null])[]): number | null {
  const hours = pairs
    .flatMap(([start, end]) => (end ? [workingHoursBetween(new Date(start), new Date(end))] : []))
    .sort((a, b) => a - b);
  if (hours.length < MIN_REQUESTS) return null;
  const mid = Math.floor(hours.length / 2);
  const median =
    hours.length % 2 === 1
      ? (hours[mid] as number)
      : ((hours[mid - 1] as number) + (hours[mid] as number)) / 2;
  return Math.round(median * 10) / 10;
}

// Percentage of [promise, kept] pairs kept in time; unkept ones count once the promise has passed.
function shareWithin(pairs: readonly (readonly [string, string | null])[], now: Date): number | null {
  let within = 0;
  let decided = 0;
  for (const [due, kept] of pairs) {
    const promise = Date.parse(due);
    if (kept !== null) {
      decided++;
      if (Date.parse(kept) <= promise) within++;
    } else if (promise < now.getTime()) decided++;
  }
  if (decided < MIN_REQUESTS) return null;
  return Math.round((within / decided) * 1000) / 10;
}
