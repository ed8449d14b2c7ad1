import type { Kysely } from "kysely";
import type { LocalizedText } from "../../../contracts/localized-text.ts";
import type {
  ActionDetail,
  ActionNode,
  ActionProgress,
  FollowUpStatus,
  GoalDetail,
  GoalNode,
  IndicatorDetail,
  IndicatorSummary,
  StatusExplained,
  StrategyChanges,
  StrategyOverdue,
  StrategyTree,
} from "../../../contracts/strategy.ts";
import { inTransaction, readJson, writeJson } from "../../db/db.ts";
import { newId } from "../../lib/ids.ts";
import { type AuditEvent, recordAudit } from "../../platform/audit.ts";
import { AppError, notFound } from "../../platform/errors.ts";
import type { ModuleIndicatorSource } from "../../platform/module.ts";
import { evaluateActionStatus, type Milestone } from "./domain/action-status.ts";
import { listDueValues, type TimeResolution } from "./domain/due-values.ts";
import { explainAction, explainGoal, explainIndicator, explainInEveryLocale } from "./domain/explain.ts";
import { type RatedIndicator, rollUpIndicators } from "./domain/goal-status.ts";
import {
  type ExistingValue,
  type ImportResult,
  previewCsvImport,
  previewSotkanetImport,
} from "./domain/import-values.ts";
import {
  type DesiredDirection,
  evaluateIndicatorStatus,
  type IndicatorObservation,
} from "./domain/indicator-status.ts";
import * as repo from "./strategy.repository.ts";
import type { ActionRow, IndicatorRow, IndicatorValueRow, StrategyTables } from "./strategy.tables.ts";

type Db = Kysely<StrategyTables>;

/** Editable facts of an action. */
export interface ActionInput {
  responsibleUnit?: string | null;
  responsiblePerson?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  budgetEuros?: number | null;
}

/** The definition of an indicator as staff enter it. */
export interface IndicatorInput {
  name: LocalizedText;
  description?: LocalizedText;
  unit: LocalizedText;
  source: LocalizedText;
  sotkanetId?: number;
  resolution?: TimeResolution;
  direction: DesiredDirection;
  baseline: { year: number; value: number };
  target: { year: number; value: number };
  tolerance?: number;
  responsibleUnit?: string;
}

interface RatedRow {
  row: IndicatorRow;
  values: IndicatorValueRow[];
  rated: RatedIndicator;
  summary: IndicatorSummary;
}

const NO_INDICATOR = {
  fi: "Tällaista mittaria ei ole.",
  sv: "Det finns ingen sådan indikator.",
  en: "There is no such indicator.",
};
const NO_ACTION = {
  fi: "Tällaista toimenpidettä ei ole.",
  sv: "Det finns ingen sådan åtgärd.",
  en: "There is no such action.",
};
const NO_GOAL = {
  fi: "Tällaista tavoitetta ei ole.",
  sv: "Det finns inget sådant mål.",
  en: "There is no such goal.",
};
const NO_PLAN = {
  fi: "Strategiaa ei ole vielä ladattu.",
  sv: "Strategin har inte laddats ännu.",
  en: "No strategy has been loaded yet.",
};

/** "YYYY-MM-DD" of a moment in Helsinki (DESIGN rule 9: stored in UTC, judged in Europe/Helsinki). */
export function helsinkiDate(now: Date): string {
  return HELSINKI_DAY.format(now);
}

// Building an Intl formatter costs far more than using one; the tree judges hundreds of actions per request.
const HELSINKI_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Helsinki" });

/** The total series the status rule judges: one value per year (the last period of a year for sub-year data). */
function observations(values: readonly IndicatorValueRow[]): IndicatorObservation[] {
  const byKey = new Map<string, IndicatorValueRow>();
  for (const v of values) {
    const key = `${v.year}|${v.area}|${v.ageGroup}|${v.sex}`;
    const current = byKey.get(key);
    if (!current || v.period > current.period) byKey.set(key, v);
  }
  return [...byKey.values()].map((v) => ({
    year: v.year,
    value: v.value,
    area: v.area || null,
    ageGroup: v.ageGroup || null,
    sex: v.sex || null,
  }));
}

function explained(
  status: FollowUpStatus,
  reasonCode: string,
  render: (l: "fi" | "sv" | "en") => string,
): StatusExplained {
  return { status, reasonCode, explanation: explainInEveryLocale(render) };
}

