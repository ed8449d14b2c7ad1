import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  computeYTunnusCheckDigit,
  normalizeYTunnus,
  validateYTunnus,
  Y_TUNNUS_INVALID_REASONS,
} from "./y-tunnus.ts";

// Independent oracle: the weights written out as a sum, remainder rules as finland.md §3 states them.
function oracle(d: string): number | null {
  const n = (i: number): number => Number(d.charAt(i));
  const r = (7 * n(0) + 9 * n(1) + 10 * n(2) + 5 * n(3) + 8 * n(4) + 4 * n(5) + 2 * n(6)) % 11;
  if (r === 1) return null;
  return r === 0 ? 0 : 11 - r;
}

const sevenDigits = fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 7, maxLength: 7 });
const validId = sevenDigits.filter((d) => oracle(d) !== null).map((d) => `${d}-${oracle(d)}`);

describe("validateYTunnus", () => {
  it.each(["0112038-9", "1572860-0", "2666516-6"])("accepts the PRH examples %s", (id) => {
    expect(validateYTunnus(id)).toEqual({ ok: true, value: id });
  });

  it("computes check digit 0 from remainder 0 and 11 − r otherwise", () => {
    expect(validateYTunnus("0000000-0")).toEqual({ ok: true, value: "0000000-0" });
    expect(validateYTunnus("0000001-9")).toEqual({ ok: true, value: "0000001-9" });
    expect(validateYTunnus("0000002-7")).toEqual({ ok: true, value: "0000002-7" });
  });

  it("rejects every ID whose weighted sum leaves remainder 1, whatever its check digit", () => {
    // 0000006: 6·2 = 12 ≡ 1 (mod 11).
    for (const digit of "0123456789") {
      expect(validateYTunnus(`0000006-${digit}`)).toEqual({ ok: false, reason: "unissuable_number" });
    }
  });

  it("rejects a wrong check digit", () => {
    expect(validateYTunnus("0112038-8")).toEqual({ ok: false, reason: "checksum_mismatch" });
    expect(validateYTunnus("1572860-1")).toEqual({ ok: false, reason: "checksum_mismatch" });
  });

  it("accepts the old 6-digit form by zero-padding it (finland.md §3)", () => {
    expect(validateYTunnus("112038-9")).toEqual({ ok: true, value: "0112038-9" });
    expect(validateYTunnus("112038-8")).toEqual({ ok: false, reason: "checksum_mismatch" });
  });

  it("trims surrounding whitespace", () => {
    expect(validateYTunnus("  2666516-6\n")).toEqual({ ok: true, value: "2666516-6" });
  });

  it.each([
    "",
    "01120389",
    "0112038 9",
    "0112038–9",
    "01120389-9",
    "12038-9",
    "0112038-",
    "0112038-99",
    "O112038-9",
    "FI01120389",
    "0112 038-9",
    "０112038-9",
  ])("rejects malformed %j", (input) => {
    expect(validateYTunnus(input)).toEqual({ ok: false, reason: "invalid_format" });
  });

  it.each([null, undefined, 1120389, ["0112038-9"]])("rejects non-string %j without throwing", (input) => {
    expect(validateYTunnus(input)).toEqual({ ok: false, reason: "invalid_format" });
  });
});

describe("normalizeYTunnus", () => {
  it("pads only the 6-digit form and is idempotent", () => {
    expect(normalizeYTunnus(" 112038-9 ")).toBe("0112038-9");
    expect(normalizeYTunnus("0112038-9")).toBe("0112038-9");
    expect(normalizeYTunnus("12038-9")).toBe("12038-9");
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(normalizeYTunnus(normalizeYTunnus(s))).toBe(normalizeYTunnus(s));
      }),
    );
  });
});

describe("computeYTunnusCheckDigit", () => {
  it("matches the oracle on every input and refuses non-digits", () => {
    fc.assert(
      fc.property(sevenDigits, (d) => {
        expect(computeYTunnusCheckDigit(d)).toBe(oracle(d));
      }),
      { numRuns: 2000 },
    );
    expect(() => computeYTunnusCheckDigit("123456")).toThrow(RangeError);
    expect(() => computeYTunnusCheckDigit("123456X")).toThrow(RangeError);
  });
});

describe("validateYTunnus: properties", () => {
  it("accepts exactly one check digit for issuable numbers and none for the others", () => {
    fc.assert(
      fc.property(sevenDigits, (d) => {
        const accepted = [..."0123456789"].filter((c) => validateYTunnus(`${d}-${c}`).ok);
        const expected = oracle(d);
        expect(accepted).toEqual(expected === null ? [] : [String(expected)]);
      }),
      { numRuns: 1000 },
    );
  });

  // Every weight is non-zero and below 11 (a prime), so changing one digit by d (0 < |d| ≤ 9) moves the
  // sum by w·d, never a multiple of 11: the check digit no longer fits (or the number becomes unissuable).
  it("rejects every single-digit change", () => {
    fc.assert(
      fc.property(validId, fc.constantFrom(0, 1, 2, 3, 4, 5, 6, 8), fc.nat(9), (id, position, digit) => {
        fc.pre(id.charAt(position) !== String(digit));
        const mutated = id.slice(0, position) + String(digit) + id.slice(position + 1);
        const result = validateYTunnus(mutated);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  // Adjacent weights differ modulo 11, so swapping two different neighbouring digits is always caught.
  it("rejects every transposition of two different adjacent digits", () => {
    fc.assert(
      fc.property(validId, fc.nat(5), (id, i) => {
        fc.pre(id.charAt(i) !== id.charAt(i + 1));
        const swapped = id.slice(0, i) + id.charAt(i + 1) + id.charAt(i) + id.slice(i + 2);
        expect(validateYTunnus(swapped).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it("never throws and only returns known reasons", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.anything()), (x) => {
        const result = validateYTunnus(x);
        if (!result.ok) expect(Y_TUNNUS_INVALID_REASONS).toContain(result.reason);
      }),
      { numRuns: 1000 },
    );
  });
});
