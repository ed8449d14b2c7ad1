import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import {
  type AreaResult,
  type BallotChoice,
  type BallotReceipt,
  type BallotType,
  type CountingRule,
  MAX_PROPOSAL_IMAGE_BYTES,
  MAX_PROPOSAL_IMAGES,
  type NewProposalImage,
  type Phase,
  type ProjectResult,
  type Proposal,
  type ProposalDetail,
  type ProposalInput,
  type ReceiptCheck,
  type ReviewInput,
  type Round,
  type RoundInput,
  type RoundResults,
} from "../../../contracts/budgeting.ts";
import type { LocalizedText } from "../../../contracts/localized-text.ts";
import type { Config } from "../../config.ts";
import { type Database, inTransaction, readJson, writeJson } from "../../db/db.ts";
import { ageOn } from "../../lib/henkilotunnus.ts";
import { newId } from "../../lib/ids.ts";
import { decodeBase64Image } from "../../lib/images/base64.ts";
import { InvalidImageError, stripImageMetadata } from "../../lib/images/image-metadata.ts";
import { recordAudit } from "../../platform/audit.ts";
import { AppError, type LocalizedDetail, notFound } from "../../platform/errors.ts";
import { voterStanding, voterStandingByHenkilotunnus } from "../identity/index.ts";
import { addBudgetingAction } from "../strategy/index.ts";
import { mayViewImages, type ProposalViewer, PUBLIC_VIEWER } from "./budgeting.policy.ts";
import * as repo from "./budgeting.repository.ts";
import type {
  AreaRow,
  BudgetingTables,
  ImageInfo,
  ImageRow,
  ProposalRow,
  RoundRow,
} from "./budgeting.tables.ts";
import { type BallotProblem, checkBallot } from "./domain/ballot-rules.ts";
import { explainEqualShares, explainGreedy, type ProjectExplanation } from "./domain/explain.ts";
import { parsePabulib } from "./domain/pabulib.ts";
import { writePabulib } from "./domain/pabulib-write.ts";
import { toNumberQ } from "./domain/rational.ts";
import { countElection, optionsForMetaRule } from "./domain/rules.ts";

type Db = Kysely<BudgetingTables>;

const M = {
  noRound: {
    fi: "Tällaista budjetointikierrosta ei ole.",
    sv: "Det finns ingen sådan budgeteringsomgång.",
    en: "There is no such budgeting round.",
  },
  noProposal: {
    fi: "Tällaista ehdotusta ei ole.",
    sv: "Det finns inget sådant förslag.",
    en: "There is no such proposal.",
  },
  noArea: {
    fi: "Kierroksella ei ole tällaista aluetta.",
    sv: "Omgången har inget sådant område.",
    en: "The round has no such area.",
  },
  datesOrder: {
    fi: "Vaiheiden päivämäärät ovat väärässä järjestyksessä (ideat ≤ arviointi ≤ äänestys alkaa < äänestys päättyy).",
    sv: "Fasernas datum är i fel ordning (idéer ≤ bedömning ≤ röstningen börjar < röstningen slutar).",
    en: "The phase dates are out of order (ideas ≤ review ≤ voting starts < voting ends).",
  },
  mesNeedsApproval: {
    fi: "Tasaosuusmenetelmä on käytettävissä hyväksyntä- ja ostoskoriäänestyksessä.",
    sv: "Metoden med lika andelar kan användas vid godkännande- och korgröstning.",
    en: "The Method of Equal Shares is available for approval and basket ballots.",
  },
  pointsNeeded: {
    fi: "Pisteäänestykselle tarvitaan jaettavien pisteiden määrä.",
    sv: "Poängröstning kräver antalet poäng att fördela.",
    en: "A cumulative ballot needs the number of points to share.",
  },
  notIdeas: {
    fi: "Ehdotuksia voi jättää vain ideointivaiheessa.",
    sv: "Förslag kan lämnas endast under idéfasen.",
    en: "Proposals can be submitted only during the ideas phase.",
  },
  notBeforeVoting: {
    fi: "Ehdotuksia voi yhdistää ja arvioida vain ennen äänestystä.",
    sv: "Förslag kan slås samman och bedömas endast före röstningen.",
    en: "Proposals can be merged and reviewed only before voting.",
  },
  mergeSelf: {
    fi: "Ehdotusta ei voi yhdistää itseensä eikä jo yhdistettyyn ehdotukseen.",
    sv: "Ett förslag kan inte slås samman med sig självt eller med ett redan sammanslaget förslag.",
    en: "A proposal cannot be merged into itself or into a merged proposal.",
  },
  reasonNeeded: {
    fi: "Hylkäykselle tarvitaan julkiset perustelut.",
    sv: "Ett avslag kräver en offentlig motivering.",
    en: "A rejection needs public reasons.",
  },
  costNeeded: {
    fi: "Toteuttamiskelpoiselle hankkeelle tarvitaan kaupungin kustannusarvio.",
    sv: "Ett genomförbart projekt kräver stadens kostnadsberäkning.",
    en: "A feasible project needs the city's cost estimate.",
  },
  votingClosed: {
    fi: "Äänestys ei ole nyt auki tällä kierroksella.",
    sv: "Röstningen är inte öppen i denna omgång just nu.",
    en: "Voting is not open in this round now.",
  },
  notResident: {
    fi: "Äänestäminen edellyttää vahvaa tunnistautumista ja vahvistettua kuntalaisuutta.",
    sv: "Röstning kräver stark identifiering och bekräftad kommuninvånarstatus.",
    en: "Voting requires strong identification and a verified residency.",
  },
  paperNotResident: {
    fi: "Henkilöä ei tunneta kuntalaiseksi. Tarkista kotikunta väestötiedoista ja vahvista tarkistus.",
    sv: "Personen är inte känd som kommuninvånare. Kontrollera hemkommunen och bekräfta kontrollen.",
    en: "The person is not known as a resident. Check the home municipality and confirm the check.",
  },
  tooYoung: {
    fi: "Äänestäjän on oltava vähintään kierroksen ikärajan ikäinen äänestyksen päättyessä.",
    sv: "Väljaren måste ha uppnått omgångens åldersgräns när röstningen slutar.",
    en: "The voter must have reached the round's minimum age when voting ends.",
  },
  badHetu: {
    fi: "Henkilötunnus ei ole kelvollinen.",
    sv: "Personbeteckningen är inte giltig.",
    en: "The personal identity code is not valid.",
  },
  alreadyPaper: {
    fi: "Tämä henkilö on jo äänestänyt paperilla tai palvelupisteessä; ääntä ei voi muuttaa verkossa.",
    sv: "Personen har redan röstat på papper eller vid ett serviceställe; rösten kan inte ändras på nätet.",
    en: "This person has already voted on paper or at a service point; the vote cannot be changed online.",
  },
  alreadyVoted: {
    fi: "Tämä henkilö on jo äänestänyt tällä kierroksella. Yksi henkilö, yksi ääni.",
    sv: "Personen har redan röstat i denna omgång. En person, en röst.",
    en: "This person has already voted in this round. One person, one ballot.",
  },
  noBallot: {
    fi: "Et ole äänestänyt tällä kierroksella.",
    sv: "Du har inte röstat i denna omgång.",
    en: "You have not voted in this round.",
  },
  hidden: {
    fi: "Äänimäärät pysyvät salassa, kunnes tulokset julkaistaan.",
    sv: "Röstetalen hålls hemliga tills resultaten publiceras.",
    en: "Vote counts stay hidden until the results are published.",
  },
  stillVoting: {
    fi: "Tuloksia ei voi laskea ennen kuin äänestys on päättynyt.",
    sv: "Resultaten kan inte räknas förrän röstningen har avslutats.",
    en: "Results cannot be counted before voting has closed.",
  },
  alreadyPublished: {
    fi: "Tämän kierroksen tulokset on jo julkaistu.",
    sv: "Resultaten för denna omgång har redan publicerats.",
    en: "The results of this round have already been published.",
  },
  noImage: {
    fi: "Kuvaa ei löydy.",
    sv: "Bilden hittades inte.",
    en: "The photo was not found.",
  },
  badImage: {
    fi: "Kuva ei ole kelvollinen JPEG- tai PNG-tiedosto.",
    sv: "Bilden är inte en giltig JPEG- eller PNG-fil.",
    en: "The photo is not a valid JPEG or PNG file.",
  },
  bigImage: {
    fi: `Kuva on liian suuri (enintään ${MAX_PROPOSAL_IMAGE_BYTES / 1024 / 1024} Mt).`,
    sv: `Bilden är för stor (högst ${MAX_PROPOSAL_IMAGE_BYTES / 1024 / 1024} MB).`,
    en: `The photo is too large (at most ${MAX_PROPOSAL_IMAGE_BYTES / 1024 / 1024} MB).`,
  },
  altNeeded: {
    fi: "Kerro jokaisen kuvan kohdalla, mitä kuvassa näkyy.",
    sv: "Beskriv vad varje bild visar.",
    en: "Say for every photo what it shows.",
  },
  tooManyImages: {
    fi: `Ehdotuksessa voi olla enintään ${MAX_PROPOSAL_IMAGES} kuvaa.`,
    sv: `Ett förslag kan ha högst ${MAX_PROPOSAL_IMAGES} bilder.`,
    en: `A proposal can have at most ${MAX_PROPOSAL_IMAGES} photos.`,
  },
  phaseResults: {
    fi: "Tulosvaiheeseen siirrytään vain äänestysvaiheesta, ja toteutusvaiheeseen vasta kun tulokset on julkaistu.",
    sv: "Resultatfasen nås endast från röstningsfasen, och genomförandefasen först när resultaten publicerats.",
    en: "The results phase follows only the voting phase, and implementation only published results.",
  },
} satisfies Record<string, LocalizedDetail>;

