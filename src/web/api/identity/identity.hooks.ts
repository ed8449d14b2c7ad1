import type { AuditEntry, Organisation, PersonSummary } from "../../../contracts/identity.ts";
import { useLocale } from "../../i18n/i18n.ts";
import { type ApiResource, useApiResource } from "../use-api-resource.ts";
import {
  type AuditFilters,
  auditQuery,
  fetchAudit,
  fetchOrganisations,
  fetchPeople,
  fetchPrivacyNotices,
  type PrivacyNotice,
} from "./identity.api.ts";

/** The privacy notices of every register. */
export function usePrivacyNotices(): ApiResource<PrivacyNotice[]> {
  return useApiResource("privacy", useLocale(), fetchPrivacyNotices);
}

/** People matching a search (admin). */
export function usePeople(search: string): ApiResource<PersonSummary[]> {
  return useApiResource(`people:${search}`, useLocale(), (options) => fetchPeople(search, options));
}

/** Organisations, to name the scope of organisation representatives (staff and admin). */
export function useOrganisations(): ApiResource<Organisation[]> {
  return useApiResource("organisations", useLocale(), fetchOrganisations);
}

/** The audit log with filters (admin). */
export function useAuditLog(filters: AuditFilters): ApiResource<AuditEntry[]> {
  return useApiResource(`audit${auditQuery(filters)}`, useLocale(), (options) =>
    fetchAudit(filters, options),
  );
}
