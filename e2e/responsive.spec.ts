import { expect, type Page, test } from "@playwright/test";
import { programmePath } from "../src/contracts/web-routes.ts";
import { fetchStrategy, LOCALES, message, startInLocale, visit } from "./support.ts";

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

// 320 CSS px is WCAG 1.4.10's reflow width; 640 px is a 1280 px window at 200 % zoom.
for (const width of [320, 640]) {
  test(`no horizontal scrolling at ${width} px on any page, in every language`, async ({ page, request }) => {
    test.setTimeout(240_000);
    const { programmes } = await fetchStrategy(request);
    const paths = ["/", ...programmes.map((p) => programmePath(p.slug)), "/accessibility", "/ei-ole"];
    await page.setViewportSize({ width, height: 720 });
    for (const locale of LOCALES) {
      const context = page.context();
      await context.clearCookies();
      await page.evaluate(() => window.localStorage.clear()).catch(() => undefined);
      if (locale !== "fi") await startInLocale(page, locale);
      for (const path of paths) {
        await visit(page, path, `${path} at ${width} px (${locale})`);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        expect(await horizontalOverflow(page), `${path} at ${width} px (${locale})`).toBeLessThanOrEqual(0);
      }
    }
  });
}

test("at 320 px the menu is a button that shows and hides the navigation", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 720 });
  await visit(page, "/", "front page at 320 px");
  const toggle = page.getByRole("button", { name: message("fi", "layout.menu") });
  const homeLink = page
    .getByRole("navigation", { name: message("fi", "layout.mainNavigation") })
    .getByRole("link", {
      name: message("fi", "nav.home"),
    });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(homeLink).toBeHidden();
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(homeLink).toBeVisible();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.keyboard.press("Enter");
  await expect(homeLink).toBeHidden();
});

test("reduced motion turns off smooth scrolling and animations", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "no-preference" });
  await visit(page, "/", "front page (motion)");
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe("smooth");
  await page.emulateMedia({ reducedMotion: "reduce" });
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe("auto");
  const arrow = page.locator(".card__arrow").first();
  expect(
    Number.parseFloat(await arrow.evaluate((el) => getComputedStyle(el).transitionDuration)),
  ).toBeLessThan(0.001);
});
