import { describe, expect, it } from "vitest";
import { linearScale, linePath, niceTicks, yearTicks } from "./chart-geometry.ts";
import {
  actionPath,
  formatChange,
  formatEuros,
  formatValue,
  helsinkiToday,
  indicatorPath,
  milestoneState,
  periodPosition,
} from "./format.ts";

describe("chart geometry", () => {
  it("gives round ticks that cover the data", () => {
    expect(niceTicks(90.6, 93, 5)).toEqual([90.5, 91, 91.5, 92, 92.5, 93]);
    expect(niceTicks(0, 2000, 4)).toEqual([0, 500, 1000, 1500, 2000]);
    const ticks = niceTicks(2.2, 3.1, 5);
    expect(ticks[0]).toBeLessThanOrEqual(2.2);
    expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(3.1);
  });

  it("widens a flat series so that it still has an axis", () => {
    const ticks = niceTicks(5, 5);
    expect(ticks.length).toBeGreaterThan(1);
    expect(ticks[0]).toBeLessThan(5);
    expect(ticks[ticks.length - 1]).toBeGreaterThan(5);
  });

  it("labels fewer years on a narrow axis", () => {
    expect(yearTicks(2018, 2030, 1000)).toHaveLength(13);
    const narrow = yearTicks(2018, 2030, 200);
    // 2018, 2021, …, 2030: labels 50 px apart on a 200 px axis.
    expect(narrow).toEqual([2018, 2021, 2024, 2027, 2030]);
    expect(narrow[0]).toBe(2018);
  });

  it("maps a domain onto pixels, upside down for the y axis", () => {
    const y = linearScale([0, 100], [200, 0]);
    expect(y(0)).toBe(200);
    expect(y(25)).toBe(150);
    expect(linearScale([3, 3], [0, 10])(3)).toBe(5);
    expect(
      linePath([
        { x: 1, y: 2 },
        { x: 3.25, y: 4 },
      ]),
    ).toBe("M1 2 L3.3 4");
    expect(linePath([])).toBe("");
  });
});

describe("follow-up formatting", () => {
  it("formats values, changes and euros per locale", () => {
    expect(formatValue(92.5, "%", "fi")).toBe("92,5\u00a0%");
    expect(formatValue(92.5, "%", "en")).toBe("92.5\u00a0%");
    expect(formatChange(1.4, "en")).toBe("+1.4");
    expect(formatChange(-0.3, "en")).toBe("-0.3");
    expect(formatChange(0, "en")).toBe("0");
    expect(formatEuros(120000, "fi").replace(/\s/g, " ")).toBe("120 000 €");
    expect(formatEuros(120000, "en")).toBe("€120,000");
  });

  it("tells done, overdue and upcoming milestones apart", () => {
    expect(milestoneState({ dueDate: "2024-01-01", doneOn: "2024-02-01" }, "2025-01-01")).toBe("done");
    expect(milestoneState({ dueDate: "2024-12-31", doneOn: null }, "2025-01-01")).toBe("overdue");
    expect(milestoneState({ dueDate: "2025-01-01", doneOn: null }, "2025-01-01")).toBe("upcoming");
  });

  it("takes today's date in Helsinki", () => {
    // 22:30 UTC on 31 December is already New Year's Day in Helsinki.
    expect(helsinkiToday(new Date("2024-12-31T22:30:00Z"))).toBe("2025-01-01");
  });

  it("places quarters and months on the year axis", () => {
    expect(periodPosition("2024", 2024)).toBe(2024);
    expect(periodPosition("2024-Q3", 2024)).toBe(2024.5);
    expect(periodPosition("2024-07", 2024)).toBe(2024.5);
  });

  it("builds the page paths of web-routes.ts", () => {
    expect(indicatorPath("kotona-asuvat-75")).toBe("/strategy/indicators/kotona-asuvat-75");
    expect(actionPath("01a22270-b21c")).toBe("/strategy/actions/01a22270-b21c");
  });
});
