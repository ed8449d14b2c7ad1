import type { SignalChannel, SignalTopics } from "../../../contracts/signals.ts";
import { getJson, type RequestOptions } from "../client.ts";

/** GET /api/v1/signals/topics: the emerging topics of a window, in one channel or all. */
export function fetchSignalTopics(
  query: { windowDays: number; channel: SignalChannel | null },
  options: RequestOptions,
): Promise<SignalTopics> {
  const params = new URLSearchParams({ window: String(query.windowDays) });
  if (query.channel) params.set("channel", query.channel);
  return getJson<SignalTopics>(`/api/v1/signals/topics?${params}`, options);
}
