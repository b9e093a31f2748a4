/** Numbers, units, periods and breakdowns written the way people read them. */

import { totalLabel, valueLabel } from "./language.js";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const SCALES = [
  [1e12, "trillion"],
  [1e9, "billion"],
  [1e6, "million"],
];

// Twelve significant digits keep every digit a source writes and drop floating-point noise.
const plain = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 12 });
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumSignificantDigits: 3 });

/**
 * How each unit is written: a prefix or a suffix to the number, whether large numbers are
 * written in words (1.108 billion), and its name for captions. Units not listed are counts
 * written with their own name (`1,234 websites`).
 */
const UNITS = {
  percent: { suffix: "%", words: false, name: "percent" },
  percentage_points: { suffix: " percentage points", words: false, name: "percentage points" },
  persons: { suffix: "", words: true, name: "people" },
  usd: { prefix: "US$", words: true, name: "US dollars" },
  yuan: { prefix: "RMB ", words: true, name: "yuan" },
  kilobytes: { suffix: " KB", words: true, name: "kilobytes" },
  gigabytes: { suffix: " GB", words: true, name: "gigabytes" },
  kilometres: { suffix: " km", words: true, name: "kilometres" },
  blocks_32: { suffix: " /32 blocks", words: true, name: "IPv6 /32 address blocks" },
  eflops: { suffix: " EFLOPS", words: false, name: "EFLOPS" },
  ratio: { suffix: "", words: false, name: "ratio" },
  hours: { suffix: " hours", words: false, name: "hours" },
};

function unitStyle(unit) {
  const name = humanize(unit).toLowerCase();
  return UNITS[unit] ?? { suffix: ` ${name}`, words: true, name };
}

/**
 * A large number in words when that stays short: 1108000000 → "1.108 billion", but
 * 33019905 → "33,019,905" rather than "33.019905 million"; 6000 → "6,000".
 */
export function formatNumber(value) {
  const scaled = SCALES.find(([scale]) => Math.abs(value) >= scale);
  if (scaled) {
    const text = plain.format(value / scaled[0]);
    if ((text.split(".")[1] ?? "").length <= 3) return `${text} ${scaled[1]}`;
  }
  return plain.format(value);
}

/** A value in its unit: "78.6%", "1.108 billion", "US$1.53 billion", "more than 6,000 enterprises". */
export function formatValue(value, unit, qualifier = null) {
  const style = unitStyle(unit);
  const number = style.words ? formatNumber(value) : plain.format(value);
  const text = `${style.prefix ?? ""}${number}${style.suffix ?? ""}`;
  return qualifier ? `${qualifier} ${text}` : text;
}

/** A short value for a chart axis: "80%", "1.1B". */
export function formatAxis(value, unit) {
  const style = unitStyle(unit);
  const number = style.words ? compact.format(value) : plain.format(value);
  return unit === "percent" ? `${number}%` : number;
}

/** The unit's name for a caption: "people", "percent". */
export function unitName(unit) {
  return unitStyle(unit).name;
}

/** A period as people say it: "Dec 2024", "2025", "Q1 2025", "Jan–Aug 2024", "31 Dec 2024". */
export function formatPeriod(period) {
  if (period.includes("/")) {
    const [first, last] = period.split("/");
    const a = /^(\d{4})-(\d{2})$/.exec(first);
    const b = /^(\d{4})-(\d{2})$/.exec(last);
    if (a && b && a[1] === b[1]) return `${MONTHS[a[2] - 1]}–${MONTHS[b[2] - 1]} ${a[1]}`;
    return `${formatPeriod(first)} – ${formatPeriod(last)}`;
  }
  let match = /^(\d{4})-Q([1-4])$/.exec(period);
  if (match) return `Q${match[2]} ${match[1]}`;
  match = /^(\d{4})-(\d{2})-(\d{2})/.exec(period);
  if (match) return `${Number(match[3])} ${MONTHS[match[2] - 1]} ${match[1]}`;
  match = /^(\d{4})-(\d{2})$/.exec(period);
  if (match) return `${MONTHS[match[2] - 1]} ${match[1]}`;
  return period;
}

/** A snake_case slug as words: "artificial_intelligence" → "Artificial intelligence". */
export function humanize(slug) {
  const words = slug.replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function dimensionLabel(name, value) {
  const label = valueLabel(name, value);
  if (label) return label;
  if (name === "compared_with") return `vs ${formatPeriod(value)}`;
  if (name === "age_group") return `aged ${value}`;
  return value;
}

/** A breakdown's label in the language chosen: {} → "Total", {area: "rural"} → "rural" (农村). */
export function lineLabel(dimensions) {
  const names = Object.keys(dimensions).sort();
  if (!names.length) return totalLabel();
  return names.map((name) => dimensionLabel(name, dimensions[name])).join(" · ");
}

/** An edition as people say it: 55 → "55th". */
export function ordinal(number) {
  const tens = number % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" }[number % 10] ?? "th");
  return `${number}${suffix}`;
}
