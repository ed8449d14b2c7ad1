import { describe, expect, it } from "vitest";
import type { VolunteerProfile } from "../../../../contracts/volunteering.ts";
import { helsinkiToUtc } from "../../../lib/helsinki-time.ts";
import {
  type MatchableOpportunity,
  rankOpportunities,
  rankVolunteers,
  scoreOpportunity,
} from "./matching.ts";

// 2026-12-05 is a Saturday, 2026-12-08 a Tuesday.
const SAT_MORNING = helsinkiToUtc("2026-12-05", "10:00");
const TUE_EVENING = helsinkiToUtc("2026-12-08", "17:30");

const base: Omit<MatchableOpportunity, "id" | "title"> = {
  themes: [],
  skills: [],
  area: "keskusta",
  minAge: null,
  shifts: [],
  ongoing: false,
};

const reading: MatchableOpportunity = {
  ...base,
  id: "reading",
  title: "Lukukaverit",
  themes: ["children_youth", "culture"],
  skills: ["reading"],
  area: "keskusta",
  minAge: 18,
  shifts: [{ startsAt: SAT_MORNING, freePlaces: 2 }],
};
const snow: MatchableOpportunity = {
  ...base,
  id: "snow",
  title: "Lumityöt",
  themes: ["elderly", "neighbourhood"],
  skills: ["physical_work"],
  area: "jyranko",
  minAge: 15,
  shifts: [{ startsAt: SAT_MORNING, freePlaces: 0 }],
};
const coaching: MatchableOpportunity = {
  ...base,
  id: "coaching",
  title: "Salibandy",
  themes: ["sports", "children_youth"],
  skills: ["coaching"],
  area: "vierumaki",
  minAge: 16,
  shifts: [{ startsAt: TUE_EVENING, freePlaces: 1 }],
};
const phoneFriend: MatchableOpportunity = {
  ...base,
  id: "phone",
  title: "Puhelinystävä",
  themes: ["elderly"],
  area: "remote",
  ongoing: true,
};
const ALL = [reading, snow, coaching, phoneFriend];

function profile(overrides: Partial<VolunteerProfile>): VolunteerProfile {
  return { interests: [], skills: [], areas: [], languages: [], availability: [], ...overrides };
}

describe("matching opportunities to a profile", () => {
  it("puts the book lover in the centre on Saturday mornings first, with every reason", () => {
    const ranked = rankOpportunities(
      profile({
        interests: ["culture", "children_youth"],
        skills: ["reading"],
        areas: ["keskusta"],
        availability: ["sat-morning"],
        age: 67,
      }),
      ALL,
    );
    expect(ranked.map((m) => m.opportunityId)).toEqual(["reading", "coaching"]);
    expect(ranked[0]?.score).toBe(3 + 3 + 2 + 2 + 2);
    expect(ranked[0]?.reasons).toEqual([
      { code: "interest", value: "children_youth" },
      { code: "interest", value: "culture" },
      { code: "skill", value: "reading" },
      { code: "area", value: "keskusta" },
      { code: "time", count: 1 },
      { code: "min_age", count: 18 },
    ]);
    expect(ranked[1]?.reasons).toEqual([
      { code: "interest", value: "children_youth" },
      { code: "min_age", count: 16 },
    ]);
  });

  it("leaves out what a 15-year-old is too young for, and says when only the waitlist is left", () => {
    const teen = profile({
      interests: ["elderly", "sports", "children_youth"],
      skills: ["physical_work"],
      areas: ["jyranko"],
      availability: ["sat-morning"],
      age: 15,
    });
    const ranked = rankOpportunities(teen, ALL);
    expect(ranked.map((m) => m.opportunityId)).toEqual(["snow", "phone"]);
    expect(ranked[0]?.score).toBe(3 + 2 + 2 + 2);
    expect(ranked[0]?.reasons).toContainEqual({ code: "waitlist_only" });
    expect(ranked[1]?.reasons).toEqual([
      { code: "interest", value: "elderly" },
      { code: "remote" },
      { code: "ongoing" },
    ]);
    expect(scoreOpportunity(teen, reading)).toBeNull();
    expect(scoreOpportunity(teen, coaching)).toBeNull();
  });

  it("orders equal scores by the sooner first shift, then by title", () => {
    const sporty = profile({ interests: ["children_youth"] });
    const ranked = rankOpportunities(sporty, [coaching, reading]);
    // Both score 3; the reading buddies' Saturday shift comes before Tuesday's practice.
    expect(ranked.map((m) => [m.opportunityId, m.score])).toEqual([
      ["reading", 3],
      ["coaching", 3],
    ]);
  });

  it("shows everything (unranked by points) to someone who has not said anything yet", () => {
    const ranked = rankOpportunities(profile({}), ALL);
    expect(ranked).toHaveLength(4);
    expect(ranked.every((m) => m.score === 2 || m.score === 0)).toBe(true);
    expect(ranked[0]?.opportunityId).toBe("phone");
  });

  it("does not count a shift outside the person's free time", () => {
    const match = scoreOpportunity(
      profile({ interests: ["sports"], availability: ["sat-morning", "tue-morning"] }),
      coaching,
    );
    expect(match?.reasons.find((r) => r.code === "time")).toBeUndefined();
    expect(match?.score).toBe(3);
  });
});

