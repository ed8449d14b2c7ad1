import { expect, test } from "@playwright/test";
import type { ProgrammeDetail } from "../src/contracts/strategy.ts";
import { programmePath } from "../src/contracts/web-routes.ts";
import { fetchProgramme, fetchStrategy, message, text, visit } from "./support.ts";

const LIST_SECTIONS = [
  ["changeAgenda", "programme.changeAgendaHeading"],
  ["foundations", "programme.foundationsHeading"],
  ["choices", "programme.choicesHeading"],
  ["targetGroups", "programme.targetGroupsHeading"],
  ["values", "programme.valuesHeading"],
  ["focusAreas", "programme.focusAreasHeading"],
  ["goals", "programme.goalsHeading"],
] as const satisfies ReadonlyArray<readonly [keyof ProgrammeDetail, string]>;

test("every programme page shows what the API says of it, and omits empty sections", async ({
  page,
  request,
}) => {
  const { programmes } = await fetchStrategy(request);
  expect(programmes.length).toBeGreaterThan(0);
  for (const summary of programmes) {
    const programme = await fetchProgramme(request, summary.slug);
    await visit(page, programmePath(programme.slug), `programme ${programme.slug}`);
    const main = page.getByRole("main");

    await expect(page.locator("h1")).toHaveText(text(programme.name, "fi"));
    await expect(page).toHaveTitle(`${text(programme.name, "fi")} – ${message("fi", "site.name")}`);
    await expect(main).toContainText(text(programme.summary, "fi"));

    const statementHeading = main.getByRole("heading", {
      level: 2,
      name: message("fi", "programme.statementHeading"),
    });
    if (programme.statement) {
      await expect(statementHeading).toBeVisible();
      await expect(main).toContainText(text(programme.statement, "fi"));
    } else {
      await expect(statementHeading).toHaveCount(0);
    }

    for (const [field, key] of LIST_SECTIONS) {
      const heading = main.getByRole("heading", { level: 2, name: message("fi", key), exact: true });
      const region = main.getByRole("region", { name: message("fi", key), exact: true });
      if (programme[field].length === 0) {
        await expect(heading, `${programme.slug}: empty ${field} is omitted`).toHaveCount(0);
        continue;
      }
      await expect(heading, `${programme.slug}: ${field}`).toBeVisible();
      if (field === "changeAgenda" || field === "choices") {
        for (const item of programme[field]) {
          const line = region
            .getByRole("listitem")
            .filter({ hasText: text(item.text, "fi") })
            .first();
          await expect(line).toBeVisible();
          for (const child of item.children) await expect(line).toContainText(text(child, "fi"));
        }
      } else if (field === "goals") {
        const goals = region.locator(".goal");
        await expect(goals).toHaveCount(programme.goals.length);
        for (const goal of programme.goals) {
          const card = goals.filter({
            has: page.getByRole("heading", { level: 3, name: text(goal.title, "fi") }),
          });
          await expect(card).toHaveCount(1);
          const actions = card.getByRole("list", { name: message("fi", "programme.actionsHeading") });
          if (goal.actions.length === 0) {
            await expect(actions).toHaveCount(0);
          } else {
            await expect(actions.getByRole("listitem")).toHaveText(
              [...goal.actions].sort((a, b) => a.position - b.position).map((a) => text(a.title, "fi")),
            );
          }
        }
      } else {
        await expect(region.getByRole("listitem")).toHaveText(
          programme[field].map((item) => text(item, "fi")),
        );
      }
    }
  }
});

test("a programme the API does not know shows the not-found page", async ({ page, request }) => {
  const api = await request.get("/api/v1/strategy/programmes/ei-tallaista-ohjelmaa", {
    headers: { "Accept-Language": "fi" },
  });
  expect(api.status()).toBe(404);
  expect(api.headers()["content-type"]).toContain("application/problem+json");

  await visit(page, programmePath("ei-tallaista-ohjelmaa"), "unknown programme");
  await expect(page.locator("h1")).toHaveText(message("fi", "notFound.title"));
  await expect(page).toHaveTitle(`${message("fi", "notFound.title")} – ${message("fi", "site.name")}`);
  await expect(
    page.getByRole("main").getByRole("link", { name: message("fi", "notFound.homeLink") }),
  ).toBeVisible();
});

test("the programme page's breadcrumb and table of contents work", async ({ page, request }) => {
  const { programmes } = await fetchStrategy(request);
  const slug = programmes[0]?.slug ?? "";
  await visit(page, programmePath(slug), `programme ${slug} (navigation)`);
  const contents = page.getByRole("navigation", { name: message("fi", "programme.contentsHeading") });
  const firstEntry = contents.getByRole("link").first();
  const targetId = ((await firstEntry.getAttribute("href")) ?? "").slice(1);
  await firstEntry.click();
  await expect(page.locator(`[id="${targetId}"]`)).toBeInViewport();
  await expect(page.locator("h1")).toHaveCount(1);

  await page
    .getByRole("navigation", { name: message("fi", "layout.breadcrumb") })
    .getByRole("link")
    .click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator("h1")).toBeFocused();
});
