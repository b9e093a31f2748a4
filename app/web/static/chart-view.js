/**
 * The indicator's chart as its toggles ask: the values (by default), their % change
 * (computed, see change.js) or the values with every report's beside them (see vintages.js),
 * with the toggles' buttons, the table of computed values and the list of revisions kept in
 * step; and what a saved copy of the chart says it shows.
 */

import { TRANSFORM, describeChange, renderChangeTable } from "./change.js";
import { sourceLines } from "./download-chart.js";
import { unitName } from "./format.js";
import { inRange } from "./indicator.js";
import { lineKey } from "./url.js";
import { revisionLayer, renderRevisions } from "./vintages.js";

const $ = (id) => document.getElementById(id);

const CHANGE_CAPTION = "Computed, not stated by the reports: each point is the % change from the previous " +
  "value of the same breakdown, period over period (the period before of the same kind, at most a year " +
  "earlier), computed from consecutive values of the series. Select a point to see the source of the later value.";

function isPercent({ indicator, view, change }) {
  return view.transform === TRANSFORM && change?.code === indicator.code;
}

function percentLines(lines, { view, change }) {
  return lines
    .map((line) => ({ ...line, observations: (change.lines.get(line.key) ?? []).filter((o) => inRange(o, view)) }))
    .filter((line) => line.observations.length);
}

/**
 * The chart options of `base` (the values shown: `{lines, unit, title, …}`, see chart.js) as
 * the view's toggles ask, given `{indicator, view, data, change, reports}` (`change` is
 * change.js's `loadChange` answer when it has been asked for). Answers `{chart, caption}`:
 * `chart` null when there is nothing to draw, `caption` what the chart's caption must say
 * instead of the usual, or null.
 */
export function toggledChart(base, context) {
  const { indicator, view, data, reports } = context;
  const percent = isPercent(context);
  $("pct-change").setAttribute("aria-pressed", String(percent));
  $("show-revisions").setAttribute("aria-pressed", String(view.revisions && !percent));
  $("show-revisions").disabled = percent;
  $("change-values").hidden = !percent;
  $("revisions").hidden = !(view.revisions && !percent);
  if (percent) {
    const lines = percentLines(base.lines, context);
    renderChangeTable($("change-values"), { indicator, lines });
    if (!lines.length) return { chart: null, caption: "No % change to show: a change needs two values of the same breakdown." };
    const title = `Chart of the % change of ${indicator.name}, computed, by ${lines.map((line) => line.label).join(", ")}`;
    return { chart: { ...base, lines, unit: "percent", title, describe: describeChange(indicator.unit) }, caption: CHANGE_CAPTION };
  }
  if (!view.revisions) return { chart: base, caption: null };
  const revisions = { data, lines: base.lines, view, unit: indicator.unit, reports };
  renderRevisions($("revisions"), revisions);
  return { chart: { ...base, underlay: revisionLayer(revisions) }, caption: null };
}

/** What a saved copy of the chart drawn says: see download-chart.js `wireDownloads`. */
export function chartFile(chart, context) {
  const { indicator, view, data, reports } = context;
  const svg = $("chart").querySelector("svg");
  if (!chart || !svg) return null;
  const percent = isPercent(context);
  const keys = new Set(chart.lines.map((line) => line.key));
  const observations = (view.revisions && !percent ? data.vintages : data.preferred)
    .filter((o) => keys.has(lineKey(o.dimensions)) && inRange(o, view));
  const editions = observations.map((o) => reports.get(o.report)?.edition).filter(Boolean);
  const breakdowns = chart.lines.map((line) => line.label).join(", ");
  return {
    svg,
    title: percent ? `${indicator.name}: % change from the previous period` : indicator.name,
    subtitle: percent
      ? `${breakdowns} · percent, computed from consecutive values of the series, not stated by the reports`
      : `${breakdowns} · in ${unitName(indicator.unit)}${view.revisions ? " · faint: every report's value; ringed: a report's value that differs from the one drawn" : ""}`,
    source: sourceLines(editions),
    filename: percent ? `${indicator.code}-pct-change` : indicator.code,
  };
}
