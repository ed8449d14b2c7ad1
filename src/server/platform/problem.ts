import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import {
  ERROR_CODES,
  ERROR_TITLES,
  type ErrorCode,
  type ProblemDetails,
  type ProblemField,
  problemType,
} from "../../contracts/errors.ts";
import { type Locale, negotiateLocale } from "../../contracts/localized-text.ts";
import { AppError, localizeDetail } from "./errors.ts";

const PROBLEM_JSON = "application/problem+json; charset=utf-8";

/** Localized detail texts the platform itself needs. */
const DETAILS = {
  notFound: {
    fi: "Pyydettyä osoitetta ei ole.",
    sv: "Den begärda adressen finns inte.",
    en: "The requested address does not exist.",
  },
  malformedJson: {
    fi: "Pyynnön JSON-sisältö on virheellinen.",
    sv: "Begärans JSON-innehåll är felaktigt.",
    en: "The request body is not valid JSON.",
  },
  validation: {
    fi: "Tarkista kentät, jotka on lueteltu kohdassa errors.",
    sv: "Kontrollera fälten som listas under errors.",
    en: "Check the fields listed under errors.",
  },
  internal: {
    fi: "Yritä hetken kuluttua uudelleen. Jos virhe toistuu, kerro siitä ja mainitse pyynnön tunniste.",
    sv: "Försök igen om en stund. Om felet upprepas, meddela oss och ange begärans id.",
    en: "Please try again in a moment. If it happens again, tell us and quote the request id.",
  },
  tooLarge: {
    fi: "Pyynnön sisältö on suurempi kuin sallittu.",
    sv: "Begärans innehåll är större än tillåtet.",
    en: "The request body is larger than allowed.",
  },
  mediaType: {
    fi: "Lähetä sisältö muodossa application/json.",
    sv: "Skicka innehållet som application/json.",
    en: "Send the body as application/json.",
  },
} as const;

