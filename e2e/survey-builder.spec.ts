import { expect, type Page, test } from "@playwright/test";
import type { Questionnaire, QuestionnaireListItem } from "../src/contracts/survey.ts";
import { surveyQuestionnairePath, WEB_ROUTES } from "../src/contracts/web-routes.ts";
import { createAccount, keskio, signInContext } from "./identity-support.ts";
import { expectNoAxeViolations, message, visit, waitForPage } from "./support.ts";

// The questionnaire builder in the browser: staff start from the Heinola template, add a conditional
// question with a Swedish text by keyboard, meet the error summary, save, and preview the questionnaire in
// Swedish with the condition working; a version with answers opens read-only with "make a new version".

/** An interface string of the survey module (Finnish), with {{placeholders}} filled in. */
const say = (key: string, values: Record<string, string | number> = {}) =>
  message("fi", `survey.${key}`, values);

async function list(page: Page): Promise<QuestionnaireListItem[]> {
  const response = await page.request.get("/api/v1/survey/questionnaires");
  expect(response.status()).toBe(200);
  return (await response.json()) as QuestionnaireListItem[];
}

/** Presses Tab until the focused element has the accessible text wanted (at most `limit` times). */
async function tabTo(page: Page, text: string, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
    if (focused === text) return;
  }
  throw new Error(`no focusable "${text}" within ${limit} tabs`);
}

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");

