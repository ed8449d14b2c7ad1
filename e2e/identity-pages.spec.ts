import { expect, test } from "@playwright/test";
import { WEB_ROUTES } from "../src/contracts/web-routes.ts";
import type { PrivacyNotice } from "../src/web/api/identity/identity.api.ts";
import { createAccount, horizontalOverflow, PASSWORD, signInContext } from "./identity-support.ts";
import { expectNoAxeViolations, message, startInLocale, text, visit, waitForPage } from "./support.ts";

for (const locale of ["fi", "sv"] as const) {
  test(`the privacy notices page shows every register and every section (${locale})`, async ({
    page,
    request,
  }) => {
    const response = await request.get("/api/v1/privacy");
    expect(response.status()).toBe(200);
    const notices = (await response.json()) as PrivacyNotice[];
    expect(notices.length).toBeGreaterThan(0);
    if (locale !== "fi") await startInLocale(page, locale);
    await visit(page, WEB_ROUTES.privacy, `privacy notices (${locale})`);
    const main = page.getByRole("main");
    await expect(page.locator("h1")).toHaveText(message(locale, "privacy.title"));
    await expect(page).toHaveTitle(`${message(locale, "privacy.title")} – ${message(locale, "site.name")}`);
    for (const notice of notices) {
      const region = main.getByRole("region", { name: text(notice.name, locale), exact: true });
      await expect(region.getByRole("heading", { level: 2 })).toHaveText(text(notice.name, locale));
      await expect(region.getByRole("heading", { level: 3 })).toHaveText(
        notice.sections.map((section) => text(section.heading, locale)),
      );
      for (const section of notice.sections) await expect(region).toContainText(text(section.body, locale));
    }
    // The footer links to the page from everywhere.
    await expect(
      page.getByRole("contentinfo").getByRole("link", { name: message(locale, "nav.privacy") }),
    ).toHaveAttribute("href", WEB_ROUTES.privacy);
  });
}

// (axe-all-pages.spec.ts checks the signed-out profile in every language.)
for (const locale of ["fi"] as const) {
  test(`signed out, the profile and the admin pages show a sign-in prompt (${locale})`, async ({ page }) => {
    const main = page.getByRole("main");
    for (const [path, title] of [
      [WEB_ROUTES.profile, "profile.title"],
      [WEB_ROUTES.adminPeople, "adminPeople.title"],
      [WEB_ROUTES.adminAudit, "audit.title"],
    ] as const) {
      await visit(page, path, `${path} signed out (${locale})`);
      await expect(page.locator("h1")).toHaveText(message(locale, title));
      await expect(main).toContainText(message(locale, "gate.signInNeeded"));
      const signIn = main.getByRole("link", { name: message(locale, "gate.signInLink") });
      await expect(signIn).toHaveAttribute(
        "href",
        path === WEB_ROUTES.profile
          ? WEB_ROUTES.signIn
          : `${WEB_ROUTES.signIn}?returnTo=${encodeURIComponent(path)}`,
      );
    }
    // The header's sign-in link; the prompt's link leads to the sign-in page and back afterwards.
    await expect(
      page.getByRole("banner").getByRole("link", { name: message(locale, "account.signIn") }),
    ).toBeVisible();
    await main.getByRole("link", { name: message(locale, "gate.signInLink") }).click();
    await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fadmin%2Faudit$/);
    await expect(page.locator("h1")).toHaveText(message(locale, "signIn.title"));
    await expect(page.locator("h1")).toBeFocused();
  });
}

