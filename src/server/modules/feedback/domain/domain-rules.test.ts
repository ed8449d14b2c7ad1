import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkAttributes, isW3cDatetime } from "./attributes.ts";
import { formatReference, normaliseReference } from "./reference.ts";
import { canChangeStatus, open311Status, statusesForOpen311 } from "./request-status.ts";

describe("request status rules", () => {
  it("follow received → allocated → handling → done, allow closing and reopening", () => {
    expect(canChangeStatus("received", "allocated")).toBe(true);
    expect(canChangeStatus("handling", "done")).toBe(true);
    expect(canChangeStatus("received", "closed")).toBe(true);
    expect(canChangeStatus("done", "handling")).toBe(true);
    expect(canChangeStatus("done", "received")).toBe(false);
    expect(canChangeStatus("closed", "done")).toBe(false);
    expect(canChangeStatus("handling", "handling")).toBe(false);
    expect(canChangeStatus("handling", "received")).toBe(false);
  });

  it("map to Open311 open/closed and back", () => {
    expect(open311Status("allocated")).toBe("open");
    expect(open311Status("done")).toBe("closed");
    expect(statusesForOpen311("closed")).toEqual(["done", "closed"]);
    for (const s of statusesForOpen311("open")) expect(open311Status(s)).toBe("open");
  });
});

describe("reference numbers", () => {
  it("are 8 Crockford characters and survive how people type them", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 5, maxLength: 5 }), (bytes) => {
        const ref = formatReference(bytes);
        expect(ref).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
        expect(normaliseReference(ref)).toBe(ref);
        expect(normaliseReference(ref.toLowerCase().replace("-", " "))).toBe(ref);
      }),
    );
    expect(formatReference(new Uint8Array([0, 0, 0, 0, 0]))).toBe("0000-0000");
    expect(formatReference(new Uint8Array([255, 255, 255, 255, 255]))).toBe("ZZZZ-ZZZZ");
    expect(normaliseReference("o1il-abcd")).toBe("0111-ABCD");
    expect(normaliseReference("ABCD-EFGU")).toBeNull();
    expect(normaliseReference("ABC")).toBeNull();
    expect(normaliseReference("'; drop table x")).toBeNull();
  });
});

describe("attribute answers", () => {
  const rules = [
    { code: "type", datatype: "singlevaluelist" as const, required: true, variable: true, keys: ["a", "b"] },
    { code: "many", datatype: "multivaluelist" as const, required: false, variable: true, keys: ["x", "y"] },
    { code: "count", datatype: "number" as const, required: false, variable: true, keys: [] },
    { code: "when", datatype: "datetime" as const, required: false, variable: true, keys: [] },
    { code: "info", datatype: "text" as const, required: false, variable: false, keys: [] },
  ];

  it("accept valid answers and treat empty ones as absent", () => {
    expect(
      checkAttributes(rules, {
        type: "a",
        many: ["x", "y", "x"],
        count: "-2.5",
        when: "2026-03-29T03:30:00+03:00",
      }),
    ).toEqual({
      ok: true,
      values: { type: "a", many: ["x", "y"], count: "-2.5", when: "2026-03-29T03:30:00+03:00" },
    });
    expect(checkAttributes(rules, { type: "b", count: "" })).toEqual({ ok: true, values: { type: "b" } });
  });

  it("name every problem", () => {
    const result = checkAttributes(rules, {
      many: ["z"],
      count: "12a",
      when: "2026-02-30T10:00:00Z",
      info: "x",
      nope: "1",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        { code: "type", problem: "required" },
        { code: "many", problem: "unknown_key" },
        { code: "count", problem: "not_a_number" },
        { code: "when", problem: "not_a_datetime" },
        { code: "info", problem: "unknown_attribute" },
        { code: "nope", problem: "unknown_attribute" },
      ]),
    );
    expect(checkAttributes(rules, { type: "c" })).toEqual({
      ok: false,
      problems: [{ code: "type", problem: "unknown_key" }],
    });
    expect(checkAttributes(rules, { type: ["a", "b"] })).toEqual({
      ok: false,
      problems: [{ code: "type", problem: "one_value_only" }],
    });
  });

  it("read W3C datetimes only with a time zone and a real date", () => {
    expect(isW3cDatetime("1994-11-05T08:15:30-05:00")).toBe(true);
    expect(isW3cDatetime("1994-11-05T13:15:30Z")).toBe(true);
    expect(isW3cDatetime("2024-02-29T00:00Z")).toBe(true);
    expect(isW3cDatetime("2026-11-29T10:00:00.123+02:00")).toBe(true);
    expect(isW3cDatetime("1994-11-05T13:15:30")).toBe(false);
    expect(isW3cDatetime("2025-02-29T00:00:00Z")).toBe(false);
    expect(isW3cDatetime("2026-11-29T24:00:00Z")).toBe(false);
    expect(isW3cDatetime("2026-11-29")).toBe(false);
    expect(isW3cDatetime("2026-11-29T10:00:00+25:00")).toBe(false);
  });
});
