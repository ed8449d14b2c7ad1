import { describe, expect, it } from "vitest";
import { ReadCache } from "./read-cache.ts";

function setup(options: { ttlMs?: number; maxWeight?: number } = {}) {
  const state = { version: "1" as string | null, clock: 0, reads: 0 };
  const cache = new ReadCache<string[]>({
    changeVersion: () => state.version,
    ttlMs: options.ttlMs ?? 1_000,
    maxWeight: options.maxWeight ?? 100,
    weigh: (rows) => rows.length,
    now: () => state.clock,
  });
  const read =
    (rows: string[] = ["a"]) =>
    async () => {
      state.reads++;
      return rows;
    };
  return { state, cache, read };
}

describe("ReadCache", () => {
  it("keeps an answer while the database is unchanged and reads again after any change", async () => {
    const { state, cache, read } = setup();
    expect(await cache.get("k", read(["old"]))).toEqual(["old"]);
    expect(await cache.get("k", read(["new"]))).toEqual(["old"]);
    expect(state.reads).toBe(1);
    state.version = "2";
    expect(await cache.get("k", read(["new"]))).toEqual(["new"]);
    expect(state.reads).toBe(2);
  });

  it("keeps nothing when the database cannot tell about changes", async () => {
    const { state, cache, read } = setup();
    state.version = null;
    await cache.get("k", read());
    await cache.get("k", read());
    expect(state.reads).toBe(2);
    expect(cache.size).toBe(0);
  });

  it("does not keep an answer read while something was written", async () => {
    const { state, cache } = setup();
    await cache.get("k", async () => {
      state.version = "2";
      return ["seen half-way"];
    });
    expect(await cache.get("k", async () => ["fresh"])).toEqual(["fresh"]);
  });

  it("shares one read between concurrent callers of a key, and forgets failures", async () => {
    const { state, cache, read } = setup();
    const answers = await Promise.all([
      cache.get("k", read()),
      cache.get("k", read()),
      cache.get("j", read()),
    ]);
    expect(answers).toEqual([["a"], ["a"], ["a"]]);
    expect(state.reads).toBe(2);
    await expect(cache.get("x", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await cache.get("x", read(["up"]))).toEqual(["up"]);
  });

  it("reads again once an answer is older than its time to live", async () => {
    const { state, cache, read } = setup({ ttlMs: 1_000 });
    await cache.get("k", read());
    state.clock = 999;
    await cache.get("k", read());
    expect(state.reads).toBe(1);
    state.clock = 1_000;
    await cache.get("k", read());
    expect(state.reads).toBe(2);
  });

  it("drops the oldest answers beyond its weight", async () => {
    const { state, cache, read } = setup({ maxWeight: 5 });
    await cache.get("a", read(["1", "2", "3"]));
    await cache.get("b", read(["1", "2"]));
    expect(cache.size).toBe(2);
    await cache.get("c", read(["1"]));
    expect(cache.size).toBe(2);
    await cache.get("b", read());
    await cache.get("c", read());
    expect(state.reads).toBe(3);
    await cache.get("a", read());
    expect(state.reads).toBe(4);
  });
});
