// Matching volunteers with opportunities (issue 8 §4): a transparent points rule rather than a learned model,
// so that every suggestion can be explained in words and a representative can predict it. Points: each shared
// interest 3, each wanted skill the person has 2, the person's area (or remote work) 2, upcoming shifts in the
// person's free time slots 2; opportunities the person is too young for are left out. Only an opportunity
// that shares an interest or a skill is suggested: a place or a free evening alone is no reason to help.

import type {
  Area,
  MatchReason,
  Skill,
  Theme,
  TimeSlot,
  VolunteerProfile,
} from "../../../../contracts/volunteering.ts";
import { slotOf } from "./helsinki-time.ts";

/** What matching needs to know of an opportunity. */
export interface MatchableOpportunity {
  id: string;
  title: string;
  themes: readonly Theme[];
  skills: readonly Skill[];
  area: Area;
  minAge: number | null;
  /** Upcoming, not cancelled shifts with their free places. */
  shifts: readonly { startsAt: Date; freePlaces: number }[];
  /** Ongoing roles have no shifts and fit any time. */
  ongoing: boolean;
}

/** One suggestion, with its points and the reasons behind them, best first. */
export interface Match {
  opportunityId: string;
  score: number;
  reasons: MatchReason[];
}

export const POINTS = { interest: 3, skill: 2, area: 2, time: 2 } as const;

/** Scores one opportunity for a profile; null when the person cannot take part (too young). */
export function scoreOpportunity(profile: VolunteerProfile, opportunity: MatchableOpportunity): Match | null {
  if (opportunity.minAge !== null && profile.age != null && profile.age < opportunity.minAge) return null;
  const reasons: MatchReason[] = [];
  let score = 0;
  for (const theme of opportunity.themes) {
    if (profile.interests.includes(theme)) {
      score += POINTS.interest;
      reasons.push({ code: "interest", value: theme });
    }
  }
  for (const skill of opportunity.skills) {
    if (profile.skills.includes(skill)) {
      score += POINTS.skill;
      reasons.push({ code: "skill", value: skill });
    }
  }
  if (opportunity.area === "remote") {
    score += POINTS.area;
    reasons.push({ code: "remote" });
  } else if (profile.areas.includes(opportunity.area)) {
    score += POINTS.area;
    reasons.push({ code: "area", value: opportunity.area });
  }
  if (opportunity.ongoing) {
    reasons.push({ code: "ongoing" });
  } else {
    const wanted = new Set<TimeSlot>(profile.availability);
    const fitting = opportunity.shifts.filter((s) => wanted.has(slotOf(s.startsAt)));
    if (fitting.length > 0) {
      score += POINTS.time;
      reasons.push({ code: "time", count: fitting.length });
    }
    if (opportunity.shifts.length > 0 && opportunity.shifts.every((s) => s.freePlaces <= 0)) {
      reasons.push({ code: "waitlist_only" });
    }
  }
  if (opportunity.minAge !== null) reasons.push({ code: "min_age", count: opportunity.minAge });
  return { opportunityId: opportunity.id, score, reasons };
}

function firstShift(o: MatchableOpportunity): number {
  return o.shifts.reduce((min, s) => Math.min(min, s.startsAt.getTime()), Number.POSITIVE_INFINITY);
}

/**
 * Ranks opportunities for a profile: by points, then the sooner first shift, then title (a stable,
 * reproducible order). Without a shared interest or skill an opportunity is left out, unless the profile is
 * empty (then everything is shown).
 */
export function rankOpportunities(
  profile: VolunteerProfile,
  opportunities: readonly MatchableOpportunity[],
): Match[] {
  const emptyProfile =
    profile.interests.length + profile.skills.length + profile.areas.length + profile.availability.length ===
    0;
  const byId = new Map(opportunities.map((o) => [o.id, o]));
  return opportunities
    .map((o) => scoreOpportunity(profile, o))
    .filter(
      (m): m is Match =>
        m !== null && (emptyProfile || m.reasons.some((r) => r.code === "interest" || r.code === "skill")),
    )
    .sort((a, b) => {
      const oa = byId.get(a.opportunityId) as MatchableOpportunity;
      const ob = byId.get(b.opportunityId) as MatchableOpportunity;
      return (
        b.score - a.score ||
        firstShift(oa) - firstShift(ob) ||
        oa.title.localeCompare(ob.title, "fi") ||
        oa.id.localeCompare(ob.id)
      );
    });
}

/** A volunteer who may be suggested: only the profile and an id (never contact details or age shown). */
export interface SuggestibleVolunteer {
  id: string;
  /** What the representative may see: the first name or the display name the person chose. */
  name: string;
  profile: VolunteerProfile;
}

/** One suggested volunteer for an opportunity, with the reasons that are about the person. */
export interface VolunteerMatch {
  volunteerId: string;
  name: string;
  score: number;
  reasons: MatchReason[];
}

/** Facts of the task, not of the person: they say nothing about why this person fits. */
const TASK_FACTS: ReadonlySet<string> = new Set(["min_age", "waitlist_only"]);

/**
 * The reverse direction (issue 8 §4): volunteers ranked for one opportunity with the same points and the same
 * rule as `rankOpportunities` (too young → left out; no shared interest or skill → not suggested). Ordered by
 * points, then name and id, so the list is stable and reproducible.
 */
export function rankVolunteers(
  opportunity: MatchableOpportunity,
  volunteers: readonly SuggestibleVolunteer[],
): VolunteerMatch[] {
  const matches: VolunteerMatch[] = [];
  for (const v of volunteers) {
    const m = scoreOpportunity(v.profile, opportunity);
    if (!m?.reasons.some((r) => r.code === "interest" || r.code === "skill")) continue;
    const reasons = m.reasons.filter((r) => !TASK_FACTS.has(r.code));
    matches.push({ volunteerId: v.id, name: v.name, score: m.score, reasons });
  }
  return matches.sort(
    (a, b) =>
      b.score - a.score || a.name.localeCompare(b.name, "fi") || a.volunteerId.localeCompare(b.volunteerId),
  );
}
