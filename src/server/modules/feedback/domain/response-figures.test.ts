import { describe, expect, it } from "vitest";
import { medianFirstResponseHours, promiseFigures, shareWithinPromise } from "./response-figures.ts";

// Monday 2026-11-23 08:00 Helsinki = 06:00 UTC; promise 16 working hours = Tuesday 16:00 Helsinki (14:00 UTC).
const at = (hoursUtc: string) => `2026-11-${hoursUtc}:00.000Z`;
const request = (first: string | null) => ({
  requestedAt: at("23T06:00"),
  expectedFirstResponseAt: at("24T14:00"),
  firstResponseAt: first,
});

describe("response figures", () => {
  it("take the median in working hours, skipping nights, and suppress fewer than five", () => {
    const five = [at("23T07:00"), at("23T08:00"), at("24T07:00"), at("25T06:00"), at("23T06:30")].map(
      request,
    );
    // 1 h, 2 h, 9 h (8 on Monday + 1 on Tuesday), 16 h, 0.5 h → median 2 h.
    expect(medianFirstResponseHours(five)).toBe(2);
    expect(medianFirstResponseHours(five.slice(0, 4))).toBeNull();
    expect(medianFirstResponseHours([...five, request(at("23T09:00"))])).toBe(2.5);
    expect(medianFirstResponseHours([...five.slice(0, 4), request(null)])).toBeNull();
  });

  it("count late answers and overdue silence against the promise, pending ones not at all", () => {
    const now = new Date(at("26T12:00"));
    const list = [
      request(at("23T07:00")),
      request(at("24T14:00")), // exactly on time
      request(at("25T06:00")), // late
      request(null), // promise passed, no answer: late
      request(at("24T10:00")),
    ];
    expect(shareWithinPromise(list, now)).toBe(60);
    const pending = { ...request(null), expectedFirstResponseAt: at("30T14:00") };
    expect(shareWithinPromise([...list, pending], now)).toBe(60);
    expect(shareWithinPromise(list.slice(0, 4), now)).toBeNull();
  });

  it("give both promises' figures, and nothing at all below five requests", () => {
    const now = new Date(at("30T12:00"));
    const resolved = (first: string, closed: string | null) => ({
      ...request(first),
      expectedResolutionAt: at("27T14:00"),
      closedAt: closed,
    });
    const list = [
      resolved(at("23T07:00"), at("23T10:00")), // 4 h
      resolved(at("23T07:00"), at("24T06:00")), // 8 h
      resolved(at("23T08:00"), at("25T06:00")), // 16 h
      resolved(at("23T08:00"), at("30T08:00")), // 42 h: late
      resolved(at("25T06:00"), null), // open past its promise: late
    ];
    expect(promiseFigures(list, now)).toEqual({
      requests: 5,
      shareFirstResponseWithin: 80,
      shareResolvedWithin: 60,
      medianFirstResponseHours: 2,
      medianResolutionHours: null,
    });
    expect(promiseFigures([...list, resolved(at("23T07:00"), at("23T12:00"))], now)).toMatchObject({
      requests: 6,
      medianResolutionHours: 8,
    });
    expect(promiseFigures(list.slice(0, 4), now)).toEqual({
      requests: null,
      shareFirstResponseWithin: null,
      shareResolvedWithin: null,
      medianFirstResponseHours: null,
      medianResolutionHours: null,
    });
  });
});
