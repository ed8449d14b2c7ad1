// Builders of small in-memory elections for the tests of the counting rules (pure, no I/O).

import type { BudgetElection } from "./election.ts";
import type { PbVoteType } from "./pabulib.ts";
import { makeRational, type Rational } from "./rational.ts";

/** A ballot: project ids in order (ranking for ordinal), with points for cumulative ballots. */
export interface TestBallot {
  readonly projects: readonly string[];
  readonly points?: readonly number[];
}

/** Builds a BudgetElection from plain values; costs and budget may be integers or rationals. */
export function makeElection(
  budget: number | Rational,
  projects: readonly (readonly [id: string, cost: number | Rational])[],
  ballots: readonly (readonly string[] | TestBallot)[],
  voteType: PbVoteType = "approval",
  meta: Record<string, string> = {},
): BudgetElection {
  const toQ = (v: number | Rational): Rational => (typeof v === "number" ? makeRational(BigInt(v)) : v);
  const index = new Map(projects.map(([id], i) => [id, i]));
  const offsets = [0];
  const flat: number[] = [];
  const points: number[] = [];
  for (const b of ballots) {
    const ballot: TestBallot = Array.isArray(b) ? { projects: b as readonly string[] } : (b as TestBallot);
    ballot.projects.forEach((id, k) => {
      const j = index.get(id);
      if (j === undefined) throw new Error(`unknown project ${id}`);
      flat.push(j);
      points.push(ballot.points?.[k] ?? 1);
    });
    offsets.push(flat.length);
  }
  const hasPoints = voteType === "cumulative" || voteType === "scoring";
  return {
    budget: toQ(budget),
    voteType,
    projects: projects.map(([id, cost]) => ({ id, cost: toQ(cost) })),
    votes: {
      count: ballots.length,
      offsets: Int32Array.from(offsets),
      projects: Int32Array.from(flat),
      points: hasPoints ? Float64Array.from(points) : null,
      pointsScale: 1,
    },
    meta,
  };
}
