import { expect, test } from "@playwright/test";
import { LOCALES, message, startInLocale, visit } from "./support.ts";

for (const locale of LOCALES) {
  test(`an unknown path answers 404 and shows the not-found page (${locale})`, async ({ page }) => {
    if (locale !== "fi") await startInLocale(page, locale);
    const response = await visit(page, "/tata-sivua-ei-ole", `not found (${locale})`);
    expect(response?.status()).toBe(404);
    await expect(page.locator("h1")).toHaveText(message(locale, "notFound.title"));
    await expect(page).toHaveTitle(`${message(locale, "notFound.title")} – ${message(locale, "site.name")}`);
    await expect(page.getByRole("main")).toContainText(message(locale, "notFound.body"));

    await page
      .getByRole("main")
      .getByRole("link", { name: message(locale, "notFound.homeLink") })
      .click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.locator("h1")).toBeFocused();
  });
}
