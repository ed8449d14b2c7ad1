import { type Browser, expect, type Page, test } from "@playwright/test";
import type { FeedbackService, HandlerRequestDetail } from "../src/contracts/feedback.ts";
import { WEB_ROUTES } from "../src/contracts/web-routes.ts";
import { jpegWithMetadata } from "../src/server/lib/images/test-images.ts";
import { createAccount, horizontalOverflow, keskio, signInContext, uniqueEmail } from "./identity-support.ts";
import { expectNoAxeViolations, type Locale, message, startInLocale, visit, waitForPage } from "./support.ts";

// Issue 6's browser test: a resident reports with a photo, a handler answers and publishes, and the resident
// sees the answer; axe checks every resident and handler page on the way. The services are the demo seed's
// example services (a city defines its own), which the server under test starts with (`keskio serve --demo`).

/** A feedback interface string (src/web/i18n/modules/feedback.<locale>.json), with {{values}} filled in. */
function fb(locale: Locale, key: string, values: Record<string, string | number> = {}): string {
  return message(locale, `feedback.${key}`, values);
}

const SERVICE = "katujen-kunnossapito";

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

test("a resident reports with a photo, a handler answers, the resident sees the answer", async ({
  browser,
  page,
  request,
}) => {
  // About 35 s on an idle 2-core machine; the margin is for a machine busy with other suites.
  test.setTimeout(150_000);
  const services = (await (await request.get("/api/v1/feedback/services")).json()) as FeedbackService[];
  const service = services.find((s) => s.code === SERVICE);
  if (!service) throw new Error(`the demo seed has no service ${SERVICE}`);
  const suffix = Date.now().toString(36);
  const handler = await createAccount(request, `Kalle Käsittelijä ${suffix}`);
  await keskio(["users", "grant-role", handler.email, "staff", "--scope", service.unit]);

  // ---- the resident, signed out ----
  await visit(page, WEB_ROUTES.feedbackReport, "report form");
  const main = page.getByRole("main");
  await main.getByRole("button", { name: fb("fi", "report.send") }).click();
  // Nothing chosen: the summary names what is missing and links to it.
  const summary = page.getByRole("alert").filter({ hasText: fb("fi", "report.errors.service") });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: fb("fi", "report.errors.description") })).toBeVisible();

  // The search narrows the grouped list; the service has a required question.
  await page.getByLabel(fb("fi", "report.serviceSearch")).fill("kuoppa");
  expect(await main.getByRole("radio").count()).toBeLessThan(services.length);
  await main.getByRole("radio", { name: service.name.fi }).check();
  await expect(
    main.getByText(fb("fi", "report.promise", { hours: service.firstResponseHours })),
  ).toBeVisible();
  const question = service.attributes.find((a) => a.required && a.variable);
  if (!question) throw new Error("the service has no required question");
  await page.getByLabel(question.description.fi, { exact: true }).selectOption(question.values[0]?.key ?? "");
  const description = `Syvä kuoppa pyörätiellä koulun kohdalla (${suffix}).`;
  await page.getByLabel(fb("fi", "report.description"), { exact: true }).fill(description);
  // Address search (the demo's example addresses): type, choose by keyboard; the text and map point are set.
  const address = page.getByRole("combobox", {
    name: fb("fi", "optional", { label: fb("fi", "report.address") }),
  });
  await address.fill("kauppakatu 5");
  const suggestion = main.getByRole("option", { name: /^Kauppakatu 5, 18100 Heinola/ });
  await expect(suggestion).toBeVisible();
  await expect(address).toHaveAttribute("aria-expanded", "true");
  await expectNoAxeViolations(page, "report form with address suggestions");
  await address.press("ArrowDown");
  await expect(suggestion).toHaveAttribute("aria-selected", "true");
  await expect(address).toHaveAttribute("aria-activedescendant", (await suggestion.getAttribute("id")) ?? "");
  await address.press("Enter");
  await expect(address).toHaveValue("Kauppakatu 5, 18100 Heinola");
  await expect(address).toHaveAttribute("aria-expanded", "false");
  await expect(main.locator(".map-picker__chosen")).toContainText("61,20460");
  await expect(main.getByText(/Esimerkkiaineisto: keksityt osoitepisteet/)).toBeVisible();
  // A camera photo with EXIF GPS, XMP and a comment: the page re-encodes it, the server strips it again.
  await page.getByLabel(fb("fi", "report.photosLabel", { max: 3 })).setInputFiles({
    name: "kuoppa.jpg",
    mimeType: "image/jpeg",
    buffer: jpegWithMetadata(),
  });
  const preview = main.locator(".photo-list__image");
  await expect(preview).toHaveCount(1);
  await page.getByLabel(fb("fi", "report.photoAlt", { number: 1 })).fill("Kuoppa pyörätien reunassa");
  await expect(preview).toHaveAttribute("alt", "Kuoppa pyörätien reunassa");
  const residentEmail = uniqueEmail("asukas");
  await page.getByLabel(fb("fi", "optional", { label: fb("fi", "report.email") })).fill(residentEmail);
  await page.getByLabel(fb("fi", "report.publish")).check();
  await main.getByRole("button", { name: fb("fi", "report.send") }).click();

  const confirmation = main.getByRole("heading", { name: fb("fi", "confirmation.heading") });
  await expect(confirmation).toBeFocused();
  const reference = ((await page.getByTestId("feedback-reference").textContent()) ?? "").trim();
  expect(reference).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect(main).toContainText(fb("fi", "confirmation.promise"));
  await expectNoAxeViolations(page, "report confirmation");
  await main.getByRole("link", { name: fb("fi", "confirmation.statusLink") }).click();
  await waitForPage(page);
  await expect(page.locator("h1")).toHaveText(fb("fi", "request.title", { reference }));
  await expect(main).toContainText(fb("fi", "request.noAnswer"));
  await expect(main).toContainText(fb("fi", "request.descriptionHidden"));
  const statusUrl = page.url();

  // ---- the handler ----
  const staff = await newPage(browser);
  await signInContext(staff, handler.email);
  // Staff see where a request came from on the report form, to record phone and desk requests.
  await visit(staff, WEB_ROUTES.feedbackReport, "report form as staff");
  await expect(staff.getByLabel(fb("fi", "report.channel"))).toHaveValue("web");
  await visit(staff, WEB_ROUTES.feedbackQueue, "handler queue");
  const queueMain = staff.getByRole("main");
  await queueMain.getByRole("link", { name: reference, exact: true }).click();
  await waitForPage(staff);
  await expect(staff.locator("h1")).toHaveText(fb("fi", "handling.title", { reference }));
  await expect(queueMain).toContainText(description);
  await expect(queueMain).toContainText(residentEmail);

  const assign = queueMain.getByRole("region", { name: fb("fi", "handling.assignHeading") });
  await assign
    .getByLabel(fb("fi", "handling.assignLabel"))
    .selectOption({ label: fb("fi", "handling.assignToMe") });
  await assign.getByRole("button", { name: fb("fi", "handling.assignSubmit") }).click();
  await expect(assign).toContainText(fb("fi", "handling.assignedMe"));

  const answer = `Kiitos ilmoituksesta! Korjaamme kuopan tällä viikolla (${suffix}).`;
  const answerForm = queueMain.getByRole("region", { name: fb("fi", "handling.answerHeading") });
  await answerForm.getByLabel(fb("fi", "handling.answerLabel")).fill(answer);
  await answerForm.getByRole("button", { name: fb("fi", "handling.answerSubmit") }).click();
  await expect(answerForm).toContainText(fb("fi", "handling.saved"));
  const moderation = queueMain.getByRole("region", { name: fb("fi", "handling.moderationHeading") });
  await moderation.getByLabel(fb("fi", "visibility.published")).check();
  await moderation.getByRole("button", { name: fb("fi", "handling.moderationSubmit") }).click();
  await expect(moderation).toContainText(fb("fi", "handling.saved"));
  const status = queueMain.getByRole("region", { name: fb("fi", "handling.statusHeading"), exact: true });
  await status.getByLabel(fb("fi", "handling.statusLabel")).selectOption("done");
  await status.getByRole("button", { name: fb("fi", "handling.statusSubmit") }).click();
  await expect(status).toContainText(fb("fi", "handling.saved"));
  const history = queueMain.locator(".feedback-history");
  await expect(history).toContainText(fb("fi", "history.answer"));
  // Staff are named in the history the handler sees; the resident's public page names nobody.
  await expect(history).toContainText(handler.displayName);
  await expectNoAxeViolations(staff, "handling page after answering");

  // The stored photo has none of the camera's metadata.
  const id = new URL(staff.url()).pathname.split("/").pop() ?? "";
  const detail = (await (
    await staff.request.get(`/api/v1/feedback/handling/requests/${id}`)
  ).json()) as HandlerRequestDetail;
  expect(detail.photos).toHaveLength(1);
  const photo = await staff.request.get(detail.photos[0]?.url ?? "");
  expect(photo.status()).toBe(200);
  const bytes = Buffer.from(await photo.body());
  for (const secret of ["Exif", "GPS", "Maija", "xmpmeta", "trailing secret"]) {
    expect(bytes.includes(Buffer.from(secret)), secret).toBe(false);
  }
  await staff.context().close();

  // ---- the resident again ----
  await page.goto(statusUrl);
  await waitForPage(page);
  const answerSection = main.getByRole("region", { name: fb("fi", "request.answerHeading") });
  await expect(answerSection).toContainText(answer);
  await expect(main.locator(".feedback-facts")).toContainText(fb("fi", "status.done"));
  await expect(main).not.toContainText(handler.displayName);
  await expect(main).toContainText(description);
  await expect(main.getByRole("img", { name: "Kuoppa pyörätien reunassa" })).toBeVisible();
  await expectNoAxeViolations(page, "status page with the answer");

  // The published request is in the public list, filtered by its service.
  await visit(page, `${WEB_ROUTES.feedback}?service=${SERVICE}`, "public list");
  // In the list, and (chosen by address search, so it has a place) on the map above it.
  await expect(main.locator("a:not([data-map-marker])").filter({ hasText: reference })).toBeVisible();
  await expect(main.locator(`a[data-map-marker][title$="${reference}"]`)).toHaveCount(1);
});

test("the resident pages work in Swedish and English, and the report form reflows at 320 px", async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto(WEB_ROUTES.feedbackReport);
  await waitForPage(page);
  await expect(page.locator("h1")).toHaveText(fb("fi", "report.title"));
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });
  for (const locale of ["sv", "en"] as const) {
    await startInLocale(page, locale);
    await visit(page, WEB_ROUTES.feedbackReport, `report form (${locale})`);
    await expect(page.locator("h1")).toHaveText(fb(locale, "report.title"));
    await visit(page, WEB_ROUTES.feedback, `public list (${locale})`);
    await expect(page.locator("h1")).toHaveText(fb(locale, "list.title"));
  }
});
