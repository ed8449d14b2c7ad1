import Type, { type Static } from "typebox";

/** The longest search text the address search accepts. */
export const MAX_ADDRESS_QUERY = 100;
/** The most suggestions one search returns. */
export const MAX_ADDRESS_RESULTS = 20;
/** How far (metres) the nearest-address lookup looks by default, and at most. */
export const NEAREST_DEFAULT_METRES = 100;
export const NEAREST_MAX_METRES = 500;

/** One address of the register: street names in Finnish and, where the city has one, Swedish. */
export const AddressHit = Type.Object({
  id: Type.String(),
  streetFi: Type.String(),
  streetSv: Type.Union([Type.String(), Type.Null()]),
  number: Type.String({ description: "house number as written, e.g. 5, 5 a, 12–14" }),
  postalCode: Type.String(),
  postOfficeFi: Type.Union([Type.String(), Type.Null()]),
  postOfficeSv: Type.Union([Type.String(), Type.Null()]),
  municipality: Type.String({ description: "the municipality as the source names it (code or name)" }),
  lat: Type.Number({ description: "WGS84 latitude" }),
  long: Type.Number({ description: "WGS84 longitude" }),
  /** Which name the search matched, so a Swedish search shows the Swedish name. */
  matched: Type.Unsafe<"fi" | "sv">(Type.String({ enum: ["fi", "sv"] })),
  /** Example data loaded by `--demo`, not a real address record. */
  isExample: Type.Boolean(),
});
export type AddressHit = Static<typeof AddressHit>;

/** Where the register's addresses come from, to be credited wherever they are shown (CC BY 4.0). */
export const AddressAttribution = Type.Object({
  text: Type.String(),
  licence: Type.String(),
  isExample: Type.Boolean(),
});
export type AddressAttribution = Static<typeof AddressAttribution>;

/** GET /api/v1/addresses?q= */
export const AddressSearchQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: MAX_ADDRESS_QUERY }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ADDRESS_RESULTS })),
});
export type AddressSearchQuery = Static<typeof AddressSearchQuery>;

/** Suggestions for a search, with the credit of the data they come from (null when the register is empty). */
export const AddressSearchResult = Type.Object({
  items: Type.Array(AddressHit),
  attribution: Type.Union([AddressAttribution, Type.Null()]),
});
export type AddressSearchResult = Static<typeof AddressSearchResult>;

/** GET /api/v1/addresses/nearest?lat=&long= */
export const NearestAddressQuery = Type.Object({
  lat: Type.Number({ minimum: -90, maximum: 90 }),
  long: Type.Number({ minimum: -180, maximum: 180 }),
  within: Type.Optional(Type.Integer({ minimum: 1, maximum: NEAREST_MAX_METRES })),
});
export type NearestAddressQuery = Static<typeof NearestAddressQuery>;

/** The nearest address to a point, or null when none lies within the distance asked. */
export const NearestAddressResult = Type.Object({
  address: Type.Union([AddressHit, Type.Null()]),
  distanceMetres: Type.Union([Type.Integer(), Type.Null()]),
  attribution: Type.Union([AddressAttribution, Type.Null()]),
});
export type NearestAddressResult = Static<typeof NearestAddressResult>;
