// How a person finds a finding: `12:5` in Markdown, 「段落 12 表3 行5 列2」 in Word.
import type { Location } from "../model/document.js";
import { t, type Locale } from "../i18n/index.js";

/** 「段落 12」: where a Word finding or evidence sits (the paragraph ordinal, else its line). */
export function paragraphLabel(at: { line: number; paragraph?: number | null }, locale: Locale): string {
  return t("cli.where.paragraph", { n: at.paragraph ?? at.line }, locale);
}

/**
 * A finding's message for formats that can only point at lines (github, gitlab, rdjson): a Word
 * position is a paragraph ordinal, not a line, so the message names the paragraph (「[段落 12] …」).
 */
export function withWordParagraph(message: string, format: string | null, loc: Location | undefined, locale: Locale): string {
  return format === "docx" && loc ? `[${paragraphLabel(loc, locale)}] ${message}` : message;
}

/** 「脚注 3」「ヘッダー」, and the body paragraph it hangs on when there is one. */
export function regionLabel(loc: Location, locale: Locale): string {
  const place = t(`report.place.${loc.region}`, { n: loc.note ?? "" }, locale).trim();
  return loc.host !== undefined
    ? t("report.place.host", { place, paragraph: paragraphLabel({ line: loc.host }, locale) }, locale)
    : place;
}

export function describeWhere(loc: Location | undefined, format: string | null, locale: Locale): string {
  if (!loc) return t("cli.where.document", {}, locale);
  const parts: string[] = [];
  if (format === "docx" && loc.region && loc.region !== "body") {
    // Outside the body an ordinal means nothing in Word: say 「脚注 3（段落 12）」 instead.
    parts.push(regionLabel(loc, locale));
  } else if (format === "docx") {
    parts.push(paragraphLabel(loc, locale));
  } else {
    parts.push(`${loc.line}:${loc.column}`);
  }
  if (loc.table) parts.push(t("cli.where.table", { ...loc.table }, locale));
  if (format !== "docx" && loc.region && loc.region !== "body") parts.push(t(`cli.region.${loc.region}`, {}, locale));
  return parts.join(" ");
}

export function describeSection(path: string[] | undefined): string {
  return path && path.length ? path.join(" > ") : "";
}
