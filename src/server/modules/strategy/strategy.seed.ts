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
          targetGroups: Type.Optional(Type.Array(LocalizedText)),
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
          targetGroups: writeJson(g.targetGroups ?? []),
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

const YearValue = Type.Object({ year: Type.Integer(), value: Type.Number() });

/** The shape of data/seed/heinola-indicators.json. Goals and actions are named "programme/goal[/action]". */
export const IndicatorSeed = Type.Object({
  indicators: Type.Array(
    Type.Object({
      key: Type.String({ pattern: "^[a-z0-9][a-z0-9._-]{0,79}$" }),
      name: LocalizedText,
      unit: LocalizedText,
      source: LocalizedText,
      description: Type.Optional(LocalizedText),
      sotkanetId: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
      moduleSource: Type.Optional(Type.String()),
      isExample: Type.Optional(Type.Boolean()),
      resolution: Type.Optional(
        Type.Union([Type.Literal("year"), Type.Literal("quarter"), Type.Literal("month")]),
      ),
      direction: Type.Union([Type.Literal("increase"), Type.Literal("decrease"), Type.Literal("maintain")]),
      baseline: YearValue,
      target: YearValue,
      responsibleUnit: Type.Optional(Type.String()),
      goals: Type.Array(Type.String()),
      actions: Type.Array(Type.String()),
      values: Type.Array(Type.Tuple([Type.Integer(), Type.Number()])),
    }),
  ),
});
export type IndicatorSeed = Static<typeof IndicatorSeed>;

export const HEINOLA_INDICATORS_FILE = path.resolve(
  import.meta.dirname,
  "../../../../data/seed/heinola-indicators.json",
);

/** Reads and checks the indicator seed file; throws naming the first problem. */
export function readIndicatorSeed(file: string = HEINOLA_INDICATORS_FILE): IndicatorSeed {
  const data: unknown = JSON.parse(readFileSync(file, "utf8"));
  const firstError = Value.Errors(IndicatorSeed, data)[0];
  if (firstError) throw new Error(`${file}: ${firstError.instancePath || "/"} ${firstError.message}`);
  return data as IndicatorSeed;
}

/**
 * Loads indicators idempotently: definitions by key (updated when the file changed), links to goals and
 * actions, and the file's values only where the period has no value yet — so a re-seed never overwrites
 * values a city has entered or imported. Values of an indicator marked isExample are example data.
 */
export async function seedIndicators(
  db: Kysely<StrategyTables>,
  seed: IndicatorSeed,
  now: Date,
): Promise<SeedReport> {
  const report: SeedReport = { module: "strategy indicators", created: 0, updated: 0, unchanged: 0 };
  const at = now.toISOString();
  await inTransaction(db, async (trx) => {
    const plan = await repo.findCurrentPlan(trx);
    if (!plan) throw new Error("load the strategy before its indicators");
    const goals = await repo.listGoalsOfPlan(trx, plan.id);
    const actions = await repo.listActionsOfPlan(trx, plan.id);
    const goalByPath = new Map(goals.map((g) => [`${g.programmeSlug}/${g.slug}`, g]));
    const actionByPath = new Map(
      actions.flatMap((a) => {
        const goal = goals.find((g) => g.id === a.goalId);
        return goal ? [[`${goal.programmeSlug}/${goal.slug}/${a.slug}` as string, a] as const] : [];
      }),
    );
    for (const item of seed.indicators) {
      const row = {
        name: writeJson(item.name),
        description: item.description ? writeJson(item.description) : null,
        unit: writeJson(item.unit),
        source: writeJson(item.source),
        sotkanetId: item.sotkanetId ?? null,
        moduleSource: item.moduleSource ?? null,
        resolution: item.resolution ?? "year",
        direction: item.direction,
        baselineYear: item.baseline.year,
        baselineValue: item.baseline.value,
        targetYear: item.target.year,
        targetValue: item.target.value,
        tolerance: null,
        responsibleUnit: item.responsibleUnit ?? null,
        isExample: (item.isExample ?? true) ? 1 : 0,
      };
      const current = await repo.findIndicatorByKey(trx, item.key);
      let id: string;
      if (!current) {
        id = newId();
        await repo.insertIndicator(trx, {
          id,
          key: item.key,
          ...row,
          responsiblePersonId: null,
          createdAt: at,
          updatedAt: at,
        });
        report.created += 1;
      } else {
        id = current.id;
        const changed = (Object.keys(row) as (keyof typeof row)[]).some(
          (k) => String(current[k]) !== String(row[k]),
        );
        if (changed) {
          await repo.updateIndicator(trx, id, { ...row, updatedAt: at });
          report.updated += 1;
        } else report.unchanged += 1;
      }
      for (const path of item.goals) {
        const goal = goalByPath.get(path);
        if (!goal) throw new Error(`indicator ${item.key}: no goal ${path}`);
        await repo.linkGoalIndicator(trx, goal.id, id);
      }
      for (const path of item.actions) {
        const action = actionByPath.get(path);
        if (!action) throw new Error(`indicator ${item.key}: no action ${path}`);
        await repo.linkActionIndicator(trx, action.id, id);
      }
      const stored = new Set(
        (await repo.listValues(trx, [id])).map((v) => `${v.period}|${v.area}|${v.ageGroup}|${v.sex}`),
      );
      for (const [year, value] of item.values) {
        if (stored.has(`${year}|||`)) continue;
        await repo.upsertValue(trx, {
          indicatorId: id,
          year,
          period: String(year),
          area: "",
          ageGroup: "",
          sex: "",
          value,
          source: "example",
          recordedAt: at,
          recordedBy: null,
        });
      }
    }
  });
  return report;
}
