/**
 * The values as a table: one row per breakdown, one column per period, each value a button
 * that opens its evidence, so the keyboard reaches everything the chart shows.
 */

import { h, fill } from "./dom.js";
import { formatPeriod, formatValue, unitName } from "./format.js";
import { flagsOf } from "./indicator.js";

const FLAG_MEANINGS = {
  derived: "derived: computed from figures a source gives (hollow points on the chart)",
  "reports differ": "reports differ: another report gives another value for the same period",
  attributed: "attributed: the source credits the figure to another body",
};

function valueButton(data, line, observation, { unit, selected }) {
  const text = formatValue(observation.value, unit, observation.qualifier);
  const flags = flagsOf(data, observation);
  const current = selected?.line === line.key && selected?.period === observation.period;
  const about = flags.length ? ` (${flags.join(", ")})` : "";
  return h("button", {
    type: "button",
    class: "value",
    "data-line": line.key,
    "data-period": observation.period,
    "aria-current": current ? "true" : null,
    "aria-label": `${line.label}, ${formatPeriod(observation.period)}: ${text}${about}. Show its source.`,
  }, h("span", { class: "value-text" }, text), flags.map((flag) => h("span", { class: "flag" }, flag)));
}

/**
 * Fill `table` with `lines` (breakdowns with their `observations` shown) and `key` with what
 * the flags used mean; `selected` ({line, period}) is the value whose evidence is open.
 */
export function renderTable(table, key, { data, indicator, lines, selected }) {
  const shown = lines.flatMap((line) => line.observations);
  const periods = [...new Map(shown.map((o) => [o.period, o])).values()]
    .sort((a, b) => a.period_start.localeCompare(b.period_start) || a.period_end.localeCompare(b.period_end))
    .map((o) => o.period);
  const options = { unit: indicator.unit, selected };
  fill(table,
    h("caption", {}, `${indicator.name} (${unitName(indicator.unit)}) by breakdown and period. Select a value to see the passage that gives it.`),
    h("thead", {}, h("tr", {},
      h("th", { scope: "col" }, "Breakdown"),
      periods.map((period) => h("th", { scope: "col" }, formatPeriod(period))))),
    h("tbody", {}, lines.map((line) => {
      const byPeriod = new Map(line.observations.map((o) => [o.period, o]));
      return h("tr", {},
        h("th", { scope: "row" }, h("span", { class: `swatch ${line.className}`, "aria-hidden": "true" }), line.label),
        periods.map((period) => h("td", {}, byPeriod.has(period)
          ? valueButton(data, line, byPeriod.get(period), options)
          : h("span", { class: "none", "aria-label": "no value" }, "–"))));
    })));
  const used = new Set(shown.flatMap((o) => flagsOf(data, o)));
  const meanings = Object.entries(FLAG_MEANINGS).filter(([flag]) => used.has(flag)).map(([, meaning]) => meaning);
  key.textContent = meanings.length ? `${meanings.join(" · ")}.` : "";
}
