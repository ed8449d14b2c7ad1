import type { Kysely } from "kysely";
import type {
  MarginCellRow,
  MarginRow,
  NewResponseRow,
  NewSampleMemberRow,
  QuestionnaireRow,
  QuotaRow,
  ResponseRow,
  RoundRow,
  SampleMemberRow,
  SurveyTables,
} from "./survey.tables.ts";

type Db = Kysely<SurveyTables>;

/** The highest version of a questionnaire key, 0 when there is none. */
export async function latestQuestionnaireVersion(db: Db, key: string): Promise<number> {
  const row = await db
    .selectFrom("surveyQuestionnaire")
    .select((eb) => eb.fn.max("version").as("version"))
    .where("key", "=", key)
    .executeTakeFirst();
  return Number(row?.version ?? 0);
}

export async function insertQuestionnaire(db: Db, row: QuestionnaireRow): Promise<void> {
  await db.insertInto("surveyQuestionnaire").values(row).execute();
}

export function findQuestionnaire(db: Db, id: string): Promise<QuestionnaireRow | undefined> {
  return db.selectFrom("surveyQuestionnaire").selectAll().where("id", "=", id).executeTakeFirst();
}

export function findQuestionnaireVersion(
  db: Db,
  key: string,
  version: number,
): Promise<QuestionnaireRow | undefined> {
  return db
    .selectFrom("surveyQuestionnaire")
    .selectAll()
    .where("key", "=", key)
    .where("version", "=", version)
    .executeTakeFirst();
}

export function listQuestionnaires(db: Db): Promise<QuestionnaireRow[]> {
  return db.selectFrom("surveyQuestionnaire").selectAll().orderBy("key").orderBy("version").execute();
}

export async function insertRound(db: Db, row: RoundRow): Promise<void> {
  await db.insertInto("surveyRound").values(row).execute();
}

/** Changes a round's settings and state. */
export async function updateRound(
  db: Db,
  id: string,
  change: Partial<Omit<RoundRow, "id" | "slug" | "questionnaireId" | "year" | "createdAt">>,
): Promise<void> {
  await db.updateTable("surveyRound").set(change).where("id", "=", id).execute();
}

export function findRoundBySlug(db: Db, slug: string): Promise<RoundRow | undefined> {
  return db.selectFrom("surveyRound").selectAll().where("slug", "=", slug).executeTakeFirst();
}

