import type { Kysely } from "kysely";
import type { Me, PersonSummary, Role, RoleGrant, VerificationMethod } from "../../../contracts/identity.ts";
import { isLocale, type Locale } from "../../../contracts/localized-text.ts";
import { WEB_ROUTES } from "../../../contracts/web-routes.ts";
import type { Config } from "../../config.ts";
import { inTransaction } from "../../db/db.ts";
import { ageOn, normalizeHenkilotunnus, validateHenkilotunnus } from "../../lib/henkilotunnus.ts";
import { newId } from "../../lib/ids.ts";
import { normalizeYTunnus, validateYTunnus } from "../../lib/y-tunnus.ts";
import {
  type AuditEvent,
  type AuditQuery,
  type AuditRecord,
  listAudit,
  recordAudit,
} from "../../platform/audit.ts";
import { AppError } from "../../platform/errors.ts";
import type { Mailer } from "../../platform/mail.ts";
import type { PersonalDataHolder } from "../../platform/module.ts";
import type { Principal } from "../../platform/principal.ts";
import type { RateLimiter, RateRule } from "../../platform/rate-limit.ts";
import { hashPassword, hashToken, hetuHmac, newSecretToken, verifyPassword } from "./identity.crypto.ts";
import { identityMail } from "./identity.mail.ts";
import * as repo from "./identity.repository.ts";
import type { IdentityTables, OidcFlowRow, OrganisationRow, PersonRow, RoleRow } from "./identity.tables.ts";

/** What the identity use cases need. */
export interface IdentityDeps {
  db: Kysely<IdentityTables>;
  config: Config;
  mailer: Mailer;
  rateLimiter: RateLimiter;
  now: () => Date;
  /** The other modules' personal data, which the export and the erasure of an account must reach too. */
  personalData?: readonly PersonalDataHolder[];
}

/** Who is asking, for rate limits and the audit log (never logged in clear: addresses are HMAC'd). */
export interface RequestMeta {
  ip: string;
  requestId: string;
  locale: Locale;
}

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const VERIFY_TTL_HOURS = 24;
const RESET_TTL_HOURS = 1;
const TOUCH_EVERY_MS = 60_000;
const OIDC_FLOW_MINUTES = 10;

/** Rate rules (per account and per address) for the endpoints that attackers try first. */
export function rateRules(config: Config): Record<string, RateRule> {
  return {
    signInAccount: {
      name: "signin:account",
      limit: config.auth.maxFailedSignIns,
      windowSeconds: 15 * MINUTE,
      baseBlockSeconds: 30,
      maxBlockSeconds: 15 * MINUTE,
    },
    signInAddress: {
      name: "signin:ip",
      limit: 20,
      windowSeconds: 15 * MINUTE,
      baseBlockSeconds: 60,
      maxBlockSeconds: HOUR,
    },
    registerAddress: {
      name: "register:ip",
      limit: config.auth.registrationsPerAddressHour,
      windowSeconds: HOUR,
      baseBlockSeconds: 10 * MINUTE,
      maxBlockSeconds: HOUR,
    },
    resetAddress: {
      name: "reset:ip",
      limit: 10,
      windowSeconds: HOUR,
      baseBlockSeconds: 10 * MINUTE,
      maxBlockSeconds: HOUR,
    },
    resetAccount: {
      name: "reset:account",
      limit: 3,
      windowSeconds: HOUR,
      baseBlockSeconds: 10 * MINUTE,
      maxBlockSeconds: HOUR,
    },
  };
}

