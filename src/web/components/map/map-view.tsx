import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import {
  boundsOf,
  clampZoom,
  clusterByGrid,
  fitBounds,
  HEINOLA_VIEW,
  type LatLong,
  MAX_ZOOM,
  type MapViewState,
} from "./projection.ts";
import { type MapSize, SlippyMap } from "./slippy-map.tsx";

/** One thing to show on a map: its place, its title (the marker's accessible name) and where it leads. */
export interface MapItem extends LatLong {
  id: string;
  title: string;
  /** The item's page; without one the marker is a picture, not a link (e.g. on the item's own page). */
  href?: string;
}

// Markers closer than this (in pixels) are drawn as one numbered group that zooms in when chosen.
const CLUSTER_CELL = 44;
/** More markers than this are not drawn; the list beside the map stays complete. */
export const MAX_MARKERS = 300;

/**
 * Markers for a list of items, each a link named by the item's title, one tab stop after the map surface.
 * The map only repeats the list beside it (WCAG 1.1.1, 2.1.1): it opens fitted to the items and refits
 * when they change.
 */
export function MapView({
  label,
  items,
  size = "normal",
}: {
  /** The map's accessible name, e.g. "Map of the published requests". */
  label: string;
  items: readonly MapItem[];
  size?: "small" | "normal";
}) {
  const { t } = useTranslation();
  const shown = items.slice(0, MAX_MARKERS);
  const itemsKey = shown.map((item) => `${item.id}@${item.lat},${item.long}`).join("|");
  const [view, setView] = useState<MapViewState>(HEINOLA_VIEW);
  const [box, setBox] = useState<MapSize | null>(null);
  const [fittedKey, setFittedKey] = useState<string | null>(null);
  const surface = useRef<HTMLDivElement>(null);

  // Fit once the map's size is known, and again when the items change (a new filter or page).
  if (box && fittedKey !== itemsKey) {
    setFittedKey(itemsKey);
    const bounds = boundsOf(shown);
    if (bounds) setView(fitBounds(bounds, box.width, box.height, { maxZoom: 15 }));
  }

  const groups =
    view.zoom >= MAX_ZOOM
      ? shown.map((item) => ({ key: item.id, center: item as LatLong, items: [item] }))
      : clusterByGrid(shown, view.zoom, CLUSTER_CELL);

  function openGroup(center: LatLong) {
    setView({ center, zoom: clampZoom(view.zoom + 2) });
    // The group's button is gone once it splits; the map is the nearest place to continue from.
    surface.current?.focus();
  }

  return (
    <div className="map-view">
      <SlippyMap
        label={label}
        instructions={t("map.viewInstructions")}
        view={view}
        onViewChange={setView}
        size={size}
        onSize={setBox}
        surfaceRef={surface}
      >
        {({ toScreen, isShown }) =>
          groups.map((group) => {
            const at = toScreen(group.center);
            if (!isShown(at)) return null;
            const position = { left: at.x, top: at.y };
            const [first] = group.items;
            if (group.items.length > 1 || !first) {
              return (
                <button
                  key={group.key}
                  type="button"
                  className="map__cluster"
                  data-map-marker=""
                  style={position}
                  onClick={() => openGroup(group.center)}
                >
                  <span aria-hidden="true">{group.items.length}</span>
                  <span className="visually-hidden">{t("map.cluster", { count: group.items.length })}</span>
                </button>
              );
            }
            return first.href ? (
              <Link
                key={group.key}
                to={first.href}
                className="map__marker"
                data-map-marker=""
                title={first.title}
                style={position}
              >
                <span className="visually-hidden">{first.title}</span>
              </Link>
            ) : (
              <span
                key={group.key}
                className="map__marker map__marker--static"
                role="img"
                aria-label={first.title}
                style={position}
              />
            );
          })
        }
      </SlippyMap>
      {items.length > shown.length ? (
        <p className="map-view__note">{t("map.capped", { shown: shown.length, total: items.length })}</p>
      ) : null}
    </div>
  );
}
