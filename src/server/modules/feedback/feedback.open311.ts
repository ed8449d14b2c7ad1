import formbody from "@fastify/formbody";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import Type from "typebox";
import {
  type AttributeDatatype,
  MAX_DESCRIPTION,
  MAX_PHOTO_BYTES,
  MAX_PHOTOS,
  type RequestStatus,
} from "../../../contracts/feedback.ts";
import { type LocalizedText, pickText } from "../../../contracts/localized-text.ts";
import type { ImageType } from "../../lib/images/image-metadata.ts";
import { AppError } from "../../platform/errors.ts";
import type { RoutePolicy } from "../../platform/policy.ts";
import { ReadCache } from "../../platform/read-cache.ts";
import { boundaryOf, MalformedFormError, parseMultipart } from "./domain/multipart.ts";
import {
  formatErrors,
  listOf,
  type Open311Element,
  type Open311Error,
  type Open311Value,
  toJson,
  toXml,
  w3cDate,
} from "./domain/open311-format.ts";
import { localeOf, param, parseRequestQuery } from "./domain/open311-query.ts";
import { isFinished, open311Status } from "./domain/request-status.ts";
import type { ReportLimits } from "./feedback.limits.ts";
import {
  type FeedbackDesk,
  type Open311Batch,
  PHOTO_PATH,
  PUBLIC_LIST_CACHE,
  publicText,
  type ServiceInfo,
} from "./feedback.service.ts";

// Open311 GeoReport v2 at /open311/v2/ (open311.md): discovery, services, service definitions, requests
// (GET with every filter, POST with api_key), one request, tokens; XML and JSON; errors as GeoReport error
// lists with 400/403/404; the 6Aika extensions (extensions=true, locale, title, media[], request_history,
// service_object_*, updated_*, lat+long+radius, search, page/page_size). Only published text is shown;
// unpublished requests are listed only when asked for by id, and then without their text.

/** The one jurisdiction this endpoint serves. */
export const JURISDICTION_ID = "heinola.fi";
/** Where the endpoint answers. */
export const PREFIX = "/open311/v2";
/** The GeoReport v2 specification this endpoint follows. */
export const SPEC_URL = "http://wiki.open311.org/GeoReport_v2";
const CHANGESET = "2026-11-29T00:00:00Z";
const AGENCY = "Heinolan kaupunki";
const MEDIA_BODY_LIMIT = MAX_PHOTOS * MAX_PHOTO_BYTES + 256 * 1024;
// About 8 MB of kept Open311 list text (a full page of 1000 requests is about 0.5 MB).
const LIST_CACHE_BYTES = 8_000_000;
const MIME = { json: "application/json; charset=utf-8", xml: "text/xml; charset=utf-8" } as const;
type Format = keyof typeof MIME;

const readPolicy: RoutePolicy = { access: "public", reason: "Open311 reads are public, published data only" };
// Open311 clients authenticate with an api_key field, not a cookie, so the CSRF check does not apply.
const writePolicy: RoutePolicy = {
  access: "public",
  reason: "Open311 POST is authorised by its api_key, checked in the handler",
  csrf: false,
};
const AnyQuery = Type.Record(Type.String(), Type.Unknown());
const File = Type.Object({ file: Type.String({ maxLength: 300 }) });
const Raw = { 200: Type.Unknown({ description: "GeoReport v2 XML or JSON" }) };

