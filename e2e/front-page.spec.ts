import { expect, test } from "@playwright/test";
import { MODULE_NAMES } from "../src/contracts/meta.ts";
import { programmePath } from "../src/contracts/web-routes.ts";
import { fetchMeta, fetchStrategy, LOCALES, message, startInLocale, text, visit } from "./support.ts";

for (const locale of LOCALES) {
  test(`front page in ${locale}: title, vision, mission, values, four programmes and lang`, async ({
    page,
    request,
  }) => {
    const { plan, programmes } = await fetchStrategy(request, locale);
    const apiLanguages = new Set<string>();
    page.on("request", (req) => {
      if (new URL(req.url()).pathname.startsWith("/api/"))
        apiLanguages.add(req.headers()["accept-language"] ?? "");
    });
    if (locale !== "fi") await startInLocale(page, locale);

    await visit(page, "/", `front page (${locale})`);

    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expect(page.locator("h1")).toHaveText(text(plan.title, locale));
    await expect(page).toHaveTitle(message(locale, "home.documentTitle"));
    const main = page.getByRole("main");
    await expect(
      main.getByRole("heading", { level: 2, name: message(locale, "home.visionHeading") }),
    ).toBeVisible();
    await expect(main.getByText(text(plan.vision, locale), { exact: true })).toBeVisible();
    await expect(main.getByText(text(plan.mission, locale), { exact: true })).toBeVisible();
    for (const value of plan.values) {
      await expect(
        main
          .getByRole("listitem")
          .filter({ hasText: text(value, locale) })
          .first(),
      ).toBeVisible();
    }

    expect(programmes).toHaveLength(4);
    const cards = main.locator(".programme-card");
    await expect(cards).toHaveCount(programmes.length);
    const ordered = [...programmes].sort((a, b) => a.position - b.position);
    for (const [index, programme] of ordered.entries()) {
      const link = cards.nth(index).getByRole("link", { name: text(programme.name, locale) });
      await expect(link).toHaveAttribute("href", programmePath(programme.slug));
      await expect(cards.nth(index)).toContainText(text(programme.summary, locale));
    }

    // Every API call asked for the chosen language.
    expect([...apiLanguages]).toEqual([locale]);
  });
}

test("front page lists Keskiö's modules and never links one that is not in service", async ({
  page,
  request,
}) => {
  const meta = await fetchMeta(request);
  await visit(page, "/", "front page modules");
  const section = page.getByRole("region", { name: message("fi", "home.modulesHeading") });
  const items = section.getByRole("listitem");
  await expect(items).toHaveCount(MODULE_NAMES.length);
  for (const module of meta.modules) {
    const name = message("fi", `modules.names.${module.name}`);
    const item = items.filter({ has: page.getByRole("heading", { level: 3, name, exact: true }) });
    await expect(item).toHaveCount(1);
    await expect(item).toContainText(message("fi", `modules.descriptions.${module.name}`));
    if (module.available) {
      await expect(item).toContainText(message("fi", "modules.available"));
      if (module.path) await expect(item.getByRole("link")).toHaveAttribute("href", module.path);
    } else {
      await expect(item).toContainText(message("fi", "modules.comingLater"));
      await expect(item.getByRole("link")).toHaveCount(0);
    }
  }
});

test("front page has the landmarks, one h1, a skip link and the footer's statement link", async ({
  page,
}) => {
  await visit(page, "/", "front page landmarks");
  await expect(page.getByRole("banner")).toHaveCount(1);
  await expect(page.getByRole("main")).toHaveCount(1);
  await expect(page.getByRole("contentinfo")).toHaveCount(1);
  await expect(page.getByRole("navigation", { name: message("fi", "layout.mainNavigation") })).toHaveCount(1);
  await expect(page.locator("h1")).toHaveCount(1);
  await expect(page.getByRole("link", { name: message("fi", "layout.skipToContent") })).toHaveAttribute(
    "href",
    "#main-content",
  );
  const footer = page.getByRole("contentinfo");
  await expect(footer).toContainText(message("fi", "footer.licence"));
  await footer.getByRole("link", { name: message("fi", "nav.accessibility") }).click();
  await expect(page).toHaveURL(/\/accessibility$/);
  await expect(page.locator("h1")).toHaveText(message("fi", "accessibility.title"));
});

test("content missing in the chosen language falls back to Finnish and is marked lang=fi", async ({
  page,
  request,
}) => {
  const overview = await fetchStrategy(request, "en");
  const first = [...overview.programmes].sort((a, b) => a.position - b.position)[0];
  if (!first) throw new Error("the strategy has no programmes");
  // The city has not translated the vision or the first programme's name into English yet.
  const { en: _vision, ...vision } = overview.plan.vision;
  const { en: _name, ...name } = first.name;
  await page.route("**/api/v1/strategy", (route) =>
    route.fulfill({
      json: {
        plan: { ...overview.plan, vision },
        programmes: overview.programmes.map((p) => (p.id === first.id ? { ...p, name } : p)),
      },
    }),
  );
  await startInLocale(page, "en");
  await visit(page, "/", "front page in en with Finnish fallbacks");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByText(vision.fi, { exact: true })).toHaveAttribute("lang", "fi");
  await expect(page.locator(".programme-card").getByRole("link", { name: name.fi })).toHaveAttribute(
    "lang",
    "fi",
  );
  await expect(page.locator("h1")).not.toHaveAttribute("lang", /./);
});
