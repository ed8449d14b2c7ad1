import { type APIRequestContext, expect, test } from "@playwright/test";
import type { ProposalDetail } from "../src/contracts/budgeting.ts";
import type { SessionInfo } from "../src/contracts/identity.ts";
import { jpegWithMetadata } from "../src/server/lib/images/test-images.ts";
import { HEINOLA_VIEW } from "../src/web/components/map/projection.ts";
import { createAccount, keskio, signInContext } from "./identity-support.ts";
import { expectNoAxeViolations, message, visit } from "./support.ts";

// Issue 5 §6: a resident proposes with a photo and a place chosen on the map, by keyboard alone; the photo
// is stored without the camera's metadata and shows on the proposal page with its description, beside a
// map of the place. Tiles are refused, as offline: the pages must work and pass axe without them.

/** A Finnish interface string of the budgeting module, with {{values}} filled in. */
const fi = (key: string, values: Record<string, string | number> = {}) =>
  message("fi", `budgeting.${key}`, values);

async function send(request: APIRequestContext, method: "POST" | "PUT", path: string, data?: unknown) {
  const { csrfToken } = (await (await request.get("/api/v1/auth/session")).json()) as SessionInfo;
  const response = await request.fetch(path, {
    method,
    headers: { "x-csrf-token": csrfToken },
    ...(data === undefined ? {} : { data }),
  });
  expect(response.status(), `${method} ${path}: ${await response.text()}`).toBeLessThan(300);
  return response.json();
}

