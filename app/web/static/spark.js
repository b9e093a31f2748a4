/**
 * A small chart of one series for the first screen: its shape over time, from the first value
 * to the last, with both in its accessible name. The series opens full-size with a click.
 */

import { s } from "./dom.js";
import { formatPeriod, formatValue } from "./format.js";

const WIDTH = 160;
const HEIGHT = 36;
const PAD = 3;

function midpoint(observation) {
  return (Date.parse(observation.period_start) + Date.parse(observation.period_end)) / 2;
}

/** The observations of one series as a sparkline, or null when there are fewer than two. */
export function sparkline(observations, unit) {
  const sorted = [...observations].sort((a, b) => midpoint(a) - midpoint(b));
  if (sorted.length < 2) return null;
  const times = sorted.map(midpoint);
  const values = sorted.map((o) => o.value);
  const [t0, t1] = [Math.min(...times), Math.max(...times)];
  const [v0, v1] = [Math.min(...values), Math.max(...values)];
  const x = (t) => PAD + ((t - t0) / (t1 - t0 || 1)) * (WIDTH - 2 * PAD);
  const y = (v) => HEIGHT - PAD - ((v - v0) / (v1 - v0 || 1)) * (HEIGHT - 2 * PAD);
  const points = sorted.map((o, i) => `${x(times[i]).toFixed(1)},${y(o.value).toFixed(1)}`).join(" ");
  const first = sorted[0];
  const last = sorted.at(-1);
  const label = `${formatValue(first.value, unit)} in ${formatPeriod(first.period)} to ` +
    `${formatValue(last.value, unit)} in ${formatPeriod(last.period)}, ${sorted.length} values`;
  return s("svg", {
    class: "sparkline", viewBox: `0 0 ${WIDTH} ${HEIGHT}`, width: WIDTH, height: HEIGHT,
    role: "img", "aria-label": label,
  },
  s("title", {}, label),
  s("polyline", { points }),
  s("circle", { cx: x(times.at(-1)).toFixed(1), cy: y(last.value).toFixed(1), r: 2.5 }));
}
