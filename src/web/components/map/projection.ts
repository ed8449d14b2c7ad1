// Web Mercator (EPSG:3857) as slippy-map tile servers use it: the world is a square of 256 × 2^z pixels at
// zoom z, x growing east from longitude −180 and y growing south from latitude ≈ 85.0511 (where the square
// ends). Formulas as in the OpenStreetMap wiki's "Slippy map tilenames". Pure functions, no DOM.

/** A place in WGS84 degrees. */
export interface LatLong {
  lat: number;
  long: number;
}

/** A point in world pixels at some zoom (or on the screen, relative to the map's top-left corner). */
export interface Pixel {
  x: number;
  y: number;
}

/** What a map shows: its centre and integer zoom level. */
export interface MapViewState {
  center: LatLong;
  zoom: number;
}

/** "minLat,minLong,maxLat,maxLong" as numbers. */
export interface Bounds {
  minLat: number;
  minLong: number;
  maxLat: number;
  maxLong: number;
}

/** One tile to draw: its address (x wrapped around the world) and where its top-left corner goes. */
export interface PlacedTile {
  key: string;
  z: number;
  x: number;
  y: number;
  left: number;
  top: number;
}

/** Edge length of a tile in pixels (every common tile server). */
export const TILE_SIZE = 256;
/** The latitude where Web Mercator's square ends: atan(sinh(π)). */
export const MAX_LATITUDE = 85.0511287798066;
/** Zoom levels the maps allow: a whole region at the widest, a house at the closest (OSM serves 0–19). */
export const MIN_ZOOM = 3;
export const MAX_ZOOM = 18;

/** Heinola's market square: where maps open when they have nothing else to show. */
export const HEINOLA_VIEW: MapViewState = { center: { lat: 61.205, long: 26.038 }, zoom: 13 };

/** The world's edge length in pixels at zoom z. */
export function worldSize(zoom: number): number {
  return TILE_SIZE * 2 ** zoom;
}

/** Keeps a zoom level whole and within the allowed range. */
export function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, Math.round(zoom)));
}

/** Brings a longitude into [−180, 180). */
export function wrapLongitude(long: number): number {
  return ((((long + 180) % 360) + 360) % 360) - 180;
}

/** Latitude/longitude → world pixel at zoom z (latitude clamped to the Mercator square). */
export function project(point: LatLong, zoom: number): Pixel {
  const size = worldSize(zoom);
  const lat = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, point.lat));
  const sin = Math.sin((lat * Math.PI) / 180);
  return {
    x: ((point.long + 180) / 360) * size,
    y: (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size,
  };
}

/** World pixel at zoom z → latitude/longitude (longitude wrapped, latitude within the square). */
export function unproject(pixel: Pixel, zoom: number): LatLong {
  const size = worldSize(zoom);
  const y = Math.max(0, Math.min(size, pixel.y));
  const n = Math.PI - (2 * Math.PI * y) / size;
  return {
    lat: (180 / Math.PI) * Math.atan(Math.sinh(n)),
    long: wrapLongitude((pixel.x / size) * 360 - 180),
  };
}

/** The tile (x, y) at zoom z that contains a place. */
export function tileAt(point: LatLong, zoom: number): { z: number; x: number; y: number } {
  const pixel = project(point, zoom);
  const last = 2 ** zoom - 1;
  return {
    z: zoom,
    x: Math.min(last, Math.floor(pixel.x / TILE_SIZE)),
    y: Math.min(last, Math.floor(pixel.y / TILE_SIZE)),
  };
}

/** The world pixel of a map's top-left corner, for a map of the given size. */
export function viewOrigin(view: MapViewState, width: number, height: number): Pixel {
  const center = project(view.center, view.zoom);
  return { x: center.x - width / 2, y: center.y - height / 2 };
}

/** Where a place appears on the screen, in pixels from the map's top-left corner. */
export function toScreen(point: LatLong, view: MapViewState, width: number, height: number): Pixel {
  const origin = viewOrigin(view, width, height);
  const pixel = project(point, view.zoom);
  // Of the copies of the world side by side, the one nearest the centre.
  const size = worldSize(view.zoom);
  let x = pixel.x - origin.x;
  while (x - width / 2 > size / 2) x -= size;
  while (width / 2 - x > size / 2) x += size;
  return { x, y: pixel.y - origin.y };
}

/** The place at a screen point of the map. */
export function fromScreen(screen: Pixel, view: MapViewState, width: number, height: number): LatLong {
  const origin = viewOrigin(view, width, height);
  return unproject({ x: origin.x + screen.x, y: origin.y + screen.y }, view.zoom);
}

/** The area a map of this size shows. */
export function viewBounds(view: MapViewState, width: number, height: number): Bounds {
  const topLeft = fromScreen({ x: 0, y: 0 }, view, width, height);
  const bottomRight = fromScreen({ x: width, y: height }, view, width, height);
  return { minLat: bottomRight.lat, minLong: topLeft.long, maxLat: topLeft.lat, maxLong: bottomRight.long };
}

/** Moves the view by a number of screen pixels (positive dx shows what lies east, dy what lies south). */
export function panBy(view: MapViewState, dx: number, dy: number): MapViewState {
  const center = project(view.center, view.zoom);
  const size = worldSize(view.zoom);
  const y = Math.max(0, Math.min(size, center.y + dy));
  return { ...view, center: unproject({ x: center.x + dx, y }, view.zoom) };
}

/**
 * Changes the zoom keeping the place under a screen point where it was (the centre when no point is
 * given), as a wheel or a double tap expects.
 */
