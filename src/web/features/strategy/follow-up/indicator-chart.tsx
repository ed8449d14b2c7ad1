import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { IndicatorDetail } from "../../../../contracts/strategy.ts";
import { useLocale } from "../../../i18n/i18n.ts";
import { linearScale, linePath, niceTicks, yearTicks } from "./chart-geometry.ts";
import { formatNumber, periodPosition } from "./format.ts";

const HEIGHT = 280;
// The axis labels are HTML beside and below the SVG (not text inside it), so that nothing is drawn over
// them and their contrast can be checked; the plot keeps a small margin so points are not cut off.
const MARGIN = { top: 12, right: 12, bottom: 12, left: 12 };
const Y_LABELS_WIDTH = 64;

/** The total series (no area, age group or sex) in time order. */
export function totalSeries(indicator: IndicatorDetail) {
  return indicator.values
    .filter((v) => v.area === "" && v.ageGroup === "" && v.sex === "")
    .map((v) => ({ at: periodPosition(v.period, v.year), value: v.value }))
    .sort((a, b) => a.at - b.at);
}

/** The width of an element in CSS pixels, following resizes and zoom. */
function useWidth<T extends HTMLElement>(fallback: number) {
  const ref = useRef<T | null>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(200, Math.floor(entry.contentRect.width)));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

/**
 * The indicator's total series as a line with points, and the straight path from baseline to target as a
 * dashed line. The SVG is one image whose accessible name is the summary sentence (`labelledBy`); the data
 * table that follows holds every value. It is drawn at the container's own width, so text stays readable
 * at 320 px and at 200 % zoom.
 */
export function IndicatorChart({
  indicator,
  labelledBy,
}: {
  indicator: IndicatorDetail;
  labelledBy: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [ref, outerWidth] = useWidth<HTMLDivElement>(640);
  const width = Math.max(120, outerWidth - Y_LABELS_WIDTH);
  const series = totalSeries(indicator);
  const { baseline, target } = indicator;

  const xs = [baseline.year, target.year, ...series.map((p) => p.at)];
  const ys = [baseline.value, target.value, ...series.map((p) => p.value)];
  const yTicks = niceTicks(Math.min(...ys), Math.max(...ys), 5);
  const yMin = yTicks[0] ?? Math.min(...ys);
  const yMax = yTicks[yTicks.length - 1] ?? Math.max(...ys);
  const xMin = Math.floor(Math.min(...xs));
  const xMax = Math.ceil(Math.max(...xs));
  const x = linearScale([xMin, xMax], [MARGIN.left, width - MARGIN.right]);
  const y = linearScale([yMin, yMax], [HEIGHT - MARGIN.bottom, MARGIN.top]);
  const xTicks = yearTicks(xMin, xMax, width - MARGIN.left - MARGIN.right);

  const seriesPoints = series.map((p) => ({ x: x(p.at), y: y(p.value) }));
  const pathPoints = [
    { x: x(baseline.year), y: y(baseline.value) },
    { x: x(target.year), y: y(target.value) },
  ];

  return (
    <div ref={ref} className="indicator-chart">
      <div className="indicator-chart__plot">
        <div
          className="indicator-chart__y-labels"
          style={{ width: Y_LABELS_WIDTH, height: HEIGHT }}
          aria-hidden="true"
        >
          {yTicks.map((tick) => (
            <span key={`y${tick}`} style={{ top: y(tick) }}>
              {formatNumber(tick, locale)}
            </span>
          ))}
        </div>
        {/* biome-ignore lint/a11y/noSvgWithoutTitle: the name is the summary sentence, via aria-labelledby. */}
        <svg
          role="img"
          aria-labelledby={labelledBy}
          width={width}
          height={HEIGHT}
          viewBox={`0 0 ${width} ${HEIGHT}`}
          className="indicator-chart__svg"
        >
          <g className="indicator-chart__grid">
            {yTicks.map((tick) => (
              <line key={`y${tick}`} x1={0} x2={width} y1={y(tick)} y2={y(tick)} />
            ))}
            {xTicks.map((tick) => (
              <line key={`x${tick}`} x1={x(tick)} x2={x(tick)} y1={HEIGHT - 6} y2={HEIGHT} />
            ))}
          </g>
          <g className="indicator-chart__target">
            <path d={linePath(pathPoints)} />
            {pathPoints.map((p, i) => (
              <rect key={i === 0 ? "baseline" : "target"} x={p.x - 5} y={p.y - 5} width="10" height="10" />
            ))}
          </g>
          <g className="indicator-chart__series">
            <path d={linePath(seriesPoints)} />
            {seriesPoints.map((p) => (
              <circle key={`${p.x}`} cx={p.x} cy={p.y} r="4.5" />
            ))}
          </g>
        </svg>
      </div>
      <div
        className="indicator-chart__x-labels"
        style={{ marginLeft: Y_LABELS_WIDTH, width }}
        aria-hidden="true"
      >
        {xTicks.map((tick) => (
          <span key={`x${tick}`} style={{ left: x(tick) }}>
            {tick}
          </span>
        ))}
      </div>
      <ul className="indicator-chart__legend">
        <li>
          <svg viewBox="0 0 32 12" aria-hidden="true" focusable="false" className="indicator-chart__key">
            <path d="M2 6H30" className="indicator-chart__key-series" />
            <circle cx="16" cy="6" r="4" className="indicator-chart__key-dot" />
          </svg>
          {t("followUp.indicator.legendSeries")}
        </li>
        <li>
          <svg viewBox="0 0 32 12" aria-hidden="true" focusable="false" className="indicator-chart__key">
            <path d="M2 6H30" className="indicator-chart__key-target" />
            <rect x="12" y="2" width="8" height="8" className="indicator-chart__key-square" />
          </svg>
          {t("followUp.indicator.legendTarget")}
        </li>
      </ul>
    </div>
  );
}