const MESSAGES = {
  badCredentials: {
    fi: "Sähköpostiosoite tai salasana on väärin.",
    sv: "E-postadressen eller lösenordet är fel.",
    en: "The e-mail address or password is wrong.",
  },
  throttled: {
    fi: "Liian monta epäonnistunutta yritystä. Odota hetki ja yritä sitten uudelleen.",
    sv: "För många misslyckade försök. Vänta en stund och försök sedan igen.",
    en: "Too many failed attempts. Wait a moment, then try again.",
  },
  unverifiedEmail: {
    fi: "Vahvista ensin sähköpostiosoitteesi viestissä olevalla linkillä.",
    sv: "Bekräfta först din e-postadress med länken i meddelandet.",
    en: "Please confirm your e-mail address first with the link in the message we sent.",
  },
  badToken: {
    fi: "Linkki on vanhentunut tai jo käytetty. Pyydä uusi linkki.",
    sv: "Länken har gått ut eller redan använts. Be om en ny länk.",
    en: "The link has expired or has already been used. Ask for a new one.",
  },
  weakPassword: {
    fi: "Valitse salasana, joka ei ole sähköpostiosoitteesi ja jossa on vähintään 10 merkkiä.",
    sv: "Välj ett lösenord som inte är din e-postadress och har minst 10 tecken.",
    en: "Choose a password of at least 10 characters that is not your e-mail address.",
  },
  badHetu: {
    fi: "Henkilötunnus ei kelpaa. Tarkista se.",
    sv: "Personbeteckningen är ogiltig. Kontrollera den.",
    en: "The personal identity code is not valid. Please check it.",
  },
  hetuTaken: {
    fi: "Tämä henkilöllisyys on jo liitetty toiseen tiliin.",
    sv: "Den här identiteten är redan kopplad till ett annat konto.",
    en: "This identity is already linked to another account.",
  },
  noPerson: { fi: "Henkilöä ei löytynyt.", sv: "Personen hittades inte.", en: "Person not found." },
  lastAdmin: {
    fi: "Viimeistä ylläpitäjää ei voi poistaa.",
    sv: "Den sista administratören kan inte tas bort.",
    en: "The last administrator cannot be removed.",
  },
  scopeNeeded: {
    fi: "Tälle roolille tarvitaan yksikkö tai yhdistys (scope).",
    sv: "Den här rollen kräver en enhet eller förening (scope).",
    en: "This role needs a unit or organisation (scope).",
  },
  badYTunnus: {
    fi: "Y-tunnus ei kelpaa. Tarkista se.",
    sv: "FO-numret är ogiltigt. Kontrollera det.",
    en: "The business ID (Y-tunnus) is not valid. Please check it.",
  },
  yTunnusTaken: {
    fi: "Yhdistys tällä Y-tunnuksella on jo olemassa.",
    sv: "En förening med det här FO-numret finns redan.",
    en: "An organisation with this business ID already exists.",
  },
};

// Roles that act for a unit or an organisation carry its id as scope; the others hold platform-wide.
const SCOPED_ROLES: ReadonlySet<Role> = new Set(["staff", "organisation_rep"]);

/** The identity module's use cases. Every state change that matters to security is audited in its transaction. */
export class IdentityService {
  readonly #d: IdentityDeps;
  readonly #rules: Record<string, RateRule>;

  constructor(deps: IdentityDeps) {
    this.#d = deps;
    this.#rules = rateRules(deps.config);
  }

