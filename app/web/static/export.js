/**
 * "Take what is shown": the API request that returns the rows on screen, and a CSV of
 * exactly those rows.
 *
 * The API filters each dimension by values, `_total` standing for no breakdown on it
 * (`area=rural&area=_total&age_group=_total` is the total and the rural line). Filters on
 * several dimensions combine, so some selections (the rural line beside aged 60+) cannot be
 * asked for exactly: the request is then the narrowest one that returns them all, the page
 * says what else it returns, and the CSV download keeps only the rows shown.
 */

import { observationsPath } from "./api.js";
import { lineKey } from "./url.js";

const PAGE_SIZE = 100;
/** What the API calls no breakdown on a dimension, in a filter and in a CSV cell. */
const NO_BREAKDOWN = "_total";
const FIXED_COLUMNS = new Set([
  "indicator", "period", "period_start", "period_end", "value", "unit", "report", "status",
  "as_reported", "qualifier", "attributed_to", "sources",
]);

/**
 * The request for `shown` (observations on screen) out of `available` (every observation in
 * the range): `{path, exact, extra}`, where `extra` holds the keys of the breakdowns the
 * request returns beyond those shown.
 */
export function requestFor({ indicator, from, to, shown, available }) {
  const shownKeys = new Set(shown.map((o) => lineKey(o.dimensions)));
  const dimensions = {};
  if (new Set(available.map((o) => lineKey(o.dimensions))).size > shownKeys.size) {
    const names = new Set(available.flatMap((o) => Object.keys(o.dimensions)));
    for (const name of names) dimensions[name] = [...new Set(shown.map((o) => valueOf(o, name)))];
    // A filter that returns nothing the others do not already leave out is left out.
    for (const name of names) {
      const { [name]: _dropped, ...others } = dimensions;
      if (returnedBy(available, others).length === returnedBy(available, dimensions).length) delete dimensions[name];
    }
  }
  const returned = returnedBy(available, dimensions);
  const extra = [...new Set(returned.map((o) => lineKey(o.dimensions)))].filter((key) => !shownKeys.has(key));
  const limit = returned.length > PAGE_SIZE ? 1000 : undefined;
  return { path: observationsPath({ indicator, start: from, end: to, dimensions, limit }), exact: !extra.length, extra };
}

function returnedBy(available, dimensions) {
  return available.filter((o) =>
    Object.entries(dimensions).every(([name, values]) => values.includes(valueOf(o, name))));
}

function valueOf(observation, name) {
  return observation.dimensions[name] ?? NO_BREAKDOWN;
}

function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const character = text[i];
    if (quoted) {
      if (character !== '"') field += character;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
    } else if (character === '"') quoted = true;
    else if (character === ",") {
      row.push(field);
      field = "";
    } else if (character === "\n") {
      rows.push([...row, field]);
      row = [];
      field = "";
    } else if (character !== "\r") field += character;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

function writeCsv(rows) {
  const quote = (field) => (/[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field);
  return rows.map((row) => row.map(quote).join(",")).join("\n") + "\n";
}

/** The API's CSV with only the rows whose breakdown is in `keys`. */
export function keepBreakdowns(csv, keys) {
  const [header, ...rows] = parseCsv(csv);
  const last = header.indexOf("period");
  const names = header.slice(1, last).map((column) => {
    const bare = column.replace(/^dimension_/, "");
    return FIXED_COLUMNS.has(bare) ? bare : column;
  });
  const kept = rows.filter((row) => {
    const dimensions = {};
    names.forEach((name, i) => {
      if (row[i + 1] && row[i + 1] !== NO_BREAKDOWN) dimensions[name] = row[i + 1];
    });
    return keys.has(lineKey(dimensions));
  });
  return writeCsv([header, ...kept]);
}

/** The breakdowns of `keys`: a few by name ("aged 60+, urban"), many by group ("60 breakdowns by province × tld"). */
export function describeBreakdowns(lines, keys) {
  const named = lines.filter((line) => keys.includes(line.key));
  if (named.length <= 4) return named.map((line) => line.label).join(", ");
  const counts = new Map();
  for (const line of named) counts.set(line.group, (counts.get(line.group) ?? 0) + 1);
  return [...counts].map(([group, count]) => `${count} breakdowns by ${group.replaceAll("_", " ")}`).join(", ");
}
