/**
 * Revisions: what each report said for the values shown. A later report may restate an
 * earlier period with another figure; the chart and table show one value per period (the
 * API's preferred one), and "show revisions" adds every report's: on the chart, each report's
 * values of a breakdown as a faint line of their own, those that differ from the value shown
 * ringed; below it, for each period where reports differ, what each said.
 *
 * The vintages are the ones the indicator view already holds (`vintages=all`, see indicator.js).
 */

import { midpoint } from "./chart.js";
import { h, s, fill } from "./dom.js";
import { formatPeriod, formatValue, ordinal } from "./format.js";
import { inRange } from "./indicator.js";
import { lineKey } from "./url.js";

function edition(reports, id) {
  const report = reports.get(id);
  return report ? `the ${ordinal(report.edition)} report` : id;
}

function byEdition(reports) {
  return (a, b) => (reports.get(a.report)?.edition ?? 0) - (reports.get(b.report)?.edition ?? 0);
}

/** Each shown line's vintages in the view's range, keyed like the lines. */
function vintagesByLine(data, lines, view) {
  const keys = new Set(lines.map((line) => line.key));
  const found = new Map(lines.map((line) => [line.key, []]));
  for (const vintage of data.vintages) {
    const key = lineKey(vintage.dimensions);
    if (keys.has(key) && inRange(vintage, view)) found.get(key).push(vintage);
  }
  return found;
}

function vintageText(vintage, unit, reports) {
  const derived = vintage.status === "derived" ? " (derived)" : "";
  return `${formatValue(vintage.value, unit, vintage.qualifier)} in ${edition(reports, vintage.report)}${derived}`;
}

function reportLines(vintages) {
  const groups = new Map();
  for (const vintage of vintages) groups.set(vintage.report, [...(groups.get(vintage.report) ?? []), vintage]);
  return [...groups.values()].filter((group) => group.length > 1);
}

/**
 * What the chart draws under its lines (see chart.js `underlay`) to show every report's
 * value of the `lines` shown ({key, label, className, observations}).
 */
export function revisionLayer({ data, lines, view, unit, reports }) {
  const byLine = vintagesByLine(data, lines, view);
  return {
    values: [...byLine.values()].flat().map((vintage) => vintage.value),
    draw: ({ x, y }) => lines.map((line) => {
      const shown = new Map(line.observations.map((o) => [o.period, o]));
      const vintages = byLine.get(line.key);
      const path = (group) => [...group].sort((a, b) => midpoint(a) - midpoint(b))
        .map((o, i) => `${i ? "L" : "M"}${x(midpoint(o)).toFixed(1)},${y(o.value).toFixed(1)}`).join("");
      return s("g", { class: `revisions ${line.className}` },
        reportLines(vintages).map((group) => s("path", { class: "revision-line", d: path(group) })),
        vintages.map((vintage) => {
          const preferred = shown.get(vintage.period);
          const differs = Boolean(preferred) && preferred.value !== vintage.value;
          const note = differs ? `; the chart shows ${vintageText(preferred, unit, reports)}` : "";
          return s("circle", {
            class: differs ? "revision differs" : "revision",
            cx: x(midpoint(vintage)), cy: y(vintage.value), r: differs ? 4.5 : 3,
          }, s("title", {}, `${line.label}, ${formatPeriod(vintage.period)}: ${vintageText(vintage, unit, reports)}${note}`));
        }));
    }),
  };
}

/**
 * Fill `host` with the periods of `lines` where reports differ, and what each said; `unit`
 * is the indicator's.
 */
export function renderRevisions(host, { data, lines, view, unit, reports }) {
  const byLine = vintagesByLine(data, lines, view);
  const items = [];
  let several = 0;
  for (const line of lines) {
    for (const shown of line.observations) {
      const vintages = byLine.get(line.key).filter((v) => v.period === shown.period).sort(byEdition(reports));
      if (new Set(vintages.map((v) => v.report)).size > 1) several += 1;
      if (new Set(vintages.map((v) => v.value)).size < 2) continue;
      items.push(h("li", {},
        h("strong", {}, `${line.label}, ${formatPeriod(shown.period)}: `),
        vintages.map((v) => vintageText(v, unit, reports) + (v.report === shown.report ? " (shown)" : "")).join("; "),
        "."));
    }
  }
  const values = lines.reduce((count, line) => count + line.observations.length, 0);
  const summary = `Of the ${values} values shown, ${several} ${several === 1 ? "is" : "are"} given by more than one report` +
    (items.length ? `; the reports differ on ${items.length}:` : ", and the reports agree on every one.");
  fill(host,
    h("h2", { id: "revisions-title" }, "Revisions: what each report said"),
    h("p", {}, summary),
    items.length ? h("ul", { class: "revision-list" }, items) : null,
    h("p", { class: "hint" }, "On the chart, faint points are every report's value, faint lines join one report's values, and rings mark a value that differs from the one shown."));
}
