/**
 * The evidence for one value: each report's figure side by side (revisions and values that
 * disagree), how a derived one was computed, by whose count, and each citation and note
 * highlighted inside the text of the source it quotes.
 */

import { getSourceText } from "./api.js";
import { h, fill } from "./dom.js";
import { formatPeriod, formatValue, humanize, lineLabel, ordinal } from "./format.js";
import { lineKey, viewQuery } from "./url.js";

const grouped = new Intl.NumberFormat("en-US");

/**
 * Offsets in the API count Unicode code points; JavaScript strings count UTF-16 units.
 * Returns a function from one to the other (the identity when the text has no astral
 * characters, which is the usual case).
 */
function codeUnitOffsets(text) {
  if (!/[\uD800-\uDFFF]/.test(text)) return (offset) => offset;
  const units = [];
  let unit = 0;
  for (const character of text) {
    units.push(unit);
    unit += character.length;
  }
  units.push(unit);
  return (offset) => units[Math.min(offset, units.length - 1)];
}

function formatPublished(published) {
  const date = /^\d{4}-\d{2}-\d{2}/.exec(published);
  return formatPeriod(date ? date[0] : published);
}

function sourceHead(source) {
  return [
    h("p", { class: "source-title" }, h("cite", {}, source.title)),
    h("p", { class: "source-meta" },
      `${source.publisher} · published ${formatPublished(source.published)} · `,
      h("a", { href: `/v1/sources/${encodeURIComponent(source.id)}/text` }, "whole text"),
      ` (${source.language === "zh" ? "Chinese" : "English"})`),
  ];
}

/**
 * Show `passage` ({source, quote, start, end, role: quote|note}) highlighted inside its source's text in
 * `viewer`, scrolled so the highlight is in sight, and check that the text there is exactly
 * the quote. Clicking fast loads several texts; only the last request is shown.
 */
async function showPassage(viewer, passage, sources) {
  const token = String(Number(viewer.dataset.token ?? 0) + 1);
  viewer.dataset.token = token;
  const source = sources.get(passage.source) ?? { id: passage.source, title: passage.source, publisher: "", published: "", language: "en" };
  fill(viewer, sourceHead(source), h("p", { class: "hint" }, "Loading the source text…"));
  let text;
  try {
    text = await getSourceText(passage.source);
  } catch (error) {
    if (viewer.dataset.token === token) fill(viewer, sourceHead(source), h("p", { class: "error" }, error.message));
    return;
  }
  if (viewer.dataset.token !== token) return;
  const unitAt = codeUnitOffsets(text);
  const start = unitAt(passage.start);
  const end = unitAt(passage.end);
  const exact = text.slice(start, end) === passage.quote;
  const check = exact
    ? `✓ Characters ${grouped.format(passage.start)}–${grouped.format(passage.end)} of this text are exactly the quote.`
    : "✗ The text at these offsets is not the quote: the source may have changed.";
  const mark = h("mark", { class: passage.role }, text.slice(start, end));
  const box = h("div", {
    class: "source-text", tabindex: "0", role: "region", lang: source.language,
    "aria-label": `Text of ${source.title}, with the ${passage.role} highlighted`,
  }, text.slice(0, start), mark, text.slice(end));
  fill(viewer, sourceHead(source), h("p", { class: exact ? "check" : "check error" }, check), box);
  box.scrollTop = Math.max(0, mark.offsetTop - box.clientHeight / 3);
}

function passageButton(label, quote, pressed, onPress) {
  return h("button", { type: "button", class: "passage", "aria-pressed": String(pressed), onclick: onPress },
    h("span", { class: "passage-source" }, label), h("q", {}, quote));
}

function derivationBlock(observation, reports, catalogue) {
  const { derivation } = observation;
  return h("div", { class: "derivation" },
    h("p", {}, "Derived, not written in any source: ", h("strong", {}, derivation.formula), ` (${derivation.method}).`),
    h("p", {}, "Computed from:"),
    h("ul", {}, derivation.inputs.map((input) => {
      const key = lineKey(input.dimensions);
      const href = viewQuery({ indicator: input.indicator, lines: [key], value: { line: key, period: input.period } });
      const name = catalogue.get(input.indicator)?.name ?? input.indicator;
      const report = reports.get(input.report);
      return h("li", {}, h("a", { href, "data-view": "" },
        `${name} · ${lineLabel(input.dimensions)} · ${formatPeriod(input.period)}`),
        report ? ` (${ordinal(report.edition)} report)` : "");
    })));
}

