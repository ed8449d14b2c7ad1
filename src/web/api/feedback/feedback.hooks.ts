import type {
  DuplicateSuggestion,
  FeedbackArea,
  FeedbackService,
  HandlerRequestDetail,
  OwnRequest,
  PublicRequestDetail,
  PublicRequestPage,
  QueuePage,
} from "../../../contracts/feedback.ts";
import { useLocale } from "../../i18n/i18n.ts";
import { type ApiResource, useApiResource } from "../use-api-resource.ts";
import {
  fetchAreas,
  fetchDuplicateSuggestions,
  fetchHandlerRequest,
  fetchMyRequests,
  fetchPublicRequest,
  fetchPublicRequests,
  fetchQueue,
  fetchServices,
  filterQuery,
  type PublicFilter,
  type QueueFilter,
} from "./feedback.api.ts";

/** The services residents can report in. */
export function useFeedbackServices(): ApiResource<FeedbackService[]> {
  return useApiResource("feedback-services", useLocale(), fetchServices);
}

/** The areas of the public list's filter. */
export function useFeedbackAreas(): ApiResource<FeedbackArea[]> {
  return useApiResource("feedback-areas", useLocale(), fetchAreas);
}

/** The public status of one request. */
export function usePublicRequest(reference: string): ApiResource<PublicRequestDetail> {
  return useApiResource(`feedback-request:${reference}`, useLocale(), (options) =>
    fetchPublicRequest(reference, options),
  );
}

/** A page of published requests. */
export function usePublicRequests(filter: PublicFilter, pageSize: number): ApiResource<PublicRequestPage> {
  return useApiResource(`feedback-requests:${filterQuery(filter)}:${pageSize}`, useLocale(), (options) =>
    fetchPublicRequests(filter, pageSize, options),
  );
}

/** A page of the handler queue. */
export function useQueue(filter: QueueFilter, pageSize: number): ApiResource<QueuePage> {
  return useApiResource(`feedback-queue:${filterQuery(filter)}:${pageSize}`, useLocale(), (options) =>
    fetchQueue(filter, pageSize, options),
  );
}

/** One request as its handler sees it. */
export function useHandlerRequest(id: string): ApiResource<HandlerRequestDetail> {
  return useApiResource(`feedback-handling:${id}`, useLocale(), (options) =>
    fetchHandlerRequest(id, options),
  );
}

/** Likely duplicates of a request; `version` reloads them after a change. */
export function useDuplicateSuggestions(id: string, version: string): ApiResource<DuplicateSuggestion[]> {
  return useApiResource(`feedback-duplicates:${id}:${version}`, useLocale(), (options) =>
    fetchDuplicateSuggestions(id, options),
  );
}

/** The signed-in person's own requests; nothing is loaded for someone signed out. */
export function useMyRequests(signedIn: boolean): ApiResource<OwnRequest[]> {
  return useApiResource(`feedback-my-requests:${String(signedIn)}`, useLocale(), (options) =>
    signedIn ? fetchMyRequests(options) : Promise.resolve([]),
  );
}
