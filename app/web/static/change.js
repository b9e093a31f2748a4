/**
 * The "% change" view of an indicator: each value's change in percent from the value before
 * it in the same breakdown, period over period. The API computes it from the series
 * (`transform=pct_change`) and says from which two values: the page labels it as computed,
 * never as a figure a report states.
 */

import { getJson } from "./api.js";
import { h, fill } from "./dom.js";
import { formatPeriod, formatValue } from "./format.js";
import { periodBounds } from "./periods.js";
import { lineKey } from "./url.js";

export const TRANSFORM = "pct_change";

const percent = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2, signDisplay: "exceptZero" });

/** A change in percent as people write it: "+1.47%", "-0.4%", "0%". */
export function formatChange(value) {
  return `${percent.format(value)}%`;
}

/**
 * `{code, lines}` for the indicator `code`: `lines` maps a breakdown's key to its computed
 * points, each `{period, value, period_start, period_end, from, to}` where `from` and `to`
 * (`{period, value}`) are the two values of the series it is computed from.
 */
export async function loadChange(code) {
  const body = await getJson(`/v1/indicators/${encodeURIComponent(code)}/series?transform=${TRANSFORM}`);
  const lines = new Map(body.series.map((line) => [lineKey(line.dimensions), line.points.map(([period, value], index) => {
    const [[fromPeriod, fromValue], [toPeriod, toValue]] = line.computed_from[index];
    return {
      period, value, ...periodBounds(period),
      from: { period: fromPeriod, value: fromValue },
      to: { period: toPeriod, value: toValue },
    };
  })]));
  return { code, lines };
}

/** "+1.47%, computed from 1.092 billion in Dec 2023 to 1.108 billion in Dec 2024". */
function computation(point, unit) {
  return `${formatChange(point.value)}, computed from ${formatValue(point.from.value, unit)} in ` +
    `${formatPeriod(point.from.period)} to ${formatValue(point.to.value, unit)} in ${formatPeriod(point.to.period)}`;
}

/** The title of a computed point on the chart, for an indicator in `unit`. */
export function describeChange(unit) {
  return (line, point) => `${line.label}, ${formatPeriod(point.period)}: ${computation(point, unit)}`;
}

/**
 * Fill `host` with the computed values of `lines` ({label, observations}) as a table, folded
 * under a summary: one row per breakdown and period, with the two values each is computed from.
 */
export function renderChangeTable(host, { indicator, lines }) {
  const rows = lines.flatMap((line) => line.observations.map((point) => h("tr", {},
    h("th", { scope: "row" }, line.label),
    h("td", {}, formatPeriod(point.period)),
    h("td", { class: "number" }, formatChange(point.value)),
    h("td", {}, `${formatValue(point.from.value, indicator.unit)} (${formatPeriod(point.from.period)}) → ` +
      `${formatValue(point.to.value, indicator.unit)} (${formatPeriod(point.to.period)})`))));
  fill(host, h("details", { class: "computed" },
    h("summary", {}, `The ${rows.length} computed values`),
    h("div", { class: "table-wrap" }, h("table", { class: "values computed-values" },
      h("caption", {}, `${indicator.name}: % change from the previous value of the same breakdown, computed from the series, not stated by the reports.`),
      h("thead", {}, h("tr", {},
        h("th", { scope: "col" }, "Breakdown"), h("th", { scope: "col" }, "Period"),
        h("th", { scope: "col" }, "% change"), h("th", { scope: "col" }, "Computed from"))),
      h("tbody", {}, rows)))));
}
