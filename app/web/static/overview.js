/**
 * The first screen: the headline series over time, a card each with its latest value and a
 * sparkline, that opens the indicator's full view. The cards are the indicators below that the
 * catalogue has, in this order: those with the longest series of a headline total (online
 * retail sales, whose total mixes half years and whole years, would draw a false zigzag).
 */

import { h, fill } from "./dom.js";
import { formatPeriod, formatValue } from "./format.js";
import { getHeadline } from "./headline.js";
import { sparkline } from "./spark.js";
import { viewQuery } from "./url.js";

const HEADLINES = [
  "internet_users",
  "internet_penetration",
  "mobile_internet_users",
  "base_stations_5g",
  "domain_names",
  "ipv6_addresses",
  "weekly_online_hours",
  "non_internet_users",
];

function span(indicator) {
  const first = formatPeriod(indicator.first_period);
  const last = formatPeriod(indicator.last_period);
  return first === last ? first : `${first} – ${last}`;
}

/** Fill in a card's latest value and sparkline once they arrive; without them it stays a link. */
async function complete(card, indicator) {
  let line;
  try {
    line = await getHeadline(indicator.code);
  } catch {
    return; // The first screen works without its pictures.
  }
  if (!line.observations.length) return;
  const last = line.observations.at(-1);
  card.querySelector(".card-value").textContent = formatValue(last.value, line.unit);
  card.querySelector(".card-period").textContent = formatPeriod(last.period);
  const chart = sparkline(line.observations, line.unit);
  if (chart) card.querySelector(".card-value").before(chart);
  card.querySelector(".card-count").textContent = ` · ${line.observations.length} values`;
}

function card(indicator) {
  const item = h("li", { class: "card" },
    h("a", { href: viewQuery({ indicator: indicator.code }), "data-view": "" },
      h("span", { class: "card-name" }, indicator.name),
      h("span", { class: "card-value" }),
      h("span", { class: "card-period" }),
      h("span", { class: "card-span" }, span(indicator), h("span", { class: "card-count" }))));
  complete(item, indicator);
  return item;
}

/** Fill `list` with a card for each headline indicator the `catalogue` (a Map by code) has. */
export function renderOverview(list, catalogue) {
  fill(list, HEADLINES.filter((code) => catalogue.get(code)?.first_period).map((code) => card(catalogue.get(code))));
}
