import { expect, test } from "@playwright/test";
import { WEB_ROUTES } from "../src/contracts/web-routes.ts";
import { createAccount, keskio, signInContext } from "./identity-support.ts";
import { expectNoAxeViolations, message, waitForPage } from "./support.ts";

// Issue 6 §2 in the browser: staff create a service with a required single-value-list question (using the
// keyboard to reorder and remove questions), and a resident reporting in it is asked that question.

/** A Finnish feedback interface string, with {{values}} filled in. */
const fb = (key: string, values: Record<string, string | number> = {}) =>
  message("fi", `feedback.${key}`, values);
const sa = (key: string, values: Record<string, string | number> = {}) => fb(`serviceAdmin.${key}`, values);

test("staff create a service with a required choice question, and a resident is asked it", async ({
  browser,
  page,
  request,
}) => {
  // About a minute on an idle 2-core machine; axe on a long form is slow when the machine is busy.
  test.setTimeout(600_000);
  const suffix = Date.now().toString(36);
  const unit = `testiyksikko-${suffix}`;
  const code = `roskakorit-${suffix}`;
  const name = `Roskakorit ${suffix}`;
  const staff = await createAccount(request, `Sanna Palvelut ${suffix}`);
  await keskio(["users", "grant-role", staff.email, "staff", "--scope", unit]);
  await signInContext(page, staff.email);

  // ---- staff: from the queue to the services and a new one ----
  // The queue and the report form are checked with axe by feedback.spec.ts; here only the new pages are.
  await page.goto(WEB_ROUTES.feedbackQueue);
  await waitForPage(page);
  const main = page.getByRole("main");
  await main.getByRole("link", { name: sa("navLink") }).click();
  await waitForPage(page);
  await expect(page.locator("h1")).toHaveText(sa("title"));
  await expectNoAxeViolations(page, "service list");
  await main.getByRole("link", { name: sa("newLink") }).click();
  await waitForPage(page);
  await expect(page.locator("h1")).toHaveText(sa("newTitle"));

  // Nothing filled in: the summary takes focus and links to the fields.
  await main.getByRole("button", { name: sa("create") }).click();
  const summary = page.getByRole("alert").filter({ hasText: sa("errors.nameFi") });
  await expect(summary).toBeFocused();
  await summary.getByRole("link", { name: sa("errors.code") }).click();
  await expect(page.locator("#svc-code")).toBeFocused();
  await expectNoAxeViolations(page, "new service with errors");

  await page.locator("#svc-code").fill(code);
  await page.locator("#svc-name-fi").fill(name);
  await page.locator("#svc-name-en").fill(`Litter bins ${suffix}`);
  await page.locator("#svc-group-fi").fill("Puistot ja luonto");
  await page.getByLabel(sa("unit"), { exact: true }).fill(unit);

  // A first question by keyboard: adding it moves focus to its code.
  await main.getByRole("button", { name: sa("addQuestion") }).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("#svc-attributes-0-code")).toBeFocused();
  await page.keyboard.type("lisatieto");
  await page.locator("#svc-attributes-0-description-fi").fill("Mitä muuta haluat kertoa?");

  // The second question is the required choice; it is moved to the top with the keyboard.
  await main.getByRole("button", { name: sa("addQuestion") }).click();
  await expect(page.locator("#svc-attributes-1-code")).toBeFocused();
  await page.keyboard.type("vika");
  await page.locator("#svc-attributes-1-datatype").selectOption("singlevaluelist");
  await page.locator("#svc-attributes-1-required").check();
  await page.locator("#svc-attributes-1-description-fi").fill("Mikä roskakorissa on vialla?");
  await page.locator("#svc-attributes-1-values").click();
  await expect(page.locator("#svc-attributes-1-values-0-key")).toBeFocused();
  await page.keyboard.type("taynna");
  await page.locator("#svc-attributes-1-values-0-name-fi").fill("Täynnä");
  await page.locator("#svc-attributes-1-values").click();
  await page.keyboard.type("rikki");
  await page.locator("#svc-attributes-1-values-1-name-fi").fill("Rikki");
  await main.getByRole("button", { name: sa("moveUp", { number: 2 }) }).focus();
  await page.keyboard.press("Enter");
  await expect(main.locator(".form__status")).toContainText(sa("moved", { number: 1, count: 2 }));
  // Focus stays with the moved question, now first (only "down" is left for it).
  await expect(main.getByRole("button", { name: sa("moveDown", { number: 1 }) })).toBeFocused();
  await expect(page.locator("#svc-attributes-0-code")).toHaveValue("vika");
  // The other question is removed again, by keyboard; focus goes to "add a question".
  await main.getByRole("button", { name: sa("removeQuestion", { number: 2 }) }).focus();
  await page.keyboard.press("Enter");
  await expect(main.getByRole("button", { name: sa("addQuestion") })).toBeFocused();
  await expect(page.locator("#svc-attributes-1-code")).toHaveCount(0);
  await expectNoAxeViolations(page, "new service filled in");

  await main.getByRole("button", { name: sa("create") }).click();
  await expect(main.getByText(sa("created"))).toBeVisible();
  await expect(page.locator("h1")).toHaveText(sa("editTitle", { name }));
  await expect(main.getByRole("region", { name: sa("history") })).toContainText(sa("actions.create"));
  await expectNoAxeViolations(page, "service editor");

  // ---- a resident, signed out, reports in it ----
  const resident = await (await browser.newContext()).newPage();
  await resident.goto(WEB_ROUTES.feedbackReport);
  await waitForPage(resident);
  const form = resident.getByRole("main");
  await resident.getByLabel(fb("report.serviceSearch")).fill(suffix);
  await form.getByRole("radio", { name }).check();
  const question = resident.getByLabel("Mikä roskakorissa on vialla?", { exact: true });
  await expect(question).toBeVisible();
  await resident.getByLabel(fb("report.description"), { exact: true }).fill("Roskakori on täynnä ja haisee.");
  await form.getByRole("button", { name: fb("report.send") }).click();
  const asked = resident.getByRole("alert").filter({ hasText: fb("report.errors.question") });
  await expect(asked).toBeFocused();
  await question.selectOption({ label: "Rikki" });
  await form.getByRole("button", { name: fb("report.send") }).click();
  await expect(form.getByRole("heading", { name: fb("confirmation.heading") })).toBeFocused();
  await resident.context().close();

  // The request shows in the service's count for staff.
  await page.reload();
  await waitForPage(page);
  await expect(main).toContainText(sa("requestCount_one", { count: 1 }));
});
