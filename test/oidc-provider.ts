import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import { computeHenkilotunnusCheckCharacter } from "../src/server/lib/henkilotunnus.ts";

/** A person the test identity provider knows, by the login name typed on its development login page. */
export interface TestIdentity {
  henkilotunnus: string;
  givenName: string;
  familyName: string;
  municipality: string;
}

/** Builds a valid test identity number (individual number 900–999, as DVV's test persons use). */
export function testHenkilotunnus(ddmmyy: string, centurySign: string, individual: number): string {
  const nine = `${ddmmyy}${String(individual).padStart(3, "0")}`;
  return `${ddmmyy}${centurySign}${String(individual).padStart(3, "0")}${computeHenkilotunnusCheckCharacter(nine)}`;
}

/** Identities available on the test provider's login page. */
export const TEST_IDENTITIES: Record<string, TestIdentity> = {
  "heinola-resident": {
    henkilotunnus: testHenkilotunnus("150385", "-", 901),
    givenName: "Helmi",
    familyName: "Heinolalainen",
    municipality: "111",
  },
  "lahti-resident": {
    henkilotunnus: testHenkilotunnus("020704", "A", 902),
    givenName: "Lauri",
    familyName: "Lahtelainen",
    municipality: "398",
  },
  "link-person": {
    henkilotunnus: testHenkilotunnus("080856", "-", 904),
    givenName: "Liisa",
    familyName: "Linkittäjä",
    municipality: "111",
  },
  "census-person": {
    henkilotunnus: testHenkilotunnus("311299", "-", 903),
    givenName: "Kaisa",
    familyName: "Kirjattu",
    municipality: "",
  },
};

/** A real OpenID Connect provider (oidc-provider) on a local port, with its development login pages. */
export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  env(redirectBase: string): Record<string, string>;
  close(): Promise<void>;
}

/**
 * Starts the provider on a free port, or on `options.port` when a fixed issuer URL is needed (the browser
 * tests start it before Keskiö, whose configuration names the issuer).
 */
export async function startTestOidcProvider(
  redirectUris: string[],
  options: { port?: number } = {},
): Promise<TestOidcProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = "keskio-test";
  const clientSecret = "keskio-test-client-secret-0123456789";
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    pkce: { required: () => true },
    claims: {
      openid: ["sub"],
      profile: ["given_name", "family_name", "national_identification_number", "home_municipality_code"],
    },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["keskio-test-cookie-key"] },
    async findAccount(_ctx, id) {
      const person = TEST_IDENTITIES[id];
      if (!person) return undefined;
      return {
        accountId: id,
        async claims() {
          return {
            sub: id,
            given_name: person.givenName,
            family_name: person.familyName,
            national_identification_number: person.henkilotunnus,
            ...(person.municipality ? { home_municipality_code: person.municipality } : {}),
          };
        },
      };
    },
  });
  // The provider warns loudly that development interactions are on: that is what this test double is for.
  provider.on("server_error", () => undefined);
  server.on("request", provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    env: () => ({
      KESKIO_OIDC_ISSUER: issuer,
      KESKIO_OIDC_CLIENT_ID: clientId,
      KESKIO_OIDC_CLIENT_SECRET: clientSecret,
    }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Walks the provider's development login and consent pages like a browser would (without one): follows
 * redirects, keeps the provider's cookies, and returns the final redirect back to the relying party.
 */
export async function signInAtProvider(authorizationUrl: string, login: string): Promise<URL> {
  const jar = new Map<string, string>();
  const request = async (url: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (jar.size > 0) headers.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
    const res = await fetch(url, { ...init, headers, redirect: "manual" });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const [name = "", ...value] = pair.split("=");
      jar.set(name.trim(), value.join("="));
    }
    return res;
  };
  let url = authorizationUrl;
  for (let step = 0; step < 12; step += 1) {
    const res = await request(url);
    const location = res.headers.get("location");
    if (location) {
      const next = new URL(location, url);
      if (!next.href.startsWith(new URL(authorizationUrl).origin)) return next;
      url = next.href;
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`provider page without a form at ${url}`);
    const isLogin = html.includes('name="login"');
    const body = new URLSearchParams(
      isLogin ? { prompt: "login", login, password: "any" } : { prompt: "consent" },
    );
    const posted = await request(new URL(action, url).href, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
    });
    const after = posted.headers.get("location");
    if (!after) throw new Error(`provider form did not redirect (status ${posted.status})`);
    url = new URL(after, url).href;
  }
  throw new Error("too many steps at the identity provider");
}
