/**
 * "Take what is shown": the API request that returns the rows on screen, and a CSV of
 * exactly those rows.
 *
 * The API filters by dimension values (`area=rural&area=urban`) but has no filter for "no
 * breakdown", so some selections (the total beside the rural line) cannot be asked for
 * exactly. The request is then the narrowest one that returns them all, the page says what
 * else it returns, and the CSV download keeps only the rows shown.
 */

import { observationsPath } from "./api.js";
import { lineKey } from "./url.js";

const PAGE_SIZE = 100;
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
    const common = shown
      .map((o) => Object.keys(o.dimensions))
      .reduce((names, keys) => names.filter((name) => keys.includes(name)));
    for (const name of common) dimensions[name] = [...new Set(shown.map((o) => o.dimensions[name]))];
  }
  const returned = available.filter((o) =>
    Object.entries(dimensions).every(([name, values]) => values.includes(o.dimensions[name])));
  const extra = [...new Set(returned.map((o) => lineKey(o.dimensions)))].filter((key) => !shownKeys.has(key));
  const limit = returned.length > PAGE_SIZE ? 1000 : undefined;
  return { path: observationsPath({ indicator, start: from, end: to, dimensions, limit }), exact: !extra.length, extra };
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
      if (row[i + 1]) dimensions[name] = row[i + 1];
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
