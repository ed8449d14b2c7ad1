import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateActionStatus, type Milestone } from "./action-status.ts";
import {
  decimalsFor,
  explainAction,
  explainGoal,
  explainIndicator,
  explainInEveryLocale,
  formatNumber,
  formatQuantity,
} from "./explain.ts";
import { evaluateGoalStatus, type RatedIndicator } from "./goal-status.ts";
import { evaluateIndicatorStatus } from "./indicator-status.ts";
import {
  activityNoData,
  employmentOnPath,
  influenceHeld,
  lonelinessRising,
  rate,
  unemploymentOnPath,
  volunteeringSlightlyBehind,
} from "./test-indicators.ts";

const NBSP = "\u00A0";
/** Writes expected sentences with a visible "_" for the no-break space. */
const nb = (text: string) => text.replaceAll("_", NBSP);

describe("numbers", () => {
  it("use a decimal comma and no-break space groups in Finnish and Swedish, a point and commas in English", () => {
    expect(formatNumber(9.8, "fi", 1)).toBe("9,8");
    expect(formatNumber(9.8, "sv", 1)).toBe("9,8");
    expect(formatNumber(9.8, "en", 1)).toBe("9.8");
    expect(formatNumber(17827, "fi")).toBe(nb("17_827"));
    expect(formatNumber(1234567.25, "sv", 2)).toBe(nb("1_234_567,25"));
    expect(formatNumber(1500, "fi")).toBe("1500");
    expect(formatNumber(1500, "en")).toBe("1,500");
    expect(formatNumber(17827, "en")).toBe("17,827");
  });

  it("write a real minus sign in Finnish and Swedish, and no sign on a rounded zero", () => {
    expect(formatNumber(-2.5, "fi", 1)).toBe("\u22122,5");
    expect(formatNumber(-2.5, "en", 1)).toBe("-2.5");
    expect(formatNumber(-0.004, "fi", 2)).toBe("0,00");
  });

  it("choose as few decimals as show the values, ignoring floating-point noise", () => {
    expect(decimalsFor([32, 35])).toBe(0);
    expect(decimalsFor([9.8, 10])).toBe(1);
    expect(decimalsFor([0.1 + 0.2])).toBe(1);
    expect(decimalsFor([1 / 3])).toBe(2);
    expect(decimalsFor([30.001, 30])).toBe(0);
    expect(decimalsFor([2.25], 1)).toBe(1);
  });

  it("put a no-break space before the unit", () => {
    expect(formatQuantity(32, { fi: "%" }, "fi")).toBe(nb("32_%"));
    expect(formatQuantity(32, { fi: "%" }, "en")).toBe(nb("32_%"));
    expect(formatQuantity(12.5, { fi: "päivää", sv: "dagar" }, "sv", 1)).toBe(nb("12,5_dagar"));
    expect(formatQuantity(12.5, { fi: "päivää" }, "en", 1)).toBe(nb("12.5_päivää"));
    expect(formatQuantity(4, null, "fi")).toBe("4");
  });

  it("round-trip through the Finnish format (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 2 }), (n, decimals) => {
        const value = n / 100;
        const text = formatNumber(value, "fi", decimals);
        const parsed = Number(text.replaceAll(NBSP, "").replace(",", ".").replace("\u2212", "-"));
        expect(parsed).toBeCloseTo(Number(value.toFixed(decimals)), 9);
      }),
    );
  });
});

