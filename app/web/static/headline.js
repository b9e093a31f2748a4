/**
 * An indicator's headline total over time: its line broken down by nothing, from the series
 * operation (`total=true`), fetched once per page load. The first screen's cards and the
 * comparison draw it.
 */

import { getJson } from "./api.js";
import { pointsAsObservations } from "./periods.js";

const loaded = new Map();

async function fetchHeadline(code) {
  const body = await getJson(`/v1/indicators/${encodeURIComponent(code)}/series?total=true`);
  const line = body.series.find((candidate) => !Object.keys(candidate.dimensions).length);
  return { unit: body.unit, observations: line ? pointsAsObservations(line.points) : [] };
}

/** `{unit, observations}` of the indicator `code`'s headline; no observations when it has none. */
export function getHeadline(code) {
  if (!loaded.has(code)) {
    const loading = fetchHeadline(code);
    loading.catch(() => loaded.delete(code));
    loaded.set(code, loading);
  }
  return loaded.get(code);
}
