/**
 * The explorer: find an indicator, see it over time by breakdown, and check any value
 * against the passage of the source that gives it. Everything comes from the public /v1
 * API, and the URL holds the whole view, so a link shows someone else the same thing.
 */

import { getJson, getText } from "./api.js";
import { TRANSFORM, loadChange } from "./change.js";
import { drawChart } from "./chart.js";
import { installCheck } from "./check.js";
import { chartFile, toggledChart } from "./chart-view.js";
import { comparison } from "./compare.js";
import { renderLineChoices, renderRange } from "./controls.js";
import { h } from "./dom.js";
import { wireDownloads } from "./download-chart.js";
import { renderEvidence } from "./evidence.js";
import { describeBreakdowns, keepBreakdowns, requestFor } from "./export.js";
import { renderResults, search } from "./finder.js";
import { formatPeriod, humanize, lineLabel, ordinal, unitName } from "./format.js";
import { inRange, loadIndicator, selectedKeys, vintagesOf } from "./indicator.js";
import { cataloguePath, learnLabels, otherName, renderSwitch } from "./language.js";
import { renderOverview } from "./overview.js";
import { renderTable } from "./table.js";
import { lineKey, parseLineKey, readView, viewQuery } from "./url.js";

const $ = (id) => document.getElementById(id);

const state = {
  catalogue: new Map(),
  reports: new Map(),
  sources: new Map(),
  view: readView(location.search),
  /** The indicator on screen (see indicator.js). */
  data: null,
  /** What the chart was last drawn with, to redraw it when its width changes. */
  chart: null,
  /** The % change of the indicator on screen, once asked for (see change.js). */
  change: null,
  /** The indicators compared on one chart (see compare.js). */
  comparison: null,
  /** Whether the whole list was asked for while an indicator is open (it folds on phones). */
  browsing: false,
};

function setStatus(message, isError = false) {
  const status = $("status");
  status.textContent = message;
  status.classList.toggle("error", isError);
  status.hidden = !message;
}

function fail(error) {
  setStatus(error.message, true);
}

function writeUrl(push) {
  const url = viewQuery(state.view) || location.pathname;
  if (push) history.pushState(null, "", url);
  else history.replaceState(null, "", url);
}

// --- rendering --------------------------------------------------------------------------------

/** " from the 55th report", " from the 55th and 57th reports", " from 17 reports, the 41st to the 57th". */
function fromReports(editions) {
  if (editions.length === 0) return "";
  if (editions.length === 1) return ` from the ${ordinal(editions[0])} report`;
  if (editions.length === 2) return ` from the ${ordinal(editions[0])} and ${ordinal(editions[1])} reports`;
  return ` from ${editions.length} reports, the ${ordinal(editions[0])} to the ${ordinal(editions.at(-1))}`;
}

function coverageText(indicator) {
  const first = formatPeriod(indicator.first_period);
  const last = formatPeriod(indicator.last_period);
  const editions = indicator.reports.map((id) => state.reports.get(id)).filter(Boolean).map((r) => r.edition);
  const from = fromReports(editions.sort((a, b) => a - b));
  const count = `${indicator.observations} value${indicator.observations === 1 ? "" : "s"}`;
  return `In ${unitName(indicator.unit)} · ${first === last ? first : `${first} – ${last}`} · ${count}${from}`;
}

function renderTitle() {
  const indicator = state.catalogue.get(state.view.indicator);
  const { value } = state.view;
  const parts = indicator ? [indicator.name] : [];
  if (indicator && value) parts.push(lineLabel(parseLineKey(value.line)), formatPeriod(value.period));
  document.title = [parts.join(" · "), "China internet statistics explorer"].filter(Boolean).join(" — ");
}

async function renderFinder() {
  const query = $("search").value.trim();
  const category = $("category").value;
  const found = await search([...state.catalogue.values()], query, category);
  if (!found) return; // a later search answers instead
  renderResults($("results"), $("result-count"), found, { query, current: state.view.indicator });
  // On a narrow screen the list would push the figures a screen down: fold it while an
  // indicator is open and nothing is being looked for.
  const idle = Boolean(state.view.indicator) && !query && !category && !state.browsing;
  $("finder").classList.toggle("idle", idle);
}

