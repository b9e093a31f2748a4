/**
 * A chart as a file to keep: SVG, or PNG drawn from that SVG, with the chart's title, its
 * unit and where its figures come from written on it.
 *
 * The page styles its charts from the style sheet; a file has no style sheet, so each
 * element's computed style is written onto it as presentation attributes (fill="…"), which
 * any SVG reader understands. The PNG is that SVG drawn onto a canvas through an <img> of a
 * blob: URL, which the page's Content-Security-Policy allows as an image source.
 */

import { h, s } from "./dom.js";

/** The styles that decide how an SVG chart looks, written as presentation attributes. */
const PRESENTATION = [
  "fill", "fill-opacity", "stroke", "stroke-width", "stroke-dasharray", "stroke-linejoin",
  "stroke-linecap", "stroke-opacity", "opacity", "font-family", "font-size", "font-weight",
  "font-style",
];
const PADDING = 16;
const TITLE_SIZE = 16;
const TEXT_SIZE = 12;
const LINE_HEIGHT = 18;
const PNG_SCALE = 2;

/** Editions as runs: [41, 42, 43, 47] → "41–43, 47". */
function editionRuns(editions) {
  const runs = [];
  for (const edition of [...new Set(editions)].sort((a, b) => a - b)) {
    const run = runs.at(-1);
    if (run && edition === run[1] + 1) run[1] = edition;
    else runs.push([edition, edition]);
  }
  return runs.map(([first, last]) => (first === last ? String(first) : `${first}–${last}`)).join(", ");
}

/**
 * The lines that say where a chart's figures come from, given the editions of the reports
 * that give them: "Source: CNNIC, Statistical Reports on China's Internet Development,
 * editions 41–57", then the service it was drawn by, with its address.
 */
export function sourceLines(editions) {
  const which = new Set(editions).size === 1 ? `edition ${editions[0]}` : `editions ${editionRuns(editions)}`;
  return [
    `Source: CNNIC, Statistical Reports on China's Internet Development, ${which}`,
    `via China internet statistics, ${location.origin}/`,
  ];
}

/**
 * `clone` with the computed style of each element of `original` (the same tree) as
 * attributes: those it does not inherit from its parent as they are, and an opacity below 1.
 */
function inlineStyles(original, clone) {
  const sources = [original, ...original.querySelectorAll("*")];
  const targets = [clone, ...clone.querySelectorAll("*")];
  const styles = new Map(sources.map((source) => [source, getComputedStyle(source)]));
  sources.forEach((source, index) => {
    const computed = styles.get(source);
    const parent = index ? styles.get(source.parentNode) : null;
    const target = targets[index];
    for (const property of PRESENTATION) {
      const value = computed.getPropertyValue(property);
      const implied = property === "opacity" ? value === "1" : parent?.getPropertyValue(property) === value;
      if (value && !implied) target.setAttribute(property, value.replaceAll("px", ""));
    }
    target.removeAttribute("class");
  });
  return clone;
}

function text(x, y, content, attributes = {}) {
  return s("text", { x, y, "font-family": "sans-serif", "font-size": TEXT_SIZE, fill: "#556070", ...attributes }, content);
}

/**
 * The SVG document of the chart `svg` on the page, under `title` and `subtitle` (what is
 * drawn and in which unit) and over `source` (lines saying where the figures come from):
 * `{text, width, height}`.
 */
export function chartSvgFile(svg, { title, subtitle, source }) {
  const width = Number(svg.getAttribute("width"));
  const chartHeight = Number(svg.getAttribute("height"));
  const top = PADDING + TITLE_SIZE + 6 + LINE_HEIGHT + 8;
  const sourceTop = top + chartHeight + 12;
  const height = sourceTop + source.length * LINE_HEIGHT + PADDING - 6;
  const chart = inlineStyles(svg, svg.cloneNode(true));
  for (const attribute of ["role", "aria-label", "style"]) chart.removeAttribute(attribute);
  chart.setAttribute("x", PADDING);
  chart.setAttribute("y", top);
  chart.setAttribute("overflow", "visible");
  // Made in the SVG namespace, the root is written with its xmlns.
  const file = s("svg", { width: width + 2 * PADDING, height, viewBox: `0 0 ${width + 2 * PADDING} ${height}` },
  s("title", {}, title),
  s("desc", {}, [subtitle, ...source].join("\n")),
  s("rect", { width: "100%", height: "100%", fill: "#ffffff" }),
  text(PADDING, PADDING + TITLE_SIZE, title, { "font-size": TITLE_SIZE, "font-weight": 700, fill: "#1b2330" }),
  text(PADDING, PADDING + TITLE_SIZE + 6 + TEXT_SIZE, subtitle),
  chart,
  source.map((line, index) => text(PADDING, sourceTop + TEXT_SIZE + index * LINE_HEIGHT, line, { "font-size": 11 })));
  return { text: new XMLSerializer().serializeToString(file), width: width + 2 * PADDING, height };
}

/** The PNG of an SVG document (`chartSvgFile`'s answer), at twice its size for sharp screens. */
export async function svgToPng({ text: svgText, width, height }) {
  const url = URL.createObjectURL(new Blob([svgText], { type: "image/svg+xml" }));
  try {
    const image = new Image(width, height);
    image.src = url;
    await image.decode();
    const canvas = h("canvas", { width: width * PNG_SCALE, height: height * PNG_SCALE });
    const context = canvas.getContext("2d");
    context.scale(PNG_SCALE, PNG_SCALE);
    context.drawImage(image, 0, 0, width, height);
    return await new Promise((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("The chart could not be drawn as PNG."))), "image/png"));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Offer `blob` to be saved as `filename`. */
export function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = h("a", { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Make `svgButton` and `pngButton` save the chart `describe()` gives: `{svg, title, subtitle,
 * source, filename}` (a name without extension), or null when no chart is drawn. A failure
 * goes to `onError`.
 */
export function wireDownloads(svgButton, pngButton, describe, onError) {
  svgButton.addEventListener("click", () => {
    const chart = describe();
    if (!chart) return;
    const file = chartSvgFile(chart.svg, chart);
    saveBlob(new Blob([file.text], { type: "image/svg+xml" }), `${chart.filename}.svg`);
  });
  pngButton.addEventListener("click", () => {
    const chart = describe();
    if (!chart) return;
    svgToPng(chartSvgFile(chart.svg, chart))
      .then((blob) => saveBlob(blob, `${chart.filename}.png`))
      .catch(onError);
  });
}
