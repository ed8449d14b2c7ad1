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
  const hours = requests
    .flatMap((r) =>
      r.firstResponseAt ? [workingHoursBetween(new Date(r.requestedAt), new Date(r.firstResponseAt))] : [],
    )
    .sort((a, b) => a - b);
  if (hours.length < MIN_REQUESTS) return null;
  const mid = Math.floor(hours.length / 2);
  const median =
    hours.length % 2 === 1
      ? (hours[mid] as number)
      : ((hours[mid - 1] as number) + (hours[mid] as number)) / 2;
  return Math.round(median * 10) / 10;
}

/**
 * Percentage of requests answered by their promised time. Requests still unanswered count against the
 * promise once it has passed at `now`, and are left out while it has not (they may still make it).
 */
export function shareWithinPromise(requests: readonly ResponseTimes[], now: Date): number | null {
  let within = 0;
  let decided = 0;
  for (const r of requests) {
    const promise = Date.parse(r.expectedFirstResponseAt);
    if (r.firstResponseAt !== null) {
      decided++;
      if (Date.parse(r.firstResponseAt) <= promise) within++;
    } else if (promise < now.getTime()) decided++;
  }
  if (decided < MIN_REQUESTS) return null;
  return Math.round((within / decided) * 1000) / 10;
}
