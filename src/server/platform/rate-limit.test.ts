import { describe, expect, it } from "vitest";
import { MemoryRateLimiter, type WindowRule } from "./rate-limit.ts";

const T0 = Date.parse("2026-11-29T10:00:00Z");
const at = (seconds: number) => new Date(T0 + seconds * 1000);
const perHour = (limit: number, name = "test:address"): WindowRule => ({ name, limit, windowSeconds: 3600 });

describe("MemoryRateLimiter", () => {
  it("allows the limit within a window, then refuses until the window ends, then counts again", () => {
    const limiter = new MemoryRateLimiter();
    const rule = perHour(3);
    for (const s of [0, 10, 20]) expect(limiter.take([[rule, "a"]], at(s))).toEqual({ allowed: true });
    expect(limiter.take([[rule, "a"]], at(30))).toEqual({ allowed: false, retryAfterSeconds: 3570 });
    // Refusals do not move the window: it still ends an hour after the first event.
    expect(limiter.take([[rule, "a"]], at(3599.2))).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.take([[rule, "a"]], at(3600))).toEqual({ allowed: true });
    expect(limiter.take([[rule, "a"]], at(3601))).toEqual({ allowed: true });
  });

  it("keeps subjects and rules apart", () => {
    const limiter = new MemoryRateLimiter();
    const byAddress = perHour(1);
    const byKey = perHour(1, "test:key");
    expect(limiter.take([[byAddress, "a"]], at(0)).allowed).toBe(true);
    expect(limiter.take([[byAddress, "b"]], at(0)).allowed).toBe(true);
    expect(limiter.take([[byKey, "a"]], at(0)).allowed).toBe(true);
    expect(limiter.take([[byAddress, "a"]], at(1)).allowed).toBe(false);
  });

  it("counts several pairs only when all are under their limits, and waits for the longest", () => {
    const limiter = new MemoryRateLimiter();
    const key = perHour(2, "test:key");
    const address = { name: "test:address", limit: 1, windowSeconds: 60 };
    expect(
      limiter.take(
        [
          [key, "k"],
          [address, "a"],
        ],
        at(0),
      ),
    ).toEqual({ allowed: true });
    // The address is spent; the key's count must not grow with the refusal.
    expect(
      limiter.take(
        [
          [key, "k"],
          [address, "a"],
        ],
        at(5),
      ),
    ).toEqual({ allowed: false, retryAfterSeconds: 55 });
    expect(
      limiter.take(
        [
          [key, "k"],
          [address, "b"],
        ],
        at(6),
      ),
    ).toEqual({ allowed: true });
    expect(
      limiter.take(
        [
          [key, "k"],
          [address, "c"],
        ],
        at(7),
      ),
    ).toEqual({ allowed: false, retryAfterSeconds: 3593 });
  });

  it("starts a new window when the clock is set back instead of blocking for longer than a window", () => {
    const limiter = new MemoryRateLimiter();
    const rule = perHour(1);
    expect(limiter.take([[rule, "a"]], at(100)).allowed).toBe(true);
    expect(limiter.take([[rule, "a"]], at(50)).allowed).toBe(true);
    expect(limiter.take([[rule, "a"]], at(60))).toEqual({ allowed: false, retryAfterSeconds: 3590 });
  });

  it("keeps its memory bounded: ended windows go first, then the oldest", () => {
    const limiter = new MemoryRateLimiter({ maxKeys: 100 });
    const short = { name: "test:short", limit: 1, windowSeconds: 10 };
    const long = perHour(1);
    for (let i = 0; i < 60; i++) limiter.take([[short, `s${i}`]], at(0));
    for (let i = 0; i < 40; i++) limiter.take([[long, `l${i}`]], at(1));
    expect(limiter.size).toBe(100);
    // The 101st key sweeps the 60 ended short windows; the long ones are still counted.
    limiter.take([[long, "new"]], at(20));
    expect(limiter.size).toBe(41);
    expect(limiter.take([[long, "l0"]], at(21)).allowed).toBe(false);
    // Past the bound with every window live, the oldest are forgotten down to nine tenths.
    for (let i = 0; i < 60; i++) limiter.take([[long, `m${i}`]], at(30));
    expect(limiter.size).toBe(90);
    expect(limiter.take([[long, "m59"]], at(31)).allowed).toBe(false);
  });
});
