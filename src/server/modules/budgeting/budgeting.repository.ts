import { type Kysely, sql } from "kysely";
import type {
  AreaRow,
  BallotRow,
  BudgetingTables,
  CommentRow,
  ImageInfo,
  ImageRow,
  ProposalRow,
  ResultRow,
  RoundRow,
} from "./budgeting.tables.ts";

// Every query of the budgeting module, on its own tables only.

type Db = Kysely<BudgetingTables>;

export async function insertRound(db: Db, round: RoundRow, areas: readonly AreaRow[]): Promise<void> {
  await db.insertInto("budgetingRound").values(round).execute();
  if (areas.length > 0)
    await db
      .insertInto("budgetingArea")
      .values([...areas])
      .execute();
}

export function listRounds(db: Db): Promise<RoundRow[]> {
  return db.selectFrom("budgetingRound").selectAll().orderBy("votingStart", "desc").orderBy("id").execute();
}

export function findRound(db: Db, id: string): Promise<RoundRow | undefined> {
  return db.selectFrom("budgetingRound").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function updateRound(db: Db, id: string, changes: Partial<RoundRow>): Promise<void> {
  await db.updateTable("budgetingRound").set(changes).where("id", "=", id).execute();
}

export function listAreas(db: Db, roundIds: readonly string[]): Promise<AreaRow[]> {
  if (roundIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("budgetingArea")
    .selectAll()
    .where("roundId", "in", [...roundIds])
    .orderBy("position")
    .execute();
}

export async function insertProposal(db: Db, row: ProposalRow): Promise<void> {
  await db.insertInto("budgetingProposal").values(row).execute();
}

export function findProposal(db: Db, id: string): Promise<ProposalRow | undefined> {
  return db.selectFrom("budgetingProposal").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function updateProposal(db: Db, id: string, changes: Partial<ProposalRow>): Promise<void> {
  await db.updateTable("budgetingProposal").set(changes).where("id", "=", id).execute();
}

/** Proposals of a round with their comment counts, oldest first. */
export function listProposals(
  db: Db,
  roundId: string,
  statuses?: readonly string[],
): Promise<(ProposalRow & { commentCount: number })[]> {
  let query = db
    .selectFrom("budgetingProposal as p")
    .selectAll("p")
    .select((eb) =>
      eb
        .selectFrom("budgetingComment as c")
        .select(eb.fn.countAll<number>().as("n"))
        .whereRef("c.proposalId", "=", "p.id")
        .as("commentCount"),
    )
    .where("p.roundId", "=", roundId);
  if (statuses) query = query.where("p.status", "in", [...statuses]);
  return query
    .orderBy("p.createdAt")
    .orderBy("p.id")
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, commentCount: Number(r.commentCount ?? 0) })));
}

/** The projects on a round's ballot, only what a ballot is checked against. */
export function listBallotProjects(
  db: Db,
  roundId: string,
): Promise<{ id: string; areaId: string; reviewCost: number | null }[]> {
  return db
    .selectFrom("budgetingProposal")
    .select(["id", "areaId", "reviewCost"])
    .where("roundId", "=", roundId)
    .where("status", "=", "feasible")
    .execute();
}

export function listMergedInto(db: Db, proposalId: string): Promise<{ id: string; title: string }[]> {
  return db
    .selectFrom("budgetingProposal")
    .select(["id", "title"])
    .where("mergedInto", "=", proposalId)
    .orderBy("createdAt")
    .execute();
}

export async function insertComment(db: Db, row: CommentRow): Promise<void> {
  await db.insertInto("budgetingComment").values(row).execute();
}

export function listComments(db: Db, proposalId: string): Promise<CommentRow[]> {
  return db
    .selectFrom("budgetingComment")
    .selectAll()
    .where("proposalId", "=", proposalId)
    .orderBy("createdAt")
    .orderBy("id")
    .execute();
}

const IMAGE_INFO = [
  "id",
  "proposalId",
  "position",
  "contentType",
  "byteSize",
  "altText",
  "addedBy",
  "createdAt",
] as const;

export async function insertImages(db: Db, rows: readonly ImageRow[]): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto("budgetingImage")
      .values([...rows])
      .execute();
}

