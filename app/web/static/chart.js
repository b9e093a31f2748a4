/**
 * Charts drawn as SVG by the page itself: one line per breakdown over time, or bars when
 * every value shown is for the same period. Colours come from the style sheet (classes
 * `s0`…`s7`, dashed `d1`/`d2` past eight lines), so the page needs no inline style.
 */

import { s } from "./dom.js";
import { formatAxis, formatPeriod, formatValue } from "./format.js";

const PALETTE = 8;
const FONT_WIDTH = 7; // px per character of the 12px axis font, near enough to lay out labels

/** The colour (and dash) classes of the breakdown at `index`. */
export function seriesClass(index) {
  const dash = Math.floor(index / PALETTE) % 3;
  return dash ? `s${index % PALETTE} d${dash}` : `s${index % PALETTE}`;
}

function niceStep(span, count) {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const ratio = raw / power;
  const factor = ratio >= 7.5 ? 10 : ratio >= 3.5 ? 5 : ratio >= 1.5 ? 2 : 1;
  return factor * power;
}

/** Round tick values covering [low, high]. */
export function niceTicks(low, high, count = 5) {
  if (low === high) {
    const pad = Math.abs(low) * 0.1 || 1;
    low -= pad;
    high += pad;
  }
  const step = niceStep(high - low, count);
  const ticks = [];
  for (let tick = Math.floor(low / step) * step; tick <= Math.ceil(high / step) * step + step / 2; tick += step) {
    ticks.push(Number(tick.toPrecision(12)));
  }
  return ticks;
}

/** The middle of an observation's period, in milliseconds: where it sits on the time axis. */
export function midpoint(observation) {
  return (Date.parse(observation.period_start) + Date.parse(observation.period_end)) / 2;
}

/** The linear map from the domain [d0, d1] onto the range [r0, r1]. */
export function scale([d0, d1], [r0, r1]) {
  return (value) => (d1 === d0 ? (r0 + r1) / 2 : r0 + ((value - d0) / (d1 - d0)) * (r1 - r0));
}

function truncate(text, width) {
  const room = Math.max(4, Math.floor(width / FONT_WIDTH));
  return text.length > room ? `${text.slice(0, room - 1)}…` : text;
}

function pointTitle(line, observation, unit) {
  const derived = observation.status === "derived" ? " (derived)" : "";
  return `${line.label}, ${formatPeriod(observation.period)}: ${formatValue(observation.value, unit, observation.qualifier)}${derived}`;
}

function isSelected(selected, line, observation) {
  return Boolean(selected && selected.line === line.key && selected.period === observation.period);
}

/** Period labels along the x axis ([x, period] pairs, left to right), dropping those that would overlap. */
export function xTicks(periods, x) {
  const ticks = periods.map(([px, period]) => [px, formatPeriod(period)]);
  const fits = (a, b) => x(b[0]) - x(a[0]) >= ((a[1].length + b[1].length) * FONT_WIDTH) / 2 + 10;
  const kept = [];
  ticks.forEach((tick, index) => {
    if (!kept.length || fits(kept.at(-1), tick)) kept.push(tick);
    else if (index === ticks.length - 1 && kept.length > 1) kept[kept.length - 1] = tick; // the latest period is always labelled
  });
  return kept;
}

