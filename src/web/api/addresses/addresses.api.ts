import type { AddressSearchResult, NearestAddressResult } from "../../../contracts/addresses.ts";
import { getJson, type RequestOptions } from "../client.ts";

/** GET address suggestions for what was typed ("kauppak 5"). */
export function searchAddresses(
  text: string,
  limit: number,
  options: RequestOptions,
): Promise<AddressSearchResult> {
  const query = new URLSearchParams({ q: text, limit: String(limit) });
  return getJson<AddressSearchResult>(`/api/v1/addresses?${query}`, options);
}

/** GET the address nearest to a map point (within the server's default distance), or null. */
export function fetchNearestAddress(
  point: { lat: number; long: number },
  options: RequestOptions,
): Promise<NearestAddressResult> {
  const query = new URLSearchParams({ lat: point.lat.toFixed(6), long: point.long.toFixed(6) });
  return getJson<NearestAddressResult>(`/api/v1/addresses/nearest?${query}`, options);
}
