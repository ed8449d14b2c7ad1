import type { Config } from "../../config.ts";
import type { Principal } from "../../platform/principal.ts";
import { MemoryRateLimiter, type RateVerdict, type WindowRule } from "../../platform/rate-limit.ts";
import { isStaff } from "./feedback.service.ts";

const HOUR_SECONDS = 3600;

/**
 * How many new service requests a caller may send in an hour: anonymous web reports and Open311 posts per
 * client address, signed-in residents per person, Open311 keys per key (and per address). City staff are
 * not limited: they record what came by phone, e-mail or at the desk. Counted in memory: a limit checked on
 * every report must not cost a database write of its own.
 */
export class ReportLimits {
  readonly #limiter = new MemoryRateLimiter();
  readonly #address: WindowRule;
  readonly #person: WindowRule;
  readonly #key: WindowRule;

  constructor(limits: Config["feedback"]) {
    this.#address = {
      name: "feedback:address",
      limit: limits.reportsPerAddressHour,
      windowSeconds: HOUR_SECONDS,
    };
    this.#person = {
      name: "feedback:person",
      limit: limits.reportsPerPersonHour,
      windowSeconds: HOUR_SECONDS,
    };
    this.#key = {
      name: "feedback:open311-key",
      limit: limits.open311ReportsPerKeyHour,
      windowSeconds: HOUR_SECONDS,
    };
  }

  /** A report from the web API: by person when signed in, by address when not; staff pass freely. */
  forWeb(principal: Principal | null, address: string, now: Date): RateVerdict {
    if (isStaff(principal)) return { allowed: true };
    if (principal) return this.#limiter.take([[this.#person, principal.personId]], now);
    return this.#limiter.take([[this.#address, address]], now);
  }

  /** A report through Open311: counted for its API key and for the client's address, both under their limits. */
  forOpen311(apiKeyId: string, address: string, now: Date): RateVerdict {
    return this.#limiter.take(
      [
        [this.#key, apiKeyId],
        [this.#address, address],
      ],
      now,
    );
  }
}

/** The localized text of a refused web report, with the wait in whole minutes. */
export function tooManyReports(retryAfterSeconds: number, signedIn: boolean) {
  const n = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  const wait = {
    fi: `Yritä uudelleen noin ${n} minuutin kuluttua.`,
    sv: `Försök igen om cirka ${n} ${n === 1 ? "minut" : "minuter"}.`,
    en: `Please try again in about ${n} ${n === 1 ? "minute" : "minutes"}.`,
  };
  if (signedIn) {
    return {
      fi: `Olet lähettänyt liian monta palautetta lyhyessä ajassa. ${wait.fi}`,
      sv: `Du har skickat för många responser på kort tid. ${wait.sv}`,
      en: `You have sent too many reports in a short time. ${wait.en}`,
    };
  }
  return {
    fi: `Tästä verkkoyhteydestä on lähetetty liian monta palautetta lyhyessä ajassa. ${wait.fi} Jos kirjaudut sisään, palautteesi lasketaan erikseen.`,
    sv: `För många responser har skickats från den här nätverksanslutningen på kort tid. ${wait.sv} Om du loggar in räknas dina responser för sig.`,
    en: `Too many reports have been sent from this network connection in a short time. ${wait.en} If you sign in, your reports are counted separately.`,
  };
}
