import { expect, type Page, test } from "@playwright/test";
import { createAccount, horizontalOverflow, keskio, signInContext } from "./identity-support.ts";
import { expectNoAxeViolations, LOCALES, message, startInLocale, visit, waitForPage } from "./support.ts";

// The shared living rooms on the demo data the e2e server starts with (`serve --demo`): a resident finds a
// space, its hours and events; staff add an exception and an event by keyboard. Every page is checked with axe.

const s = (key: string, values: Record<string, string | number> = {}) =>
  message("fi", `spaces.${key}`, values);
const HELSINKI_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Helsinki" });
const LIBRARY = "Kirjaston olohuone ja kahvila (esimerkki)";
const HEIMO = "HeiMo (esimerkki)";

function helsinkiDate(daysAhead: number): string {
  return HELSINKI_DAY.format(new Date(Date.now() + daysAhead * 86_400_000));
}

/** Tabs forward until the element has focus (keyboard only), failing after a bound. */
async function tabTo(page: Page, target: ReturnType<Page["locator"]>): Promise<void> {
  for (let i = 0; i < 200 && !(await target.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

test("a resident finds a space, its week's hours and its events", async ({ page }) => {
  await visit(page, "/spaces", "spaces list");
  const card = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: HEIMO }) });
  // The status is written out, not only coloured.
  await expect(card).toContainText(/Avoinna nyt, sulkeutuu|Suljettu nyt, avautuu/);
  await expect(card).toContainText(s("exampleData"));

  await card.getByRole("link", { name: HEIMO }).click();
  await waitForPage(page);
  await expect(page.locator("h1")).toHaveText(HEIMO);
  await expectNoAxeViolations(page, "a space");
  const week = page.getByRole("table", { name: s("week.caption") });
  await expect(week.getByRole("row")).toHaveCount(8);
  await expect(week).toContainText("09.00–12.00, 13.00–20.00");
  await expect(page.getByText(s("accessibility.stepFree.yes"))).toBeVisible();
  await expect(page.getByRole("heading", { name: /Korjauskahvila/ })).toBeVisible();
  const feed = await page.request.get(
    (await page.getByRole("link", { name: s("events.calendarOf", { name: HEIMO }) }).getAttribute("href")) ??
      "",
  );
  expect(feed.headers()["content-type"]).toMatch(/^text\/calendar/);
  expect(await feed.text()).toContain("SUMMARY:Korjauskahvila (Esimerkkiaineisto.)");

  await visit(page, "/spaces/events", "events by day");
  await expect(page.getByRole("heading", { name: /Satutuokio/ })).toBeVisible();
  await expect(page.getByRole("link", { name: LIBRARY }).first()).toBeVisible();
});

for (const locale of LOCALES) {
  test(`every spaces page passes axe in ${locale}, the desk signed out too`, async ({ page }) => {
    await startInLocale(page, locale);
    const spaces = (await (await page.request.get("/api/v1/spaces")).json()) as { id: string }[];
    const paths = ["/spaces", "/spaces/events", ...spaces.map((space) => `/spaces/${space.id}`)];
    for (const path of [...paths, "/spaces/staff", "/spaces/bookings"]) {
      await visit(page, path, `${path} in ${locale}`);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
    }
  });
}

test("the spaces list reflows at 320 px", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 720 });
  await visit(page, "/spaces", "spaces list at 320 px");
  expect(await horizontalOverflow(page)).toBe(0);
});

