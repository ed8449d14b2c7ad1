import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import type { RoundDesk } from "../src/contracts/survey.ts";
import { WEB_ROUTES } from "../src/contracts/web-routes.ts";
import { createAccount, keskio, signInContext } from "./identity-support.ts";
import { expectNoAxeViolations, message, visit, waitForPage } from "./support.ts";

// The rounds desk in the browser: staff open a post-stratified round of the questionnaire template, import the
// year's population cells, import a sample whose one bad row is named until it is fixed, set a quota by
// keyboard and open the round. The figures and people are example data; every page state is checked with axe.

/** An interface string of the survey module (Finnish). */
const say = (key: string, values: Record<string, string | number> = {}) =>
  message("fi", `survey.${key}`, values);

// A year of its own, so that replacing its population figures touches no other spec's round.
const YEAR = 2091;
// Example data: made-up population cells of age group × sex.
const CELLS_CSV = [
  "year,age_group,sex,population",
  `${YEAR},15-44,female,4100`,
  `${YEAR},15-44,male,4300`,
  `${YEAR},45+,female,5200`,
  `${YEAR},45+,male,4900`,
].join("\n");
// Example data: made-up people; the second row lacks its sex.
const BAD_SAMPLE = [
  "label,age_group,sex,area,phone",
  "Esimerkki A,15-44,female,Keskusta,040 000 0101",
  "Esimerkki B,45+,,Jyränkö,",
].join("\n");
const GOOD_SAMPLE = BAD_SAMPLE.replace("45+,,Jyränkö", "45+,male,Jyränkö");

async function fillTextArea(page: Page, section: string, text: string) {
  const region = page.getByRole("region", { name: section });
  await region.getByLabel(say("rounds.import.text")).fill(text);
  await region.getByRole("button", { name: say("rounds.import.preview") }).click();
  return region;
}

