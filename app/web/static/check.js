/**
 * Check a figure: a number pasted from a news story, held against the data by
 * `GET /v1/check`. Shows how the claim was read, the verdict, and the values that agree
 * with the sentence that says so, or the closest ones and how each differs. Every value
 * links to its view in the explorer.
 */

import { getJson } from "./api.js";
import { h, fill } from "./dom.js";
import { formatPeriod, formatValue, lineLabel } from "./format.js";
import { lineKey, viewQuery } from "./url.js";

const VERDICTS = {
  confirmed: "Confirmed",
  rounded: "Confirmed, as rounded",
  differs: "Differs",
  not_found: "Not found",
  unreadable: "Could not read a figure",
};

function checkPath(claim) {
  return `/v1/check?${new URLSearchParams({ claim })}`;
}

function readingLine(reading) {
  if (!reading.figure) return null;
  const indicator = reading.indicators[0];
  const parts = [
    reading.figure.qualifier ? `${reading.figure.qualifier} ${reading.figure.as_written}` : reading.figure.as_written,
    indicator ? `${indicator.name}${indicator.phrase ? ` (“${indicator.phrase}”)` : " (guessed)"}` : "no indicator",
    lineLabel(reading.dimensions),
    reading.period ? formatPeriod(reading.period.period) : "any period",
  ];
  return h("p", { class: "check-reading" }, "Read as: ", parts.join(" · "));
}

function observationItem(observation) {
  const key = lineKey(observation.dimensions);
  const href = viewQuery({ indicator: observation.indicator, value: { line: key, period: observation.period } });
  const citation = observation.citations[0];
  return h("li", { class: "check-item" },
    h("p", { class: "check-value" },
      h("a", { href, "data-view": "" },
        `${formatValue(observation.value, observation.unit, observation.qualifier)} · ${lineLabel(observation.dimensions)} · ${formatPeriod(observation.period)}`),
      ` (${observation.report}, ${observation.status})`),
    observation.differences.length
      ? h("ul", { class: "check-differences" }, observation.differences.map((difference) =>
        h("li", { class: `difference ${difference.kind}` }, difference.detail)))
      : null,
    citation
      ? h("blockquote", { class: "check-quote", cite: `/v1/sources/${encodeURIComponent(citation.source)}/text` },
        h("p", {}, citation.quote),
        h("footer", {}, `${citation.source}, characters ${citation.start}–${citation.end}`))
      : null);
}

function render(result, body, path) {
  const shown = body.matches.length ? body.matches : body.closest;
  fill(result,
    h("p", { class: `verdict ${body.verdict}` }, VERDICTS[body.verdict] ?? body.verdict),
    h("p", { class: "check-summary" }, body.summary),
    readingLine(body.reading),
    body.reading.notes.map((note) => h("p", { class: "hint" }, note)),
    shown.length
      ? h("div", {},
        h("h3", {}, body.matches.length ? "Where the data says so" : "The closest values"),
        h("ol", { class: "check-list" }, shown.map(observationItem)))
      : null,
    h("p", { class: "hint" }, h("a", { href: path }, "This check as JSON")));
}

/** Wire the form inside `box` (#check): a claim typed and sent is checked and shown. */
export function installCheck(box) {
  const form = box.querySelector("form");
  const input = box.querySelector("input");
  const result = box.querySelector("[aria-live]");
  let asked = 0;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const claim = input.value.trim();
    if (!claim) {
      fill(result, h("p", { class: "error" }, "Type or paste a figure first, e.g. 10.92亿网民 2023年12月."));
      return;
    }
    const token = ++asked;
    fill(result, h("p", { class: "hint" }, "Checking…"));
    const path = checkPath(claim);
    try {
      const body = await getJson(path);
      if (token === asked) render(result, body, path);
    } catch (error) {
      if (token === asked) fill(result, h("p", { class: "error" }, error.message));
    }
  });
}