/** Photos of some proposals without their bytes, in order. */
export function listImages(db: Db, proposalIds: readonly string[]): Promise<ImageInfo[]> {
  if (proposalIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("budgetingImage")
    .select(IMAGE_INFO)
    .where("proposalId", "in", [...proposalIds])
    .orderBy("proposalId")
    .orderBy("position")
    .execute();
}

/** Photos of every proposal of a round without their bytes, in order. */
export function listRoundImages(db: Db, roundId: string): Promise<ImageInfo[]> {
  return db
    .selectFrom("budgetingImage as i")
    .innerJoin("budgetingProposal as p", "p.id", "i.proposalId")
    .select(IMAGE_INFO.map((c) => `i.${c}` as const))
    .where("p.roundId", "=", roundId)
    .orderBy("i.proposalId")
    .orderBy("i.position")
    .execute();
}

/** One photo with its bytes. */
export function findImage(db: Db, id: string): Promise<ImageRow | undefined> {
  return db.selectFrom("budgetingImage").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function deleteImage(db: Db, id: string): Promise<void> {
  await db.deleteFrom("budgetingImage").where("id", "=", id).execute();
}

/**
 * Casts a ballot in one statement. A first ballot is inserted; a later web ballot replaces an earlier web
 * ballot of the same person (the last counts); nothing replaces a paper ballot, and a paper ballot replaces
 * nothing. The unique index on (round_id, voter_key) decides between concurrent casts. Returns the stored
 * receipt, or undefined when the person's existing ballot may not be replaced.
 */
export async function castBallot(db: Db, row: BallotRow): Promise<{ receiptCode: string } | undefined> {
  return db
    .insertInto("budgetingBallot")
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(["roundId", "voterKey"])
        .doUpdateSet({
          receiptCode: (eb) => eb.ref("excluded.receiptCode"),
          choices: (eb) => eb.ref("excluded.choices"),
          castAt: (eb) => eb.ref("excluded.castAt"),
        })
        .where(sql.ref("budgetingBallot.channel"), "=", "web")
        .where(sql.ref("excluded.channel"), "=", "web"),
    )
    .returning(["receiptCode"])
    .executeTakeFirst();
}

export function findBallot(db: Db, roundId: string, voterKey: string): Promise<BallotRow | undefined> {
  return db
    .selectFrom("budgetingBallot")
    .selectAll()
    .where("roundId", "=", roundId)
    .where("voterKey", "=", voterKey)
    .executeTakeFirst();
}

/** Every ballot of a round, receipt and choices only (no voter keys), ordered by receipt code. */
export function listBallots(db: Db, roundId: string): Promise<{ receiptCode: string; choices: unknown }[]> {
  return db
    .selectFrom("budgetingBallot")
    .select(["receiptCode", "choices"])
    .where("roundId", "=", roundId)
    .orderBy("receiptCode")
    .execute();
}

export async function countBallots(db: Db, roundId: string): Promise<number> {
  const row = await db
    .selectFrom("budgetingBallot")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("roundId", "=", roundId)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Published rounds whose voting ended in a year, and their ballots (example rounds left out). */
export async function countPublishedBallotsOfYear(
  db: Db,
  year: number,
): Promise<{ rounds: number; ballots: number }> {
  const row = await db
    .selectFrom("budgetingRound as r")
    .select((eb) => [
      eb.fn.countAll<number>().as("rounds"),
      eb.fn
        .sum<number>(
          eb
            .selectFrom("budgetingBallot as b")
            .select(eb.fn.countAll<number>().as("n"))
            .whereRef("b.roundId", "=", "r.id"),
        )
        .as("ballots"),
    ])
    .where("r.resultsPublishedAt", "is not", null)
    .where("r.votingEnd", ">=", `${year}-01-01T00:00:00.000Z`)
    .where("r.votingEnd", "<", `${year + 1}-01-01T00:00:00.000Z`)
    .where("r.isExample", "=", 0)
    .executeTakeFirst();
  return { rounds: Number(row?.rounds ?? 0), ballots: Number(row?.ballots ?? 0) };
}

export async function saveResults(db: Db, rows: readonly ResultRow[]): Promise<void> {
  for (const row of rows) {
    await db
      .deleteFrom("budgetingResult")
      .where("roundId", "=", row.roundId)
      .where("areaId", "=", row.areaId)
      .execute();
    await db.insertInto("budgetingResult").values(row).execute();
  }
}

export function listResults(db: Db, roundId?: string): Promise<ResultRow[]> {
  let query = db.selectFrom("budgetingResult").selectAll();
  if (roundId !== undefined) query = query.where("roundId", "=", roundId);
  return query.execute();
}

/** The round a receipt code belongs to (to tell "not yet published" from "unknown"). */
export function findRoundOfReceipt(db: Db, receiptCode: string): Promise<{ roundId: string } | undefined> {
  return db
    .selectFrom("budgetingBallot")
    .select(["roundId"])
    .where("receiptCode", "=", receiptCode)
    .executeTakeFirst();
}

export function findResult(db: Db, roundId: string, areaId: string): Promise<ResultRow | undefined> {
  return db
    .selectFrom("budgetingResult")
    .selectAll()
    .where("roundId", "=", roundId)
    .where("areaId", "=", areaId)
    .executeTakeFirst();
}

/** What one account has written and cast, for its data export. */
export async function contributionsOf(
  db: Db,
  personId: string,
  voterKey: string | null,
): Promise<{ proposals: ProposalRow[]; comments: CommentRow[]; images: ImageRow[]; ballots: BallotRow[] }> {
  const proposals = await db
    .selectFrom("budgetingProposal")
    .selectAll()
    .where("authorId", "=", personId)
    .orderBy("createdAt")
    .execute();
  const comments = await db
    .selectFrom("budgetingComment")
    .selectAll()
    .where("authorId", "=", personId)
    .orderBy("createdAt")
    .execute();
  const images = await db
    .selectFrom("budgetingImage")
    .selectAll()
    .where("addedBy", "=", personId)
    .orderBy("createdAt")
    .execute();
  const ballots = voterKey
    ? await db
        .selectFrom("budgetingBallot")
        .selectAll()
        .where("voterKey", "=", voterKey)
        .orderBy("castAt")
        .execute()
    : [];
  return { proposals, comments, images, ballots };
}

/**
 * Unlinks an erased account from its proposals and comments; their public text stays, as the city's record.
 * The photos the person attached are deleted: a photo can show people, homes and cars, and it is theirs.
 */
export async function unlinkAuthor(db: Db, personId: string): Promise<void> {
  await db.deleteFrom("budgetingImage").where("addedBy", "=", personId).execute();
  await db
    .updateTable("budgetingProposal")
    .set({ authorId: null })
    .where("authorId", "=", personId)
    .execute();
  await db.updateTable("budgetingComment").set({ authorId: null }).where("authorId", "=", personId).execute();
}

/** The titles and descriptions of proposals made since an instant, for the signals module (no authors). */
export function listProposalTexts(
  db: Db,
  since: string,
): Promise<{ id: string; title: string; description: string; createdAt: string }[]> {
  return db
    .selectFrom("budgetingProposal")
    .select(["id", "title", "description", "createdAt"])
    .where("createdAt", ">=", since)
    .orderBy("createdAt")
    .execute();
}
