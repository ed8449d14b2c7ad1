import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { type APIRequestContext, expect, type Page } from "@playwright/test";
import type { SessionInfo } from "../src/contracts/identity.ts";
import { E2E_SERVER, e2eDatabaseUrl, MAIL_URL } from "./fixtures/e2e-env.ts";
import { type Locale, message } from "./support.ts";

/** A message the SMTP double received, as its mail endpoint gives it. */
export type Mail = { to: string[]; subject: string; text: string; language: string | undefined };

/** An address no other test uses (specs run in parallel against one database). */
export function uniqueEmail(label: string): string {
  return `${label}-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}@esimerkki.fi`;
}

/** A password that meets the rules. */
export const PASSWORD = "kirjasto-kahvila-2030";

/** All mail to an address so far, oldest first. */
async function mailTo(address: string): Promise<Mail[]> {
  const response = await fetch(`${MAIL_URL}/mail?to=${encodeURIComponent(address)}`);
  if (!response.ok) throw new Error(`mail endpoint answered ${response.status}`);
  return ((await response.json()) as { messages: Mail[] }).messages;
}

/** Waits for the `count`-th message to an address (1 = the first) and returns it. */
export async function waitForMail(address: string, count = 1): Promise<Mail> {
  await expect
    .poll(async () => (await mailTo(address)).length, {
      message: `mail number ${count} to ${address}`,
      timeout: 15_000,
    })
    .toBeGreaterThanOrEqual(count);
  const message = (await mailTo(address))[count - 1];
  if (!message) throw new Error(`no mail number ${count} to ${address}`);
  return message;
}

/** The one-time link in a message, as a path on the e2e server (checking it points at the public URL). */
export function linkIn(mail: Mail, path: string): string {
  const match = /https?:\/\/\S+/.exec(mail.text);
  if (!match) throw new Error(`no link in the mail "${mail.subject}"`);
  const url = new URL(match[0]);
  expect(url.origin, "the link points at KESKIO_PUBLIC_URL").toBe(E2E_SERVER.url);
  expect(url.pathname).toBe(path);
  expect(url.searchParams.get("token")).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  return `${url.pathname}${url.search}`;
}

/** A write through the API as the browser makes it: with the CSRF token of a fresh session answer. */
async function apiPost(request: APIRequestContext, path: string, data: unknown) {
  const session = await request.get("/api/v1/auth/session");
  expect(session.status()).toBe(200);
  const { csrfToken } = (await session.json()) as SessionInfo;
  return request.post(path, { data, headers: { "x-csrf-token": csrfToken, "accept-language": "fi" } });
}

/** Registers and confirms an account through the API (for tests about what comes after registration). */
export async function createAccount(
  request: APIRequestContext,
  displayName: string,
  email = uniqueEmail(displayName.toLowerCase().replace(/[^a-z]+/g, "-")),
): Promise<{ email: string; displayName: string }> {
  const registered = await apiPost(request, "/api/v1/auth/register", {
    email,
    password: PASSWORD,
    displayName,
  });
  expect(registered.status(), "register").toBe(202);
  const token = new URL(linkIn(await waitForMail(email), "/verify-email"), E2E_SERVER.url).searchParams.get(
    "token",
  );
  const verified = await apiPost(request, "/api/v1/auth/verify-email", { token });
  expect(verified.status(), "verify e-mail").toBe(200);
  return { email, displayName };
}

/**
 * Signs the page's browser context in through the API (its request context shares the cookies), for tests
 * about the pages behind sign-in; the sign-in page itself is tested in the password flow.
 */
export async function signInContext(page: Page, email: string, password = PASSWORD): Promise<void> {
  const response = await apiPost(page.request, "/api/v1/auth/sign-in", { email, password });
  expect(response.status(), "sign in").toBe(200);
}

/** Runs the `keskio` command line against the e2e server's database (as an operator would). */
export async function keskio(args: string[]): Promise<string> {
  const child = spawn(process.execPath, ["bin/keskio.mjs", ...args], {
    env: {
      ...process.env,
      NODE_ENV: "test",
      KESKIO_DATABASE_URL: e2eDatabaseUrl(),
      KESKIO_SECRET: E2E_SERVER.secret,
      KESKIO_PUBLIC_URL: E2E_SERVER.url,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => {
    output += String(chunk);
  });
  child.stderr.on("data", (chunk) => {
    output += String(chunk);
  });
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  if (code !== 0) throw new Error(`keskio ${args.join(" ")} failed (${code}): ${output}`);
  return output;
}

/** Horizontal scrolling of the whole page, in CSS pixels (0 when the page reflows). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** An interface string as a pattern, any value standing in for each {{placeholder}} (dates, names). */
export function messagePattern(locale: Locale, key: string): RegExp {
  const marker = "\u0000";
  const template = message(locale, key, new Proxy({}, { get: () => marker }) as Record<string, string>);
  const escaped = template.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(escaped.split(marker).join(".+"));
}
