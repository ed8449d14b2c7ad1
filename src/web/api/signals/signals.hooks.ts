import type { SignalChannel, SignalTopics } from "../../../contracts/signals.ts";
import { useLocale } from "../../i18n/i18n.ts";
import { type ApiResource, useApiResource } from "../use-api-resource.ts";
import { fetchSignalTopics } from "./signals.api.ts";

/** The emerging topics for the chosen window and channel. */
export function useSignalTopics(
  windowDays: number,
  channel: SignalChannel | null,
): ApiResource<SignalTopics> {
  return useApiResource(`signals:${windowDays}:${channel ?? "all"}`, useLocale(), (o) =>
    fetchSignalTopics({ windowDays, channel }, o),
  );
}
