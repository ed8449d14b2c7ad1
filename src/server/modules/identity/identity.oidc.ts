import * as oidc from "openid-client";
import type { OidcConfig } from "../../config.ts";

/** The claims Keskiö takes from an identification, by the configured claim names. */
export interface IdentificationClaims {
  subject: string;
  henkilotunnus: string;
  givenName: string | null;
  familyName: string | null;
  municipality: string | null;
}

/** What must be kept between the redirect to the provider and its answer. */
export interface PendingFlow {
  state: string;
  nonce: string;
  codeVerifier: string;
  authorizationUrl: string;
}

/**
 * The OpenID Connect relying party (authorization code flow with PKCE, state and nonce), as a city connects
 * Suomi.fi e-Identification's OIDC interface or its own identity broker. Discovery happens on first use,
 * so Keskiö starts even while the provider is unreachable.
 */
export class OidcClient {
  readonly #settings: OidcConfig;
  readonly #redirectUri: string;
  #configuration: Promise<oidc.Configuration> | undefined;

  constructor(settings: OidcConfig, redirectUri: string) {
    this.#settings = settings;
    this.#redirectUri = redirectUri;
  }

  #config(): Promise<oidc.Configuration> {
    this.#configuration ??= oidc
      .discovery(
        new URL(this.#settings.issuer),
        this.#settings.clientId,
        this.#settings.clientSecret,
        undefined,
        {
          ...(this.#settings.allowInsecure ? { execute: [oidc.allowInsecureRequests] } : {}),
        },
      )
      .catch((error: unknown) => {
        this.#configuration = undefined;
        throw error;
      });
    return this.#configuration;
  }

  /** Prepares a redirect to the provider. */
  async start(): Promise<PendingFlow> {
    const config = await this.#config();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.#redirectUri,
      scope: "openid profile",
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: "S256",
      state,
      nonce,
    });
    return { state, nonce, codeVerifier, authorizationUrl: url.href };
  }

  /** Exchanges the provider's answer for verified claims; throws when anything does not check out. */
  async finish(callbackUrl: URL, flow: Omit<PendingFlow, "authorizationUrl">): Promise<IdentificationClaims> {
    const config = await this.#config();
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: flow.codeVerifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw new Error("the provider returned no ID token");
    const userInfo = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
    const all: Record<string, unknown> = { ...userInfo, ...idClaims };
    const names = this.#settings.claims;
    const text = (name: string) => (typeof all[name] === "string" ? (all[name] as string) : null);
    const henkilotunnus = text(names.henkilotunnus);
    if (!henkilotunnus) throw new Error("the provider returned no identity number claim");
    return {
      subject: `${this.#settings.issuer}#${idClaims.sub}`,
      henkilotunnus,
      givenName: text(names.givenName),
      familyName: text(names.familyName),
      municipality: text(names.municipality),
    };
  }
}