test("a person changes name and language, downloads their data, signs out everywhere and deletes the account", async ({
  browser,
  page,
  request,
}) => {
  const account = await createAccount(request, "Pekka Poistuja");
  await signInContext(page, account.email);
  const main = page.getByRole("main");
  await visit(page, WEB_ROUTES.profile, "profile (details)");

  // Name and language: the header follows, and the service switches to the chosen language.
  await page.getByLabel(message("fi", "forms.displayName"), { exact: true }).fill("Pekka P.");
  await page.getByLabel(message("fi", "profile.languageLabel")).selectOption("en");
  await main.getByRole("button", { name: message("fi", "profile.save") }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(main).toContainText(message("en", "profile.saved"));
  await expect(
    page
      .getByRole("banner")
      .getByRole("link", { name: `${message("en", "account.profilePrefix")} Pekka P.` }),
  ).toBeVisible();
  await expectNoAxeViolations(page, "profile saved (en)");

  // "Download my data": a link to the JSON export, which holds the account.
  const download = main.getByRole("link", { name: message("en", "profile.dataDownload") });
  await expect(download).toHaveAttribute("href", "/api/v1/me/data");
  const data = await page.request.get("/api/v1/me/data");
  expect(data.status()).toBe(200);
  expect(data.headers()["content-disposition"]).toContain("attachment");
  const exported = (await data.json()) as { identity: { account: { email: string; displayName: string } } };
  expect(exported.identity.account).toMatchObject({ email: account.email, displayName: "Pekka P." });

  // "Sign out on all devices" ends the session of another browser too.
  const elsewhere = await browser.newContext();
  const otherPage = await elsewhere.newPage();
  await signInContext(otherPage, account.email);
  const otherSession = async () =>
    ((await (await otherPage.request.get("/api/v1/auth/session")).json()) as { person: unknown }).person;
  expect(await otherSession()).not.toBeNull();
  await main.getByRole("button", { name: message("en", "profile.signOutEverywhere") }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(main).toContainText(message("en", "signIn.notices.signedOutEverywhere"));
  await waitForPage(page);
  await expectNoAxeViolations(page, "signed out everywhere (en)");
  expect(await otherSession()).toBeNull();
  await elsewhere.close();
  await signInContext(page, account.email);
  await page.goto(WEB_ROUTES.profile);
  await waitForPage(page);

  // Deletion says what is erased and what stays, and needs the typed word.
  const section = main.getByRole("region", { name: message("en", "profile.deleteHeading") });
  await expect(section).toContainText(message("en", "profile.deleteErasedAccount"));
  await expect(section).toContainText(message("en", "profile.deleteKeptContributions"));
  const confirm = section.getByLabel(message("en", "profile.deleteConfirmLabel", { word: "DELETE" }));
  await confirm.fill("delete please");
  await section.getByRole("button", { name: message("en", "profile.deleteSubmit") }).click();
  await expect(section.getByRole("alert")).toContainText(
    message("en", "forms.errors.confirmDelete", { word: "DELETE" }),
  );
  await expect(confirm).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page, "delete confirmation error (en)");
  await confirm.fill("DELETE");
  await section.getByRole("button", { name: message("en", "profile.deleteSubmit") }).click();
  await expect(page.locator("h1")).toHaveText(message("en", "profile.deletedTitle"));
  await expect(main.getByRole("region", { name: message("en", "profile.deletedHeading") })).toBeFocused();
  await expect(
    page.getByRole("banner").getByRole("link", { name: message("en", "account.signIn") }),
  ).toBeVisible();
  await waitForPage(page);
  await expectNoAxeViolations(page, "account deleted (en)");

  // The account is gone: its password no longer signs in.
  const session = await request.get("/api/v1/auth/session");
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const again = await request.post("/api/v1/auth/sign-in", {
    data: { email: account.email, password: PASSWORD },
    headers: { "x-csrf-token": csrfToken },
  });
  expect(again.status()).toBe(401);
});

// The forms at WCAG 1.4.10's reflow width (responsive.spec.ts covers the other pages; identity-admin the
// administration pages).
test("the sign-in and registration forms reflow at 320 px (fi, sv)", async ({ browser }) => {
  for (const locale of ["fi", "sv"] as const) {
    const context = await browser.newContext({ viewport: { width: 320, height: 720 } });
    const page = await context.newPage();
    if (locale !== "fi") await startInLocale(page, locale);
    for (const path of [
      WEB_ROUTES.signIn,
      WEB_ROUTES.register,
      WEB_ROUTES.forgotPassword,
      WEB_ROUTES.privacy,
    ]) {
      await visit(page, path, `${path} at 320 px (${locale})`);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      expect(await horizontalOverflow(page), `${path} at 320 px (${locale})`).toBeLessThanOrEqual(0);
    }
    await context.close();
  }
});
