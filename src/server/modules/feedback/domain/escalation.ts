import { addWorkingHours } from "./working-hours.ts";

// Escalation of overdue requests (issue 6 §4). A breach is a passed promise: the first response while nothing
// has been answered, otherwise the resolution. Each breach is raised once to the unit's handlers (level 1) and,
// when it is still open a further period of working hours after the promise, once more to the unit's lead
// (level 2). Counting the further period from the promise, not from the last run, keeps the outcome the same
// however often or seldom the digest runs.

/** Which promise a request has broken. */
export type Breach = "first_response" | "resolution";

/** The escalation a request carries: none (level 0), the handlers (1) or also the unit's lead (2). */
export interface Escalation {
  level: 0 | 1 | 2;
  breach: Breach | null;
}

/** What escalation needs to know of a request. */
export interface EscalationSubject extends Escalation {
  isOpen: boolean;
  firstResponseAt: string | null;
  expectedFirstResponseAt: string;
  expectedResolutionAt: string;
}

/** One working day of the Helsinki office calendar: the default wait before the lead is told. */
export const DEFAULT_LEAD_AFTER_HOURS = 8;

/** The promise a request has broken at `now`, if any (the first response takes precedence). */
export function currentBreach(
  r: Pick<
    EscalationSubject,
    "isOpen" | "firstResponseAt" | "expectedFirstResponseAt" | "expectedResolutionAt"
  >,
  now: Date,
): { breach: Breach; due: string } | null {
  if (!r.isOpen) return null;
  const at = now.getTime();
  if (r.firstResponseAt === null && Date.parse(r.expectedFirstResponseAt) < at)
    return { breach: "first_response", due: r.expectedFirstResponseAt };
  if (Date.parse(r.expectedResolutionAt) < at) return { breach: "resolution", due: r.expectedResolutionAt };
  return null;
}

/**
 * The escalation to raise now, or null when nothing changes: a new breach starts at level 1 (or 2 when it is
 * already past the lead's period), the same breach only ever rises. A kept request is never lowered, so a
 * breach is raised once per level however often this runs.
 */
export function nextEscalation(
  r: EscalationSubject,
  now: Date,
  leadAfterHours: number = DEFAULT_LEAD_AFTER_HOURS,
): Escalation | null {
  const found = currentBreach(r, now);
  if (!found) return null;
  const leadAt = addWorkingHours(new Date(found.due), leadAfterHours);
  const level: 1 | 2 = leadAt.getTime() <= now.getTime() ? 2 : 1;
  if (found.breach === r.breach && level <= r.level) return null;
  return { level, breach: found.breach };
}
