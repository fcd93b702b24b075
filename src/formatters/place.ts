// What a human report says about a finding besides its message: where it is (「文書全体」 for a
// clause found nowhere), the chapter such a clause belongs in, and the words it is about.
import type { Finding, Snippet } from "../model/finding.js";
import { t, type Locale } from "../i18n/index.js";
import { describeSection, describeWhere } from "./where.js";

/** 「段落 12 表1 行2 列3」「脚注 3（段落 12）」, or 「文書全体」 for a clause found nowhere. */
export function describePlace(x: Finding, format: string | null, locale: Locale): string {
  return x.scope === "document" ? t("cli.where.document", {}, locale) : describeWhere(x.location, format, locale);
}

/**
 * The section line: for a whole-document gap the chapter where the clause belongs (a heading of the
 * document, or the rule's name for a chapter the document lacks), else the section path.
 */
export function sectionLine(x: Finding, locale: Locale, path: string[] | undefined = x.sectionPath): string {
  if (x.scope === "document") {
    if (!x.belongsIn) return "";
    const chapter = x.sectionPath?.length ? describeSection(x.sectionPath) : x.belongsIn;
    return t(x.sectionPath?.length ? "report.belongsIn" : "report.belongsInMissing", { chapter }, locale);
  }
  return describeSection(path);
}

/** The snippet as one line, the match between `open` and `close` (「…を【適宜】実施する…」). */
export function snippetText(s: Snippet, open = "", close = ""): string {
  return s.before + (s.match ? open + s.match + close : "") + s.after;
}

/** A snippet worth showing: a whole-document gap has none, nor does an empty block. */
export function shownSnippet(x: Finding): Snippet | undefined {
  const s = x.snippet;
  return s && x.scope !== "document" && (s.before || s.match || s.after) ? s : undefined;
}
