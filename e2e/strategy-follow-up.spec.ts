import { expect, type Page, test } from "@playwright/test";
import type {
  ActionDetail,
  IndicatorDetail,
  StrategyChanges,
  StrategyTree,
} from "../src/contracts/strategy.ts";
import { WEB_ROUTES } from "../src/contracts/web-routes.ts";
import { expectNoAxeViolations, message, startInLocale, text, visit, waitForPage } from "./support.ts";

async function api<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path, { headers: { "Accept-Language": "fi" } });
  expect(response.status(), `GET ${path}`).toBe(200);
  return (await response.json()) as T;
}

/** Presses Tab until `done` says the focused element is the one wanted (at most `limit` times). */
async function tabUntil(page: Page, done: () => Promise<boolean>, limit: number): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (await done()) return;
  }
  throw new Error("Tab never reached the wanted element");
}

const focusedHref = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute("href") ?? "");

test("keyboard only: navigation → strategy tree → indicator, whose chart and data table are reachable", async ({
  page,
}) => {
  const tree = await api<StrategyTree>(page, "/api/v1/strategy/tree");
  const withValues = new Set(
    tree.programmes
      .flatMap((p) => p.goals)
      .flatMap((g) => g.indicators)
      .filter((i) => i.latest !== null)
      .map((i) => `/strategy/indicators/${i.key}`),
  );
  expect(withValues.size).toBeGreaterThan(0);
  await visit(page, "/", "front page");
  await tabUntil(page, async () => (await focusedHref(page)) === WEB_ROUTES.strategy, 40);
  await expect(
    page.getByRole("navigation", { name: message("fi", "layout.mainNavigation") }).getByRole("link", {
      name: message("fi", "followUp.nav"),
    }),
  ).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/strategy$/);
  await expect(page.locator("h1")).toBeFocused();
  await waitForPage(page);

  // The first indicator with values that Tab reaches in the tree.
  await tabUntil(page, async () => withValues.has(await focusedHref(page)), 150);
  const href = await focusedHref(page);
  const key = decodeURIComponent(href.split("/").pop() ?? "");
  const indicator = await api<IndicatorDetail>(page, `/api/v1/strategy/indicators/${key}`);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  const heading = page.locator("h1");
  await expect(heading).toHaveText(text(indicator.name, "fi"));
  await expect(heading).toBeFocused();
  await waitForPage(page);

  // The chart is one image named by the summary sentence, which is on the page as text.
  const summary = page.locator("figcaption p");
  await expect(summary).toContainText(text(indicator.name, "fi"));
  const summaryText = (await summary.textContent()) ?? "";
  expect(summaryText.length).toBeGreaterThan(20);
  const chart = page.getByRole("img", { name: summaryText, exact: true });
  await expect(chart).toHaveCount(1);
  await expect(chart).toBeVisible();
  const chartPoints = page.locator(".indicator-chart__series circle");
  const totals = indicator.values.filter((v) => !v.area && !v.ageGroup && !v.sex);
  await expect(chartPoints).toHaveCount(totals.length);
  await expect(page.locator(".indicator-chart__target path")).toHaveCount(1);

  // Tab goes on to the data table's scrolling region, after the chart; the table holds every value.
  const tableRegion = page.getByRole("region", {
    name: new RegExp(message("fi", "followUp.indicator.tableCaption")),
  });
  await tabUntil(page, () => tableRegion.evaluate((el) => el === document.activeElement), 20);
  const table = tableRegion.getByRole("table");
  await expect(table.locator("caption")).toContainText(text(indicator.name, "fi"));
  await expect(table.locator("tbody tr")).toHaveCount(indicator.values.length);
  expect(indicator.values.length).toBeGreaterThan(0);
  const fi = new Intl.NumberFormat("fi-FI", { maximumFractionDigits: 2 });
  for (const value of indicator.values) {
    const row = table.locator("tbody tr").filter({ has: page.locator("th", { hasText: value.period }) });
    await expect(row.filter({ hasText: fi.format(value.value) }).first()).toBeVisible();
  }
  if (indicator.isExampleData) {
    await expect(page.getByText(message("fi", "followUp.exampleData"), { exact: true })).toBeVisible();
  }
  const chartBox = await page.locator("svg[role=img]").boundingBox();
  const tableBox = await tableRegion.boundingBox();
  expect(chartBox && tableBox && chartBox.y < tableBox.y).toBe(true);
  await expectNoAxeViolations(page, "indicator page reached by keyboard");
});

