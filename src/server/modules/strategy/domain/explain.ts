// One-sentence explanations of indicator, goal and action statuses in Finnish, Swedish and English, so that
// no status is only a colour (issue 4, item 3). The sentences are built from the structured results, never
// parsed back. Numbers are written by hand rather than with Intl so that the text is identical on every ICU
// build: fi/sv use a decimal comma, a non-breaking space as thousands separator from five digits on (Kotus
// allows four-digit numbers unspaced, which keeps "1500" from reading like a year range), a real minus sign
// (U+2212) and a non-breaking space before % and other units (SFS 4175, Kotus); English uses a decimal point
// and comma grouping. Finnish inflects the number, not the sentence: "%" has fixed case endings (32 %:sta,
// 35 %:iin, from "prosentti"), while other units cannot be inflected without knowing the word, so they go
// after "arvosta"/"arvoon" ("from the value … to the value …"), which keeps the number itself nominative.
import { LOCALES, type Locale, type LocalizedText, pickText } from "../../../../contracts/localized-text.ts";
import type { ActionStatus, OverdueMilestone } from "./action-status.ts";
import type { IndicatorCounts, IndicatorRollup, RatedIndicator } from "./goal-status.ts";

const NBSP = "\u00A0";
const MINUS = "\u2212";

/** Options of the sentence builders. */
export interface ExplainOptions {
  /**
   * Lower-case the first letter of an indicator name inside a sentence ("…; ikääntyneiden yksinäisyys kasvoi").
   * Names whose second letter is a capital or a digit (THL, K-ryhmä, 4G) are left alone; proper nouns such
   * as "Heinolan …" are not detectable, so a city with many of them may turn this off.
   */
  readonly lowercaseNames: boolean;
  /** At most this many decimals in a sentence. */
  readonly maxDecimals: number;
}

/** Default sentence options. */
export const DEFAULT_EXPLAIN: ExplainOptions = Object.freeze({ lowercaseNames: true, maxDecimals: 2 });

/** Writes a number in the locale's convention (see the file comment) with exactly `decimals` decimals. */
export function formatNumber(value: number, locale: Locale, decimals = 0): string {
  if (!Number.isFinite(value)) throw new RangeError("cannot format a non-finite number");
  const fixed = Math.abs(value).toFixed(decimals);
  const [integer = "0", fraction] = fixed.split(".");
  const isNordic = locale !== "en";
  const minGrouped = isNordic ? 5 : 4;
  const separator = isNordic ? NBSP : ",";
  let grouped = integer;
  if (integer.length >= minGrouped) {
    grouped = integer.replace(/\B(?=(\d{3})+$)/g, separator);
  }
  const body = fraction ? `${grouped}${isNordic ? "," : "."}${fraction}` : grouped;
  const isZero = /^[0.]+$/.test(fixed);
  return value < 0 && !isZero ? `${isNordic ? MINUS : "-"}${body}` : body;
}

/**
 * The fewest decimals that show every value as it rounds to `max` decimals, so that 32 and 35 print as "32"
 * and "35", 9.8 and 10 as "9,8" and "10,0", and 30.001 as "30"; floating-point noise (0.1 + 0.2) never
 * survives the rounding.
 */
export function decimalsFor(values: readonly number[], max = DEFAULT_EXPLAIN.maxDecimals): number {
  let needed = 0;
  for (const value of values) {
    const rounded = Number(value.toFixed(max));
    let d = 0;
    while (d < max && Number(value.toFixed(d)) !== rounded) d++;
    needed = Math.max(needed, d);
  }
  return needed;
}

function unitText(unit: LocalizedText | null | undefined, locale: Locale): string {
  return unit ? pickText(unit, locale).text.trim() : "";
}

/** A number with its unit, joined by a non-breaking space: "32 %", "9,8 h", "17 827 henkilöä". */
export function formatQuantity(
  value: number,
  unit: LocalizedText | null | undefined,
  locale: Locale,
  decimals = 0,
): string {
  const text = unitText(unit, locale);
  const number = formatNumber(value, locale, decimals);
  return text ? `${number}${NBSP}${text}` : number;
}

type FinnishCase = "elative" | "illative" | "inessive";
const PERCENT_ENDING: Record<FinnishCase, string> = { elative: ":sta", illative: ":iin", inessive: ":ssa" };
const VALUE_WORD: Record<FinnishCase, string> = {
  elative: "arvosta",
  illative: "arvoon",
  inessive: "arvossa",
};

/** A Finnish quantity in a case: "32 %:sta", or "arvosta 12 h" when the unit's own ending is unknown. */
function finnishQuantity(
  value: number,
  unit: LocalizedText | null | undefined,
  decimals: number,
  c: FinnishCase,
) {
  const quantity = formatQuantity(value, unit, "fi", decimals);
  return unitText(unit, "fi") === "%" ? `${quantity}${PERCENT_ENDING[c]}` : `${VALUE_WORD[c]} ${quantity}`;
}

function upperFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