function renderHead(indicator) {
  $("indicator-name").textContent = indicator.name;
  const other = otherName(indicator);
  $("indicator-name-zh").textContent = other.text;
  $("indicator-name-zh").lang = other.lang;
  $("indicator-description").textContent = indicator.description;
  $("indicator-meta").textContent = coverageText(indicator);
  $("lines").hidden = state.data.lines.length < 2;
  renderLineChoices($("line-groups"), state.data.lines, selectedKeys(state.data, state.view));
  renderRange($("from"), $("to"), state.data.preferred, state.view);
}

function renderExport(indicator, shown) {
  const { from, to } = state.view;
  const available = state.data.preferred.filter((o) => inRange(o, state.view));
  const request = requestFor({ indicator: indicator.code, from, to, shown, available });
  const csv = $("csv");
  csv.href = `${request.path}&format=csv`;
  csv.download = `${indicator.code}.csv`;
  csv.dataset.exact = String(request.exact);
  $("api-url").value = new URL(request.path, location.origin).href;
  $("api-note").textContent = request.exact
    ? "The CSV holds the same rows as this request, with the same columns."
    : `The API cannot ask for exactly these breakdowns in one request, so this one also returns ${describeBreakdowns(state.data.lines, request.extra)}. The CSV holds only the rows shown.`;
  $("copy-status").textContent = "";
}

function redrawChart() {
  if (state.chart) drawChart($("chart"), state.chart);
}

/** What the chart's toggles need to know (see chart-view.js). */
function chartContext() {
  const indicator = state.catalogue.get(state.data.code);
  return { indicator, view: state.view, data: state.data, change: state.change, reports: state.reports };
}

/** The chart, the table and the export of the breakdowns and range chosen. */
function renderData() {
  const indicator = state.catalogue.get(state.data.code);
  const selected = selectedKeys(state.data, state.view);
  const shown = state.data.preferred.filter((o) => selected.has(lineKey(o.dimensions)) && inRange(o, state.view));
  const lines = state.data.lines
    .filter((line) => selected.has(line.key))
    .map((line) => ({ ...line, observations: shown.filter((o) => lineKey(o.dimensions) === line.key) }))
    .filter((line) => line.observations.length);
  const empty = !shown.length;
  $("table-wrap").hidden = empty;
  $("export").hidden = empty;
  const onePeriod = new Set(shown.map((o) => o.period)).size === 1;
  const toggled = toggledChart({
    lines,
    unit: indicator.unit,
    selected: state.view.value,
    title: `Chart of ${indicator.name} by ${lines.map((line) => line.label).join(", ")}`,
    onSelect: select,
  }, chartContext());
  $("chart-caption").textContent = empty
    ? "Nothing to show: tick a breakdown, or choose a wider period."
    : toggled.caption ?? `${onePeriod ? `Every value shown is for ${formatPeriod(shown[0].period)}, so they are drawn as bars.` : "Hollow points are derived values."} ` +
      "Select a point, or a value in the table, to see its source.";
  state.chart = empty ? null : toggled.chart;
  if (state.chart) redrawChart();
  else $("chart").replaceChildren();
  if (empty) return;
  renderTable($("values"), $("table-key"), { data: state.data, indicator, lines, selected: state.view.value });
  renderExport(indicator, shown);
}

function renderSelected() {
  const section = $("evidence");
  const { value } = state.view;
  const vintages = value ? vintagesOf(state.data, value.line, value.period) : [];
  const indicator = state.catalogue.get(state.data.code);
  if (!vintages.length) {
    section.hidden = true;
    section.replaceChildren();
    if (value) setStatus(`${indicator.name} has no value for ${lineLabel(parseLineKey(value.line))} in ${formatPeriod(value.period)}.`, true);
    return;
  }
  renderEvidence(section, {
    indicator,
    line: state.data.lines.find((line) => line.key === value.line),
    period: value.period,
    vintages,
    shown: state.data.preferred.find((o) => o.period === value.period && lineKey(o.dimensions) === value.line),
    reports: state.reports,
    sources: state.sources,
    catalogue: state.catalogue,
    onClose: closeEvidence,
  });
}

function renderCompareToggle() {
  $("compare-toggle").setAttribute("aria-pressed", String(state.view.compare.includes(state.view.indicator)));
}

/** Whether the % change of `code` is at hand, asking the API for it if need be. */
async function ensureChange(code) {
  if (state.change?.code === code) return true;
  try {
    state.change = await loadChange(code);
    return true;
  } catch (error) {
    $("chart-status").textContent = `The % change could not be had: ${error.message}`;
    return false;
  }
}

