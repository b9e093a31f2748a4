/**
 * A view as a URL and back, so any view can be shared: the indicator, the breakdowns shown,
 * the range and the value whose evidence is open.
 *
 *   ?indicator=internet_penetration&lines=total,area:rural&from=2020-12&to=2025-12
 *    &value=area:rural@2024-12
 *
 * A breakdown ("line") is keyed by its dimensions, `name:value` pairs joined by `;` in name
 * order, each part percent-encoded so the separators `:;,@` stay unambiguous; the headline
 * total is `total`. `with=area:rural` (from a search result) selects every breakdown that has
 * those dimensions, and is replaced by the explicit `lines` once the data is known.
 * The chart's toggles are `transform=pct_change` and `revisions=show`; `compare` lists the
 * indicators compared on one chart (`compare=internet_users,internet_penetration`).
 */

const TOTAL = "total";

function encode(text) {
  return encodeURIComponent(text).replaceAll("%2F", "/");
}

function decode(text) {
  return decodeURIComponent(text.replaceAll("+", " "));
}

/** The key of a set of dimensions. */
export function lineKey(dimensions) {
  const names = Object.keys(dimensions).sort();
  if (!names.length) return TOTAL;
  return names.map((name) => `${encode(name)}:${encode(dimensions[name])}`).join(";");
}

/** The dimensions of a key; throws on a malformed one. */
export function parseLineKey(key) {
  if (key === TOTAL) return {};
  const dimensions = {};
  for (const pair of key.split(";")) {
    const colon = pair.indexOf(":");
    if (colon < 1) throw new URIError(`not a breakdown: ${key}`);
    dimensions[decode(pair.slice(0, colon))] = decode(pair.slice(colon + 1));
  }
  return dimensions;
}

function canonicalKeys(raw) {
  const keys = [];
  for (const part of raw.split(",")) {
    if (!part) continue;
    try {
      keys.push(lineKey(parseLineKey(part)));
    } catch {
      // A mangled key in a hand-edited URL selects nothing rather than breaking the page.
    }
  }
  return [...new Set(keys)];
}

function parseValue(raw) {
  const at = raw.lastIndexOf("@");
  if (at < 1) return null;
  const [line] = canonicalKeys(raw.slice(0, at));
  try {
    return line ? { line, period: decode(raw.slice(at + 1)) } : null;
  } catch {
    return null;
  }
}

function monthOrNull(text) {
  return text && /^\d{4}-\d{2}$/.test(text) ? text : null;
}

/**
 * The view a query string names. The raw string is split by hand: URLSearchParams would
 * decode the percent-escapes that keep a breakdown's separators apart.
 */
export function readView(search) {
  const raw = new Map();
  for (const pair of search.replace(/^\?/, "").split("&")) {
    const equals = pair.indexOf("=");
    if (equals > 0) raw.set(pair.slice(0, equals), pair.slice(equals + 1));
  }
  const text = (name) => {
    try {
      return raw.has(name) ? decode(raw.get(name)) : null;
    } catch {
      return null;
    }
  };
  return {
    indicator: text("indicator") || null,
    lines: raw.has("lines") ? canonicalKeys(raw.get("lines")) : null,
    with: raw.has("with") ? (canonicalKeys(raw.get("with"))[0] ?? null) : null,
    from: monthOrNull(text("from")),
    to: monthOrNull(text("to")),
    value: raw.has("value") ? parseValue(raw.get("value")) : null,
    transform: text("transform") === "pct_change" ? "pct_change" : null,
    revisions: text("revisions") === "show",
    compare: (text("compare") ?? "").split(",").filter(Boolean),
  };
}

/** The query string of a view ("?…"), or "" for the start page. */
export function viewQuery(view) {
  const parts = [];
  if (view.indicator) parts.push(`indicator=${encode(view.indicator)}`);
  if (view.with) parts.push(`with=${view.with}`);
  if (view.lines) parts.push(`lines=${view.lines.join(",")}`);
  if (view.from) parts.push(`from=${view.from}`);
  if (view.to) parts.push(`to=${view.to}`);
  if (view.value) parts.push(`value=${view.value.line}@${encode(view.value.period)}`);
  if (view.transform) parts.push(`transform=${view.transform}`);
  if (view.revisions) parts.push("revisions=show");
  if (view.compare?.length) parts.push(`compare=${view.compare.map(encode).join(",")}`);
  return parts.length ? `?${parts.join("&")}` : "";
}
