// compare --format html: a page an officer can attach to the review of a new edition — what it lost,
// what it gained, and every clause's status in both. Every value is escaped: drafts are untrusted.
import type { ClauseState, EditionChange } from "../../engine/editions.js";
import { t, type Locale } from "../../i18n/index.js";
import { escapeXml as esc } from "../xml.js";
import { describeChange, describePlace, editionName, ruleTitleOf, type CompareFormatOptions, type CompareReport } from "./describe.js";

const CSS = `body{font-family:"Hiragino Sans","Yu Gothic","Meiryo","Noto Sans CJK JP","IPAexGothic",sans-serif;margin:2rem;color:#222;line-height:1.6}
table{border-collapse:collapse;margin:.5rem 0 1.5rem;width:100%}th,td{border:1px solid #ccc;padding:.3rem .5rem;vertical-align:top;text-align:left;overflow-wrap:anywhere}
th{background:#f3f3f3}.sev-error{color:#b00020;font-weight:bold}.sev-warning{color:#9a6700;font-weight:bold}.sev-info{color:#0b5cad}
tr.regression{background:#fde7e9}tr.improvement{background:#e6f4ea}.st-present{background:#e6f4ea}.st-partial{background:#fff4ce}.st-absent{background:#fde7e9}
q{color:#333;font-size:.9em}small{color:#666}`;

function header(ids: string[], locale: Locale): string {
  return `<tr>${ids.map((id) => `<th>${esc(t(id, {}, locale))}</th>`).join("")}</tr>`;
}

function changeRow(c: EditionChange, locale: Locale): string {
  return `<tr class="${c.direction}"><td>${esc(t(`compare.direction.${c.direction}`, {}, locale))}</td>`
    + `<td><span class="sev-${c.severity}">${esc(t(`cli.severity.${c.severity}`, {}, locale))}</span> <code>${esc(c.ruleId)}</code><br>${esc(ruleTitleOf(c, locale))}</td>`
    + `<td>${esc(describeChange(c, locale))}</td><td>${esc(describePlace(c.old.place, locale))}</td><td>${esc(describePlace(c.new.place, locale))}</td></tr>`;
}

function stateCell(s: ClauseState | null, locale: Locale): string {
  if (!s) return "<td></td>";
  const text = s.place?.text ? `<br><q>${esc(s.place.text)}</q>` : "";
  return `<td class="st-${s.status}">${esc(t(`cli.status.${s.status}`, {}, locale))}<br><small>${esc(describePlace(s.place, locale))}</small>${text}</td>`;
}

export function formatCompareHtml(report: CompareReport, opts: CompareFormatOptions): string {
  const { locale } = opts;
  const c = report.comparison;
  const title = t("compare.title", { old: editionName(c.old.files, locale), new: editionName(c.new.files, locale) }, locale);
  const summary = t("compare.summary", {
    regressions: c.summary.regressions, errors: c.summary.errorRegressions, improvements: c.summary.improvements, clauses: c.clauses.length,
  }, locale);
  const changes = c.changes.length
    ? `<table>${header(["compare.html.col.change", "compare.html.col.rule", "compare.html.col.what", "compare.html.col.old", "compare.html.col.new"], locale)}\n${c.changes.map((x) => changeRow(x, locale)).join("\n")}</table>`
    : `<p>${esc(t("compare.none", {}, locale))}</p>`;
  const clauses = c.clauses.map((r) => `<tr><td><code>${esc(r.ruleId)}</code><br>${esc(ruleTitleOf(r, locale))}</td>${stateCell(r.old, locale)}${stateCell(r.new, locale)}</tr>`);
  const thresholds = c.thresholds.map((r) => `<tr><td><code>${esc(r.ruleId)}</code><br>${esc(r.label)}（${esc(r.bound)}）</td>`
    + [r.old, r.new].map((s) => `<td>${esc(s?.value?.text ?? t("compare.nowhere", {}, locale))}<br><small>${esc(describePlace(s?.value?.place ?? s?.clause ?? null, locale))}</small></td>`).join("") + "</tr>");
  return `<!DOCTYPE html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${esc(t("compare.html.title", {}, locale))}</title><style>${CSS}</style></head>
<body>
<h1>${esc(title)}</h1>
<p>${esc(summary)}</p>
<h2>${esc(t("compare.html.changes", {}, locale))}</h2>
${changes}
<h2>${esc(t("compare.html.clauses", {}, locale))}</h2>
<table>${header(["compare.html.col.rule", "compare.html.col.old", "compare.html.col.new"], locale)}
${clauses.join("\n")}</table>
<h2>${esc(t("compare.html.thresholds", {}, locale))}</h2>
<table>${header(["compare.html.col.rule", "compare.html.col.old", "compare.html.col.new"], locale)}
${thresholds.join("\n")}</table>
<p><small>${esc(report.tool.name)} ${esc(report.tool.version)}</small></p>
</body></html>
`;
}