/** Show the view of the URL: the start page, or an indicator with its evidence. */
async function show() {
  renderFinder();
  renderTitle();
  state.comparison.render(state.view.compare).catch(fail);
  renderCompareToggle();
  const code = state.view.indicator;
  const indicator = code ? state.catalogue.get(code) : null;
  $("intro").hidden = Boolean(code);
  $("indicator").hidden = !indicator;
  if (!indicator) {
    $("evidence").hidden = true;
    setStatus(code ? `There is no indicator “${code}”. Search for one by name.` : "", Boolean(code));
    return;
  }
  if (state.data?.code !== code) {
    setStatus(`Loading ${indicator.name}…`);
    const data = await loadIndicator(code);
    if (state.view.indicator !== code) return; // another view was asked for meanwhile
    state.data = data;
    $("chart-status").textContent = "";
  }
  if (state.view.transform && !(await ensureChange(code))) {
    state.view = { ...state.view, transform: null };
    writeUrl(false);
  }
  if (state.view.indicator !== code) return;
  setStatus("");
  if (state.view.with) {
    // A breakdown from a search result becomes the explicit list of lines that have it.
    const wanted = Object.entries(parseLineKey(state.view.with));
    const lines = state.data.lines.filter((line) => wanted.every(([name, v]) => line.dimensions[name] === v));
    state.view = { ...state.view, with: null, lines: lines.map((line) => line.key) };
    writeUrl(false);
  }
  renderHead(indicator);
  renderData();
  renderSelected();
}

// --- interaction ------------------------------------------------------------------------------

async function navigate(view, { push, focus = false }) {
  state.view = view;
  state.browsing = false;
  if (push) writeUrl(true);
  await show();
  if (focus && !$("indicator").hidden) $("indicator-name").focus();
}

function select(line, period) {
  state.view = { ...state.view, value: { line, period } };
  writeUrl(true);
  renderTitle();
  renderData();
  renderSelected();
  $("evidence-title")?.focus();
}

function closeEvidence() {
  const { value } = state.view;
  state.view = { ...state.view, value: null };
  writeUrl(true);
  renderTitle();
  renderData();
  renderSelected();
  const buttons = [...$("values").querySelectorAll("button.value")];
  buttons.find((b) => b.dataset.line === value.line && b.dataset.period === value.period)?.focus();
}

function changeLines(keys) {
  state.view = { ...state.view, lines: state.data.lines.map((line) => line.key).filter((key) => keys.has(key)) };
  writeUrl(false);
  renderData();
}

function changeRange(end, value) {
  state.view = { ...state.view, [end]: value };
  const { from, to } = state.view;
  if (from && to && from > to) state.view = { ...state.view, [end === "from" ? "to" : "from"]: value };
  writeUrl(false);
  renderRange($("from"), $("to"), state.data.preferred, state.view);
  renderData();
}

/** Draw the chart again for a toggle, unless the indicator's data is still on its way (its
 * arrival draws it). */
function renderToggled() {
  if (state.data?.code === state.view.indicator) renderData();
}

async function toggleChange() {
  state.view = { ...state.view, transform: state.view.transform ? null : TRANSFORM };
  writeUrl(false);
  if (state.view.transform && !(await ensureChange(state.view.indicator))) {
    state.view = { ...state.view, transform: null };
    writeUrl(false);
  }
  renderToggled();
}

function toggleRevisions() {
  state.view = { ...state.view, revisions: !state.view.revisions };
  writeUrl(false);
  renderToggled();
}

function changeComparison(codes) {
  state.view = { ...state.view, compare: codes };
  writeUrl(false);
  state.comparison.render(codes).catch(fail);
  renderCompareToggle();
}

function toggleCompared() {
  const code = state.view.indicator;
  const { name } = state.catalogue.get(code);
  if (state.view.compare.includes(code)) {
    changeComparison(state.view.compare.filter((other) => other !== code));
    $("chart-status").textContent = `${name} is no longer compared.`;
    return;
  }
  const refused = state.comparison.add(code);
  const others = state.view.compare.length - 1;
  $("chart-status").textContent = refused ??
    `${name} is on the comparison chart below the figures${others ? `, with ${others} other indicator${others === 1 ? "" : "s"}` : ""}.`;
}

async function copyApiUrl() {
  const input = $("api-url");
  try {
    await navigator.clipboard.writeText(input.value);
    $("copy-status").textContent = "Copied.";
  } catch {
    // No clipboard access (a plain-HTTP origin, a denied permission): leave it to the person.
    input.focus();
    input.select();
    $("copy-status").textContent = "Selected: press Ctrl+C (⌘C on a Mac) to copy.";
  }
}

