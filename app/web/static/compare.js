/**
 * Indicators compared on one chart: the headline total of each over time. Indicators in the
 * same unit share an axis and a second unit gets the right-hand one; a third unit is refused,
 * and the page says why. The comparison stays while other indicators are opened and is part
 * of the URL (`compare=internet_users,internet_penetration`).
 */

import { seriesClass } from "./chart.js";
import { drawComparison } from "./compare-chart.js";
import { h, fill } from "./dom.js";
import { sourceLines, wireDownloads } from "./download-chart.js";
import { unitName } from "./format.js";
import { getHeadline } from "./headline.js";

const MAX_UNITS = 2;
const MAX_INDICATORS = 8;
const SIDES = ["left", "right"];

/** The units of `codes`, in the order they first appear: the first is the left axis's. */
function unitsOf(codes, catalogue) {
  return [...new Set(codes.map((code) => catalogue.get(code).unit))];
}

/** `codes` less those unknown to the catalogue, and those that would need a third axis. */
function drawable(codes, catalogue) {
  const known = [...new Set(codes)].filter((code) => catalogue.has(code)).slice(0, MAX_INDICATORS);
  const units = unitsOf(known, catalogue).slice(0, MAX_UNITS);
  return known.filter((code) => units.includes(catalogue.get(code).unit));
}

function options(catalogue) {
  const indicators = [...catalogue.values()].filter((i) => i.first_period).sort((a, b) => a.name.localeCompare(b.name));
  return [
    h("option", { value: "" }, "Choose an indicator"),
    indicators.map((i) => h("option", { value: i.code }, `${i.name} (${unitName(i.unit)})`)),
  ];
}

/**
 * The comparison drawn in `section`. `onChange(codes)` is called with the indicators the
 * person wants compared; the page puts them in its URL and calls `render(codes)`. Returns
 * `{add, render}`: `add(code)` answers why it was refused, or null.
 */
