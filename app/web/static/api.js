/**
 * The public API and nothing else: every figure and quote on the page comes from these
 * requests, which any other client can make too.
 */

export class ApiError extends Error {}

async function request(path, accept) {
  let response;
  try {
    response = await fetch(path, { headers: { Accept: accept } });
  } catch (error) {
    throw new ApiError(`The API did not answer (${error.message}).`);
  }
  if (!response.ok) {
    let detail = `${response.status} ${response.statusText}`;
    try {
      detail = (await response.json()).detail ?? detail;
    } catch {
      // Not a problem document: the status line says enough.
    }
    throw new ApiError(detail);
  }
  return response;
}

export async function getJson(path) {
  return (await request(path, "application/json")).json();
}

export async function getText(path, accept = "text/plain") {
  return (await request(path, accept)).text();
}

/** The path of an observations query; `dimensions` maps a name to its accepted values. */
export function observationsPath({ indicator, start, end, dimensions = {}, vintages, limit, format }) {
  const query = new URLSearchParams({ indicator });
  if (start) query.set("start", start);
  if (end) query.set("end", end);
  for (const [name, values] of Object.entries(dimensions)) {
    for (const value of values) query.append(name, value);
  }
  if (vintages) query.set("vintages", vintages);
  if (limit) query.set("limit", String(limit));
  if (format) query.set("format", format);
  return `/v1/observations?${query}`;
}

/** Every observation a query selects, following `next` from page to page. */
export async function getAllObservations(options) {
  const items = [];
  let next = observationsPath({ ...options, limit: 1000 });
  while (next) {
    const page = await getJson(next);
    items.push(...page.data);
    // `next` is absolute; keep only its path so a proxy's host name cannot lead elsewhere.
    next = page.next ? new URL(page.next).pathname + new URL(page.next).search : null;
  }
  return items;
}

const texts = new Map();

/** A source's text, fetched once per page load. */
export function getSourceText(id) {
  if (!texts.has(id)) {
    const loading = getText(`/v1/sources/${encodeURIComponent(id)}/text`);
    loading.catch(() => texts.delete(id));
    texts.set(id, loading);
  }
  return texts.get(id);
}