describe("goal explanations", () => {
  const goal = evaluateGoalStatus([
    employmentOnPath,
    lonelinessRising,
    unemploymentOnPath,
    volunteeringSlightlyBehind,
  ]);

  it("say how many indicators move the right way and name what pulls the goal down", () => {
    expect(explainGoal(goal, "fi")).toBe(
      nb(
        "3/4 mittarista kehittyy oikeaan suuntaan; ikääntyneiden yksinäisyys kasvoi 32_%:sta 35_%:iin vuosina 2020–2024.",
      ),
    );
    expect(explainGoal(goal, "sv")).toBe(
      nb(
        "3 av 4 indikatorer utvecklas i rätt riktning; ensamhet bland äldre ökade från 32_% till 35_% mellan 2020 och 2024.",
      ),
    );
    expect(explainGoal(goal, "en")).toBe(
      nb(
        "3 of 4 indicators moving the right way; loneliness among the elderly rose from 32_% to 35_% between 2020 and 2024.",
      ),
    );
  });

  it("mention indicators without current data, and fall back to Finnish names", () => {
    const withMissing = evaluateGoalStatus([influenceHeld, activityNoData]);
    expect(explainInEveryLocale((locale) => explainGoal(withMissing, locale))).toEqual({
      fi: nb(
        "1/1 mittarista kehittyy oikeaan suuntaan, 1 ilman ajantasaista tietoa; kokee voivansa vaikuttaa kasvoi 30,0_%:sta 30,2_%:iin vuosina 2020–2024.",
      ),
      sv: nb(
        "1 av 1 indikator utvecklas i rätt riktning, 1 utan aktuella uppgifter; kokee voivansa vaikuttaa ökade från 30,0_% till 30,2_% mellan 2020 och 2024.",
      ),
      en: nb(
        "1 of 1 indicator moving the right way, 1 without current data; feels able to influence rose from 30.0_% to 30.2_% between 2020 and 2024.",
      ),
    });
  });

  it("say “stayed” when the value shows no change", () => {
    const same = rate("influence", influenceHeld.name, {
      direction: "maintain",
      baseline: { year: 2020, value: 30 },
      target: { year: 2030, value: 30 },
      values: [{ year: 2024, value: 30.001 }],
    });
    expect(explainInEveryLocale((locale) => explainGoal(evaluateGoalStatus([same]), locale))).toEqual({
      fi: nb(
        "1/1 mittarista kehittyy oikeaan suuntaan; kokee voivansa vaikuttaa pysyi 30_%:ssa vuosina 2020–2024.",
      ),
      sv: nb(
        "1 av 1 indikator utvecklas i rätt riktning; kokee voivansa vaikuttaa låg kvar på 30_% mellan 2020 och 2024.",
      ),
      en: nb(
        "1 of 1 indicator moving the right way; feels able to influence stayed at 30_% between 2020 and 2024.",
      ),
    });
  });

  it("say when there is nothing to judge", () => {
    expect(explainGoal(evaluateGoalStatus([]), "fi")).toBe("Mittareita ei ole liitetty.");
    expect(explainGoal(evaluateGoalStatus([activityNoData]), "en")).toBe(
      "No current data on the indicators.",
    );
    expect(explainGoal(evaluateGoalStatus([activityNoData]), "sv")).toBe(
      "Aktuella uppgifter saknas för indikatorerna.",
    );
  });

  it("use a falling verb and keep acronyms capitalised mid-sentence", () => {
    const thl = rate(
      "thl-index",
      { fi: "THL:n sairastavuusindeksi" },
      {
        direction: "decrease",
        baseline: { year: 2019, value: 120.5 },
        target: { year: 2029, value: 110 },
        values: [{ year: 2023, value: 116.3 }],
      },
      null,
    );
    const sentence = explainGoal(evaluateGoalStatus([thl]), "fi");
    expect(sentence).toBe(
      "1/1 mittarista kehittyy oikeaan suuntaan; THL:n sairastavuusindeksi väheni arvosta 120,5 arvoon 116,3 vuosina 2019–2023.",
    );
    expect(explainGoal(evaluateGoalStatus([thl]), "fi", { lowercaseNames: false })).toContain("; THL:n");
    expect(explainGoal(evaluateGoalStatus([unemploymentOnPath]), "en")).toBe(
      nb(
        "1 of 1 indicator moving the right way; unemployed, % of the labour force fell from 10.0_% to 8.4_% between 2020 and 2024.",
      ),
    );
  });
});