test("a resident proposes with a photo and a place on the map by keyboard; the proposal page shows both; staff change the photos", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(240_000);
  await page.route("https://tile.openstreetmap.org/**", (route) => route.abort());
  const suffix = Date.now().toString(36);
  const staffAccount = await createAccount(request, `Kaisa Kehittaja ${suffix}`);
  expect(
    await keskio(["users", "grant-role", staffAccount.email, "staff", "--scope", "kaupunkikehitys"]),
  ).toContain("granted staff");
  const staffContext = await browser.newContext();
  await send(staffContext.request, "POST", "/api/v1/auth/sign-in", {
    email: staffAccount.email,
    password: "kirjasto-kahvila-2030",
  });
  const now = Date.now();
  const round = await send(staffContext.request, "POST", "/api/v1/budgeting/rounds", {
    title: { fi: `Ideakierros ${suffix}` },
    description: { fi: "Selaintestin ideakierros." },
    ideasStart: new Date(now - 3_600_000).toISOString(),
    reviewStart: new Date(now + 86_400_000).toISOString(),
    votingStart: new Date(now + 2 * 86_400_000).toISOString(),
    votingEnd: new Date(now + 3 * 86_400_000).toISOString(),
    ballotType: "approval",
    minAge: 15,
    rule: "greedy",
    areas: [{ name: { fi: "Koko kaupunki" }, budget: 20000 }],
  });

  const resident = await createAccount(request, `Pirjo Ehdottaja ${suffix}`);
  await signInContext(page, resident.email);
  await visit(page, `/budgeting/rounds/${round.id}/propose`, "propose page");
  const main = page.getByRole("main");
  await page.getByLabel(fi("propose.titleLabel")).fill("Penkki Jyrängönvirran rantaan");
  await page.getByLabel(fi("propose.description")).fill("Penkki rantaan, josta näkee kosken ja sillan.");

  // The place by keyboard: Tab from the description onto the map, move, zoom in, Enter at the crosshair.
  await page.getByLabel(fi("propose.description")).focus();
  await page.keyboard.press("Tab");
  const map = main.getByRole("application", { name: fi("propose.mapLabel") });
  await expect(map).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await page.keyboard.type("+");
  await page.keyboard.press("Enter");
  const latField = page.getByLabel(fi("propose.latitude"));
  await expect(latField).toHaveValue(/^61\.\d{6}$/);
  const lat = Number(await latField.inputValue());
  const long = Number(await page.getByLabel(fi("propose.longitude")).inputValue());
  expect(lat).toBeGreaterThan(HEINOLA_VIEW.center.lat);
  expect(long).toBeCloseTo(HEINOLA_VIEW.center.long, 3);
  await page.getByLabel(fi("propose.place")).fill("Jyrängönvirran ranta");

  // A camera photo with EXIF GPS: the page re-encodes it, the server strips it again. The description is
  // required: sending without one lands on the error summary, which links to the field.
  await page.getByLabel(fi("propose.photosLabel", { max: 4 })).setInputFiles({
    name: "ranta.jpg",
    mimeType: "image/jpeg",
    buffer: jpegWithMetadata(6),
  });
  await expect(main.locator(".photo-list__image")).toHaveCount(1);
  const submit = main.getByRole("button", { name: fi("propose.submit") });
  await submit.focus();
  await page.keyboard.press("Enter");
  const summary = main.getByRole("alert");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText(fi("propose.photoAltMissing", { number: 1 }));
  await expectNoAxeViolations(page, "propose page with a missing photo description");
  await summary.getByRole("link").press("Enter");
  const altField = page.getByLabel(fi("propose.photoAlt", { number: 1 }));
  await expect(altField).toBeFocused();
  await page.keyboard.type("Rantapolku ja vanha penkki");
  await submit.focus();
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/budgeting\/proposals\/[0-9a-f-]+$/);
  const proposalId = page.url().split("/").pop() ?? "";
  const photo = main.getByRole("img", { name: "Rantapolku ja vanha penkki" });
  await expect(photo).toBeVisible();
  await expect(main.getByRole("application", { name: fi("proposal.mapLabel") })).toBeVisible();
  await expectNoAxeViolations(page, "proposal with a photo and a map");

  const stored = (await (
    await page.request.get(`/api/v1/budgeting/proposals/${proposalId}`)
  ).json()) as ProposalDetail;
  expect(stored.latitude).toBeCloseTo(lat, 6);
  expect(stored.longitude).toBeCloseTo(long, 6);
  expect(stored.images).toHaveLength(1);
  const bytes = Buffer.from(await (await page.request.get(stored.images[0]?.url ?? "")).body());
  expect(bytes.subarray(0, 2).toString("hex")).toBe("ffd8");
  expect(bytes.includes(Buffer.from("GPS-SECRET"))).toBe(false);

  // The round's list shows the thumbnail and a map whose marker Tab reaches.
  await visit(page, `/budgeting/rounds/${round.id}`, "round with a proposal on the map");
  await expect(main.locator(".pb-item__thumbnail")).toHaveAttribute("alt", "Rantapolku ja vanha penkki");
  const roundMap = main.getByRole("application", { name: new RegExp(fi("round.mapLabel")) });
  await expect(roundMap).toBeVisible();
  await roundMap.focus();
  await page.keyboard.press("Tab");
  await expect(page.locator(":focus")).toHaveAccessibleName(/Penkki Jyrängönvirran rantaan/);

  // The staff desk, signed in as staff, passes axe too.
  const staffPage = await staffContext.newPage();
  await staffPage.route("https://tile.openstreetmap.org/**", (route) => route.abort());
  await visit(staffPage, "/budgeting/staff", "staff desk signed in");

  // Staff moderate the photos on the proposal page by keyboard: the resident's photo goes, theirs comes.
  await visit(staffPage, `/budgeting/proposals/${proposalId}`, "proposal as staff, photo tools");
  const tools = staffPage.getByRole("region", { name: fi("staffPhotos.heading") });
  await tools.getByRole("button", { name: fi("staffPhotos.remove", { number: 1 }) }).press("Enter");
  await expect(tools.getByRole("status").filter({ hasText: fi("staffPhotos.removed") })).toBeVisible();
  await expect(tools.getByRole("heading", { name: fi("staffPhotos.heading") })).toBeFocused();
  await expect(tools.getByText(fi("staffPhotos.none"))).toBeVisible();
  await tools.getByLabel(fi("propose.photosLabel", { max: 4 })).setInputFiles({
    name: "kaupunki.jpg",
    mimeType: "image/jpeg",
    buffer: jpegWithMetadata(4),
  });
  await tools.getByLabel(fi("propose.photoAlt", { number: 1 })).fill("Rannan nykyinen levähdyspaikka");
  await tools.getByLabel(fi("propose.photoAlt", { number: 1 })).press("Enter");
  await expect(
    tools.getByRole("status").filter({ hasText: fi("staffPhotos.added_one", { count: 1 }) }),
  ).toBeVisible();
  await expect(
    staffPage
      .getByRole("main")
      .locator(".photo-list")
      .first()
      .getByRole("img", { name: "Rannan nykyinen levähdyspaikka" }),
  ).toBeVisible();
  await expectNoAxeViolations(staffPage, "proposal as staff after changing the photos");
  const moderated = (await (
    await staffPage.request.get(`/api/v1/budgeting/proposals/${proposalId}`)
  ).json()) as ProposalDetail;
  expect(moderated.images.map((image) => image.altText)).toEqual(["Rannan nykyinen levähdyspaikka"]);
  await staffContext.close();
});
