import { type APIRequestContext, type Browser, expect, type Page, test } from "@playwright/test";
import type { SessionInfo } from "../src/contracts/identity.ts";
import { createAccount, keskio, signInContext, waitForMail } from "./identity-support.ts";
import { expectNoAxeViolations, visit, waitForPage } from "./support.ts";
import { v } from "./volunteering-support.ts";

// Issue 8 §4: a representative sees a volunteer who allowed suggestions, with the reasons, and invites them;
// the volunteer sees the invitation on their page and can stop suggestions from the mailed link.

async function send(request: APIRequestContext, method: "POST" | "PUT", path: string, data: unknown) {
  const session = (await (await request.get("/api/v1/auth/session")).json()) as SessionInfo;
  const response = await request.fetch(path, {
    method,
    data,
    headers: { "x-csrf-token": session.csrfToken, "accept-language": "fi" },
  });
  expect(response.status(), `${method} ${path}: ${await response.text()}`).toBeLessThan(300);
  return response.json();
}

async function signedInPage(browser: Browser, name: string): Promise<{ page: Page; email: string }> {
  const page = await (await browser.newContext()).newPage();
  const account = await createAccount(page.request, name);
  await signInContext(page, account.email);
  return { page, email: account.email };
}

const HELSINKI_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Helsinki" });

