import { expect, type Page, test } from "@playwright/test";
import { expectNoAxeViolations, fetchStrategy, message, text, visit, waitForPage } from "./support.ts";

function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    return {
      tag: element?.tagName.toLowerCase() ?? "",
      id: element?.id ?? "",
      text: element?.textContent?.trim() ?? "",
      href: element?.getAttribute("href") ?? "",
      inProgrammeCard: Boolean(element?.closest(".programme-card")),
    };
  });
}

test("keyboard only: skip link, programme card, and focus on the programme's h1", async ({
  page,
  request,
}) => {
  const { programmes } = await fetchStrategy(request);
  const first = [...programmes].sort((a, b) => a.position - b.position)[0];
  if (!first) throw new Error("the strategy has no programmes");

  await visit(page, "/", "front page (keyboard)");

  // The skip link is the first stop and becomes visible when focused.
  await page.keyboard.press("Tab");
  const skipLink = page.getByRole("link", { name: message("fi", "layout.skipToContent") });
  await expect(skipLink).toBeFocused();
  await expect(skipLink).toBeInViewport();

  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();

  // From main, the next stop is the first programme card's link (nothing focusable comes before it).
  await page.keyboard.press("Tab");
  const target = await focused(page);
  expect(target.inProgrammeCard, `focused ${JSON.stringify(target)}`).toBe(true);
  expect(target.text).toBe(text(first.name, "fi"));

  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${target.href}$`));
  const heading = page.locator("h1");
  await expect(heading).toHaveText(text(first.name, "fi"));
  await expect(heading).toBeFocused();
  await expect(page).toHaveTitle(`${text(first.name, "fi")} – ${message("fi", "site.name")}`);
  await expect(page.locator('[aria-live="polite"]').filter({ hasText: text(first.name, "fi") })).toHaveCount(
    1,
  );
  await waitForPage(page);
  await expectNoAxeViolations(page, "programme page reached by keyboard");
});

test("keyboard only: the language switch works with Tab and Enter", async ({ page }) => {
  await visit(page, "/", "front page (keyboard language)");
  const svenska = page.locator("header").getByRole("button", { name: "Svenska" });
  for (let i = 0; i < 10 && !(await svenska.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(svenska).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  await expect(svenska).toHaveAttribute("aria-pressed", "true");
  await expect(svenska).toBeFocused();
  await waitForPage(page);
  await expectNoAxeViolations(page, "front page in sv (keyboard)");
});

test("focus is visible on links and buttons", async ({ page }) => {
  await visit(page, "/", "front page (focus styles)");
  await page.keyboard.press("Tab");
  const outline = await page.evaluate(() => {
    const style = getComputedStyle(document.activeElement as Element);
    return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
  });
  expect(outline.style).not.toBe("none");
  expect(outline.width).toBeGreaterThanOrEqual(2);

  const button = page.locator("header").getByRole("button", { name: "English" });
  await button.focus();
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Tab");
  await expect(button).toBeFocused();
  const buttonOutline = await button.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(buttonOutline).not.toBe("none");
});
