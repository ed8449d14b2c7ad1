import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import type { SessionInfo } from "../src/contracts/identity.ts";
import { createAccount, horizontalOverflow, keskio, signInContext } from "./identity-support.ts";
import { expectNoAxeViolations, message, visit } from "./support.ts";

/** A Finnish interface string of the budgeting module. */
const fi = (key: string, values: Record<string, string | number> = {}) =>
  message("fi", `budgeting.${key}`, values);

/** A write as the browser makes it, with the CSRF token of a fresh session answer. */
async function send(request: APIRequestContext, method: "POST" | "PUT", path: string, data?: unknown) {
  const session = await request.get("/api/v1/auth/session");
  const { csrfToken } = (await session.json()) as SessionInfo;
  const response = await request.fetch(path, {
    method,
    headers: { "x-csrf-token": csrfToken, "accept-language": "fi" },
    ...(data === undefined ? {} : { data }),
  });
  expect(response.status(), `${method} ${path}: ${await response.text()}`).toBeLessThan(300);
  return response.json();
}

/** A valid test henkilötunnus (individual number 900–999, accepted outside production). */
function testHenkilotunnus(): string {
  const digits = `150385${900 + Math.floor(Math.random() * 100)}`;
  return `150385-${digits.slice(6)}${"0123456789ABCDEFHJKLMNPRSTUVWXY"[Number(digits) % 31]}`;
}

/** Presses Tab until the element with the id has focus. */
async function tabTo(page: Page, id: string, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((wanted) => document.activeElement?.id === wanted, id)) return;
  }
  throw new Error(`Tab never reached #${id}`);
}

/** Presses Tab until the focused element is a button with this text. */
async function tabToButton(page: Page, name: string, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const text = await page.evaluate(() =>
      document.activeElement?.tagName === "BUTTON" ? document.activeElement.textContent : null,
    );
    if (text?.trim() === name) return;
  }
  throw new Error(`Tab never reached the button ${name}`);
}