describe("suggesting volunteers for an opportunity (the reverse direction)", () => {
  const person = (id: string, name: string, overrides: Partial<VolunteerProfile>) => ({
    id,
    name,
    profile: profile(overrides),
  });
  const reader = person("v1", "Raili", {
    interests: ["culture", "children_youth"],
    skills: ["reading"],
    areas: ["keskusta"],
    availability: ["sat-morning"],
    age: 67,
  });
  const culturalNeighbour = person("v2", "Kalle", { interests: ["culture"], areas: ["keskusta"], age: 40 });
  const reciter = person("v3", "Aino", { skills: ["reading"], availability: ["sat-morning"] });
  const teen = person("v4", "Teemu", {
    interests: ["culture", "children_youth"],
    skills: ["reading"],
    age: 15,
  });
  const nearbyOnly = person("v5", "Lauri", { areas: ["keskusta"], availability: ["sat-morning"], age: 50 });

  it("ranks by the same points as the forward matching and shows only reasons about the person", () => {
    const ranked = rankVolunteers(reading, [nearbyOnly, reciter, culturalNeighbour, teen, reader]);
    expect(ranked.map((m) => [m.name, m.score])).toEqual([
      ["Raili", 3 + 3 + 2 + 2 + 2],
      ["Kalle", 3 + 2],
      ["Aino", 2 + 2],
    ]);
    expect(ranked[0]?.reasons).toEqual([
      { code: "interest", value: "children_youth" },
      { code: "interest", value: "culture" },
      { code: "skill", value: "reading" },
      { code: "area", value: "keskusta" },
      { code: "time", count: 1 },
    ]);
    // The task's own facts (age limit) are no reason about the person.
    expect(ranked.flatMap((m) => m.reasons).some((r) => r.code === "min_age")).toBe(false);
    // Each score equals what the person would see from their side.
    for (const m of ranked) {
      const p = [reader, culturalNeighbour, reciter].find((x) => x.id === m.volunteerId);
      expect(scoreOpportunity(p?.profile ?? profile({}), reading)?.score).toBe(m.score);
    }
  });

  it("leaves out the too young and those with neither a shared interest nor a skill", () => {
    const ids = rankVolunteers(reading, [teen, nearbyOnly]).map((m) => m.volunteerId);
    expect(ids).toEqual([]);
  });

  it("orders equal points by name, then id, whatever the input order", () => {
    const a = person("x2", "Aino", { interests: ["elderly"] });
    const b = person("x1", "Aino", { interests: ["elderly"] });
    const c = person("x0", "Öhman", { interests: ["elderly"] });
    const ranked = rankVolunteers(phoneFriend, [c, a, b]);
    expect(ranked.map((m) => m.volunteerId)).toEqual(["x1", "x2", "x0"]);
    expect(ranked[0]?.reasons).toEqual([
      { code: "interest", value: "elderly" },
      { code: "remote" },
      { code: "ongoing" },
    ]);
  });
});
