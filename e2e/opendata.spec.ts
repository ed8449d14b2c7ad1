import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import type { OpenDataCatalogue, OpenDataset } from "../src/contracts/opendata.ts";
import { openDatasetPath, WEB_ROUTES } from "../src/contracts/web-routes.ts";
import { horizontalOverflow } from "./identity-support.ts";
import {
  expectNoAxeViolations,
  LOCALES,
  type Locale,
  message,
  startInLocale,
  text,
  visit,
  waitForPage,
} from "./support.ts";

// The open data pages against the real catalogue: the page lists exactly what the API returns, a dataset
// page is reached by keyboard and shows each CSV's data dictionary, in every language, at 320 px, with axe.

const od = (locale: Locale, key: string, values: Record<string, string> = {}) =>
  message(locale, `opendata.${key}`, values);

async function fetchCatalogue(request: APIRequestContext, locale: Locale): Promise<OpenDataCatalogue> {
  const response = await request.get("/api/v1/open-data/datasets", {
    headers: { "Accept-Language": locale },
  });
  expect(response.status()).toBe(200);
  return (await response.json()) as OpenDataCatalogue;
}

/** The first dataset that has a CSV file with a data dictionary (the modules publish several). */
function datasetWithDictionary(catalogue: OpenDataCatalogue): OpenDataset {
  const dataset = catalogue.datasets.find((d) =>
    d.distributions.some((f) => f.format === "CSV" && (f.fields?.length ?? 0) > 0),
  );
  expect(dataset, "the installed modules publish a CSV with a data dictionary").toBeDefined();
  return dataset as OpenDataset;
}

function datasetsRegion(page: Page, locale: Locale) {
  return page.getByRole("region", { name: od(locale, "datasetsHeading") });
}

test("the open data page lists exactly the catalogue's datasets, and a dataset page is reached by keyboard", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const catalogue = await fetchCatalogue(request, "fi");
  await visit(page, WEB_ROUTES.openData, "open data fi");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(od("fi", "title"));

  // Every dataset of the API and nothing else, in its order, under its module's heading.
  const region = datasetsRegion(page, "fi");
  await expect(region.getByRole("heading", { level: 4 })).toHaveText(
    catalogue.datasets.map((d) => text(d.title, "fi")),
  );
  const modules = [...new Set(catalogue.datasets.map((d) => d.module))];
  await expect(region.getByRole("heading", { level: 3 })).toHaveText(
    modules.map((m) => message("fi", `modules.names.${m}`)),
  );
  // Each file is a link whose visible text begins with its format; update frequency and last change shown.
  for (const dataset of catalogue.datasets) {
    const item = region.getByRole("listitem").filter({
      has: page.getByRole("heading", { level: 4, name: text(dataset.title, "fi"), exact: true }),
    });
    const files = item.getByRole("list", { name: od("fi", "files") }).getByRole("link");
    await expect(files).toHaveCount(dataset.distributions.length);
    for (const [i, distribution] of dataset.distributions.entries()) {
      await expect(files.nth(i)).toHaveAttribute("href", distribution.path);
      // The format is what a sighted user reads on the link.
      const format = files.nth(i).locator(".odata-file__format");
      await expect(format).toBeVisible();
      await expect(format).toHaveText(distribution.format);
    }
    await expect(item).toContainText(od("fi", `frequencies.${dataset.frequency}`));
    await expect(item.getByText(od("fi", "modified"))).toBeVisible();
  }

  // How to use and credit the data, and the catalogues for harvesters.
  await expect(page.getByText(od("fi", "attribution"), { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: od("fi", "licenceLink") })).toHaveAttribute(
    "href",
    "https://creativecommons.org/licenses/by/4.0/",
  );
  const dcatLink = page.getByRole("link", { name: od("fi", "catalogueDcat") });
  const dcatPath = (await dcatLink.getAttribute("href")) ?? "";
  const dcat = await request.get(dcatPath);
  expect(dcat.status()).toBe(200);
  expect(dcat.headers()["content-type"]).toMatch(/^application\/ld\+json/);
  expect(((await dcat.json())["dcat:dataset"] as unknown[]).length).toBe(catalogue.datasets.length);
  const jsonPath =
    (await page.getByRole("link", { name: od("fi", "catalogueJson") }).getAttribute("href")) ?? "";
  // The same datasets (their "modified" may move on meanwhile: other specs report feedback at the same time).
  const linked = ((await (await request.get(jsonPath)).json()) as OpenDataCatalogue).datasets;
  expect(linked.map((d) => d.id)).toEqual(catalogue.datasets.map((d) => d.id));

  // By keyboard to a dataset with a data dictionary.
  const dataset = datasetWithDictionary(catalogue);
  const title = text(dataset.title, "fi");
  const link = region.getByRole("link", { name: title, exact: true });
  await link.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`${openDatasetPath(dataset.id).replaceAll(".", "\\.")}$`));
  await waitForPage(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expectNoAxeViolations(page, "dataset fi");

  // Each CSV's dictionary is a real table whose rows are the file's header, column by column.
  const tables = page.getByRole("table", {
    name: new RegExp(`^${od("fi", "dataset.dictionaryCaption", { format: "CSV" })}`),
  });
  const withDictionary = dataset.distributions.filter((d) => d.format === "CSV" && d.fields?.length);
  await expect(tables).toHaveCount(withDictionary.length);
  for (const [k, distribution] of withDictionary.entries()) {
    const fields = distribution.fields ?? [];
    const table = tables.nth(k);
    await expect(table.getByRole("columnheader")).toHaveText([
      od("fi", "dataset.column"),
      od("fi", "dataset.type"),
      od("fi", "dataset.unit"),
      od("fi", "dataset.description"),
    ]);
    await expect(table.getByRole("rowheader")).toHaveText(fields.map((f) => f.name));
    const csv = await request.get(distribution.path);
    expect(csv.status(), distribution.path).toBe(200);
    const header = (await csv.text()).replace(/^\uFEFF/, "").split(/\r?\n/)[0] ?? "";
    expect(header.split(","), `${distribution.path} header`).toEqual(fields.map((f) => f.name));
  }
  if (dataset.suppression) {
    await expect(page.getByText(text(dataset.suppression, "fi"), { exact: true })).toBeVisible();
  }
});