export function findRoundById(db: Db, id: string): Promise<RoundRow | undefined> {
  return db.selectFrom("surveyRound").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Every round, newest year first. */
export function listRounds(db: Db): Promise<RoundRow[]> {
  return db.selectFrom("surveyRound").selectAll().orderBy("year", "desc").orderBy("slug").execute();
}

/** Completed responses per round. */
export async function completedCounts(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("surveyResponse")
    .select(["roundId", (eb) => eb.fn.countAll<number>().as("count")])
    .where("status", "=", "complete")
    .groupBy("roundId")
    .execute();
  return new Map(rows.map((r) => [r.roundId, Number(r.count)]));
}

/** The latest earlier round whose questionnaire has the same key (the same questions across years). */
export function findPreviousRound(db: Db, key: string, year: number): Promise<RoundRow | undefined> {
  return db
    .selectFrom("surveyRound")
    .innerJoin("surveyQuestionnaire", "surveyQuestionnaire.id", "surveyRound.questionnaireId")
    .selectAll("surveyRound")
    .where("surveyQuestionnaire.key", "=", key)
    .where("surveyRound.year", "<", year)
    .orderBy("surveyRound.year", "desc")
    .executeTakeFirst();
}

/** Whether any response exists to a round of this questionnaire version (then it can no longer change). */
export async function questionnaireHasResponses(db: Db, questionnaireId: string): Promise<boolean> {
  const row = await db
    .selectFrom("surveyResponse")
    .innerJoin("surveyRound", "surveyRound.id", "surveyResponse.roundId")
    .select("surveyResponse.id")
    .where("surveyRound.questionnaireId", "=", questionnaireId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Responses of any status per questionnaire version (a version with any is locked). */
export async function responseCountsByQuestionnaire(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("surveyResponse")
    .innerJoin("surveyRound", "surveyRound.id", "surveyResponse.roundId")
    .select(["surveyRound.questionnaireId", (eb) => eb.fn.countAll<number>().as("count")])
    .groupBy("surveyRound.questionnaireId")
    .execute();
  return new Map(rows.map((r) => [r.questionnaireId, Number(r.count)]));
}

/** Replaces the content of a questionnaire version in place (only while it has no responses). */
export async function updateQuestionnaire(
  db: Db,
  id: string,
  fields: Pick<QuestionnaireRow, "title" | "intro" | "questions" | "overallQuestion">,
): Promise<void> {
  await db.updateTable("surveyQuestionnaire").set(fields).where("id", "=", id).execute();
}

export async function insertMembers(db: Db, rows: readonly NewSampleMemberRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto("surveySampleMember")
      .values(rows.slice(i, i + 200) as NewSampleMemberRow[])
      .execute();
  }
}

export function findMemberByCodeHash(db: Db, codeHash: string): Promise<SampleMemberRow | undefined> {
  return db.selectFrom("surveySampleMember").selectAll().where("codeHash", "=", codeHash).executeTakeFirst();
}

export function findMember(db: Db, id: string): Promise<SampleMemberRow | undefined> {
  return db.selectFrom("surveySampleMember").selectAll().where("id", "=", id).executeTakeFirst();
}

/** A round's sample with the status of each member's response, in call order (label). */
export function listMembersWithResponses(
  db: Db,
  roundId: string,
): Promise<(SampleMemberRow & { responseStatus: string | null })[]> {
  return db
    .selectFrom("surveySampleMember")
    .leftJoin("surveyResponse", "surveyResponse.memberId", "surveySampleMember.id")
    .selectAll("surveySampleMember")
    .select("surveyResponse.status as responseStatus")
    .where("surveySampleMember.roundId", "=", roundId)
    .orderBy("surveySampleMember.label")
    .execute();
}

export async function recordCall(
  db: Db,
  member: { id: string; status: string; callBackAt: string | null; at: string },
  attempt: { id: string; interviewerId: string; outcome: string },
): Promise<void> {
  await db
    .updateTable("surveySampleMember")
    .set((eb) => ({
      callStatus: member.status,
      callBackAt: member.callBackAt,
      attempts: eb("attempts", "+", 1),
      updatedAt: member.at,
    }))
    .where("id", "=", member.id)
    .execute();
  await db
    .insertInto("surveyCallAttempt")
    .values({
      id: attempt.id,
      memberId: member.id,
      interviewerId: attempt.interviewerId,
      outcome: attempt.outcome,
      callBackAt: member.callBackAt,
      at: member.at,
    })
    .execute();
}

export async function setMemberStatus(db: Db, id: string, status: string, at: string): Promise<void> {
  await db
    .updateTable("surveySampleMember")
    .set({ callStatus: status, callBackAt: null, updatedAt: at })
    .where("id", "=", id)
    .execute();
}

export function findResponse(db: Db, id: string): Promise<ResponseRow | undefined> {
  return db.selectFrom("surveyResponse").selectAll().where("id", "=", id).executeTakeFirst();
}

export function findResponseOfMember(db: Db, memberId: string): Promise<ResponseRow | undefined> {
  return db.selectFrom("surveyResponse").selectAll().where("memberId", "=", memberId).executeTakeFirst();
}

export function findResponseOfPerson(
  db: Db,
  roundId: string,
  personId: string,
): Promise<ResponseRow | undefined> {
  return db
    .selectFrom("surveyResponse")
    .selectAll()
    .where("roundId", "=", roundId)
    .where("personId", "=", personId)
    .executeTakeFirst();
}

export async function insertResponses(db: Db, rows: readonly NewResponseRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) {
    await db
      .insertInto("surveyResponse")
      .values(rows.slice(i, i + 100) as NewResponseRow[])
      .execute();
  }
}

export async function updateResponse(
  db: Db,
  id: string,
  change: { answers: string; status: string; updatedAt: string; completedAt: string | null },
): Promise<void> {
  await db.updateTable("surveyResponse").set(change).where("id", "=", id).execute();
}

/** A round's completed responses in a stable order (id = time of creation). */
export function listCompleteResponses(db: Db, roundId: string): Promise<ResponseRow[]> {
  return db
    .selectFrom("surveyResponse")
    .selectAll()
    .where("roundId", "=", roundId)
    .where("status", "=", "complete")
    .orderBy("id")
    .execute();
}

/** Replaces a year's margins (the caller runs it in a transaction, so a failed import leaves the old ones). */
export async function replaceMargins(db: Db, year: number, rows: readonly MarginRow[]): Promise<void> {
  await db.deleteFrom("surveyMargin").where("year", "=", year).execute();
  if (rows.length > 0)
    await db
      .insertInto("surveyMargin")
      .values(rows as MarginRow[])
      .execute();
}

/** Replaces a year's joint population cells (in the caller's transaction, with its margins). */
export async function replaceMarginCells(
  db: Db,
  year: number,
  rows: readonly MarginCellRow[],
): Promise<void> {
  await db.deleteFrom("surveyMarginCell").where("year", "=", year).execute();
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto("surveyMarginCell")
      .values(rows.slice(i, i + 200) as MarginCellRow[])
      .execute();
  }
}

