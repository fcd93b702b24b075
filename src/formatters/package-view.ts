// The package view every format shows when a run judged packages: per clause rule the status over
// the package and the file and place that satisfy it; and the folders offered as packages.
// Kept apart from the per-file formatters, which call in here with one line each.
import type { Coverage } from "../model/finding.js";
import { t, type Locale } from "../i18n/index.js";
import type { PackageReport, Report, SuggestedPackage } from "./report.js";
import { ruleTitle } from "./report.js";
import { compareCoverage, STATUS_ORDER } from "../model/order.js";
import type { Paint } from "./paint.js";
import { describeSection, paragraphLabel } from "./where.js";
import { escapeAttr, escapeXml as esc } from "./xml.js";


export interface PackageRow { id: string; title: string; coverage: Coverage; where: string }

/**
 * 「別紙1.docx 段落 3 1.（別紙1 … > 1. インシデントへの対処）」 or 「要件定義書.md:12（…）」: the file and
 * place a clause judgement rests on, with Word's numbering and the chapter, as the file's reader finds it.
 */
function evidenceWhere(report: Report, pkg: PackageReport, c: Coverage, locale: Locale): string {
  if (!c.evidence) return "";
  const e = c.evidence;
  const uri = e.uri ?? pkg.files[0]!;
  const docx = report.files.find((f) => f.uri === uri)?.format === "docx";
  const section = describeSection(e.sectionPath);
  return (docx ? `${uri} ${paragraphLabel(e, locale)}` : `${uri}:${e.line}`) + (e.label ? ` ${e.label}` : "") + (section ? `（${section}）` : "");
}

/** Applicable clause rules first, gaps before clauses found, then by rule id. */
export function packageRows(report: Report, pkg: PackageReport, locale: Locale): PackageRow[] {
  const rules = new Map(report.rules.map((r) => [r.id, r]));
  return Object.entries(pkg.coverage)
    .sort(compareCoverage)
    .map(([id, c]) => ({ id, title: ruleTitle(rules.get(id), locale), coverage: c, where: evidenceWhere(report, pkg, c, locale) }));
}

function counts(rows: PackageRow[], locale: Locale): string {
  const applying = rows.filter((r) => r.coverage.applies);
  const n = (s: Coverage["status"]) => applying.filter((r) => r.coverage.status === s).length;
  return t("package.counts", { applies: applying.length, present: n("present"), partial: n("partial"), absent: n("absent"), na: rows.length - applying.length }, locale);
}

function heading(pkg: PackageReport, locale: Locale): string {
  return t("package.heading", { name: pkg.name, n: pkg.files.length, files: pkg.files.join(", ") }, locale);
}

export function suggestionText(s: SuggestedPackage, locale: Locale): string {
  const links = s.links.map((l) => t("package.link", l, locale)).join(locale === "en" ? ", " : "、");
  return t("package.suggested", { folder: s.folder, files: s.files.join(" "), links }, locale);
}

/** Stylish: each package's applicable clauses with where they are satisfied, then any suggestions. */
export function stylishPackageView(report: Report, p: Paint, locale: Locale): string[] {
  const out: string[] = [];
  for (const pkg of report.packages ?? []) {
    const rows = packageRows(report, pkg, locale);
    out.push(p.underline(heading(pkg, locale)));
    // What the package holds, and where (clauses found first); the absent ones in one line.
    const applying = rows.filter((x) => x.coverage.applies);
    const found = applying.filter((x) => x.coverage.status !== "absent")
      .sort((a, b) => STATUS_ORDER[b.coverage.status] - STATUS_ORDER[a.coverage.status] || (a.id < b.id ? -1 : 1));
    for (const r of found) {
      const word = t(`cli.status.${r.coverage.status}`, {}, locale);
      out.push(`  ${r.coverage.status === "present" ? p.green(word) : p.yellow(word)}  ${p.dim(r.id)}  ${r.title}${r.where ? `  ${r.where}` : ""}`);
    }
    const absent = applying.filter((x) => x.coverage.status === "absent").map((x) => x.id).sort();
    if (absent.length) out.push(`  ${p.red(t("cli.status.absent", {}, locale))}  ${absent.join(", ")}`);
    out.push("  " + counts(rows, locale), "");
  }
  for (const s of report.suggestedPackages ?? []) out.push(p.yellow(suggestionText(s, locale)), "");
  return out;
}