export function comparison(section, { catalogue, reports, onChange }) {
  let codes = [];
  let lines = [];
  let token = 0;
  const note = h("p", { class: "hint", "aria-live": "polite" });
  const list = h("ul", { class: "compare-list" });
  const pick = h("select", { id: "compare-pick" }, options(catalogue));
  const host = h("div", { class: "chart-host", id: "compare-chart" });
  const caption = h("figcaption", { class: "hint" });
  const svgButton = h("button", { type: "button", class: "button" }, "Download comparison SVG");
  const pngButton = h("button", { type: "button", class: "button" }, "Download comparison PNG");

  function refusal(code) {
    const indicator = catalogue.get(code);
    if (!indicator) return `There is no indicator “${code}”.`;
    if (codes.includes(code)) return `${indicator.name} is already on the chart.`;
    if (codes.length >= MAX_INDICATORS) return `Not added: one chart compares ${MAX_INDICATORS} indicators at most. Remove one first.`;
    const units = unitsOf(codes, catalogue);
    if (units.length < MAX_UNITS || units.includes(indicator.unit)) return null;
    return `Not added: ${indicator.name} is in ${unitName(indicator.unit)}, and the chart already has two units, ` +
      `${unitName(units[0])} on the left axis and ${unitName(units[1])} on the right. A third would need a third axis: ` +
      "remove the indicators in one of them first.";
  }

  function add(code) {
    const refused = refusal(code);
    note.textContent = refused ?? `Added ${catalogue.get(code).name}.`;
    if (!refused) onChange([...codes, code]);
    return refused;
  }

  function remove(code) {
    note.textContent = `Removed ${catalogue.get(code).name}.`;
    onChange(codes.filter((other) => other !== code));
  }

  function className(code, index, units) {
    return `${seriesClass(index)}${units.indexOf(catalogue.get(code).unit) === 1 ? " d1" : ""}`;
  }

  function renderList(units) {
    fill(list, codes.map((code, index) => {
      const indicator = catalogue.get(code);
      const side = units.length > 1 ? `, ${SIDES[units.indexOf(indicator.unit)]} axis` : "";
      return h("li", {},
        h("span", { class: `swatch ${className(code, index, units)}`, "aria-hidden": "true" }),
        h("span", {}, `${indicator.name} (${unitName(indicator.unit)}${side})`), " ",
        h("button", {
          type: "button", class: "link", "aria-label": `Remove ${indicator.name} from the comparison`,
          onclick: () => remove(code),
        }, "remove"));
    }));
  }

  function title() {
    return `Chart comparing ${lines.map((line) => line.label).join(", ")}`;
  }

  function draw() {
    drawComparison(host, { lines, units: unitsOf(codes, catalogue), title: title() });
  }

  function describe() {
    const svg = host.querySelector("svg");
    if (!svg) return null;
    const units = unitsOf(codes, catalogue);
    const editions = codes.flatMap((code) => catalogue.get(code).reports)
      .map((id) => reports.get(id)?.edition).filter(Boolean);
    return {
      svg,
      title: lines.map((line) => line.label).join(" and "),
      subtitle: units.length > 1
        ? `Headline totals; left axis in ${unitName(units[0])}, right axis in ${unitName(units[1])}`
        : `Headline totals, in ${unitName(units[0])}`,
      source: sourceLines(editions),
      filename: `comparison-${codes.join("-")}`,
    };
  }

  /** Show the comparison of `next` (indicator codes); hidden when there is none. */
  async function render(next) {
    codes = drawable(next, catalogue);
    section.hidden = !codes.length;
    const dropped = next.filter((code) => catalogue.has(code) && !codes.includes(code));
    if (dropped.length) {
      note.textContent = `Left out: ${dropped.map((code) => catalogue.get(code).name).join(", ")}. One chart has ` +
        `room for ${MAX_UNITS} units and ${MAX_INDICATORS} indicators.`;
    }
    const mine = ++token;
    if (!codes.length) {
      lines = [];
      host.replaceChildren();
      return;
    }
    const units = unitsOf(codes, catalogue);
    renderList(units);
    const headlines = await Promise.all(codes.map((code) => getHeadline(code).catch(() => null)));
    if (mine !== token) return; // another comparison was asked for meanwhile
    lines = codes.map((code, index) => ({
      label: catalogue.get(code).name,
      unit: catalogue.get(code).unit,
      className: className(code, index, units),
      observations: headlines[index]?.observations ?? [],
    }));
    const missing = lines.filter((line) => !line.observations.length).map((line) => line.label);
    caption.textContent = [
      "Each line is an indicator's headline total, not broken down; open an indicator for its breakdowns and sources.",
      missing.length ? `No headline total to draw for ${missing.join(", ")}.` : "",
      codes.length === 1 ? "Add another indicator to compare." : "",
    ].filter(Boolean).join(" ");
    draw();
  }

  fill(section,
    h("h2", { id: "compare-title" }, "Compared on one chart"),
    list,
    h("form", {
      class: "compare-add",
      onsubmit: (event) => {
        event.preventDefault();
        if (pick.value) add(pick.value);
      },
    },
    h("label", { for: "compare-pick" }, "Add an indicator"),
    h("div", { class: "copy-row" }, pick, h("button", { type: "submit", class: "button" }, "Add"))),
    note,
    h("figure", { class: "chart-figure" }, host, caption),
    h("p", { class: "chart-downloads" }, svgButton, " ", pngButton));
  wireDownloads(svgButton, pngButton, describe, (error) => {
    note.textContent = error.message;
  });
  let drawnWidth = 0;
  new ResizeObserver(() => requestAnimationFrame(() => {
    if (host.clientWidth !== drawnWidth && lines.length) {
      drawnWidth = host.clientWidth;
      draw();
    }
  })).observe(host);

  return { add, render };
}