function rate(row: IndicatorRow, values: IndicatorValueRow[], asOfYear: number): RatedRow {
  const result = evaluateIndicatorStatus(
    {
      direction: row.direction as DesiredDirection,
      baseline: { year: row.baselineYear, value: row.baselineValue },
      target: { year: row.targetYear, value: row.targetValue },
      tolerance: row.tolerance,
      values: observations(values),
    },
    { asOfYear },
  );
  const rated: RatedIndicator = {
    key: row.key,
    name: readJson<LocalizedText>(row.name),
    unit: readJson<LocalizedText>(row.unit),
    result,
  };
  return {
    row,
    values,
    rated,
    summary: {
      id: row.id,
      key: row.key,
      name: rated.name,
      unit: readJson<LocalizedText>(row.unit),
      direction: row.direction as DesiredDirection,
      baseline: result.baseline,
      target: result.target,
      latest: result.latest,
      status: explained(result.status, result.reasonCode, (l) => explainIndicator(rated, l)),
      isExampleData: row.isExample === 1,
      sotkanetId: row.sotkanetId,
      moduleSource: row.moduleSource,
      responsibleUnit: row.responsibleUnit,
    },
  };
}

/** The strategy's follow-up: statuses computed from the stored values on the given day. */
export class StrategyFollowUp {
  readonly #db: Db;
  readonly #now: () => Date;
  readonly #moduleIndicators: readonly ModuleIndicatorSource[];

  constructor(db: Db, now: () => Date, moduleIndicators: readonly ModuleIndicatorSource[] = []) {
    this.#db = db;
    this.#now = now;
    this.#moduleIndicators = moduleIndicators;
  }

