import { hash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { ProblemField } from "../../../contracts/errors.ts";
import type {
  Channel,
  CreatedRequest,
  DuplicateSuggestion,
  FeedbackService,
  HandlerRequestDetail,
  OwnRequest,
  PhotoRef,
  PublicListQuery,
  PublicRequest,
  PublicRequestDetail,
  PublicRequestPage,
  QueueItem,
  QueuePage,
  QueueQuery,
  RequestStatus,
  ServiceAttribute,
  Visibility,
} from "../../../contracts/feedback.ts";
import { MAX_DESCRIPTION, MAX_PHOTO_BYTES } from "../../../contracts/feedback.ts";
import { isLocale, type LocalizedText } from "../../../contracts/localized-text.ts";
import { inTransaction, readJson, writeJson } from "../../db/db.ts";
import { newId } from "../../lib/ids.ts";
import { type ImageType, InvalidImageError, stripImageMetadata } from "../../lib/images/image-metadata.ts";
import { AppError, type LocalizedDetail } from "../../platform/errors.ts";
import type { Principal } from "../../platform/principal.ts";
import { ReadCache } from "../../platform/read-cache.ts";
import { ATTRIBUTE_PROBLEM_TEXT, type AttributeRule, checkAttributes } from "./domain/attributes.ts";
import { MAX_PAGE_SIZE, type Open311RequestQuery } from "./domain/open311-query.ts";
import { formatReference, normaliseReference } from "./domain/reference.ts";
import { canChangeStatus, isFinished, statusesForOpen311 } from "./domain/request-status.ts";
import { addWorkingHours } from "./domain/working-hours.ts";
import { AREAS } from "./feedback.areas.ts";
import {
  CompiledInserts,
  countPublicRequests,
  type FeedbackDb,
  insertEvent,
  insertRequest,
  isUniqueViolation,
  type PublicRow,
  type RequestFilter,
  type StoredService,
  selectActiveApiKey,
  selectDuplicateReferences,
  selectEvents,
  selectEventsOf,
  selectNearbyOpen,
  selectPhoto,
  selectPhotoList,
  selectPublicPage,
  selectReferencesOf,
  selectRequestById,
  selectRequestByReference,
  selectRequestByToken,
  selectRequests,
  selectRequestsByReferences,
  selectServices,
} from "./feedback.repository.ts";
import type { EventRow, FeedbackTables, RequestRow } from "./feedback.tables.ts";

/** Where photos are served; Open311 media_url and the web pages use the same address. */
export const PHOTO_PATH = "/api/v1/feedback/photos";

/** A new request after the edge (web form or Open311) has read it. */
export interface NewRequest {
  serviceCode: string;
  description: string;
  title?: string | null;
  lat?: number | null;
  long?: number | null;
  address?: string | null;
  addressId?: string | null;
  attributes?: Record<string, string | string[]>;
  email?: string | null;
  name?: string | null;
  phone?: string | null;
  publishConsent: boolean;
  channel: Channel;
  apiKeyId?: string | null;
  reporterId?: string | null;
  deviceId?: string | null;
  accountId?: string | null;
  mediaUrl?: string | null;
  serviceObjectId?: string | null;
  serviceObjectType?: string | null;
  locale: string;
  photos?: { contentType: ImageType; bytes: Uint8Array; altText?: string | null }[];
}

/** A request as created, with the Open311 token when its service is a batch service. */
export interface CreatedRecord extends CreatedRequest {
  token: string | null;
  serviceType: string;
}

/** A service as the module uses it internally (with its id). */
export interface ServiceInfo extends FeedbackService {
  id: string;
}

const SERVICE_CACHE_MS = 10_000;
// A revoked key stops working within this time in every server process.
const API_KEY_CACHE_MS = 5_000;
const MAX_REFERENCE_TRIES = 5;
/**
 * How long public list answers are kept at most (the Open311 default range moves with the clock) and how many
 * requests they may hold in all, per list kind; any write to the database drops them sooner.
 */
export const PUBLIC_LIST_CACHE = { ttlMs: 5_000, maxRows: 20_000 } as const;
const DUPLICATE_RADIUS_M = 300;
const DUPLICATE_WINDOW_DAYS = 60;

const T = {
  serviceUnknown: {
    fi: "Palvelua ei löydy tai se ei ole käytössä.",
    sv: "Tjänsten finns inte eller används inte.",
    en: "The service does not exist or is not in use.",
  },
  requestUnknown: {
    fi: "Palautetta ei löydy.",
    sv: "Responsen hittades inte.",
    en: "The request was not found.",
  },
  photoUnknown: { fi: "Kuvaa ei löydy.", sv: "Bilden hittades inte.", en: "The photo was not found." },
  badPhoto: {
    fi: "Kuva ei ole kelvollinen JPEG- tai PNG-tiedosto.",
    sv: "Bilden är inte en giltig JPEG- eller PNG-fil.",
    en: "The photo is not a valid JPEG or PNG file.",
  },
  bigPhoto: {
    fi: `Kuva on liian suuri (enintään ${MAX_PHOTO_BYTES / 1024 / 1024} Mt).`,
    sv: `Bilden är för stor (högst ${MAX_PHOTO_BYTES / 1024 / 1024} MB).`,
    en: `The photo is too large (at most ${MAX_PHOTO_BYTES / 1024 / 1024} MB).`,
  },
  attributes: {
    fi: "Lisäkysymysten vastauksissa on puutteita.",
    sv: "Svaren på tilläggsfrågorna är bristfälliga.",
    en: "Some answers to the extra questions are missing or wrong.",
  },
  description: {
    fi: `Kuvaus puuttuu tai on yli ${MAX_DESCRIPTION} merkkiä.`,
    sv: `Beskrivningen saknas eller är längre än ${MAX_DESCRIPTION} tecken.`,
    en: `The description is missing or longer than ${MAX_DESCRIPTION} characters.`,
  },
  channelStaff: {
    fi: "Vain henkilökunta voi kirjata muun kuin verkkopalautteen.",
    sv: "Endast personalen kan registrera annan än webbrespons.",
    en: "Only staff may record a request from another channel than the web.",
  },
  otherUnit: {
    fi: "Palaute kuuluu toiselle yksikölle.",
    sv: "Responsen hör till en annan enhet.",
    en: "The request belongs to another unit.",
  },
  badTransition: {
    fi: "Tilaa ei voi vaihtaa näin.",
    sv: "Statusen kan inte ändras så.",
    en: "The status cannot change that way.",
  },
  reasonNeeded: {
    fi: "Sulkemiselle tarvitaan syy.",
    sv: "Stängning kräver ett skäl.",
    en: "Closing needs a reason.",
  },
  raced: {
    fi: "Joku muutti palautetta samaan aikaan. Lataa tiedot uudelleen.",
    sv: "Någon ändrade responsen samtidigt. Ladda om uppgifterna.",
    en: "Someone changed the request at the same time. Reload it.",
  },
  selfDuplicate: {
    fi: "Palaute ei voi olla itsensä kaksoiskappale.",
    sv: "En respons kan inte vara en dubblett av sig själv.",
    en: "A request cannot duplicate itself.",
  },
  chainDuplicate: {
    fi: "Kohde on itse merkitty kaksoiskappaleeksi; valitse alkuperäinen.",
    sv: "Målet är självt en dubblett; välj originalet.",
    en: "The target is itself a duplicate; choose the original.",
  },
  badBbox: {
    fi: "Alueen pitää olla muotoa minLat,minLong,maxLat,maxLong.",
    sv: "Området ska anges som minLat,minLong,maxLat,maxLong.",
    en: "The area must be minLat,minLong,maxLat,maxLong.",
  },
  badArea: { fi: "Tuntematon alue.", sv: "Okänt område.", en: "Unknown area." },
  badStatus: { fi: "Tuntematon tila.", sv: "Okänd status.", en: "Unknown status." },
  badAssignee: {
    fi: "Käsittelijän tunniste ei kelpaa.",
    sv: "Handläggarens id är ogiltigt.",
    en: "The handler id is not valid.",
  },
} satisfies Record<string, LocalizedDetail>;

/** What the desk needs to know of people (from the identity module): staff names, never residents'. */
export interface StaffDirectory {
  staffOf(unit: string): Promise<{ id: string; displayName: string }[]>;
  namesOf(ids: readonly string[]): Promise<Map<string, string>>;
}

/** Use cases of feedback: reporting, the public status and list, and handling by city staff. */
export class FeedbackDesk {
  readonly #db: Kysely<FeedbackTables>;
  readonly #now: () => Date;
  readonly #staff: StaffDirectory;
  #catalogue: ServiceCache | null = null;
  readonly #keys = new Map<string, { id: string; at: number }>();
  readonly #publicPages: ReadCache<PublicRequestPage>;
  readonly #publicTotals: ReadCache<number>;
  readonly #inserts = new CompiledInserts();

  /** `changeVersion` is the database's change token (Database.changeVersion), for the public list caches. */
  constructor(
    db: Kysely<FeedbackTables>,
    now: () => Date,
    staff: StaffDirectory,
    changeVersion: () => string | null = () => null,
  ) {
    this.#db = db;
    this.#now = now;
    this.#staff = staff;
    // The public list is read far more often than requests change; answers are kept only until the next write.
    // Every page of one filter shows the same total: it is counted once per filter, not once per page.
    this.#publicTotals = new ReadCache({ changeVersion, ttlMs: PUBLIC_LIST_CACHE.ttlMs, maxWeight: 1000 });
    this.#publicPages = new ReadCache({
      changeVersion,
      ttlMs: PUBLIC_LIST_CACHE.ttlMs,
      maxWeight: PUBLIC_LIST_CACHE.maxRows,
      weigh: (page) => page.items.length + 1,
    });
  }

  /** The current instant of the injected clock. */
  now(): Date {
    return this.#now();
  }

  /** Active services, from a cache of a few seconds (the create path reads them on every request). */
  async services(): Promise<ServiceInfo[]> {
    return (await this.#serviceCatalogue()).active;
  }

  /** Forgets cached services (after seeding or editing them). */
  forgetServices(): void {
    this.#catalogue = null;
  }

  // Every service, inactive ones too (old requests keep their category's name), cached like the active list:
  // the create path and every list page need them, and they change only when staff edit the categories.
  async #serviceCatalogue(): Promise<ServiceCache> {
    const at = Date.now();
    if (this.#catalogue && at - this.#catalogue.at < SERVICE_CACHE_MS) return this.#catalogue;
    const all = (await selectServices(this.#db, true)).map((stored) => ({
      info: toServiceInfo(stored),
      isActive: stored.service.isActive === 1,
    }));
    const catalogue: ServiceCache = {
      at,
      active: all.filter((s) => s.isActive).map((s) => s.info),
      byId: new Map(all.map((s) => [s.info.id, s.info])),
    };
    this.#catalogue = catalogue;
    return catalogue;
  }

  /** One active service by code, or a 404. */
  async service(code: string): Promise<ServiceInfo> {
    const found = (await this.services()).find((s) => s.code === code);
    if (!found) throw new AppError("not_found", T.serviceUnknown);
    return found;
  }

  /** Records a new request with its photos in one transaction; answers only after it has committed. */
  async createRequest(input: NewRequest): Promise<CreatedRecord> {
    const service = await this.service(input.serviceCode);
    const description = input.description.trim();
    if (description.length === 0 || description.length > MAX_DESCRIPTION)
      throw new AppError("validation_failed", T.description, [
        field("/description", T.description, input.locale),
      ]);
    const checked = checkAttributes(service.attributes.map(toRule), input.attributes ?? {});
    if (!checked.ok) {
      throw new AppError(
        "validation_failed",
        T.attributes,
        checked.problems.map((p) =>
          field(`/attributes/${p.code}`, ATTRIBUTE_PROBLEM_TEXT[p.problem], input.locale),
        ),
      );
    }
    const photos = (input.photos ?? []).map((photo, index) => {
      if (photo.bytes.length > MAX_PHOTO_BYTES)
        throw new AppError("payload_too_large", T.bigPhoto, [
          field(`/photos/${index}`, T.bigPhoto, input.locale),
        ]);
      try {
        return {
          contentType: photo.contentType,
          altText: blankToNull(photo.altText),
          content: stripImageMetadata(photo.bytes, photo.contentType),
        };
      } catch (error) {
        if (error instanceof InvalidImageError)
          throw new AppError("validation_failed", T.badPhoto, [
            field(`/photos/${index}/data`, T.badPhoto, input.locale),
          ]);
        throw error;
      }
    });
    const now = this.#now();
    const at = now.toISOString();
    const id = newId(now.getTime());
    const expectedFirst = addWorkingHours(now, service.firstResponseHours).toISOString();
    const expectedResolution = addWorkingHours(now, service.resolutionHours).toISOString();
    const token = service.type === "batch" ? randomBytes(16).toString("base64url") : null;
    for (let attempt = 1; ; attempt++) {
      const reference = formatReference(randomBytes(5));
      try {
        await inTransaction(this.#db, (trx) =>
          insertRequest(
            trx,
            {
              id,
              reference,
              token,
              serviceId: service.id,
              unit: service.unit,
              channel: input.channel,
              apiKeyId: input.apiKeyId ?? null,
              status: "received",
              closeReason: null,
              title: blankToNull(input.title),
              description,
              publicDescription: null,
              publishConsent: input.publishConsent ? 1 : 0,
              visibility: "pending",
              lat: input.lat ?? null,
              long: input.long ?? null,
              address: blankToNull(input.address),
              addressId: blankToNull(input.addressId),
              attributes: writeJson(checked.values),
              mediaUrl: blankToNull(input.mediaUrl),
              serviceObjectId: blankToNull(input.serviceObjectId),
              serviceObjectType: blankToNull(input.serviceObjectType),
              locale: input.locale,
              reporterId: input.reporterId ?? null,
              contactEmail: blankToNull(input.email),
              contactName: blankToNull(input.name),
              contactPhone: blankToNull(input.phone),
              deviceId: blankToNull(input.deviceId),
              accountId: blankToNull(input.accountId),
              assigneeId: null,
              duplicateOf: null,
              publicAnswer: null,
              answeredAt: null,
              requestedAt: at,
              updatedAt: at,
              firstResponseAt: null,
              closedAt: null,
              expectedFirstResponseAt: expectedFirst,
              expectedResolutionAt: expectedResolution,
              isExample: 0,
            },
            {
              id: eventId(now.getTime()),
              at,
              kind: "created",
              status: "received",
              note: null,
              isInternal: 0,
              actorId: input.reporterId ?? null,
            },
            photos.map((p, position) => ({ id: newId(now.getTime()), position, createdAt: at, ...p })),
            this.#inserts,
          ),
        );
        return {
          id,
          reference,
          status: "received",
          requestedAt: at,
          expectedFirstResponseAt: expectedFirst,
          expectedResolutionAt: expectedResolution,
          token,
          serviceType: service.type,
        };
      } catch (error) {
        // A reference number drawn twice (1 in 2^40 per pair) is drawn again; anything else is real.
        if (!isUniqueViolation(error) || attempt >= MAX_REFERENCE_TRIES) throw error;
      }
    }
  }

  /** The public status of one request by its reference number (no personal data). */
  async publicRequest(referenceInput: string): Promise<PublicRequestDetail> {
    const row = await this.#byReference(referenceInput);
    const [shaped] = await this.#toPublic([row]);
    const events = await selectEvents(this.#db, row.id, false);
    return { ...(shaped as PublicRequest), history: events.map(toPublicEvent) };
  }

  /** Published requests, newest first, filtered by service, status, time and area. */
  publicList(query: PublicListQuery): Promise<PublicRequestPage> {
    return this.#publicPages.get(JSON.stringify(query), () => this.#readPublicList(query));
  }

  async #readPublicList(query: PublicListQuery): Promise<PublicRequestPage> {
    const services = await this.services();
    const filter: RequestFilter = { publishedOnly: true };
    if (query.service) filter.serviceIds = servicesByCodes(services, query.service);
    if (query.status) filter.statuses = parseStatuses(query.status);
    if (query.from) filter.requestedFrom = new Date(query.from).toISOString();
    if (query.to) filter.requestedTo = new Date(query.to).toISOString();
    if (query.bbox) filter.bbox = parseBbox(query.bbox);
    else if (query.area) {
      const area = AREAS.find((a) => a.code === query.area);
      if (!area) throw new AppError("validation_failed", T.badArea, [field("/area", T.badArea)]);
      filter.bbox = parseBbox(area.bbox);
    }
    const pageSize = query.pageSize ?? 50;
    const page = query.page ?? 1;
    const { page: _page, pageSize: _size, ...filterQuery } = query;
    const [{ rows }, total] = await Promise.all([
      selectPublicPage(this.#db, filter, { limit: pageSize, offset: (page - 1) * pageSize }, false),
      this.#publicTotals.get(JSON.stringify(filterQuery), () => countPublicRequests(this.#db, filter)),
    ]);
    return { items: await this.#toPublic(rows), total, page, pageSize };
  }

  /** A signed-in resident's own requests, newest first, with their own text. */
  async ownRequests(personId: string): Promise<OwnRequest[]> {
    const { rows } = await selectRequests(
      this.#db,
      { reporterId: personId },
      { limit: 500, offset: 0 },
      false,
    );
    const shaped = await this.#toPublic(rows);
    return shaped.map((p, i) => ({ ...p, ownDescription: (rows[i] as RequestRow).description }));
  }

  /** A handler's queue: their units' requests (all units for admins and unit-less staff). */
  async queue(principal: Principal, query: QueueQuery): Promise<QueuePage> {
    // Services taken out of use still name (and filter) the requests made in them.
    const services = [...(await this.#allServicesById()).values()];
    const filter: RequestFilter = {};
    const units = handledUnits(principal);
    if (query.unit) {
      if (units && !units.includes(query.unit)) throw new AppError("forbidden", T.otherUnit);
      filter.units = [query.unit];
    } else if (units) filter.units = units;
    if (query.status) filter.statuses = parseStatuses(query.status);
    if (query.service) filter.serviceIds = servicesByCodes(services, query.service);
    if (query.assignee === "me") filter.assignee = principal.personId;
    else if (query.assignee === "none") filter.assignee = null;
    else if (query.assignee) filter.assignee = query.assignee;
    const now = this.#now().toISOString();
    if (query.overdue) filter.overdueAt = now;
    if (query.escalated) filter.escalatedFrom = 1;
    const pageSize = query.pageSize ?? 50;
    const page = query.page ?? 1;
    const order = query.sort === "overdue" ? { by: "overdue" as const, at: now } : { by: "newest" as const };
    const { rows, total } = await selectRequests(
      this.#db,
      filter,
      { limit: pageSize, offset: (page - 1) * pageSize },
      true,
      order,
    );
    const byId = new Map(services.map((s) => [s.id, s]));
    const names = await this.#staff.namesOf(rows.flatMap((r) => (r.assigneeId ? [r.assigneeId] : [])));
    return { items: rows.map((r) => toQueueItem(r, byId, now, names)), total, page, pageSize };
  }

  /** Everything a handler sees of one request, history and internal notes included. */
  async handlerDetail(principal: Principal, id: string, moderation = false): Promise<HandlerRequestDetail> {
    const row = await this.#forHandler(principal, id, moderation);
    const services = await this.#allServicesById();
    const [events, duplicates, photos, refs, assignable] = await Promise.all([
      selectEvents(this.#db, row.id, true),
      selectDuplicateReferences(this.#db, row.id),
      selectPhotoList(this.#db, [row.id]),
      selectReferencesOf(this.#db, row.duplicateOf ? [row.duplicateOf] : []),
      this.#staff.staffOf(row.unit),
    ]);
    // Names of the staff who acted; the reporter's own entry ("created") is never named.
    const staffIds = events.flatMap((e) => (e.actorId && e.kind !== "created" ? [e.actorId] : []));
    const names = await this.#staff.namesOf(row.assigneeId ? [...staffIds, row.assigneeId] : staffIds);
    return {
      ...toQueueItem(row, services, this.#now().toISOString(), names),
      title: row.title,
      publicDescription: row.publicDescription,
      publishConsent: row.publishConsent === 1,
      closeReason: row.closeReason,
      lat: row.lat,
      long: row.long,
      attributes: readJson(row.attributes),
      contact: {
        email: row.contactEmail,
        name: row.contactName,
        phone: row.contactPhone,
        isSignedInReporter: row.reporterId !== null,
      },
      publicAnswer: row.publicAnswer,
      answeredAt: row.answeredAt,
      duplicateOf: row.duplicateOf ? (refs.get(row.duplicateOf) ?? null) : null,
      duplicates,
      photos: photos.map(toPhotoRef),
      history: events.map((e) => ({
        id: e.id,
        at: e.at,
        kind: e.kind,
        status: e.status as RequestStatus | null,
        note: e.note,
        isInternal: e.isInternal === 1,
        actorId: e.actorId,
        actorName: e.actorId && e.kind !== "created" ? (names.get(e.actorId) ?? null) : null,
      })),
      assignable,
    };
  }

  /** Assigns a request to a handler (or nobody); a received request becomes allocated. */
  async assign(principal: Principal, id: string, assigneeId: string | null): Promise<HandlerRequestDetail> {
    const row = await this.#forHandler(principal, id);
    if (assigneeId !== null && !/^[0-9a-f-]{8,64}$/.test(assigneeId))
      throw new AppError("validation_failed", T.badAssignee, [field("/assigneeId", T.badAssignee)]);
    const now = this.#now().toISOString();
    const status = (
      assigneeId !== null && row.status === "received" ? "allocated" : row.status
    ) as RequestStatus;
    await this.#change(
      row,
      { assigneeId, status, updatedAt: now },
      {
        kind: "assigned",
        status: status === row.status ? null : status,
        note: null,
        isInternal: 1,
        actorId: principal.personId,
        at: now,
      },
    );
    return this.handlerDetail(principal, id);
  }

  /** Moves a request to another status; closing needs a reason; a public note is a response. */
  async changeStatus(
    principal: Principal,
    id: string,
    body: { status: RequestStatus; reason?: string | undefined; note?: string | undefined },
  ): Promise<{ detail: HandlerRequestDetail; notify: Notification | null }> {
    const row = await this.#forHandler(principal, id);
    const from = row.status as RequestStatus;
    if (!canChangeStatus(from, body.status)) throw new AppError("conflict", T.badTransition);
    if (body.status === "closed" && !body.reason)
      throw new AppError("validation_failed", T.reasonNeeded, [field("/reason", T.reasonNeeded)]);
    const now = this.#now().toISOString();
    const finished = isFinished(body.status);
    const responded = finished || body.note !== undefined;
    await this.#change(
      row,
      {
        status: body.status,
        closeReason: body.status === "closed" ? (body.reason ?? null) : null,
        closedAt: finished ? now : null,
        updatedAt: now,
        ...(responded && row.firstResponseAt === null ? { firstResponseAt: now } : {}),
      },
      {
        kind: "status",
        status: body.status,
        note: body.note ?? null,
        isInternal: 0,
        actorId: principal.personId,
        at: now,
      },
    );
    return {
      detail: await this.handlerDetail(principal, id),
      notify: this.#notification(row, "status", body.note ?? null, body.status),
    };
  }

  /** Answers the reporter publicly; the first answer is the first response. */
  async answer(
    principal: Principal,
    id: string,
    text: string,
  ): Promise<{ detail: HandlerRequestDetail; notify: Notification | null }> {
    const row = await this.#forHandler(principal, id);
    const now = this.#now().toISOString();
    await this.#change(
      row,
      {
        publicAnswer: text,
        answeredAt: now,
        updatedAt: now,
        ...(row.firstResponseAt === null ? { firstResponseAt: now } : {}),
      },
      { kind: "answer", status: null, note: text, isInternal: 0, actorId: principal.personId, at: now },
    );
    return {
      detail: await this.handlerDetail(principal, id),
      notify: this.#notification(row, "answer", text, row.status as RequestStatus),
    };
  }

  /** Adds an internal note (never shown outside the city). */
  async addNote(principal: Principal, id: string, text: string): Promise<HandlerRequestDetail> {
    const row = await this.#forHandler(principal, id);
    const now = this.#now().toISOString();
    await this.#change(
      row,
      { updatedAt: now },
      { kind: "note", status: null, note: text, isInternal: 1, actorId: principal.personId, at: now },
    );
    return this.handlerDetail(principal, id);
  }

  /** Publishes or hides a request's text; a public description replaces personal details in it. */
  async moderate(
    principal: Principal,
    id: string,
    body: { visibility: Visibility; publicDescription?: string | null | undefined },
  ): Promise<HandlerRequestDetail> {
    const row = await this.#forHandler(principal, id, true);
    const now = this.#now().toISOString();
    await this.#change(
      row,
      {
        visibility: body.visibility,
        updatedAt: now,
        ...(body.publicDescription !== undefined ? { publicDescription: body.publicDescription } : {}),
      },
      {
        kind: `moderation:${body.visibility}`,
        status: null,
        note: null,
        isInternal: 1,
        actorId: principal.personId,
        at: now,
      },
    );
    return this.handlerDetail(principal, id, true);
  }

  /** Marks a request as a duplicate of another (by reference) and closes it with reason "duplicate". */
  async markDuplicate(principal: Principal, id: string, originalRef: string): Promise<HandlerRequestDetail> {
    const row = await this.#forHandler(principal, id);
    const original = await this.#byReference(originalRef);
    if (original.id === row.id) throw new AppError("conflict", T.selfDuplicate);
    if (original.duplicateOf !== null) throw new AppError("conflict", T.chainDuplicate);
    const now = this.#now().toISOString();
    await this.#change(
      row,
      {
        duplicateOf: original.id,
        status: "closed",
        closeReason: "duplicate",
        closedAt: now,
        updatedAt: now,
        ...(row.firstResponseAt === null ? { firstResponseAt: now } : {}),
      },
      {
        kind: "duplicate",
        status: "closed",
        note: original.reference,
        isInternal: 0,
        actorId: principal.personId,
        at: now,
      },
    );
    return this.handlerDetail(principal, id);
  }

  /** Likely duplicates: open requests of the same service within a few hundred metres, recent first. */
  async duplicateSuggestions(principal: Principal, id: string): Promise<DuplicateSuggestion[]> {
    const row = await this.#forHandler(principal, id);
    const since = new Date(Date.parse(row.requestedAt) - DUPLICATE_WINDOW_DAYS * 86_400_000).toISOString();
    const box =
      row.lat !== null && row.long !== null ? boxAround(row.lat, row.long, DUPLICATE_RADIUS_M) : null;
    const rows = await selectNearbyOpen(this.#db, row, box, since, 20);
    return rows
      .map((r) => ({
        reference: r.reference,
        status: r.status as RequestStatus,
        description: r.description,
        requestedAt: r.requestedAt,
        distanceMetres:
          row.lat !== null && row.long !== null && r.lat !== null && r.long !== null
            ? Math.round(distanceMetres(row.lat, row.long, r.lat, r.long))
            : null,
      }))
      .filter((s) => s.distanceMetres === null || s.distanceMetres <= DUPLICATE_RADIUS_M)
      .sort(
        (a, b) =>
          (a.distanceMetres ?? Number.POSITIVE_INFINITY) - (b.distanceMetres ?? Number.POSITIVE_INFINITY),
      );
  }

  /** A photo's bytes when the request is published, or the caller handles requests of its unit. */
  async photo(
    principal: Principal | null,
    photoId: string,
  ): Promise<{ contentType: string; content: Buffer }> {
    const photo = await selectPhoto(this.#db, photoId);
    if (!photo) throw new AppError("not_found", T.photoUnknown);
    const row = await selectRequestById(this.#db, photo.requestId);
    const visible =
      row !== undefined &&
      ((row.visibility === "published" && row.duplicateOf === null) ||
        (principal !== null && mayHandle(principal, row.unit)));
    if (!visible) throw new AppError("not_found", T.photoUnknown);
    return { contentType: photo.contentType, content: Buffer.from(photo.content) };
  }

  // ---- Open311 ----

  /** The id of the live API key with this value, or null (positive answers cached for a few seconds). */
  async apiKeyId(key: string): Promise<string | null> {
    const hash = hashApiKey(key);
    const cached = this.#keys.get(hash);
    if (cached && Date.now() - cached.at < API_KEY_CACHE_MS) return cached.id;
    const row = await selectActiveApiKey(this.#db, hash);
    if (!row) return null;
    if (this.#keys.size > 1000) this.#keys.clear();
    this.#keys.set(hash, { id: row.id, at: Date.now() });
    return row.id;
  }

  /** Requests as GeoReport v2 lists them, with what rendering needs. */
  async open311Requests(query: Open311RequestQuery): Promise<Open311Batch> {
    if (query.references) {
      const refs = query.references.flatMap((r) => {
        const n = normaliseReference(r);
        return n ? [n] : [];
      });
      return this.#batch(await selectRequestsByReferences(this.#db, refs.slice(0, MAX_PAGE_SIZE)));
    }
    const services = await this.services();
    const filter: RequestFilter = {
      publishedOnly: true,
      requestedFrom: query.from,
      requestedTo: query.to,
    };
    if (query.serviceCodes)
      filter.serviceIds = services.filter((s) => query.serviceCodes?.includes(s.code)).map((s) => s.id);
    if (query.statuses) filter.statuses = query.statuses.flatMap(statusesForOpen311);
    if (query.updatedAfter) filter.updatedAfter = query.updatedAfter;
    if (query.updatedBefore) filter.updatedBefore = query.updatedBefore;
    if (query.near) filter.bbox = boxAround(query.near.lat, query.near.long, query.near.radius);
    if (query.search) filter.search = query.search;
    if (query.serviceObject) filter.serviceObject = query.serviceObject;
    const { rows } = await selectPublicPage(
      this.#db,
      filter,
      { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
      false,
    );
    const near = query.near;
    const inside = near
      ? rows.filter(
          (r) =>
            r.lat !== null &&
            r.long !== null &&
            distanceMetres(near.lat, near.long, r.lat, r.long) <= near.radius,
        )
      : rows;
    return this.#batch(inside);
  }

  /** One request by its reference, as a one-item batch (empty when unknown). */
  async open311Request(reference: string): Promise<Open311Batch> {
    const ref = normaliseReference(reference);
    const row = ref ? await selectRequestByReference(this.#db, ref) : undefined;
    return this.#batch(row ? [row] : []);
  }

  /** The reference of the request a token stands for, or null. */
  async referenceOfToken(token: string): Promise<string | null> {
    const row = await selectRequestByToken(this.#db, token);
    return row?.reference ?? null;
  }

  async #batch(rows: PublicRow[]): Promise<Open311Batch> {
    const published = rows.filter((r) => r.visibility === "published").map((r) => r.id);
    const [services, photos, events] = await Promise.all([
      this.#allServicesById(),
      selectPhotoList(this.#db, published),
      selectEventsOf(
        this.#db,
        rows.map((r) => r.id),
        false,
      ),
    ]);
    return { rows, services, photos, events };
  }

  async #byReference(input: string): Promise<RequestRow> {
    const reference = normaliseReference(input);
    const row = reference ? await selectRequestByReference(this.#db, reference) : undefined;
    if (!row) throw new AppError("not_found", T.requestUnknown);
    return row;
  }

  async #forHandler(principal: Principal, id: string, moderation = false): Promise<RequestRow> {
    const row = /^[0-9a-f-]{8,64}$/.test(id) ? await selectRequestById(this.#db, id) : undefined;
    if (!row) throw new AppError("not_found", T.requestUnknown);
    const moderator = moderation && principal.roles.some((r) => r.role === "moderator");
    if (!moderator && !mayHandle(principal, row.unit)) throw new AppError("forbidden", T.otherUnit);
    return row;
  }

  // The update applies only if nobody changed the request since it was read (updated_at as its version).
  async #change(
    row: RequestRow,
    changes: Partial<RequestRow>,
    event: Omit<EventRow, "requestId" | "id">,
  ): Promise<void> {
    const changed = await inTransaction(this.#db, async (trx) => {
      const result = await trx
        .updateTable("feedbackRequest")
        .set(changes)
        .where("id", "=", row.id)
        .where("updatedAt", "=", row.updatedAt)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      await insertEvent(trx, row.id, { ...event, id: eventId(Date.parse(event.at)) });
      return true;
    });
    if (!changed) throw new AppError("conflict", T.raced);
  }

  #notification(
    row: RequestRow,
    kind: "status" | "answer",
    text: string | null,
    status: RequestStatus,
  ): Notification | null {
    if (!row.contactEmail) return null;
    return { to: row.contactEmail, locale: row.locale, reference: row.reference, kind, text, status };
  }

  async #allServicesById(): Promise<Map<string, ServiceInfo>> {
    return (await this.#serviceCatalogue()).byId;
  }

  async #toPublic(rows: PublicRow[]): Promise<PublicRequest[]> {
    if (rows.length === 0) return [];
    const services = await this.#allServicesById();
    const [photos, refs] = await Promise.all([
      selectPhotoList(
        this.#db,
        rows.filter((r) => r.visibility === "published").map((r) => r.id),
      ),
      selectReferencesOf(
        this.#db,
        rows.flatMap((r) => (r.duplicateOf ? [r.duplicateOf] : [])),
      ),
    ]);
    return rows.map((row) => toPublicRequest(row, services, photos, refs));
  }
}

/** Every service by id and the active ones in display order, as read at `at`. */
interface ServiceCache {
  at: number;
  active: ServiceInfo[];
  byId: Map<string, ServiceInfo>;
}

let lastEventMs = 0;
// History is ordered by (at, id); ids made here grow strictly even within one millisecond, so that two
// changes at the same instant keep the order they were made in.
function eventId(atMs: number): string {
  lastEventMs = Math.max(atMs, lastEventMs + 1);
  return newId(lastEventMs);
}

/** Requests with their services, published photos and public history, for the Open311 renderer. */
export interface Open311Batch {
  rows: PublicRow[];
  services: Map<string, ServiceInfo>;
  photos: { id: string; requestId: string; contentType: string; altText: string | null }[];
  events: EventRow[];
}

/** What to tell a reporter by e-mail after a change has committed. */
export interface Notification {
  to: string;
  locale: string;
  reference: string;
  kind: "status" | "answer";
  text: string | null;
  status: RequestStatus;
}

/** The public shape of a request; the text only when published with the reporter's consent. */
export function toPublicRequest(
  row: PublicRow,
  services: Map<string, ServiceInfo>,
  photos: { id: string; requestId: string; contentType: string; altText: string | null }[],
  refs: Map<string, string>,
): PublicRequest {
  const service = services.get(row.serviceId);
  const published = row.visibility === "published";
  const own = published ? photos.filter((p) => p.requestId === row.id) : [];
  return {
    reference: row.reference,
    serviceCode: service?.code ?? "",
    serviceName: service?.name ?? { fi: "" },
    status: row.status as RequestStatus,
    closeReason: row.closeReason,
    description: publicText(row),
    title: published ? row.title : null,
    lat: row.lat,
    long: row.long,
    address: published ? row.address : null,
    requestedAt: row.requestedAt,
    updatedAt: row.updatedAt,
    expectedFirstResponseAt: row.expectedFirstResponseAt,
    expectedResolutionAt: row.expectedResolutionAt,
    firstResponseAt: row.firstResponseAt,
    publicAnswer: row.publicAnswer,
    answeredAt: row.answeredAt,
    duplicateOf: row.duplicateOf ? (refs.get(row.duplicateOf) ?? null) : null,
    isPublished: published,
    photos: own.map(toPhotoRef),
    photoUrls: own.map((p) => `${PHOTO_PATH}/${p.id}`),
  };
}

/** The text anyone may read: the moderated version, only when published and the reporter consented. */
export function publicText(
  row: Pick<RequestRow, "visibility" | "publicDescription" | "publishConsent" | "description">,
): string | null {
  if (row.visibility !== "published") return null;
  if (row.publicDescription !== null) return row.publicDescription;
  return row.publishConsent === 1 ? row.description : null;
}

/** The units a principal handles, or null for all units (admins and staff without a unit). */
export function handledUnits(principal: Principal): string[] | null {
  if (principal.roles.some((r) => r.role === "admin" || (r.role === "staff" && r.scope === ""))) return null;
  return principal.roles.filter((r) => r.role === "staff").map((r) => r.scope);
}

/** Whether a principal handles requests of a unit. */
export function mayHandle(principal: Principal, unit: string): boolean {
  const units = handledUnits(principal);
  return units === null || units.includes(unit);
}

/** Whether a principal is city staff (may record requests from other channels). */
export function isStaff(principal: Principal | null): boolean {
  return principal?.roles.some((r) => r.role === "staff" || r.role === "admin") ?? false;
}

/** SHA-256 of an API key, hex: keys are stored and looked up only by this. */
export function hashApiKey(key: string): string {
  // crypto.hash: the one-shot form costs a quarter of createHash…digest on every Open311 POST.
  return hash("sha256", key, "hex");
}

/** A stored service in the shape the module uses. */
export function toServiceInfo({ service, attributes }: StoredService): ServiceInfo {
  return {
    id: service.id,
    code: service.code,
    name: readJson<LocalizedText>(service.name),
    description: service.description === null ? null : readJson<LocalizedText>(service.description),
    group: service.groupName === null ? null : readJson<LocalizedText>(service.groupName),
    keywords: service.keywords
      .split(",")
      .map((k) => k.trim())
      .filter(Boolean),
    type: service.type as FeedbackService["type"],
    unit: service.unit,
    firstResponseHours: service.firstResponseHours,
    resolutionHours: service.resolutionHours,
    attributes: attributes.map(
      (a): ServiceAttribute => ({
        code: a.code,
        order: a.position,
        datatype: a.datatype as ServiceAttribute["datatype"],
        required: a.isRequired === 1,
        variable: a.isVariable === 1,
        description: readJson<LocalizedText>(a.description),
        values: readJson<ServiceAttribute["values"]>(a.values),
      }),
    ),
    isExampleData: service.isExample === 1,
  };
}

function toPhotoRef(p: { id: string; contentType: string; altText: string | null }): PhotoRef {
  return { id: p.id, url: `${PHOTO_PATH}/${p.id}`, contentType: p.contentType, altText: p.altText };
}

function toRule(a: ServiceAttribute): AttributeRule {
  return {
    code: a.code,
    datatype: a.datatype,
    required: a.required,
    variable: a.variable,
    keys: a.values.map((v) => v.key),
  };
}

function toPublicEvent(e: EventRow) {
  return {
    at: e.at,
    kind: e.kind,
    status: e.status as RequestStatus | null,
    note: e.kind === "status" || e.kind === "answer" || e.kind === "duplicate" ? e.note : null,
  };
}

function toQueueItem(
  row: RequestRow,
  services: Map<string, ServiceInfo>,
  now: string,
  names: Map<string, string>,
): QueueItem {
  const service = services.get(row.serviceId);
  const open = !isFinished(row.status as RequestStatus);
  return {
    id: row.id,
    reference: row.reference,
    serviceCode: service?.code ?? "",
    serviceName: service?.name ?? { fi: "" },
    unit: row.unit,
    channel: row.channel as Channel,
    status: row.status as RequestStatus,
    visibility: row.visibility as Visibility,
    description: row.description,
    assigneeId: row.assigneeId,
    assigneeName: row.assigneeId ? (names.get(row.assigneeId) ?? null) : null,
    address: row.address,
    requestedAt: row.requestedAt,
    updatedAt: row.updatedAt,
    expectedFirstResponseAt: row.expectedFirstResponseAt,
    expectedResolutionAt: row.expectedResolutionAt,
    firstResponseAt: row.firstResponseAt,
    isOverdue:
      open &&
      ((row.firstResponseAt === null && row.expectedFirstResponseAt < now) || row.expectedResolutionAt < now),
    escalationLevel: row.escalationLevel,
  };
}

function field(path: string, text: LocalizedDetail, locale = "en"): ProblemField {
  return { path, message: (isLocale(locale) ? text[locale] : undefined) ?? text.en ?? text.fi };
}

function blankToNull(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

function servicesByCodes(services: ServiceInfo[], codes: string): string[] {
  const wanted = new Set(
    codes
      .split(",")
      .map((c) => c.trim())
      .filter(Boolean),
  );
  return services.filter((s) => wanted.has(s.code)).map((s) => s.id);
}

function parseStatuses(value: string): RequestStatus[] {
  const list = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const known = ["received", "allocated", "handling", "done", "closed"];
  if (list.some((s) => !known.includes(s)))
    throw new AppError("validation_failed", T.badStatus, [field("/status", T.badStatus)]);
  return list as RequestStatus[];
}

/** Parses "minLat,minLong,maxLat,maxLong"; 400 when it is not four numbers in range and order. */
export function parseBbox(value: string) {
  const parts = value.split(",").map((p) => Number(p.trim()));
  const [minLat, minLong, maxLat, maxLong] = parts as [number, number, number, number];
  const valid =
    parts.length === 4 &&
    parts.every(Number.isFinite) &&
    minLat >= -90 &&
    maxLat <= 90 &&
    minLong >= -180 &&
    maxLong <= 180 &&
    minLat <= maxLat &&
    minLong <= maxLong;
  if (!valid) throw new AppError("validation_failed", T.badBbox, [field("/bbox", T.badBbox)]);
  return { minLat, minLong, maxLat, maxLong };
}

/** A box of about `metres` around a point (enough for prefiltering; the exact distance is checked after). */
export function boxAround(lat: number, long: number, metres: number) {
  const dLat = metres / 111_320;
  const dLong = metres / (111_320 * Math.max(Math.cos((lat * Math.PI) / 180), 0.01));
  return { minLat: lat - dLat, maxLat: lat + dLat, minLong: long - dLong, maxLong: long + dLong };
}

/** Great-circle distance in metres (haversine, mean Earth radius 6 371 km). */
export function distanceMetres(lat1: number, long1: number, lat2: number, long2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((long2 - long1) * rad) / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(a)));
}

export type { FeedbackDb };
