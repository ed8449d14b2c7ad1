import { describe, expect, it } from "vitest";
import { scaledSize } from "./prepare-photo.ts";

describe("scaledSize", () => {
  it("scales photos down to the longest side, never up", () => {
    expect(scaledSize(4000, 3000, 1600)).toEqual({ width: 1600, height: 1200 });
    expect(scaledSize(3000, 4000, 1600)).toEqual({ width: 1200, height: 1600 });
    expect(scaledSize(800, 600, 1600)).toEqual({ width: 800, height: 600 });
    expect(scaledSize(10000, 1, 1600)).toEqual({ width: 1600, height: 1 });
  });
});
