// A self-contained HTML report for the procurement officer: summary, findings, clause checklist,
// and for Word drafts the draft itself with flagged paragraphs highlighted and linked both ways.
// Everything the report shows comes from untrusted drafts or rulesets, so every value goes through esc().
import type { Coverage, FileResult, Finding } from "../model/finding.js";
import { t, type Locale } from "../i18n/index.js";
import type { FormatOptions, Report, RuleInfo } from "./report.js";
import { ruleTitle, visibleFindings } from "./report.js";
import { describeSection, describeWhere, paragraphLabel } from "./where.js";
import { escapeAttr, escapeXml as esc } from "./xml.js";

const CSS = `
body{font-family:"Hiragino Sans","Yu Gothic","Meiryo","Noto Sans CJK JP","IPAexGothic",sans-serif;margin:2rem;color:#222;line-height:1.6}
table{border-collapse:collapse;margin:.5rem 0 1.5rem;width:100%}th,td{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top;text-align:left;overflow-wrap:anywhere}
th{background:#f3f3f3}.nw{white-space:nowrap}q.evidence{color:#333;font-size:.9em}.num{text-align:right}code{white-space:nowrap}
.sev-error{color:#b00020;font-weight:bold}.sev-warning{color:#9a6700;font-weight:bold}.sev-info{color:#0b5cad}
.st-present{background:#e6f4ea}.st-partial{background:#fff4ce}.st-absent{background:#fde7e9}tr.na{background:#f6f6f6;color:#777}
.tpl{margin:.3rem 0 0}.tpl summary{cursor:pointer;color:#555;font-size:.9em}
.tpl pre{white-space:pre-wrap;font-family:inherit;margin:.2rem 0 0;padding:.4rem .6rem;background:#f7f7f7;border-left:3px solid #888;user-select:all}
.draft{border:1px solid #ccc;padding:1rem 2rem;max-height:60rem;overflow:auto}.draft img{max-width:100%;height:auto}
.draft h1{font-size:1.5em}.draft h2{font-size:1.3em}.draft h3,.draft h4{font-size:1.1em}
.draft p:has(.cl-flag),.draft li:has(.cl-flag),.draft h1:has(.cl-flag),.draft h2:has(.cl-flag),.draft h3:has(.cl-flag),.draft h4:has(.cl-flag),.draft td:has(.cl-flag){background:#fff0b3;outline:2px solid #e0a800}
.cl-flag{font-size:.75rem;font-weight:normal;color:#fff;background:#b00020;border-radius:3px;padding:0 .3em;margin-right:.3em}
.cl-back{font-size:.75rem;font-weight:normal;margin-right:.4em}:target{scroll-margin-top:2rem}tr:target{outline:3px solid #e0a800}
.unreadable{color:#b00020}small{color:#666}
@media print{body{margin:0;font-size:10pt}.draft{max-height:none;overflow:visible;border:0;padding:0}
a{color:inherit;text-decoration:none}tr,pre{break-inside:avoid}section{break-before:page}.tpl summary{display:none}
*{print-color-adjust:exact;-webkit-print-color-adjust:exact}}`;

const STATUS_ORDER = { absent: 0, partial: 1, present: 2 } as const;

type Visible = { finding: Finding; anchor: string };

function header(ids: string[], locale: Locale): string {
  return `<tr>${ids.map((id) => `<th>${esc(t(id, {}, locale))}</th>`).join("")}</tr>`;
}

/** Body paragraphs of a Word draft are anchored in the rendered draft; other regions are not shown there. */
function paragraphOf(f: FileResult, x: Finding): number | null {
  const loc = x.location;
  if (f.format !== "docx" || !loc || (loc.region ?? "body") !== "body") return null;
  return loc.paragraph ?? loc.line;
}

/** Links only to paragraphs the rendered draft anchors: no draft (stdin, render failure) or no alignment, no link. */
function whereCell(f: FileResult, idx: number, x: Finding, anchored: Set<string>, locale: Locale): string {
  const text = esc(describeWhere(x.location, f.format, locale));
  const n = paragraphOf(f, x);
  const where = n === null || !anchored.has(`f${idx}-p${n}`) ? `<span class="nw">${text}</span>` : `<a class="nw" href="#f${idx}-p${n}">${text}</a>`;
  const section = describeSection(x.sectionPath);
  return where + (section ? `<br><small>${esc(section)}</small>` : "");
}

function messageCell(x: Finding, rule: RuleInfo | undefined, locale: Locale): string {
  const source = x.source ?? rule?.source;
  const template = x.suggestion ?? rule?.suggestion;
  return esc(x.message)
    + (source ? `<br><small>${esc(t("cli.html.source", { text: source }, locale))}</small>` : "")
    + (template ? `<details class="tpl" open><summary>${esc(t("cli.html.template", {}, locale))}</summary><pre>${esc(template)}</pre></details>` : "");
}