export function zoomAround(
  view: MapViewState,
  zoom: number,
  width: number,
  height: number,
  anchor: Pixel = { x: width / 2, y: height / 2 },
): MapViewState {
  const next = clampZoom(zoom);
  if (next === view.zoom) return view;
  const place = fromScreen(anchor, view, width, height);
  const placeNext = project(place, next);
  const center = { x: placeNext.x - anchor.x + width / 2, y: placeNext.y - anchor.y + height / 2 };
  return { zoom: next, center: unproject(center, next) };
}

/** The smallest box holding all the places, or undefined for none. */
export function boundsOf(points: readonly LatLong[]): Bounds | undefined {
  if (points.length === 0) return undefined;
  const lats = points.map((p) => p.lat);
  const longs = points.map((p) => p.long);
  return {
    minLat: Math.min(...lats),
    minLong: Math.min(...longs),
    maxLat: Math.max(...lats),
    maxLong: Math.max(...longs),
  };
}

/**
 * The closest view that shows the whole box with `padding` pixels to spare on each side, no closer than
 * `maxZoom` (one place alone would otherwise fill the map at the highest zoom).
 */
export function fitBounds(
  bounds: Bounds,
  width: number,
  height: number,
  options: { padding?: number; maxZoom?: number } = {},
): MapViewState {
  const padding = options.padding ?? 24;
  const maxZoom = clampZoom(options.maxZoom ?? 15);
  const center = unproject(
    {
      x:
        (project({ lat: 0, long: bounds.minLong }, 0).x + project({ lat: 0, long: bounds.maxLong }, 0).x) / 2,
      y: (project({ lat: bounds.maxLat, long: 0 }, 0).y + project({ lat: bounds.minLat, long: 0 }, 0).y) / 2,
    },
    0,
  );
  const room = { x: Math.max(1, width - 2 * padding), y: Math.max(1, height - 2 * padding) };
  for (let zoom = maxZoom; zoom > MIN_ZOOM; zoom--) {
    const topLeft = project({ lat: bounds.maxLat, long: bounds.minLong }, zoom);
    const bottomRight = project({ lat: bounds.minLat, long: bounds.maxLong }, zoom);
    if (bottomRight.x - topLeft.x <= room.x && bottomRight.y - topLeft.y <= room.y) return { center, zoom };
  }
  return { center, zoom: MIN_ZOOM };
}

/** The tiles that cover a map of this size, wrapping around the world east–west, none beyond the poles. */
export function visibleTiles(view: MapViewState, width: number, height: number): PlacedTile[] {
  const origin = viewOrigin(view, width, height);
  const count = 2 ** view.zoom;
  const first = { x: Math.floor(origin.x / TILE_SIZE), y: Math.floor(origin.y / TILE_SIZE) };
  const last = {
    x: Math.floor((origin.x + width - 1) / TILE_SIZE),
    y: Math.floor((origin.y + height - 1) / TILE_SIZE),
  };
  const tiles: PlacedTile[] = [];
  for (let ty = Math.max(0, first.y); ty <= Math.min(count - 1, last.y); ty++) {
    for (let tx = first.x; tx <= last.x; tx++) {
      const x = ((tx % count) + count) % count;
      tiles.push({
        key: `${view.zoom}/${tx}/${ty}`,
        z: view.zoom,
        x,
        y: ty,
        left: Math.round(tx * TILE_SIZE - origin.x),
        top: Math.round(ty * TILE_SIZE - origin.y),
      });
    }
  }
  return tiles;
}

/** Fills a tile URL template's {z}, {x} and {y}. */
export function tileUrl(template: string, tile: { z: number; x: number; y: number }): string {
  return template
    .replaceAll("{z}", String(tile.z))
    .replaceAll("{x}", String(tile.x))
    .replaceAll("{y}", String(tile.y));
}

/** Whether a place lies inside a box (edges included). */
export function isWithin(point: LatLong, bounds: Bounds): boolean {
  return (
    point.lat >= bounds.minLat &&
    point.lat <= bounds.maxLat &&
    point.long >= bounds.minLong &&
    point.long <= bounds.maxLong
  );
}

/** Parses "minLat,minLong,maxLat,maxLong" (the API's bbox strings); undefined when it is not one. */
export function parseBounds(text: string): Bounds | undefined {
  const parts = text.split(",").map((part) => Number(part.trim()));
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) return undefined;
  const [minLat, minLong, maxLat, maxLong] = parts as [number, number, number, number];
  return { minLat, minLong, maxLat, maxLong };
}

/**
 * Groups places that would overlap on the screen: a grid of `cell`-pixel squares in world pixels at the
 * view's zoom, so the grouping does not change while panning. Each group keeps its members in input order
 * and sits at their mean position.
 */
export function clusterByGrid<T extends LatLong>(
  items: readonly T[],
  zoom: number,
  cell: number,
): { key: string; center: LatLong; items: T[] }[] {
  const groups = new Map<string, { sumX: number; sumY: number; items: T[] }>();
  for (const item of items) {
    const pixel = project(item, zoom);
    const key = `${Math.floor(pixel.x / cell)}:${Math.floor(pixel.y / cell)}`;
    const group = groups.get(key) ?? { sumX: 0, sumY: 0, items: [] };
    group.sumX += pixel.x;
    group.sumY += pixel.y;
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups].map(([key, group]) => ({
    key,
    center: unproject({ x: group.sumX / group.items.length, y: group.sumY / group.items.length }, zoom),
    items: group.items,
  }));
}
