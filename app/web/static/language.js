/**
 * The language the explorer names things in: English or Chinese (中文), the reader's choice,
 * kept in the browser (the first time, the browser's own language chooses). Indicator names,
 * descriptions and breakdown labels come from the API in that language (`lang`); codes and
 * the values in a URL are the same in both, so a shared link shows the same view to a reader
 * of either.
 */

import { h, fill } from "./dom.js";

const STORAGE_KEY = "explorer-language";
const LANGUAGES = [
  { code: "en", label: "EN", name: "English" },
  { code: "zh", label: "中文", name: "Chinese" },
];

let current = initialLanguage();
/** Each breakdown value's label in the current language, where it is not the value itself. */
let labels = new Map();

function initialLanguage() {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (LANGUAGES.some((language) => language.code === saved)) return saved;
  } catch {
    // Storage refused (a private window): the browser's language chooses.
  }
  return (navigator.language ?? "").toLowerCase().startsWith("zh") ? "zh" : "en";
}

/** "en" or "zh". */
export function language() {
  return current;
}

/** The catalogue in the current language. */
export function cataloguePath() {
  return `/v1/indicators?lang=${current}`;
}

/** Learn each breakdown value's label from the catalogue's `dimension_labels`. */
export function learnLabels(indicators) {
  labels = new Map();
  for (const indicator of indicators) {
    for (const [name, values] of Object.entries(indicator.dimension_labels ?? {})) {
      for (const [value, label] of Object.entries(values)) {
        if (label !== value) labels.set(`${name}\u0000${value}`, label);
      }
    }
  }
}

/** A breakdown value's label in the current language, or null where it is the value itself. */
export function valueLabel(name, value) {
  return labels.get(`${name}\u0000${value}`) ?? null;
}

/** The label of the headline total. */
export function totalLabel() {
  return current === "zh" ? "合计" : "Total";
}

/** An indicator's name in the other language, and that language: shown under its name. */
export function otherName(indicator) {
  return current === "zh" ? { text: indicator.name_en, lang: "en" } : { text: indicator.name_zh, lang: "zh" };
}

/**
 * A button per language in `host`, the current one pressed; choosing another keeps it and
 * calls `onChange` (which reloads what is shown in it).
 */
export function renderSwitch(host, onChange) {
  const buttons = LANGUAGES.map(({ code, label, name }) => h("button", {
    type: "button",
    lang: code,
    "aria-pressed": String(code === current),
    title: name,
    onclick: () => {
      if (code === current) return;
      current = code;
      try {
        localStorage.setItem(STORAGE_KEY, code);
      } catch {
        // Not kept: this page still shows it.
      }
      for (const button of buttons) button.setAttribute("aria-pressed", String(button.lang === code));
      onChange(code);
    },
  }, label));
  fill(host, buttons);
}