/** A GeoReport failure: its HTTP status and the errors of the list. */
class Open311Failure extends Error {
  readonly status: number;
  readonly errors: Open311Error[];
  /** Seconds to wait before trying again (sent as Retry-After), for 429. */
  readonly retryAfterSeconds: number | null;
  constructor(status: number, descriptions: string[], retryAfterSeconds: number | null = null) {
    super(descriptions[0]);
    this.status = status;
    this.errors = descriptions.map((description) => ({ code: status, description }));
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** Registers the Open311 endpoint with its own body parsers, error format and not-found answer. */
export async function open311Routes(
  app: FastifyInstance,
  desk: FeedbackDesk,
  publicUrl: string,
  limits: ReportLimits,
  changeVersion: () => string | null = () => null,
): Promise<void> {
  const base = publicUrl.replace(/\/$/, "");
  // Rendered public lists, keyed by format and the query as sent (its default date range moves with the
  // clock), kept only until the next write to the database.
  // Kept as bytes: a string would be encoded again for every response.
  const lists = new ReadCache<Buffer>({
    changeVersion,
    ttlMs: PUBLIC_LIST_CACHE.ttlMs,
    maxWeight: LIST_CACHE_BYTES,
    weigh: (bytes) => bytes.length,
  });
  await app.register(
    async (scope) => {
      await scope.register(formbody, { bodyLimit: 64 * 1024 });
      scope.addContentTypeParser(
        "multipart/form-data",
        { parseAs: "buffer", bodyLimit: MEDIA_BODY_LIMIT },
        (request, body, done) => {
          const boundary = boundaryOf(request.headers["content-type"]);
          if (!boundary)
            return done(new Open311Failure(400, ["the multipart boundary is missing"]), undefined);
          try {
            const form = parseMultipart(body as Buffer, boundary);
            done(null, { ...form.fields, [FILES]: form.files });
          } catch (error) {
            done(
              error instanceof MalformedFormError
                ? new Open311Failure(400, ["the multipart body is malformed"])
                : (error as Error),
              undefined,
            );
          }
        },
      );
      scope.setErrorHandler((error: FastifyError, request, reply) => sendFailure(request, reply, error));
      scope.setNotFoundHandler((request, reply) =>
        sendErrors(reply, formatOf(request.url), 404, [{ code: 404, description: "no such resource" }]),
      );
      const api = scope.withTypeProvider<TypeBoxTypeProvider>();

      api.get(
        "/:file",
        {
          config: { policy: readPolicy },
          schema: {
            tags: ["open311"],
            summary: "discovery.{fmt}, services.{fmt} or requests.{fmt}",
            params: File,
            querystring: AnyQuery,
            response: Raw,
          },
        },
        async (request, reply) => {
          const { name, format } = splitFile(request.params.file);
          const query = request.query as Record<string, unknown>;
          checkJurisdiction(query);
          const locale = localeOf(param(query, "locale"));
          if (name === "discovery") return send(reply, format, "discovery", discovery(base));
          if (name === "services") {
            const services = await desk.services();
            return send(
              reply,
              format,
              "services",
              listOf(
                "service",
                services.map((s) => serviceElement(s, locale)),
              ),
            );
          }
          if (name === "requests") {
            const parsed = parseRequestQuery(query, desk.now());
            if (!parsed.ok) throw new Open311Failure(400, parsed.errors);
            const parsedQuery = parsed.query;
            // Lists by id may name unpublished requests; only the public lists are kept.
            const render = async () => {
              const batch = await desk.open311Requests(parsedQuery);
              const tree = requestList(batch, { locale, extensions: isTrue(query.extensions), base });
              return Buffer.from(format === "json" ? toJson(tree) : toXml("service_requests", tree), "utf8");
            };
            const body = parsedQuery.references
              ? await render()
              : await lists.get(`${format}:${JSON.stringify(query)}`, render);
            return reply.type(MIME[format]).send(body);
          }
          throw new Open311Failure(404, [`${name} is not a resource of this endpoint`]);
        },
      );

      api.get(
        "/services/:file",
        {
          config: { policy: readPolicy },
          schema: {
            tags: ["open311"],
            summary: "services/{service_code}.{fmt}: a service definition with its attributes",
            params: File,
            querystring: AnyQuery,
            response: Raw,
          },
        },
        async (request, reply) => {
          const { name, format } = splitFile(request.params.file);
          const query = request.query as Record<string, unknown>;
          checkJurisdiction(query);
          const service = (await desk.services()).find((s) => s.code === name);
          if (!service) throw new Open311Failure(404, [`service_code ${name} not found`]);
          return send(
            reply,
            format,
            "service_definition",
            definitionElement(service, localeOf(param(query, "locale"))),
          );
        },
      );

      api.get(
        "/requests/:file",
        {
          config: { policy: readPolicy },
          schema: {
            tags: ["open311"],
            summary: "requests/{service_request_id}.{fmt}: one request (as a list of one)",
            params: File,
            querystring: AnyQuery,
            response: Raw,
          },
        },
        async (request, reply) => {
          const { name, format } = splitFile(request.params.file);
          const query = request.query as Record<string, unknown>;
          checkJurisdiction(query);
          const batch = await desk.open311Request(name);
          if (batch.rows.length === 0)
            throw new Open311Failure(404, [`service_request_id ${name} not found`]);
          const locale = localeOf(param(query, "locale"));
          return send(
            reply,
            format,
            "service_requests",
            requestList(batch, { locale, extensions: isTrue(query.extensions), base }),
          );
        },
      );

      api.get(
        "/tokens/:file",
        {
          config: { policy: readPolicy },
          schema: {
            tags: ["open311"],
            summary: "tokens/{token}.{fmt}: the service_request_id a POST token stands for",
            params: File,
            querystring: AnyQuery,
            response: Raw,
          },
        },
        async (request, reply) => {
          const { name, format } = splitFile(request.params.file);
          checkJurisdiction(request.query as Record<string, unknown>);
          const reference = /^[A-Za-z0-9_-]{10,64}$/.test(name) ? await desk.referenceOfToken(name) : null;
          if (!reference) throw new Open311Failure(404, [`token ${name} not found`]);
          return send(
            reply,
            format,
            "service_requests",
            listOf("request", [{ service_request_id: reference, token: name }]),
          );
        },
      );

      api.post(
        "/:file",
        {
          config: { policy: writePolicy },
          bodyLimit: MEDIA_BODY_LIMIT,
          schema: {
            tags: ["open311"],
            summary: "requests.{fmt}: create a service request (api_key required)",
            params: File,
            querystring: AnyQuery,
            body: Type.Record(Type.String(), Type.Unknown()),
            response: { ...Raw, 201: Raw[200] },
          },
        },
        async (request, reply) => {
          const { name, format } = splitFile(request.params.file);
          if (name !== "requests") throw new Open311Failure(404, [`${name} does not accept POST`]);
          const body = (request.body ?? {}) as Record<string, unknown>;
          const key = param(body, "api_key") ?? param(request.query as Record<string, unknown>, "api_key");
          const apiKeyId = key && key.length <= 200 ? await desk.apiKeyId(key) : null;
          if (!apiKeyId) throw new Open311Failure(403, ["api_key is missing or not valid"]);
          const verdict = limits.forOpen311(apiKeyId, request.ip, desk.now());
          if (!verdict.allowed) {
            const minutes = Math.max(1, Math.ceil(verdict.retryAfterSeconds / 60));
            throw new Open311Failure(
              429,
              [`too many requests from this api_key or address; try again in about ${minutes} min`],
              verdict.retryAfterSeconds,
            );
          }
          checkJurisdiction(body);
          const input = readPost(body);
          const created = await desk.createRequest({ ...input, apiKeyId });
          const locale = localeOf(input.locale);
          const notice = serviceNotice(created.expectedFirstResponseAt, locale);
          const item: Open311Element =
            created.token !== null
              ? { token: created.token, service_notice: notice }
              : { service_request_id: created.reference, service_notice: notice };
          reply.status(201);
          return send(reply, format, "service_requests", listOf("request", [item]));
        },
      );
    },
    { prefix: PREFIX },
  );
}

const FILES = Symbol("files");

function splitFile(file: string): { name: string; format: Format } {
  const dot = file.lastIndexOf(".");
  const ext = dot > 0 ? file.slice(dot + 1) : "";
  if (ext !== "json" && ext !== "xml") throw new Open311Failure(404, ["the format must be .xml or .json"]);
  return { name: decodeURIComponent(file.slice(0, dot)), format: ext };
}

function formatOf(url: string): Format {
  return (url.split("?")[0] ?? "").endsWith(".json") ? "json" : "xml";
}

function checkJurisdiction(values: Record<string, unknown>): void {
  const jurisdiction = param(values, "jurisdiction_id");
  if (jurisdiction !== undefined && jurisdiction !== JURISDICTION_ID)
    throw new Open311Failure(404, [`jurisdiction_id ${jurisdiction} not found`]);
}

function isTrue(value: unknown): boolean {
  return (Array.isArray(value) ? value[0] : value) === "true";
}

function send(reply: FastifyReply, format: Format, root: string, tree: Open311Value) {
  return reply.type(MIME[format]).send(format === "json" ? toJson(tree) : toXml(root, tree));
}

function sendErrors(reply: FastifyReply, format: Format, status: number, errors: readonly Open311Error[]) {
  return reply.status(status).type(MIME[format]).send(formatErrors(format, errors));
}

// Every failure becomes a GeoReport error list: 404 for what does not exist, 403 for the api_key, 429 for too
// many posts from one key or address (with Retry-After), 400 for everything else (S1). Unexpected errors are
// logged by kind and answered without details.
function sendFailure(request: FastifyRequest, reply: FastifyReply, error: FastifyError | Error) {
  const format = formatOf(request.url);
  if (error instanceof Open311Failure) {
    if (error.retryAfterSeconds !== null) reply.header("retry-after", String(error.retryAfterSeconds));
    return sendErrors(reply, format, error.status, error.errors);
  }
  if (error instanceof AppError) {
    const status = error.status === 404 ? 404 : error.status === 403 || error.status === 401 ? 403 : 400;
    const descriptions = error.fields?.length
      ? error.fields.map(
          (f) => `${f.path.replace(/^\//, "").replace("attributes/", "attribute ")}: ${f.message}`,
        )
      : [error.detail?.en ?? error.detail?.fi ?? error.code.replaceAll("_", " ")];
    return sendErrors(
      reply,
      format,
      status,
      descriptions.map((description) => ({ code: status, description })),
    );
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const description =
      fastifyError.validationContext === "body"
        ? "send the fields as application/x-www-form-urlencoded or multipart/form-data"
        : "the request parameters are not valid";
    return sendErrors(reply, format, 400, [{ code: 400, description }]);
  }
  const status = typeof fastifyError.statusCode === "number" ? fastifyError.statusCode : 500;
  if (status < 500) {
    const description =
      fastifyError.code === "FST_ERR_CTP_BODY_TOO_LARGE"
        ? "the request is too large"
        : fastifyError.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE"
          ? "send application/x-www-form-urlencoded or multipart/form-data"
          : "the request could not be read";
    return sendErrors(reply, format, 400, [{ code: 400, description }]);
  }
  request.log.error({ failure: error.name }, "open311 request failed");
  return sendErrors(reply, format, 500, [
    { code: 500, description: "internal error; please try again later" },
  ]);
}

function discovery(base: string): Open311Element {
  return {
    changeset: CHANGESET,
    contact: `${AGENCY}: ${base}/feedback`,
    key_service: `${base}/feedback (API keys from the city's feedback administrators)`,
    endpoints: listOf("endpoint", [
      {
        specification: SPEC_URL,
        url: `${base}${PREFIX}`,
        changeset: CHANGESET,
        type: "production",
        formats: listOf("format", [MIME.xml.split(";")[0], MIME.json.split(";")[0]]),
      },
    ]),
  };
}

function text(value: LocalizedText | null, locale: "fi" | "sv" | "en"): string {
  return value ? pickText(value, locale).text : "";
}

function serviceElement(s: ServiceInfo, locale: "fi" | "sv" | "en"): Open311Element {
  return {
    service_code: s.code,
    service_name: text(s.name, locale),
    description: text(s.description, locale),
    metadata: s.attributes.length > 0,
    type: s.type,
    keywords: s.keywords.join(","),
    group: text(s.group, locale),
  };
}

function definitionElement(s: ServiceInfo, locale: "fi" | "sv" | "en"): Open311Element {
  return {
    service_code: s.code,
    attributes: listOf(
      "attribute",
      s.attributes.map((a) => ({
        variable: a.variable,
        code: a.code,
        datatype: a.datatype,
        required: a.required,
        datatype_description: DATATYPE_DESCRIPTIONS[a.datatype][locale],
        order: a.order,
        description: text(a.description, locale),
        values: listOf(
          "value",
          a.values.map((v) => ({ key: v.key, name: text(v.name, locale) })),
        ),
      })),
    ),
  };
}

const DATATYPE_DESCRIPTIONS: Record<AttributeDatatype, Record<"fi" | "sv" | "en", string>> = {
  string: { fi: "Lyhyt teksti", sv: "Kort text", en: "Short text" },
  number: { fi: "Luku", sv: "Tal", en: "A number" },
  datetime: {
    fi: "Aika aikavyöhykkeen kanssa (W3C)",
    sv: "Tidpunkt med tidszon (W3C)",
    en: "Date and time with a time zone (W3C)",
  },
  text: { fi: "Teksti", sv: "Text", en: "Text" },
  singlevaluelist: { fi: "Valitse yksi", sv: "Välj ett", en: "Choose one key" },
  multivaluelist: {
    fi: "Valitse yksi tai useampi",
    sv: "Välj ett eller flera",
    en: "Choose one or more keys",
  },
};

function requestList(
  batch: Open311Batch,
  options: { locale: "fi" | "sv" | "en"; extensions: boolean; base: string },
) {
  return listOf(
    "request",
    batch.rows.map((row) => {
      const service = batch.services.get(row.serviceId);
      const published = row.visibility === "published";
      const events = batch.events.filter((e) => e.requestId === row.id);
      const photos = published ? batch.photos.filter((p) => p.requestId === row.id) : [];
      const photoUrls = photos.map((p) => `${options.base}${PHOTO_PATH}/${p.id}`);
      const mediaUrls = published && row.mediaUrl ? [...photoUrls, row.mediaUrl] : photoUrls;
      const status = row.status as RequestStatus;
      const lastNote = [...events].reverse().find((e) => e.kind === "status" && e.note)?.note;
      const element: Open311Element = {
        service_request_id: row.reference,
        status: open311Status(status),
        status_notes: lastNote ?? (row.closeReason ? `closed: ${row.closeReason}` : undefined),
        service_name: service ? text(service.name, options.locale) : "",
        service_code: service?.code ?? "",
        description: publicText(row) ?? undefined,
        agency_responsible: AGENCY,
        requested_datetime: w3cDate(row.requestedAt),
        updated_datetime: w3cDate(row.updatedAt),
        // The promise: first response until there is one, then resolution; none once finished.
        expected_datetime: isFinished(status)
          ? undefined
          : w3cDate(row.firstResponseAt === null ? row.expectedFirstResponseAt : row.expectedResolutionAt),
        address: published ? (row.address ?? undefined) : undefined,
        address_id: published ? (row.addressId ?? undefined) : undefined,
        lat: row.lat ?? undefined,
        long: row.long ?? undefined,
        media_url: mediaUrls[0],
      };
      if (options.extensions) {
        element.extended_attributes = {
          title: published ? (row.title ?? undefined) : undefined,
          detailed_status: status.toUpperCase(),
          media_urls: listOf("media_url", mediaUrls),
          service_object_id: row.serviceObjectId ?? undefined,
          service_object_type: row.serviceObjectType ?? undefined,
          request_history: listOf(
            "event",
            events.map((e) => ({
              time: w3cDate(e.at),
              status: (e.status as string | null) ?? status,
              kind: e.kind,
              note:
                e.kind === "status" || e.kind === "answer" || e.kind === "duplicate"
                  ? (e.note ?? undefined)
                  : undefined,
            })),
          ),
        };
      }
      return element;
    }),
  );
}

// Building an Intl.DateTimeFormat costs more than the rest of a create; one per language is kept.
const NOTICE_FORMATS = {
  fi: noticeFormat("fi-FI"),
  sv: noticeFormat("sv-FI"),
  en: noticeFormat("en-GB"),
};

function noticeFormat(locale: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(locale, {
    timeZone: "Europe/Helsinki",
    dateStyle: "medium",
    timeStyle: "short",
  });
}

// The notice names a minute, and the creates of one minute share their promises' minute: formatting a date
// still cost a tenth of an Open311 create, so the last notice per language is kept with its minute.
const lastNotice = new Map<string, { minute: number; text: string }>();

function serviceNotice(expected: string, locale: "fi" | "sv" | "en"): string {
  const minute = Math.floor(Date.parse(expected) / 60_000);
  const kept = lastNotice.get(locale);
  if (kept?.minute === minute) return kept.text;
  const text = formatNotice(new Date(minute * 60_000), locale);
  lastNotice.set(locale, { minute, text });
  return text;
}

function formatNotice(expected: Date, locale: "fi" | "sv" | "en"): string {
  const when = NOTICE_FORMATS[locale].format(expected);
  return {
    fi: `Vastaamme viimeistään ${when} (Suomen aikaa).`,
    sv: `Vi svarar senast ${when} (finsk tid).`,
    en: `We will respond by ${when} (Finnish time).`,
  }[locale];
}

const ATTRIBUTE = /^attribute\[([^\]]{1,80})\](\[\])?$/;

// Reads the POST arguments (S1 and the 6Aika extensions); every problem is reported, not just the first.
function readPost(body: Record<string, unknown>) {
  const errors: string[] = [];
  const serviceCode = param(body, "service_code");
  if (!serviceCode) errors.push("service_code is required");
  const lat = param(body, "lat");
  const long = param(body, "long");
  let point: { lat: number; long: number } | null = null;
  if ((lat === undefined) !== (long === undefined)) errors.push("lat and long must be sent together");
  else if (lat !== undefined && long !== undefined) {
    const [a, b] = [Number(lat), Number(long)];
    if (
      !/^-?\d+(\.\d+)?$/.test(lat) ||
      !/^-?\d+(\.\d+)?$/.test(long) ||
      Math.abs(a) > 90 ||
      Math.abs(b) > 180
    )
      errors.push("lat and long must be WGS84 degrees (lat -90…90, long -180…180)");
    else point = { lat: a, long: b };
  }
  const address = param(body, "address_string");
  const addressId = param(body, "address_id");
  if (lat === undefined && long === undefined && address === undefined && addressId === undefined)
    errors.push("a location is required: lat and long, address_string or address_id");
  if (address && address.length > 300) errors.push("address_string may have at most 300 characters");
  if (addressId && addressId.length > 100) errors.push("address_id may have at most 100 characters");
  const description = param(body, "description");
  if (!description) errors.push("description is required");
  else if (description.length > MAX_DESCRIPTION)
    errors.push(`description may have at most ${MAX_DESCRIPTION} characters`);
  const email = param(body, "email");
  if (email && (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)))
    errors.push("email is not a valid e-mail address");
  const mediaUrl = param(body, "media_url");
  if (mediaUrl && (mediaUrl.length > 2000 || !/^https?:\/\/[^\s]+$/i.test(mediaUrl)))
    errors.push("media_url must be an http(s) URL");
  const objectId = param(body, "service_object_id");
  const objectType = param(body, "service_object_type");
  if ((objectId === undefined) !== (objectType === undefined))
    errors.push("service_object_id and service_object_type must be sent together");
  const title = param(body, "title");
  if (title && title.length > 200) errors.push("title may have at most 200 characters");
  for (const [name, max] of [
    ["first_name", 100],
    ["last_name", 100],
    ["phone", 40],
    ["device_id", 200],
    ["account_id", 200],
  ] as const) {
    const value = param(body, name);
    if (value && value.length > max) errors.push(`${name} may have at most ${max} characters`);
  }
  const attributes: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(body)) {
    const match = ATTRIBUTE.exec(key);
    if (!match?.[1]) continue;
    const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string");
    const code = match[1];
    const previous = attributes[code];
    const merged =
      previous === undefined ? values : [...(Array.isArray(previous) ? previous : [previous]), ...values];
    attributes[code] = match[2] || merged.length > 1 ? merged : (merged[0] ?? "");
  }
  const files = ((body as Record<symbol, unknown>)[FILES] ?? []) as {
    field: string;
    contentType: string;
    data: Uint8Array;
  }[];
  const media = files.filter((f) => f.field === "media[]" || f.field === "media");
  if (media.length > MAX_PHOTOS) errors.push(`at most ${MAX_PHOTOS} media files`);
  for (const file of media) {
    if (file.contentType !== "image/jpeg" && file.contentType !== "image/png")
      errors.push("media files must be image/jpeg or image/png");
  }
  if (errors.length > 0) throw new Open311Failure(400, errors);
  const name = [param(body, "first_name"), param(body, "last_name")].filter(Boolean).join(" ");
  return {
    serviceCode: serviceCode as string,
    description: description as string,
    title: title ?? null,
    lat: point?.lat ?? null,
    long: point?.long ?? null,
    address: address ?? null,
    addressId: addressId ?? null,
    attributes,
    email: email ?? null,
    name: name || null,
    phone: param(body, "phone") ?? null,
    // The Open311 terms of use: what a client posts is for publishing after moderation.
    publishConsent: true,
    channel: "open311" as const,
    deviceId: param(body, "device_id") ?? null,
    accountId: param(body, "account_id") ?? null,
    mediaUrl: mediaUrl ?? null,
    serviceObjectId: objectId ?? null,
    serviceObjectType: objectType ?? null,
    locale: localeOf(param(body, "locale")),
    photos: media.map((f) => ({ contentType: f.contentType as ImageType, bytes: f.data })),
  };
}
