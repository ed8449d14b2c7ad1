import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromTm35fin, toTm35fin } from "./tm35fin.ts";

describe("ETRS-TM35FIN", () => {
  it("puts the central meridian at 500 000 m east and 60° N at the scaled meridian arc", () => {
    // The GRS80 meridian arc from the equator to 60° is 6 654 072.82 m; TM35FIN scales it by 0.9996.
    const p = toTm35fin(60, 27);
    expect(p.e).toBeCloseTo(500000, 3);
    expect(p.n).toBeCloseTo(6654072.82 * 0.9996, 0);
    expect(fromTm35fin(p.n, p.e).lat).toBeCloseTo(60, 9);
  });

  it("places Heinola's centre west of the central meridian, about 6.79 million metres north", () => {
    const p = toTm35fin(61.205, 26.038);
    expect(p.e).toBeGreaterThan(440000);
    expect(p.e).toBeLessThan(460000);
    expect(p.n).toBeGreaterThan(6785000);
    expect(p.n).toBeLessThan(6795000);
  });

  it("turns back to the same point anywhere in Finland (to a millimetre)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 59.5, max: 70.1, noNaN: true }),
        fc.double({ min: 19.0, max: 31.6, noNaN: true }),
        (lat, long) => {
          const p = toTm35fin(lat, long);
          const back = fromTm35fin(p.n, p.e);
          expect(Math.abs(back.lat - lat)).toBeLessThan(1e-8);
          expect(Math.abs(back.long - long)).toBeLessThan(1e-8);
        },
      ),
      { seed: 6, numRuns: 200 },
    );
  });
});
