import { expect, test } from "@playwright/test";
import {
  expectNoAxeViolations,
  fetchStrategy,
  languageSwitch,
  message,
  text,
  visit,
  waitForPage,
} from "./support.ts";

test("the language switch names each language in itself, marked with its lang", async ({ page }) => {
  await visit(page, "/", "front page (fi)");
  const group = languageSwitch(page);
  await expect(group).toHaveAccessibleName(message("fi", "language.switchLabel"));
  for (const [locale, name] of [
    ["fi", "Suomi"],
    ["sv", "Svenska"],
    ["en", "English"],
  ] as const) {
    const button = group.getByRole("button", { name, exact: true });
    await expect(button).toHaveAttribute("lang", locale);
    await expect(button).toHaveAttribute("aria-pressed", locale === "fi" ? "true" : "false");
  }
});

test("switching the language changes the texts and is remembered after a reload", async ({
  page,
  request,
}) => {
  const { plan } = await fetchStrategy(request);
  await visit(page, "/", "front page (fi)");
  await expect(page.locator("h1")).toHaveText(text(plan.title, "fi"));

  await languageSwitch(page).getByRole("button", { name: "Svenska" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  await expect(page.locator("h1")).toHaveText(text(plan.title, "sv"));
  await expect(page.getByRole("link", { name: message("sv", "layout.skipToContent") })).toHaveCount(1);
  await expect(page.getByRole("navigation", { name: message("sv", "layout.mainNavigation") })).toBeVisible();
  await expect(page).toHaveTitle(message("sv", "home.documentTitle"));
  await expect(languageSwitch(page).getByRole("button", { name: "Svenska" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await waitForPage(page);
  await expectNoAxeViolations(page, "front page after switching to sv");

  await page.reload();
  await waitForPage(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  await expect(page.locator("h1")).toHaveText(text(plan.title, "sv"));
  expect(await page.evaluate(() => window.localStorage.getItem("keskio.locale"))).toBe("sv");
  await expectNoAxeViolations(page, "front page reloaded in sv");

  await page.getByRole("contentinfo").getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("h1")).toHaveText(text(plan.title, "en"));
  await page.goto("/accessibility");
  await waitForPage(page);
  await expect(page.locator("h1")).toHaveText(message("en", "accessibility.title"));
  await expectNoAxeViolations(page, "accessibility statement in en after switching");

  await languageSwitch(page).getByRole("button", { name: "Suomi" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "fi");
  await expect(page.locator("h1")).toHaveText(message("fi", "accessibility.title"));
});
