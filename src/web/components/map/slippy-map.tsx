import {
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
  type RefObject,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
} from "react";
import { useTranslation } from "react-i18next";
import type { MapSettings } from "../../../contracts/meta.ts";
import { useSiteMeta } from "../../api/meta/meta.hooks.ts";
import {
  isWithin,
  type LatLong,
  type MapViewState,
  type Pixel,
  panBy,
  toScreen as placeToScreen,
  fromScreen as screenToPlace,
  tileUrl,
  viewBounds,
  viewOrigin,
  visibleTiles,
  zoomAround,
} from "./projection.ts";
import "./map.css";

/** The map's size in CSS pixels. */
export interface MapSize {
  width: number;
  height: number;
}

/** What an overlay needs to place things on the map. */
export interface MapOverlay {
  /** Where a place appears, in pixels from the map's top-left corner. */
  toScreen: (point: LatLong) => Pixel;
  /** Whether a screen point lies on the visible map (with a margin for markers half outside). */
  isShown: (pixel: Pixel) => boolean;
  size: MapSize;
  view: MapViewState;
}

// Until the browser has measured the map, draw for a phone-sized box.
const FALLBACK_SIZE: MapSize = { width: 320, height: 240 };
// Arrow keys move by this many pixels, with Shift by a screenful's worth.
const KEY_STEP = 64;
// A pointer that moves further than this between press and release drags rather than clicks.
const DRAG_THRESHOLD = 5;
// Wheel deltas add up to one zoom step (a mouse notch is about 100, a touchpad sends many small ones).
const WHEEL_STEP = 100;

/** The tile settings of this installation (GET /api/v1/meta), or undefined while they load. */
function useMapSettings(): MapSettings | undefined {
  return useSiteMeta().data?.map;
}

/**
 * The slippy map both MapPicker and MapView are made of: tiles (or a plain grid when tiles are off or fail),
 * pan by drag and arrow keys, zoom by buttons, +/− and the wheel. The view is controlled by the caller.
 * The surface is one tab stop with instructions; overlays (markers) follow it in the tab order.
 */
