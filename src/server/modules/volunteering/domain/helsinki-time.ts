// Weekly shifts in Helsinki time: a shift keeps its local time across the daylight-saving change, so its UTC
// instant moves by an hour (the conversions are in server/lib/helsinki-time.ts).

import type { Daypart, TimeSlot } from "../../../../contracts/volunteering.ts";
import { addDays, helsinkiParts, helsinkiToUtc } from "../../../lib/helsinki-time.ts";

/**
 * The occurrences of a shift repeated weekly at the same Helsinki wall-clock time, `weeks` times (1 = once).
 * An end time not after the start means the shift ends the next day (e.g. 22:00–02:00).
 */
export function weeklyOccurrences(input: {
  date: string;
  startTime: string;
  endTime: string;
  weeks: number;
}): { startsAt: Date; endsAt: Date }[] {
  const overnight = input.endTime <= input.startTime;
  const out: { startsAt: Date; endsAt: Date }[] = [];
  for (let week = 0; week < input.weeks; week++) {
    const day = addDays(input.date, week * 7);
    out.push({
      startsAt: helsinkiToUtc(day, input.startTime),
      endsAt: helsinkiToUtc(overnight ? addDays(day, 1) : day, input.endTime),
    });
  }
  return out;
}

/** The part of the day a Helsinki hour belongs to: morning before 12, afternoon before 17, evening after. */
export function daypartOf(hour: number): Daypart {
  if (hour < 12) return "morning";
  if (hour < 17) return "afternoon";
  return "evening";
}

/** The time slot ("sat-morning") in which a shift starts, in Helsinki time. */
export function slotOf(startsAt: Date): TimeSlot {
  const p = helsinkiParts(startsAt);
  return `${p.weekday}-${daypartOf(p.hour)}`;
}