  async #ratedIndicators(
    ids?: readonly string[],
    options: { allValues?: boolean } = {},
  ): Promise<Map<string, RatedRow>> {
    const rows = (await repo.listIndicators(this.#db)).filter((r) => !ids || ids.includes(r.id));
    const values = await repo.listValues(this.#db, ids ? rows.map((r) => r.id) : undefined, {
      totalsOnly: !options.allValues,
    });
    const byIndicator = new Map<string, IndicatorValueRow[]>();
    for (const v of values) {
      const list = byIndicator.get(v.indicatorId) ?? [];
      list.push(v);
      byIndicator.set(v.indicatorId, list);
    }
    const asOfYear = Number(helsinkiDate(this.#now()).slice(0, 4));
    return new Map(rows.map((r) => [r.id, rate(r, byIndicator.get(r.id) ?? [], asOfYear)]));
  }

  #actionNode(action: ActionRow, milestones: Milestone[], indicators: RatedRow[]): ActionNode {
    const status = evaluateActionStatus({
      milestones,
      indicators: indicators.map((i) => i.rated),
      today: helsinkiDate(this.#now()),
    });
    return {
      id: action.id,
      slug: action.slug,
      title: readJson<LocalizedText>(action.title),
      responsibleUnit: action.responsibleUnit,
      progress: action.progress as ActionProgress,
      status: explained(status.status, status.driver, (l) => explainAction(status, l)),
      isExampleData: action.isExample === 1,
    };
  }

  /** The whole tree with statuses; filters narrow it the way the public page does. */
  async tree(
    filter: { programme?: string; targetGroup?: string; status?: FollowUpStatus; unit?: string } = {},
  ): Promise<StrategyTree> {
    const plan = await repo.findCurrentPlan(this.#db);
    if (!plan) throw notFound(NO_PLAN);
    const [programmes, goals, actions, goalLinks, actionLinks, rated] = await Promise.all([
      repo.listProgrammes(this.#db, plan.id),
      repo.listGoalsOfPlan(this.#db, plan.id),
      repo.listActionsOfPlan(this.#db, plan.id),
      repo.listGoalIndicatorLinks(this.#db),
      repo.listActionIndicatorLinks(this.#db),
      this.#ratedIndicators(),
    ]);
    const milestones = await repo.listMilestones(this.#db);
    const milestonesOf = group(milestones, (m) => m.actionId);
    const indicatorsOfGoal = group(goalLinks, (l) => l.goalId);
    const indicatorsOfAction = group(actionLinks, (l) => l.actionId);
    const actionsOfGoal = group(actions, (a) => a.goalId);
    const pick = (links: { indicatorId: string }[] | undefined) =>
      (links ?? []).flatMap((l) => {
        const r = rated.get(l.indicatorId);
        return r ? [r] : [];
      });
    const goalNodes = new Map<string, GoalNode[]>();
    for (const goal of goals) {
      const targetGroups = goal.targetGroups ? readJson<LocalizedText[]>(goal.targetGroups) : [];
      if (filter.targetGroup && !targetGroups.some((g) => matches(g, filter.targetGroup ?? ""))) continue;
      const goalIndicators = pick(indicatorsOfGoal.get(goal.id));
      let actionNodes = (actionsOfGoal.get(goal.id) ?? []).map((a) =>
        this.#actionNode(
          a,
          (milestonesOf.get(a.id) ?? []).map(toMilestone),
          pick(indicatorsOfAction.get(a.id)),
        ),
      );
      if (filter.unit) actionNodes = actionNodes.filter((a) => a.responsibleUnit === filter.unit);
      if (filter.status) actionNodes = actionNodes.filter((a) => a.status.status === filter.status);
      const rollup = rollUpIndicators(goalIndicators.map((i) => i.rated));
      const node: GoalNode = {
        id: goal.id,
        slug: goal.slug,
        title: readJson<LocalizedText>(goal.title),
        targetGroups,
        status: explained(rollup.status, rollup.reasonCode, (l) => explainGoal(rollup, l)),
        indicators: goalIndicators.map((i) => i.summary),
        actions: actionNodes,
      };
      const filteredOut =
        (filter.status && node.status.status !== filter.status && actionNodes.length === 0) ||
        (filter.unit && actionNodes.length === 0);
      if (filteredOut) continue;
      const list = goalNodes.get(goal.programmeId) ?? [];
      list.push(node);
      goalNodes.set(goal.programmeId, list);
    }
    return {
      plan: {
        id: plan.id,
        slug: plan.slug,
        title: readJson(plan.title),
        vision: readJson(plan.vision),
        mission: readJson(plan.mission),
        periodStart: plan.periodStart,
        periodEnd: plan.periodEnd,
        values: readJson(plan.values),
        themes: readJson(plan.themes),
      },
      asOf: helsinkiDate(this.#now()),
      programmes: programmes
        .filter((p) => !filter.programme || p.slug === filter.programme)
        .map((p) => ({
          id: p.id,
          slug: p.slug,
          position: p.position,
          name: readJson(p.name),
          summary: readJson(p.summary),
          goals: goalNodes.get(p.id) ?? [],
        })),
    };
  }

  /** Every indicator with its status. */
  async indicators(): Promise<IndicatorSummary[]> {
    return [...(await this.#ratedIndicators()).values()].map((r) => r.summary);
  }

  /** One indicator with its whole series, its status and where it is used. */
  async indicator(key: string): Promise<IndicatorDetail> {
    const row = await repo.findIndicatorByKey(this.#db, key);
    if (!row) throw notFound(NO_INDICATOR);
    const rated = (await this.#ratedIndicators([row.id], { allValues: true })).get(row.id);
    if (!rated) throw notFound(NO_INDICATOR);
    const goalLinks = (await repo.listGoalIndicatorLinks(this.#db)).filter((l) => l.indicatorId === row.id);
    const actionLinks = (await repo.listActionIndicatorLinks(this.#db)).filter(
      (l) => l.indicatorId === row.id,
    );
    const goals = [];
    for (const link of goalLinks) {
      const goal = await repo.findGoal(this.#db, link.goalId);
      if (goal)
        goals.push({
          id: goal.id,
          title: readJson<LocalizedText>(goal.title),
          programmeSlug: goal.programmeSlug,
        });
    }
    const actions = [];
    for (const link of actionLinks) {
      const action = await repo.findAction(this.#db, link.actionId);
      if (action) actions.push({ id: action.id, title: readJson<LocalizedText>(action.title) });
    }
    return {
      ...rated.summary,
      description: row.description ? readJson<LocalizedText>(row.description) : null,
      source: readJson<LocalizedText>(row.source),
      resolution: row.resolution as TimeResolution,
      tolerance: row.tolerance,
      values: rated.values.map((v) => ({
        year: v.year,
        period: v.period,
        area: v.area,
        ageGroup: v.ageGroup,
        sex: v.sex,
        value: v.value,
        source: v.source,
      })),
      goals,
      actions,
    };
  }

  /** One goal with its programme, indicators, actions and status, judged as in the tree. */
  async goal(id: string): Promise<GoalDetail> {
    const goal = await repo.findGoal(this.#db, id);
    if (!goal) throw notFound(NO_GOAL);
    const tree = await this.tree({ programme: goal.programmeSlug });
    for (const programme of tree.programmes) {
      const node = programme.goals.find((g) => g.id === id);
      if (node) {
        return { ...node, programme: { id: programme.id, slug: programme.slug, name: programme.name } };
      }
    }
    throw notFound(NO_GOAL);
  }

  /** One action with schedule, milestones, progress history and indicators. */
  async action(id: string): Promise<ActionDetail> {
    const action = await repo.findAction(this.#db, id);
    if (!action) throw notFound(NO_ACTION);
    const goal = await repo.findGoal(this.#db, action.goalId);
    if (!goal) throw notFound(NO_GOAL);
    const links = (await repo.listActionIndicatorLinks(this.#db)).filter((l) => l.actionId === id);
    const rated = await this.#ratedIndicators(links.map((l) => l.indicatorId));
    const milestones = await repo.listMilestones(this.#db, [id]);
    const updates = await repo.listProgressUpdates(this.#db, id);
    const node = this.#actionNode(action, milestones.map(toMilestone), [...rated.values()]);
    return {
      ...node,
      goal: { id: goal.id, title: readJson<LocalizedText>(goal.title), programmeSlug: goal.programmeSlug },
      responsiblePerson: action.responsiblePerson,
      startDate: action.startDate,
      endDate: action.endDate,
      budgetEuros: action.budgetEuros,
      progressPercent: action.progressPercent,
      milestones: milestones.map((m) => ({
        id: m.id,
        title: readJson<LocalizedText>(m.title),
        dueDate: m.dueDate,
        doneOn: m.doneOn,
      })),
      updates: updates.map((u) => ({
        id: u.id,
        at: u.at,
        progress: u.progress as ActionProgress,
        progressPercent: u.progressPercent,
        note: readJson<LocalizedText>(u.note),
      })),
      indicators: [...rated.values()].map((r) => r.summary),
    };
  }

  /** Each indicator's total in two years, and whether the change went the desired way ("what changed"). */
  async changes(from: number, to: number): Promise<StrategyChanges> {
    const rated = await this.#ratedIndicators();
    return {
      from,
      to,
      indicators: [...rated.values()].map(({ row, values, summary }) => {
        const total = (year: number) => {
          const inYear = values.filter((v) => v.year === year && !v.area && !v.ageGroup && !v.sex);
          inYear.sort((a, b) => (a.period < b.period ? 1 : -1));
          return inYear[0]?.value ?? null;
        };
        const fromValue = total(from);
        const toValue = total(to);
        const change = fromValue !== null && toValue !== null ? toValue - fromValue : null;
        const sign = row.direction === "decrease" ? -1 : 1;
        const movement =
          change === null
            ? null
            : change === 0 || row.direction === "maintain"
              ? "flat"
              : change * sign > 0
                ? "right"
                : "wrong";
        return {
          key: row.key,
          name: summary.name,
          unit: summary.unit,
          fromValue,
          toValue,
          change,
          movement,
          isExampleData: summary.isExampleData,
        };
      }),
    };
  }

  // ---- staff ----------------------------------------------------------------------------------------------

  /** Records one value by hand (staff), replacing the same period's value. */
  async recordValue(
    actorId: string,
    key: string,
    input: { year: number; period?: string; value: number; area?: string; ageGroup?: string; sex?: string },
    requestId: string,
  ): Promise<IndicatorDetail> {
    const row = await repo.findIndicatorByKey(this.#db, key);
    if (!row) throw notFound(NO_INDICATOR);
    // A module indicator is computed from that module's data; a typed-in value would contradict it.
    if (row.moduleSource) throw new AppError("conflict", COMPUTED_BY_MODULE);
    const period = input.period ?? String(input.year);
    if (!period.startsWith(String(input.year))) {
      throw new AppError("validation_failed", {
        fi: "Jakso ei ole annettuna vuonna.",
        sv: "Perioden ligger inte i det angivna året.",
        en: "The period is not in the given year.",
      });
    }
    await inTransaction(this.#db, async (trx) => {
      await repo.upsertValue(trx, {
        indicatorId: row.id,
        year: input.year,
        period,
        area: input.area ?? "",
        ageGroup: input.ageGroup ?? "",
        sex: input.sex ?? "",
        value: input.value,
        source: "manual",
        recordedAt: this.#now().toISOString(),
        recordedBy: actorId,
      });
      await this.#audit(trx, {
        actorId,
        action: "strategy.value_recorded",
        targetType: "indicator",
        targetId: row.id,
        outcome: "success",
        details: { year: input.year, period },
        requestId,
      });
    });
    return this.indicator(key);
  }

  async #existingValues(): Promise<{
    keys: Set<string>;
    existing: ExistingValue[];
    idOf: Map<string, string>;
  }> {
    const rows = await repo.listIndicators(this.#db);
    const keyOf = new Map(rows.map((r) => [r.id, r.key]));
    const values = await repo.listValues(this.#db);
    return {
      keys: new Set(rows.filter((r) => !r.moduleSource).map((r) => r.key)),
      idOf: new Map(rows.map((r) => [r.key, r.id])),
      existing: values
        .filter((v) => v.period === String(v.year))
        .map((v) => ({
          indicator: keyOf.get(v.indicatorId) ?? "",
          year: v.year,
          area: v.area || null,
          ageGroup: v.ageGroup || null,
          sex: (v.sex || null) as ExistingValue["sex"],
          value: v.value,
        })),
    };
  }

  /** What a CSV import would change, or every bad row; writes nothing. */
  async previewCsv(text: string): Promise<ImportResult> {
    const { keys, existing } = await this.#existingValues();
    return previewCsvImport(text, { knownIndicators: keys, existing });
  }

  /** What a Sotkanet import would change, or every bad row; writes nothing. */
  async previewSotkanet(
    rows: unknown,
    mapping: Record<string, string>,
    regionId: number,
  ): Promise<ImportResult> {
    const { keys, existing } = await this.#existingValues();
    const indicators = new Map(Object.entries(mapping).map(([id, key]) => [Number(id), key]));
    return previewSotkanetImport(rows, { indicators, regionId }, { knownIndicators: keys, existing });
  }

  /** Applies an import all or nothing: re-checks it, then writes every row in one transaction. */
  async applyImport(
    actorId: string,
    result: ImportResult,
    source: "csv" | "sotkanet",
    requestId: string,
  ): Promise<ImportResult> {
    if (!result.ok) return result;
    const { idOf } = await this.#existingValues();
    const at = this.#now().toISOString();
    await inTransaction(this.#db, async (trx) => {
      for (const row of result.preview.rows) {
        if (row.change === "unchanged") continue;
        const indicatorId = idOf.get(row.indicator);
        if (!indicatorId) throw new AppError("conflict");
        await repo.upsertValue(trx, {
          indicatorId,
          year: row.year,
          period: String(row.year),
          area: row.area ?? "",
          ageGroup: row.ageGroup ?? "",
          sex: row.sex ?? "",
          value: row.value,
          source,
          recordedAt: at,
          recordedBy: actorId,
        });
      }
      await this.#audit(trx, {
        actorId,
        action: "strategy.values_imported",
        outcome: "success",
        details: { source, new: result.preview.counts.new, changed: result.preview.counts.changed },
        requestId,
      });
    });
    return result;
  }

  /** Records a progress update of an action and sets its current progress. */
  async recordProgress(
    actorId: string,
    actionId: string,
    input: { progress: ActionProgress; progressPercent?: number; note: LocalizedText },
    requestId: string,
  ): Promise<ActionDetail> {
    const action = await repo.findAction(this.#db, actionId);
    if (!action) throw notFound(NO_ACTION);
    await inTransaction(this.#db, async (trx) => {
      const at = this.#now().toISOString();
      await repo.insertProgressUpdate(trx, {
        id: newId(),
        actionId,
        at,
        authorId: actorId,
        progress: input.progress,
        progressPercent: input.progressPercent ?? null,
        note: writeJson(input.note),
      });
      await repo.updateAction(trx, actionId, {
        progress: input.progress,
        progressPercent: input.progressPercent ?? action.progressPercent,
      });
      await this.#audit(trx, {
        actorId,
        action: "strategy.progress_recorded",
        targetType: "action",
        targetId: actionId,
        outcome: "success",
        details: { progress: input.progress },
        requestId,
      });
    });
    return this.action(actionId);
  }

  /** Adds a milestone to an action. */
  async addMilestone(
    actorId: string,
    actionId: string,
    input: { title: LocalizedText; dueDate: string },
    requestId: string,
  ): Promise<ActionDetail> {
    const action = await repo.findAction(this.#db, actionId);
    if (!action) throw notFound(NO_ACTION);
    await inTransaction(this.#db, async (trx) => {
      const id = newId();
      await repo.insertMilestone(trx, {
        id,
        actionId,
        title: writeJson(input.title),
        dueDate: input.dueDate,
        doneOn: null,
      });
      await this.#audit(trx, {
        actorId,
        action: "strategy.milestone_added",
        targetType: "action",
        targetId: actionId,
        outcome: "success",
        details: { milestone: id },
        requestId,
      });
    });
    return this.action(actionId);
  }

  /** Marks a milestone done (today, Helsinki time) or open again. */
  async setMilestoneDone(
    actorId: string,
    actionId: string,
    milestoneId: string,
    done: boolean,
    requestId: string,
  ): Promise<ActionDetail> {
    await inTransaction(this.#db, async (trx) => {
      const changed = await repo.setMilestoneDone(trx, milestoneId, done ? helsinkiDate(this.#now()) : null);
      if (changed === 0) throw notFound(NO_ACTION);
      await this.#audit(trx, {
        actorId,
        action: "strategy.milestone_updated",
        targetType: "action",
        targetId: actionId,
        outcome: "success",
        details: { milestone: milestoneId, done },
        requestId,
      });
    });
    return this.action(actionId);
  }

  /** What staff must attend to: indicator values due or overdue, and milestones past their date. */
  async overdue(): Promise<StrategyOverdue> {
    const today = helsinkiDate(this.#now());
    const rows = await repo.listIndicators(this.#db);
    const values = await repo.listValues(this.#db);
    const latest = new Map<string, IndicatorValueRow>();
    for (const v of values) {
      const current = latest.get(v.indicatorId);
      if (!current || v.period > current.period) latest.set(v.indicatorId, v);
    }
    const schedules = rows
      .filter((r) => !r.moduleSource)
      .map((r) => {
        const resolution = r.resolution as TimeResolution;
        const last = latest.get(r.id);
        return {
          row: r,
          resolution,
          latestValueDate: last ? periodStart(last.period) : null,
          expectedFrom: `${r.baselineYear + 1}-01-01`,
        };
      });
    const due = listDueValues(schedules, today);
    const actions = await this.#db.selectFrom("strategyAction").select(["id", "title"]).execute();
    const titleOf = new Map(actions.map((a) => [a.id, readJson<LocalizedText>(a.title)]));
    const milestones = (await repo.listMilestones(this.#db)).filter(
      (m) => m.doneOn === null && m.dueDate < today,
    );
    return {
      values: due.map((d) => ({
        key: d.indicator.row.key,
        name: readJson<LocalizedText>(d.indicator.row.name),
        state: d.state,
        period: d.period?.label ?? null,
        dueOn: d.dueOn,
        missingPeriods: d.missingPeriods,
        responsibleUnit: d.indicator.row.responsibleUnit,
      })),
      milestones: milestones.map((m) => ({
        actionId: m.actionId,
        actionTitle: titleOf.get(m.actionId) ?? { fi: "" },
        milestoneId: m.id,
        title: readJson<LocalizedText>(m.title),
        dueDate: m.dueDate,
        daysOverdue: Math.round((Date.parse(today) - Date.parse(m.dueDate)) / 86_400_000),
      })),
    };
  }

  /** Adds a goal (intended change) to a programme. */
  async createGoal(
    actorId: string,
    programmeSlug: string,
    input: { slug: string; title: LocalizedText; targetGroups?: LocalizedText[] },
    requestId: string,
  ): Promise<string> {
    const plan = await repo.findCurrentPlan(this.#db);
    const programme = plan ? await repo.findProgrammeBySlug(this.#db, plan.id, programmeSlug) : undefined;
    if (!programme) throw notFound(NO_GOAL);
    const existing = await repo.listGoals(this.#db, programme.id);
    if (existing.some((g) => g.slug === input.slug)) throw new AppError("conflict", TAKEN);
    const id = newId();
    const at = this.#now().toISOString();
    await uniquely(
      inTransaction(this.#db, async (trx) => {
        await trx
          .insertInto("strategyGoal")
          .values({
            id,
            programmeId: programme.id,
            slug: input.slug,
            position: existing.length + 1,
            title: writeJson(input.title),
            targetGroups: writeJson(input.targetGroups ?? []),
            createdAt: at,
            updatedAt: at,
          })
          .execute();
        await this.#audit(trx, {
          actorId,
          action: "strategy.goal_created",
          targetType: "goal",
          targetId: id,
          outcome: "success",
          requestId,
        });
      }),
    );
    return id;
  }

  /** Changes a goal's title or target groups. */
  async updateGoal(
    actorId: string,
    goalId: string,
    input: { title?: LocalizedText; targetGroups?: LocalizedText[] },
    requestId: string,
  ): Promise<void> {
    if (!(await repo.findGoal(this.#db, goalId))) throw notFound(NO_GOAL);
    await inTransaction(this.#db, async (trx) => {
      await trx
        .updateTable("strategyGoal")
        .set({
          ...(input.title ? { title: writeJson(input.title) } : {}),
          ...(input.targetGroups ? { targetGroups: writeJson(input.targetGroups) } : {}),
          updatedAt: this.#now().toISOString(),
        })
        .where("id", "=", goalId)
        .execute();
      await this.#audit(trx, {
        actorId,
        action: "strategy.goal_updated",
        targetType: "goal",
        targetId: goalId,
        outcome: "success",
        requestId,
      });
    });
  }

  /** Adds an action under a goal. */
  async createAction(
    actorId: string,
    goalId: string,
    input: ActionInput & { slug: string; title: LocalizedText },
    requestId: string,
  ): Promise<ActionDetail> {
    if (!(await repo.findGoal(this.#db, goalId))) throw notFound(NO_GOAL);
    const siblings = await this.#db
      .selectFrom("strategyAction")
      .select(["slug"])
      .where("goalId", "=", goalId)
      .execute();
    if (siblings.some((a) => a.slug === input.slug)) throw new AppError("conflict", TAKEN);
    const id = newId();
    const at = this.#now().toISOString();
    await uniquely(
      inTransaction(this.#db, async (trx) => {
        await trx
          .insertInto("strategyAction")
          .values({
            id,
            goalId,
            slug: input.slug,
            position: siblings.length + 1,
            title: writeJson(input.title),
            responsibleUnit: input.responsibleUnit ?? null,
            responsiblePerson: input.responsiblePerson ?? null,
            startDate: input.startDate ?? null,
            endDate: input.endDate ?? null,
            budgetEuros: input.budgetEuros ?? null,
            progressPercent: null,
            createdAt: at,
            updatedAt: at,
          })
          .execute();
        await this.#audit(trx, {
          actorId,
          action: "strategy.action_created",
          targetType: "action",
          targetId: id,
          outcome: "success",
          requestId,
        });
      }),
    );
    return this.action(id);
  }

  /** Changes an action's title, owner, schedule or budget. */
  async updateAction(
    actorId: string,
    actionId: string,
    input: ActionInput & { title?: LocalizedText },
    requestId: string,
  ): Promise<ActionDetail> {
    const action = await repo.findAction(this.#db, actionId);
    if (!action) throw notFound(NO_ACTION);
    const startDate = input.startDate === undefined ? action.startDate : input.startDate;
    const endDate = input.endDate === undefined ? action.endDate : input.endDate;
    if (startDate && endDate && endDate < startDate) {
      throw new AppError("validation_failed", {
        fi: "Päättymispäivä on ennen alkamispäivää.",
        sv: "Slutdatum är före startdatum.",
        en: "The end date is before the start date.",
      });
    }
    await inTransaction(this.#db, async (trx) => {
      await repo.updateAction(trx, actionId, {
        ...(input.title ? { title: writeJson(input.title) } : {}),
        ...(input.responsibleUnit !== undefined ? { responsibleUnit: input.responsibleUnit } : {}),
        ...(input.responsiblePerson !== undefined ? { responsiblePerson: input.responsiblePerson } : {}),
        ...(input.budgetEuros !== undefined ? { budgetEuros: input.budgetEuros } : {}),
        startDate,
        endDate,
        updatedAt: this.#now().toISOString(),
      });
      await this.#audit(trx, {
        actorId,
        action: "strategy.action_updated",
        targetType: "action",
        targetId: actionId,
        outcome: "success",
        requestId,
      });
    });
    return this.action(actionId);
  }

  /** Defines a new indicator. */
  async createIndicator(
    actorId: string,
    input: IndicatorInput & { key: string },
    requestId: string,
  ): Promise<IndicatorDetail> {
    if (await repo.findIndicatorByKey(this.#db, input.key)) throw new AppError("conflict", TAKEN);
    const at = this.#now().toISOString();
    const id = newId();
    await uniquely(
      inTransaction(this.#db, async (trx) => {
        await repo.insertIndicator(trx, {
          id,
          key: input.key,
          name: writeJson(input.name),
          description: input.description ? writeJson(input.description) : null,
          unit: writeJson(input.unit),
          source: writeJson(input.source),
          sotkanetId: input.sotkanetId ?? null,
          moduleSource: null,
          resolution: input.resolution ?? "year",
          direction: input.direction,
          baselineYear: input.baseline.year,
          baselineValue: input.baseline.value,
          targetYear: input.target.year,
          targetValue: input.target.value,
          tolerance: input.tolerance ?? null,
          responsibleUnit: input.responsibleUnit ?? null,
          responsiblePersonId: null,
          isExample: 0,
          createdAt: at,
          updatedAt: at,
        });
        await this.#audit(trx, {
          actorId,
          action: "strategy.indicator_created",
          targetType: "indicator",
          targetId: id,
          outcome: "success",
          requestId,
        });
      }),
    );
    return this.indicator(input.key);
  }

  /** Changes an indicator's definition; its key, values and module source stay as they are. */
  async updateIndicator(
    actorId: string,
    key: string,
    input: Partial<Omit<IndicatorInput, "sotkanetId">> & { sotkanetId?: number | null },
    requestId: string,
  ): Promise<IndicatorDetail> {
    const row = await repo.findIndicatorByKey(this.#db, key);
    if (!row) throw notFound(NO_INDICATOR);
    const baselineYear = input.baseline?.year ?? row.baselineYear;
    const targetYear = input.target?.year ?? row.targetYear;
    if (targetYear <= baselineYear) throw new AppError("validation_failed", TARGET_BEFORE_BASELINE);
    await inTransaction(this.#db, async (trx) => {
      await repo.updateIndicator(trx, row.id, {
        ...(input.name ? { name: writeJson(input.name) } : {}),
        ...(input.description ? { description: writeJson(input.description) } : {}),
        ...(input.unit ? { unit: writeJson(input.unit) } : {}),
        ...(input.source ? { source: writeJson(input.source) } : {}),
        ...(input.sotkanetId !== undefined ? { sotkanetId: input.sotkanetId } : {}),
        ...(input.resolution ? { resolution: input.resolution } : {}),
        ...(input.direction ? { direction: input.direction } : {}),
        ...(input.baseline ? { baselineYear, baselineValue: input.baseline.value } : {}),
        ...(input.target ? { targetYear, targetValue: input.target.value } : {}),
        ...(input.tolerance !== undefined ? { tolerance: input.tolerance } : {}),
        ...(input.responsibleUnit !== undefined ? { responsibleUnit: input.responsibleUnit || null } : {}),
        updatedAt: this.#now().toISOString(),
      });
      await this.#audit(trx, {
        actorId,
        action: "strategy.indicator_updated",
        targetType: "indicator",
        targetId: row.id,
        outcome: "success",
        requestId,
      });
    });
    return this.indicator(key);
  }

  /** Links an indicator to a goal or an action (or removes the link). */
  async setLink(
    actorId: string,
    kind: "goal" | "action",
    ownerId: string,
    key: string,
    linked: boolean,
    requestId: string,
  ): Promise<void> {
    const indicator = await repo.findIndicatorByKey(this.#db, key);
    if (!indicator) throw notFound(NO_INDICATOR);
    if (
      kind === "goal"
        ? !(await repo.findGoal(this.#db, ownerId))
        : !(await repo.findAction(this.#db, ownerId))
    ) {
      throw notFound(kind === "goal" ? NO_GOAL : NO_ACTION);
    }
    await inTransaction(this.#db, async (trx) => {
      if (kind === "goal") {
        if (linked) await repo.linkGoalIndicator(trx, ownerId, indicator.id);
        else
          await trx
            .deleteFrom("strategyGoalIndicator")
            .where("goalId", "=", ownerId)
            .where("indicatorId", "=", indicator.id)
            .execute();
      } else if (linked) await repo.linkActionIndicator(trx, ownerId, indicator.id);
      else
        await trx
          .deleteFrom("strategyActionIndicator")
          .where("actionId", "=", ownerId)
          .where("indicatorId", "=", indicator.id)
          .execute();
      await this.#audit(trx, {
        actorId,
        action: linked ? "strategy.indicator_linked" : "strategy.indicator_unlinked",
        targetType: kind,
        targetId: ownerId,
        outcome: "success",
        details: { indicator: key },
        requestId,
      });
    });
  }

  /**
   * Brings module indicators up to date: each indicator whose `moduleSource` names a figure another module
   * offers gets that module's value for the current year (computed from its data, never typed in).
   */
  async refreshModuleIndicators(): Promise<number> {
    const rows = (await repo.listIndicators(this.#db)).filter((r) => r.moduleSource);
    const year = Number(helsinkiDate(this.#now()).slice(0, 4));
    let written = 0;
    for (const row of rows) {
      const source = this.#moduleIndicators.find((m) => m.key === row.moduleSource);
      if (!source) continue;
      const value = await source.valueFor(year);
      if (value === null) continue;
      await repo.upsertValue(this.#db, {
        indicatorId: row.id,
        year,
        period: String(year),
        area: "",
        ageGroup: "",
        sex: "",
        value,
        source: `module:${row.moduleSource}`,
        recordedAt: this.#now().toISOString(),
        recordedBy: null,
      });
      written += 1;
    }
    return written;
  }

  async #audit(db: Db, event: AuditEvent): Promise<void> {
    await recordAudit(db, event, this.#now());
  }
}

/**
 * A write whose uniqueness the database guards (slugs, keys): two requests racing past the service's check
 * meet the unique index, and the loser hears "already exists" rather than a server error.
 */
async function uniquely<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (repo.isUniqueViolation(error)) throw new AppError("conflict", TAKEN);
    throw error;
  }
}

function group<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(key(item)) ?? [];
    list.push(item);
    map.set(key(item), list);
  }
  return map;
}

function toMilestone(m: { id: string; title: string; dueDate: string; doneOn: string | null }): Milestone {
  return { key: m.id, title: readJson<LocalizedText>(m.title), due: m.dueDate, doneOn: m.doneOn };
}

function matches(text: LocalizedText, wanted: string): boolean {
  const w = wanted.trim().toLowerCase();
  return [text.fi, text.sv, text.en].some((t) => t?.toLowerCase() === w);
}

/** The first day of a period label ("2024", "2024-Q3", "2024-07"). */
function periodStart(label: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(label);
  if (quarter) return `${quarter[1]}-${String((Number(quarter[2]) - 1) * 3 + 1).padStart(2, "0")}-01`;
  if (/^\d{4}-\d{2}$/.test(label)) return `${label}-01`;
  return `${label.slice(0, 4)}-01-01`;
}

const COMPUTED_BY_MODULE = {
  fi: "Tämän mittarin arvot lasketaan Keskiön toisen osan tiedoista, joten niitä ei voi kirjata käsin.",
  sv: "Den här indikatorns värden beräknas ur data i en annan del av Keskiö och kan inte föras in för hand.",
  en: "This indicator's values are computed from another part of Keskiö, so they cannot be entered by hand.",
};

const TARGET_BEFORE_BASELINE = {
  fi: "Tavoitevuoden pitää olla lähtötason vuoden jälkeen.",
  sv: "Målåret ska ligga efter basårets år.",
  en: "The target year must come after the baseline year.",
};

const TAKEN = {
  fi: "Tällä tunnisteella on jo kohde.",
  sv: "Det finns redan något med den här identifieraren.",
  en: "Something with this identifier already exists.",
};