function lineChart(width, { lines, unit, selected, onSelect, title, describe = pointTitle, underlay }) {
  const points = lines.flatMap((line) => line.observations.map((o) => [midpoint(o), o]));
  const values = [...points.map(([, o]) => o.value), ...(underlay?.values ?? [])];
  const yTicks = niceTicks(Math.min(...values), Math.max(...values));
  const labels = yTicks.map((tick) => formatAxis(tick, unit));
  const margin = { top: 12, right: 30, bottom: 30, left: 14 + FONT_WIDTH * Math.max(...labels.map((l) => l.length)) };
  const height = Math.round(Math.min(360, Math.max(220, width * 0.5)));
  const xs = points.map(([x]) => x);
  const pad = (Math.max(...xs) - Math.min(...xs)) * 0.04;
  const domain = [Math.min(...xs) - pad, Math.max(...xs) + pad];
  const x = scale(domain, [margin.left, width - margin.right]);
  const y = scale([yTicks[0], yTicks.at(-1)], [height - margin.bottom, margin.top]);
  const periods = [...new Map(points.map(([px, o]) => [o.period, px])).entries()]
    .map(([period, px]) => [px, period])
    .sort((a, b) => a[0] - b[0]);

  const grid = yTicks.map((tick, i) =>
    s("g", { class: "tick" },
      s("line", { x1: margin.left, x2: width - margin.right, y1: y(tick), y2: y(tick) }),
      s("text", { x: margin.left - 6, y: y(tick), dy: "0.32em", "text-anchor": "end" }, labels[i])));
  const axis = xTicks(periods, x).map(([tx, label]) =>
    s("text", { class: "x-label", x: x(tx), y: height - 8, "text-anchor": "middle" }, label));
  const series = lines.map((line) => {
    const sorted = [...line.observations].sort((a, b) => midpoint(a) - midpoint(b));
    const path = sorted.map((o, i) => `${i ? "L" : "M"}${x(midpoint(o)).toFixed(1)},${y(o.value).toFixed(1)}`).join("");
    return s("g", { class: `series ${line.className}` },
      s("path", { class: "line", d: path }),
      sorted.map((o) =>
        s("circle", {
          class: `dot${o.status === "derived" ? " derived" : ""}${isSelected(selected, line, o) ? " selected" : ""}`,
          cx: x(midpoint(o)), cy: y(o.value), r: isSelected(selected, line, o) ? 7 : 4.5,
          onclick: () => onSelect(line.key, o.period),
        }, s("title", {}, describe(line, o, unit)))));
  });
  return s("svg", { class: "chart", viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": title },
    s("g", { class: "grid" }, grid), s("g", { class: "x-axis" }, axis), underlay?.draw({ x, y }), series);
}

function barChart(width, { lines, unit, selected, onSelect, title, describe = pointTitle }) {
  const bars = lines
    .flatMap((line) => line.observations.map((o) => [line, o]))
    .sort((a, b) => b[1].value - a[1].value);
  const rowHeight = 28;
  const labelWidth = Math.min(Math.round(width * 0.36), 220);
  const valueWidth = FONT_WIDTH * Math.max(...bars.map(([, o]) => formatValue(o.value, unit).length)) + 8;
  const top = 26;
  const height = top + bars.length * rowHeight + 6;
  const values = bars.map(([, o]) => o.value);
  const x = scale([Math.min(0, ...values), Math.max(0, ...values)], [labelWidth + 8, width - valueWidth]);
  const period = formatPeriod(bars[0][1].period);

  const rows = bars.map(([line, o], i) => {
    const top_ = top + i * rowHeight;
    const start = Math.min(x(0), x(o.value));
    return s("g", { class: `bar-row ${line.className}`, onclick: () => onSelect(line.key, o.period) },
      s("title", {}, describe(line, o, unit)),
      s("text", { class: "bar-label", x: labelWidth, y: top_ + rowHeight / 2, dy: "0.32em", "text-anchor": "end" },
        truncate(line.label, labelWidth)),
      s("rect", {
        class: `bar${o.status === "derived" ? " derived" : ""}${isSelected(selected, line, o) ? " selected" : ""}`,
        x: start, y: top_ + 5, width: Math.max(1, Math.abs(x(o.value) - x(0))), height: rowHeight - 10,
      }),
      s("text", { class: "bar-value", x: Math.max(x(0), x(o.value)) + 6, y: top_ + rowHeight / 2, dy: "0.32em" },
        formatValue(o.value, unit)));
  });
  return s("svg", { class: "chart", viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": title },
    s("text", { class: "bar-period", x: labelWidth + 8, y: 16 }, period),
    s("line", { class: "zero", x1: x(0), x2: x(0), y1: top, y2: height - 6 }),
    rows);
}

/**
 * Draw `lines` ({key, label, className, observations}) into `host` at its current width:
 * bars when every value shown is for one period, lines otherwise. Clicking a point calls
 * `onSelect(lineKey, period)`; the value table offers the same to the keyboard.
 * `describe(line, observation, unit)` writes a point's title (its value, by default);
 * `underlay` ({values, draw({x, y})}) draws more marks under the lines of a line chart, on
 * the chart's scales (x of a time in milliseconds), its `values` within the y axis.
 */
export function drawChart(host, options) {
  const lines = options.lines.filter((line) => line.observations.length);
  if (!lines.length) {
    host.replaceChildren();
    return;
  }
  const periods = new Set(lines.flatMap((line) => line.observations.map((o) => o.period)));
  const width = Math.max(260, Math.floor(host.clientWidth));
  const draw = periods.size === 1 ? barChart : lineChart;
  host.replaceChildren(draw(width, { ...options, lines }));
}