/** Builds a problem document for a code in the request's language. */
export function buildProblem(
  request: FastifyRequest,
  code: ErrorCode,
  detail?: string,
  errors?: ProblemField[],
): ProblemDetails {
  const locale: Locale = negotiateLocale(request.headers["accept-language"]);
  return {
    type: problemType(code),
    title: ERROR_TITLES[code][locale],
    status: ERROR_CODES[code],
    ...(detail ? { detail } : {}),
    instance: request.url.split("?")[0] ?? request.url,
    code,
    requestId: request.id,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

/** Sends a problem document with the right status and media type. */
export function sendProblem(reply: FastifyReply, problem: ProblemDetails): FastifyReply {
  return reply.status(problem.status).type(PROBLEM_JSON).send(problem);
}

type Params = Record<string, unknown>;

// Field messages by JSON Schema keyword, so that a form can show them as they are in every language.
const FIELD_MESSAGES: Record<string, Record<Locale, (p: Params) => string>> = {
  required: {
    fi: () => "Pakollinen tieto puuttuu.",
    sv: () => "Uppgiften är obligatorisk.",
    en: () => "This is required.",
  },
  minLength: {
    fi: (p) => `Vähintään ${p.limit} merkkiä.`,
    sv: (p) => `Minst ${p.limit} tecken.`,
    en: (p) => `At least ${p.limit} characters.`,
  },
  maxLength: {
    fi: (p) => `Enintään ${p.limit} merkkiä.`,
    sv: (p) => `Högst ${p.limit} tecken.`,
    en: (p) => `At most ${p.limit} characters.`,
  },
  minimum: {
    fi: (p) => `Vähintään ${p.limit}.`,
    sv: (p) => `Minst ${p.limit}.`,
    en: (p) => `At least ${p.limit}.`,
  },
  maximum: {
    fi: (p) => `Enintään ${p.limit}.`,
    sv: (p) => `Högst ${p.limit}.`,
    en: (p) => `At most ${p.limit}.`,
  },
  pattern: {
    fi: () => "Muoto ei kelpaa.",
    sv: () => "Formatet är ogiltigt.",
    en: () => "The format is not valid.",
  },
  format: {
    fi: () => "Muoto ei kelpaa.",
    sv: () => "Formatet är ogiltigt.",
    en: () => "The format is not valid.",
  },
  type: {
    fi: () => "Väärän tyyppinen arvo.",
    sv: () => "Värdet har fel typ.",
    en: () => "The value has the wrong type.",
  },
  enum: {
    fi: () => "Arvo ei ole sallituista vaihtoehdoista.",
    sv: () => "Värdet är inte ett av de tillåtna.",
    en: () => "The value is not one of those allowed.",
  },
  const: {
    fi: () => "Arvo ei ole sallittu.",
    sv: () => "Värdet är inte tillåtet.",
    en: () => "The value is not allowed.",
  },
  additionalProperties: {
    fi: () => "Tuntematon kenttä.",
    sv: () => "Okänt fält.",
    en: () => "Unknown field.",
  },
};

const FALLBACK_MESSAGE: Record<Locale, string> = {
  fi: "Arvo ei kelpaa.",
  sv: "Värdet är ogiltigt.",
  en: "The value is not valid.",
};

function fromFastifyValidation(error: FastifyError, locale: Locale): ProblemField[] {
  return (error.validation ?? []).map((v) => {
    const params = (v.params ?? {}) as Params;
    const missing = typeof params.missingProperty === "string" ? `/${params.missingProperty}` : "";
    const extra = typeof params.additionalProperty === "string" ? `/${params.additionalProperty}` : "";
    const context = error.validationContext ? `/${error.validationContext}` : "";
    const keyword = v.keyword;
    const message = FIELD_MESSAGES[keyword]?.[locale](params) ?? FALLBACK_MESSAGE[locale];
    return { path: `${context}${v.instancePath ?? ""}${missing}${extra}`, message, keyword };
  });
}

/**
 * The error handler and not-found handler of the API: every failure becomes RFC 9457 problem+json with a
 * localized title and detail; unexpected errors are logged (without request bodies) and answered with a
 * generic 500 that leaks nothing.
 */
export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const locale = negotiateLocale(request.headers["accept-language"]);
    if (error instanceof AppError) {
      const problem = buildProblem(request, error.code, localizeDetail(error.detail, locale), error.fields);
      if (error.code === "rate_limited") reply.header("retry-after", "60");
      return sendProblem(reply, problem);
    }
    if (error.validation) {
      const detail = localizeDetail(DETAILS.validation, locale);
      return sendProblem(
        reply,
        buildProblem(request, "validation_failed", detail, fromFastifyValidation(error, locale)),
      );
    }
    switch (error.code) {
      case "FST_ERR_CTP_INVALID_JSON_BODY":
      case "FST_ERR_CTP_EMPTY_JSON_BODY":
        return sendProblem(
          reply,
          buildProblem(request, "malformed_body", localizeDetail(DETAILS.malformedJson, locale)),
        );
      case "FST_ERR_CTP_BODY_TOO_LARGE":
        return sendProblem(
          reply,
          buildProblem(request, "payload_too_large", localizeDetail(DETAILS.tooLarge, locale)),
        );
      case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
        return sendProblem(
          reply,
          buildProblem(request, "unsupported_media_type", localizeDetail(DETAILS.mediaType, locale)),
        );
    }
    const status = typeof error.statusCode === "number" ? error.statusCode : 500;
    if (status >= 400 && status < 500) {
      // Another client error raised by Fastify or a plugin: keep its status, never its internal message.
      const code = (Object.entries(ERROR_CODES).find(([, s]) => s === status)?.[0] ??
        "bad_request") as ErrorCode;
      return sendProblem(reply, buildProblem(request, code));
    }
    request.log.error({ failure: describeFailure(error) }, "unhandled error");
    return sendProblem(reply, buildProblem(request, "internal", localizeDetail(DETAILS.internal, locale)));
  });
}

/** The API's answer for a route that does not exist. */
export function sendNotFoundProblem(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const locale = negotiateLocale(request.headers["accept-language"]);
  return sendProblem(reply, buildProblem(request, "not_found", localizeDetail(DETAILS.notFound, locale)));
}

const DRIVER_ERRORS = new Set(["SqliteError", "DatabaseError"]);

/**
 * What the log may say of an unexpected failure: its kind, code and where in our code it arose — no stack
 * trace, and no message from a database driver (its text can quote the values, i.e. personal data).
 */
export function describeFailure(error: unknown): {
  kind: string;
  code?: string;
  message?: string;
  at?: string;
} {
  if (!(error instanceof Error)) return { kind: typeof error };
  const code = (error as { code?: unknown }).code;
  const at = error.stack
    ?.split("\n")
    .slice(1)
    .map((line) => line.trim())
    .find((line) => line.includes("/src/"))
    ?.replace(/^at\s+/, "")
    .replace(/^.*\/src\//, "src/")
    .replace(/\)$/, "");
  return {
    kind: error.name,
    ...(typeof code === "string" ? { code } : {}),
    ...(DRIVER_ERRORS.has(error.name) ? {} : { message: redactPersonalData(error.message.slice(0, 200)) }),
    ...(at ? { at } : {}),
  };
}

// Finnish identity numbers (with any century sign) and e-mail addresses, wherever they appear in free text.
const HETU_LIKE = /\b\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]\b/gi;
const EMAIL_LIKE = /[^\s@()<>"']+@[^\s@()<>"']+\.[a-z]{2,}/gi;

/** Masks what looks like a henkilötunnus or an e-mail address in a message bound for the log. */
export function redactPersonalData(text: string): string {
  return text.replace(HETU_LIKE, "[henkilötunnus]").replace(EMAIL_LIKE, "[e-mail]");
}
