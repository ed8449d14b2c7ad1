import { expect, type Page, test } from "@playwright/test";
import type {
  GoalDetail,
  IndicatorDetail,
  IndicatorSummary,
  StrategyTree,
} from "../src/contracts/strategy.ts";
import { WEB_ROUTES } from "../src/contracts/web-routes.ts";
import { createAccount, horizontalOverflow, keskio, signInContext } from "./identity-support.ts";
import { expectNoAxeViolations, message, text, visit, waitForPage } from "./support.ts";

/** A Finnish string of the strategy module's own catalogue (mounted under `strategy`). */
const say = (key: string, values: Record<string, string | number> = {}) =>
  message("fi", `strategy.${key}`, values);

async function api<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path, { headers: { "Accept-Language": "fi" } });
  expect(response.status(), `GET ${path}`).toBe(200);
  return (await response.json()) as T;
}

/** Presses Tab until the focused element is `target` (at most `limit` times). */
async function tabTo(page: Page, target: ReturnType<Page["locator"]>, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error("Tab never reached the wanted element");
}

test("staff enter a value and import a CSV with a bad row by keyboard; the desk reflows at 320 px", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const person = await createAccount(request, `Sanna Seuraaja ${Date.now().toString(36)}`);
  await keskio(["users", "grant-role", person.email, "staff", "--scope", "yhteiset-palvelut"]);
  await signInContext(page, person.email);

  await visit(page, WEB_ROUTES.strategyStaff, "staff desk");
  await expect(page.locator("h1")).toHaveText(say("staff.title"));
  const main = page.getByRole("main");

  // Module indicators are computed from their module's data and never offered for typing in.
  const indicators = await api<IndicatorSummary[]>(page, "/api/v1/strategy/indicators");
  const computed = indicators.filter((i) => i.moduleSource);
  expect(computed.length).toBeGreaterThanOrEqual(5);
  const valueForm = main.locator("#arvo");
  const select = valueForm.getByLabel(say("staff.value.indicator"), { exact: true });
  const offered = await select.locator("option").allTextContents();
  for (const c of computed) expect(offered).not.toContain(text(c.name, "fi"));

  // A value by hand: choose the indicator, then Tab through the fields, type, and press Enter.
  const home = indicators.find((i) => i.key === "kotona-asuvat-75");
  if (!home) throw new Error("seed lacks kotona-asuvat-75");
  await select.focus();
  await select.selectOption("kotona-asuvat-75");
  const year = valueForm.getByLabel(say("staff.value.year"), { exact: true });
  await tabTo(page, year, 3);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("2025");
  await page.keyboard.press("Tab");
  await page.keyboard.type("92,7");
  await page.keyboard.press("Enter");
  await expect(valueForm.getByRole("status").filter({ hasText: /92,7/ })).toBeVisible();
  const after = await api<IndicatorDetail>(page, "/api/v1/strategy/indicators/kotona-asuvat-75");
  expect(after.values.find((v) => v.year === 2025 && !v.area)).toMatchObject({
    value: 92.7,
    source: "manual",
  });

  // A CSV with a bad row: each problem named by its row, in Finnish, and nothing imported.
  const csv = main.getByLabel(say("staff.import.csvText"), { exact: true });
  await csv.focus();
  await page.keyboard.insertText(
    "indicator;year;value\nmasentuneisuus-8-9-lk;2025;12\nmasentuneisuus-8-9-lk;20x5;kolme\n",
  );
  await page.keyboard.press("Tab");
  const preview = main.getByRole("button", { name: say("staff.import.preview") }).first();
  await expect(preview).toBeFocused();
  await page.keyboard.press("Enter");
  const problems = main.getByRole("alert").filter({ hasText: say("staff.import.errorsTitle") });
  await expect(problems).toBeFocused();
  await expect(problems).toContainText("Rivi 3: Vuosi ”20x5” ei ole kokonaisluku.");
  await expect(problems).toContainText("Rivi 3: Arvo ”kolme” ei ole luku.");
  await expectNoAxeViolations(page, "staff desk with import errors");
  const untouched = await api<IndicatorDetail>(page, "/api/v1/strategy/indicators/masentuneisuus-8-9-lk");
  expect(untouched.values.some((v) => v.year === 2025)).toBe(false);

  // Corrected, the preview shows what changes, and the import button (reached by Tab) imports it.
  await csv.focus();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText("indicator;year;value\nmasentuneisuus-8-9-lk;2025;12\n");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  const table = main.getByRole("table", {
    name: say("staff.import.previewCaption", { new: 1, changed: 0, unchanged: 0 }),
  });
  await expect(table).toBeVisible();
  await expect(table.getByRole("row")).toHaveCount(2);
  const apply = main.getByRole("button", { name: say("staff.import.apply_one", { count: 1 }) });
  await tabTo(page, apply, 5);
  await page.keyboard.press("Enter");
  await expect(
    main.getByRole("status").filter({ hasText: say("staff.import.imported", { new: 1, changed: 0 }) }),
  ).toBeVisible();
  const imported = await api<IndicatorDetail>(page, "/api/v1/strategy/indicators/masentuneisuus-8-9-lk");
  expect(imported.values.find((v) => v.year === 2025)).toMatchObject({ value: 12, source: "csv" });
  await expectNoAxeViolations(page, "staff desk after import");

  await page.setViewportSize({ width: 320, height: 800 });
  await expect(page.locator("h1")).toBeVisible();
  expect(await horizontalOverflow(page)).toBe(0);
});

test("the goal and report pages: status with its reason, indicators, actions and every download; signed out, the desk asks to sign in", async ({
  page,
}) => {
  const tree = await api<StrategyTree>(page, "/api/v1/strategy/tree?programme=hyvinvointi");
  const first = tree.programmes[0]?.goals[0];
  if (!first) throw new Error("no goal in the wellbeing programme");
  const goal = await api<GoalDetail>(page, `/api/v1/strategy/goals/${first.id}`);
  await visit(page, "/strategy?programme=hyvinvointi", "tree");
  await page.getByRole("link", { name: text(goal.title, "fi"), exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/strategy/goals/${goal.id}$`));
  await waitForPage(page);
  await expect(page.locator("h1")).toHaveText(text(goal.title, "fi"));
  const main = page.getByRole("main");
  await expect(main).toContainText(goal.status.explanation.fi);
  for (const i of goal.indicators)
    await expect(main.getByRole("link", { name: text(i.name, "fi") })).toBeVisible();
  for (const a of goal.actions)
    await expect(main.getByRole("link", { name: text(a.title, "fi") })).toBeVisible();
  await expectNoAxeViolations(page, "goal page");

  await visit(page, WEB_ROUTES.strategyReport, "report page");
  for (const href of [
    "/api/v1/strategy/report.html?lang=fi",
    "/api/v1/strategy/report.pdf?lang=fi",
    "/api/v1/strategy/indicators.csv",
    "/api/v1/strategy/values.csv",
    "/api/v1/strategy/values.json",
    "/api/v1/strategy/data-dictionary",
  ]) {
    await expect(page.locator(`a[href="${href}"]`)).toHaveCount(1);
  }
  const html = await page.request.get("/api/v1/strategy/report.html?lang=fi");
  expect(html.status()).toBe(200);

  await visit(page, WEB_ROUTES.strategyStaff, "staff desk signed out");
  await expect(
    page.getByRole("main").getByRole("link", { name: message("fi", "gate.signInLink") }),
  ).toBeVisible();
});
