import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { type APIRequestContext, expect, type Page, type Response } from "@playwright/test";
import { LOCALES, type Locale, type LocalizedText, pickText } from "../src/contracts/localized-text.ts";
import type { SiteMeta } from "../src/contracts/meta.ts";
import type { ProgrammeDetail, StrategyOverview } from "../src/contracts/strategy.ts";

export { LOCALES, type Locale };

/** The WCAG levels every page must pass with zero violations. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** What the specs read of an axe result: the rule, its impact and help, and where it failed. */
export type AxeFinding = {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary: string }[];
};

/**
 * Runs axe-core in the page's document as it is now (within `include`, a CSS selector, when given) and
 * returns its violations and the colour contrast it could not decide. The script is put into the document
 * once and run there: @axe-core/playwright's analyze() also opens a blank page for every check to merge
 * frames' results, which made a check 3–5 times slower, and Keskiö's pages have no frames. A page that
 * does get a frame fails here, so that the frame is not left unchecked.
 */
export async function axeScan(page: Page, include?: string): Promise<AxeFinding[]> {
  expect(page.frames(), `${page.url()} has frames; axeScan checks only the top document`).toHaveLength(1);
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    async ({ tags, include }) => {
      type Result = { id: string; impact?: string | null; help: string; nodes: ResultNode[] };
      type ResultNode = { target: unknown[]; failureSummary?: string };
      type Axe = {
        run(context: unknown, options: unknown): Promise<{ violations: Result[]; incomplete: Result[] }>;
      };
      const axe = (window as unknown as { axe: Axe }).axe;
      const results = await axe.run(include ? { include: [include] } : document, {
        runOnly: { type: "tag", values: tags },
        resultTypes: ["violations", "incomplete"],
      });
      const undecidedContrast = results.incomplete.filter((result) => result.id === "color-contrast");
      return [...results.violations, ...undecidedContrast].map((result) => ({
        id: result.id,
        impact: result.impact ?? null,
        help: result.help,
        nodes: result.nodes.map((node) => ({
          target: node.target.map(String),
          failureSummary: node.failureSummary ?? "",
        })),
      }));
    },
    { tags: AXE_TAGS, include },
  );
}

/**
 * Runs axe-core on the page as it is now and fails with a readable list of any violation. Contrast that axe
 * could not decide (text on a gradient or under an overlapping element) fails too, so that every text's
 * contrast is actually checked rather than left "for review".
 */
export async function expectNoAxeViolations(page: Page, label: string, include?: string): Promise<void> {
  const findings = await axeScan(page, include);
  const report = findings.map((result) => {
    const targets = result.nodes.map((node) => `    ${node.target.join(" ")}: ${node.failureSummary}`);
    return `  [${result.impact ?? "?"}] ${result.id}: ${result.help}\n${targets.join("\n")}`;
  });
  expect(report, `axe violations on ${label} (${page.url()}):\n${report.join("\n")}`).toEqual([]);
}

/** Waits until the page has its h1 and nothing is loading any more. */
export async function waitForPage(page: Page): Promise<void> {
  await expect(page.locator("h1")).toHaveCount(1);
  await expect(page.locator('[role="status"]').filter({ hasText: /\S/ })).toHaveCount(0);
}

/** Opens a path, waits for it to settle and checks it with axe (every page a spec visits is checked). */
export async function visit(page: Page, path: string, label = path): Promise<Response | null> {
  const response = await page.goto(path);
  await waitForPage(page);
  await expectNoAxeViolations(page, label);
  return response;
}

/** Starts the page in a language, as a returning visitor who chose it earlier would. */
export async function startInLocale(page: Page, locale: Locale): Promise<void> {
  await page.addInitScript((value) => window.localStorage.setItem("keskio.locale", value), locale);
}

type MessageTree = { [key: string]: string | MessageTree };
const catalogues = new Map<Locale, MessageTree>();

/** An interface string from src/web/i18n (a module's as `<module>.<key>`), so the specs check the words the user actually sees. */
export function message(locale: Locale, key: string, values: Record<string, string | number> = {}): string {
  let catalogue = catalogues.get(locale);
  if (!catalogue) {
    const file = new URL(`../src/web/i18n/${locale}.json`, import.meta.url);
    catalogue = JSON.parse(readFileSync(file, "utf8")) as MessageTree;
    // Each module's strings under its name, as src/web/i18n/catalogues.ts assembles them.
    const modules = new URL("../src/web/i18n/modules/", import.meta.url);
    for (const name of readdirSync(modules)) {
      const module = new RegExp(`^([a-z-]+)\\.${locale}\\.json$`).exec(name)?.[1];
      if (module) catalogue[module] = JSON.parse(readFileSync(new URL(name, modules), "utf8")) as MessageTree;
    }
    catalogues.set(locale, catalogue);
  }
  let node: string | MessageTree | undefined = catalogue;
  for (const part of key.split(".")) node = typeof node === "object" ? node[part] : undefined;
  if (typeof node !== "string") throw new Error(`no message ${key} in ${locale}.json`);
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(values[name] ?? ""));
}

/** Content text as the page should show it in a locale. */
export function text(value: LocalizedText, locale: Locale): string {
  return pickText(value, locale).text;
}

async function getApi<T>(request: APIRequestContext, path: string, locale: Locale): Promise<T> {
  const response = await request.get(path, { headers: { "Accept-Language": locale } });
  expect(response.status(), `GET ${path}`).toBe(200);
  return (await response.json()) as T;
}

/** GET /api/v1/strategy straight from the server, to compare the page with. */
export function fetchStrategy(request: APIRequestContext, locale: Locale = "fi"): Promise<StrategyOverview> {
  return getApi(request, "/api/v1/strategy", locale);
}

/** GET /api/v1/strategy/programmes/:slug straight from the server. */
export function fetchProgramme(request: APIRequestContext, slug: string): Promise<ProgrammeDetail> {
  return getApi(request, `/api/v1/strategy/programmes/${slug}`, "fi");
}

/** GET /api/v1/meta straight from the server. */
export function fetchMeta(request: APIRequestContext): Promise<SiteMeta> {
  return getApi(request, "/api/v1/meta", "fi");
}

/** The header's language switch. */
export function languageSwitch(page: Page) {
  return page.locator("header").getByRole("group");
}
