import { expect, test } from "@playwright/test";
import {
  expectNoAxeViolations,
  fetchStrategy,
  message,
  startInLocale,
  text,
  waitForPage,
} from "./support.ts";

test("loading is announced politely, then the content replaces it", async ({ page, request }) => {
  const { plan } = await fetchStrategy(request);
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route("**/api/v1/strategy", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("/");
  const status = page.locator("main [role='status']").filter({ hasText: message("fi", "status.loading") });
  await expect(status.first()).toBeVisible();
  await expectNoAxeViolations(page, "front page while loading");
  release();
  await expect(page.locator("h1")).toHaveText(text(plan.title, "fi"));
  await waitForPage(page);
});

test("a problem from the API is shown as an alert with its localized title and detail", async ({ page }) => {
  await startInLocale(page, "sv");
  await page.route("**/api/v1/strategy/programmes/**", (route) =>
    route.fulfill({
      status: 503,
      contentType: "application/problem+json",
      body: JSON.stringify({
        type: "/api/problems/unavailable",
        title: "Tjänsten är inte tillgänglig just nu",
        status: 503,
        code: "unavailable",
        detail: "Databasen svarar inte.",
      }),
    }),
  );
  await page.goto("/programmes/demokratia");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("Tjänsten är inte tillgänglig just nu");
  await expect(alert).toContainText("Databasen svarar inte.");
  await expect(page.locator("h1")).toHaveCount(1);
  await expectNoAxeViolations(page, "programme page with an API problem (sv)");

  // Retrying after the service is back shows the programme.
  await page.unroute("**/api/v1/strategy/programmes/**");
  await alert.getByRole("button", { name: message("sv", "status.retry") }).click();
  await expect(page.getByRole("alert")).toHaveCount(0);
  await waitForPage(page);
  await expect(page.locator("h1")).not.toHaveText(message("sv", "programme.loadingHeading"));
});

test("a network failure gets the interface's own wording", async ({ page }) => {
  await page.route("**/api/v1/meta", (route) => route.abort("connectionrefused"));
  await page.goto("/");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText(message("fi", "status.networkTitle"));
  await expect(alert).toContainText(message("fi", "status.networkDetail"));
  await waitForPage(page);
  await expectNoAxeViolations(page, "front page with the meta request failing");
});
