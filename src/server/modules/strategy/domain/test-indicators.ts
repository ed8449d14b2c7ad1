// Test fixtures shared by the roll-up and explanation tests: real indicators judged by the real rule, so the
// roll-ups are tested on results the status rule can actually produce. Imported by tests only.
import type { RatedIndicator } from "./goal-status.ts";
import { evaluateIndicatorStatus, type IndicatorSeries } from "./indicator-status.ts";

/** Judges a series and names it, as the service will. */
export function rate(
  key: string,
  name: RatedIndicator["name"],
  series: IndicatorSeries,
  unit: RatedIndicator["unit"] = { fi: "%" },
): RatedIndicator {
  return { key, name, unit, result: evaluateIndicatorStatus(series) };
}

/** Loneliness among the over-75s, 32 % (2020) → 25 % (2030); in 2024 it has risen to 35 %: off track. */
export const lonelinessRising = rate(
  "loneliness-75",
  { fi: "Ikääntyneiden yksinäisyys", sv: "Ensamhet bland äldre", en: "Loneliness among the elderly" },
  {
    direction: "decrease",
    baseline: { year: 2020, value: 32 },
    target: { year: 2030, value: 25 },
    values: [
      { year: 2022, value: 33 },
      { year: 2024, value: 35 },
    ],
  },
);

/** Employment rate 50 → 70 %, on the path in 2024 (58 %). */
export const employmentOnPath = rate(
  "employment",
  { fi: "Työllisyysaste", sv: "Sysselsättningsgrad", en: "Employment rate" },
  {
    direction: "increase",
    baseline: { year: 2020, value: 50 },
    target: { year: 2030, value: 70 },
    values: [{ year: 2024, value: 58 }],
  },
);

/** Unemployment 10 → 6 %, on the path in 2024 (8.4 %). */
export const unemploymentOnPath = rate(
  "unemployment",
  {
    fi: "Työttömät, % työvoimasta",
    sv: "Arbetslösa, % av arbetskraften",
    en: "Unemployed, % of the labour force",
  },
  {
    direction: "decrease",
    baseline: { year: 2020, value: 10 },
    target: { year: 2030, value: 6 },
    values: [{ year: 2024, value: 8.4 }],
  },
);

/** Hours of volunteering per month, 100 → 120; 106 in 2024 against a path of 108: at risk, but rising. */
export const volunteeringSlightlyBehind = rate(
  "volunteering-hours",
  {
    fi: "Vapaaehtoistunnit kuukaudessa",
    sv: "Frivilligtimmar per månad",
    en: "Volunteering hours per month",
  },
  {
    direction: "increase",
    baseline: { year: 2020, value: 100 },
    target: { year: 2030, value: 120 },
    values: [{ year: 2024, value: 106 }],
  },
  { fi: "h" },
);

/** Youth physical activity, 40 → 50 %, with no value after the baseline. */
export const activityNoData = rate(
  "youth-activity",
  { fi: "Vähintään tunnin päivässä liikkuvat" },
  {
    direction: "increase",
    baseline: { year: 2021, value: 40 },
    target: { year: 2029, value: 50 },
    values: [{ year: 2021, value: 40 }],
  },
);

/** Residents' sense of influence held at 30 %: 30.2 in 2024, within tolerance. */
export const influenceHeld = rate(
  "influence",
  { fi: "Kokee voivansa vaikuttaa", en: "Feels able to influence" },
  {
    direction: "maintain",
    baseline: { year: 2020, value: 30 },
    target: { year: 2030, value: 30 },
    values: [{ year: 2024, value: 30.2 }],
  },
);

/** Employment rising far too slowly (53 % in 2024 against 58 % on the path): off track though moving right. */
export const employmentFarBehind = rate("employment-slow", employmentOnPath.name, {
  direction: "increase",
  baseline: { year: 2020, value: 50 },
  target: { year: 2030, value: 70 },
  values: [{ year: 2024, value: 53 }],
});