test("staff add an exception and an event by keyboard, and residents see them", async ({ browser }) => {
  const unique = Date.now().toString(36);
  const page = await (await browser.newContext()).newPage();
  const account = await createAccount(page.request, "Tiina Tilavastaava");
  await keskio(["users", "grant-role", account.email, "staff", "--scope", "kirjasto"]);
  await signInContext(page, account.email);

  await visit(page, "/spaces/staff", "spaces desk");
  const choose = page.getByLabel(s("staff.choose"), { exact: true });
  await tabTo(page, choose);
  await choose.selectOption({ label: LIBRARY });
  await expect(page.getByRole("heading", { name: s("staff.weeklyHours") })).toBeVisible();
  await expectNoAxeViolations(page, "spaces desk with a space");

  // An exception ten days ahead (beyond this week's table, so it is listed under the exceptions ahead).
  const closedDay = helsinkiDate(10);
  const reason = `Henkilökunnan koulutus ${unique}`;
  await page.getByLabel(s("staff.date"), { exact: true }).first().fill(closedDay);
  await tabTo(page, page.getByLabel(s("staff.reason"), { exact: true }));
  await page.keyboard.type(reason);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: s("staff.addException") })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("listitem").filter({ hasText: reason })).toBeVisible();

  // An evening event after closing time: saved, with a warning.
  const title = `Lukupiiri ${unique}`;
  const eventForm = page.getByRole("form", { name: s("staff.addEvent") });
  await tabTo(page, eventForm.getByLabel(s("staff.titleFi"), { exact: true }));
  await page.keyboard.type(title);
  await tabTo(page, eventForm.getByLabel(s("staff.descriptionFi"), { exact: true }));
  await page.keyboard.type("Keskustellaan kuukauden kirjasta.");
  await eventForm.getByLabel(s("staff.date"), { exact: true }).fill(helsinkiDate(3));
  await eventForm.getByLabel(s("staff.starts"), { exact: true }).fill("20:00");
  await eventForm.getByLabel(s("staff.ends"), { exact: true }).fill("21:30");
  await tabTo(page, eventForm.getByLabel(s("staff.organiser"), { exact: true }));
  await page.keyboard.type("Kirjaston lukupiiri");
  await tabTo(page, eventForm.getByRole("button", { name: s("staff.publishEvent") }));
  await page.keyboard.press("Enter");
  await expect(page.getByText(s("staff.outsideHours"))).toBeVisible();
  await expect(page.getByRole("button", { name: s("staff.editEvent", { title }) })).toBeVisible();
  await expectNoAxeViolations(page, "spaces desk after saving");

  // A bad interval is refused with a message in Finnish.
  await page.getByRole("button", { name: /^Lisää aukioloaika: sunnuntai$/ }).focus();
  await page.keyboard.press("Enter");
  const sundayOpens = page.getByLabel(s("staff.opensOn", { day: "sunnuntai" }), { exact: true });
  await sundayOpens.fill("15:00");
  await page.getByLabel(s("staff.closesOn", { day: "sunnuntai" }), { exact: true }).fill("12:00");
  await page.getByRole("button", { name: s("staff.saveHours") }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alert")).toContainText("päättyy ennen kuin se alkaa");
  await expectNoAxeViolations(page, "spaces desk with an error");

  const space = page.context().newPage();
  const resident = await space;
  await visit(resident, "/spaces", "spaces list again");
  await resident.getByRole("link", { name: LIBRARY }).click();
  await waitForPage(resident);
  await expect(resident.getByRole("heading", { name: title })).toBeVisible();
  await expect(resident.getByText(reason)).toBeVisible();
  await expectNoAxeViolations(resident, "space with the new event");
});

test("a resident asks to book HeiMo, staff confirm it by keyboard, and the resident sees it confirmed", async ({
  browser,
}) => {
  const resident = await (await browser.newContext()).newPage();
  const desk = await (await browser.newContext()).newPage();
  const [person, officer] = await Promise.all([
    createAccount(resident.request, "Ville Varaaja"),
    createAccount(desk.request, "Vilma Virkailija"),
  ]);
  await keskio(["users", "grant-role", officer.email, "staff", "--scope", "heimo"]);
  await signInContext(resident, person.email);
  await signInContext(desk, officer.email);

  // The first day from tomorrow on which HeiMo is open 14:00–15:00 (from the week the API gives).
  const spaces = (await (await resident.request.get("/api/v1/spaces")).json()) as {
    id: string;
    name: string;
  }[];
  const heimo = spaces.find((space) => space.name === HEIMO);
  const detail = (await (await resident.request.get(`/api/v1/spaces/${heimo?.id}`)).json()) as {
    week: { date: string; intervals: { opens: string; closes: string }[] }[];
  };
  const day = detail.week
    .slice(1)
    .find((d) => d.intervals.some((i) => i.opens <= "14:00" && i.closes >= "15:00"));
  expect(day, "HeiMo opens some day this week").toBeDefined();
  const purpose = `Taloyhtiön kokous ${Date.now().toString(36)}`;

  await visit(resident, `/spaces/${heimo?.id}`, "HeiMo signed in");
  const form = resident.getByRole("form", { name: s("booking.request") });
  await form.getByLabel(s("staff.date"), { exact: true }).fill(day?.date ?? "");
  await form.getByLabel(s("staff.starts"), { exact: true }).fill("14:00");
  await form.getByLabel(s("staff.ends"), { exact: true }).fill("15:00");
  await tabTo(resident, form.getByLabel(s("booking.purpose"), { exact: true }));
  await resident.keyboard.type(purpose);
  await resident.keyboard.press("Tab");
  await resident.keyboard.type("6");
  await resident.keyboard.press("Enter");
  await expect(resident.getByText(s("booking.sent"))).toBeVisible();
  await expectNoAxeViolations(resident, "booking request sent");

  await visit(desk, "/spaces/staff", "desk with a booking request");
  const request = desk.getByRole("listitem").filter({ hasText: purpose });
  await expect(request).toContainText(person.email);
  await tabTo(
    desk,
    request.getByRole("button", { name: new RegExp(`^Vahvista ${HEIMO.replace(/[()]/g, "\\$&")}`) }),
  );
  await desk.keyboard.press("Enter");
  await expect(desk.getByRole("listitem").filter({ hasText: purpose })).not.toContainText(person.email);
  await expect(desk.getByText(purpose)).toBeVisible();

  await visit(resident, "/spaces/bookings", "my bookings");
  await expect(resident.getByRole("listitem").filter({ hasText: purpose })).toContainText(
    s("booking.state", { state: s("booking.status.confirmed") }),
  );
});
