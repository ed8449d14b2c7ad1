import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ageOn,
  ageReachedInYear,
  computeHenkilotunnusCheckCharacter,
  HENKILOTUNNUS_INVALID_REASONS,
  type HenkilotunnusResult,
  normalizeHenkilotunnus,
  validateHenkilotunnus,
} from "./henkilotunnus.ts";

// Independent oracle for the test generators: BigInt arithmetic and its own copy of the DVV table.
const TABLE = "0123456789ABCDEFHJKLMNPRSTUVWXY";
const oracleCheck = (nine: string): string => TABLE.charAt(Number(BigInt(nine) % 31n));
const SIGNS_1800 = ["+"];
const SIGNS_1900 = ["-", "Y", "X", "W", "V", "U"];
const SIGNS_2000 = ["A", "B", "C", "D", "E", "F"];
const ALL_SIGNS = [...SIGNS_1800, ...SIGNS_1900, ...SIGNS_2000];
const centuryOf = (sign: string): number =>
  SIGNS_1800.includes(sign) ? 1800 : SIGNS_1900.includes(sign) ? 1900 : 2000;
const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/** Builds a code with a correct check character from its parts. */
function buildCode(dd: string, mm: string, yy: string, sign: string, individual: string): string {
  return `${dd}${mm}${yy}${sign}${individual}${oracleCheck(`${dd}${mm}${yy}${individual}`)}`;
}

const TEMP = { allowTemporary: true } as const;

interface GeneratedCode {
  code: string;
  birthDate: string;
  individual: number;
}

const validCodeArb: fc.Arbitrary<GeneratedCode> = fc
  .record({
    date: fc.date({
      min: new Date("1800-01-01T00:00:00Z"),
      max: new Date("2099-12-31T23:59:59Z"),
      noInvalidDate: true,
    }),
    signPick: fc.nat(5),
    individual: fc.integer({ min: 2, max: 999 }),
  })
  .map(({ date, signPick, individual }) => {
    const year = date.getUTCFullYear();
    const signs = year < 1900 ? SIGNS_1800 : year < 2000 ? SIGNS_1900 : SIGNS_2000;
    const sign = signs[signPick % signs.length] ?? "-";
    const mm = pad(date.getUTCMonth() + 1, 2);
    const dd = pad(date.getUTCDate(), 2);
    const code = buildCode(dd, mm, pad(year % 100, 2), sign, pad(individual, 3));
    return { code, birthDate: `${year}-${mm}-${dd}`, individual };
  });

describe("normalizeHenkilotunnus", () => {
  it("trims and uppercases but keeps the century sign", () => {
    expect(normalizeHenkilotunnus("  010594y9021 \n")).toBe("010594Y9021");
    expect(normalizeHenkilotunnus("\t131052-308t")).toBe("131052-308T");
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const once = normalizeHenkilotunnus(s);
        expect(normalizeHenkilotunnus(once)).toBe(once);
      }),
    );
  });
});

describe("validateHenkilotunnus: DVV test persons (finland.md §3)", () => {
  it("accepts 131052-308T, an ordinary number, without any option", () => {
    expect(validateHenkilotunnus("131052-308T")).toEqual({
      ok: true,
      birthDate: "1952-10-13",
      sex: "female",
      isTemporary: false,
    });
  });

  it.each([
    ["010594Y9021", "1994-05-01", "female"],
    ["020594X903P", "1994-05-02", "male"],
    ["030594W903B", "1994-05-03", "male"],
    ["040594V9030", "1994-05-04", "male"],
    ["050594U903M", "1994-05-05", "male"],
    ["010516B903X", "2016-05-01", "male"],
    ["020516C903K", "2016-05-02", "male"],
    ["030516D9037", "2016-05-03", "male"],
    ["010501E9032", "2001-05-01", "male"],
    ["020503F9037", "2003-05-02", "male"],
    ["020504A902E", "2004-05-02", "female"],
    ["020504B904H", "2004-05-02", "female"],
  ])("accepts %s (900-series) only when temporary numbers are allowed", (code, birthDate, sex) => {
    expect(validateHenkilotunnus(code, TEMP)).toEqual({ ok: true, birthDate, sex, isTemporary: true });
    expect(validateHenkilotunnus(code)).toEqual({ ok: false, reason: "temporary_number" });
  });

  it("treats the same digits with different 1900s signs as two valid codes of one birth date", () => {
    // telp.fi's example pair; the check character of 010190999 is W (finland.md prints K, which fails).
    const a = validateHenkilotunnus("010190-999W", TEMP);
    const b = validateHenkilotunnus("010190Y999W", TEMP);
    expect(a).toEqual({ ok: true, birthDate: "1990-01-01", sex: "male", isTemporary: true });
    expect(b).toEqual(a);
    expect(validateHenkilotunnus("010190-999K", TEMP)).toEqual({ ok: false, reason: "checksum_mismatch" });
  });
});

