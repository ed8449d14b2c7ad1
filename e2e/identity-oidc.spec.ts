import { expect, type Page, test } from "@playwright/test";
import { WEB_ROUTES } from "../src/contracts/web-routes.ts";
import { E2E_SERVER, IDENTITY_DOUBLES } from "./fixtures/e2e-env.ts";
import { createAccount, messagePattern, signInContext } from "./identity-support.ts";
import { expectNoAxeViolations, type Locale, message, startInLocale, visit, waitForPage } from "./support.ts";

// The identity provider's pages are the test double's (oidc-provider's development login and consent
// pages), not Keskiö's: axe checks every Keskiö page before and after them.
const PROVIDER = `http://127.0.0.1:${IDENTITY_DOUBLES.oidcPort}`;

/** Presses Tab until the element has the focus (at most `limit` times). */
async function tabTo(page: Page, target: ReturnType<Page["locator"]>, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

/** Signs in on the provider's development login page and consents, with the keyboard. */
async function identifyAtProvider(page: Page, login: string): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`^${PROVIDER}/interaction/`));
  const loginField = page.locator('input[name="login"]');
  await tabTo(page, loginField, 5);
  await page.keyboard.type(login);
  await page.keyboard.press("Tab");
  await page.keyboard.type("mikä-tahansa");
  await page.keyboard.press("Enter");
  // The consent page: its one button continues back to Keskiö.
  const consent = page.locator('button[type="submit"]');
  await expect(consent).toHaveText(/continue/i);
  await tabTo(page, consent, 10);
  await page.keyboard.press("Enter");
}

for (const [locale, login, resident] of [
  ["fi", "heinola-resident", true],
  ["sv", "lahti-resident", false],
] as const) {
  test(`strong identification signs a ${resident ? "Heinola" : "Lahti"} resident in (${locale}, keyboard)`, async ({
    page,
  }) => {
    if (locale !== "fi") await startInLocale(page, locale as Locale);
    const main = page.getByRole("main");
    await visit(page, WEB_ROUTES.signIn, `sign-in (${locale})`);
    const strong = main.getByRole("region", { name: message(locale, "signIn.strongHeading") });
    await expect(strong).toContainText(message(locale, "signIn.strongWhy"));
    const start = strong.getByRole("link", { name: message(locale, "signIn.strongLink") });
    await expect(start).toHaveAttribute("href", "/api/v1/auth/oidc/start?returnTo=%2Fprofile");

    await tabTo(page, start);
    await page.keyboard.press("Enter");
    await identifyAtProvider(page, login);

    await expect(page).toHaveURL(`${E2E_SERVER.url}/profile`);
    await waitForPage(page);
    await expect(page.locator("h1")).toHaveText(message(locale, "profile.title"));
    const name = resident ? "Helmi Heinolalainen" : "Lauri Lahtelainen";
    await expect(main).toContainText(message(locale, "profile.greeting", { name }));
    await expect(main).toContainText(message(locale, "profile.identifiedYes"));
    if (resident) {
      await expect(main).toContainText(messagePattern(locale, "profile.residentBy.oidc"));
      await expect(main).not.toContainText(message(locale, "profile.residentNo"));
    } else {
      await expect(main).toContainText(message(locale, "profile.residentNo"));
      await expect(main).toContainText(message(locale, "profile.residentHelp"));
    }
    // Identified people are not offered to identify again; the identity number is never shown.
    await expect(main.getByRole("link", { name: message(locale, "profile.linkAction") })).toHaveCount(0);
    await expect(page.locator("body")).not.toContainText(/\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]/);
    await expect(
      page
        .getByRole("banner")
        .getByRole("link", { name: `${message(locale, "account.profilePrefix")} ${name}` }),
    ).toBeVisible();
    await expectNoAxeViolations(page, `profile after strong identification (${locale})`);
  });
}

test("a signed-in person links strong identification to their account", async ({ page, request }) => {
  const account = await createAccount(request, "Liisa Linkittäjä");
  await signInContext(page, account.email);
  const main = page.getByRole("main");
  await visit(page, WEB_ROUTES.profile, "profile before linking");
  await expect(main).toContainText(message("fi", "profile.identifiedNo"));
  await main.getByRole("link", { name: message("fi", "profile.linkAction") }).click();
  await identifyAtProvider(page, "link-person");

  await expect(page).toHaveURL(/\/profile$/);
  await waitForPage(page);
  // The same account (its name and e-mail), now identified and a verified resident.
  await expect(main).toContainText(message("fi", "profile.greeting", { name: account.displayName }));
  await expect(main).toContainText(account.email);
  await expect(main).toContainText(message("fi", "profile.identifiedYes"));
  await expect(main).not.toContainText(message("fi", "profile.residentNo"));
  await expect(main).toContainText(
    `${message("fi", "profile.methodPassword")}, ${message("fi", "profile.methodStrong")}`,
  );
  await expectNoAxeViolations(page, "profile after linking");
});

// Each reason's words are typed i18n keys (checked by tsc and the catalogue test); these visits check that
// the page picks them from ?error= and shows them as an alert, unknown reasons included.
test("the sign-in page explains in words why identification failed", async ({ page }) => {
  for (const [locale, reason, key] of [
    ["fi", "identification_expired", "identification_expired"],
    ["fi", "<script>", "unknown"],
    ["en", "identity_taken", "identity_taken"],
  ] as const) {
    if (locale === "en") await startInLocale(page, locale);
    await visit(
      page,
      `${WEB_ROUTES.signIn}?error=${encodeURIComponent(reason)}`,
      `sign-in, ${reason} (${locale})`,
    );
    const alert = page.getByRole("main").getByRole("alert");
    await expect(alert).toContainText(message(locale, `signIn.identificationErrors.${key}.title`));
    await expect(alert).toContainText(message(locale, `signIn.identificationErrors.${key}.detail`));
  }
});
