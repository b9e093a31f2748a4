/** The view's controls: which breakdowns to show, grouped by what they break down by, and the range. */

import { h, fill } from "./dom.js";
import { formatPeriod, humanize } from "./format.js";

function groupTitle(group) {
  if (!group) return "Headline";
  return `By ${group.split(" × ").map((name) => humanize(name).toLowerCase()).join(" × ")}`;
}

/**
 * Fill `host` with a checkbox per breakdown in `lines`, ticked when in `selected`; a group of
 * more than two has "all" and "none" buttons (`data-pick`, `data-group`).
 */
export function renderLineChoices(host, lines, selected) {
  const groups = new Map();
  for (const line of lines) groups.set(line.group, [...(groups.get(line.group) ?? []), line]);
  fill(host, [...groups].map(([group, members]) => {
    const title = groupTitle(group);
    const pick = (which) => h("button", { type: "button", class: "link", "data-group": group, "data-pick": which }, which);
    return h("div", { class: "line-group", role: "group", "aria-label": title },
      h("p", { class: "group-title" }, title, members.length > 2 ? [" · ", pick("all"), " ", pick("none")] : null),
      h("ul", { class: members.length > 12 ? "choices many" : "choices" }, members.map((line) =>
        h("li", {}, h("label", {},
          h("input", { type: "checkbox", value: line.key, checked: selected.has(line.key) }),
          h("span", { class: `swatch ${line.className}`, "aria-hidden": "true" }),
          line.label)))));
  }));
}

function monthOptions(select, months, current, openEnd) {
  const values = [...new Set([...months, ...(current ? [current] : [])])].sort();
  fill(select,
    h("option", { value: "" }, openEnd),
    values.map((month) => h("option", { value: month }, formatPeriod(month))));
  select.value = current ?? "";
}

/** Offer the months periods start in as `from`, those they end in as `to`. */
export function renderRange(from, to, observations, view) {
  monthOptions(from, observations.map((o) => o.period_start.slice(0, 7)), view.from, "Earliest");
  monthOptions(to, observations.map((o) => o.period_end.slice(0, 7)), view.to, "Latest");
}