describe("validateHenkilotunnus: rules", () => {
  it("maps every century sign, including the 2023 additions", () => {
    for (const sign of ALL_SIGNS) {
      const code = buildCode("15", "08", "50", sign, "123");
      const result = validateHenkilotunnus(code);
      expect(result, sign).toMatchObject({ ok: true, birthDate: `${centuryOf(sign) + 50}-08-15` });
    }
    expect(validateHenkilotunnus("150850+1230")).toMatchObject({ ok: true, birthDate: "1850-08-15" });
  });

  it.each(["G", "Z", "/", "*", "1", " ", "Å", "–"])("rejects century sign %j", (sign) => {
    expect(validateHenkilotunnus(buildCode("15", "08", "50", sign, "123"))).toEqual({
      ok: false,
      reason: "invalid_century_sign",
    });
  });

  it("checks leap years against the century the sign gives", () => {
    expect(validateHenkilotunnus(buildCode("29", "02", "00", "A", "002"))).toMatchObject({
      ok: true,
      birthDate: "2000-02-29",
    });
    // 1900 and 1800 are not leap years (divisible by 100, not by 400).
    expect(validateHenkilotunnus(buildCode("29", "02", "00", "-", "002"))).toEqual({
      ok: false,
      reason: "invalid_date",
    });
    expect(validateHenkilotunnus(buildCode("29", "02", "00", "+", "002"))).toEqual({
      ok: false,
      reason: "invalid_date",
    });
    expect(validateHenkilotunnus(buildCode("29", "02", "96", "U", "002"))).toMatchObject({
      ok: true,
      birthDate: "1996-02-29",
    });
    expect(validateHenkilotunnus(buildCode("29", "02", "97", "-", "002"))).toEqual({
      ok: false,
      reason: "invalid_date",
    });
  });

  it.each([
    ["00", "01"],
    ["32", "01"],
    ["31", "04"],
    ["30", "02"],
    ["01", "00"],
    ["01", "13"],
    ["31", "11"],
  ])("rejects day %s of month %s", (dd, mm) => {
    expect(validateHenkilotunnus(buildCode(dd, mm, "85", "-", "123"))).toEqual({
      ok: false,
      reason: "invalid_date",
    });
  });

  it("accepts individual numbers 002–899, rejects 000–001, gates 900–999", () => {
    expect(validateHenkilotunnus(buildCode("01", "01", "01", "A", "000"))).toEqual({
      ok: false,
      reason: "invalid_individual_number",
    });
    expect(validateHenkilotunnus(buildCode("01", "01", "01", "A", "001"), TEMP)).toEqual({
      ok: false,
      reason: "invalid_individual_number",
    });
    expect(validateHenkilotunnus(buildCode("01", "01", "01", "A", "002"))).toMatchObject({
      ok: true,
      sex: "female",
      isTemporary: false,
    });
    expect(validateHenkilotunnus(buildCode("31", "12", "99", "-", "899"))).toMatchObject({
      ok: true,
      sex: "male",
      isTemporary: false,
    });
    expect(validateHenkilotunnus(buildCode("31", "12", "99", "-", "900"))).toEqual({
      ok: false,
      reason: "temporary_number",
    });
    expect(validateHenkilotunnus(buildCode("31", "12", "99", "-", "999"), TEMP)).toMatchObject({
      ok: true,
      sex: "male",
      isTemporary: true,
    });
  });

  it("rejects a wrong check character, including letters outside the table", () => {
    expect(validateHenkilotunnus("131052-308U")).toEqual({ ok: false, reason: "checksum_mismatch" });
    for (const excluded of ["G", "I", "O", "Q", "Z"]) {
      expect(validateHenkilotunnus(`131052-308${excluded}`)).toEqual({
        ok: false,
        reason: "checksum_mismatch",
      });
    }
  });

  it("normalizes case and surrounding whitespace before validating", () => {
    expect(validateHenkilotunnus("  131052-308t  ")).toMatchObject({ ok: true, birthDate: "1952-10-13" });
    expect(validateHenkilotunnus("010594y9021", TEMP)).toMatchObject({ ok: true, birthDate: "1994-05-01" });
  });

  it.each([
    "",
    "131052-308",
    "131052-308TT",
    "131052 -308T",
    "1310523-08T",
    "131052-3O8T",
    "１31052-308T",
    "131052-308?",
    "131052-308T\u0000",
  ])("rejects malformed input %j", (input) => {
    expect(validateHenkilotunnus(input)).toEqual({ ok: false, reason: "invalid_format" });
  });

  it.each([null, undefined, 13105230, { toString: () => "131052-308T" }])(
    "rejects non-string input %j without throwing",
    (input) => {
      expect(validateHenkilotunnus(input)).toEqual({ ok: false, reason: "invalid_format" });
    },
  );

  it("rejects a birth date after the reference date when one is given", () => {
    const in2099 = buildCode("01", "01", "99", "A", "123");
    expect(validateHenkilotunnus(in2099)).toMatchObject({ ok: true, birthDate: "2099-01-01" });
    expect(validateHenkilotunnus(in2099, { referenceDate: "2025-06-01" })).toEqual({
      ok: false,
      reason: "birth_date_in_future",
    });
    const today = buildCode("01", "06", "25", "A", "123");
    expect(validateHenkilotunnus(today, { referenceDate: "2025-06-01" })).toMatchObject({ ok: true });
    expect(() => validateHenkilotunnus(today, { referenceDate: "2025-02-30" })).toThrow(RangeError);
  });

  it("never puts the code into its result", () => {
    for (const input of ["131052-308T", "131052-308U", "999999-999X", "010594Y9021"]) {
      const serialized = JSON.stringify(validateHenkilotunnus(input));
      expect(serialized).not.toContain(input);
      expect(serialized).not.toContain(input.slice(7));
    }
  });
});

