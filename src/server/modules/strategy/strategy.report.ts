import { existsSync } from "node:fs";
import type { Locale, LocalizedText } from "../../../contracts/localized-text.ts";
import { pickText } from "../../../contracts/localized-text.ts";
import type { IndicatorDetail, StatusExplained, StrategyTree } from "../../../contracts/strategy.ts";

// The annual strategy report for the council: one self-contained, printable HTML document (no scripts), with
// every indicator as an SVG chart that always comes with its data table and a one-sentence summary, and the
// same document rendered to PDF by the installed Chromium.

const LABELS: Record<Locale, Record<string, string>> = {
  fi: {
    title: "Strategiaraportti",
    intro: "Strategian tavoitteiden, toimenpiteiden ja mittareiden tilanne",
    status: "Tilanne",
    on_track: "Tavoitteessa",
    at_risk: "Riskissä",
    off_track: "Jäljessä",
    no_data: "Ei tietoa",
    indicators: "Mittarit",
    actions: "Toimenpiteet",
    year: "Vuosi",
    value: "Arvo",
    baseline: "Lähtötaso",
    target: "Tavoite",
    example: "Esimerkkiaineisto: arvot eivät ole todellisia tilastoja.",
    generated: "Laadittu",
    licence: "Luvut ovat avointa dataa (CC BY 4.0).",
    chart: "Kuvaaja",
  },
  sv: {
    title: "Strategirapport",
    intro: "Läget för strategins mål, åtgärder och indikatorer",
    status: "Läge",
    on_track: "Enligt plan",
    at_risk: "I riskzonen",
    off_track: "Efter planen",
    no_data: "Uppgifter saknas",
    indicators: "Indikatorer",
    actions: "Åtgärder",
    year: "År",
    value: "Värde",
    baseline: "Utgångsläge",
    target: "Mål",
    example: "Exempeldata: värdena är inte verklig statistik.",
    generated: "Utarbetad",
    licence: "Siffrorna är öppna data (CC BY 4.0).",
    chart: "Diagram",
  },
  en: {
    title: "Strategy report",
    intro: "Where the strategy's goals, actions and indicators stand",
    status: "Status",
    on_track: "On track",
    at_risk: "At risk",
    off_track: "Off track",
    no_data: "No data",
    indicators: "Indicators",
    actions: "Actions",
    year: "Year",
    value: "Value",
    baseline: "Baseline",
    target: "Target",
    example: "Example data: the values are not real statistics.",
    generated: "Prepared",
    licence: "The figures are open data (CC BY 4.0).",
    chart: "Chart",
  },
};

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}

function t(text: LocalizedText, locale: Locale): string {
  const picked = pickText(text, locale);
  const safe = escapeHtml(picked.text);
  return picked.lang === locale ? safe : `<span lang="${picked.lang}">${safe}</span>`;
}

function formatValue(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === "en" ? "en-GB" : `${locale}-FI`, {
    maximumFractionDigits: 2,
  }).format(value);
}

function statusBadge(status: StatusExplained, locale: Locale): string {
  return `<span class="status ${status.status}">${escapeHtml(LABELS[locale][status.status] ?? status.status)}</span>`;
}

/**
 * A line chart of an indicator's total series with its baseline-to-target path, as SVG. Decorative for
 * screen readers (aria-hidden): the table and the summary next to it carry the same information.
 */
export function indicatorChartSvg(indicator: IndicatorDetail): string {
  const totals = indicator.values
    .filter((v) => !v.area && !v.ageGroup && !v.sex)
    .map((v) => ({ year: v.year, value: v.value }));
  const points = [...totals, indicator.baseline, indicator.target];
  const years = points.map((p) => p.year);
  const values = points.map((p) => p.value);
  const [x0, x1] = [Math.min(...years), Math.max(...years)];
  let [y0, y1] = [Math.min(...values), Math.max(...values)];
  if (y0 === y1) [y0, y1] = [y0 - 1, y1 + 1];
  const pad = (y1 - y0) * 0.1;
  [y0, y1] = [y0 - pad, y1 + pad];
  const W = 480;
  const H = 200;
  const M = { l: 44, r: 12, t: 12, b: 26 };
  const x = (year: number) => M.l + ((year - x0) / Math.max(1, x1 - x0)) * (W - M.l - M.r);
  const y = (value: number) => H - M.b - ((value - y0) / (y1 - y0)) * (H - M.t - M.b);
  const line = totals
    .sort((a, b) => a.year - b.year)
    .map((p, i) => `${i === 0 ? "M" : "L"}${x(p.year).toFixed(1)},${y(p.value).toFixed(1)}`)
    .join(" ");
  const dots = totals
    .map((p) => `<circle cx="${x(p.year).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="3.5" class="dot"/>`)
    .join("");
  const path = `M${x(indicator.baseline.year).toFixed(1)},${y(indicator.baseline.value).toFixed(1)} L${x(indicator.target.year).toFixed(1)},${y(indicator.target.value).toFixed(1)}`;
  const ticks = [x0, Math.round((x0 + x1) / 2), x1]
    .map((year) => `<text x="${x(year).toFixed(1)}" y="${H - 6}" text-anchor="middle">${year}</text>`)
    .join("");
  const yTicks = [y0 + pad, y1 - pad]
    .map(
      (v) =>
        `<text x="${M.l - 6}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${Number(v.toFixed(2))}</text>`,
    )
    .join("");
  return `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" aria-hidden="true" focusable="false" class="chart"><line x1="${M.l}" y1="${H - M.b}" x2="${W - M.r}" y2="${H - M.b}" class="axis"/><path d="${path}" class="target-path"/><path d="${line}" class="series"/>${dots}${ticks}${yTicks}</svg>`;
}