function lowerFirst(text: string): string {
  const second = text.charAt(1);
  if (second && (second !== second.toLocaleLowerCase() || /\d/.test(second))) return text;
  return text.charAt(0).toLocaleLowerCase() + text.slice(1);
}

function indicatorName(
  indicator: RatedIndicator,
  locale: Locale,
  midSentence: boolean,
  options: ExplainOptions,
) {
  const name = pickText(indicator.name, locale).text.trim();
  return midSentence && options.lowercaseNames ? lowerFirst(name) : name;
}

/**
 * "X rose from 32 % to 35 % between 2020 and 2024" for an indicator with a latest value, in the locale. The
 * years are both named (not "since 2020") so that an old latest value is not read as today's.
 */
function changeClause(
  indicator: RatedIndicator,
  locale: Locale,
  midSentence: boolean,
  options: ExplainOptions,
) {
  const { result, unit } = indicator;
  const latest = result.latest;
  if (!latest) throw new RangeError("changeClause needs a latest value");
  const name = indicatorName(indicator, locale, midSentence, options);
  const from = result.baseline;
  const decimals = decimalsFor([from.value, latest.value], options.maxDecimals);
  const same = formatNumber(from.value, locale, decimals) === formatNumber(latest.value, locale, decimals);
  const rose = latest.value > from.value;
  const q = (value: number) => formatQuantity(value, unit, locale, decimals);
  switch (locale) {
    case "fi": {
      const years = `vuosina ${from.year}–${latest.year}`;
      if (same) return `${name} pysyi ${finnishQuantity(latest.value, unit, decimals, "inessive")} ${years}`;
      const verb = rose ? "kasvoi" : "väheni";
      const a = finnishQuantity(from.value, unit, decimals, "elative");
      const b = finnishQuantity(latest.value, unit, decimals, "illative");
      return `${name} ${verb} ${a} ${b} ${years}`;
    }
    case "sv": {
      const years = `mellan ${from.year} och ${latest.year}`;
      if (same) return `${name} låg kvar på ${q(latest.value)} ${years}`;
      return `${name} ${rose ? "ökade" : "minskade"} från ${q(from.value)} till ${q(latest.value)} ${years}`;
    }
    case "en": {
      const years = `between ${from.year} and ${latest.year}`;
      if (same) return `${name} stayed at ${q(latest.value)} ${years}`;
      return `${name} ${rose ? "rose" : "fell"} from ${q(from.value)} to ${q(latest.value)} ${years}`;
    }
  }
}

/** What the path or the target says about the latest value. */
function targetClause(indicator: RatedIndicator, locale: Locale, options: ExplainOptions): string {
  const { result, unit } = indicator;
  const { target, latest, expectedOnPath } = result;
  if (!latest || expectedOnPath === null) throw new RangeError("targetClause needs a latest value");
  const decimals = decimalsFor([target.value, expectedOnPath], options.maxDecimals);
  const t = formatQuantity(target.value, unit, locale, decimals);
  const p = formatQuantity(expectedOnPath, unit, locale, decimals);
  if (result.reasonCode === "target_reached") {
    return {
      fi: `tavoite ${t} (${target.year}) on saavutettu`,
      sv: `målet ${t} (${target.year}) har nåtts`,
      en: `the target of ${t} (${target.year}) has been reached`,
    }[locale];
  }
  return {
    fi: `tavoitepolun mukainen arvo vuonna ${latest.year} on ${p} (tavoite ${t} vuonna ${target.year})`,
    sv: `målbanans värde för ${latest.year} är ${p} (mål ${t} år ${target.year})`,
    en: `the path to the target gives ${p} for ${latest.year} (target ${t} in ${target.year})`,
  }[locale];
}

/** One sentence on one indicator: its change since the baseline and where the path or target stands. */
export function explainIndicator(
  indicator: RatedIndicator,
  locale: Locale,
  options: Partial<ExplainOptions> = {},
): string {
  const opts = { ...DEFAULT_EXPLAIN, ...options };
  const { result } = indicator;
  const name = upperFirst(indicatorName(indicator, locale, false, opts));
  if (!result.latest) {
    const year = result.baseline.year;
    if (result.reasonCode === "only_breakdowns") {
      return {
        fi: `${name}: arvoja on vain osaryhmittäin, ei kokonaisuudelle.`,
        sv: `${name}: värden finns bara för delgrupper, inte för helheten.`,
        en: `${name}: values exist only for breakdowns, not for the total.`,
      }[locale];
    }
    return {
      fi: `${name}: ei arvoja lähtövuoden ${year} jälkeen.`,
      sv: `${name}: inga värden efter utgångsåret ${year}.`,
      en: `${name}: no values after the baseline year ${year}.`,
    }[locale];
  }
  if (result.reasonCode === "stale") {
    const decimals = decimalsFor([result.latest.value], opts.maxDecimals);
    const v = formatQuantity(result.latest.value, indicator.unit, locale, decimals);
    const y = result.latest.year;
    return {
      fi: `${name}: uusin arvo ${v} on vuodelta ${y}, joten tilannetta ei arvioida.`,
      sv: `${name}: det senaste värdet, ${v}, är från ${y}, så läget bedöms inte.`,
      en: `${name}: the latest value, ${v}, is from ${y}, too old to judge the status.`,
    }[locale];
  }
  const change = upperFirst(changeClause(indicator, locale, false, opts));
  return `${change}; ${targetClause(indicator, locale, opts)}.`;
}

