import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  boundsOf,
  clampZoom,
  clusterByGrid,
  fitBounds,
  fromScreen,
  HEINOLA_VIEW,
  isWithin,
  MAX_LATITUDE,
  panBy,
  parseBounds,
  project,
  tileAt,
  tileUrl,
  toScreen,
  unproject,
  viewBounds,
  visibleTiles,
  wrapLongitude,
  zoomAround,
} from "./projection.ts";

const place = fc.record({
  lat: fc.double({ min: -85, max: 85, noNaN: true }),
  long: fc.double({ min: -179.999, max: 179.999, noNaN: true }),
});
const zoom = fc.integer({ min: 0, max: 19 });

describe("Web Mercator projection", () => {
  it("puts the fixed points where the tile scheme has them", () => {
    expect(project({ lat: 0, long: 0 }, 0)).toEqual({ x: 128, y: 128 });
    expect(project({ lat: 0, long: -180 }, 1)).toEqual({ x: 0, y: 256 });
    const top = project({ lat: MAX_LATITUDE, long: 180 }, 2);
    expect(top.x).toBe(1024);
    expect(top.y).toBeCloseTo(0, 6);
    // Beyond the square's edge a latitude is clamped, not sent to infinity.
    expect(project({ lat: 90, long: 0 }, 3).y).toBeCloseTo(0, 6);
  });

  it("finds Heinola's tiles as OpenStreetMap numbers them", () => {
    // The OSM wiki formula computed apart (Python: floor((1 − ln(tan φ + sec φ)/π)/2 · 2^z)): zoom 13, 61.2050 N 26.0380 E.
    expect(tileAt({ lat: 61.205, long: 26.038 }, 13)).toEqual({ z: 13, x: 4688, y: 2323 });
    expect(tileAt({ lat: 61.205, long: 26.038 }, 0)).toEqual({ z: 0, x: 0, y: 0 });
    expect(tileAt({ lat: -85.05, long: 179.9999 }, 1)).toEqual({ z: 1, x: 1, y: 1 });
  });

  it("projects and unprojects back to the same place", () => {
    fc.assert(
      fc.property(place, zoom, (p, z) => {
        const back = unproject(project(p, z), z);
        expect(back.lat).toBeCloseTo(p.lat, 9);
        expect(back.long).toBeCloseTo(p.long, 9);
      }),
    );
  });

  it("wraps longitudes into [−180, 180)", () => {
    expect(wrapLongitude(180)).toBe(-180);
    expect(wrapLongitude(190)).toBe(-170);
    expect(wrapLongitude(-540)).toBe(-180);
    expect(wrapLongitude(26.038)).toBeCloseTo(26.038, 12);
  });

  it("keeps zoom levels whole and in range", () => {
    expect(clampZoom(0)).toBe(3);
    expect(clampZoom(13.4)).toBe(13);
    expect(clampZoom(40)).toBe(18);
  });
});

