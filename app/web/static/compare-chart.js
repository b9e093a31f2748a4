/**
 * Several indicators over time on one chart. Lines in the same unit share an axis; lines in
 * a second unit get their own axis on the right, and are dashed so that a reader who cannot
 * tell the colours apart still sees which axis a line is read against. The legend is drawn in
 * the chart, so that a saved copy keeps it.
 */

import { midpoint, niceTicks, scale, xTicks } from "./chart.js";
import { s } from "./dom.js";
import { formatAxis, formatPeriod, formatValue, unitName } from "./format.js";

const FONT_WIDTH = 7;
const LEGEND_ROW = 20;
const SIDES = ["left", "right"];

function axisOf(lines, unit) {
  const values = lines.filter((line) => line.unit === unit).flatMap((line) => line.observations.map((o) => o.value));
  const ticks = niceTicks(Math.min(...values), Math.max(...values));
  return { unit, ticks, labels: ticks.map((tick) => formatAxis(tick, unit)) };
}

function labelWidth(axis) {
  return axis ? 14 + FONT_WIDTH * Math.max(...axis.labels.map((label) => label.length)) : 30;
}

function legend(lines, units, width) {
  return lines.map((line, index) => {
    const side = units.length > 1 ? `, ${SIDES[units.indexOf(line.unit)]} axis` : "";
    const y = 12 + index * LEGEND_ROW;
    return s("g", { class: `legend ${line.className}` },
      s("line", { class: "line", x1: 0, x2: 24, y1: y, y2: y }),
      s("text", { class: "legend-label", x: 32, y, dy: "0.32em" },
        `${line.label} (${unitName(line.unit)}${side})`.slice(0, Math.floor((width - 32) / FONT_WIDTH))));
  });
}

/**
 * Draw `lines` ({label, unit, className, observations}) into `host`, on one axis per unit of
 * `units` (one or two, the left axis's first), with `title` as its accessible name.
 */
export function drawComparison(host, { lines, units, title }) {
  const drawn = lines.filter((line) => line.observations.length);
  if (!drawn.length) {
    host.replaceChildren();
    return;
  }
  const width = Math.max(260, Math.floor(host.clientWidth));
  const axes = units.map((unit) => axisOf(drawn, unit));
  const top = 12 + drawn.length * LEGEND_ROW + 22;
  const margin = { top, right: labelWidth(axes[1]), bottom: 30, left: labelWidth(axes[0]) };
  const height = top + Math.round(Math.min(320, Math.max(200, width * 0.45))) + margin.bottom;
  const times = drawn.flatMap((line) => line.observations.map(midpoint));
  const pad = (Math.max(...times) - Math.min(...times)) * 0.04;
  const x = scale([Math.min(...times) - pad, Math.max(...times) + pad], [margin.left, width - margin.right]);
  const ys = axes.map((axis) => scale([axis.ticks[0], axis.ticks.at(-1)], [height - margin.bottom, margin.top]));
  const yOf = (line) => ys[units.indexOf(line.unit)];
  const periods = [...new Map(drawn.flatMap((line) => line.observations.map((o) => [o.period, midpoint(o)]))).entries()]
    .map(([period, time]) => [time, period])
    .sort((a, b) => a[0] - b[0]);

  const grid = axes[0].ticks.map((tick, i) => s("g", { class: "tick" },
    s("line", { x1: margin.left, x2: width - margin.right, y1: ys[0](tick), y2: ys[0](tick) }),
    s("text", { x: margin.left - 6, y: ys[0](tick), dy: "0.32em", "text-anchor": "end" }, axes[0].labels[i])));
  const right = axes[1]?.ticks.map((tick, i) => s("g", { class: "tick right" },
    s("line", { x1: width - margin.right, x2: width - margin.right + 4, y1: ys[1](tick), y2: ys[1](tick) }),
    s("text", { x: width - margin.right + 6, y: ys[1](tick), dy: "0.32em", "text-anchor": "start" }, axes[1].labels[i])));
  const axisTitles = axes.map((axis, i) => s("text", {
    class: "axis-title", x: i ? width : 0, y: top - 10, "text-anchor": i ? "end" : "start",
  }, unitName(axis.unit)));
  const xAxis = xTicks(periods, x).map(([time, label]) =>
    s("text", { class: "x-label", x: x(time), y: height - 8, "text-anchor": "middle" }, label));
  const series = drawn.map((line) => {
    const y = yOf(line);
    const sorted = [...line.observations].sort((a, b) => midpoint(a) - midpoint(b));
    const path = sorted.map((o, i) => `${i ? "L" : "M"}${x(midpoint(o)).toFixed(1)},${y(o.value).toFixed(1)}`).join("");
    return s("g", { class: `compared ${line.className}` },
      s("path", { class: "line", d: path }),
      sorted.map((o) => s("circle", { class: "dot", cx: x(midpoint(o)), cy: y(o.value), r: 3.5 },
        s("title", {}, `${line.label}, ${formatPeriod(o.period)}: ${formatValue(o.value, line.unit)}`))));
  });
  host.replaceChildren(s("svg", {
    class: "chart compare-chart", viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": title,
  },
  s("g", { class: "legend-box" }, legend(drawn, units, width)),
  axisTitles,
  s("g", { class: "grid" }, grid), s("g", { class: "y-right" }, right),
  s("g", { class: "x-axis" }, xAxis), series));
}
