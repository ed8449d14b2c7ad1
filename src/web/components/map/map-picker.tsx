import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../i18n/i18n.ts";
import { INTL_LOCALES } from "../../i18n/intl.ts";
import { HEINOLA_VIEW, type LatLong, type MapViewState } from "./projection.ts";
import { SlippyMap } from "./slippy-map.tsx";

/** How close the map opens on a place already chosen (streets and house numbers readable). */
const PLACE_ZOOM = 16;

/** "61,20500, 26,03800": coordinates rounded to five decimals (about a metre), in the reader's notation. */
export function useFormatPlace(): (point: LatLong) => { lat: string; long: string } {
  const locale = useLocale();
  const format = new Intl.NumberFormat(INTL_LOCALES[locale], {
    minimumFractionDigits: 5,
    maximumFractionDigits: 5,
  });
  return (point) => ({ lat: format.format(point.lat), long: format.format(point.long) });
}

/**
 * Choosing a place on a map: a click or tap, or Enter/Space at the crosshair, sets the marker; the choice is
 * announced (rounded coordinates and, when `describePlace` knows it, the district). An aid only: the page
 * must also offer a typed address, the device's position and "no place" (WCAG 2.1.1, 2.5.1).
 */
export function MapPicker({
  label,
  value,
  onChange,
  describePlace,
}: {
  /** The map's accessible name, e.g. "Map for choosing the place". */
  label: string;
  value: LatLong | null;
  onChange: (point: LatLong | null) => void;
  /** The name of the district or area a place lies in, if known. */
  describePlace?: (point: LatLong) => string | undefined;
}) {
  const { t } = useTranslation();
  const formatPlace = useFormatPlace();
  const surface = useRef<HTMLDivElement>(null);
  const [view, setView] = useState<MapViewState>(() =>
    value ? { center: value, zoom: PLACE_ZOOM } : HEINOLA_VIEW,
  );
  const [announcement, setAnnouncement] = useState("");

  function placeText(point: LatLong): string {
    const area = describePlace?.(point);
    const shown = formatPlace(point);
    return area ? t("map.chosenIn", { ...shown, area }) : t("map.chosen", shown);
  }

  function pick(point: LatLong) {
    onChange(point);
    setAnnouncement(placeText(point));
  }

  function clear() {
    onChange(null);
    setAnnouncement(t("map.cleared"));
    // The button goes away with the place; the map is where one chooses again.
    surface.current?.focus();
  }

  return (
    <div className="map-picker">
      <SlippyMap
        label={label}
        instructions={t("map.pickerInstructions")}
        view={view}
        onViewChange={setView}
        onPick={pick}
        crosshair
        ensureVisible={value}
        surfaceRef={surface}
      >
        {({ toScreen, isShown }) => {
          if (!value) return null;
          const at = toScreen(value);
          return isShown(at) ? (
            <span className="map__pin" aria-hidden="true" style={{ left: at.x, top: at.y }} />
          ) : null;
        }}
      </SlippyMap>
      <div className="map-picker__choice">
        <p className="map-picker__chosen">{value ? placeText(value) : t("map.noneChosen")}</p>
        {value ? (
          <button type="button" className="button button--secondary button--small" onClick={clear}>
            {t("map.clear")}
          </button>
        ) : null}
      </div>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}