describe("a map on the screen", () => {
  const width = 640;
  const height = 400;

  it("shows its centre in the middle and turns screen points back into the same places", () => {
    const middle = toScreen(HEINOLA_VIEW.center, HEINOLA_VIEW, width, height);
    expect(middle.x).toBeCloseTo(320, 6);
    expect(middle.y).toBeCloseTo(200, 6);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: width }), fc.integer({ min: 0, max: height }), (x, y) => {
        const back = toScreen(fromScreen({ x, y }, HEINOLA_VIEW, width, height), HEINOLA_VIEW, width, height);
        expect(back.x).toBeCloseTo(x, 6);
        expect(back.y).toBeCloseTo(y, 6);
      }),
    );
  });

  it("has bounds around its centre that grow as it zooms out", () => {
    const near = viewBounds(HEINOLA_VIEW, width, height);
    expect(isWithin(HEINOLA_VIEW.center, near)).toBe(true);
    expect(near.maxLat).toBeGreaterThan(near.minLat);
    const far = viewBounds({ ...HEINOLA_VIEW, zoom: 10 }, width, height);
    expect(far.minLat).toBeLessThan(near.minLat);
    expect(far.maxLong).toBeGreaterThan(near.maxLong);
    // At zoom 13 a 640-pixel map is about 0.055° of longitude wide (360° / 2^13 tiles × 2.5 tiles).
    expect(near.maxLong - near.minLong).toBeCloseTo((360 / 2 ** 13) * 2.5, 9);
  });

  it("pans by screen pixels: east and south are positive, and panning back returns", () => {
    const moved = panBy(HEINOLA_VIEW, 100, 50);
    expect(moved.center.long).toBeGreaterThan(HEINOLA_VIEW.center.long);
    expect(moved.center.lat).toBeLessThan(HEINOLA_VIEW.center.lat);
    const back = panBy(moved, -100, -50);
    expect(back.center.lat).toBeCloseTo(HEINOLA_VIEW.center.lat, 9);
    expect(back.center.long).toBeCloseTo(HEINOLA_VIEW.center.long, 9);
    // Never past the poles.
    expect(panBy({ center: { lat: 80, long: 0 }, zoom: 3 }, 0, -1e6).center.lat).toBeCloseTo(MAX_LATITUDE, 6);
  });

  it("zooms around a point that stays under the pointer", () => {
    const anchor = { x: 500, y: 100 };
    const before = fromScreen(anchor, HEINOLA_VIEW, width, height);
    const zoomed = zoomAround(HEINOLA_VIEW, 15, width, height, anchor);
    expect(zoomed.zoom).toBe(15);
    const after = toScreen(before, zoomed, width, height);
    expect(after.x).toBeCloseTo(anchor.x, 6);
    expect(after.y).toBeCloseTo(anchor.y, 6);
    expect(zoomAround(HEINOLA_VIEW, 13, width, height)).toBe(HEINOLA_VIEW);
    expect(zoomAround(HEINOLA_VIEW, 99, width, height).zoom).toBe(18);
  });

  it("covers the map with tiles and no more, wrapping east–west and stopping at the poles", () => {
    const tiles = visibleTiles(HEINOLA_VIEW, width, height);
    // 640 × 400 pixels need 3–4 columns and 2–3 rows of 256-pixel tiles.
    const columns = new Set(tiles.map((t) => t.x)).size;
    const rows = new Set(tiles.map((t) => t.y)).size;
    expect(columns).toBeGreaterThanOrEqual(3);
    expect(columns).toBeLessThanOrEqual(4);
    expect(rows).toBeGreaterThanOrEqual(2);
    expect(rows).toBeLessThanOrEqual(3);
    for (const tile of tiles) {
      expect(tile.left).toBeGreaterThan(-256);
      expect(tile.left).toBeLessThan(width);
      expect(tile.top).toBeGreaterThan(-256);
      expect(tile.top).toBeLessThan(height);
    }
    expect(tiles).toContainEqual(expect.objectContaining(tileAt(HEINOLA_VIEW.center, 13)));
    const dateLine = visibleTiles({ center: { lat: 0, long: 179.99 }, zoom: 3 }, width, height);
    expect(dateLine.map((t) => t.x)).toContain(0);
    expect(dateLine.map((t) => t.x)).toContain(7);
    const pole = visibleTiles({ center: { lat: 85, long: 0 }, zoom: 3 }, width, height);
    expect(pole.every((t) => t.y >= 0)).toBe(true);
    expect(new Set(pole.map((t) => t.key)).size).toBe(pole.length);
  });

  it("fills a tile URL template", () => {
    expect(tileUrl("https://tile.openstreetmap.org/{z}/{x}/{y}.png", { z: 13, x: 4688, y: 2323 })).toBe(
      "https://tile.openstreetmap.org/13/4688/2323.png",
    );
  });
});

describe("fitting places into a map", () => {
  it("finds the box of the places, or none", () => {
    expect(boundsOf([])).toBeUndefined();
    expect(
      boundsOf([
        { lat: 61.2, long: 26.1 },
        { lat: 61.1, long: 26.0 },
      ]),
    ).toEqual({ minLat: 61.1, minLong: 26.0, maxLat: 61.2, maxLong: 26.1 });
  });

  it("chooses the closest zoom that shows every place", () => {
    const bounds = { minLat: 61.18, minLong: 25.98, maxLat: 61.23, maxLong: 26.1 };
    const view = fitBounds(bounds, 640, 400);
    const shown = viewBounds(view, 640, 400);
    expect(isWithin({ lat: bounds.minLat, long: bounds.minLong }, shown)).toBe(true);
    expect(isWithin({ lat: bounds.maxLat, long: bounds.maxLong }, shown)).toBe(true);
    const closer = viewBounds({ ...view, zoom: view.zoom + 1 }, 640 - 48, 400 - 48);
    expect(isWithin({ lat: bounds.minLat, long: bounds.minLong }, closer)).toBe(false);
    // One place alone: no closer than the limit.
    expect(fitBounds({ minLat: 61.2, minLong: 26, maxLat: 61.2, maxLong: 26 }, 640, 400).zoom).toBe(15);
  });

  it("reads the API's bbox strings", () => {
    expect(parseBounds("61.19,26,61.22,26.07")).toEqual({
      minLat: 61.19,
      minLong: 26,
      maxLat: 61.22,
      maxLong: 26.07,
    });
    expect(parseBounds("61.19,26,61.22")).toBeUndefined();
    expect(parseBounds("a,b,c,d")).toBeUndefined();
  });

  it("groups places that would overlap, keeping each once and in order", () => {
    const items = [
      { id: "a", lat: 61.205, long: 26.038 },
      { id: "b", lat: 61.2051, long: 26.0381 },
      { id: "c", lat: 61.1, long: 25.9 },
    ];
    const groups = clusterByGrid(items, 13, 48);
    expect(groups.flatMap((g) => g.items.map((i) => i.id)).sort()).toEqual(["a", "b", "c"]);
    expect(groups.find((g) => g.items.length === 2)?.items.map((i) => i.id)).toEqual(["a", "b"]);
    // Close enough zoom separates them.
    expect(clusterByGrid(items, 18, 48).length).toBeGreaterThanOrEqual(2);
  });
});
