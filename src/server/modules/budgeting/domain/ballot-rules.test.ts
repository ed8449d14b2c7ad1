import { describe, expect, it } from "vitest";
import { checkBallot } from "./ballot-rules.ts";

const projects = new Map([
  ["a", { areaId: "city", cost: 6000 }],
  ["b", { areaId: "city", cost: 5000 }],
  ["c", { areaId: "city", cost: 1000 }],
  ["v", { areaId: "village", cost: 2000 }],
]);
const budgets = new Map([
  ["city", 10000],
  ["village", 3000],
]);

describe("ballot rules", () => {
  it("approval: at most N per area, each area counted on its own", () => {
    const shape = { ballotType: "approval", maxChoices: 2, pointsTotal: null } as const;
    expect(
      checkBallot(shape, projects, budgets, [{ projectId: "a" }, { projectId: "b" }, { projectId: "v" }]),
    ).toBeNull();
    expect(
      checkBallot(shape, projects, budgets, [{ projectId: "a" }, { projectId: "b" }, { projectId: "c" }]),
    ).toEqual({ reason: "too_many_choices", areaId: "city", limit: 2 });
  });

  it("basket: the chosen projects must fit the area's budget", () => {
    const shape = { ballotType: "basket", maxChoices: null, pointsTotal: null } as const;
    expect(checkBallot(shape, projects, budgets, [{ projectId: "a" }, { projectId: "c" }])).toBeNull();
    expect(checkBallot(shape, projects, budgets, [{ projectId: "a" }, { projectId: "b" }])).toEqual({
      reason: "over_budget",
      areaId: "city",
      limit: 10000,
    });
  });

  it("cumulative: points are required and their sum is capped per area", () => {
    const shape = { ballotType: "cumulative", maxChoices: null, pointsTotal: 5 } as const;
    expect(
      checkBallot(shape, projects, budgets, [
        { projectId: "a", points: 3 },
        { projectId: "b", points: 2 },
      ]),
    ).toBeNull();
    expect(checkBallot(shape, projects, budgets, [{ projectId: "a" }])).toEqual({
      reason: "points_missing",
      index: 0,
    });
    expect(
      checkBallot(shape, projects, budgets, [
        { projectId: "a", points: 4 },
        { projectId: "b", points: 2 },
      ]),
    ).toEqual({
      reason: "too_many_points",
      areaId: "city",
      limit: 5,
    });
  });

  it("refuses unknown and repeated projects, and points where none are taken", () => {
    const shape = { ballotType: "ranking", maxChoices: 3, pointsTotal: null } as const;
    expect(checkBallot(shape, projects, budgets, [{ projectId: "x" }])).toEqual({
      reason: "unknown_project",
      index: 0,
    });
    expect(checkBallot(shape, projects, budgets, [{ projectId: "a" }, { projectId: "a" }])).toEqual({
      reason: "duplicate_project",
      index: 1,
    });
    expect(checkBallot(shape, projects, budgets, [{ projectId: "a", points: 1 }])).toEqual({
      reason: "points_not_allowed",
      index: 0,
    });
  });
});
