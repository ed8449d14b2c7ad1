import { expect, test } from "@playwright/test";
import type { FeedbackFigures } from "../src/contracts/feedback-figures.ts";
import { WEB_ROUTES } from "../src/contracts/web-routes.ts";
import { horizontalOverflow } from "./identity-support.ts";
import { expectNoAxeViolations, type Locale, message, startInLocale, visit, waitForPage } from "./support.ts";

// Issue 6 §4's public page: how the response-time promise is kept, reached from /feedback by keyboard,
// with the chart's summary sentence and data tables, checked with axe in Finnish and Swedish.

const fb = (locale: Locale, key: string) => message(locale, `feedback.${key}`);

test("the response-time figures are reached by keyboard and explain themselves", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  await visit(page, WEB_ROUTES.feedback);
  const link = page.getByRole("link", { name: fb("fi", "figures.link") });
  await link.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/feedback\/figures$/);
  await waitForPage(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fb("fi", "figures.title"));
  await expect(page.getByText(fb("fi", "figures.hoursText"))).toBeVisible();
  // The chart is one image named by the summary sentence; the table beside it holds the twelve months.
  const chart = page.getByRole("img").filter({ has: page.locator("rect, line") });
  await expect(chart).toHaveCount(1);
  const api = (await (await request.get("/api/v1/feedback/figures")).json()) as FeedbackFigures;
  const months = page.getByRole("table", { name: fb("fi", "figures.monthsCaption") });
  await expect(months.locator("tbody tr")).toHaveCount(api.months.length);
  const services = page.getByRole("table", { name: fb("fi", "figures.servicesCaption") });
  await expect(services.getByRole("rowheader", { name: fb("fi", "figures.allServices") })).toBeVisible();
  await expectNoAxeViolations(page, "figures");
  const csv = await request.get("/api/v1/feedback/figures.csv");
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toMatch(/^service_code,month,requests,/);
});

test("the figures page works in Swedish, and at 320 px without sideways scrolling", async ({ page }) => {
  await startInLocale(page, "sv");
  await visit(page, WEB_ROUTES.feedbackFigures, "figures sv");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fb("sv", "figures.title"));
  // WCAG 1.4.10: at 320 CSS px the tables give way to one card per row, every value beside its name.
  await page.setViewportSize({ width: 320, height: 720 });
  await expect(page.getByRole("table")).toHaveCount(0);
  const cards = page.getByRole("list", { name: fb("sv", "figures.servicesCaption") });
  await expect(cards.getByText(fb("sv", "figures.allServices"), { exact: true })).toBeVisible();
  expect(await horizontalOverflow(page)).toBe(0);
  await expectNoAxeViolations(page, "figures sv at 320 px");
});