function countsClause(counts: IndicatorCounts, locale: Locale): string {
  if (counts.total === 0) {
    return {
      fi: "mittareita ei ole liitetty",
      sv: "inga indikatorer är kopplade",
      en: "no indicators are linked",
    }[locale];
  }
  if (counts.judged === 0) {
    return {
      fi: "mittareista ei ole ajantasaista tietoa",
      sv: "aktuella uppgifter saknas för indikatorerna",
      en: "no current data on the indicators",
    }[locale];
  }
  const r = counts.movingRightWay;
  const j = counts.judged;
  const n = counts.noData;
  const main = {
    fi: `${r}/${j} mittarista kehittyy oikeaan suuntaan`,
    sv: `${r} av ${j} ${j === 1 ? "indikator" : "indikatorer"} utvecklas i rätt riktning`,
    en: `${r} of ${j} ${j === 1 ? "indicator" : "indicators"} moving the right way`,
  }[locale];
  if (n === 0) return main;
  const missing = {
    fi: `, ${n} ilman ajantasaista tietoa`,
    sv: `, ${n} utan aktuella uppgifter`,
    en: `, ${n} without current data`,
  }[locale];
  return main + missing;
}

/** One sentence on a goal: how many indicators move the right way, and the most notable change. */
export function explainGoal(
  rollup: IndicatorRollup,
  locale: Locale,
  options: Partial<ExplainOptions> = {},
): string {
  const opts = { ...DEFAULT_EXPLAIN, ...options };
  const parts = [countsClause(rollup.counts, locale)];
  if (rollup.notable) parts.push(changeClause(rollup.notable, locale, true, opts));
  return `${upperFirst(parts.join("; "))}.`;
}

function milestoneClause(action: ActionStatus, locale: Locale): string {
  const { done, total, overdue } = action.milestones;
  const main = {
    fi: `${done}/${total} välitavoitteesta valmiina`,
    sv: `${done} av ${total} delmål ${done === 1 ? "uppnått" : "uppnådda"}`,
    en: `${done} of ${total} ${total === 1 ? "milestone" : "milestones"} done`,
  }[locale];
  if (overdue === 0) return main;
  return (
    main +
    {
      fi: `, ${overdue} myöhässä`,
      sv: `, ${overdue} ${overdue === 1 ? "försenat" : "försenade"}`,
      en: `, ${overdue} overdue`,
    }[locale]
  );
}

function overdueClause({ milestone, daysOverdue: n }: OverdueMilestone, locale: Locale): string {
  const title = pickText(milestone.title, locale).text.trim();
  const days = formatNumber(n, locale);
  return {
    fi: `välitavoite ”${title}” on ${days} ${n === 1 ? "päivän" : "päivää"} myöhässä`,
    sv: `delmålet ”${title}” är ${days} ${n === 1 ? "dag" : "dagar"} försenat`,
    en: `milestone “${title}” is ${days} ${n === 1 ? "day" : "days"} overdue`,
  }[locale];
}

/**
 * One sentence on an action: milestones done and overdue, indicators moving the right way, and what set the
 * status: the most overdue milestone when the milestones did, else the most notable indicator change.
 */
export function explainAction(
  action: ActionStatus,
  locale: Locale,
  options: Partial<ExplainOptions> = {},
): string {
  const opts = { ...DEFAULT_EXPLAIN, ...options };
  const { milestones, indicators } = action;
  if (milestones.total === 0 && indicators.counts.total === 0) {
    return {
      fi: "Toimenpiteellä ei ole välitavoitteita eikä mittareita.",
      sv: "Åtgärden har inga delmål och inga indikatorer.",
      en: "The action has no milestones and no indicators.",
    }[locale];
  }
  const parts: string[] = [];
  if (milestones.total > 0) parts.push(milestoneClause(action, locale));
  if (indicators.counts.total > 0) parts.push(countsClause(indicators.counts, locale));
  const milestonesSetIt = action.driver === "milestones" || action.driver === "both";
  if (milestones.mostOverdue && (milestonesSetIt || !indicators.notable)) {
    parts.push(overdueClause(milestones.mostOverdue, locale));
  } else if (indicators.notable) {
    parts.push(changeClause(indicators.notable, locale, true, opts));
  }
  return `${upperFirst(parts.join("; "))}.`;
}

/** The same explanation in every interface language, e.g. for the API's LocalizedText fields. */
export function explainInEveryLocale(render: (locale: Locale) => string): Record<Locale, string> {
  return Object.fromEntries(LOCALES.map((locale) => [locale, render(locale)])) as Record<Locale, string>;
}
