import { readFileSync } from "node:fs";
import path from "node:path";
import type { Kysely } from "kysely";
import Type, { type Static } from "typebox";
import { Value } from "typebox/value";
import { LocalizedText } from "../../../contracts/localized-text.ts";
import { AgendaItem } from "../../../contracts/strategy.ts";
import { inTransaction, writeJson } from "../../db/db.ts";
import { newId } from "../../lib/ids.ts";
import type { SeedReport } from "../../platform/module.ts";
import * as repo from "./strategy.repository.ts";
import type { StrategyTables } from "./strategy.tables.ts";

const Slug = Type.String({ pattern: "^[a-z0-9]+(-[a-z0-9]+)*$" });

/** The shape of data/seed/heinola-strategy.json; checked before anything is written. */
export const StrategySeed = Type.Object({
  plan: Type.Object({
    slug: Slug,
    title: LocalizedText,
    vision: LocalizedText,
    mission: LocalizedText,
    periodStart: Type.Integer(),
    periodEnd: Type.Integer(),
    values: Type.Array(LocalizedText),
    themes: Type.Array(LocalizedText),
  }),
  programmes: Type.Array(
    Type.Object({
      slug: Slug,
      name: LocalizedText,
      summary: LocalizedText,
      statement: Type.Union([LocalizedText, Type.Null()]),
      changeAgenda: Type.Array(AgendaItem),
      foundations: Type.Array(LocalizedText),
      choices: Type.Array(AgendaItem),
      targetGroups: Type.Array(LocalizedText),
      // "plan": the programme shares the strategy's values, as the slides show them.
      values: Type.Union([Type.Literal("plan"), Type.Array(LocalizedText)]),
      focusAreas: Type.Array(LocalizedText),
      goals: Type.Array(
        Type.Object({
          slug: Slug,
          title: LocalizedText,
          actions: Type.Array(Type.Object({ slug: Slug, title: LocalizedText })),
        }),
      ),
    }),
  ),
});
export type StrategySeed = Static<typeof StrategySeed>;

/** The Heinola strategy 2018–2030 shipped with Keskiö. */
export const HEINOLA_STRATEGY_FILE = path.resolve(
  import.meta.dirname,
  "../../../../data/seed/heinola-strategy.json",
);

/** Reads and checks a strategy seed file; throws naming the first problem. */
export function readStrategySeed(file: string = HEINOLA_STRATEGY_FILE): StrategySeed {
  const data: unknown = JSON.parse(readFileSync(file, "utf8"));
  const firstError = Value.Errors(StrategySeed, data)[0];
  if (firstError) {
    throw new Error(`${file}: ${firstError.instancePath || "/"} ${firstError.message}`);
  }
  return data as StrategySeed;
}

/**
 * Loads a strategy idempotently in one transaction: matched by slugs, created when missing, updated when the
 * text changed, left alone otherwise. Nothing is deleted, so staff additions survive a re-seed.
 */
export async function seedStrategy(
  db: Kysely<StrategyTables>,
  seed: StrategySeed,
  now: Date,
): Promise<SeedReport> {
  const report: SeedReport = { module: "strategy", created: 0, updated: 0, unchanged: 0 };
  const count = (outcome: repo.UpsertOutcome) => {
    report[outcome] += 1;
  };
  const at = now.toISOString();
  const stamps = { createdAt: at, updatedAt: at };
  await inTransaction(db, async (trx) => {
    const plan = await repo.upsertPlan(trx, {
      id: newId(),
      slug: seed.plan.slug,
      title: writeJson(seed.plan.title),
      vision: writeJson(seed.plan.vision),
      mission: writeJson(seed.plan.mission),
      periodStart: seed.plan.periodStart,
      periodEnd: seed.plan.periodEnd,
      values: writeJson(seed.plan.values),
      themes: writeJson(seed.plan.themes),
      ...stamps,
    });
    count(plan.outcome);
    for (const [index, p] of seed.programmes.entries()) {
      const programme = await repo.upsertProgramme(trx, {
        id: newId(),
        planId: plan.id,
        slug: p.slug,
        position: index + 1,
        name: writeJson(p.name),
        summary: writeJson(p.summary),
        statement: p.statement === null ? null : writeJson(p.statement),
        changeAgenda: writeJson(p.changeAgenda),
        foundations: writeJson(p.foundations),
        choices: writeJson(p.choices),
        targetGroups: writeJson(p.targetGroups),
        values: writeJson(p.values === "plan" ? seed.plan.values : p.values),
        focusAreas: writeJson(p.focusAreas),
        ...stamps,
      });
      count(programme.outcome);
      for (const [goalIndex, g] of p.goals.entries()) {
        const goal = await repo.upsertGoal(trx, {
          id: newId(),
          programmeId: programme.id,
          slug: g.slug,
          position: goalIndex + 1,
          title: writeJson(g.title),
          ...stamps,
        });
        count(goal.outcome);
        for (const [actionIndex, a] of g.actions.entries()) {
          const action = await repo.upsertAction(trx, {
            id: newId(),
            goalId: goal.id,
            slug: a.slug,
            position: actionIndex + 1,
            title: writeJson(a.title),
            ...stamps,
          });
          count(action.outcome);
        }
      }
    }
  });
  return report;
}
