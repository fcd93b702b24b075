// How a person finds a finding: `12:5` in Markdown, 「段落 12 表3 行5 列2」 in Word.
import type { Location } from "../model/document.js";
import { t, type Locale } from "../i18n/index.js";

/** 「段落 12」: where a Word finding or evidence sits (the paragraph ordinal, else its line). */
export function paragraphLabel(at: { line: number; paragraph?: number | null }, locale: Locale): string {
  return t("cli.where.paragraph", { n: at.paragraph ?? at.line }, locale);
}

export function describeWhere(loc: Location | undefined, format: string | null, locale: Locale): string {
  if (!loc) return t("cli.where.document", {}, locale);
  const parts: string[] = [];
  if (format === "docx") {
    parts.push(paragraphLabel(loc, locale));
  } else {
    parts.push(`${loc.line}:${loc.column}`);
  }
  if (loc.table) parts.push(t("cli.where.table", { ...loc.table }, locale));
  if (loc.region && loc.region !== "body") parts.push(t(`cli.region.${loc.region}`, {}, locale));
  return parts.join(" ");
}

export function describeSection(path: string[] | undefined): string {
  return path && path.length ? path.join(" > ") : "";
}
