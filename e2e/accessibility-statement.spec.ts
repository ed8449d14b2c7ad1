import { expect, test } from "@playwright/test";
import { LOCALES, message, startInLocale, visit } from "./support.ts";

const SECTIONS = [
  "accessibility.statusHeading",
  "accessibility.nonAccessibleHeading",
  "accessibility.assessmentHeading",
  "accessibility.feedbackHeading",
  "accessibility.enforcementHeading",
];

for (const locale of LOCALES) {
  test(`accessibility statement in ${locale} has what law 306/2019 asks for`, async ({ page }) => {
    if (locale !== "fi") await startInLocale(page, locale);
    await visit(page, "/accessibility", `accessibility statement (${locale})`);
    const main = page.getByRole("main");

    await expect(page.locator("h1")).toHaveText(message(locale, "accessibility.title"));
    const title = message(locale, "accessibility.title").replaceAll("\u00ad", "");
    await expect(page).toHaveTitle(`${title} – ${message(locale, "site.name")}`);
    for (const key of SECTIONS) {
      await expect(main.getByRole("heading", { level: 2, name: message(locale, key) })).toBeVisible();
    }
    // Conformance status and standard, what is not accessible, how and when it was assessed.
    await expect(main).toContainText(message(locale, "accessibility.statusBody"));
    await expect(main).toContainText("WCAG");
    await expect(main).toContainText("306/2019");
    await expect(main).toContainText(message(locale, "accessibility.nonAccessibleAudit"));
    await expect(main).toContainText(message(locale, "accessibility.assessmentAutomated"));
    await expect(main.locator('time[datetime="2026-11-28"]').first()).toBeVisible();
    // Feedback channel, clearly marked as still to be filled in by the city, and the 14-day reply.
    await expect(main).toContainText(message(locale, "accessibility.feedbackContactPending"));
    await expect(main).toContainText("14");
    // The supervisory authority and its web pages.
    await expect(main).toContainText(message(locale, "accessibility.enforcementAuthority"));
    await expect(
      main.getByRole("link", { name: message(locale, "accessibility.enforcementSiteName") }),
    ).toHaveAttribute("href", message(locale, "accessibility.enforcementSiteUrl"));
  });
}