test("the tree's filters narrow it and are kept in the URL", async ({ page }) => {
  const whole = await api<StrategyTree>(page, "/api/v1/strategy/tree");
  const goals = whole.programmes.flatMap((p) => p.goals);
  expect(goals.length).toBeGreaterThan(1);
  await visit(page, WEB_ROUTES.strategy, "strategy tree");
  await expect(page.locator(".follow-up-goal")).toHaveCount(goals.length);

  // Status filter: every status the API reports for a goal gives exactly its goals.
  const status = goals.find((g) => g.status.status === "off_track")?.status.status ?? goals[0]?.status.status;
  if (!status) throw new Error("no goal");
  await page.getByLabel(message("fi", "followUp.tree.status"), { exact: true }).selectOption(status);
  await page.getByRole("button", { name: message("fi", "followUp.tree.apply") }).click();
  await expect(page).toHaveURL(new RegExp(`\\?status=${status}$`));
  const expected = await api<StrategyTree>(page, `/api/v1/strategy/tree?status=${status}`);
  const expectedGoals = expected.programmes.flatMap((p) => p.goals);
  expect(expectedGoals.length).toBeLessThan(goals.length);
  await expect(page.locator(".follow-up-goal")).toHaveCount(expectedGoals.length);
  for (const goal of expectedGoals) {
    await expect(page.getByRole("heading", { level: 3, name: text(goal.title, "fi") })).toBeVisible();
  }

  // Target group filter, from a clean URL.
  const group = goals.find((g) => g.targetGroups.length > 0)?.targetGroups[0];
  if (!group) throw new Error("no goal has a target group");
  await page.getByRole("link", { name: message("fi", "followUp.tree.clear") }).click();
  await expect(page).toHaveURL(/\/strategy$/);
  await expect(page.locator(".follow-up-goal")).toHaveCount(goals.length);
  await page
    .getByLabel(message("fi", "followUp.tree.targetGroup"), { exact: true })
    .selectOption({ label: text(group, "fi") });
  await page.getByRole("button", { name: message("fi", "followUp.tree.apply") }).click();
  const byGroup = await api<StrategyTree>(
    page,
    `/api/v1/strategy/tree?targetGroup=${encodeURIComponent(group.fi)}`,
  );
  await expect(page.locator(".follow-up-goal")).toHaveCount(
    byGroup.programmes.flatMap((p) => p.goals).length,
  );
  await expect(page.getByLabel(message("fi", "followUp.tree.targetGroup"), { exact: true })).toHaveValue(
    group.fi,
  );

  // Opening a filtered URL directly gives the same, and the programme filter works.
  const programme = whole.programmes.find((p) => p.goals.length > 0);
  if (!programme) throw new Error("no programme has goals");
  await visit(page, `${WEB_ROUTES.strategy}?programme=${programme.slug}`, "strategy tree by programme");
  await expect(page.getByLabel(message("fi", "followUp.tree.programme"), { exact: true })).toHaveValue(
    programme.slug,
  );
  await expect(page.locator(".follow-up-goal")).toHaveCount(programme.goals.length);

  // The report and open data are linked.
  for (const path of [
    "/api/v1/strategy/report.html?lang=fi",
    "/api/v1/strategy/report.pdf?lang=fi",
    "/api/v1/strategy/indicators.csv",
    "/api/v1/strategy/values.csv",
    "/api/v1/strategy/data-dictionary",
  ]) {
    await expect(page.locator(`a[href="${path}"]`)).toHaveCount(1);
  }
});

