import Type, { type Static } from "typebox";
import type { Locale } from "./localized-text.ts";

/**
 * The closed set of error codes (DESIGN rule 5). Each maps to one HTTP status and a localized title;
 * the `type` URI of a problem document is derived from the code.
 */
export const ERROR_CODES = {
  bad_request: 400,
  validation_failed: 400,
  malformed_body: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  not_acceptable: 406,
  conflict: 409,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

/** Whether a string is one of the closed set of error codes. */
export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERROR_CODES, value);
}

/** Short, human titles for each code in every interface language. */
export const ERROR_TITLES: Record<ErrorCode, Record<Locale, string>> = {
  bad_request: { fi: "Virheellinen pyyntö", sv: "Felaktig begäran", en: "Bad request" },
  validation_failed: {
    fi: "Pyynnön tiedot eivät kelpaa",
    sv: "Uppgifterna i begäran är ogiltiga",
    en: "The request data is not valid",
  },
  malformed_body: {
    fi: "Pyynnön sisältöä ei voitu lukea",
    sv: "Begärans innehåll kunde inte läsas",
    en: "The request body could not be read",
  },
  unauthenticated: { fi: "Kirjautuminen tarvitaan", sv: "Inloggning krävs", en: "Sign-in required" },
  invalid_credentials: {
    fi: "Kirjautuminen ei onnistunut",
    sv: "Inloggningen misslyckades",
    en: "Sign-in failed",
  },
  forbidden: { fi: "Ei käyttöoikeutta", sv: "Ingen behörighet", en: "Not allowed" },
  not_found: { fi: "Ei löytynyt", sv: "Hittades inte", en: "Not found" },
  method_not_allowed: {
    fi: "Menetelmä ei ole sallittu",
    sv: "Metoden är inte tillåten",
    en: "Method not allowed",
  },
  not_acceptable: {
    fi: "Pyydettyä muotoa ei ole saatavilla",
    sv: "Det begärda formatet finns inte",
    en: "The requested format is not available",
  },
  conflict: { fi: "Ristiriita", sv: "Konflikt", en: "Conflict" },
  payload_too_large: {
    fi: "Pyyntö on liian suuri",
    sv: "Begäran är för stor",
    en: "The request is too large",
  },
  uri_too_long: { fi: "Osoite on liian pitkä", sv: "Adressen är för lång", en: "The address is too long" },
  unsupported_media_type: {
    fi: "Sisältötyyppiä ei tueta",
    sv: "Innehållstypen stöds inte",
    en: "Unsupported content type",
  },
  rate_limited: {
    fi: "Liian monta pyyntöä",
    sv: "För många förfrågningar",
    en: "Too many requests",
  },
  internal: {
    fi: "Palvelussa tapahtui virhe",
    sv: "Ett fel inträffade i tjänsten",
    en: "Something went wrong in the service",
  },
  unavailable: {
    fi: "Palvelu ei ole juuri nyt käytettävissä",
    sv: "Tjänsten är inte tillgänglig just nu",
    en: "The service is not available right now",
  },
};

/** One field-level problem inside a validation error. */
export const ProblemField = Type.Object({
  path: Type.String({ description: "JSON Pointer to the offending field" }),
  message: Type.String({ description: "What is wrong, in the language of Accept-Language" }),
  keyword: Type.Optional(
    Type.String({ description: "The JSON Schema keyword that failed, e.g. required or maxLength" }),
  ),
});
export type ProblemField = Static<typeof ProblemField>;

/** RFC 9457 problem details, as every error response of the API is shaped. */
export const ProblemDetails = Type.Object(
  {
    type: Type.String({ description: "URI naming the error code" }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    code: Type.String(),
    requestId: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(ProblemField)),
  },
  { additionalProperties: true },
);
export type ProblemDetails = Static<typeof ProblemDetails>;

/** The `type` URI of a problem document for an error code. */
export function problemType(code: ErrorCode): string {
  return `/api/problems/${code.replaceAll("_", "-")}`;
}
