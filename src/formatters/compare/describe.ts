// Words shared by the compare formatters: where a clause sits in an edition, and what changed.
import type { Comparison, EditionChange, Place } from "../../engine/editions.js";
import { t, type Locale } from "../../i18n/index.js";
import { describeSection, paragraphLabel } from "../where.js";

/** What every compare formatter receives. */
export interface CompareReport {
  tool: { name: string; version: string };
  comparison: Comparison;
}

export interface CompareFormatOptions { locale: Locale; color: boolean }

/** 「spec.docx 段落 22（第2章 … > 1. …）」 or 「spec.md:22（…）」; Word places by paragraph. */
export function describePlace(p: Place | null, locale: Locale, withSection = true): string {
  if (!p) return t("compare.nowhere", {}, locale);
  const where = (p.paragraph !== undefined ? `${p.uri} ${paragraphLabel(p, locale)}` : `${p.uri}:${p.line}`) + (p.label ? ` ${p.label}` : "");
  const section = withSection ? describeSection(p.sectionPath) : "";
  return section ? `${where}（${section}）` : where;
}

/** 「あり → 不足」 or 「ログの保存期間が弱くなりました: 5年間 → 1年間」. */
export function describeChange(c: EditionChange, locale: Locale): string {
  if (c.kind === "status") {
    return t("compare.kind.status", { old: t(`cli.status.${c.old.status}`, {}, locale), new: t(`cli.status.${c.new.status}`, {}, locale) }, locale);
  }
  return t(`compare.kind.${c.kind}`, { label: c.label ?? c.check ?? "", old: c.old.value ?? "", new: c.new.value ?? "" }, locale);
}

export function ruleTitleOf(c: { title: string; titleEn?: string }, locale: Locale): string {
  return locale === "en" && c.titleEn ? c.titleEn : c.title;
}

/** An edition by its first file (the body of a package): 「r7/body.md ほか2件」. */
export function editionName(files: string[], locale: Locale): string {
  return files.length === 1 ? files[0]! : t("compare.andMore", { first: files[0]!, n: files.length - 1 }, locale);
}
