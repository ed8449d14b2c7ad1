import { type APIRequestContext, expect, test } from "@playwright/test";
import type { FeedbackService, PublicRequest, QueuePage } from "../src/contracts/feedback.ts";
import type { SessionInfo } from "../src/contracts/identity.ts";
import { WEB_ROUTES } from "../src/contracts/web-routes.ts";
import { HEINOLA_VIEW, panBy, zoomAround } from "../src/web/components/map/projection.ts";
import { createAccount, keskio, signInContext } from "./identity-support.ts";
import { expectNoAxeViolations, message, visit, waitForPage } from "./support.ts";

// The shared map (src/web/components/map) in use: a resident chooses the place of a report by keyboard alone
// and the request is stored with exactly that place; once published, the request is a marker on the public
// list's map that Tab reaches and Enter opens, and its own page shows the place. Tiles are refused here, as
// offline: the maps must work and pass axe without them.

/** A Finnish feedback interface string, with {{values}} filled in. */
const fb = (key: string, values: Record<string, string> = {}) => message("fi", `feedback.${key}`, values);

/** A write as the app makes it, with the CSRF token of the caller's session. */
async function postJson(request: APIRequestContext, path: string, data: unknown) {
  const { csrfToken } = (await (await request.get("/api/v1/auth/session")).json()) as SessionInfo;
  const response = await request.post(path, { data, headers: { "x-csrf-token": csrfToken } });
  expect(response.status(), path).toBeLessThan(300);
  return response;
}

test("a resident chooses the place on the map by keyboard; the published request is a marker Tab reaches", async ({
  page,
  browser,
  request,
}) => {
  await page.route("https://tile.openstreetmap.org/**", (route) => route.abort());
  const services = (await (await request.get("/api/v1/feedback/services")).json()) as FeedbackService[];
  const service = services.find((s) => s.attributes.every((a) => !a.required));
  if (!service) throw new Error("the demo seed has no service without required questions");

  // ---- the resident chooses the place by keyboard ----
  await visit(page, WEB_ROUTES.feedbackReport, "report form");
  const main = page.getByRole("main");
  await main.getByRole("radio", { name: service.name.fi }).check();
  const description = `Katulamppu vilkkuu torin laidalla (${Date.now().toString(36)}).`;
  const descriptionField = page.getByLabel(fb("report.description"), { exact: true });
  await descriptionField.fill(description);
  // The address search comes between the description and the map; Tab from it lands on the map.
  await main.getByRole("combobox").focus();
  await page.keyboard.press("Tab");
  const map = main.getByRole("application", { name: fb("report.mapLabel") });
  await expect(map).toBeFocused();
  await expect(map).toHaveAccessibleDescription(message("fi", "map.pickerInstructions"));
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.type("+");
  await page.keyboard.press("Enter");
  // The same steps in the map's own arithmetic: two steps east, one north, one zoom level closer.
  let expected = panBy(panBy(panBy(HEINOLA_VIEW, 64, 0), 64, 0), 0, -64);
  expected = zoomAround(expected, expected.zoom + 1, 640, 320);
  const lat = Number(await page.getByLabel(fb("report.lat"), { exact: true }).inputValue());
  const long = Number(await page.getByLabel(fb("report.long"), { exact: true }).inputValue());
  expect(lat).toBeCloseTo(expected.center.lat, 5);
  expect(long).toBeCloseTo(expected.center.long, 5);
  expect(long).toBeGreaterThan(HEINOLA_VIEW.center.long);
  expect(lat).toBeGreaterThan(HEINOLA_VIEW.center.lat);
  // Announced: rounded coordinates in Finnish notation and the area of the list's filter.
  const decimals = new Intl.NumberFormat("fi-FI", { minimumFractionDigits: 5, maximumFractionDigits: 5 });
  await expect(main.getByRole("status").filter({ hasText: /\S/ })).toHaveText(
    message("fi", "map.chosenIn", {
      lat: decimals.format(lat),
      long: decimals.format(long),
      area: "Keskusta",
    }),
  );
  await expectNoAxeViolations(page, "report form with a place chosen on the map");

  // Clearing leaves no place, and focus on the map to choose again.
  await main.getByRole("button", { name: message("fi", "map.clear") }).click();
  await expect(map).toBeFocused();
  await expect(page.getByLabel(fb("report.lat"), { exact: true })).toHaveValue("");
  await page.keyboard.press("Enter");
  await expect(page.getByLabel(fb("report.lat"), { exact: true })).toHaveValue(/^61\.\d{6}$/);
  const picked = {
    lat: Number(await page.getByLabel(fb("report.lat"), { exact: true }).inputValue()),
    long: Number(await page.getByLabel(fb("report.long"), { exact: true }).inputValue()),
  };
  expect(picked.lat).toBeCloseTo(expected.center.lat, 5);
  await page.getByLabel(fb("report.publish")).check();
  await main.getByRole("button", { name: fb("report.send") }).click();
  await expect(main.getByRole("heading", { name: fb("confirmation.heading") })).toBeFocused();
  const reference = ((await page.getByTestId("feedback-reference").textContent()) ?? "").trim();
  const stored = (await (
    await request.get(`/api/v1/feedback/requests/${reference}`)
  ).json()) as PublicRequest;
  expect(stored.lat).toBeCloseTo(picked.lat, 6);
  expect(stored.long).toBeCloseTo(picked.long, 6);

  // ---- a handler publishes it (through the API: the handling pages are feedback.spec's) ----
  const staff = await (await browser.newContext()).newPage();
  const handler = await createAccount(staff.request, `Kartta Käsittelijä ${Date.now().toString(36)}`);
  await keskio(["users", "grant-role", handler.email, "staff", "--scope", service.unit]);
  await signInContext(staff, handler.email);
  const queue = (await (
    await staff.request.get("/api/v1/feedback/handling/requests?pageSize=200")
  ).json()) as QueuePage;
  const id = queue.items.find((item) => item.reference === reference)?.id;
  if (!id) throw new Error(`${reference} is not in the handler's queue`);
  await postJson(staff.request, `/api/v1/feedback/handling/requests/${id}/moderation`, {
    visibility: "published",
  });
  await staff.context().close();

  // ---- the public list: the marker is a link Tab reaches from the map ----
  await visit(page, `${WEB_ROUTES.feedback}?service=${service.code}`, "public list with a map");
  const listMap = main.getByRole("application", { name: fb("list.mapLabel") });
  const marker = listMap.getByRole("link", { name: `${service.name.fi} · ${reference}` });
  await expect(marker).toBeVisible();
  await listMap.focus();
  let reached = false;
  for (let presses = 0; presses < 60 && !reached; presses++) {
    await page.keyboard.press("Tab");
    reached = await marker.evaluate((element) => element === document.activeElement);
  }
  expect(reached, "Tab reaches the request's marker").toBe(true);
  await page.keyboard.press("Enter");
  await waitForPage(page);
  await expect(page.locator("h1")).toHaveText(fb("request.title", { reference }));
  await expect(
    main
      .getByRole("application", { name: fb("request.mapLabel") })
      .getByRole("img", { name: fb("request.mapPlace", { reference }) }),
  ).toBeVisible();
  await expectNoAxeViolations(page, "request page with its map");
});