const BALLOT_PROBLEMS: Record<BallotProblem["reason"], LocalizedDetail> = {
  unknown_project: {
    fi: "Äänestyslipussa on hanke, joka ei ole tämän kierroksen äänestettävissä.",
    sv: "Valsedeln har ett projekt som inte kan väljas i denna omgång.",
    en: "The ballot names a project that is not on this round's ballot.",
  },
  duplicate_project: {
    fi: "Sama hanke on äänestyslipussa kahdesti.",
    sv: "Samma projekt finns två gånger på valsedeln.",
    en: "The same project is on the ballot twice.",
  },
  points_not_allowed: {
    fi: "Tässä äänestyksessä ei jaeta pisteitä.",
    sv: "I denna röstning delas inga poäng ut.",
    en: "This ballot does not take points.",
  },
  points_missing: {
    fi: "Anna jokaiselle valitsemallesi hankkeelle pisteet.",
    sv: "Ge poäng till varje projekt du väljer.",
    en: "Give points to every project you choose.",
  },
  too_many_choices: {
    fi: "Valitsit liian monta hanketta samalta alueelta.",
    sv: "Du valde för många projekt från samma område.",
    en: "You chose too many projects in one area.",
  },
  over_budget: {
    fi: "Valintojesi yhteishinta ylittää alueen budjetin.",
    sv: "Dina val kostar sammanlagt mer än områdets budget.",
    en: "Your choices cost more than the area's budget.",
  },
  too_many_points: {
    fi: "Jaoit enemmän pisteitä kuin alueella on käytettävissä.",
    sv: "Du delade ut fler poäng än området har.",
    en: "You gave more points than the area has.",
  },
};

// Receipt codes: 60 random bits in an alphabet without look-alikes (0/O, 1/I/L), grouped for reading aloud.
const RECEIPT_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** A new receipt code, e.g. "K7Q2-M9XP-4TAB". */
export function newReceiptCode(): string {
  const bytes = randomBytes(12);
  let code = "";
  for (let i = 0; i < 12; i++) {
    code += RECEIPT_ALPHABET[(bytes[i] as number) % RECEIPT_ALPHABET.length];
    if (i === 3 || i === 7) code += "-";
  }
  return code;
}

// Built once: constructing an Intl formatter costs more than the rest of a ballot's checks.
const HELSINKI_DATE = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Helsinki" });

/** The Helsinki calendar date (YYYY-MM-DD) of an instant, as the Pabulib files' dates are written. */
export function helsinkiDate(at: Date | string): string {
  return HELSINKI_DATE.format(new Date(at));
}

/** Whether a round takes ballots at the given moment. */
export function isVotingOpen(round: RoundRow, now: Date): boolean {
  const at = now.toISOString();
  return round.phase === "voting" && round.votingStart <= at && at < round.votingEnd;
}

function toRound(row: RoundRow, areas: readonly AreaRow[], now: Date): Round {
  return {
    id: row.id,
    title: readJson<LocalizedText>(row.title),
    description: readJson<LocalizedText>(row.description),
    phase: row.phase as Phase,
    ideasStart: row.ideasStart,
    reviewStart: row.reviewStart,
    votingStart: row.votingStart,
    votingEnd: row.votingEnd,
    votingOpen: isVotingOpen(row, now),
    ballotType: row.ballotType as BallotType,
    maxChoices: row.maxChoices,
    pointsTotal: row.pointsTotal,
    minAge: row.minAge,
    rule: row.rule as CountingRule,
    isExample: Boolean(row.isExample),
    resultsPublishedAt: row.resultsPublishedAt,
    areas: areas
      .filter((a) => a.roundId === row.id)
      .map((a) => ({ id: a.id, name: readJson<LocalizedText>(a.name), budget: a.budget })),
  };
}