function findingsTable(f: FileResult, idx: number, shown: Visible[], anchored: Set<string>, rules: Map<string, RuleInfo>, locale: Locale): string {
  if (!shown.length) return `<p>${esc(t("cli.html.noFindings", {}, locale))}</p>`;
  const rows = shown.map(({ finding: x, anchor }) => {
    const rule = rules.get(x.ruleId);
    const title = ruleTitle(rule, locale);
    return `<tr id="${anchor}"><td class="nw sev-${x.severity}">${esc(t(`cli.severity.${x.severity}`, {}, locale))}</td>`
      + `<td><code>${esc(x.ruleId)}</code>${title ? `<br>${esc(title)}` : ""}</td>`
      + `<td>${whereCell(f, idx, x, anchored, locale)}</td><td>${messageCell(x, rule, locale)}</td></tr>`;
  });
  return `<table class="findings">${header(["cli.html.col.severity", "cli.html.col.rule", "cli.html.col.where", "cli.html.col.message"], locale)}\n`
    + `${rows.join("\n")}</table>`;
}

function evidenceText(f: FileResult, c: Coverage, locale: Locale): string {
  if (!c.evidence) return "";
  const where = f.format === "docx"
    ? esc(paragraphLabel(c.evidence, locale))
    : esc(t("cli.html.line", { n: c.evidence.line }, locale));
  return c.evidence.text ? `${where}<br><q class="evidence">${esc(c.evidence.text)}</q>` : where;
}

/** Why a clause is partial or absent, as an officer reads it (elements missing, excluded, title only …). */
function reasonText(c: Coverage, locale: Locale): string {
  if (c.status === "present" || !c.why) return "";
  return esc(t(`cli.why.${c.why}`, {}, locale));
}

function coverageTable(f: FileResult, rules: Map<string, RuleInfo>, locale: Locale): string {
  const entries = Object.entries(f.coverage);
  if (!entries.length) return "";
  // What needs work first: applicable gaps, then applicable clauses found, then rules that do not apply.
  entries.sort(([a, x], [b, y]) => Number(y.applies) - Number(x.applies)
    || STATUS_ORDER[x.status] - STATUS_ORDER[y.status] || (a < b ? -1 : a > b ? 1 : 0));
  const applying = entries.filter(([, c]) => c.applies);
  const count = (s: Coverage["status"]) => applying.filter(([, c]) => c.status === s).length;
  const sep = locale === "en" ? ", " : "、";
  const rows = entries.map(([id, c]) => `<tr class="st-${c.status}${c.applies ? "" : " na"}"><td><code>${esc(id)}</code></td>`
    + `<td>${esc(ruleTitle(rules.get(id), locale))}</td><td class="nw">${esc(t(`cli.status.${c.status}`, {}, locale))}</td>`
    + `<td class="nw">${esc(t(c.applies ? "cli.html.yes" : "cli.html.no", {}, locale))}</td>`
    + `<td>${[reasonText(c, locale), esc(c.missing.join(sep))].filter(Boolean).join("<br>")}</td><td>${evidenceText(f, c, locale)}</td></tr>`);
  return `<h3>${esc(t("cli.html.coverage", {}, locale))}</h3><p>`
    + esc(t("cli.html.coverageCounts", { applies: applying.length, present: count("present"), partial: count("partial"),
      absent: count("absent"), na: entries.length - applying.length }, locale)) + `</p>`
    + `<table class="coverage">${header(["cli.html.col.rule", "cli.html.col.title", "cli.html.col.status", "cli.html.col.applies",
      "cli.html.col.missing", "cli.html.col.evidence"], locale)}\n${rows.join("\n")}</table>`;
}

/** The paragraph flag: an anchor target, then one back-link per finding on that paragraph. */
function flagRenderer(idx: number, shown: Visible[], f: FileResult): (n: number) => string {
  const byParagraph = new Map<number, Visible[]>();
  for (const v of shown) {
    const n = paragraphOf(f, v.finding);
    if (n !== null) byParagraph.set(n, [...(byParagraph.get(n) ?? []), v]);
  }
  return (n) => `<span class="cl-flag" id="f${idx}-p${n}">¶${n}</span>`
    + (byParagraph.get(n) ?? []).map(({ finding: x, anchor }) =>
      `<a class="cl-back sev-${x.severity}" href="#${anchor}" title="${escapeAttr(x.message)}">${esc(x.ruleId)}</a>`).join("");
}

