// Checks a ballot against its round's ballot type. Pure; limits apply per area (each area is its own election).

/** How a round's ballot is shaped. */
export interface BallotShape {
  readonly ballotType: "approval" | "basket" | "cumulative" | "ranking";
  /** Approval and ranking: at most this many projects per area (null: no limit). */
  readonly maxChoices: number | null;
  /** Cumulative: points to share per area. */
  readonly pointsTotal: number | null;
}

/** A project on the ballot. */
export interface BallotProject {
  readonly areaId: string;
  readonly cost: number;
}

/** Why a ballot is refused (each maps to a localized message); `index` is the offending choice. */
export type BallotProblem =
  | { readonly reason: "unknown_project"; readonly index: number }
  | { readonly reason: "duplicate_project"; readonly index: number }
  | { readonly reason: "points_not_allowed"; readonly index: number }
  | { readonly reason: "points_missing"; readonly index: number }
  | { readonly reason: "too_many_choices"; readonly areaId: string; readonly limit: number }
  | { readonly reason: "over_budget"; readonly areaId: string; readonly limit: number }
  | { readonly reason: "too_many_points"; readonly areaId: string; readonly limit: number };

/** The first problem of a ballot, or null when it is valid. */
export function checkBallot(
  shape: BallotShape,
  projects: ReadonlyMap<string, BallotProject>,
  areaBudgets: ReadonlyMap<string, number>,
  choices: readonly { readonly projectId: string; readonly points?: number | undefined }[],
): BallotProblem | null {
  const seen = new Set<string>();
  const count = new Map<string, number>();
  const cost = new Map<string, number>();
  const points = new Map<string, number>();
  for (const [index, choice] of choices.entries()) {
    const project = projects.get(choice.projectId);
    if (!project) return { reason: "unknown_project", index };
    if (seen.has(choice.projectId)) return { reason: "duplicate_project", index };
    seen.add(choice.projectId);
    if (shape.ballotType === "cumulative") {
      if (choice.points === undefined) return { reason: "points_missing", index };
    } else if (choice.points !== undefined) {
      return { reason: "points_not_allowed", index };
    }
    const area = project.areaId;
    count.set(area, (count.get(area) ?? 0) + 1);
    cost.set(area, (cost.get(area) ?? 0) + project.cost);
    points.set(area, (points.get(area) ?? 0) + (choice.points ?? 0));
  }
  for (const [areaId, n] of count) {
    if ((shape.ballotType === "approval" || shape.ballotType === "ranking") && shape.maxChoices !== null) {
      if (n > shape.maxChoices) return { reason: "too_many_choices", areaId, limit: shape.maxChoices };
    }
    if (shape.ballotType === "basket") {
      const limit = areaBudgets.get(areaId) ?? 0;
      if ((cost.get(areaId) ?? 0) > limit) return { reason: "over_budget", areaId, limit };
    }
    if (shape.ballotType === "cumulative" && shape.pointsTotal !== null) {
      if ((points.get(areaId) ?? 0) > shape.pointsTotal) {
        return { reason: "too_many_points", areaId, limit: shape.pointsTotal };
      }
    }
  }
  return null;
}
