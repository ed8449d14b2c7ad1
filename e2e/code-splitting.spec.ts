import { expect, type Page, type Route, test } from "@playwright/test";
import { WEB_ROUTES } from "../src/contracts/web-routes.ts";
import { createAccount, keskio, signInContext } from "./identity-support.ts";
import {
  expectNoAxeViolations,
  LOCALES,
  languageSwitch,
  message,
  startInLocale,
  visit,
  waitForPage,
} from "./support.ts";

// Each module's pages are fetched when first shown (src/web/app/app.tsx): the front page must not carry a
// staff desk's code, a slow page shows a polite loading status only after a moment, and a page whose code
// cannot be fetched says so in the resident's language with a way to reload, instead of a blank page.

// Vite names a page's chunk after its file; the first test also proves the name by seeing the chunk arrive.
const BUILDER_CHUNK = /\/assets\/builder-page-[\w-]+\.js$/;
const PRIVACY_CHUNK = "**/assets/privacy-page-*.js";

/** The paths of the JavaScript files the page has requested so far. */
function recordScripts(page: Page): string[] {
  const scripts: string[] = [];
  page.on("request", (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.endsWith(".js")) scripts.push(pathname);
  });
  return scripts;
}

/** Whether the page-code loading status has ever been shown since `watchStatus` was called. */
async function watchStatus(page: Page): Promise<() => Promise<boolean>> {
  await page.evaluate(
    (loading) => {
      const flag = window as unknown as { statusShown: boolean };
      flag.statusShown = false;
      const observer = new MutationObserver(() => {
        const statuses = document.querySelectorAll("main [role='status']");
        if ([...statuses].some((status) => status.textContent?.includes(loading))) flag.statusShown = true;
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    },
    message("fi", "pageLoad.loading"),
  );
  return () => page.evaluate(() => (window as unknown as { statusShown: boolean }).statusShown);
}

test("the front page carries no staff desk's code; the survey builder's arrives when staff go there, and works", async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  const staff = await createAccount(request, "Pilkkoja");
  expect(await keskio(["users", "grant-role", staff.email, "staff", "--scope", "kaupunkikehitys"])).toContain(
    "granted staff",
  );
  await signInContext(page, staff.email);
  const scripts = recordScripts(page);

  await visit(page, "/", "front page of a staff member");
  const frontPageScripts = [...scripts];
  expect(frontPageScripts.length, "the front page loads its code").toBeGreaterThan(0);
  expect(frontPageScripts.filter((path) => BUILDER_CHUNK.test(path))).toEqual([]);
  expect(
    frontPageScripts.filter((path) => /-page-[\w-]+\.js$/.test(path)),
    "no module page's chunk",
  ).toEqual([]);

  // Through the links, as a person would: each step is a client-side navigation to a page loaded on demand.
  await page
    .getByRole("region", { name: message("fi", "home.modulesHeading") })
    .getByRole("link", { name: message("fi", "modules.names.survey") })
    .click();
  await waitForPage(page);
  await page.getByRole("link", { name: message("fi", "survey.builder.staffLink") }).click();
  await waitForPage(page);
  expect(
    scripts.filter((path) => BUILDER_CHUNK.test(path)),
    "not before the builder is opened",
  ).toEqual([]);
  await page.getByRole("link", { name: message("fi", "survey.builder.newFromTemplate") }).click();

  // Focus lands on the new page's heading, as it did before pages were loaded on demand.
  const heading = page.locator("h1");
  await expect(heading).toHaveText(message("fi", "survey.builder.newTitle"));
  await expect(heading).toBeFocused();
  expect(scripts.filter((path) => BUILDER_CHUNK.test(path))).toHaveLength(1);
  await expect(page.getByLabel(message("fi", "survey.builder.key"))).toHaveValue("heinola-asukaskysely");
  await waitForPage(page);
  await expectNoAxeViolations(page, "survey builder reached through the links");
});

test("a module's strings come with its pages, in the language in use, and follow a change of language", async ({
  page,
}) => {
  const scripts = recordScripts(page);
  await visit(page, "/", "front page");
  expect(
    scripts.filter((path) => /\/assets\/survey\.(fi|sv|en)-/.test(path)),
    "none on the front page",
  ).toEqual([]);

  await visit(page, WEB_ROUTES.survey, "survey home");
  await expect(page.locator("h1")).toHaveText(message("fi", "survey.home.title"));
  expect(scripts.filter((path) => /\/assets\/survey\.(fi|sv|en)-/.test(path))).toEqual([
    expect.stringMatching(/survey\.fi-/),
  ]);

  await languageSwitch(page).getByRole("button", { name: "Svenska" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  await expect(page.locator("h1")).toHaveText(message("sv", "survey.home.title"));
  await expect(page.getByRole("main")).toContainText(message("sv", "survey.home.lead"));
  await waitForPage(page);
  await expectNoAxeViolations(page, "survey home after switching to sv");
});

test("a page whose code is quick to come shows no loading status at all", async ({ page }) => {
  // "Quick" must not depend on how busy the test machine is: another tab of the same browser fetches the
  // privacy page first, so this page still loads its code on demand, but from the browser's cache.
  const warm = await page.context().newPage();
  await warm.goto(WEB_ROUTES.privacy);
  await waitForPage(warm);
  await warm.close();
  await visit(page, "/", "front page");
  const statusWasShown = await watchStatus(page);
  await page
    .getByRole("contentinfo")
    .getByRole("link", { name: message("fi", "nav.privacy") })
    .click();
  await expect(page.locator("h1")).toHaveText(message("fi", "privacy.title"));
  await expect(page.locator("h1")).toBeFocused();
  expect(await statusWasShown()).toBe(false);
});

test("slow page code: the previous page stays, a polite status says the page is loading, focus is not taken", async ({
  page,
}) => {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(PRIVACY_CHUNK, async (route: Route) => {
    await held;
    await route.continue();
  });
  await visit(page, "/", "front page");
  const frontHeading = await page.locator("h1").textContent();
  const link = page.getByRole("contentinfo").getByRole("link", { name: message("fi", "nav.privacy") });
  await link.focus();
  await page.keyboard.press("Enter");

  const status = page
    .getByRole("main")
    .getByRole("status")
    .filter({ hasText: message("fi", "pageLoad.loading") });
  await expect(status).toBeVisible();
  await expect(page.locator("h1")).toHaveText(frontHeading ?? "");
  await expect(link).toBeFocused();
  await expectNoAxeViolations(page, "front page while the next page's code loads");

  release();
  await expect(page.locator("h1")).toHaveText(message("fi", "privacy.title"));
  await expect(page.locator("h1")).toBeFocused();
  await expect(status).toHaveCount(0);
});

for (const locale of LOCALES) {
  test(`page code that cannot be fetched: a message in ${locale} with a reload button, never a blank page`, async ({
    page,
  }) => {
    if (locale !== "fi") await startInLocale(page, locale);
    // A deploy that removed the old files answers 404 (Finnish, on a link); a dropped connection aborts
    // (Swedish and English, on opening the page's address directly).
    const failing =
      locale === "fi" ? (route: Route) => route.fulfill({ status: 404 }) : (route: Route) => route.abort();
    await page.route(PRIVACY_CHUNK, failing);
    if (locale === "fi") {
      await visit(page, "/", "front page");
      await page
        .getByRole("contentinfo")
        .getByRole("link", { name: message(locale, "nav.privacy") })
        .click();
    } else {
      await page.goto(WEB_ROUTES.privacy);
    }

    const heading = page.locator("h1");
    await expect(heading).toHaveText(message(locale, "pageLoad.failedTitle"));
    if (locale === "fi") await expect(heading).toBeFocused();
    await expect(page.getByRole("main").getByRole("alert")).toContainText(
      message(locale, "pageLoad.failedBody"),
    );
    await expect(page.getByRole("banner")).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expectNoAxeViolations(page, `page that failed to load (${locale})`);

    // The files are back (or the new build's are there): the button reloads into the working page.
    await page.unroute(PRIVACY_CHUNK, failing);
    await page.getByRole("button", { name: message(locale, "pageLoad.reload") }).click();
    await expect(heading).toHaveText(message(locale, "privacy.title"));
    await waitForPage(page);
    await expect(page).toHaveURL(new RegExp(`${WEB_ROUTES.privacy}$`));
  });
}

test("the browser gets the app's code compressed, as the build wrote it", async ({ page }) => {
  const scripts: Promise<{ path: string; encoding: string | undefined; size: number }>[] = [];
  page.on("response", (response) => {
    const { pathname } = new URL(response.url());
    if (!pathname.endsWith(".js")) return;
    scripts.push(
      (async () => ({
        path: pathname,
        encoding: (await response.allHeaders())["content-encoding"],
        size: (await response.body()).length, // as decoded by the browser
      }))(),
    );
  });
  await visit(page, WEB_ROUTES.home);
  // Chromium accepts Brotli, and the build writes a .br copy of every file of 1 kB or more.
  const received = await Promise.all(scripts);
  expect(received.filter((s) => s.size >= 1024).length).toBeGreaterThan(0);
  for (const script of received)
    expect(script.encoding, script.path).toBe(script.size >= 1024 ? "br" : undefined);
});