function indicatorSection(indicator: IndicatorDetail, locale: Locale): string {
  const L = LABELS[locale];
  const rows = indicator.values
    .filter((v) => !v.area && !v.ageGroup && !v.sex)
    .sort((a, b) => a.year - b.year)
    .map(
      (v) => `<tr><th scope="row">${escapeHtml(v.period)}</th><td>${formatValue(v.value, locale)}</td></tr>`,
    )
    .join("");
  return `<section class="indicator"><h4>${t(indicator.name, locale)} ${statusBadge(indicator.status, locale)}</h4>
<p class="summary">${escapeHtml(indicator.status.explanation[locale])}</p>
${indicator.isExampleData ? `<p class="example">${escapeHtml(L.example ?? "")}</p>` : ""}
<figure>${indicatorChartSvg(indicator)}<figcaption>${escapeHtml(L.baseline ?? "")} ${indicator.baseline.year}: ${formatValue(indicator.baseline.value, locale)} · ${escapeHtml(L.target ?? "")} ${indicator.target.year}: ${formatValue(indicator.target.value, locale)} (${t(indicator.unit, locale)})</figcaption></figure>
<table><caption>${t(indicator.name, locale)}</caption><thead><tr><th scope="col">${escapeHtml(L.year ?? "")}</th><th scope="col">${escapeHtml(L.value ?? "")} (${t(indicator.unit, locale)})</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

/** The report as one HTML document; `styleNonce` lets the server's CSP allow its one inline style block. */
export function renderReportHtml(
  tree: StrategyTree,
  indicators: ReadonlyMap<string, IndicatorDetail>,
  locale: Locale,
  styleNonce: string,
): string {
  const L = LABELS[locale];
  const programmes = tree.programmes
    .map((p) => {
      const goals = p.goals
        .map((g) => {
          const inds = g.indicators.flatMap((i) => {
            const detail = indicators.get(i.key);
            return detail ? [indicatorSection(detail, locale)] : [];
          });
          const actions = g.actions
            .map(
              (a) =>
                `<li>${t(a.title, locale)} ${statusBadge(a.status, locale)}<br/><span class="why">${escapeHtml(a.status.explanation[locale])}</span></li>`,
            )
            .join("");
          return `<section class="goal"><h3>${t(g.title, locale)} ${statusBadge(g.status, locale)}</h3><p class="summary">${escapeHtml(g.status.explanation[locale])}</p>${inds.length ? `<h4 class="sub">${escapeHtml(L.indicators ?? "")}</h4>${inds.join("")}` : ""}${actions ? `<h4 class="sub">${escapeHtml(L.actions ?? "")}</h4><ul>${actions}</ul>` : ""}</section>`;
        })
        .join("");
      return `<section class="programme"><h2>${t(p.name, locale)}</h2><p>${t(p.summary, locale)}</p>${goals}</section>`;
    })
    .join("");
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(L.title ?? "")} ${tree.asOf.slice(0, 4)} – ${t(tree.plan.title, locale)}</title>
<style nonce="${styleNonce}">
body{font-family:"DejaVu Sans",system-ui,sans-serif;color:#1a1a1a;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
h1{font-size:1.8rem}h2{border-bottom:2px solid #1a4f8a;padding-bottom:.2rem;margin-top:2.5rem}h3{margin-top:1.8rem}
.status{font-size:.8rem;font-weight:600;padding:.1rem .45rem;border-radius:.3rem;border:1px solid;white-space:nowrap}
.on_track{color:#0b5a2a;border-color:#0b5a2a}.at_risk{color:#7a4a00;border-color:#7a4a00}.off_track{color:#9b1c1c;border-color:#9b1c1c}.no_data{color:#4a4a4a;border-color:#4a4a4a}
.summary,.why{color:#333}.example{font-style:italic;color:#7a4a00}
table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border:1px solid #999;padding:.2rem .6rem;text-align:right}caption{text-align:left;font-size:.85rem;color:#333}
.chart .series{fill:none;stroke:#1a4f8a;stroke-width:2.5}.chart .dot{fill:#1a4f8a}.chart .target-path{fill:none;stroke:#9b1c1c;stroke-width:1.5;stroke-dasharray:6 4}
.chart .axis{stroke:#666}.chart text{font-size:11px;fill:#333}figure{margin:0}figcaption{font-size:.85rem;color:#333}
@media print{body{margin:0}section.programme{break-before:page}section.indicator{break-inside:avoid}}
</style></head><body><main><h1>${escapeHtml(L.title ?? "")} ${tree.asOf.slice(0, 4)}: ${t(tree.plan.title, locale)}</h1>
<p>${escapeHtml(L.intro ?? "")}. ${escapeHtml(L.generated ?? "")} ${tree.asOf}. ${escapeHtml(L.licence ?? "")}</p>${programmes}</main></body></html>`;
}

/** Where Chromium is: KESKIO_CHROMIUM, or Debian's package. */
export function chromiumPath(env: Record<string, string | undefined> = process.env): string | null {
  const candidate = env.KESKIO_CHROMIUM ?? "/usr/bin/chromium";
  return existsSync(candidate) ? candidate : null;
}

/** Renders the HTML to an A4 PDF with the installed Chromium (never a downloaded browser). */
export async function renderPdf(html: string, executablePath: string): Promise<Buffer> {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: "load" });
    return await page.pdf({
      format: "A4",
      printBackground: true,
      margin: { top: "18mm", bottom: "18mm", left: "16mm", right: "16mm" },
    });
  } finally {
    await browser.close();
  }
}
