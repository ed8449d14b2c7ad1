/** One bar of an interval chart: an estimate with its 95 % interval, or a suppressed cell. */
export interface IntervalBar {
  key: string;
  label: string;
  lang?: string | undefined;
  estimate: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  valueText: string;
}

/**
 * Horizontal bars with the 95 % confidence interval drawn as a whisker across each bar's end. It is one image
 * whose accessible name is the summary sentence (`labelledBy`); the data table beside it holds every figure.
 * Drawn with percentages of its own width, it reflows down to 320 px.
 */
export function IntervalChart({
  bars,
  range,
  labelledBy,
}: {
  bars: IntervalBar[];
  range: [number, number];
  labelledBy: string;
}) {
  const [min, max] = range;
  const position = (value: number) => `${Math.max(0, Math.min(100, ((value - min) / (max - min)) * 100))}%`;
  return (
    <div role="img" aria-labelledby={labelledBy} className="interval-chart">
      {bars.map((bar) => (
        <div key={bar.key} className="interval-chart__row">
          <span className="interval-chart__label" lang={bar.lang}>
            {bar.label}
          </span>
          <span className="interval-chart__track">
            {bar.estimate !== null ? (
              <>
                <span className="interval-chart__bar" style={{ width: position(bar.estimate) }} />
                {bar.ciLow !== null && bar.ciHigh !== null ? (
                  <span
                    className="interval-chart__whisker"
                    style={{
                      left: position(bar.ciLow),
                      width: `calc(${position(bar.ciHigh)} - ${position(bar.ciLow)})`,
                    }}
                  />
                ) : null}
              </>
            ) : null}
          </span>
          <span className="interval-chart__value">{bar.valueText}</span>
        </div>
      ))}
    </div>
  );
}