/** Where a proposal's photo is served. */
export const IMAGE_PATH = "/api/v1/budgeting/images";

function toProposal(
  row: ProposalRow & { commentCount?: number },
  images: readonly ImageInfo[],
  viewer: ProposalViewer,
): Proposal {
  const shown = mayViewImages(row, viewer) ? images.filter((i) => i.proposalId === row.id) : [];
  return {
    id: row.id,
    roundId: row.roundId,
    areaId: row.areaId,
    title: row.title,
    description: row.description,
    language: row.language,
    locationText: row.locationText,
    latitude: row.latitude === null ? null : Number(row.latitude),
    longitude: row.longitude === null ? null : Number(row.longitude),
    costEstimate: row.costEstimate,
    status: row.status as Proposal["status"],
    mergedInto: row.mergedInto,
    reviewCost: row.reviewCost,
    reviewReason: row.reviewReason === null ? null : readJson<LocalizedText>(row.reviewReason),
    reviewedAt: row.reviewedAt,
    strategyActionId: row.strategyActionId,
    commentCount: row.commentCount ?? 0,
    images: shown.map((i) => ({
      id: i.id,
      url: `${IMAGE_PATH}/${i.id}`,
      contentType: i.contentType,
      altText: i.altText,
    })),
  };
}

/**
 * Checks and cleans photos before anything is stored: size, type by signature, metadata stripped. A bad
 * photo is a 4xx with the field it came from, never a 5xx.
 */
function prepareImages(
  images: readonly NewProposalImage[],
  pathOf: (index: number) => string,
): { contentType: string; altText: string; content: Uint8Array }[] {
  return images.map((image, index) => {
    const altText = image.altText.trim();
    if (altText === "") {
      throw new AppError("validation_failed", M.altNeeded, [
        { path: `${pathOf(index)}/altText`, message: M.altNeeded.en },
      ]);
    }
    const bytes = decodeBase64Image(image.data);
    if (bytes.length > MAX_PROPOSAL_IMAGE_BYTES) {
      throw new AppError("payload_too_large", M.bigImage, [
        { path: `${pathOf(index)}/data`, message: M.bigImage.en },
      ]);
    }
    try {
      return {
        contentType: image.contentType,
        altText,
        content: stripImageMetadata(bytes, image.contentType),
      };
    } catch (error) {
      if (!(error instanceof InvalidImageError)) throw error;
      throw new AppError("validation_failed", M.badImage, [
        { path: `${pathOf(index)}/data`, message: M.badImage.en },
      ]);
    }
  });
}

function imageRows(
  proposalId: string,
  images: readonly { contentType: string; altText: string; content: Uint8Array }[],
  firstPosition: number,
  addedBy: string,
  now: Date,
): ImageRow[] {
  return images.map((image, index) => ({
    id: newId(now.getTime()),
    proposalId,
    position: firstPosition + index,
    contentType: image.contentType,
    byteSize: image.content.length,
    altText: image.altText,
    content: Buffer.from(image.content),
    addedBy,
    createdAt: now.toISOString(),
  }));
}

/** A round's ballot as ballots are checked against it. */
interface BallotFrame {
  key: string;
  projects: Map<string, { areaId: string; cost: number }>;
  budgets: Map<string, number>;
}

/** Where a request came from, for the audit log. */
export interface RequestMeta {
  requestId: string;
}

/** Participatory budgeting: rounds, proposals, review, ballots and results. */
export class BudgetingService {
  readonly #db: Db;
  readonly #database: Database;
  readonly #config: Config;
  readonly #now: () => Date;
  readonly #frames = new Map<string, BallotFrame>();

  constructor(database: Database, db: Db, config: Config, now: () => Date) {
    this.#database = database;
    this.#db = db;
    this.#config = config;
    this.#now = now;
  }

  // ---- rounds ----