test("an action page shows its responsibility, schedule, progress and indicators", async ({ page }) => {
  const tree = await api<StrategyTree>(page, "/api/v1/strategy/tree");
  const node = tree.programmes.flatMap((p) => p.goals).flatMap((g) => g.actions)[0];
  if (!node) throw new Error("no actions");
  const action = await api<ActionDetail>(page, `/api/v1/strategy/actions/${node.id}`);
  await visit(page, `/strategy/actions/${action.id}`, "action page");
  await expect(page.locator("h1")).toHaveText(text(action.title, "fi"));
  const main = page.getByRole("main");
  await expect(main).toContainText(message("fi", `followUp.status.${action.status.status}`));
  await expect(main).toContainText(action.status.explanation.fi);
  await expect(main).toContainText(message("fi", `followUp.progress.${action.progress}`));
  await expect(main.getByRole("link", { name: text(action.goal.title, "fi") })).toBeVisible();
  for (const indicator of action.indicators) {
    await expect(main.getByRole("link", { name: text(indicator.name, "fi") })).toBeVisible();
  }
  if (action.budgetEuros !== null) {
    const euros = new Intl.NumberFormat("fi-FI", {
      style: "currency",
      currency: "EUR",
      maximumFractionDigits: 0,
    });
    await expect(main).toContainText(euros.format(action.budgetEuros));
  }
  await expect(main.locator(".milestone")).toHaveCount(action.milestones.length);
  await expect(main.locator(".progress-history > li")).toHaveCount(action.updates.length);
});

test("the changes page compares two chosen years", async ({ page }) => {
  await visit(page, WEB_ROUTES.strategyChanges, "changes page");
  const from = page.getByLabel(message("fi", "followUp.changes.from"), { exact: true });
  const to = page.getByLabel(message("fi", "followUp.changes.to"), { exact: true });
  await from.selectOption("2020");
  await to.selectOption("2024");
  await page.getByRole("button", { name: message("fi", "followUp.changes.apply") }).click();
  await expect(page).toHaveURL(/\?from=2020&to=2024$/);
  const changes = await api<StrategyChanges>(page, "/api/v1/strategy/changes?from=2020&to=2024");
  const table = page.getByRole("table");
  await expect(table.locator("caption")).toHaveText(
    message("fi", "followUp.changes.caption", { from: 2020, to: 2024 }),
  );
  await expect(table.locator("tbody tr")).toHaveCount(changes.indicators.length);
  expect(changes.indicators.some((row) => row.movement !== null)).toBe(true);
  for (const row of changes.indicators) {
    const line = table
      .locator("tbody tr")
      .filter({ has: page.getByRole("link", { name: text(row.name, "fi") }) });
    await expect(line).toContainText(message("fi", `followUp.changes.movement.${row.movement ?? "none"}`));
  }
});

for (const locale of ["sv", "en"] as const) {
  test(`the follow-up pages in ${locale} have no axe violations`, async ({ page }) => {
    await startInLocale(page, locale);
    const tree = await api<StrategyTree>(page, "/api/v1/strategy/tree");
    const goal = tree.programmes
      .flatMap((p) => p.goals)
      .find((g) => g.indicators.length > 0 && g.actions.length > 0);
    if (!goal?.indicators[0] || !goal.actions[0]) throw new Error("no goal with indicators and actions");
    await visit(page, WEB_ROUTES.strategy, `strategy tree (${locale})`);
    await expect(page.locator("h1")).toHaveText(message(locale, "followUp.tree.title"));
    await visit(page, `/strategy/indicators/${goal.indicators[0].key}`, `indicator (${locale})`);
    await expect(page.locator("h1")).toHaveText(text(goal.indicators[0].name, locale));
    await visit(page, `/strategy/actions/${goal.actions[0].id}`, `action (${locale})`);
    await visit(page, WEB_ROUTES.strategyChanges, `changes (${locale})`);
    await expect(page.locator("h1")).toHaveText(message(locale, "followUp.changes.title"));
  });
}

test("the indicator page reflows at 320 px", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  const tree = await api<StrategyTree>(page, "/api/v1/strategy/tree");
  const key = tree.programmes.flatMap((p) => p.goals).flatMap((g) => g.indicators)[0]?.key;
  if (!key) throw new Error("no indicators");
  // Not through visit(): axe cannot decide the contrast of table cells scrolled out of their region's view.
  await page.goto(`/strategy/indicators/${key}`);
  await waitForPage(page);
  await expect(page.getByRole("table")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const chartWidth = await page.locator("svg[role=img]").evaluate((el) => el.getBoundingClientRect().width);
  expect(chartWidth).toBeLessThanOrEqual(320);
});