describe("computeHenkilotunnusCheckCharacter", () => {
  it("matches the DVV vectors and refuses anything but nine digits", () => {
    expect(computeHenkilotunnusCheckCharacter("131052308")).toBe("T");
    expect(computeHenkilotunnusCheckCharacter("020504902")).toBe("E");
    expect(computeHenkilotunnusCheckCharacter("010594902")).toBe("1");
    expect(computeHenkilotunnusCheckCharacter("13105230")).toBeUndefined();
    expect(computeHenkilotunnusCheckCharacter("13105230X")).toBeUndefined();
  });
});

describe("validateHenkilotunnus: properties", () => {
  it("accepts every generated valid code and round-trips its birth date, sex and temporariness", () => {
    fc.assert(
      fc.property(validCodeArb, ({ code, birthDate, individual }) => {
        expect(validateHenkilotunnus(code, TEMP)).toEqual({
          ok: true,
          birthDate,
          sex: individual % 2 === 1 ? "male" : "female",
          isTemporary: individual >= 900,
        });
        const strict = validateHenkilotunnus(code);
        expect(strict.ok).toBe(individual < 900);
      }),
      { numRuns: 2000 },
    );
  });

  // A digit change alters DDMMYYZZZ by d·10^k with 0 < |d| < 31, never a multiple of the prime 31, so the
  // check character can never still match. Only the century sign is outside the checksum: swapping it for
  // another sign yields a different, equally valid code (or an invalid date when 29 Feb moves century).
  it("rejects every single-character change except a swap of the century sign", () => {
    const replacement = fc.oneof(
      fc.constantFrom(...TABLE, ...ALL_SIGNS, ..."GIOQZabcyxu +-/ \t"),
      fc.string({ minLength: 1, maxLength: 1, unit: "binary" }),
    );
    fc.assert(
      fc.property(validCodeArb, fc.nat(10), replacement, ({ code }, position, char) => {
        fc.pre(code[position] !== char);
        const mutated = code.slice(0, position) + char + code.slice(position + 1);
        const result = validateHenkilotunnus(mutated, TEMP);
        const normalized = normalizeHenkilotunnus(mutated);
        if (normalized === code) {
          // e.g. a lowercase check letter: the same code after normalization.
          expect(result).toEqual(validateHenkilotunnus(code, TEMP));
          return;
        }
        const newSign = normalized.charAt(6);
        if (position === 6 && normalized.length === 11 && ALL_SIGNS.includes(newSign)) {
          const original = validateHenkilotunnus(code, TEMP) as Extract<HenkilotunnusResult, { ok: true }>;
          const year = centuryOf(newSign) + Number(code.slice(4, 6));
          const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
          if (code.startsWith("2902") && !isLeap) {
            expect(result).toEqual({ ok: false, reason: "invalid_date" });
          } else {
            expect(result).toEqual({ ...original, birthDate: `${year}${original.birthDate.slice(4)}` });
          }
          return;
        }
        expect(result.ok).toBe(false);
        // A digit swapped for another digit: if fixing the check character makes it valid, the checksum
        // is what rejected it.
        if (/^\d$/.test(char) && position !== 10 && position !== 6) {
          const repaired = buildCode(
            mutated.slice(0, 2),
            mutated.slice(2, 4),
            mutated.slice(4, 6),
            mutated.charAt(6),
            mutated.slice(7, 10),
          );
          if (validateHenkilotunnus(repaired, TEMP).ok) {
            expect(result).toEqual({ ok: false, reason: "checksum_mismatch" });
          }
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("never throws on arbitrary input and only returns known reasons", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ minLength: 11, maxLength: 11 }), fc.anything()), (x) => {
        const result = validateHenkilotunnus(x);
        if (!result.ok) expect(HENKILOTUNNUS_INVALID_REASONS).toContain(result.reason);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("ageOn", () => {
  it("counts whole years, turning older on the birthday itself", () => {
    expect(ageOn("2000-01-15", "2025-01-14")).toBe(24);
    expect(ageOn("2000-01-15", "2025-01-15")).toBe(25);
    expect(ageOn("2000-01-15", "2000-01-15")).toBe(0);
    expect(ageOn("2000-12-31", "2001-12-30")).toBe(0);
    expect(ageOn("2000-12-31", "2001-12-31")).toBe(1);
    expect(ageOn("1952-10-13", "2025-10-12")).toBe(72);
  });

  it("lets someone born on 29 February turn older on 28 February in common years (150/1930 §3)", () => {
    expect(ageOn("2004-02-29", "2005-02-27")).toBe(0);
    expect(ageOn("2004-02-29", "2005-02-28")).toBe(1);
    expect(ageOn("2004-02-29", "2005-03-01")).toBe(1);
    expect(ageOn("2004-02-29", "2022-02-27")).toBe(17);
    expect(ageOn("2004-02-29", "2022-02-28")).toBe(18);
    // In leap years the birthday exists, so 28 February is still the day before it.
    expect(ageOn("2004-02-29", "2008-02-28")).toBe(3);
    expect(ageOn("2004-02-29", "2008-02-29")).toBe(4);
    // 2100 is a common year.
    expect(ageOn("2096-02-29", "2100-02-28")).toBe(4);
  });

  it("refuses malformed dates and a date before birth", () => {
    expect(() => ageOn("2004-02-30", "2010-01-01")).toThrow(RangeError);
    expect(() => ageOn("2004-2-3", "2010-01-01")).toThrow(RangeError);
    expect(() => ageOn("2010-01-01", "2009-12-31")).toThrow(RangeError);
  });

  it("does not echo dates in its error messages", () => {
    expect(() => ageOn("1952-10-13", "1952-10-12")).toThrow(/^(?!.*1952).*$/);
  });

  it("agrees with counting anniversaries one by one", () => {
    const day = fc
      .date({
        min: new Date("1850-01-01T00:00:00Z"),
        max: new Date("2150-12-31T00:00:00Z"),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    // The k-th anniversary: same month and day, or the month's last day when that day does not exist.
    const anniversary = (birth: string, k: number): string => {
      const y = Number(birth.slice(0, 4)) + k;
      const m = Number(birth.slice(5, 7));
      const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
      const d = Math.min(Number(birth.slice(8, 10)), last);
      return `${y}-${pad(m, 2)}-${pad(d, 2)}`;
    };
    fc.assert(
      fc.property(day, day, (x, y) => {
        const [birth, on] = x <= y ? [x, y] : [y, x];
        let k = 0;
        while (anniversary(birth, k + 1) <= on) k++;
        expect(ageOn(birth, on)).toBe(k);
      }),
      { numRuns: 1000 },
    );
  });

  it("is exercised on leap-day births in particular", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 48 }), fc.integer({ min: 1, max: 120 }), (q, years) => {
        const birthYear = 1904 + 4 * q; // every leap year 1904–2096 (2100 is not one)
        const on = birthYear + years;
        const leap = (on % 4 === 0 && on % 100 !== 0) || on % 400 === 0;
        const birth = `${birthYear}-02-29`;
        expect(ageOn(birth, `${on}-02-27`)).toBe(years - 1);
        expect(ageOn(birth, `${on}-02-28`)).toBe(leap ? years - 1 : years);
        expect(ageOn(birth, `${on}-03-01`)).toBe(years);
      }),
    );
  });
});

describe("ageReachedInYear", () => {
  it("gives the age reached at some point during the year, whatever the birthday", () => {
    expect(ageReachedInYear("2012-12-31", 2024)).toBe(12);
    expect(ageReachedInYear("2012-01-01", 2024)).toBe(12);
    expect(ageReachedInYear("2012-02-29", 2025)).toBe(13);
    expect(() => ageReachedInYear("2012-13-01", 2024)).toThrow(RangeError);
    expect(() => ageReachedInYear("2012-01-01", 2024.5)).toThrow(RangeError);
  });
});