  async listRounds(): Promise<Round[]> {
    const rows = await repo.listRounds(this.#db);
    const areas = await repo.listAreas(
      this.#db,
      rows.map((r) => r.id),
    );
    const now = this.#now();
    return rows.map((r) => toRound(r, areas, now));
  }

  async round(id: string): Promise<Round> {
    const row = await this.#requireRound(id);
    return toRound(row, await repo.listAreas(this.#db, [id]), this.#now());
  }

  async createRound(
    actorId: string,
    input: RoundInput,
    meta: RequestMeta,
    isExample = false,
  ): Promise<Round> {
    if (
      !(input.ideasStart <= input.reviewStart && input.reviewStart <= input.votingStart) ||
      !(input.votingStart < input.votingEnd)
    ) {
      throw new AppError("validation_failed", M.datesOrder, [
        { path: "/body/votingEnd", message: M.datesOrder.en },
      ]);
    }
    if (input.rule === "mes" && input.ballotType !== "approval" && input.ballotType !== "basket") {
      throw new AppError("validation_failed", M.mesNeedsApproval, [
        { path: "/body/rule", message: M.mesNeedsApproval.en },
      ]);
    }
    if (input.ballotType === "cumulative" && input.pointsTotal === undefined) {
      throw new AppError("validation_failed", M.pointsNeeded, [
        { path: "/body/pointsTotal", message: M.pointsNeeded.en },
      ]);
    }
    const now = this.#now();
    const at = now.toISOString();
    const id = newId(now.getTime());
    const iso = (s: string) => new Date(s).toISOString();
    const round: RoundRow = {
      id,
      title: writeJson(input.title),
      description: writeJson(input.description),
      phase: "ideas",
      ideasStart: iso(input.ideasStart),
      reviewStart: iso(input.reviewStart),
      votingStart: iso(input.votingStart),
      votingEnd: iso(input.votingEnd),
      ballotType: input.ballotType,
      maxChoices:
        input.ballotType === "approval" || input.ballotType === "ranking" ? (input.maxChoices ?? null) : null,
      pointsTotal: input.ballotType === "cumulative" ? (input.pointsTotal ?? null) : null,
      minAge: input.minAge,
      rule: input.rule,
      isExample: isExample ? 1 : 0,
      resultsPublishedAt: null,
      createdAt: at,
      updatedAt: at,
    };
    const areas: AreaRow[] = input.areas.map((a, position) => ({
      id: newId(now.getTime()),
      roundId: id,
      position,
      name: writeJson(a.name),
      budget: a.budget,
    }));
    await inTransaction(this.#db, async (trx) => {
      await repo.insertRound(trx, round, areas);
      await recordAudit(
        trx,
        {
          actorId,
          action: "budgeting.round_created",
          targetType: "round",
          targetId: id,
          outcome: "success",
          requestId: meta.requestId,
        },
        now,
      );
    });
    return this.round(id);
  }

  async setPhase(actorId: string, id: string, phase: Phase, meta: RequestMeta): Promise<Round> {
    const round = await this.#requireRound(id);
    // Closing voting early means moving a voting round to "results" (counted later); implementation follows
    // published results only.
    if (round.resultsPublishedAt !== null) {
      if (phase !== "implementation") throw new AppError("conflict", M.alreadyPublished);
    } else if ((phase === "results" && round.phase !== "voting") || phase === "implementation") {
      throw new AppError("conflict", M.phaseResults);
    }
    const now = this.#now();
    await inTransaction(this.#db, async (trx) => {
      await repo.updateRound(trx, id, { phase, updatedAt: now.toISOString() });
      await recordAudit(
        trx,
        {
          actorId,
          action: "budgeting.phase_changed",
          targetType: "round",
          targetId: id,
          outcome: "success",
          details: { phase },
          requestId: meta.requestId,
        },
        now,
      );
    });
    return this.round(id);
  }

  // ---- proposals ----

  async proposals(roundId: string, viewer: ProposalViewer = PUBLIC_VIEWER): Promise<Proposal[]> {
    await this.#requireRound(roundId);
    const [rows, images] = await Promise.all([
      repo.listProposals(this.#db, roundId),
      repo.listRoundImages(this.#db, roundId),
    ]);
    return rows.map((row) => toProposal(row, images, viewer));
  }

  async proposal(id: string, viewer: ProposalViewer = PUBLIC_VIEWER): Promise<ProposalDetail> {
    const row = await repo.findProposal(this.#db, id);
    if (!row) throw notFound(M.noProposal);
    const [comments, images] = await Promise.all([
      repo.listComments(this.#db, id),
      repo.listImages(this.#db, [id]),
    ]);
    return {
      ...toProposal({ ...row, commentCount: comments.length }, images, viewer),
      comments: comments.map((c) => ({
        id: c.id,
        authorName: c.authorName,
        body: c.body,
        createdAt: c.createdAt,
      })),
      mergedFrom: await repo.listMergedInto(this.#db, id),
    };
  }

  async submitProposal(authorId: string, roundId: string, input: ProposalInput): Promise<ProposalDetail> {
    const round = await this.#requireRound(roundId);
    if (round.phase !== "ideas") throw new AppError("conflict", M.notIdeas);
    const areas = await repo.listAreas(this.#db, [roundId]);
    if (!areas.some((a) => a.id === input.areaId)) {
      throw new AppError("validation_failed", M.noArea, [{ path: "/body/areaId", message: M.noArea.en }]);
    }
    const images = prepareImages(input.images ?? [], (index) => `/body/images/${index}`);
    const now = this.#now();
    const id = newId(now.getTime());
    const row: ProposalRow = {
      id,
      roundId,
      areaId: input.areaId,
      authorId,
      title: input.title.trim(),
      description: input.description.trim(),
      language: input.language,
      locationText: input.locationText?.trim() || null,
      latitude: input.latitude ?? null,
      longitude: input.longitude ?? null,
      costEstimate: input.costEstimate ?? null,
      status: "submitted",
      mergedInto: null,
      reviewCost: null,
      reviewReason: null,
      reviewedAt: null,
      strategyActionId: null,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    await inTransaction(this.#db, async (trx) => {
      await repo.insertProposal(trx, row);
      await repo.insertImages(trx, imageRows(id, images, 0, authorId, now));
    });
    return this.proposal(id, { personId: authorId, isStaff: false });
  }

  /** Staff add a photo to a proposal during review (e.g. of the site), before voting starts. */
  async addImage(
    actorId: string,
    proposalId: string,
    image: NewProposalImage,
    meta: RequestMeta,
  ): Promise<ProposalDetail> {
    const proposal = await repo.findProposal(this.#db, proposalId);
    if (!proposal) throw notFound(M.noProposal);
    const round = await this.#requireRound(proposal.roundId);
    if (!["ideas", "co_creation", "review"].includes(round.phase))
      throw new AppError("conflict", M.notBeforeVoting);
    const [prepared] = prepareImages([image], () => "/body");
    const existing = await repo.listImages(this.#db, [proposalId]);
    if (existing.length >= MAX_PROPOSAL_IMAGES) {
      throw new AppError("validation_failed", M.tooManyImages, [
        { path: "/body", message: M.tooManyImages.en },
      ]);
    }
    const now = this.#now();
    const next = existing.reduce((max, i) => Math.max(max, i.position + 1), 0);
    const [row] = imageRows(proposalId, prepared ? [prepared] : [], next, actorId, now);
    await inTransaction(this.#db, async (trx) => {
      if (row) await repo.insertImages(trx, [row]);
      await recordAudit(
        trx,
        {
          actorId,
          action: "budgeting.image_added",
          targetType: "proposal",
          targetId: proposalId,
          outcome: "success",
          details: { image: row?.id ?? null },
          requestId: meta.requestId,
        },
        now,
      );
    });
    return this.proposal(proposalId, { personId: actorId, isStaff: true });
  }

  /** Staff remove a photo from a proposal (e.g. one that shows people who did not agree to it). */
  async removeImage(
    actorId: string,
    proposalId: string,
    imageId: string,
    meta: RequestMeta,
  ): Promise<ProposalDetail> {
    const image = await repo.findImage(this.#db, imageId);
    if (!image || image.proposalId !== proposalId) throw notFound(M.noImage);
    const now = this.#now();
    await inTransaction(this.#db, async (trx) => {
      await repo.deleteImage(trx, imageId);
      await recordAudit(
        trx,
        {
          actorId,
          action: "budgeting.image_removed",
          targetType: "proposal",
          targetId: proposalId,
          outcome: "success",
          details: { image: imageId },
          requestId: meta.requestId,
        },
        now,
      );
    });
    return this.proposal(proposalId, { personId: actorId, isStaff: true });
  }

  /** A photo's bytes, when the viewer may see the proposal's photos; `isPublic` says whether anyone may. */
  async image(
    viewer: ProposalViewer,
    imageId: string,
  ): Promise<{ contentType: string; content: Buffer; isPublic: boolean }> {
    const image = await repo.findImage(this.#db, imageId);
    const proposal = image ? await repo.findProposal(this.#db, image.proposalId) : undefined;
    if (!image || !proposal || !mayViewImages(proposal, viewer)) throw notFound(M.noImage);
    return {
      contentType: image.contentType,
      content: Buffer.from(image.content),
      isPublic: mayViewImages(proposal, PUBLIC_VIEWER),
    };
  }

  async comment(
    authorId: string,
    authorLabel: "city" | "resident",
    proposalId: string,
    body: string,
  ): Promise<ProposalDetail> {
    if (!(await repo.findProposal(this.#db, proposalId))) throw notFound(M.noProposal);
    const now = this.#now();
    await repo.insertComment(this.#db, {
      id: newId(now.getTime()),
      proposalId,
      authorId,
      authorName: authorLabel,
      body: body.trim(),
      createdAt: now.toISOString(),
    });
    return this.proposal(proposalId, { personId: authorId, isStaff: authorLabel === "city" });
  }

  /** Co-creation: staff merge a proposal into a similar one; the merged one stays readable and points to it. */
  async merge(
    actorId: string,
    proposalId: string,
    intoId: string,
    meta: RequestMeta,
  ): Promise<ProposalDetail> {
    const proposal = await repo.findProposal(this.#db, proposalId);
    const into = await repo.findProposal(this.#db, intoId);
    if (!proposal || !into) throw notFound(M.noProposal);
    const round = await this.#requireRound(proposal.roundId);
    if (!["ideas", "co_creation", "review"].includes(round.phase))
      throw new AppError("conflict", M.notBeforeVoting);
    if (proposalId === intoId || into.status === "merged" || into.roundId !== proposal.roundId) {
      throw new AppError("validation_failed", M.mergeSelf, [{ path: "/body/into", message: M.mergeSelf.en }]);
    }
    const now = this.#now();
    await inTransaction(this.#db, async (trx) => {
      await repo.updateProposal(trx, proposalId, {
        status: "merged",
        mergedInto: intoId,
        updatedAt: now.toISOString(),
      });
      await recordAudit(
        trx,
        {
          actorId,
          action: "budgeting.proposal_merged",
          targetType: "proposal",
          targetId: proposalId,
          outcome: "success",
          details: { into: intoId },
          requestId: meta.requestId,
        },
        now,
      );
    });
    return this.proposal(intoId, { personId: actorId, isStaff: true });
  }

  /** City review: feasible with the city's cost (it goes on the ballot), or rejected with public reasons. */
  async review(
    actorId: string,
    proposalId: string,
    input: ReviewInput,
    meta: RequestMeta,
  ): Promise<ProposalDetail> {
    const proposal = await repo.findProposal(this.#db, proposalId);
    if (!proposal) throw notFound(M.noProposal);
    const round = await this.#requireRound(proposal.roundId);
    if (!["ideas", "co_creation", "review"].includes(round.phase))
      throw new AppError("conflict", M.notBeforeVoting);
    if (input.status === "rejected" && !input.reason) {
      throw new AppError("validation_failed", M.reasonNeeded, [
        { path: "/body/reason", message: M.reasonNeeded.en },
      ]);
    }
    const cost = input.cost ?? proposal.costEstimate;
    if (input.status === "feasible" && (cost === null || cost === undefined || cost <= 0)) {
      throw new AppError("validation_failed", M.costNeeded, [
        { path: "/body/cost", message: M.costNeeded.en },
      ]);
    }
    const now = this.#now();
    await inTransaction(this.#db, async (trx) => {
      await repo.updateProposal(trx, proposalId, {
        status: input.status,
        reviewCost: input.status === "feasible" ? (cost ?? null) : (input.cost ?? null),
        reviewReason: input.reason ? writeJson(input.reason) : null,
        reviewedAt: now.toISOString(),
        mergedInto: null,
        updatedAt: now.toISOString(),
      });
      await recordAudit(
        trx,
        {
          actorId,
          action: "budgeting.proposal_reviewed",
          targetType: "proposal",
          targetId: proposalId,
          outcome: "success",
          details: { status: input.status },
          requestId: meta.requestId,
        },
        now,
      );
    });
    return this.proposal(proposalId, { personId: actorId, isStaff: true });
  }

  // ---- ballots ----

  /** A verified resident's web ballot; a later one replaces it until voting closes. */
  async castWebBallot(
    personId: string,
    roundId: string,
    choices: readonly BallotChoice[],
  ): Promise<BallotReceipt> {
    const round = await this.#requireRound(roundId);
    const now = this.#now();
    if (!isVotingOpen(round, now)) throw new AppError("conflict", M.votingClosed);
    const standing = await voterStanding(this.#database, personId);
    if (!standing?.verifiedResident || standing.personKey === null)
      throw new AppError("forbidden", M.notResident);
    this.#checkAge(round, standing.birthDate);
    await this.#checkChoices(round, choices);
    const receipt = await repo.castBallot(this.#db, {
      id: newId(now.getTime()),
      roundId,
      voterKey: standing.personKey,
      channel: "web",
      receiptCode: newReceiptCode(),
      choices: writeJson(choices),
      enteredBy: null,
      castAt: now.toISOString(),
    });
    if (!receipt) throw new AppError("conflict", M.alreadyPaper);
    return {
      receiptCode: receipt.receiptCode,
      channel: "web",
      castAt: now.toISOString(),
      choices: [...choices],
    };
  }

  /** A paper or service-point ballot, entered by staff who identified the voter; the number is not kept. */
  async castPaperBallot(
    staffId: string,
    roundId: string,
    input: { henkilotunnus: string; residencyChecked: boolean; choices: readonly BallotChoice[] },
    meta: RequestMeta,
  ): Promise<BallotReceipt> {
    const round = await this.#requireRound(roundId);
    const now = this.#now();
    if (!isVotingOpen(round, now)) throw new AppError("conflict", M.votingClosed);
    const standing = await voterStandingByHenkilotunnus(this.#database, this.#config, input.henkilotunnus);
    if (!standing.ok) {
      throw new AppError("validation_failed", M.badHetu, [
        { path: "/body/henkilotunnus", message: M.badHetu.en },
      ]);
    }
    if (!standing.verifiedResident && !input.residencyChecked)
      throw new AppError("forbidden", M.paperNotResident);
    this.#checkAge(round, standing.birthDate);
    await this.#checkChoices(round, input.choices);
    const receiptCode = newReceiptCode();
    const stored = await inTransaction(this.#db, async (trx) => {
      const receipt = await repo.castBallot(trx, {
        id: newId(now.getTime()),
        roundId,
        voterKey: standing.personKey,
        channel: "paper",
        receiptCode,
        choices: writeJson(input.choices),
        enteredBy: staffId,
        castAt: now.toISOString(),
      });
      if (!receipt) return false;
      await recordAudit(
        trx,
        {
          actorId: staffId,
          action: "budgeting.paper_ballot_entered",
          targetType: "round",
          targetId: roundId,
          outcome: "success",
          details: { residencyFrom: standing.verifiedResident ? "platform" : "staff_check" },
          requestId: meta.requestId,
        },
        now,
      );
      return true;
    });
    if (!stored) throw new AppError("conflict", M.alreadyVoted);
    return { receiptCode, channel: "paper", castAt: now.toISOString(), choices: [...input.choices] };
  }

  /** The signed-in voter's own ballot of a round. */
  async myBallot(personId: string, roundId: string): Promise<BallotReceipt> {
    await this.#requireRound(roundId);
    const standing = await voterStanding(this.#database, personId);
    const ballot = standing?.personKey
      ? await repo.findBallot(this.#db, roundId, standing.personKey)
      : undefined;
    if (!ballot) throw notFound(M.noBallot);
    return {
      receiptCode: ballot.receiptCode,
      channel: ballot.channel as "web" | "paper",
      castAt: ballot.castAt,
      choices: readJson<BallotChoice[]>(ballot.choices),
    };
  }

  #checkAge(round: RoundRow, birthDate: string | null): void {
    if (round.minAge <= 0) return;
    const onDate = helsinkiDate(round.votingEnd);
    if (birthDate === null || birthDate > onDate || ageOn(birthDate, onDate) < round.minAge) {
      throw new AppError("forbidden", M.tooYoung);
    }
  }

  /**
   * What a ballot is checked against: the round's areas and the projects on its ballot. Proposals cannot change
   * while a round is voting (review, merging and submission are refused then), so this is kept per round and
   * version of the round row, which keeps a cast to a handful of statements.
   */
  async #ballotFrame(round: RoundRow): Promise<BallotFrame> {
    const key = `${round.id}|${round.updatedAt}|${round.phase}`;
    const cached = this.#frames.get(round.id);
    if (cached && cached.key === key) return cached;
    const [areas, projects] = await Promise.all([
      repo.listAreas(this.#db, [round.id]),
      repo.listBallotProjects(this.#db, round.id),
    ]);
    const frame: BallotFrame = {
      key,
      projects: new Map(projects.map((p) => [p.id, { areaId: p.areaId, cost: p.reviewCost ?? 0 }])),
      budgets: new Map(areas.map((a) => [a.id, a.budget])),
    };
    if (round.phase === "voting") this.#frames.set(round.id, frame);
    return frame;
  }

  async #checkChoices(round: RoundRow, choices: readonly BallotChoice[]): Promise<void> {
    const frame = await this.#ballotFrame(round);
    const problem = checkBallot(
      {
        ballotType: round.ballotType as BallotType,
        maxChoices: round.maxChoices,
        pointsTotal: round.pointsTotal,
      },
      frame.projects,
      frame.budgets,
      choices,
    );
    if (problem) {
      const path = "index" in problem ? `/body/choices/${problem.index}` : "/body/choices";
      const detail = BALLOT_PROBLEMS[problem.reason];
      throw new AppError("validation_failed", detail, [{ path, message: detail.en ?? detail.fi }]);
    }
  }

  // ---- results ----

  /** Counts every area with the round's rule, publishes the anonymised ballot files and the explanations. */
  async publishResults(actorId: string, roundId: string, meta: RequestMeta): Promise<RoundResults> {
    const round = await this.#requireRound(roundId);
    const now = this.#now();
    if (round.resultsPublishedAt !== null) throw new AppError("conflict", M.alreadyPublished);
    const closed =
      (round.phase === "voting" && now.toISOString() >= round.votingEnd) ||
      (round.phase !== "voting" &&
        round.phase !== "ideas" &&
        round.phase !== "co_creation" &&
        round.phase !== "review");
    if (!closed) throw new AppError("conflict", M.stillVoting);
    const [areas, projects, ballots] = await Promise.all([
      repo.listAreas(this.#db, [roundId]),
      repo.listProposals(this.#db, roundId, ["feasible"]),
      repo.listBallots(this.#db, roundId),
    ]);
    const parsedBallots = ballots.map((b) => ({
      receiptCode: b.receiptCode,
      choices: readJson<BallotChoice[]>(b.choices),
    }));
    const results = areas.map((area) =>
      countArea(
        round,
        area,
        projects.filter((p) => p.areaId === area.id),
        parsedBallots,
      ),
    );
    const at = now.toISOString();
    await inTransaction(this.#db, async (trx) => {
      await repo.saveResults(
        trx,
        results.map((r) => ({
          roundId,
          areaId: r.result.areaId,
          outcome: writeJson(r.result),
          ballotFile: r.file,
          countedAt: at,
        })),
      );
      await repo.updateRound(trx, roundId, { resultsPublishedAt: at, phase: "results", updatedAt: at });
      await recordAudit(
        trx,
        {
          actorId,
          action: "budgeting.results_published",
          targetType: "round",
          targetId: roundId,
          outcome: "success",
          details: { voters: ballots.length },
          requestId: meta.requestId,
        },
        now,
      );
    });
    // Winning projects are followed up as strategy actions (idempotent, so a retry after a failure is safe).
    for (const r of results) {
      for (const p of r.result.projects.filter((x) => x.selected)) {
        const actionId = await addBudgetingAction(this.#database, {
          key: p.id,
          title: { fi: p.title },
          budgetEuros: p.cost,
          now,
        });
        if (actionId) await repo.updateProposal(this.#db, p.id, { strategyActionId: actionId });
      }
    }
    return this.results(roundId);
  }

  async results(roundId: string): Promise<RoundResults> {
    const round = await this.#requireRound(roundId);
    if (round.resultsPublishedAt === null) throw new AppError("conflict", M.hidden);
    const areas = await repo.listAreas(this.#db, [roundId]);
    const rows = await repo.listResults(this.#db, roundId);
    const byArea = new Map(rows.map((r) => [r.areaId, readJson<AreaResult>(r.outcome)]));
    return {
      roundId,
      publishedAt: round.resultsPublishedAt,
      voters: await repo.countBallots(this.#db, roundId),
      areas: areas.flatMap((a) => {
        const r = byArea.get(a.id);
        return r ? [r] : [];
      }),
    };
  }

  /** The anonymised Pabulib file of an area (only after publication). */
  async ballotFile(roundId: string, areaId: string): Promise<string> {
    const round = await this.#requireRound(roundId);
    if (round.resultsPublishedAt === null) throw new AppError("conflict", M.hidden);
    const row = await repo.findResult(this.#db, roundId, areaId);
    if (!row) throw notFound(M.noArea);
    return row.ballotFile;
  }

  /** Looks a receipt up in the published ballot files themselves (not in the ballot table). */
  async checkReceipt(code: string): Promise<ReceiptCheck> {
    const receiptCode = code.trim().toUpperCase();
    const found: ReceiptCheck["areas"] = [];
    for (const row of await repo.listResults(this.#db)) {
      const election = parsePabulib(row.ballotFile);
      const v = election.votes.voterIds.indexOf(receiptCode);
      if (v < 0) continue;
      const ids: string[] = [];
      for (let k = election.votes.offsets[v] as number; k < (election.votes.offsets[v + 1] as number); k++) {
        ids.push((election.projects[election.votes.projects[k] as number] as { id: string }).id);
      }
      found.push({ areaId: row.areaId, projectIds: ids });
    }
    if (found.length === 0) {
      const pending = await repo.findRoundOfReceipt(this.#db, receiptCode);
      if (pending) {
        const round = await repo.findRound(this.#db, pending.roundId);
        if (round && round.resultsPublishedAt === null) throw new AppError("conflict", M.hidden);
      }
    }
    return { receiptCode, found: found.length > 0, areas: found };
  }

  /** Ballots counted in rounds that closed in a year: the `budgeting.turnout` indicator. */
  async turnout(year: number): Promise<number | null> {
    const { rounds, ballots } = await repo.countPublishedBallotsOfYear(this.#db, year);
    return rounds === 0 ? null : ballots;
  }

  async #requireRound(id: string): Promise<RoundRow> {
    const round = await repo.findRound(this.#db, id);
    if (!round) throw notFound(M.noRound);
    return round;
  }
}

// ---- counting one area ----

const VOTE_TYPE: Record<BallotType, "approval" | "cumulative" | "ordinal"> = {
  approval: "approval",
  basket: "approval",
  cumulative: "cumulative",
  ranking: "ordinal",
};

const RULE_TEXT: Record<CountingRule, LocalizedText> = {
  greedy: {
    fi: "Eniten ääniä (tai pisteitä) saaneet hankkeet valitaan järjestyksessä; hanke, joka ei enää mahdu jäljellä olevaan budjettiin, ohitetaan.",
    sv: "Projekten med flest röster (eller poäng) väljs i tur och ordning; ett projekt som inte längre ryms i den återstående budgeten hoppas över.",
    en: "Projects with the most votes (or points) are chosen in turn; a project that no longer fits in the budget left is skipped.",
  },
  mes: {
    fi: "Tasaosuusmenetelmä: budjetti jaetaan äänestäjien kesken tasan, ja hanke valitaan, kun sen kannattajien osuudet riittävät sen hintaan; eniten kannatusta rahaa kohden saava valitaan ensin (täydennys add1).",
    sv: "Metoden med lika andelar: budgeten delas lika mellan väljarna, och ett projekt väljs när dess anhängares andelar räcker till dess kostnad; det med mest stöd per euro väljs först (komplettering add1).",
    en: "Method of Equal Shares: the budget is split equally among the voters, and a project is chosen when its supporters' shares cover its cost; the one with most support per euro goes first (add1 completion).",
  },
};

/** Counts one area from the Pabulib file it publishes, so that anyone can recount the same file. */
export function countArea(
  round: RoundRow,
  area: AreaRow,
  projects: readonly ProposalRow[],
  ballots: readonly { receiptCode: string; choices: readonly BallotChoice[] }[],
): { result: AreaResult; file: string } {
  const ballotType = round.ballotType as BallotType;
  const voteType = VOTE_TYPE[ballotType];
  const inArea = new Set(projects.map((p) => p.id));
  const votes = ballots
    .map((b) => {
      const mine = b.choices.filter((c) => inArea.has(c.projectId));
      return {
        voterId: b.receiptCode,
        projects: mine.map((c) => c.projectId),
        points: mine.map((c) => c.points ?? 1),
      };
    })
    .filter((v) => v.projects.length > 0);
  const name = readJson<LocalizedText>(area.name);
  const metaRule = round.rule === "mes" ? "equalshares/add1" : "greedy";
  const metaBase: [string, string][] = [
    ["description", `${readJson<LocalizedText>(round.title).fi} – ${name.fi}`],
    ["country", "Finland"],
    ["unit", "Keskiö"],
    ["instance", round.id],
    ["subunit", area.id],
    ["num_projects", String(projects.length)],
    ["num_votes", String(votes.length)],
    ["budget", String(area.budget)],
    ["vote_type", voteType],
    ["rule", metaRule],
    ["date_begin", helsinkiDate(round.votingStart)],
    ["date_end", helsinkiDate(round.votingEnd)],
    ["language", "fi"],
  ];
  if (voteType === "ordinal" || (voteType === "approval" && round.maxChoices !== null)) {
    metaBase.push(["max_length", String(round.maxChoices ?? projects.length)]);
  }
  if (voteType === "cumulative" && round.pointsTotal !== null)
    metaBase.push(["max_sum_points", String(round.pointsTotal)]);
  const cost = (p: ProposalRow) => p.reviewCost ?? 0;
  const write = (selected: ReadonlySet<string> | null) =>
    writePabulib({
      meta: metaBase,
      projectColumns: selected ? ["name", "selected"] : ["name"],
      projects: projects.map((p) => ({
        id: p.id,
        cost: cost(p),
        fields: selected ? [p.title, selected.has(p.id) ? "1" : "0"] : [p.title],
      })),
      votes,
      withPoints: voteType === "cumulative",
    });
  const votesOf = new Map<string, number>();
  const pointsOf = new Map<string, number>();
  for (const v of votes) {
    v.projects.forEach((id, k) => {
      votesOf.set(id, (votesOf.get(id) ?? 0) + 1);
      pointsOf.set(id, (pointsOf.get(id) ?? 0) + (v.points[k] ?? 0));
    });
  }
  let selected: string[] = [];
  let explanations = new Map<string, ProjectExplanation>();
  if (projects.length > 0 && votes.length > 0) {
    const election = parsePabulib(write(null));
    const mapping = optionsForMetaRule(election.meta, election.voteType);
    if (!mapping.supported) throw new Error(`unsupported rule for a round: ${mapping.reason}`);
    const outcome = countElection(election, mapping.options);
    selected = [...outcome.selected];
    if (round.rule === "mes" && outcome.perVoterBudget !== null) {
      const replay = explainEqualShares(election, toNumberQ(outcome.perVoterBudget));
      const agrees =
        replay.replayed.length === selected.length && replay.replayed.every((id) => selected.includes(id));
      explanations = agrees
        ? replay.explanations
        : new Map(selected.map((id) => [id, { kind: "completion", selected: true }]));
    } else {
      explanations = explainGreedy(election, mapping.options.utility ?? "cost", selected);
    }
  }
  const chosen = new Set(selected);
  const titles = new Map(projects.map((p) => [p.id, p.title]));
  const results: ProjectResult[] = projects
    .map((p) => ({
      id: p.id,
      title: p.title,
      cost: cost(p),
      votes: votesOf.get(p.id) ?? 0,
      points: voteType === "approval" ? null : (pointsOf.get(p.id) ?? 0),
      selected: chosen.has(p.id),
      explanation: explanationText(explanations.get(p.id), cost(p), chosen.has(p.id), titles),
    }))
    .sort((a, b) => Number(b.selected) - Number(a.selected) || b.votes - a.votes || a.cost - b.cost);
  let total = 0;
  for (const p of results) if (p.selected) total += p.cost;
  return {
    result: {
      areaId: area.id,
      name,
      budget: area.budget,
      voters: votes.length,
      totalCost: total,
      ruleDescription: RULE_TEXT[round.rule as CountingRule],
      projects: results,
      ballotFile: `/api/v1/budgeting/rounds/${round.id}/areas/${area.id}/ballots.pb`,
    },
    file: write(chosen),
  };
}

function euros(n: number, locale: "fi" | "sv" | "en"): string {
  const rounded = Math.round(n);
  const text = new Intl.NumberFormat(locale === "en" ? "en-GB" : locale === "sv" ? "sv-FI" : "fi-FI").format(
    rounded,
  );
  return locale === "en" ? `€${text}` : `${text} €`;
}

function num(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}

/** A project's explanation in words (fi, sv, en). */
export function explanationText(
  facts: ProjectExplanation | undefined,
  cost: number,
  selected: boolean,
  titles: ReadonlyMap<string, string>,
): LocalizedText {
  if (!facts) {
    return selected
      ? { fi: "Valittiin.", sv: "Valdes.", en: "Chosen." }
      : {
          fi: "Hanke ei saanut ääniä.",
          sv: "Projektet fick inga röster.",
          en: "The project received no votes.",
        };
  }
  switch (facts.kind) {
    case "greedy": {
      const left = (l: "fi" | "sv" | "en") => euros(facts.budgetLeft, l);
      const c = (l: "fi" | "sv" | "en") => euros(cost, l);
      return facts.selected
        ? {
            fi: `Sija ${facts.place} kannatuksessa. Kun sen vuoro tuli, budjettia oli jäljellä ${left("fi")}, ja hanke maksaa ${c("fi")}, joten se valittiin.`,
            sv: `Plats ${facts.place} i stöd. När det var dess tur återstod ${left("sv")} av budgeten, och projektet kostar ${c("sv")}, så det valdes.`,
            en: `Ranked ${facts.place} by support. When its turn came, ${left("en")} of the budget was left and it costs ${c("en")}, so it was chosen.`,
          }
        : {
            fi: `Sija ${facts.place} kannatuksessa. Kun sen vuoro tuli, budjettia oli jäljellä enää ${left("fi")}, mutta hanke maksaa ${c("fi")}, joten se ei mahtunut.`,
            sv: `Plats ${facts.place} i stöd. När det var dess tur återstod bara ${left("sv")} av budgeten, men projektet kostar ${c("sv")}, så det rymdes inte.`,
            en: `Ranked ${facts.place} by support. When its turn came, only ${left("en")} of the budget was left but it costs ${c("en")}, so it did not fit.`,
          };
    }
    case "mes_selected":
      return {
        fi: `Valittiin vaiheessa ${facts.step}: sen ${facts.supporters} kannattajaa maksoivat sen osuuksistaan (kukin enintään ${euros(facts.maxPayment, "fi")}); efektiivinen äänimäärä ${num(facts.effectiveVotes)}.`,
        sv: `Valdes i steg ${facts.step}: dess ${facts.supporters} anhängare betalade det ur sina andelar (var och en högst ${euros(facts.maxPayment, "sv")}); effektivt röstetal ${num(facts.effectiveVotes)}.`,
        en: `Chosen at step ${facts.step}: its ${facts.supporters} supporters paid for it from their shares (each at most ${euros(facts.maxPayment, "en")}); effective vote count ${num(facts.effectiveVotes)}.`,
      };
    case "mes_rejected": {
      const money = (l: "fi" | "sv" | "en") => euros(facts.supportersMoney, l);
      const c = (l: "fi" | "sv" | "en") => euros(cost, l);
      const base = {
        fi: `Sen ${facts.supporters} kannattajalla oli lopulta jäljellä yhteensä ${money("fi")}, mutta hanke maksaa ${c("fi")}.`,
        sv: `Dess ${facts.supporters} anhängare hade till slut sammanlagt ${money("sv")} kvar, men projektet kostar ${c("sv")}.`,
        en: `Its ${facts.supporters} supporters had ${money("en")} left in all, but it costs ${c("en")}.`,
      };
      if (facts.beatenBy === null || facts.effectiveVotes === null) {
        return {
          fi: `${base.fi} Kannattajien osuudet eivät riittäneet siihen missään vaiheessa.`,
          sv: `${base.sv} Anhängarnas andelar räckte aldrig till.`,
          en: `${base.en} Its supporters' shares were never enough for it.`,
        };
      }
      const winner = titles.get(facts.beatenBy) ?? facts.beatenBy;
      const w = facts.beatenByEffectiveVotes === null ? "" : num(facts.beatenByEffectiveVotes);
      return {
        fi: `${base.fi} Kun sillä vielä oli varaa, sen efektiivinen äänimäärä oli ${num(facts.effectiveVotes)}; hanke ”${winner}” (${w}) valittiin ensin, ja kannattajien rahat kuluivat siihen.`,
        sv: `${base.sv} När det ännu fanns råd hade det effektivt röstetal ${num(facts.effectiveVotes)}; projektet ”${winner}” (${w}) valdes först och anhängarnas pengar gick till det.`,
        en: `${base.en} While it was still affordable its effective vote count was ${num(facts.effectiveVotes)}; "${winner}" (${w}) was chosen first and its supporters' money went there.`,
      };
    }
    case "completion":
      return facts.selected
        ? {
            fi: "Valittiin laskentasäännön mukaan.",
            sv: "Valdes enligt räkneregeln.",
            en: "Chosen under the counting rule.",
          }
        : {
            fi: "Ei valittu laskentasäännön mukaan.",
            sv: "Valdes inte enligt räkneregeln.",
            en: "Not chosen under the counting rule.",
          };
  }
}