test("staff build from the template by keyboard: a conditional question in Swedish, saved and previewed", async ({
  page,
  request,
}) => {
  // Long on a busy machine: the template has 30 questions, and axe checks the editor with its preview.
  test.setTimeout(300_000);
  const staff = await createAccount(request, "Lomakkeentekija");
  expect(await keskio(["users", "grant-role", staff.email, "staff", "--scope", "kaupunkikehitys"])).toContain(
    "granted staff",
  );
  await signInContext(page, staff.email);

  await visit(page, WEB_ROUTES.surveyQuestionnaires, "questionnaire list");
  const template = (await list(page)).find((q) => q.key === "heinola-asukaskysely" && q.version === 1);
  expect(template?.isLocked, "the example rounds have answered version 1").toBe(true);
  const nextVersion =
    Math.max(...(await list(page)).filter((q) => q.key === "heinola-asukaskysely").map((q) => q.version)) + 1;
  await expect(page.getByRole("table", { name: say("builder.caption") })).toBeVisible();

  await tabTo(page, say("builder.newFromTemplate"));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/survey\/staff\/questionnaires\/new\?from=template$/);
  await expect(page.locator("h1")).toHaveText(say("builder.newTitle"));
  await expect(page.getByLabel(say("builder.key"))).toHaveValue("heinola-asukaskysely");
  await expect(
    page.getByText(say("builder.nextVersionNote", { key: "heinola-asukaskysely", version: nextVersion })),
  ).toBeVisible();

  // A new open question in the last section ("Omat ajatuksesi"), chosen and added by keyboard.
  const typeSelect = page.getByLabel(say("builder.newQuestionType")).last();
  await typeSelect.focus();
  await page.keyboard.type("Avo"); // "Avoin vastaus", by the select's type-ahead
  await expect(typeSelect).toHaveValue("text");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  const textFi = await activeId(page);
  expect(textFi).toMatch(/^q-u\d+-text-fi$/);
  const field = (name: string) => page.locator(`#${textFi.replace(/text-fi$/, name)}`);

  // Saving with the Finnish text missing: the error summary takes focus and its link leads to the field.
  await page.getByRole("button", { name: say("builder.saveNew") }).focus();
  await page.keyboard.press("Enter");
  const summary = page.locator(".error-summary");
  await expect(summary).toBeFocused();
  const link = summary.getByRole("link").first();
  await expect(link).toContainText(/Kysymys \d+ \(kysymys_\d+\)/);
  await page.keyboard.press("Tab");
  await expect(link).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(field("text-fi")).toBeFocused();
  await expect(field("text-fi")).toHaveAttribute("aria-invalid", "true");

  // Whole texts as one input each (a keystroke per letter re-renders a 30-question editor 40 times).
  await page.keyboard.insertText("Miksi annoit Heinolalle heikon arvosanan?");
  await page.keyboard.press("Tab");
  await expect(field("text-sv")).toBeFocused();
  await page.keyboard.insertText("Varför gav du Heinola ett svagt vitsord?");

  // Shown only when the overall grade is 4, 5 or 6: the condition offers earlier questions only.
  const condition = field("showif-question");
  await condition.focus();
  const offered = await condition.locator("option").allTextContents();
  expect(offered.some((o) => o.startsWith("overall_grade:"))).toBe(true);
  expect(offered.some((o) => o.startsWith("what_i_could_do:"))).toBe(false);
  await page.keyboard.type("overall");
  await expect(condition).toHaveValue("overall_grade");
  for (const value of ["4", "5", "6"]) {
    const box = page.locator(`#${textFi.replace(/text-fi$/, `showif-${Number(value) - 4}`)}`);
    await box.focus();
    await page.keyboard.press("Space");
    await expect(box).toBeChecked();
  }

  await page.getByRole("button", { name: say("builder.saveNew") }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/survey\/staff\/questionnaires\/[0-9a-f-]{36}$/);
  await expect(
    page.getByRole("status").filter({ hasText: say("builder.savedVersion", { version: nextVersion }) }),
  ).toBeVisible();
  const id = page.url().split("/").pop() ?? "";
  const saved = (await (
    await page.request.get(`/api/v1/survey/questionnaires/${id}`)
  ).json()) as Questionnaire;
  expect(saved.key).toBe("heinola-asukaskysely");
  expect(saved.version).toBe(nextVersion);
  const added = saved.questions[saved.questions.length - 1];
  expect(added).toMatchObject({
    type: "text",
    text: { fi: "Miksi annoit Heinolalle heikon arvosanan?", sv: "Varför gav du Heinola ett svagt vitsord?" },
    section: { fi: "Omat ajatuksesi" },
    showIf: { question: "overall_grade", values: ["4", "5", "6"] },
  });
  // The questions kept their keys, so they are linked to version 1 for trends.
  const previous = nextVersion - 1;
  await expect(page.getByText(say("builder.trendLinked", { version: previous })).first()).toBeVisible();
  await expect(page.getByText(say("builder.trendNew", { version: previous }))).toHaveCount(1);

  // The preview in Swedish: the new question appears once the grade is low.
  const preview = page.getByRole("region", { name: say("builder.previewHeading") });
  await preview.getByRole("button", { name: say("builder.showPreview") }).focus();
  await page.keyboard.press("Enter");
  await preview.getByRole("radio", { name: "Suomi" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(preview.getByRole("radio", { name: "Svenska" })).toBeChecked();
  const grade = preview.getByRole("group", { name: /Vilket skolvitsord skulle du ge Heinola/ });
  await expect(grade).toBeVisible();
  await expect(preview.getByText("Varför gav du Heinola ett svagt vitsord?")).toHaveCount(0);
  await grade.getByRole("radio", { name: "5", exact: true }).focus();
  await page.keyboard.press("Space");
  await expect(preview.getByLabel("Varför gav du Heinola ett svagt vitsord?")).toBeVisible();
  await expectNoAxeViolations(page, "editor with the Swedish preview");
});

test("a version with answers is read-only and offers a new version", async ({ page, request }) => {
  test.setTimeout(180_000);
  const staff = await createAccount(request, "Lomakkeenlukija");
  expect(await keskio(["users", "grant-role", staff.email, "staff", "--scope", "kaupunkikehitys"])).toContain(
    "granted staff",
  );
  await signInContext(page, staff.email);
  const locked = (await list(page)).find((q) => q.key === "heinola-asukaskysely" && q.version === 1);
  expect(locked?.responses).toBeGreaterThan(0);
  await visit(page, surveyQuestionnairePath(locked?.id ?? ""), "locked questionnaire");
  await expect(page.getByRole("heading", { name: say("builder.lockedHeading") })).toBeVisible();
  await expect(page.getByRole("button", { name: say("builder.save") })).toHaveCount(0);
  const next = page.getByRole("link", { name: say("builder.makeNewVersion") });
  const later = page.getByRole("link", { name: /Avaa uusin versio/ });
  // Another test may already have saved version 2; then the link leads there instead.
  await expect(next.or(later)).toBeVisible();
  if (await next.isVisible()) {
    await next.focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`from=${locked?.id}$`));
    await waitForPage(page);
    await expect(page.getByLabel(say("builder.key"))).toHaveValue("heinola-asukaskysely");
  }
});
