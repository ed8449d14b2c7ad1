import { expect, type Page, test } from "@playwright/test";
import type { CallList, RoundSummary, SurveyResults } from "../src/contracts/survey.ts";
import { WEB_ROUTES } from "../src/contracts/web-routes.ts";
import { createAccount, keskio, signInContext } from "./identity-support.ts";
import { expectNoAxeViolations, message, visit, waitForPage } from "./support.ts";

// The resident survey in the browser: an interviewer runs a phone interview from the call list to the saved
// interview with the keyboard alone, and the results page shows each question's chart, summary and tables.
// Both run on the labelled example data the server under test starts with (`keskio serve --demo`); every page state visited is checked with axe.

/** An interface string of the survey module (Finnish), with {{placeholders}} filled in. */
const say = (key: string, values: Record<string, string | number> = {}) =>
  message("fi", `survey.${key}`, values);

async function api<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(path, { headers: { "Accept-Language": "fi" } });
  expect(response.status(), `GET ${path}`).toBe(200);
  return (await response.json()) as T;
}

const year = new Date().getUTCFullYear();
const slug = `esimerkki-${year}`;

test("an interviewer completes a phone interview by keyboard alone; the quota fills", async ({
  page,
  request,
}) => {
  const interviewer = await createAccount(request, "Haastattelija");
  expect(await keskio(["users", "grant-role", interviewer.email, "interviewer"])).toContain(
    "granted interviewer",
  );
  await signInContext(page, interviewer.email);
  const before = await api<CallList>(page, `/api/v1/survey/rounds/${slug}/calls`);
  const target = before.entries.find((e) => e.status === "pending");
  expect(target, "a pending call on the example list").toBeDefined();
  const quotaBefore = before.quotas.find((q) => q.ageGroup === target?.ageGroup && q.area === target?.area);

  await visit(page, WEB_ROUTES.surveyInterview, "interview desk");
  await expect(page.getByRole("table", { name: say("interview.quotasCaption") })).toBeVisible();
  // Tab to the first pending person's call button.
  const callName = say("interview.call", { label: target?.label ?? "" });
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    const name = await page.evaluate(() => document.activeElement?.textContent ?? "");
    if (name === callName) break;
  }
  await expect(page.getByRole("button", { name: callName })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(
    page.getByRole("heading", { name: say("interview.callHeading", { label: target?.label ?? "" }) }),
  ).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: say("interview.start") })).toBeFocused();
  await page.keyboard.press("Enter");

  // The first question is the overall school grade (the background comes from the sample).
  const question = page.locator(".interview__question");
  await expect(question).toBeFocused();
  await expect(question).toHaveText("Millaisen kouluarvosanan antaisit Heinolalle asuinpaikkana?");
  const progress = await page.locator(".interview__progress").textContent();
  const total = Number(/\/ (\d+)/.exec(progress ?? "")?.[1]);
  expect(total).toBeGreaterThan(10);
  await expectNoAxeViolations(page, "interview screen");
  // Enter on a required question without an answer does not move on.
  await page.keyboard.press("Enter");
  await expect(page.getByText(say("interview.requiredError"))).toBeVisible();
  await page.keyboard.press("8");
  await expect(page.getByRole("radio", { name: "8" })).toBeChecked();
  await page.keyboard.press("Enter");
  await expect(page.locator(".interview__progress")).toContainText(`2 / ${total}`);
  await expect(question).toBeFocused();
  await page.keyboard.press("9");
  await expect(page.getByRole("radio", { name: "9" })).toBeChecked();
  await page.keyboard.press("Enter");
  // The rest are optional: "e" answers "don't know" where allowed; Enter moves on (skipping the others).
  for (let n = 3; n <= total; n++) {
    await expect(page.locator(".interview__progress")).toContainText(`${n} / ${total}`);
    await expect(question).toBeFocused();
    if (n === 4) await page.keyboard.press("e");
    await page.keyboard.press("Enter");
  }
  await expect(page.getByRole("status").filter({ hasText: say("interview.saved") })).toBeVisible();
  await expect(page.getByRole("heading", { name: say("interview.listHeading") })).toBeFocused();
  await expectNoAxeViolations(page, "call list after the interview");

  const after = await api<CallList>(page, `/api/v1/survey/rounds/${slug}/calls`);
  expect(after.entries.find((e) => e.memberId === target?.memberId)).toMatchObject({
    status: "completed",
    responseStatus: "complete",
  });
  const quotaAfter = after.quotas.find((q) => q.ageGroup === target?.ageGroup && q.area === target?.area);
  expect(quotaAfter?.completed).toBe((quotaBefore?.completed ?? 0) + 1);
});

test("the results page: charts with intervals named by their summaries, data tables, last year's change", async ({
  page,
}) => {
  const rounds = await api<RoundSummary[]>(page, "/api/v1/survey/rounds");
  const round = rounds.find((r) => r.slug === slug);
  expect(round?.isExampleData).toBe(true);
  // The front page itself is checked with axe by axe-all-pages.spec.ts.
  await page.goto(WEB_ROUTES.survey);
  await waitForPage(page);
  await page.getByRole("link", { name: round?.title.fi ?? "", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/survey/results/${slug}$`));
  await waitForPage(page);
  await expect(page.locator("h1")).toHaveText(round?.title.fi ?? "");
  await expect(page.getByText(say("exampleData")).first()).toBeVisible();
  const results = await api<SurveyResults>(page, `/api/v1/survey/rounds/${slug}/results`);
  const share = results.rows.find((r) => r.key === "share:overall_grade=8|9|10");
  expect(share?.previous?.year).toBe(year - 1);

  const section = page.getByRole("region", {
    name: "Millaisen kouluarvosanan antaisit Heinolalle asuinpaikkana?",
  });
  const chart = section.getByRole("img");
  const summary = (await section.locator(".survey-figure__summary").textContent()) ?? "";
  await expect(chart).toHaveAccessibleName(summary);
  expect(summary).toContain(say("measure.share", { values: "8–10" }));
  expect(summary).toContain(`Vuonna ${year - 1}`);
  const percent = new Intl.NumberFormat("fi-FI", { style: "percent", maximumFractionDigits: 1 }).format(
    share?.estimate ?? 0,
  );
  expect(summary).toContain(percent);
  const table = section.getByRole("table", { name: /Tulokset/ });
  await expect(
    table.getByRole("rowheader", { name: say("measure.share", { values: "8–10" }) }),
  ).toBeVisible();
  await expectNoAxeViolations(page, "results page");
  // The breakdown by group opens by keyboard and switches to age groups.
  await section.locator("summary").focus();
  await page.keyboard.press("Enter");
  const select = section.getByLabel(say("results.domainLabel"));
  await select.selectOption("age_group");
  await expect(section.getByRole("table", { name: /Ikäryhmä/ })).toBeVisible();
  // The rest of the page was checked above; only the opened breakdown is new.
  await expectNoAxeViolations(page, "results page, breakdown opened", ".survey-domain");
});