function passageLabel(passage, sources) {
  const source = sources.get(passage.source);
  const who = source ? source.publisher.replace(/\s*\(.*\)$/, "") : passage.source;
  return passage.role === "note" ? `${humanize(passage.kind)} note · ${who}` : who;
}

function passagesTitle(observation, count) {
  const title = observation.status === "derived" ? "The passages it was computed from" : "Where it says so";
  return count === 1 ? title : `${title} (${count})`;
}

function vintageColumn(observation, { shown, reports, sources, catalogue, several }) {
  const report = reports.get(observation.report);
  const viewer = h("div", { class: "source" });
  const passages = [
    ...observation.citations.map((citation) => ({ ...citation, role: "quote" })),
    ...observation.notes.map((note) => ({ ...note, role: "note" })),
  ];
  const buttons = passages.map((passage, index) =>
    passageButton(passageLabel(passage, sources), passage.quote, index === 0, () => press(index)));
  function press(index) {
    buttons.forEach((button, i) => button.setAttribute("aria-pressed", String(i === index)));
    showPassage(viewer, passages[index], sources);
  }
  const isShown = shown?.report === observation.report;
  const byWhom = observation.attributed_to
    ? `${observation.attributed_to}, as the source credits it (not ${report?.publisher ?? "the report"}'s own count)`
    : (report?.publisher ?? observation.report);
  const status = observation.status === "derived"
    ? "Derived"
    : `Reported${observation.as_reported ? `, written “${observation.as_reported}”` : ""}`;
  const column = h("article", { class: isShown && several ? "vintage shown" : "vintage" },
    h("h3", {}, report ? report.title : observation.report),
    several && isShown ? h("p", { class: "badge" }, "The value in the table and chart") : null,
    h("p", { class: "figure" }, formatValue(observation.value, observation.unit, observation.qualifier)),
    h("dl", { class: "facts" },
      h("dt", {}, "Status"), h("dd", {}, status),
      h("dt", {}, "By whose count"), h("dd", {}, byWhom),
      h("dt", {}, "Report published"), h("dd", {}, report ? formatPublished(report.published) : "unknown")),
    observation.derivation ? derivationBlock(observation, reports, catalogue) : null,
    passages.length ? h("h4", {}, passagesTitle(observation, passages.length)) : null,
    passages.length > 1 ? h("div", { class: "passages" }, buttons) : null,
    viewer);
  if (passages.length) press(0);
  return column;
}

function agreement(vintages, shown, reports) {
  const values = new Set(vintages.map((o) => o.value));
  const edition = reports.get(shown?.report)?.edition;
  const which = edition
    ? ` The table and chart use the ${ordinal(edition)} report's: a figure a source states comes before a derived one, then a later report before an earlier.`
    : "";
  return values.size > 1
    ? h("p", { class: "conflict" }, `${vintages.length} reports give different values for this period, shown side by side.${which}`)
    : h("p", { class: "agree" }, `${vintages.length} reports give this value, shown side by side.${which}`);
}

/**
 * Fill `section` with the evidence for one value: `vintages` are every report's observation
 * of it (oldest report first), `shown` the one the table shows. `onClose` hides it.
 */
export function renderEvidence(section, { indicator, line, period, vintages, shown, reports, sources, catalogue, onClose }) {
  const several = vintages.length > 1;
  fill(section,
    h("header", { class: "evidence-head" },
      h("p", { class: "eyebrow" }, "Where this value comes from"),
      h("h2", { id: "evidence-title", tabindex: "-1" }, `${indicator.name} · ${line.label} · ${formatPeriod(period)}`),
      h("button", { type: "button", class: "button close", onclick: onClose }, "Close")),
    several ? agreement(vintages, shown, reports) : null,
    h("div", { class: several ? "vintages side-by-side" : "vintages" },
      vintages.map((observation) => vintageColumn(observation, { shown, reports, sources, catalogue, several }))));
  section.hidden = false;
}