test("a representative invites a suggested volunteer, who sees the invitation and can stop suggestions", async ({
  browser,
}) => {
  // Three accounts (each waits for its mail) and four pages with axe: on the shared 2-core machine under
  // load this takes longer than the project's 60 s default.
  test.setTimeout(150_000);
  const unique = Date.now().toString(36);
  const title = `Lukuhetki ${unique}`;
  const firstName = `Vilja${unique}`;
  const [rep, staff, volunteer] = await Promise.all([
    signedInPage(browser, "Reetta Edustaja"),
    signedInPage(browser, "Sami Virkailija"),
    signedInPage(browser, `${firstName} Vapaaehtoinen`),
  ]);
  await keskio(["users", "grant-role", staff.email, "staff", "--scope", "yhteiset-palvelut"]);
  await signInContext(staff.page, staff.email);
  const organisation = await send(rep.page.request, "POST", "/api/v1/volunteering/organisations", {
    name: `Lukijat ${unique}`,
    kind: "association",
    description: { fi: "Luemme yhdessä." },
    contactEmail: "lukijat@esimerkki.fi",
  });
  await send(staff.page.request, "POST", `/api/v1/volunteering/organisations/${organisation.id}/decision`, {
    approve: true,
  });
  const opportunity = await send(
    rep.page.request,
    "POST",
    `/api/v1/volunteering/organisations/${organisation.id}/opportunities`,
    {
      kind: "event",
      title: { fi: title },
      description: { fi: "Luet ääneen." },
      themes: ["culture"],
      skills: ["reading"],
      area: "keskusta",
      place: "Kaupunginkirjasto",
      contactName: "Kirsi",
      contactEmail: "kirsi@esimerkki.fi",
    },
  );
  await send(rep.page.request, "POST", `/api/v1/volunteering/opportunities/${opportunity.id}/shifts`, {
    date: HELSINKI_DAY.format(new Date(Date.now() + 7 * 86_400_000)),
    startTime: "10:00",
    endTime: "12:00",
    places: 3,
  });
  await send(volunteer.page.request, "POST", "/api/v1/volunteering/me", {
    displayName: `${firstName} Vapaaehtoinen`,
    profile: {
      interests: ["culture"],
      skills: ["reading"],
      areas: ["keskusta"],
      languages: [],
      availability: [],
    },
  });

  // The volunteer says yes to suggestions on their own page, by keyboard.
  await visit(volunteer.page, "/volunteering/me", "my volunteering");
  const allow = volunteer.page.getByLabel(v("invitations.allow"));
  await expect(allow).not.toBeChecked();
  await allow.focus();
  await volunteer.page.keyboard.press("Space");
  await volunteer.page.getByRole("button", { name: v("invitations.save") }).focus();
  await volunteer.page.keyboard.press("Enter");
  await expect(volunteer.page.getByText(v("invitations.nowOn"))).toBeAttached();
  await expect(volunteer.page.getByLabel(v("invitations.allow"))).toBeChecked();
  await expectNoAxeViolations(volunteer.page, "my volunteering with the suggestions choice");

  // The representative sees the first name and the reasons, never the e-mail, and invites.
  await visit(rep.page, `/volunteering/organisations/${organisation.id}`, "dashboard with suggestions");
  const list = rep.page.getByRole("list", { name: v("suggest.listLabel", { title }) });
  const item = list.getByRole("listitem").filter({ hasText: firstName }).first();
  await expect(item).toContainText(v("suggest.reasons.interest", { theme: "Kulttuuri ja kirjasto" }));
  await expect(item).toContainText(v("suggest.reasons.skill", { skill: "Ääneen lukeminen" }));
  await expect(item).toContainText(v("suggest.reasons.area", { area: "Keskusta" }));
  await expect(list).not.toContainText("Vapaaehtoinen");
  await expect(list).not.toContainText("@");
  await expectNoAxeViolations(rep.page, "dashboard with suggested volunteers");
  await item.getByRole("button", { name: v("suggest.inviteFor", { name: firstName, title }) }).click();
  await expect(item.getByText(v("suggest.alreadyInvited"))).toBeVisible();

  // The representative edits the shift by keyboard alone: the form opens with the focus in it, Enter saves, and
  // the page says what was done (nobody had signed up, so nobody was mailed).
  const edit = rep.page.getByRole("button", { name: new RegExp(`^${v("edit.editShiftFor", { when: "" })}`) });
  await edit.focus();
  await rep.page.keyboard.press("Enter");
  const form = rep.page.getByRole("form", { name: new RegExp(`^${v("edit.shiftFormFor", { when: "" })}`) });
  await expect(form.getByLabel(v("dashboard.date"))).toBeFocused();
  await expectNoAxeViolations(rep.page, "dashboard with the shift form open");
  const places = form.getByLabel(v("dashboard.places"));
  await places.focus();
  await rep.page.keyboard.press("ControlOrMeta+a");
  await rep.page.keyboard.type("4");
  await rep.page.keyboard.press("Enter");
  const status = rep.page
    .getByRole("status")
    .filter({ hasText: v("edit.shiftSaved", { when: "" }).slice(0, -2) });
  await expect(status).toBeFocused();
  await expect(
    rep.page
      .getByRole("row")
      .filter({ hasText: v("dashboard.fillValue", { confirmed: 0, places: 4, waitlisted: 0 }) }),
  ).toHaveCount(1);

  // The task's edit form opens with the focus on its heading, passes axe, and closes back to its button.
  const editTask = rep.page.getByRole("button", { name: v("edit.editTask") });
  await editTask.click();
  await expect(rep.page.getByRole("heading", { name: v("edit.taskHeading") })).toBeFocused();
  await expect(
    rep.page
      .getByRole("region", { name: v("edit.taskHeading") })
      .getByRole("group", { name: v("dashboard.titleLabel") })
      .getByLabel(v("edit.lang.fi")),
  ).toHaveValue(title);
  await expectNoAxeViolations(rep.page, "dashboard with the task form open");
  await rep.page.getByRole("button", { name: v("edit.close") }).click();
  await expect(editTask).toBeFocused();

  // A new task from the publish form, which shares its fields with the edit form: an empty try names what
  // is missing, themes included; filled in, the task is published.
  const publish = rep.page.getByRole("region", { name: v("dashboard.publishHeading") });
  await publish.getByRole("button", { name: v("dashboard.publish") }).click();
  const problems = publish.getByRole("alert");
  await expect(problems).toBeFocused();
  await expect(problems).toContainText(v("errors.themeRequired"));
  await expect(problems).toContainText(v("errors.titleRequired"));
  const newTitle = `Kirjastokahvilan kokous ${Date.now().toString(36)}`;
  await publish
    .getByRole("group", { name: v("dashboard.titleLabel") })
    .getByLabel(v("edit.lang.fi"))
    .fill(newTitle);
  await publish
    .getByRole("group", { name: v("dashboard.description") })
    .getByLabel(v("edit.lang.fi"))
    .fill("Suunnitellaan kevään ohjelmaa (esimerkkiaineisto).");
  await publish.getByLabel(v("themes.culture"), { exact: true }).check();
  await publish.getByLabel(v("facts.place"), { exact: true }).fill("Kirjasto");
  await publish.getByLabel(v("dashboard.contactName"), { exact: true }).fill("Riitta Edustaja");
  await publish.getByLabel(v("dashboard.contactEmail")).fill("riitta@example.fi");
  await publish.getByRole("button", { name: v("dashboard.publish") }).click();
  await expect(rep.page.getByRole("heading", { name: newTitle })).toBeVisible();

  // The mail in Finnish with the task's link; the volunteer's page lists the invitation.
  const mail = await waitForMail(volunteer.email, 2);
  expect(mail.subject).toBe(`Kutsu vapaaehtoistehtävään: ${title} – Keskiö`);
  expect(mail.text).toContain(`/volunteering/opportunities/${opportunity.id}`);
  await visit(volunteer.page, "/volunteering/me", "my volunteering with an invitation");
  await expect(volunteer.page.getByRole("link", { name: title })).toBeVisible();

  // The mailed link stops suggestions (a button press, not the mere opening of the link).
  const optOut = new URL(
    /https?:\/\/\S+\/volunteering\/suggestions-off\?token=[\w-]+/.exec(mail.text)?.[0] ?? "",
  );
  await visit(volunteer.page, `${optOut.pathname}${optOut.search}`, "stop suggestions");
  await volunteer.page.getByRole("button", { name: v("suggestionsOff.submit") }).click();
  await expect(volunteer.page.getByText(v("suggestionsOff.done"))).toBeVisible();
  await visit(rep.page, `/volunteering/organisations/${organisation.id}`, "dashboard after the opt-out");
  await waitForPage(rep.page);
  await expect(rep.page.getByText(v("suggest.none")).first()).toBeVisible();
  await expect(rep.page.getByText(firstName)).toHaveCount(0);
});
