import { describe, expect, it } from "vitest";
import { currentBreach, type EscalationSubject, nextEscalation } from "./escalation.ts";

// Monday 2026-11-23 08:00 Helsinki is 06:00Z; the office day is 08:00–16:00 (06:00–14:00Z in winter).
const subject = (over: Partial<EscalationSubject> = {}): EscalationSubject => ({
  isOpen: true,
  firstResponseAt: null,
  expectedFirstResponseAt: "2026-11-23T10:00:00.000Z",
  expectedResolutionAt: "2026-11-25T10:00:00.000Z",
  level: 0,
  breach: null,
  ...over,
});

describe("currentBreach", () => {
  it("is nothing before the first-response promise", () => {
    expect(currentBreach(subject(), new Date("2026-11-23T09:59:59.000Z"))).toBeNull();
  });
  it("is the first response once its promise passed unanswered", () => {
    expect(currentBreach(subject(), new Date("2026-11-23T10:00:01.000Z"))).toEqual({
      breach: "first_response",
      due: "2026-11-23T10:00:00.000Z",
    });
  });
  it("is the resolution once answered and the resolution promise passed", () => {
    const answered = subject({ firstResponseAt: "2026-11-23T11:00:00.000Z" });
    expect(currentBreach(answered, new Date("2026-11-24T10:00:00.000Z"))).toBeNull();
    expect(currentBreach(answered, new Date("2026-11-25T10:00:01.000Z"))?.breach).toBe("resolution");
  });
  it("is nothing for a finished request", () => {
    expect(currentBreach(subject({ isOpen: false }), new Date("2026-12-30T10:00:00.000Z"))).toBeNull();
  });
});

describe("nextEscalation", () => {
  it("raises a fresh breach to the handlers (level 1)", () => {
    expect(nextEscalation(subject(), new Date("2026-11-23T11:00:00.000Z"))).toEqual({
      level: 1,
      breach: "first_response",
    });
  });
  it("raises a breach only once per level however often it runs", () => {
    const raised = subject({ level: 1, breach: "first_response" });
    expect(nextEscalation(raised, new Date("2026-11-23T12:00:00.000Z"))).toBeNull();
    expect(nextEscalation(raised, new Date("2026-11-23T13:59:00.000Z"))).toBeNull();
  });
  it("tells the lead one working day after the promise, counted in working hours", () => {
    const raised = subject({ level: 1, breach: "first_response" });
    // Due Mon 12:00 Helsinki; eight working hours later is Tue 12:00 Helsinki (10:00Z).
    expect(nextEscalation(raised, new Date("2026-11-24T09:59:00.000Z"))).toBeNull();
    expect(nextEscalation(raised, new Date("2026-11-24T10:00:00.000Z"))).toEqual({
      level: 2,
      breach: "first_response",
    });
    expect(
      nextEscalation(subject({ level: 2, breach: "first_response" }), new Date("2026-12-01")),
    ).toBeNull();
  });
  it("does not count a weekend as the lead's period", () => {
    // Due Friday 2026-11-27 12:00 Helsinki: Monday 11:00 Helsinki is only seven working hours later.
    const friday = subject({
      expectedFirstResponseAt: "2026-11-27T10:00:00.000Z",
      expectedResolutionAt: "2026-12-10T10:00:00.000Z",
      level: 1,
      breach: "first_response",
    });
    expect(nextEscalation(friday, new Date("2026-11-30T09:00:00.000Z"))).toBeNull();
    expect(nextEscalation(friday, new Date("2026-11-30T10:00:00.000Z"))?.level).toBe(2);
  });
  it("uses a configured lead period", () => {
    const raised = subject({ level: 1, breach: "first_response" });
    expect(nextEscalation(raised, new Date("2026-11-23T12:00:00.000Z"), 2)?.level).toBe(2);
  });
  it("goes straight to the lead when first seen already past the lead's period", () => {
    expect(nextEscalation(subject(), new Date("2026-11-24T12:00:00.000Z"))?.level).toBe(2);
  });
  it("starts again at level 1 for a new breach after the first was answered", () => {
    const answeredLate = subject({
      firstResponseAt: "2026-11-24T12:00:00.000Z",
      level: 2,
      breach: "first_response",
    });
    expect(nextEscalation(answeredLate, new Date("2026-11-24T13:00:00.000Z"))).toBeNull();
    expect(nextEscalation(answeredLate, new Date("2026-11-25T11:00:00.000Z"))).toEqual({
      level: 1,
      breach: "resolution",
    });
  });
  it("never escalates a finished request", () => {
    expect(nextEscalation(subject({ isOpen: false }), new Date("2026-12-30"))).toBeNull();
  });
});