  get #now(): Date {
    return this.#d.now();
  }

  #link(path: string, token: string): string {
    return `${this.#d.config.publicUrl}${path}?token=${token}`;
  }

  async #audit(event: AuditEvent, db: Kysely<IdentityTables> = this.#d.db): Promise<void> {
    await recordAudit(db, event, this.#now);
  }

  async #throttle(
    rule: RateRule,
    subject: string,
    meta: RequestMeta,
    action: string,
    targetId: string | null,
  ) {
    const verdict = await this.#d.rateLimiter.check(rule, subject, this.#now);
    if (!verdict.allowed) {
      await this.#audit({
        actorId: null,
        action,
        targetType: targetId ? "person" : null,
        targetId,
        outcome: "throttled",
        details: { rule: rule.name, retryAfterSeconds: verdict.retryAfterSeconds },
        requestId: meta.requestId,
      });
      throw new AppError("rate_limited", MESSAGES.throttled);
    }
  }

  // ---- accounts --------------------------------------------------------------------------------------

  /** Registers an account and sends a verification link; answers the same whether or not the address is taken. */
  async register(
    input: { email: string; password: string; displayName: string; preferredLocale?: Locale },
    meta: RequestMeta,
  ): Promise<void> {
    const email = normalizeEmail(input.email);
    if (input.password.trim().toLowerCase() === email)
      throw new AppError("validation_failed", MESSAGES.weakPassword);
    await this.#throttle(this.#rules.registerAddress as RateRule, meta.ip, meta, "auth.register", null);
    await this.#d.rateLimiter.hit(this.#rules.registerAddress as RateRule, meta.ip, this.#now);
    const locale = input.preferredLocale ?? meta.locale;
    const existing = await repo.findPersonByEmail(this.#d.db, email);
    if (existing) {
      await this.#sendResetLink(existing, email, "alreadyRegistered");
      await this.#audit({
        actorId: null,
        action: "auth.register",
        targetType: "person",
        targetId: existing.id,
        outcome: "failure",
        details: { reason: "email_taken" },
        requestId: meta.requestId,
      });
      return;
    }
    const at = this.#now.toISOString();
    const id = newId();
    const passwordHash = await hashPassword(input.password);
    await inTransaction(this.#d.db, async (trx) => {
      await repo.insertPerson(trx, {
        id,
        email,
        emailVerifiedAt: null,
        passwordHash,
        displayName: input.displayName.trim(),
        preferredLocale: locale,
        hetuHmac: null,
        birthDate: null,
        oidcSubject: null,
        homeMunicipality: null,
        identifiedAt: null,
        residentMethod: null,
        residentVerifiedAt: null,
        createdAt: at,
        updatedAt: at,
        erasedAt: null,
      });
      await repo.grantRole(trx, {
        personId: id,
        role: "resident",
        scope: "",
        grantedBy: null,
        grantedAt: at,
      });
      await this.#audit(
        {
          actorId: id,
          action: "auth.register",
          targetType: "person",
          targetId: id,
          outcome: "success",
          requestId: meta.requestId,
        },
        trx,
      );
    });
    const token = await this.#issueToken(id, "verify_email", VERIFY_TTL_HOURS);
    await this.#d.mailer.send(
      identityMail("verify", locale, email, this.#link(WEB_ROUTES.verifyEmail, token)),
    );
  }

  /** Mails a one-time reset link, as a reset or as the "you already have an account" notice. */
  async #sendResetLink(person: PersonRow, email: string, kind: "reset" | "alreadyRegistered"): Promise<void> {
    const token = await this.#issueToken(person.id, "reset_password", RESET_TTL_HOURS);
    const link = this.#link(WEB_ROUTES.resetPassword, token);
    await this.#d.mailer.send(identityMail(kind, asLocale(person.preferredLocale), email, link));
  }

  async #issueToken(personId: string, purpose: string, ttlHours: number): Promise<string> {
    const token = newSecretToken();
    const now = this.#now;
    await repo.insertToken(this.#d.db, {
      tokenHash: hashToken(token),
      personId,
      purpose,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + ttlHours * 3600_000).toISOString(),
      usedAt: null,
    });
    return token;
  }

  /** Confirms an e-mail address with a one-time link. */
  async verifyEmail(token: string, meta: RequestMeta): Promise<void> {
    const at = this.#now.toISOString();
    await inTransaction(this.#d.db, async (trx) => {
      const used = await repo.consumeToken(trx, hashToken(token), "verify_email", at);
      if (!used) throw new AppError("bad_request", MESSAGES.badToken);
      await repo.updatePerson(trx, used.personId, { emailVerifiedAt: at, updatedAt: at });
      await this.#audit(
        {
          actorId: used.personId,
          action: "auth.email_verified",
          targetType: "person",
          targetId: used.personId,
          outcome: "success",
          requestId: meta.requestId,
        },
        trx,
      );
    });
  }

  /**
   * Signs in with e-mail and password. Unknown address and wrong password answer alike and take as long;
   * failures count per account and per address, and past the limit the next attempts are refused for a
   * doubling time (audited as "throttled").
   */
  async signIn(
    input: { email: string; password: string },
    meta: RequestMeta,
  ): Promise<{ person: PersonRow; sessionToken: string }> {
    const email = normalizeEmail(input.email);
    const accountRule = this.#rules.signInAccount as RateRule;
    const addressRule = this.#rules.signInAddress as RateRule;
    const person = await repo.findPersonByEmail(this.#d.db, email);
    await this.#throttle(addressRule, meta.ip, meta, "auth.sign_in", person?.id ?? null);
    await this.#throttle(accountRule, email, meta, "auth.sign_in", person?.id ?? null);
    const ok = await verifyPassword(person?.passwordHash ?? null, input.password);
    if (!ok || !person) {
      const byAccount = await this.#d.rateLimiter.hit(accountRule, email, this.#now);
      const byAddress = await this.#d.rateLimiter.hit(addressRule, meta.ip, this.#now);
      const nowBlocked = !byAccount.allowed || !byAddress.allowed;
      await this.#audit({
        actorId: null,
        action: "auth.sign_in",
        targetType: person ? "person" : null,
        targetId: person?.id ?? null,
        outcome: nowBlocked ? "throttled" : "failure",
        details: { reason: person ? "wrong_password" : "unknown_account" },
        requestId: meta.requestId,
      });
      throw new AppError("invalid_credentials", MESSAGES.badCredentials);
    }
    if (!person.emailVerifiedAt) throw new AppError("forbidden", MESSAGES.unverifiedEmail);
    await this.#d.rateLimiter.reset(accountRule, email);
    const sessionToken = await this.#startSession(person.id, meta, "password");
    return { person, sessionToken };
  }

  async #startSession(personId: string, meta: RequestMeta, method: string): Promise<string> {
    const token = newSecretToken();
    const now = this.#now;
    await inTransaction(this.#d.db, async (trx) => {
      await repo.insertSession(trx, {
        tokenHash: hashToken(token),
        personId,
        createdAt: now.toISOString(),
        lastSeenAt: now.toISOString(),
        expiresAt: new Date(
          now.getTime() + this.#d.config.auth.sessionAbsoluteHours * 3600_000,
        ).toISOString(),
      });
      await this.#audit(
        {
          actorId: personId,
          action: "auth.sign_in",
          targetType: "person",
          targetId: personId,
          outcome: "success",
          details: { method },
          requestId: meta.requestId,
        },
        trx,
      );
    });
    return token;
  }

  /**
   * The principal behind a session cookie, or null when it is unknown, past its absolute expiry or idle too
   * long (expired sessions are deleted on sight).
   */
  async authenticate(sessionToken: string | undefined): Promise<Principal | null> {
    if (!sessionToken || sessionToken.length > 100) return null;
    const tokenHash = hashToken(sessionToken);
    const session = await repo.findSession(this.#d.db, tokenHash);
    if (!session) return null;
    const now = this.#now;
    const idleLimit = Date.parse(session.lastSeenAt) + this.#d.config.auth.sessionIdleMinutes * 60_000;
    if (Date.parse(session.expiresAt) <= now.getTime() || idleLimit <= now.getTime()) {
      await repo.deleteSession(this.#d.db, tokenHash);
      return null;
    }
    if (now.getTime() - Date.parse(session.lastSeenAt) > TOUCH_EVERY_MS) {
      await repo.touchSession(this.#d.db, tokenHash, now.toISOString());
    }
    const roles = await repo.listRoles(this.#d.db, [session.personId]);
    return { personId: session.personId, roles: roles.map(toGrant), sessionKey: tokenHash };
  }

  /** Ends one session. */
  async signOut(principal: Principal, meta: RequestMeta): Promise<void> {
    await repo.deleteSession(this.#d.db, principal.sessionKey);
    await this.#audit({
      actorId: principal.personId,
      action: "auth.sign_out",
      targetType: "person",
      targetId: principal.personId,
      outcome: "success",
      requestId: meta.requestId,
    });
  }

  /** Ends every session of the person, on every device. */
  async signOutEverywhere(principal: Principal, meta: RequestMeta): Promise<number> {
    const ended = await repo.deleteSessionsOf(this.#d.db, principal.personId);
    await this.#audit({
      actorId: principal.personId,
      action: "auth.sign_out_everywhere",
      targetType: "person",
      targetId: principal.personId,
      outcome: "success",
      details: { sessions: ended },
      requestId: meta.requestId,
    });
    return ended;
  }

  /** Sends a reset link when the address has an account; answers the same either way. */
  async requestPasswordReset(emailInput: string, meta: RequestMeta): Promise<void> {
    const email = normalizeEmail(emailInput);
    await this.#throttle(
      this.#rules.resetAddress as RateRule,
      meta.ip,
      meta,
      "auth.password_reset_requested",
      null,
    );
    await this.#throttle(
      this.#rules.resetAccount as RateRule,
      email,
      meta,
      "auth.password_reset_requested",
      null,
    );
    await this.#d.rateLimiter.hit(this.#rules.resetAddress as RateRule, meta.ip, this.#now);
    await this.#d.rateLimiter.hit(this.#rules.resetAccount as RateRule, email, this.#now);
    const person = await repo.findPersonByEmail(this.#d.db, email);
    if (!person) {
      await verifyPassword(null, "timing");
      return;
    }
    await this.#sendResetLink(person, email, "reset");
    await this.#audit({
      actorId: null,
      action: "auth.password_reset_requested",
      targetType: "person",
      targetId: person.id,
      outcome: "success",
      requestId: meta.requestId,
    });
  }

  /** Sets a new password with a one-time link; ends every session (the old password may have leaked). */
  async confirmPasswordReset(token: string, password: string, meta: RequestMeta): Promise<void> {
    const at = this.#now.toISOString();
    const passwordHash = await hashPassword(password);
    await inTransaction(this.#d.db, async (trx) => {
      const used = await repo.consumeToken(trx, hashToken(token), "reset_password", at);
      if (!used) throw new AppError("bad_request", MESSAGES.badToken);
      const person = await repo.findPersonById(trx, used.personId);
      if (person?.email && password.trim().toLowerCase() === person.email)
        throw new AppError("validation_failed", MESSAGES.weakPassword);
      // Opening the link proves control of the address, so it also counts as verifying it.
      await repo.updatePerson(trx, used.personId, {
        passwordHash,
        emailVerifiedAt: person?.emailVerifiedAt ?? at,
        updatedAt: at,
      });
      await repo.deleteSessionsOf(trx, used.personId);
      await this.#audit(
        {
          actorId: used.personId,
          action: "auth.password_reset",
          targetType: "person",
          targetId: used.personId,
          outcome: "success",
          requestId: meta.requestId,
        },
        trx,
      );
    });
  }

  /** Ends one session by its key (when a signed-in person signs in again). */
  async endSession(sessionKey: string): Promise<void> {
    await repo.deleteSession(this.#d.db, sessionKey);
  }

  // ---- strong identification ---------------------------------------------------------------------------

  /** Keeps what the OIDC callback must check (state, nonce, PKCE verifier) for ten minutes. */
  async rememberOidcFlow(
    flow: { state: string; nonce: string; codeVerifier: string },
    linkPersonId: string | null,
    returnTo: string,
  ): Promise<void> {
    const now = this.#now;
    await repo.deleteExpiredOidcFlows(this.#d.db, now.toISOString());
    await repo.insertOidcFlow(this.#d.db, {
      state: flow.state,
      nonce: flow.nonce,
      codeVerifier: flow.codeVerifier,
      linkPersonId,
      returnTo,
      expiresAt: new Date(now.getTime() + OIDC_FLOW_MINUTES * 60_000).toISOString(),
    });
  }

  /** Takes a pending flow once; undefined when unknown, used or expired. */
  async takeOidcFlow(state: string): Promise<OidcFlowRow | undefined> {
    const flow = await repo.takeOidcFlow(this.#d.db, state);
    return flow && flow.expiresAt > this.#now.toISOString() ? flow : undefined;
  }

  /**
   * Applies a strong identification (OIDC claims) and returns the account to sign in: the one already linked
   * to this identity, else the one with this identity number, else the signed-in account asking to link,
   * else a new account. Residency is verified from the home municipality claim, or from the census list.
   */
  async applyIdentification(
    claims: {
      subject: string;
      henkilotunnus: string;
      givenName: string | null;
      familyName: string | null;
      municipality: string | null;
    },
    linkPersonId: string | null,
    meta: RequestMeta,
  ): Promise<{ personId: string; sessionToken: string }> {
    const normalized = normalizeHenkilotunnus(claims.henkilotunnus);
    const check = validateHenkilotunnus(normalized, { allowTemporary: this.#d.config.env !== "production" });
    if (!check.ok) {
      await this.#audit({
        actorId: linkPersonId,
        action: "auth.identify",
        outcome: "failure",
        details: { reason: check.reason },
        requestId: meta.requestId,
      });
      throw new AppError("bad_request", MESSAGES.badHetu);
    }
    const hmac = hetuHmac(this.#d.config.secret, normalized);
    const at = this.#now.toISOString();
    const municipality =
      claims.municipality && /^\d{3}$/.test(claims.municipality) ? claims.municipality : null;
    const personId = await inTransaction(this.#d.db, async (trx) => {
      const bySubject = await repo.findPersonByOidcSubject(trx, claims.subject);
      const byHetu = await repo.findPersonByHetuHmac(trx, hmac);
      const known = bySubject ?? byHetu;
      if (linkPersonId && known && known.id !== linkPersonId)
        throw new AppError("conflict", MESSAGES.hetuTaken);
      const targetId = known?.id ?? linkPersonId;
      const inCensus = await repo.isInCensus(trx, hmac);
      const residency = residencyFrom(municipality, this.#d.config.municipalityCode, inCensus);
      const identity = {
        hetuHmac: hmac,
        birthDate: check.birthDate,
        oidcSubject: claims.subject,
        homeMunicipality: municipality,
        identifiedAt: at,
        updatedAt: at,
      };
      if (targetId) {
        const current = await repo.findPersonById(trx, targetId);
        if (!current || current.erasedAt) throw new AppError("not_found", MESSAGES.noPerson);
        await repo.updatePerson(trx, targetId, {
          ...identity,
          ...residencyChange(current, residency, at),
        });
        await this.#audit(
          {
            actorId: targetId,
            action: linkPersonId ? "auth.identity_linked" : "auth.identify",
            targetType: "person",
            targetId,
            outcome: "success",
            details: { residentMethod: residency ?? "none" },
            requestId: meta.requestId,
          },
          trx,
        );
        return targetId;
      }
      const id = newId();
      const name = [claims.givenName, claims.familyName].filter(Boolean).join(" ").trim() || "Asukas";
      await repo.insertPerson(trx, {
        id,
        email: null,
        emailVerifiedAt: null,
        passwordHash: null,
        displayName: name,
        preferredLocale: meta.locale,
        ...identity,
        residentMethod: residency,
        residentVerifiedAt: residency ? at : null,
        createdAt: at,
        erasedAt: null,
      });
      await repo.grantRole(trx, {
        personId: id,
        role: "resident",
        scope: "",
        grantedBy: null,
        grantedAt: at,
      });
      await this.#audit(
        {
          actorId: id,
          action: "auth.identify",
          targetType: "person",
          targetId: id,
          outcome: "success",
          details: { residentMethod: residency ?? "none", newAccount: true },
          requestId: meta.requestId,
        },
        trx,
      );
      return id;
    });
    const sessionToken = await this.#startSession(personId, meta, "oidc");
    return { personId, sessionToken };
  }

  /** A staff member confirms a person's identity and residency at a service point, after checking an ID. */
  async verifyInPerson(
    actor: Principal,
    personId: string,
    henkilotunnus: string,
    servicePoint: string,
    meta: RequestMeta,
  ): Promise<void> {
    const normalized = normalizeHenkilotunnus(henkilotunnus);
    const check = validateHenkilotunnus(normalized, { allowTemporary: this.#d.config.env !== "production" });
    if (!check.ok)
      throw new AppError("validation_failed", MESSAGES.badHetu, [
        { path: "/body/henkilotunnus", message: check.reason },
      ]);
    const hmac = hetuHmac(this.#d.config.secret, normalized);
    const at = this.#now.toISOString();
    await inTransaction(this.#d.db, async (trx) => {
      const person = await repo.findPersonById(trx, personId);
      if (!person || person.erasedAt) throw new AppError("not_found", MESSAGES.noPerson);
      const holder = await repo.findPersonByHetuHmac(trx, hmac);
      if (holder && holder.id !== personId) throw new AppError("conflict", MESSAGES.hetuTaken);
      await repo.updatePerson(trx, personId, {
        hetuHmac: hmac,
        birthDate: check.birthDate,
        identifiedAt: person.identifiedAt ?? at,
        residentMethod: "in_person",
        residentVerifiedAt: at,
        updatedAt: at,
      });
      await this.#audit(
        {
          actorId: actor.personId,
          action: "person.verified_in_person",
          targetType: "person",
          targetId: personId,
          outcome: "success",
          details: { servicePoint: servicePoint.slice(0, 100) },
          requestId: meta.requestId,
        },
        trx,
      );
    });
  }

  /**
   * Replaces the census list (identity numbers of the municipality's residents, kept only as HMACs) and
   * updates census-based residency: people on the list become verified, people verified by an older list
   * who are no longer on it lose it. Returns what changed.
   */
  async importCensus(
    henkilotunnukset: readonly string[],
  ): Promise<{ listed: number; verified: number; revoked: number }> {
    const hmacs = [
      ...new Set(henkilotunnukset.map((h) => hetuHmac(this.#d.config.secret, normalizeHenkilotunnus(h)))),
    ];
    const at = this.#now.toISOString();
    return inTransaction(this.#d.db, async (trx) => {
      await repo.replaceCensus(trx, hmacs, at);
      const listed = new Set(hmacs);
      const people = await trx
        .selectFrom("identityPerson")
        .selectAll()
        .where("hetuHmac", "is not", null)
        .execute();
      let verified = 0;
      let revoked = 0;
      for (const person of people) {
        const onList = person.hetuHmac !== null && listed.has(person.hetuHmac);
        if (onList && !person.residentMethod) {
          await repo.updatePerson(trx, person.id, {
            residentMethod: "census",
            residentVerifiedAt: at,
            updatedAt: at,
          });
          verified += 1;
        } else if (!onList && person.residentMethod === "census") {
          await repo.updatePerson(trx, person.id, {
            residentMethod: null,
            residentVerifiedAt: null,
            updatedAt: at,
          });
          revoked += 1;
        }
      }
      await this.#audit(
        {
          actorId: null,
          action: "census.imported",
          outcome: "success",
          details: { listed: hmacs.length, verified, revoked },
        },
        trx,
      );
      return { listed: hmacs.length, verified, revoked };
    });
  }

  // ---- the person's own data -----------------------------------------------------------------------------

  /** The signed-in person as they see themselves. */
  async me(personId: string): Promise<Me> {
    const person = await repo.findPersonById(this.#d.db, personId);
    if (!person || person.erasedAt) throw new AppError("unauthenticated");
    const roles = await repo.listRoles(this.#d.db, [personId]);
    return toMe(person, roles, this.#now);
  }

  /** Changes the person's name or language. */
  async updateMe(
    principal: Principal,
    changes: { displayName?: string; preferredLocale?: Locale },
  ): Promise<Me> {
    const update: Partial<PersonRow> = { updatedAt: this.#now.toISOString() };
    if (changes.displayName !== undefined) update.displayName = changes.displayName.trim();
    if (changes.preferredLocale !== undefined) update.preferredLocale = changes.preferredLocale;
    await repo.updatePerson(this.#d.db, principal.personId, update);
    return this.me(principal.personId);
  }

  /** Everything the identity module holds about the person (GDPR art. 15 and 20), without secrets or hashes. */
  async exportPersonalData(personId: string): Promise<Record<string, unknown>> {
    const person = await repo.findPersonById(this.#d.db, personId);
    if (!person) throw new AppError("not_found", MESSAGES.noPerson);
    const roles = await repo.listRoles(this.#d.db, [personId]);
    const sessions = await this.#d.db
      .selectFrom("identitySession")
      .select(["createdAt", "lastSeenAt", "expiresAt"])
      .where("personId", "=", personId)
      .execute();
    const audit = await listAudit(this.#d.db, { involving: personId, limit: 10_000 });
    return {
      account: {
        id: person.id,
        email: person.email,
        emailVerifiedAt: person.emailVerifiedAt,
        displayName: person.displayName,
        preferredLocale: person.preferredLocale,
        hasPassword: person.passwordHash !== null,
        createdAt: person.createdAt,
        updatedAt: person.updatedAt,
      },
      identification: {
        identified: person.identifiedAt !== null,
        identifiedAt: person.identifiedAt,
        birthDate: person.birthDate,
        homeMunicipality: person.homeMunicipality,
        linkedToOpenIdConnect: person.oidcSubject !== null,
        identityNumberStored: "never — only a keyed hash used to recognise the same person across channels",
        residentVerification: person.residentMethod
          ? { method: person.residentMethod, at: person.residentVerifiedAt }
          : null,
      },
      roles: roles.map(toGrant),
      sessions,
      auditLog: audit,
    };
  }

  /** What the other modules hold about the person, by module; modules that hold nothing are left out. */
  async exportModuleData(personId: string): Promise<Record<string, Record<string, unknown>>> {
    const parts: Record<string, Record<string, unknown>> = {};
    for (const holder of this.#d.personalData ?? []) {
      const data = await holder.exportPerson(personId);
      if (data) parts[holder.module] = data;
    }
    return parts;
  }

  /**
   * Erases the account (GDPR art. 17): personal data is removed and the id stays as an empty stub, so that
   * anonymous contributions (a counted ballot) remain counted but can no longer be linked to the person.
   * The other modules erase their part first: should one fail, the account still exists and the person can
   * ask again (each module's erasure is idempotent); never the other way round, leaving data nobody can reach.
   */
  async eraseAccount(principal: Principal, meta: RequestMeta): Promise<void> {
    await this.#refuseLastAdmin(this.#d.db, principal.personId);
    for (const holder of this.#d.personalData ?? []) await holder.erasePerson(principal.personId);
    const at = this.#now.toISOString();
    await inTransaction(this.#d.db, async (trx) => {
      await this.#refuseLastAdmin(trx, principal.personId);
      await repo.updatePerson(trx, principal.personId, {
        email: null,
        emailVerifiedAt: null,
        passwordHash: null,
        displayName: "",
        hetuHmac: null,
        birthDate: null,
        oidcSubject: null,
        homeMunicipality: null,
        identifiedAt: null,
        residentMethod: null,
        residentVerifiedAt: null,
        erasedAt: at,
        updatedAt: at,
      });
      await repo.deleteRoles(trx, principal.personId);
      await repo.deleteSessionsOf(trx, principal.personId);
      await repo.deleteTokensOf(trx, principal.personId);
      await this.#audit(
        {
          actorId: principal.personId,
          action: "person.erased",
          targetType: "person",
          targetId: principal.personId,
          outcome: "success",
          requestId: meta.requestId,
        },
        trx,
      );
    });
  }

  async #refuseLastAdmin(db: Kysely<IdentityTables>, personId: string): Promise<void> {
    const roles = await repo.listRoles(db, [personId]);
    if (roles.some((r) => r.role === "admin") && (await repo.countAdmins(db)) <= 1) {
      throw new AppError("conflict", MESSAGES.lastAdmin);
    }
  }

  // ---- administration ------------------------------------------------------------------------------------

  /** People for the admin page. */
  async listPeople(search: string | undefined): Promise<PersonSummary[]> {
    const people = await repo.listPeople(this.#d.db, search, 200);
    const roles = await repo.listRoles(
      this.#d.db,
      people.map((p) => p.id),
    );
    return people.map((p) => ({
      id: p.id,
      email: p.email,
      displayName: p.displayName,
      roles: roles.filter((r) => r.personId === p.id).map(toGrant),
      verifiedResident: p.residentMethod !== null,
      createdAt: p.createdAt,
    }));
  }

  /** Grants a role (admins only, audited). */
  async grantRole(
    actor: Principal | null,
    personId: string,
    role: Role,
    scope: string,
    meta: RequestMeta | null,
  ): Promise<void> {
    if (SCOPED_ROLES.has(role) && scope === "") throw new AppError("validation_failed", MESSAGES.scopeNeeded);
    const at = this.#now.toISOString();
    await inTransaction(this.#d.db, async (trx) => {
      const person = await repo.findPersonById(trx, personId);
      if (!person || person.erasedAt) throw new AppError("not_found", MESSAGES.noPerson);
      const scoped = SCOPED_ROLES.has(role) ? scope : "";
      await repo.grantRole(trx, {
        personId,
        role,
        scope: scoped,
        grantedBy: actor?.personId ?? null,
        grantedAt: at,
      });
      await this.#audit(
        {
          actorId: actor?.personId ?? null,
          action: "role.granted",
          targetType: "person",
          targetId: personId,
          outcome: "success",
          details: { role, scope: scoped, via: actor ? "admin" : "command_line" },
          requestId: meta?.requestId ?? null,
        },
        trx,
      );
    });
  }

  /** Revokes a role; the last admin cannot be removed. */
  async revokeRole(
    actor: Principal,
    personId: string,
    role: Role,
    scope: string,
    meta: RequestMeta,
  ): Promise<void> {
    await inTransaction(this.#d.db, async (trx) => {
      if (role === "admin" && (await repo.countAdmins(trx)) <= 1)
        throw new AppError("conflict", MESSAGES.lastAdmin);
      const removed = await repo.revokeRole(trx, personId, role, scope);
      if (!removed) throw new AppError("not_found", MESSAGES.noPerson);
      await this.#audit(
        {
          actorId: actor.personId,
          action: "role.revoked",
          targetType: "person",
          targetId: personId,
          outcome: "success",
          details: { role, scope },
          requestId: meta.requestId,
        },
        trx,
      );
    });
  }

  /** The person with this e-mail address, for the command line. */
  async findIdByEmail(email: string): Promise<string | null> {
    return (await repo.findPersonByEmail(this.#d.db, normalizeEmail(email)))?.id ?? null;
  }

  /** Registers an organisation (association or city unit), validating its optional Y-tunnus. */
  async createOrganisation(
    actor: Principal,
    input: { name: string; yTunnus?: string },
    meta: RequestMeta,
  ): Promise<OrganisationRow> {
    let yTunnus: string | null = null;
    if (input.yTunnus !== undefined && input.yTunnus.trim() !== "") {
      const check = validateYTunnus(normalizeYTunnus(input.yTunnus));
      if (!check.ok)
        throw new AppError("validation_failed", MESSAGES.badYTunnus, [
          { path: "/body/yTunnus", message: check.reason },
        ]);
      yTunnus = check.value;
    }
    const row: OrganisationRow = {
      id: newId(),
      name: input.name.trim(),
      yTunnus,
      createdAt: this.#now.toISOString(),
    };
    await inTransaction(this.#d.db, async (trx) => {
      if (
        yTunnus &&
        (await trx
          .selectFrom("identityOrganisation")
          .select("id")
          .where("yTunnus", "=", yTunnus)
          .executeTakeFirst())
      ) {
        throw new AppError("conflict", MESSAGES.yTunnusTaken);
      }
      await repo.insertOrganisation(trx, row);
      await this.#audit(
        {
          actorId: actor.personId,
          action: "organisation.created",
          targetType: "organisation",
          targetId: row.id,
          outcome: "success",
          requestId: meta.requestId,
        },
        trx,
      );
    });
    return row;
  }

  listOrganisations(): Promise<OrganisationRow[]> {
    return repo.listOrganisations(this.#d.db);
  }

  /** The audit log for administrators. */
  readAudit(query: AuditQuery): Promise<AuditRecord[]> {
    return listAudit(this.#d.db, query);
  }
}

/** Lower-case and trimmed: e-mail local parts are case-insensitive in practice, and one address is one account. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function asLocale(value: string): Locale {
  return isLocale(value) ? value : "fi";
}

function toGrant(row: RoleRow): RoleGrant {
  return { role: row.role as Role, scope: row.scope };
}

function residencyFrom(
  municipality: string | null,
  configured: string,
  inCensus: boolean,
): VerificationMethod | null {
  if (municipality === configured) return "oidc";
  if (inCensus) return "census";
  return null;
}

// A fresh identification replaces residency it can speak for (oidc/census); an in-person check stands.
function residencyChange(
  current: PersonRow,
  residency: VerificationMethod | null,
  at: string,
): Partial<PersonRow> {
  if (current.residentMethod === "in_person") return {};
  return { residentMethod: residency, residentVerifiedAt: residency ? at : null };
}

function toMe(person: PersonRow, roles: RoleRow[], now: Date): Me {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Helsinki" }).format(now);
  return {
    id: person.id,
    email: person.email,
    emailVerified: person.emailVerifiedAt !== null,
    displayName: person.displayName,
    preferredLocale: asLocale(person.preferredLocale),
    roles: roles.map(toGrant),
    hasPassword: person.passwordHash !== null,
    identified: person.identifiedAt !== null,
    verifiedResident:
      person.residentMethod && person.residentVerifiedAt
        ? { method: person.residentMethod as VerificationMethod, at: person.residentVerifiedAt }
        : null,
    age: person.birthDate ? ageOn(person.birthDate, today) : null,
  };
}
