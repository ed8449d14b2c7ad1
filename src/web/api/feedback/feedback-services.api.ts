import type {
  ManagedService,
  ServiceCreateBody,
  ServiceUpdateBody,
} from "../../../contracts/feedback-services.ts";
import { useLocale } from "../../i18n/i18n.ts";
import { getJson, type RequestOptions, sendJson } from "../client.ts";
import { type ApiResource, useApiResource } from "../use-api-resource.ts";

const BASE = "/api/v1/feedback/handling/services";

/** GET every service, in use or not (staff). */
export function fetchManagedServices(options: RequestOptions): Promise<ManagedService[]> {
  return getJson<ManagedService[]>(BASE, options);
}

/** GET one service with its change history (staff). */
export function fetchManagedService(code: string, options: RequestOptions): Promise<ManagedService> {
  return getJson<ManagedService>(`${BASE}/${encodeURIComponent(code)}`, options);
}

/** POST a new service. */
export function createService(body: ServiceCreateBody, options: RequestOptions): Promise<ManagedService> {
  return sendJson<ManagedService>("POST", BASE, body, options);
}

/** PUT the whole definition of a service (not its code). */
export function updateService(
  code: string,
  body: ServiceUpdateBody,
  options: RequestOptions,
): Promise<ManagedService> {
  return sendJson<ManagedService>("PUT", `${BASE}/${encodeURIComponent(code)}`, body, options);
}

/** POST whether a service is in use. */
export function setServiceActive(
  code: string,
  isActive: boolean,
  options: RequestOptions,
): Promise<ManagedService> {
  return sendJson<ManagedService>(
    "POST",
    `${BASE}/${encodeURIComponent(code)}/activation`,
    { isActive },
    options,
  );
}

/** Every service as staff manage them. */
export function useManagedServices(): ApiResource<ManagedService[]> {
  return useApiResource("feedback-managed-services", useLocale(), fetchManagedServices);
}

/** One service as staff manage it. */
export function useManagedService(code: string): ApiResource<ManagedService> {
  return useApiResource(`feedback-managed-service:${code}`, useLocale(), (options) =>
    fetchManagedService(code, options),
  );
}
