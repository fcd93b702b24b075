// Message ids → Japanese and English text. Japanese first; `--locale en` switches.
// Each area keeps its own catalogue file so modules stay independent; this file merges them.
import { docxReaderMessages } from "./readers-docx.js";
import { textReaderMessages } from "./readers-text.js";
import { cliMessages } from "./cli.js";
import { engineMessages } from "./engine.js";
import { configMessages } from "./config.js";
import { annotateMessages } from "./annotate.js";

import type { Catalogue, Params, Locale } from "./catalogue.js";

export type { Catalogue, Locale, MessageText, Params } from "./catalogue.js";

const catalogue: Catalogue = {
  ...docxReaderMessages, ...textReaderMessages, ...cliMessages, ...engineMessages, ...configMessages, ...annotateMessages,
};

/** Replace {name} placeholders; unknown placeholders are left visible so a missing param is noticed. */
export function format(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}

export function t(id: string, params: Params = {}, locale: Locale = "ja"): string {
  const entry = catalogue[id];
  if (!entry) return id + (Object.keys(params).length ? " " + JSON.stringify(params) : "");
  return format(entry[locale], params);
}

export function hasMessage(id: string): boolean {
  return id in catalogue;
}
