import {
  type FeedbackArea,
  type FeedbackService,
  type QueueItem,
  REQUEST_STATUSES,
  type RequestStatus,
} from "../../../contracts/feedback.ts";
import type { Role } from "../../../contracts/identity.ts";
import { type Locale, type LocalizedText, pickText } from "../../../contracts/localized-text.ts";
import { WEB_ROUTES } from "../../../contracts/web-routes.ts";
import type { PublicFilter, QueueFilter } from "../../api/feedback/feedback.api.ts";
import { isWithin, type LatLong, parseBounds } from "../../components/map/projection.ts";
import { INTL_LOCALES } from "../../i18n/intl.ts";

/** The roles that handle requests; the server checks the same (and the unit) on every call. */
export const HANDLER_ROLES: Role[] = ["staff", "admin"];

/** The public status page of a request (lower case, as page paths are; the server reads any case). */
export function requestPath(reference: string): string {
  return WEB_ROUTES.feedbackRequest.replace(":reference", encodeURIComponent(reference.toLowerCase()));
}

/** The handling page of a request. */
export function handlingPath(id: string): string {
  return WEB_ROUTES.feedbackHandling.replace(":id", encodeURIComponent(id));
}

/** A status from a URL, or "" when it is missing or unknown. */
export function readStatus(value: string | null): RequestStatus | "" {
  return value && (REQUEST_STATUSES as readonly string[]).includes(value) ? (value as RequestStatus) : "";
}

function readPage(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page >= 1 && page <= 10000 ? page : 1;
}

/** The public list's filter in the page's URL. */
export function readPublicFilter(params: URLSearchParams): PublicFilter {
  return {
    service: params.get("service") ?? "",
    status: readStatus(params.get("status")),
    area: params.get("area") ?? "",
    page: readPage(params.get("page")),
  };
}

/** The queue's filter in the page's URL; overdue only when it says "true". */
export function readQueueFilter(params: URLSearchParams): QueueFilter {
  return {
    service: params.get("service") ?? "",
    status: readStatus(params.get("status")),
    assignee: params.get("assignee") ?? "",
    overdue: params.get("overdue") === "true",
    escalated: params.get("escalated") === "true",
    page: readPage(params.get("page")),
  };
}

/** Lower case without accents other than the Finnish letters å, ä and ö, for forgiving search. */
export function searchForm(text: string): string {
  return [...text.toLocaleLowerCase("fi").normalize("NFC")]
    .map((letter) =>
      "åäö".includes(letter) ? letter : letter.normalize("NFD").replace(/[\u0300-\u036f]/g, ""),
    )
    .join("")
    .replace(/\s+/g, " ")
    .trim();
}

/** Whether a service matches every word of a search, in its name, group, description or keywords. */
export function matchesSearch(service: FeedbackService, query: string, locale: Locale): boolean {
  const words = searchForm(query).split(" ").filter(Boolean);
  if (words.length === 0) return true;
  const texts: (LocalizedText | null)[] = [service.name, service.group, service.description];
  const haystack = searchForm(
    [
      ...texts.flatMap((text) => (text ? [pickText(text, locale).text, text.fi] : [])),
      ...service.keywords,
    ].join(" "),
  );
  return words.every((word) => haystack.includes(word));
}

/** A group of services as the picker shows it: the group's name (null: "other") and its services by name. */
export type ServiceGroup = { key: string; name: LocalizedText | null; services: FeedbackService[] };

/** The services grouped by their group's Finnish name, groups and services in alphabetical order. */
export function groupServices(services: FeedbackService[], locale: Locale): ServiceGroup[] {
  const groups = new Map<string, ServiceGroup>();
  for (const service of services) {
    const key = service.group?.fi ?? "";
    const group = groups.get(key) ?? { key, name: service.group, services: [] };
    group.services.push(service);
    groups.set(key, group);
  }
  const collator = new Intl.Collator(INTL_LOCALES[locale]);
  const nameOf = (text: LocalizedText | null) => (text ? pickText(text, locale).text : "");
  return [...groups.values()]
    .map((group) => ({
      ...group,
      services: [...group.services].sort((a, b) => collator.compare(nameOf(a.name), nameOf(b.name))),
    }))
    .sort((a, b) => {
      // Ungrouped services come last.
      if (!a.name || !b.name) return a.name ? -1 : b.name ? 1 : 0;
      return collator.compare(nameOf(a.name), nameOf(b.name));
    });
}

/** The queue in handling order: overdue first, then the earliest promise first (the server's order, kept). */
export function sortQueue(items: QueueItem[]): QueueItem[] {
  return [...items].sort((a, b) => {
    if (a.isOverdue !== b.isOverdue) return a.isOverdue ? -1 : 1;
    return a.expectedFirstResponseAt.localeCompare(b.expectedFirstResponseAt);
  });
}

/** A timestamp as a date and time in Helsinki, in the locale's conventions (DESIGN rule 9). */
export function formatDateTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(INTL_LOCALES[locale], {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Helsinki",
  }).format(date);
}

/** A machine-readable value for `<time dateTime>`. */
export function isoValue(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString();
}

/** Parses a coordinate typed by a person (a decimal comma is fine); undefined when it is not a number in range. */
export function parseCoordinate(value: string, limit: number): number | undefined {
  const trimmed = value.trim().replace(",", ".");
  if (!/^-?\d{1,3}(\.\d+)?$/.test(trimmed)) return undefined;
  const number = Number(trimmed);
  return Math.abs(number) <= limit ? number : undefined;
}

/** The area of the public list's filter a place lies in (the first whose box holds it), if any. */
export function areaAt(areas: readonly FeedbackArea[], point: LatLong): FeedbackArea | undefined {
  return areas.find((area) => {
    const bounds = parseBounds(area.bbox);
    return bounds !== undefined && isWithin(point, bounds);
  });
}

/** The place typed into the latitude and longitude fields, or null while either is empty or invalid. */
export function typedPlace(lat: string, long: string): LatLong | null {
  const latitude = parseCoordinate(lat, 90);
  const longitude = parseCoordinate(long, 180);
  return latitude !== undefined && longitude !== undefined ? { lat: latitude, long: longitude } : null;
}

/** The history kinds the interface names; "moderation:published" and the like count as "moderation". */
export const HISTORY_KINDS = [
  "created",
  "assigned",
  "status",
  "answer",
  "note",
  "moderation",
  "duplicate",
  "escalated",
] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number] | "other";

/** The interface's name for a history entry's kind ("other" for kinds it does not know). */
export function historyKind(kind: string): HistoryKind {
  const base = kind.split(":")[0] ?? "";
  return (HISTORY_KINDS as readonly string[]).includes(base) ? (base as HistoryKind) : "other";
}

// The steps the server allows (server/modules/feedback/domain/request-status.ts, which decides; the web may
// not import server code). Offering only these spares handlers a refusal; a stale page still gets the
// server's localized 409.
const NEXT_STATUSES: Record<RequestStatus, readonly RequestStatus[]> = {
  received: ["allocated", "handling", "done", "closed"],
  allocated: ["received", "handling", "done", "closed"],
  handling: ["allocated", "done", "closed"],
  done: ["handling"],
  closed: ["handling"],
};

/** The statuses a request may move to from its current one. */
export function nextStatuses(status: RequestStatus): readonly RequestStatus[] {
  return NEXT_STATUSES[status];
}
