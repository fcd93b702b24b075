// A self-contained HTML report for the procurement officer: summary, findings, clause checklist,
// and for Word drafts the draft itself with flagged paragraphs highlighted and linked.
import type { FileResult } from "../model/finding.js";
import { t, type Locale } from "../i18n/index.js";
import type { FormatOptions, Report, RuleInfo } from "./report.js";
import { ruleTitle, visibleFindings } from "./report.js";
import { describeSection, describeWhere } from "./where.js";
import { escapeXml as esc } from "./xml.js";

const CSS = `
body{font-family:"Hiragino Sans","Yu Gothic","Meiryo",sans-serif;margin:2rem;color:#222;line-height:1.6}
table{border-collapse:collapse;margin:.5rem 0 1.5rem;width:100%}th,td{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top;text-align:left}
th{background:#f3f3f3}.sev-error{color:#b00020;font-weight:bold}.sev-warning{color:#9a6700;font-weight:bold}.sev-info{color:#0b5cad}
.st-present{background:#e6f4ea}.st-partial{background:#fff4ce}.st-absent{background:#fde7e9}
.draft{border:1px solid #ccc;padding:1rem 2rem;max-height:60rem;overflow:auto}
.draft p:has(.cl-flag),.draft li:has(.cl-flag),.draft h1:has(.cl-flag),.draft h2:has(.cl-flag),.draft h3:has(.cl-flag),.draft td:has(.cl-flag){background:#fff0b3;outline:2px solid #e0a800}
.cl-flag{font-size:.75em;color:#fff;background:#b00020;border-radius:3px;padding:0 .3em;margin-right:.4em}
.unreadable{color:#b00020}small{color:#666}`;

function where(f: FileResult, idx: number, loc: FileResult["findings"][number]["location"], locale: Locale): string {
  const text = esc(describeWhere(loc, f.format, locale));
  if (f.format === "docx" && loc && (loc.region ?? "body") === "body") {
    return `<a href="#f${idx}-p${loc.paragraph ?? loc.line}">${text}</a>`;
  }
  return text;
}

function findingsTable(f: FileResult, idx: number, opts: FormatOptions): string {
  const { locale } = opts;
  const rows = visibleFindings(f, opts.quiet).map((x) => `<tr><td class="sev-${x.severity}">${esc(t(`cli.severity.${x.severity}`, {}, locale))}</td>`
    + `<td><code>${esc(x.ruleId)}</code></td><td>${where(f, idx, x.location, locale)}</td>`
    + `<td>${esc(describeSection(x.sectionPath))}</td><td>${esc(x.message)}`
    + (x.suggestion ? `<br><small>${esc(t("cli.stylish.suggestion", { text: x.suggestion }, locale))}</small>` : "")
    + `</td></tr>`);
  if (!rows.length) return `<p>${esc(t("cli.html.noFindings", {}, locale))}</p>`;
  const h = (id: string) => `<th>${esc(t(id, {}, locale))}</th>`;
  return `<table><tr>${h("cli.html.col.severity")}${h("cli.html.col.rule")}${h("cli.html.col.where")}`
    + `${h("cli.html.col.section")}${h("cli.html.col.message")}</tr>\n${rows.join("\n")}</table>`;
}

function coverageTable(f: FileResult, rules: Map<string, RuleInfo>, locale: Locale): string {
  const ids = Object.keys(f.coverage).sort();
  if (!ids.length) return "";
  const h = (id: string) => `<th>${esc(t(id, {}, locale))}</th>`;
  const rows = ids.map((id) => {
    const c = f.coverage[id];
    return `<tr class="st-${c.status}"><td><code>${esc(id)}</code></td><td>${esc(ruleTitle(rules.get(id), locale))}</td>`
      + `<td>${esc(t(`cli.status.${c.status}`, {}, locale))}</td>`
      + `<td>${esc(t(c.applies ? "cli.html.yes" : "cli.html.no", {}, locale))}</td><td>${esc(c.missing.join("、"))}</td></tr>`;
  });
  return `<h3>${esc(t("cli.html.coverage", {}, locale))}</h3><table><tr>${h("cli.html.col.rule")}${h("cli.html.col.title")}`
    + `${h("cli.html.col.status")}${h("cli.html.col.applies")}${h("cli.html.col.missing")}</tr>\n${rows.join("\n")}</table>`;
}

async function draft(f: FileResult, idx: number, opts: FormatOptions): Promise<string> {
  if (f.format !== "docx" || f.error || !opts.readSource) return "";
  const bytes = await opts.readSource(f.uri);
  if (!bytes) return "";
  const flagged = new Set<number>();
  for (const x of visibleFindings(f, opts.quiet)) {
    if (x.location && (x.location.region ?? "body") === "body") flagged.add(x.location.paragraph ?? x.location.line);
  }
  const title = `<h3>${esc(t("cli.html.draft", {}, opts.locale))}</h3>`;
  try {
    const { renderDocxHtml } = await import("./docx-html.js");
    const { readSpec } = await import("../readers/index.js");
    const doc = await readSpec(bytes, f.uri);
    const ours = doc.blocks.filter((b) => b.region === "body")
      .map((b) => ({ ordinal: b.location.paragraph ?? b.location.line, text: b.text }));
    return `${title}<div class="draft">${await renderDocxHtml(bytes, ours, flagged, `f${idx}-`)}</div>`;
  } catch (e) {
    return `${title}<p class="unreadable">${esc(t("cli.html.draftUnavailable", { message: (e as Error).message }, opts.locale))}</p>`;
  }
}

export async function formatHtml(report: Report, opts: FormatOptions): Promise<string> {
  const { locale } = opts;
  const rules = new Map(report.rules.map((r) => [r.id, r]));
  const s = report.summary;
  const parts: string[] = [];
  parts.push(`<!DOCTYPE html>\n<html lang="${locale}"><head><meta charset="utf-8">`
    + `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`
    + `<title>${esc(t("cli.html.title", {}, locale))}</title><style>${CSS}</style></head><body>`);
  parts.push(`<h1>${esc(t("cli.html.title", {}, locale))}</h1>`);
  parts.push(`<h2>${esc(t("cli.html.summary", {}, locale))}</h2><p>`
    + esc(t("cli.stylish.summary", { files: s.files, errors: s.errors, warnings: s.warnings, infos: s.infos }, locale))
    + (s.suppressed ? esc(t("cli.stylish.summarySuppressed", { n: s.suppressed }, locale)) : "")
    + (s.unreadable ? `<br><span class="unreadable">${esc(t("cli.stylish.summaryUnreadable", { n: s.unreadable }, locale))}</span>` : "")
    + `</p><ul>`
    + report.files.map((f, i) => `<li><a href="#f${i}">${esc(f.uri)}</a></li>`).join("") + `</ul>`);
  for (const [i, f] of report.files.entries()) {
    parts.push(`<section id="f${i}"><h2>${esc(f.uri)}</h2>`);
    if (f.error) {
      parts.push(`<p class="unreadable">${esc(t("cli.stylish.unreadable", { file: f.uri, code: f.error.code, message: f.error.message }, locale))}</p></section>`);
      continue;
    }
    parts.push(`<h3>${esc(t("cli.html.findings", {}, locale))}</h3>`, findingsTable(f, i, opts));
    parts.push(coverageTable(f, rules, locale));
    parts.push(await draft(f, i, opts), `</section>`);
  }
  parts.push(`<footer><small>${esc(t("cli.html.generated", { tool: report.tool.name, version: report.tool.version }, locale))}</small></footer></body></html>`);
  return parts.join("\n") + "\n";
}