export function listMarginCells(db: Db, year: number): Promise<MarginCellRow[]> {
  return db.selectFrom("surveyMarginCell").selectAll().where("year", "=", year).orderBy("position").execute();
}

/** A round's responses counted by channel and status. */
export async function responsesByChannel(
  db: Db,
  roundId: string,
): Promise<{ mode: string; status: string; count: number }[]> {
  const rows = await db
    .selectFrom("surveyResponse")
    .select(["mode", "status", (eb) => eb.fn.countAll<number>().as("count")])
    .where("roundId", "=", roundId)
    .groupBy(["mode", "status"])
    .execute();
  return rows.map((r) => ({ mode: r.mode, status: r.status, count: Number(r.count) }));
}

export function listMargins(db: Db, year: number): Promise<MarginRow[]> {
  return db.selectFrom("surveyMargin").selectAll().where("year", "=", year).orderBy("position").execute();
}

export async function replaceQuotas(db: Db, roundId: string, rows: readonly QuotaRow[]): Promise<void> {
  await db.deleteFrom("surveyQuota").where("roundId", "=", roundId).execute();
  if (rows.length > 0)
    await db
      .insertInto("surveyQuota")
      .values(rows as QuotaRow[])
      .execute();
}

export function listQuotas(db: Db, roundId: string): Promise<QuotaRow[]> {
  return db
    .selectFrom("surveyQuota")
    .selectAll()
    .where("roundId", "=", roundId)
    .orderBy("ageGroup")
    .orderBy("area")
    .execute();
}

/** Completed responses per age group × area, as the quotas count them. */
export async function completedByCell(
  db: Db,
  roundId: string,
): Promise<{ ageGroup: string | null; area: string | null; count: number }[]> {
  const rows = await db
    .selectFrom("surveyResponse")
    .select(["ageGroup", "area", (eb) => eb.fn.countAll<number>().as("count")])
    .where("roundId", "=", roundId)
    .where("status", "=", "complete")
    .groupBy(["ageGroup", "area"])
    .execute();
  return rows.map((r) => ({ ageGroup: r.ageGroup, area: r.area, count: Number(r.count) }));
}

/** Every theme given to the open answers of a round. */
export function listThemes(
  db: Db,
  roundId: string,
): Promise<{ responseId: string; questionKey: string; theme: string }[]> {
  return db
    .selectFrom("surveyAnswerTheme")
    .innerJoin("surveyResponse", "surveyResponse.id", "surveyAnswerTheme.responseId")
    .select(["surveyAnswerTheme.responseId", "surveyAnswerTheme.questionKey", "surveyAnswerTheme.theme"])
    .where("surveyResponse.roundId", "=", roundId)
    .orderBy("surveyAnswerTheme.theme")
    .execute();
}

export async function replaceThemes(
  db: Db,
  responseId: string,
  questionKey: string,
  themes: readonly string[],
  codedBy: string,
  at: string,
): Promise<void> {
  await db
    .deleteFrom("surveyAnswerTheme")
    .where("responseId", "=", responseId)
    .where("questionKey", "=", questionKey)
    .execute();
  if (themes.length === 0) return;
  await db
    .insertInto("surveyAnswerTheme")
    .values(themes.map((theme) => ({ responseId, questionKey, theme, codedBy, codedAt: at })))
    .execute();
}

/** Responses completed since an instant with their round, for the signals module (answers only). */
export function listCompletedSince(
  db: Db,
  since: string,
): Promise<
  { id: string; answers: string; completedAt: string | null; slug: string; questionnaireId: string }[]
> {
  return db
    .selectFrom("surveyResponse")
    .innerJoin("surveyRound", "surveyRound.id", "surveyResponse.roundId")
    .select([
      "surveyResponse.id",
      "surveyResponse.answers",
      "surveyResponse.completedAt",
      "surveyRound.slug",
      "surveyRound.questionnaireId",
    ])
    .where("surveyResponse.status", "=", "complete")
    .where("surveyResponse.completedAt", ">=", since)
    .orderBy("surveyResponse.completedAt")
    .execute();
}