describe("indicator explanations", () => {
  it("compare the latest value with the path to the target", () => {
    expect(explainIndicator(lonelinessRising, "fi")).toBe(
      nb(
        "Ikääntyneiden yksinäisyys kasvoi 32_%:sta 35_%:iin vuosina 2020–2024; tavoitepolun mukainen arvo vuonna 2024 on 29,2_% (tavoite 25,0_% vuonna 2030).",
      ),
    );
    expect(explainIndicator(lonelinessRising, "sv")).toBe(
      nb(
        "Ensamhet bland äldre ökade från 32_% till 35_% mellan 2020 och 2024; målbanans värde för 2024 är 29,2_% (mål 25,0_% år 2030).",
      ),
    );
    expect(explainIndicator(lonelinessRising, "en")).toBe(
      nb(
        "Loneliness among the elderly rose from 32_% to 35_% between 2020 and 2024; the path to the target gives 29.2_% for 2024 (target 25.0_% in 2030).",
      ),
    );
  });

  it("say when the target is reached, and inflect other units through “arvo”", () => {
    const hours = rate(
      "hours",
      { fi: "Vapaaehtoistunnit", sv: "Frivilligtimmar", en: "Volunteering hours" },
      {
        direction: "increase",
        baseline: { year: 2020, value: 1200 },
        target: { year: 2026, value: 1500 },
        values: [{ year: 2025, value: 15000 }],
      },
      { fi: "h" },
    );
    expect(explainIndicator(hours, "fi")).toBe(
      nb(
        "Vapaaehtoistunnit kasvoi arvosta 1200_h arvoon 15_000_h vuosina 2020–2025; tavoite 1500_h (2026) on saavutettu.",
      ),
    );
    expect(explainIndicator(hours, "en")).toBe(
      nb(
        "Volunteering hours rose from 1,200_h to 15,000_h between 2020 and 2025; the target of 1,500_h (2026) has been reached.",
      ),
    );
    expect(explainIndicator(hours, "sv")).toBe(
      nb(
        "Frivilligtimmar ökade från 1200_h till 15_000_h mellan 2020 och 2025; målet 1500_h (2026) har nåtts.",
      ),
    );
  });

  it("explain missing and stale data", () => {
    expect(explainIndicator(activityNoData, "fi")).toBe(
      "Vähintään tunnin päivässä liikkuvat: ei arvoja lähtövuoden 2021 jälkeen.",
    );
    expect(explainIndicator(activityNoData, "en")).toBe(
      "Vähintään tunnin päivässä liikkuvat: no values after the baseline year 2021.",
    );
    const stale: RatedIndicator = {
      ...lonelinessRising,
      result: evaluateIndicatorStatus(
        {
          direction: "decrease",
          baseline: { year: 2012, value: 32 },
          target: { year: 2030, value: 25 },
          values: [{ year: 2016, value: 31.5 }],
        },
        { asOfYear: 2025 },
      ),
    };
    expect(stale.result.reasonCode).toBe("stale");
    expect(explainInEveryLocale((locale) => explainIndicator(stale, locale))).toEqual({
      fi: nb("Ikääntyneiden yksinäisyys: uusin arvo 31,5_% on vuodelta 2016, joten tilannetta ei arvioida."),
      sv: nb("Ensamhet bland äldre: det senaste värdet, 31,5_%, är från 2016, så läget bedöms inte."),
      en: nb(
        "Loneliness among the elderly: the latest value, 31.5_%, is from 2016, too old to judge the status.",
      ),
    });
    const splitsOnly = rate(
      "split",
      { fi: "Nuorten yksinäisyys" },
      {
        direction: "decrease",
        baseline: { year: 2021, value: 12 },
        target: { year: 2029, value: 8 },
        values: [{ year: 2023, value: 11, sex: "female" }],
      },
    );
    expect(explainIndicator(splitsOnly, "fi")).toBe(
      "Nuorten yksinäisyys: arvoja on vain osaryhmittäin, ei kokonaisuudelle.",
    );
  });
});

describe("action explanations", () => {
  const ms = (key: string, fi: string, en: string, due: string, doneOn: string | null = null): Milestone => ({
    key,
    title: { fi, en },
    due,
    doneOn,
  });
  const plan = [
    ms("a", "Kyselyn suunnittelu", "Survey design", "2025-01-31", "2025-01-29"),
    ms("b", "Kysely kentällä", "Survey in the field", "2025-03-31"),
    ms("c", "Tulosten julkaisu", "Results published", "2025-09-30"),
  ];

  it("name the most overdue milestone when the milestones set the status", () => {
    const action = evaluateActionStatus({
      milestones: plan,
      indicators: [employmentOnPath],
      today: "2025-05-15",
    });
    expect(action).toMatchObject({ status: "at_risk", driver: "milestones" });
    expect(explainInEveryLocale((locale) => explainAction(action, locale))).toEqual({
      fi: "1/3 välitavoitteesta valmiina, 1 myöhässä; 1/1 mittarista kehittyy oikeaan suuntaan; välitavoite ”Kysely kentällä” on 45 päivää myöhässä.",
      sv: "1 av 3 delmål uppnått, 1 försenat; 1 av 1 indikator utvecklas i rätt riktning; delmålet ”Kysely kentällä” är 45 dagar försenat.",
      en: "1 of 3 milestones done, 1 overdue; 1 of 1 indicator moving the right way; milestone “Survey in the field” is 45 days overdue.",
    });
  });

  it("name the indicator change when the indicators set the status", () => {
    const action = evaluateActionStatus({
      milestones: plan,
      indicators: [lonelinessRising],
      today: "2025-02-15",
    });
    expect(action.driver).toBe("indicators");
    expect(explainAction(action, "en")).toBe(
      nb(
        "1 of 3 milestones done; 0 of 1 indicator moving the right way; loneliness among the elderly rose from 32_% to 35_% between 2020 and 2024.",
      ),
    );
  });

  it("say one day in the singular, and handle actions without parts", () => {
    const action = evaluateActionStatus({ milestones: plan, indicators: [], today: "2025-04-01" });
    expect(explainAction(action, "fi")).toBe(
      "1/3 välitavoitteesta valmiina, 1 myöhässä; välitavoite ”Kysely kentällä” on 1 päivän myöhässä.",
    );
    expect(explainAction(action, "en")).toBe(
      "1 of 3 milestones done, 1 overdue; milestone “Survey in the field” is 1 day overdue.",
    );
    const empty = evaluateActionStatus({ milestones: [], indicators: [], today: "2025-04-01" });
    expect(explainInEveryLocale((locale) => explainAction(empty, locale))).toEqual({
      fi: "Toimenpiteellä ei ole välitavoitteita eikä mittareita.",
      sv: "Åtgärden har inga delmål och inga indikatorer.",
      en: "The action has no milestones and no indicators.",
    });
  });
});
