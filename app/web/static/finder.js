/**
 * Finding an indicator: words typed in English or Chinese, matched against the catalogue's
 * names, descriptions and breakdown values, or a category to browse. A word that names a
 * breakdown ("rural") also offers that breakdown of each indicator that has it.
 */

import { h, fill } from "./dom.js";
import { formatPeriod, humanize } from "./format.js";
import { lineKey, viewQuery } from "./url.js";

function coverage(indicator) {
  if (!indicator.first_period) return "no values yet";
  const first = formatPeriod(indicator.first_period);
  const last = formatPeriod(indicator.last_period);
  const span = first === last ? first : `${first} – ${last}`;
  return `${span} · ${indicator.observations} value${indicator.observations === 1 ? "" : "s"}`;
}

function words(text) {
  return text.toLowerCase().split(/\s+/).filter(Boolean);
}

/**
 * The matches for `query` within `category`: each indicator whose text holds every word,
 * and for each of an indicator's breakdown values that a word names, that breakdown.
 * The indicator whose name (or Chinese name, or code) is the query comes first, then matches
 * by name, then breakdowns, then matches by description only.
 */
export function search(catalogue, query, category) {
  const wanted = words(query);
  const phrase = wanted.join(" ");
  const found = [];
  for (const indicator of catalogue) {
    if (category && indicator.category !== category) continue;
    const names = [indicator.name, indicator.name_zh, indicator.code].map((name) => words(name).join(" "));
    const name = names.join(" ");
    const text = `${name} ${indicator.description} ${humanize(indicator.category)}`.toLowerCase();
    if (wanted.every((word) => text.includes(word))) {
      const rank = names.includes(phrase) ? 0 : wanted.every((word) => name.includes(word)) ? 1 : 3;
      found.push({ indicator, dimensions: null, rank });
    }
    if (!wanted.length) continue;
    for (const [dimension, values] of Object.entries(indicator.dimension_values)) {
      for (const value of values) {
        const lower = value.toLowerCase();
        if (wanted.some((word) => lower.includes(word)) && wanted.every((word) => lower.includes(word) || text.includes(word))) {
          found.push({ indicator, dimensions: { [dimension]: value }, rank: 2 });
        }
      }
    }
  }
  // Among breakdowns, an indicator broken down fewer ways is more likely the one meant.
  const ways = (match) => Object.keys(match.indicator.dimension_values).length;
  return found.sort((a, b) => a.rank - b.rank || (a.rank === 2 ? ways(a) - ways(b) : 0));
}

function resultLink(match, current) {
  const { indicator, dimensions } = match;
  const query = viewQuery({ indicator: indicator.code, with: dimensions ? lineKey(dimensions) : null });
  const isCurrent = !dimensions && indicator.code === current;
  return h("a", { href: query, "data-view": "", "aria-current": isCurrent ? "page" : null },
    h("span", { class: "result-name" }, indicator.name, dimensions ? ` — ${Object.values(dimensions)[0]}` : null),
    h("span", { class: "result-zh", lang: "zh" }, indicator.name_zh),
    h("span", { class: "result-meta" }, coverage(indicator)));
}

/** Show the matches in `results`, grouped by category, and say how many in `count`. */
export function renderResults(results, count, matches, { query, current }) {
  const groups = new Map();
  for (const match of matches) {
    const key = query ? "Matches" : humanize(match.indicator.category);
    groups.set(key, [...(groups.get(key) ?? []), match]);
  }
  if (!query) {
    for (const members of groups.values()) members.sort((a, b) => a.indicator.name.localeCompare(b.indicator.name));
  }
  const ordered = [...groups].sort(([a], [b]) => a.localeCompare(b));
  fill(results, ordered.map(([title, members]) => [
    h("h3", { class: "results-title" }, title),
    h("ul", {}, members.map((match) => h("li", {}, resultLink(match, current)))),
  ]));
  const noun = matches.length === 1 ? "match" : "matches";
  count.textContent = query
    ? `${matches.length} ${noun} for “${query}”${matches.length ? "" : ": try fewer or other words"}`
    : `${matches.length} indicators`;
}