/** When no request returns exactly what is shown, save the API's CSV less the rows not shown. */
async function downloadShownRows(event) {
  const link = event.currentTarget;
  if (link.dataset.exact === "true") return;
  event.preventDefault();
  const csv = await getText(link.getAttribute("href"), "text/csv");
  const url = URL.createObjectURL(new Blob([keepBreakdowns(csv, selectedKeys(state.data, state.view))], { type: "text/csv" }));
  const save = h("a", { href: url, download: link.download });
  document.body.append(save);
  save.click();
  save.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function wire() {
  $("search").addEventListener("input", renderFinder);
  $("category").addEventListener("change", renderFinder);
  $("finder-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    await renderFinder();
    $("results").querySelector("a")?.click();
  });
  $("browse").addEventListener("click", async () => {
    state.browsing = true;
    await renderFinder();
    $("results").querySelector("a")?.focus();
  });

  document.addEventListener("click", (event) => {
    const link = event.target.closest("a[data-view]");
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    // The comparison stays while other indicators are opened.
    const view = { ...readView(new URL(link.href).search), compare: state.view.compare };
    navigate(view, { push: true, focus: true }).catch(fail);
  });
  window.addEventListener("popstate", () => navigate(readView(location.search), { push: false }).catch(fail));

  $("line-groups").addEventListener("change", () => {
    const boxes = $("line-groups").querySelectorAll("input:checked");
    changeLines(new Set([...boxes].map((box) => box.value)));
  });
  $("line-groups").addEventListener("click", (event) => {
    const button = event.target.closest("button[data-pick]");
    if (!button) return;
    const keys = selectedKeys(state.data, state.view);
    for (const line of state.data.lines.filter((l) => l.group === button.dataset.group)) {
      if (button.dataset.pick === "all") keys.add(line.key);
      else keys.delete(line.key);
    }
    changeLines(keys);
    renderLineChoices($("line-groups"), state.data.lines, keys);
  });
  $("from").addEventListener("change", () => changeRange("from", $("from").value || null));
  $("to").addEventListener("change", () => changeRange("to", $("to").value || null));

  $("values").addEventListener("click", (event) => {
    const button = event.target.closest("button.value");
    if (button) select(button.dataset.line, button.dataset.period);
  });
  $("pct-change").addEventListener("click", () => toggleChange().catch(fail));
  $("show-revisions").addEventListener("click", toggleRevisions);
  $("compare-toggle").addEventListener("click", toggleCompared);
  wireDownloads($("download-svg"), $("download-png"), () => (state.chart ? chartFile(state.chart, chartContext()) : null), fail);
  $("copy").addEventListener("click", copyApiUrl);
  $("csv").addEventListener("click", (event) => downloadShownRows(event).catch(fail));

  let drawnWidth = 0;
  new ResizeObserver(() => requestAnimationFrame(() => {
    // Redrawn a frame later, so the new height never feeds back into this observation.
    const width = $("chart").clientWidth;
    if (width !== drawnWidth) {
      drawnWidth = width;
      redrawChart();
    }
  })).observe($("chart"));
}

/** Everything named again in the language just chosen: the catalogue is asked for in it. */
async function switchLanguage() {
  const indicators = await getJson(cataloguePath());
  state.catalogue = new Map(indicators.data.map((i) => [i.code, i]));
  learnLabels(indicators.data);
  if (state.data) state.data.lines = state.data.lines.map((line) => ({ ...line, label: lineLabel(line.dimensions) }));
  renderOverview($("starting-points"), state.catalogue);
  await show();
}

async function start() {
  installCheck($("check"));
  const [indicators, reports, sources] = await Promise.all([
    getJson(cataloguePath()),
    getJson("/v1/reports"),
    getJson("/v1/sources"),
  ]);
  state.catalogue = new Map(indicators.data.map((i) => [i.code, i]));
  learnLabels(indicators.data);
  renderSwitch($("language-switch"), () => switchLanguage().catch(fail));
  state.reports = new Map(reports.data.map((r) => [r.id, r]));
  state.sources = new Map(sources.data.map((s) => [s.id, s]));
  const categories = [...new Set(indicators.data.map((i) => i.category))].sort();
  $("category").append(...categories.map((c) => h("option", { value: c }, humanize(c))));
  renderOverview($("starting-points"), state.catalogue);
  state.comparison = comparison($("compare"), { catalogue: state.catalogue, reports: state.reports, onChange: changeComparison });
  wire();
  await show();
}

start().catch(fail);