async function draft(f: FileResult, idx: number, shown: Visible[], opts: FormatOptions): Promise<string> {
  if (f.format !== "docx" || f.error || !opts.readSource) return "";
  const bytes = await opts.readSource(f.uri);
  if (!bytes) return "";
  const flagged = new Set<number>();
  for (const v of shown) { const n = paragraphOf(f, v.finding); if (n !== null) flagged.add(n); }
  const title = `<h3>${esc(t("cli.html.draft", {}, opts.locale))}</h3>`;
  try {
    const { renderDocxHtml } = await import("./docx-html.js");
    const { readSpec } = await import("../readers/index.js");
    const doc = await readSpec(bytes, f.uri);
    const ours = doc.blocks.filter((b) => b.region === "body")
      .map((b) => ({ ordinal: b.location.paragraph ?? b.location.line, text: b.text, label: b.label }));
    return `${title}<div class="draft">${await renderDocxHtml(bytes, ours, flagged, `f${idx}-`, flagRenderer(idx, shown, f))}</div>`;
  } catch (e) {
    return `${title}<p class="unreadable">${esc(t("cli.html.draftUnavailable", { message: (e as Error).message }, opts.locale))}</p>`;
  }
}

function summaryTable(report: Report, shown: Visible[][], locale: Locale): string {
  const rows = report.files.map((f, i) => {
    const link = `<td><a href="#f${i}">${esc(f.uri)}</a></td>`;
    if (f.error) return `<tr>${link}<td colspan="4" class="unreadable">${esc(f.error.message)} [${esc(f.error.code)}]</td></tr>`;
    const n = (sev: Finding["severity"]) => shown[i]!.filter((v) => v.finding.severity === sev).length;
    const applying = Object.values(f.coverage).filter((c) => c.applies);
    const gaps = applying.length
      ? t("cli.html.gaps", { absent: applying.filter((c) => c.status === "absent").length,
        partial: applying.filter((c) => c.status === "partial").length, applies: applying.length }, locale)
      : "";
    return `<tr>${link}<td class="num sev-error">${n("error")}</td><td class="num sev-warning">${n("warning")}</td>`
      + `<td class="num sev-info">${n("info")}</td><td>${esc(gaps)}</td></tr>`;
  });
  return `<table class="files">${header(["cli.html.col.file", "cli.html.col.errors", "cli.html.col.warnings", "cli.html.col.infos",
    "cli.html.col.gaps"], locale)}\n${rows.join("\n")}</table>`;
}

export async function formatHtml(report: Report, opts: FormatOptions): Promise<string> {
  const { locale } = opts;
  const rules = new Map(report.rules.map((r) => [r.id, r]));
  const shown = report.files.map((f, i) => visibleFindings(f, opts.quiet).map((finding, k) => ({ finding, anchor: `f${i}-x${k + 1}` })));
  const s = report.summary;
  const parts: string[] = [];
  parts.push(`<!DOCTYPE html>\n<html lang="${locale}"><head><meta charset="utf-8">`
    + `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">`
    + `<meta name="viewport" content="width=device-width,initial-scale=1">`
    + `<title>${esc(t("cli.html.title", {}, locale))}</title><style>${CSS}</style></head><body>`);
  parts.push(`<h1>${esc(t("cli.html.title", {}, locale))}</h1>`);
  parts.push(`<h2>${esc(t("cli.html.summary", {}, locale))}</h2><p>`
    + esc(t("cli.stylish.summary", { files: s.files, errors: s.errors, warnings: s.warnings, infos: s.infos }, locale))
    + (s.suppressed ? esc(t("cli.stylish.summarySuppressed", { n: s.suppressed }, locale)) : "")
    + (s.unreadable ? `<br><span class="unreadable">${esc(t("cli.stylish.summaryUnreadable", { n: s.unreadable }, locale))}</span>` : "")
    + `</p>` + summaryTable(report, shown, locale));
  if (report.packages || report.suggestedPackages) parts.push((await import("./package-view.js")).htmlPackageView(report, locale));
  for (const [i, f] of report.files.entries()) {
    parts.push(`<section id="f${i}"><h2>${esc(f.uri)}</h2>`);
    if (f.error) {
      parts.push(`<p class="unreadable">${esc(t("cli.stylish.unreadable", { file: f.uri, code: f.error.code, message: f.error.message }, locale))}</p></section>`);
      continue;
    }
    const rendered = await draft(f, i, shown[i]!, opts);
    const anchored = new Set([...rendered.matchAll(/ id="(f\d+-p\d+)"/g)].map((m) => m[1]!));
    parts.push(`<h3>${esc(t("cli.html.findings", {}, locale))}</h3>`, findingsTable(f, i, shown[i]!, anchored, rules, locale));
    parts.push(coverageTable(f, rules, locale), rendered, `</section>`);
  }
  parts.push(`<footer><small>${esc(t("cli.html.generated", { tool: report.tool.name, version: report.tool.version }, locale))}</small></footer></body></html>`);
  return parts.join("\n") + "\n";
}
