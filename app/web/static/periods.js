/**
 * The days a period covers, for the API's answers that give a period without them (a series'
 * `[period, value]` points). The forms are the API's (ISO 8601): a year "2024", a quarter
 * "2025-Q1", a month "2024-12", a day "2024-12-31", or an interval of two, "2024-01/2024-11".
 */

const POINT = /^(\d{4})(?:-Q([1-4])|-(\d{2})(?:-(\d{2}))?)?$/;

function pad(number) {
  return String(number).padStart(2, "0");
}

/** The last day of a month (1–12) of a year. */
function lastDay(year, month) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pointBounds(point) {
  const match = POINT.exec(point);
  if (!match) throw new RangeError(`not a period: ${point}`);
  const [, year, quarter, month, day] = match;
  if (day) return [point, point];
  const [first, last] = month ? [Number(month), Number(month)] : quarter ? [3 * quarter - 2, 3 * quarter] : [1, 12];
  return [`${year}-${pad(first)}-01`, `${year}-${pad(last)}-${pad(lastDay(Number(year), last))}`];
}

/** `{period_start, period_end}`, the first and last day of `period`, as the API writes them. */
export function periodBounds(period) {
  const [first, last = first] = period.split("/");
  return { period_start: pointBounds(first)[0], period_end: pointBounds(last)[1] };
}

/** A series' `[period, value]` points as the observations the charts draw. */
export function pointsAsObservations(points) {
  return points.map(([period, value]) => ({ period, value, ...periodBounds(period) }));
}