export function SlippyMap({
  label,
  instructions,
  view,
  onViewChange,
  onPick,
  crosshair = false,
  size: sizeClass = "normal",
  ensureVisible,
  onSize,
  surfaceRef,
  children,
}: {
  label: string;
  instructions: string;
  view: MapViewState;
  onViewChange: (view: MapViewState) => void;
  /** A click or tap without dragging, or Enter/Space (at the centre): the place chosen. */
  onPick?: (point: LatLong) => void;
  /** Marks the centre, where Enter and Space choose. */
  crosshair?: boolean;
  size?: "small" | "normal";
  /** A place to bring into view whenever it changes and lies outside. */
  ensureVisible?: LatLong | null;
  /** Called with the measured size, once and whenever it changes. */
  onSize?: (size: MapSize) => void;
  surfaceRef?: RefObject<HTMLDivElement | null>;
  children?: (overlay: MapOverlay) => ReactNode;
}) {
  const { t } = useTranslation();
  const settings = useMapSettings();
  const instructionsId = useId();
  const ownRef = useRef<HTMLDivElement>(null);
  const ref = surfaceRef ?? ownRef;
  const [size, setSize] = useState<MapSize>(FALLBACK_SIZE);
  // Handlers registered outside React's render (the wheel, a drag in progress) read the latest values here.
  const latest = useRef({ view, size, onViewChange });
  latest.current = { view, size, onViewChange };
  const drag = useRef<{ id: number; x: number; y: number; startX: number; startY: number; moved: boolean }>(
    null,
  );

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const next = { width: element.clientWidth, height: element.clientHeight };
      if (next.width === 0 || next.height === 0) return;
      setSize((current) => (current.width === next.width && current.height === next.height ? current : next));
    };
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's callback may change every render.
  useEffect(() => {
    onSize?.(size);
  }, [size]);

  const targetLat = ensureVisible?.lat;
  const targetLong = ensureVisible?.long;
  useEffect(() => {
    if (targetLat === undefined || targetLong === undefined) return;
    const { view: current, size: box, onViewChange: change } = latest.current;
    const target = { lat: targetLat, long: targetLong };
    if (!isWithin(target, viewBounds(current, box.width, box.height))) change({ ...current, center: target });
  }, [targetLat, targetLong]);

  // React's wheel listener is passive; zooming instead of scrolling the page needs a listener of our own.
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let pending = 0;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      pending += event.deltaMode === 0 ? event.deltaY : event.deltaY * 40;
      if (Math.abs(pending) < WHEEL_STEP) return;
      const step = pending < 0 ? 1 : -1;
      pending = 0;
      const { view: current, size: box, onViewChange: change } = latest.current;
      const rect = element.getBoundingClientRect();
      const anchor = { x: event.clientX - rect.left, y: event.clientY - rect.top };
      change(zoomAround(current, current.zoom + step, box.width, box.height, anchor));
    };
    element.addEventListener("wheel", onWheel, { passive: false });
    return () => element.removeEventListener("wheel", onWheel);
  }, [ref]);

  function zoomBy(step: number) {
    onViewChange(zoomAround(view, view.zoom + step, size.width, size.height));
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // Keys pressed on a marker inside belong to the marker.
    if (event.target !== event.currentTarget || event.altKey || event.ctrlKey || event.metaKey) return;
    const step = event.shiftKey ? Math.round(Math.min(size.width, size.height) / 2) : KEY_STEP;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      onViewChange(panBy(view, move[0], move[1]));
    } else if (event.key === "+" || event.key === "=") {
      event.preventDefault();
      zoomBy(1);
    } else if (event.key === "-" || event.key === "_") {
      event.preventDefault();
      zoomBy(-1);
    } else if ((event.key === "Enter" || event.key === " ") && onPick) {
      event.preventDefault();
      onPick(view.center);
    }
  }

  function localPoint(event: PointerEvent<HTMLDivElement>): Pixel {
    const rect = event.currentTarget.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  }

  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    if (event.button !== 0 || (event.target as Element).closest("[data-map-marker]")) return;
    drag.current = {
      id: event.pointerId,
      x: event.clientX,
      y: event.clientY,
      startX: event.clientX,
      startY: event.clientY,
      moved: false,
    };
    event.currentTarget.setPointerCapture?.(event.pointerId);
  }

  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    const current = drag.current;
    if (!current || current.id !== event.pointerId) return;
    if (
      !current.moved &&
      Math.hypot(event.clientX - current.startX, event.clientY - current.startY) < DRAG_THRESHOLD
    )
      return;
    current.moved = true;
    const { view: shown, onViewChange: change } = latest.current;
    const next = panBy(shown, current.x - event.clientX, current.y - event.clientY);
    current.x = event.clientX;
    current.y = event.clientY;
    latest.current.view = next;
    change(next);
  }

  function onPointerUp(event: PointerEvent<HTMLDivElement>) {
    const current = drag.current;
    if (!current || current.id !== event.pointerId) return;
    drag.current = null;
    if (!current.moved && onPick) onPick(screenToPlace(localPoint(event), view, size.width, size.height));
  }

  const origin = viewOrigin(view, size.width, size.height);
  const tiles = settings?.tileUrl ? visibleTiles(view, size.width, size.height) : [];
  const template = settings?.tileUrl ?? "";
  const overlay: MapOverlay = {
    toScreen: (point) => placeToScreen(point, view, size.width, size.height),
    isShown: (pixel) =>
      pixel.x >= -12 && pixel.x <= size.width + 12 && pixel.y >= -12 && pixel.y <= size.height + 12,
    size,
    view,
  };
  // The plain grid moves with the map, so panning shows even without tiles.
  const grid = `${-Math.round(origin.x) % 64}px ${-Math.round(origin.y) % 64}px`;

  return (
    <div className={`map map--${sizeClass}`}>
      <div className="map__frame">
        <div
          ref={ref}
          className="map__surface"
          role="application"
          aria-roledescription={t("map.roleDescription")}
          aria-label={label}
          aria-describedby={instructionsId}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: an application region takes its own keys (arrows, +, −, Enter) and must be reachable by Tab.
          tabIndex={0}
          style={{ backgroundPosition: grid }}
          onKeyDown={onKeyDown}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => {
            drag.current = null;
          }}
        >
          <div className="map__tiles" aria-hidden="true">
            {tiles.map((tile) => (
              <img
                key={tile.key}
                className="map__tile"
                src={tileUrl(template, tile)}
                alt=""
                width={256}
                height={256}
                draggable={false}
                style={{ left: tile.left, top: tile.top }}
                onError={(event) => {
                  // An unreachable tile server leaves the plain grid, not broken-image icons.
                  event.currentTarget.hidden = true;
                }}
              />
            ))}
          </div>
          {crosshair ? <div className="map__crosshair" aria-hidden="true" /> : null}
          {children?.(overlay)}
        </div>
        <div className="map__zoom">
          <button type="button" className="map__zoom-button" onClick={() => zoomBy(1)}>
            <span className="map__zoom-icon map__zoom-icon--in" aria-hidden="true" />
            <span className="visually-hidden">{t("map.zoomIn")}</span>
          </button>
          <button type="button" className="map__zoom-button" onClick={() => zoomBy(-1)}>
            <span className="map__zoom-icon" aria-hidden="true" />
            <span className="visually-hidden">{t("map.zoomOut")}</span>
          </button>
        </div>
      </div>
      {settings?.tileUrl ? <p className="map__attribution">{settings.attribution}</p> : null}
      <p id={instructionsId} className="map__instructions">
        {instructions}
      </p>
    </div>
  );
}