test("a verified resident votes by keyboard, changes the vote, and finds the receipt in the published file", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(180_000);
  const suffix = Date.now().toString(36);
  const staffAccount = await createAccount(request, `Sanna Virkailija ${suffix}`);
  expect(
    await keskio(["users", "grant-role", staffAccount.email, "staff", "--scope", "kaupunkikehitys"]),
  ).toContain("granted staff");
  const staffContext = await browser.newContext();
  const staff = staffContext.request;
  await send(staff, "POST", "/api/v1/auth/sign-in", {
    email: staffAccount.email,
    password: "kirjasto-kahvila-2030",
  });

  const resident = await createAccount(request, `Reino Asukas ${suffix}`);
  await signInContext(page, resident.email);
  const me = (await (await page.request.get("/api/v1/auth/session")).json()) as SessionInfo;
  const personId = me.person?.id ?? "";
  const verified = await staff.post(`/api/v1/admin/people/${personId}/verify-in-person`, {
    data: { henkilotunnus: testHenkilotunnus(), servicePoint: "Kaupungintalo" },
    headers: {
      "x-csrf-token": ((await (await staff.get("/api/v1/auth/session")).json()) as SessionInfo).csrfToken,
    },
  });
  expect(verified.status()).toBe(204);

  const now = Date.now();
  const round = await send(staff, "POST", "/api/v1/budgeting/rounds", {
    title: { fi: `Osallistuva budjetointi ${suffix}` },
    description: { fi: "Selaintestin kierros." },
    ideasStart: new Date(now - 3 * 3_600_000).toISOString(),
    reviewStart: new Date(now - 2 * 3_600_000).toISOString(),
    votingStart: new Date(now - 3_600_000).toISOString(),
    votingEnd: new Date(now + 86_400_000).toISOString(),
    ballotType: "approval",
    maxChoices: 3,
    minAge: 15,
    rule: "mes",
    areas: [{ name: { fi: "Koko kaupunki" }, budget: 20000 }],
  });
  const ids: string[] = [];
  for (const [title, cost] of [
    ["Penkit rantaan", 3000],
    ["Valot skeittiparkkiin", 8000],
    ["Lautapeli-illat", 2000],
    ["Kuntoportaat", 9000],
  ] as const) {
    const proposal = await send(page.request, "POST", `/api/v1/budgeting/rounds/${round.id}/proposals`, {
      areaId: round.areas[0].id,
      title,
      description: `${title}: ehdotuksen kuvaus.`,
      language: "fi",
      costEstimate: cost,
    });
    await send(staff, "POST", `/api/v1/budgeting/proposals/${proposal.id}/review`, { status: "feasible" });
    ids.push(proposal.id);
  }
  await send(staff, "PUT", `/api/v1/budgeting/rounds/${round.id}/phase`, { phase: "voting" });
  const [first, second, third, fourth] = ids as [string, string, string, string];

  // Before the results, counts are hidden.
  expect((await page.request.get(`/api/v1/budgeting/rounds/${round.id}/results`)).status()).toBe(409);

  // Keyboard only: three projects, then save.
  await visit(page, `/budgeting/rounds/${round.id}/ballot`, "ballot");
  for (const id of [first, second, third]) {
    await tabTo(page, `valinta-${id}`);
    await page.keyboard.press("Space");
  }
  await expect(page.getByRole("status").filter({ hasText: "3/3" })).toHaveCount(1);
  await tabToButton(page, fi("ballot.submit"));
  await page.keyboard.press("Enter");
  const receipt = page.getByTestId("receipt-code");
  await expect(page.getByRole("heading", { name: fi("ballot.saved") })).toBeFocused();
  const firstCode = ((await receipt.textContent()) ?? "").trim();
  expect(firstCode).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  await expectNoAxeViolations(page, "ballot with receipt");

  // Change the vote: drop the third, take the fourth.
  await tabTo(page, `valinta-${third}`);
  await page.keyboard.press("Space");
  await tabTo(page, `valinta-${fourth}`);
  await page.keyboard.press("Space");
  await tabToButton(page, fi("ballot.change"));
  await page.keyboard.press("Enter");
  await expect(receipt).not.toHaveText(firstCode);
  const finalCode = ((await receipt.textContent()) ?? "").trim();
  expect(finalCode).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  const mine = await (await page.request.get(`/api/v1/budgeting/rounds/${round.id}/ballot`)).json();
  expect(mine.choices.map((c: { projectId: string }) => c.projectId).sort()).toEqual(
    [first, second, fourth].sort(),
  );

  // Staff close voting and publish; the receipt is in the published file, and the results page finds it.
  await send(staff, "PUT", `/api/v1/budgeting/rounds/${round.id}/phase`, { phase: "results" });
  const results = await send(staff, "POST", `/api/v1/budgeting/rounds/${round.id}/results`);
  const file = await (await page.request.get(results.areas[0].ballotFile)).text();
  expect(file).toContain(`${finalCode};`);
  expect(file).not.toContain(firstCode);

  await visit(page, `/budgeting/rounds/${round.id}/results`, "results");
  await expect(page.getByRole("table")).toHaveCount(1);
  await tabTo(page, "kuittikoodi", 120);
  await page.keyboard.type(finalCode);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("receipt-result")).toHaveText(
    fi("results.receiptFound_other", { code: finalCode, count: 3 }),
  );
  await expectNoAxeViolations(page, "results with receipt check");
  await visit(page, `/budgeting/rounds/${round.id}`, "round");
  await visit(page, `/budgeting/proposals/${first}`, "proposal");
  // Reflow at 320 px: the round and the results (whose table scrolls in its own region) need no sideways scrolling.
  await page.setViewportSize({ width: 320, height: 800 });
  for (const path of [`/budgeting/rounds/${round.id}/results`, `/budgeting/rounds/${round.id}`]) {
    await page.goto(path);
    await expect(page.locator("h1")).toHaveCount(1);
    expect(await horizontalOverflow(page), path).toBe(0);
  }
  await staffContext.close();
});