test("staff open a round, import population cells and a sample with one bad row, set quotas, edit its details", async ({
  page,
  request,
}) => {
  // Nine page states checked with axe; on a busy 2-core machine each can take many seconds.
  test.setTimeout(240_000);
  const staff = await createAccount(request, "Kyselykierrokset");
  expect(await keskio(["users", "grant-role", staff.email, "staff", "--scope", "kaupunkikehitys"])).toContain(
    "granted staff",
  );
  await signInContext(page, staff.email);
  const slug = `e2e-kierros-${Date.now().toString(36)}`;

  await visit(page, WEB_ROUTES.surveyStaff, "survey staff desk");
  await page.getByRole("link", { name: say("rounds.staffLink") }).click();
  await waitForPage(page);
  await expect(page.getByRole("heading", { level: 1, name: say("rounds.title") })).toBeVisible();
  await expectNoAxeViolations(page, "rounds page");

  // A first attempt without a name: the error summary takes focus and names the field.
  await page.getByLabel(say("rounds.fields.slug")).fill(slug);
  await page.getByLabel(say("rounds.fields.year")).fill(String(YEAR));
  await page.getByRole("button", { name: say("rounds.create") }).click();
  await expect(page.getByRole("alert")).toBeFocused();
  await expect(page.getByRole("link", { name: say("rounds.errors.title") })).toBeVisible();
  await expectNoAxeViolations(page, "rounds page with errors");
  await page.getByLabel(say("rounds.fields.titleFi")).fill("Esimerkkikierros (esimerkkiaineisto)");
  await page.getByLabel(say("rounds.fields.start")).fill(`${YEAR}-09-01`);
  await page.getByLabel(say("rounds.fields.end")).fill(`${YEAR}-10-31`);
  await page.getByLabel(say("rounds.method.poststratify"), { exact: true }).check();
  await page.getByLabel(say("domains.age_group"), { exact: true }).check();
  await page.getByLabel(say("domains.sex"), { exact: true }).check();
  await page.getByRole("button", { name: say("rounds.create") }).click();

  await expect(page).toHaveURL(new RegExp(`/survey/staff/rounds/${slug}$`));
  await waitForPage(page);
  await expect(page.getByText(say("rounds.status.draft"), { exact: false }).first()).toBeVisible();
  await expect(page.getByText(say("rounds.notReady"))).toBeVisible();
  await expectNoAxeViolations(page, "round desk, new draft");

  // The year's population cells: preview, then import.
  const margins = await fillTextArea(page, say("rounds.margins.heading", { year: YEAR }), CELLS_CSV);
  await expect(margins.getByRole("table", { name: /Esikatselu: 4 solua/ })).toBeVisible();
  await expectNoAxeViolations(page, "margins preview");
  await margins.getByRole("button", { name: say("rounds.import.apply") }).click();
  await expect(margins.getByText(say("rounds.margins.imported_other", { count: 8 }))).toBeVisible();
  await expect(page.getByText(say("rounds.ready"))).toBeVisible();

  // The sample: the bad row is named and nothing is imported; fixed, it previews and imports.
  const sampleHeading = say("rounds.sample.heading");
  let sample = await fillTextArea(page, sampleHeading, BAD_SAMPLE);
  const problems = sample.getByRole("alert");
  await expect(problems).toBeFocused();
  await expect(problems).toContainText(
    say("rounds.import.rowFieldError", { row: 3, field: "sex", message: "Tieto puuttuu." }),
  );
  await expectNoAxeViolations(page, "sample with a bad row");
  sample = await fillTextArea(page, sampleHeading, GOOD_SAMPLE);
  await expect(sample.getByRole("alert")).toHaveCount(0);
  await expect(
    sample.getByRole("table", { name: say("rounds.sample.previewCaption_other", { count: 2 }) }),
  ).toBeVisible();
  await sample.getByRole("button", { name: say("rounds.import.apply") }).click();
  await expect(sample.getByRole("table", { name: say("rounds.sample.codesCaption") })).toBeVisible();
  await expect(sample.getByRole("row", { name: /Esimerkki A/ })).toContainText(/[2-9A-Z]{10}/);
  await expectNoAxeViolations(page, "sample imported, codes shown");
  // The codes are shown only now, so they can be saved for the letters' mail merge, by keyboard.
  const shown =
    (await sample
      .getByRole("row", { name: /Esimerkki A/ })
      .locator("code")
      .textContent()) ?? "";
  const downloading = page.waitForEvent("download");
  await sample.getByRole("link", { name: say("rounds.sample.downloadCodes") }).focus();
  await page.keyboard.press("Enter");
  const download = await downloading;
  const file = readFileSync((await download.path()) ?? "", "utf8");
  const lines = file.split("\r\n");
  expect(lines[0]).toBe("\uFEFFlabel,code");
  expect(lines[1]).toBe(`Esimerkki A,${shown}`);
  expect(lines[2]).toMatch(/^Esimerkki B,[2-9A-Z-]{10,}$/);
  expect(lines.slice(3)).toEqual([""]);

  // A quota by keyboard alone: focus the cell, type, Enter submits.
  const cell = page.getByLabel(say("rounds.quotas.cellLabel", { ageGroup: "15-44", area: "Keskusta" }));
  await cell.focus();
  await page.keyboard.type("3");
  await page.keyboard.press("Enter");
  await expect(page.getByText(say("rounds.quotas.saved"))).toBeVisible();
  const desk = (await (await page.request.get(`/api/v1/survey/rounds/${slug}/desk`)).json()) as RoundDesk;
  expect(desk.quotas).toEqual([{ ageGroup: "15-44", area: "Keskusta", target: 3, completed: 0 }]);
  expect(desk.sampleSize).toBe(2);
  expect(desk.round).toMatchObject({ weightingMethod: "poststratify", poststratCells: ["age_group", "sex"] });

  // Open the round for answers.
  await page.getByRole("button", { name: say("rounds.action.draft") }).click();
  await expect(page.getByText(say("rounds.changed.open"))).toBeVisible();
  await expect(page.getByRole("button", { name: say("rounds.action.open") })).toBeVisible();
  await expectNoAxeViolations(page, "round desk, open");

  // The fieldwork is extended and a Swedish title added on the desk; the round keeps its answers and state.
  const details = page.getByRole("region", { name: say("rounds.detailsHeading") });
  await details.getByLabel(say("rounds.fields.titleSv")).fill("Exempelomgång (exempeldata)");
  await details.getByLabel(say("rounds.fields.end")).fill(`${YEAR}-11-15`);
  await details.getByLabel(say("rounds.fields.end")).press("Enter");
  await expect(details.getByText(say("rounds.detailsSaved"))).toBeVisible();
  const edited = (await (await page.request.get(`/api/v1/survey/rounds/${slug}/desk`)).json()) as RoundDesk;
  expect(edited.round).toMatchObject({
    status: "open",
    fieldworkEnd: `${YEAR}-11-15`,
    title: { fi: "Esimerkkikierros (esimerkkiaineisto)", sv: "Exempelomgång (exempeldata)" },
  });

  // The new round is in the rounds list.
  await visit(page, WEB_ROUTES.surveyRounds, "rounds page with the round");
  await expect(page.getByRole("link", { name: "Esimerkkikierros (esimerkkiaineisto)" })).toBeVisible();
});
