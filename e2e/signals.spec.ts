import { type APIRequestContext, expect, test } from "@playwright/test";
import { WEB_ROUTES } from "../src/contracts/web-routes.ts";
import { createAccount, horizontalOverflow, keskio, signInContext } from "./identity-support.ts";
import { LOCALES, message, startInLocale, visit, waitForPage } from "./support.ts";

// The signals page on the e2e server's own data: residents report the same matter five times through the
// feedback API, and staff see it surface as a topic with the reports as examples, in every language, with axe.

// One service of the demo seed's example services, which the e2e server starts with (`serve --demo`).
const SERVICE = "puistot";
const REPORTS = [
  "Uimarannan laituri on rikki ja lankut irti",
  "Laituri uimarannalla rikki, vaarallinen lapsille",
  "Uimarannan laituri heiluu ja on rikki",
  "Rikki laituri uimarannalla",
  "Laituri rikki, korjatkaa ennen kesää",
];

async function report(request: APIRequestContext, description: string): Promise<string> {
  const session = await request.get("/api/v1/auth/session");
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const response = await request.post("/api/v1/feedback/requests", {
    data: { serviceCode: SERVICE, description, location: null, publishConsent: false },
    headers: { "x-csrf-token": csrfToken, "accept-language": "fi" },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

test("staff see a topic that residents' reports created, in fi, sv and en, and open a report from it", async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  // Six digits: numbers never become terms, and shorter than seven digits they are not taken for a phone.
  const unique = String(Date.now() % 1_000_000).padStart(6, "0");
  const ids: string[] = [];
  for (const text of REPORTS) ids.push(await report(request, `${text} (${unique})`));

  const page = await (await browser.newContext()).newPage();
  const account = await createAccount(page.request, "Signe Signaali");
  await keskio(["users", "grant-role", account.email, "staff", "--scope", "kaupunkiymparisto"]);
  await signInContext(page, account.email);

  for (const locale of LOCALES) {
    await startInLocale(page, locale);
    await visit(page, WEB_ROUTES.signals, `signals in ${locale}`);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.locator("h1")).toHaveText(message(locale, "signals.title"));
    const topic = page
      .getByRole("listitem")
      .filter({ has: page.getByRole("heading", { name: "laituri", exact: true }) });
    await expect(topic.first()).toContainText(`${message(locale, "signals.channels.service_request")} `);
    await expect(topic.first().getByText(`(${unique})`).first()).toBeVisible();
    // The weekly table is behind a disclosure; opened by keyboard it has a row per week.
    await topic.first().locator("summary").focus();
    await page.keyboard.press("Enter");
    await expect(topic.first().getByRole("table")).toBeVisible();
  }

  // An example links to the report's handling page.
  const first = page
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: "laituri", exact: true }) })
    .first()
    .getByRole("link", { name: new RegExp(message("en", "signals.openSource")) })
    .first();
  const href = await first.getAttribute("href");
  expect(ids.map((id) => `/feedback/handling/${id}`)).toContain(href);
  await first.click();
  await waitForPage(page);
  await expect(page).toHaveURL(/\/feedback\/handling\//);

  await page.setViewportSize({ width: 320, height: 720 });
  await visit(page, WEB_ROUTES.signals, "signals at 320 px");
  expect(await horizontalOverflow(page)).toBe(0);
});

test("the signals page asks a signed-out visitor to sign in, and passes axe", async ({ page }) => {
  await visit(page, WEB_ROUTES.signals, "signals signed out");
  await expect(page.locator("h1")).toHaveText(message("fi", "signals.title"));
});