/** HTML: a section per package (clause table with the satisfying file), and the suggestions. */
export function htmlPackageView(report: Report, locale: Locale): string {
  const parts: string[] = [];
  const th = (ids: string[]) => `<tr>${ids.map((id) => `<th>${esc(t(id, {}, locale))}</th>`).join("")}</tr>`;
  if (report.packages?.length) {
    parts.push(`<h2>${esc(t("package.html.title", {}, locale))}</h2>`);
    for (const pkg of report.packages) {
      const rows = packageRows(report, pkg, locale);
      parts.push(`<h3>${esc(heading(pkg, locale))}</h3><p>${esc(counts(rows, locale))}</p>`);
      parts.push(`<table class="package">${th(["cli.html.col.rule", "cli.html.col.title", "cli.html.col.status", "cli.html.col.applies", "package.html.col.file"])}\n`
        + rows.map((r) => `<tr class="st-${r.coverage.status}${r.coverage.applies ? "" : " na"}"><td><code>${esc(r.id)}</code></td><td>${esc(r.title)}</td>`
          + `<td class="nw">${esc(t(`cli.status.${r.coverage.status}`, {}, locale))}</td><td class="nw">${esc(t(r.coverage.applies ? "cli.html.yes" : "cli.html.no", {}, locale))}</td>`
          + `<td>${esc(r.where)}${r.coverage.evidence?.text ? `<br><q class="evidence">${esc(r.coverage.evidence.text)}</q>` : ""}</td></tr>`).join("\n")
        + `</table>`);
    }
  }
  if (report.suggestedPackages?.length) {
    parts.push(`<h2>${esc(t("package.html.suggested", {}, locale))}</h2>`
      + report.suggestedPackages.map((s) => `<p>${esc(suggestionText(s, locale))}</p>`).join("\n"));
  }
  return parts.join("\n");
}

/** JUnit: a testsuite per package, a testcase per applicable clause rule (partial or absent fails). */
export function junitPackageSuites(report: Report, locale: Locale): { suites: string[]; tests: number; failures: number } {
  const suites: string[] = [];
  let tests = 0; let failures = 0;
  for (const pkg of report.packages ?? []) {
    const rows = packageRows(report, pkg, locale).filter((r) => r.coverage.applies);
    const failed = rows.filter((r) => r.coverage.status !== "present");
    tests += rows.length; failures += failed.length;
    const cases = rows.map((r) => {
      const open = `    <testcase name="${escapeAttr(t("package.junit.case", { id: r.id, title: r.title }, locale))}" classname="${escapeAttr(pkg.name)}"`;
      if (r.coverage.status === "present") return `${open}><system-out>${esc(r.where)}</system-out></testcase>`;
      const status = t(`cli.status.${r.coverage.status}`, {}, locale);
      return `${open}>\n      <failure type="${escapeAttr(r.coverage.status)}" message="${escapeAttr(`${status}: ${r.title}`)}">${esc(r.where)}</failure>\n    </testcase>`;
    });
    suites.push(`  <testsuite name="${escapeAttr(heading(pkg, locale))}" tests="${rows.length}" failures="${failed.length}" errors="0">\n${cases.join("\n")}\n  </testsuite>`);
  }
  return { suites, tests, failures };
}

/** JSON (and SARIF's property bag): packages with per-rule coverage, evidence naming the file. */
export function jsonPackageView(report: Report): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (report.packages?.length) {
    out.packages = report.packages.map((pkg) => ({
      name: pkg.name, files: [...pkg.files],
      coverage: Object.fromEntries(Object.keys(pkg.coverage).sort().map((id) => {
        const c = pkg.coverage[id]!;
        return [id, {
          status: c.status, applies: c.applies, missing: [...c.missing], why: c.status === "present" ? null : c.why ?? null,
          evidence: c.evidence ? {
            uri: c.evidence.uri ?? pkg.files[0], line: c.evidence.line, paragraph: c.evidence.paragraph ?? null,
            label: c.evidence.label ?? null, sectionPath: [...c.evidence.sectionPath ?? []], text: c.evidence.text ?? null,
          } : null,
        }];
      })),
    }));
  }
  if (report.suggestedPackages?.length) {
    out.suggestedPackages = report.suggestedPackages.map((s) => ({ folder: s.folder, files: [...s.files], links: s.links.map((l) => ({ ...l })) }));
  }
  return out;
}