for (const locale of LOCALES) {
  test(`the open data pages in ${locale}: axe clean, and at 320 px without sideways scrolling`, async ({
    page,
    request,
  }) => {
    test.setTimeout(180_000);
    const catalogue = await fetchCatalogue(request, locale);
    await startInLocale(page, locale);
    await visit(page, WEB_ROUTES.openData, `open data ${locale}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(od(locale, "title"));
    await expect(page.getByText(od(locale, "attribution"), { exact: true })).toBeVisible();
    await page.setViewportSize({ width: 320, height: 720 });
    expect(await horizontalOverflow(page)).toBe(0);
    await expectNoAxeViolations(page, `open data ${locale} at 320 px`);

    const dataset = datasetWithDictionary(catalogue);
    await page.setViewportSize({ width: 1280, height: 720 });
    await visit(page, openDatasetPath(dataset.id), `dataset ${locale}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text(dataset.title, locale));
    await expect(
      page.getByRole("table", {
        name: new RegExp(`^${od(locale, "dataset.dictionaryCaption", { format: "CSV" })}`),
      }),
    ).not.toHaveCount(0);
    await page.setViewportSize({ width: 320, height: 720 });
    expect(await horizontalOverflow(page)).toBe(0);
    await expectNoAxeViolations(page, `dataset ${locale} at 320 px`);
  });
}

test("an empty catalogue says so plainly, and a module left out is named", async ({ page, request }) => {
  const real = await fetchCatalogue(request, "fi");
  // The server's catalogue is full here, so its empty and partial answers are played to the page.
  let answer: OpenDataCatalogue = { ...real, datasets: [] };
  await page.route("**/api/v1/open-data/datasets", (route) => route.fulfill({ json: answer }));
  await visit(page, WEB_ROUTES.openData, "open data empty");
  await expect(page.getByText(od("fi", "empty"))).toBeVisible();
  await expect(datasetsRegion(page, "fi").getByRole("heading", { level: 3 })).toHaveCount(0);

  answer = { ...real, unavailableModules: ["survey"] };
  await visit(page, WEB_ROUTES.openData, "open data partial");
  await expect(
    page.getByText(od("fi", "unavailable", { modules: message("fi", "modules.names.survey") })),
  ).toBeVisible();
  await expect(page.getByText(od("fi", "empty"))).toHaveCount(0);
});

test("an unknown dataset shows the not-found page", async ({ page }) => {
  await visit(page, openDatasetPath("survey.ei-ole"), "unknown dataset");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(message("fi", "notFound.title"));
});

test("the front page lists open data as in service, and the footer links to it", async ({ page }) => {
  await visit(page, WEB_ROUTES.home, "front page");
  const name = message("fi", "modules.names.opendata");
  const item = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name, exact: true }) });
  await expect(item.getByRole("link", { name, exact: true })).toHaveAttribute("href", WEB_ROUTES.openData);
  await expect(item).toContainText(message("fi", "modules.descriptions.opendata"));
  await expect(item).toContainText(message("fi", "modules.available"));
  const footerLink = page.getByRole("contentinfo").getByRole("link", { name, exact: true });
  await footerLink.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/open-data$/);
  await waitForPage(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(od("fi", "title"));
});
