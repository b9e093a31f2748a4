/**
 * Finding an indicator: words typed in English or Chinese, searched by the API
 * (`/v1/indicators?q=`: names, terms, descriptions and breakdowns, with the catalogue's
 * synonyms, best first), or a category to browse. A word that names a breakdown ("rural")
 * also offers that breakdown of each indicator that has it.
 */

import { getJson } from "./api.js";
import { h, fill } from "./dom.js";
import { formatPeriod, humanize, lineLabel } from "./format.js";
import { language, otherName } from "./language.js";
import { lineKey, viewQuery } from "./url.js";

function coverage(indicator) {
  if (!indicator.first_period) return "no values yet";
  const first = formatPeriod(indicator.first_period);
  const last = formatPeriod(indicator.last_period);
  const span = first === last ? first : `${first} – ${last}`;
  return `${span} · ${indicator.observations} value${indicator.observations === 1 ? "" : "s"}`;
}

/** The search asked for last: an answer to an earlier one arrives too late to be shown. */
let latest = 0;

/**
 * The matches for `query` within `category`, in the API's order: each breakdown of an
 * indicator that the query names (`match.dimension_values`), then the indicator itself if the
 * query found it by more than its breakdowns.
 * Without a query, or with one of common words only ("the", "number of"), every indicator of
 * the category. Resolves to `{matches, note, failed}` (`note` says why a query found what it
 * did not ask for, or why it failed), or to null when a later search has been asked for
 * meanwhile.
 */
export async function search(catalogue, query, category) {
  const asked = ++latest;
  const inCategory = catalogue.filter((indicator) => !category || indicator.category === category);
  const everything = inCategory.map((indicator) => ({ indicator, dimensions: null }));
  if (!query) return { matches: everything, note: null, failed: false };
  const parameters = new URLSearchParams({ q: query });
  if (category) parameters.set("category", category);
  let found;
  try {
    found = await getJson(`/v1/indicators?${parameters}`);
  } catch (error) {
    return asked === latest ? { matches: [], note: error.message, failed: true } : null;
  }
  if (asked !== latest) return null;
  if (found.data.some(({ match }) => match.words === 0)) {
    return { matches: everything, note: `Only common words in “${query}”: every indicator`, failed: false };
  }
  const byCode = new Map(inCategory.map((indicator) => [indicator.code, indicator]));
  const matches = [];
  for (const { code, match } of found.data) {
    const indicator = byCode.get(code);
    if (!indicator) continue;
    // The breakdowns the query names first: "rural internet users" asks for the rural line.
    for (const [dimension, values] of Object.entries(match.dimension_values)) {
      for (const value of values) matches.push({ indicator, dimensions: { [dimension]: value } });
    }
    if (match.fields.some((field) => field !== "dimension_values")) matches.push({ indicator, dimensions: null });
  }
  return { matches, note: null, failed: false };
}

function resultLink(match, current) {
  const { indicator, dimensions } = match;
  const query = viewQuery({ indicator: indicator.code, with: dimensions ? lineKey(dimensions) : null });
  const isCurrent = !dimensions && indicator.code === current;
  return h("a", { href: query, "data-view": "", "aria-current": isCurrent ? "page" : null },
    h("span", { class: "result-name", lang: language() }, indicator.name, dimensions ? ` — ${lineLabel(dimensions)}` : null),
    h("span", { class: "result-zh", lang: otherName(indicator).lang }, otherName(indicator).text),
    h("span", { class: "result-meta" }, coverage(indicator)));
}

/**
 * Show the matches in `results`, grouped by category (or, for a search, as one list), and say
 * how many in `count`, or what its `note` says.
 */
export function renderResults(results, count, { matches, note, failed }, { query, current }) {
  const ranked = Boolean(query) && !note;
  const groups = new Map();
  for (const match of matches) {
    const key = ranked ? "Matches" : humanize(match.indicator.category);
    groups.set(key, [...(groups.get(key) ?? []), match]);
  }
  if (!ranked) {
    for (const members of groups.values()) members.sort((a, b) => a.indicator.name.localeCompare(b.indicator.name, language()));
  }
  const ordered = [...groups].sort(([a], [b]) => a.localeCompare(b));
  fill(results, ordered.map(([title, members]) => [
    h("h3", { class: "results-title" }, title),
    h("ul", {}, members.map((match) => h("li", {}, resultLink(match, current)))),
  ]));
  const noun = matches.length === 1 ? "match" : "matches";
  count.classList.toggle("error", failed);
  if (note) count.textContent = note;
  else if (query) count.textContent = `${matches.length} ${noun} for “${query}”${matches.length ? "" : ": try other words"}`;
  else count.textContent = `${matches.length} indicators`;
}
