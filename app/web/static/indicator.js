/**
 * The data of one indicator, as the page holds it: every observation the API prefers (one
 * per breakdown and period) and every report's vintage of each, grouped into breakdowns.
 */

import { getAllObservations } from "./api.js";
import { seriesClass } from "./chart.js";
import { lineLabel } from "./format.js";
import { lineKey } from "./url.js";

/** More lines than this over time make a tangle: the rest start unticked. */
const DEFAULT_LINES = 8;

/** Its breakdowns, the headline total first, then by how many dimensions they combine. */
function linesOf(observations) {
  const dimensionsByKey = new Map(observations.map((o) => [lineKey(o.dimensions), o.dimensions]));
  const lines = [...dimensionsByKey].map(([key, dimensions]) => ({
    key,
    dimensions,
    label: lineLabel(dimensions),
    group: Object.keys(dimensions).sort().join(" × "),
  }));
  lines.sort((a, b) => Object.keys(a.dimensions).length - Object.keys(b.dimensions).length || a.group.localeCompare(b.group));
  return lines.map((line, index) => ({ ...line, className: seriesClass(index) }));
}

/** `{code, preferred, vintages, lines}` for the indicator `code`. */
export async function loadIndicator(code) {
  const [preferred, vintages] = await Promise.all([
    getAllObservations({ indicator: code }),
    getAllObservations({ indicator: code, vintages: "all" }),
  ]);
  return { code, preferred, vintages, lines: linesOf(preferred) };
}

/** The breakdowns shown when the URL names none: all if few, else the total and the first group. */
function defaultLines(data) {
  const { lines } = data;
  if (lines.length <= DEFAULT_LINES) return lines.map((line) => line.key);
  const firstGroup = lines.find((line) => line.group)?.group;
  const chosen = lines.filter((line) => !line.group || line.group === firstGroup);
  const onePeriod = new Set(data.preferred.map((o) => o.period)).size === 1;
  return chosen.slice(0, onePeriod ? chosen.length : DEFAULT_LINES).map((line) => line.key);
}

/** The keys of the breakdowns `view` shows. */
export function selectedKeys(data, view) {
  return new Set(view.lines ?? defaultLines(data));
}

/** Whether an observation's period overlaps the view's range (months, either end open). */
export function inRange(observation, { from, to }) {
  return (!from || observation.period_end >= `${from}-01`) && (!to || observation.period_start <= `${to}-31`);
}

/** Every report's observation for one breakdown and period, oldest report first. */
export function vintagesOf(data, key, period) {
  return data.vintages.filter((o) => o.period === period && lineKey(o.dimensions) === key);
}

/** What a reader should know about a value before opening it. */
export function flagsOf(data, observation) {
  const vintages = vintagesOf(data, lineKey(observation.dimensions), observation.period);
  const flags = [];
  if (observation.status === "derived") flags.push("derived");
  if (new Set(vintages.map((o) => o.value)).size > 1) flags.push("reports differ");
  if (observation.attributed_to) flags.push("attributed");
  return flags;
}
