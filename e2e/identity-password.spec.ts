import { expect, test } from "@playwright/test";
import { WEB_ROUTES } from "../src/contracts/web-routes.ts";
import { linkIn, PASSWORD, uniqueEmail, waitForMail } from "./identity-support.ts";
import { expectNoAxeViolations, message, visit, waitForPage } from "./support.ts";

const NEW_PASSWORD = "uusi-salasana-kesakuu-2031";

test("password flow: register, confirm by e-mail, sign in, see the profile, sign out; then reset the password", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const email = uniqueEmail("salasana");
  const name = "Sanni Salasana";
  const main = page.getByRole("main");
  const header = page.getByRole("banner");

  // Registration: the password rules are there before typing, tied to the field.
  await visit(page, WEB_ROUTES.register, "registration");
  const password = page.getByLabel(message("fi", "forms.password"), { exact: true });
  await expect(password).toHaveAttribute("autocomplete", "new-password");
  await expect(password).toHaveAccessibleDescription(new RegExp(message("fi", "passwordRules.notEmail")));
  await expect(page.getByLabel(message("fi", "forms.email"))).toHaveAttribute("autocomplete", "email");
  await expect(page.getByLabel(message("fi", "forms.displayName"))).toHaveAttribute("autocomplete", "name");

  // Sending it empty names every field, in the summary and at the fields, and focuses the summary.
  await main.getByRole("button", { name: message("fi", "register.submit") }).click();
  const summary = main.getByRole("alert");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText(message("fi", "forms.errors.displayNameRequired"));
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page, "registration with errors");

  // Show/hide the password.
  await password.fill(PASSWORD);
  const toggle = main.getByRole("button", { name: message("fi", "forms.showPassword") });
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(password).toHaveAttribute("type", "text");
  await toggle.click();
  await expect(password).toHaveAttribute("type", "password");

  await page.getByLabel(message("fi", "forms.displayName")).fill(name);
  await page.getByLabel(message("fi", "forms.email")).fill(email);
  await main.getByRole("button", { name: message("fi", "register.submit") }).click();
  const sent = main.getByRole("region", { name: message("fi", "register.sentTitle") });
  await expect(sent).toBeFocused();
  await expect(sent).toContainText(email);
  await expectNoAxeViolations(page, "registration sent");

  // Signing in before confirming is refused with the server's localized reason.
  await page.goto(WEB_ROUTES.signIn);
  await waitForPage(page);
  await page.getByLabel(message("fi", "forms.email")).fill(email);
  await page.getByLabel(message("fi", "forms.password"), { exact: true }).fill(PASSWORD);
  await main.getByRole("button", { name: message("fi", "signIn.submit") }).click();
  await expect(main.getByRole("alert")).toContainText("Vahvista ensin sähköpostiosoitteesi");
  await expectNoAxeViolations(page, "sign-in with an unconfirmed address");

  // The confirmation link from the mail.
  const verification = await waitForMail(email);
  expect(verification.language).toBe("fi");
  await visit(page, linkIn(verification, WEB_ROUTES.verifyEmail), "verify e-mail");
  await main.getByRole("button", { name: message("fi", "verifyEmail.submit") }).click();
  const confirmed = main.getByRole("region", { name: message("fi", "verifyEmail.doneTitle") });
  await expect(confirmed).toBeFocused();
  await expectNoAxeViolations(page, "e-mail confirmed");
  await confirmed.getByRole("link", { name: message("fi", "verifyEmail.signInLink") }).click();

  // Sign in: the profile shows the person, the header their name.
  await expect(page.locator("h1")).toHaveText(message("fi", "signIn.title"));
  await page.getByLabel(message("fi", "forms.email")).fill(email);
  await page.getByLabel(message("fi", "forms.password"), { exact: true }).fill(PASSWORD);
  await main.getByRole("button", { name: message("fi", "signIn.submit") }).click();
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.locator("h1")).toHaveText(message("fi", "profile.title"));
  await expect(main).toContainText(message("fi", "profile.greeting", { name }));
  await expect(main).toContainText(email);
  await expect(main).toContainText(message("fi", "profile.identifiedNo"));
  await expect(main).toContainText(message("fi", "profile.residentNo"));
  await expect(main.getByRole("listitem").filter({ hasText: message("fi", "roles.resident") })).toHaveCount(
    1,
  );
  await expect(main.getByRole("link", { name: message("fi", "profile.linkAction") })).toHaveAttribute(
    "href",
    "/api/v1/auth/oidc/start?returnTo=%2Fprofile&link=true",
  );
  await expect(
    header.getByRole("link", { name: `${message("fi", "account.profilePrefix")} ${name}` }),
  ).toBeVisible();
  await expect(header.getByRole("link", { name: message("fi", "account.adminAudit") })).toHaveCount(0);
  await waitForPage(page);
  await expectNoAxeViolations(page, "profile after signing in");

  // A resident is not let into the administration pages, and is told so.
  await visit(page, WEB_ROUTES.adminAudit, "audit log as a resident");
  await expect(main).toContainText(message("fi", "gate.forbidden"));

  // Sign out.
  await page.goto(WEB_ROUTES.profile);
  await waitForPage(page);
  await main.getByRole("button", { name: message("fi", "profile.signOut"), exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(main).toContainText(message("fi", "signIn.notices.signedOut"));
  await expect(header.getByRole("link", { name: message("fi", "account.signIn") })).toBeVisible();
  await waitForPage(page);
  await expectNoAxeViolations(page, "signed out");

  // Forgotten password: the link from the sign-in page, the mail, a new password.
  await main.getByRole("link", { name: message("fi", "signIn.forgotLink") }).click();
  await expect(page.locator("h1")).toHaveText(message("fi", "forgotPassword.title"));
  await expectNoAxeViolations(page, "forgot password");
  await page.getByLabel(message("fi", "forms.email")).fill(email);
  await main.getByRole("button", { name: message("fi", "forgotPassword.submit") }).click();
  await expect(main.getByRole("region", { name: message("fi", "forgotPassword.sentTitle") })).toBeFocused();

  const reset = await waitForMail(email, 2);
  expect(reset.subject).toContain("Salasanan vaihtaminen");
  await visit(page, linkIn(reset, WEB_ROUTES.resetPassword), "reset password");
  const newPassword = page.getByLabel(message("fi", "forms.newPassword"), { exact: true });
  await expect(newPassword).toHaveAttribute("autocomplete", "new-password");
  await newPassword.fill("lyhyt");
  await main.getByRole("button", { name: message("fi", "resetPassword.submit") }).click();
  await expect(main.getByRole("alert")).toContainText(
    message("fi", "forms.errors.passwordTooShort", { min: 10 }),
  );
  await newPassword.fill(NEW_PASSWORD);
  await main.getByRole("button", { name: message("fi", "resetPassword.submit") }).click();
  const changed = main.getByRole("region", { name: message("fi", "resetPassword.doneTitle") });
  await expect(changed).toBeFocused();
  await expectNoAxeViolations(page, "password changed");
  await changed.getByRole("link", { name: message("fi", "resetPassword.signInLink") }).click();

  // The old password no longer works; the new one does.
  await page.getByLabel(message("fi", "forms.email")).fill(email);
  await page.getByLabel(message("fi", "forms.password"), { exact: true }).fill(PASSWORD);
  await main.getByRole("button", { name: message("fi", "signIn.submit") }).click();
  await expect(main.getByRole("alert")).toContainText("Sähköpostiosoite tai salasana on väärin.");
  await page.getByLabel(message("fi", "forms.password"), { exact: true }).fill(NEW_PASSWORD);
  await main.getByRole("button", { name: message("fi", "signIn.submit") }).click();
  await expect(page).toHaveURL(/\/profile$/);
  await expect(main).toContainText(message("fi", "profile.greeting", { name }));

  // The link is used up.
  await visit(page, linkIn(reset, WEB_ROUTES.resetPassword), "used reset link");
  await newPassword.fill("taas-uusi-salasana-2032");
  await main.getByRole("button", { name: message("fi", "resetPassword.submit") }).click();
  await expect(main.getByRole("alert")).toContainText("Linkki on vanhentunut tai jo käytetty.");
  await expectNoAxeViolations(page, "used reset link refused");
});
