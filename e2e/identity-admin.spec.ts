import { expect, test } from "@playwright/test";
import { WEB_ROUTES } from "../src/contracts/web-routes.ts";
import { createAccount, horizontalOverflow, keskio, PASSWORD } from "./identity-support.ts";
import { expectNoAxeViolations, languageSwitch, message, visit, waitForPage } from "./support.ts";

// A valid identity number from the temporary range 900–999 (test persons; accepted outside production),
// used only for the in-person check below, and the same with a wrong check character: the form accepts its
// shape, the server refuses it.
const HENKILOTUNNUS = "150690-951D";
const BAD_HENKILOTUNNUS = "150690-951E";

test("an admin grants and revokes roles, verifies a person in person, and reads the audit log", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const suffix = Date.now().toString(36);
  const admin = await createAccount(request, `Aino Ylläpitäjä ${suffix}`);
  const target = await createAccount(request, `Toivo Kohde ${suffix}`);
  // The first admin is made on the command line, against the server's own database.
  expect(await keskio(["users", "grant-role", admin.email, "admin"])).toContain("granted admin");

  // Signed out, the page asks to sign in and comes back to it afterwards; the header then offers the
  // administration pages.
  await visit(page, WEB_ROUTES.adminPeople, "admin people signed out");
  const main = page.getByRole("main");
  await main.getByRole("link", { name: message("fi", "gate.signInLink") }).click();
  await expect(page).toHaveURL(/\/sign-in\?returnTo=%2Fadmin%2Fpeople$/);
  await waitForPage(page);
  await expectNoAxeViolations(page, "sign-in (admin)");
  await page.getByLabel(message("fi", "forms.email")).fill(admin.email);
  await page.getByLabel(message("fi", "forms.password"), { exact: true }).fill(PASSWORD);
  await main.getByRole("button", { name: message("fi", "signIn.submit") }).click();
  await expect(page).toHaveURL(/\/admin\/people$/);
  await expect(page.locator("h1")).toHaveText(message("fi", "adminPeople.title"));
  const header = page.getByRole("banner");
  await expect(header.getByRole("link", { name: message("fi", "account.adminPeople") })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await waitForPage(page);
  await expectNoAxeViolations(page, "admin people");

  // Search for the person.
  await page
    .getByRole("searchbox", { name: message("fi", "adminPeople.searchLabel") })
    .fill(`Toivo Kohde ${suffix}`);
  await page.getByRole("button", { name: message("fi", "adminPeople.searchSubmit") }).click();
  await expect(main).toContainText(
    message("fi", "adminPeople.countSearch_one", { count: 1, search: `Toivo Kohde ${suffix}` }),
  );
  const card = main.locator(".person-card");
  await expect(card).toHaveCount(1);
  await expect(card.getByRole("heading", { level: 3 })).toHaveText(target.displayName);
  await expect(card).toContainText(target.email);
  const roles = card.locator(".role-list");
  await expect(roles.getByRole("listitem")).toHaveText([new RegExp(message("fi", "roles.resident"))]);

  // Grant the moderator role.
  await card.getByLabel(message("fi", "adminPeople.roleLabel")).selectOption("moderator");
  await card.getByRole("button", { name: new RegExp(`^${message("fi", "adminPeople.grant")}`) }).click();
  await expect(card).toContainText(
    message("fi", "adminPeople.granted", {
      role: message("fi", "roles.moderator"),
      name: target.displayName,
    }),
  );
  await expect(roles.getByRole("listitem").filter({ hasText: message("fi", "roles.moderator") })).toHaveCount(
    1,
  );

  // Staff needs a unit: a wrong one is explained at the field; a right one is granted with its scope.
  await card.getByLabel(message("fi", "adminPeople.roleLabel")).selectOption("staff");
  const unit = card.getByLabel(message("fi", "adminPeople.unitLabel"));
  await unit.fill("Kirjasto!");
  await card.getByRole("button", { name: new RegExp(`^${message("fi", "adminPeople.grant")}`) }).click();
  await expect(card.getByRole("alert")).toContainText(message("fi", "forms.errors.unitInvalid"));
  await expect(unit).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page, "admin people with a grant error");
  await unit.fill("kirjasto");
  await card.getByRole("button", { name: new RegExp(`^${message("fi", "adminPeople.grant")}`) }).click();
  const staffRole = message("fi", "roles.withScope", {
    role: message("fi", "roles.staff"),
    scope: "kirjasto",
  });
  await expect(roles.getByRole("listitem").filter({ hasText: staffRole })).toHaveCount(1);

  // Revoke the moderator role; the focus goes to the roles' heading.
  const revoke = card.getByRole("button", {
    name: `${message("fi", "adminPeople.revoke")} ${message("fi", "adminPeople.revokeContext", {
      role: message("fi", "roles.moderator"),
      name: target.displayName,
    })}`,
  });
  await revoke.click();
  await expect(roles.getByRole("listitem").filter({ hasText: message("fi", "roles.moderator") })).toHaveCount(
    0,
  );
  await expect(
    card.getByRole("heading", { level: 4, name: message("fi", "adminPeople.rolesHeading") }),
  ).toBeFocused();

  // In-person verification: the identity number field is never autofilled and is emptied after sending;
  // the number appears nowhere afterwards.
  await card.getByText(message("fi", "adminPeople.verifyHeading")).click();
  const hetu = card.getByLabel(message("fi", "adminPeople.henkilotunnusLabel"));
  await expect(hetu).toHaveAttribute("autocomplete", "off");
  await card.getByLabel(message("fi", "adminPeople.servicePointLabel")).fill("Kaupungintalon asiakaspalvelu");
  await hetu.fill(BAD_HENKILOTUNNUS);
  await card.getByRole("button", { name: message("fi", "adminPeople.verifySubmit") }).click();
  await expect(card.getByRole("alert")).toContainText(message("fi", "forms.errors.henkilotunnus"));
  await expect(hetu).toHaveValue("");
  await expect(hetu).toHaveAttribute("aria-invalid", "true");
  await hetu.fill(HENKILOTUNNUS);
  await card.getByRole("button", { name: message("fi", "adminPeople.verifySubmit") }).click();
  await expect(card).toContainText(
    message("fi", "adminPeople.verified", {
      name: target.displayName,
      servicePoint: "Kaupungintalon asiakaspalvelu",
    }),
  );
  await expect(hetu).toHaveValue("");
  await expect(
    card
      .locator(".facts > div")
      .filter({ hasText: message("fi", "adminPeople.residentLabel") })
      .locator("dd"),
  ).toHaveText(message("fi", "profile.yes"));
  await expect(page.locator("body")).not.toContainText(HENKILOTUNNUS);
  await expectNoAxeViolations(page, "admin people after the changes");

  // The audit log shows what was done, filtered by action, and the CSV link carries the same filter.
  await header.getByRole("link", { name: message("fi", "account.adminAudit") }).click();
  await expect(page.locator("h1")).toHaveText(message("fi", "audit.title"));
  await waitForPage(page);
  await expect(main.getByRole("table")).toContainText(
    message("fi", "audit.actions.person.verified_in_person"),
  );
  await expectNoAxeViolations(page, "audit log");
  await main.getByLabel(message("fi", "audit.actionLabel"), { exact: true }).selectOption("role.granted");
  await main.getByRole("button", { name: message("fi", "audit.apply") }).click();
  const csv = main.getByRole("link", { name: message("fi", "audit.csv") });
  await expect(csv).toHaveAttribute("href", "/api/v1/admin/audit.csv?action=role.granted");
  const rows = main.getByRole("table").locator("tbody tr");
  await expect(rows.first()).toContainText("role.granted");
  for (const row of await rows.all()) await expect(row).toContainText("role.granted");
  await expect(main.getByRole("table")).toContainText("scope: kirjasto");
  const download = await page.request.get((await csv.getAttribute("href")) ?? "");
  expect(download.status()).toBe(200);
  expect(download.headers()["content-type"]).toContain("text/csv");
  const csvText = await download.text();
  expect(csvText).toContain("role.granted");
  expect(csvText).not.toContain("role.revoked");
  expect(csvText).not.toContain(HENKILOTUNNUS);
  await expect(page.locator("body")).not.toContainText(HENKILOTUNNUS);

  // A day range: today in Helsinki includes these events; a range in the past has none.
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Helsinki" }).format(new Date());
  await main.getByLabel(message("fi", "audit.fromLabel"), { exact: true }).fill(today);
  await main.getByLabel(message("fi", "audit.toLabel"), { exact: true }).fill(today);
  await main.getByRole("button", { name: message("fi", "audit.apply") }).click();
  await expect(csv).toHaveAttribute("href", /from=.+&to=.+&action=role.granted/);
  await expect(rows.first()).toContainText("role.granted");
  await main.getByLabel(message("fi", "audit.fromLabel"), { exact: true }).fill("2020-01-01");
  await main.getByLabel(message("fi", "audit.toLabel"), { exact: true }).fill("2020-01-31");
  await main.getByRole("button", { name: message("fi", "audit.apply") }).click();
  await expect(main).toContainText(message("fi", "audit.count_other", { count: 0 }));
  await expect(main.getByRole("table")).toHaveCount(0);

  // The same pages in English, and at 320 px without horizontal scrolling.
  await languageSwitch(page).getByRole("button", { name: "English" }).click();
  await expect(page.locator("h1")).toHaveText(message("en", "audit.title"));
  await main.getByLabel(message("en", "audit.fromLabel"), { exact: true }).fill("");
  await main.getByLabel(message("en", "audit.toLabel"), { exact: true }).fill("");
  await main.getByRole("button", { name: message("en", "audit.apply") }).click();
  await expect(main.getByRole("table")).toContainText(message("en", "audit.actions.role.granted"));
  await expectNoAxeViolations(page, "audit log in en");
  await page.setViewportSize({ width: 320, height: 720 });
  expect(await horizontalOverflow(page), "audit log at 320 px").toBeLessThanOrEqual(0);
  await visit(page, WEB_ROUTES.adminPeople, "admin people in en at 320 px");
  await expect(page.locator("h1")).toHaveText(message("en", "adminPeople.title"));
  expect(await horizontalOverflow(page), "admin people at 320 px").toBeLessThanOrEqual(0);
});
