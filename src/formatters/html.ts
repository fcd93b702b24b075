// A self-contained HTML report for the procurement officer: summary (and a files × clauses matrix
// over several files), findings with the words they are about, the clause checklist, and for Word
// drafts the draft itself (rendered by the worker that read the file: FileResult.draft) with flagged
// paragraphs highlighted and linked both ways.
// Everything the report shows comes from untrusted drafts or rulesets, so every value goes through esc().
import type { Coverage, FileResult, Finding } from "../model/finding.js";
import { t, type Locale } from "../i18n/index.js";
import type { FormatOptions, Report, RuleInfo } from "./report.js";
import { ruleTitle, visibleFindings } from "./report.js";
import { compareCoverage } from "../model/order.js";
import { paragraphLabel } from "./where.js";
import { describePlace, sectionLine, shownSnippet } from "./place.js";
import { REPORT_CSS } from "./html-css.js";
import { coverageAnchor, coverageMatrix, gapsText, judgement } from "./html-coverage.js";
import { escapeAttr, escapeXml as esc } from "./xml.js";

type Visible = { finding: Finding; anchor: string };

/** A header row; on a phone the cells repeat its labels (data-label), so it is hidden there. */
function header(ids: string[], locale: Locale): string {
  return `<thead><tr>${ids.map((id) => `<th scope="col">${esc(t(id, {}, locale))}</th>`).join("")}</tr></thead>`;
}

function cell(labelId: string, locale: Locale, html: string, cls = ""): string {
  return `<td${cls ? ` class="${cls}"` : ""} data-label="${escapeAttr(t(labelId, {}, locale))}">${html}</td>`;
}

/**
 * The draft paragraph a finding is shown at: body paragraphs and text boxes (mammoth renders text-box
 * paragraphs in the body flow); a clause found nowhere at its chapter heading, if it has one.
 */
function paragraphOf(f: FileResult, x: Finding): number | null {
  const loc = x.location;
  if (f.format !== "docx" || !loc) return null;
  if (x.scope === "document" && !x.sectionPath?.length) return null;
  const region = loc.region ?? "body";
  if (region !== "body" && region !== "textbox") return null;
  return loc.paragraph ?? loc.line;
}

/** Where a finding links in the draft: its paragraph, or the footnote / endnote mammoth renders at the end. */
function targetOf(f: FileResult, idx: number, x: Finding, anchored: Set<string>, notes: Map<string, string>): string | null {
  const n = paragraphOf(f, x);
  if (n !== null) return anchored.has(`f${idx}-p${n}`) ? `f${idx}-p${n}` : null;
  const loc = x.location;
  if (f.format === "docx" && loc?.note !== undefined && (loc.region === "footnote" || loc.region === "endnote")) {
    return notes.get(`${loc.region}-${loc.note}`) ?? null;
  }
  return null;
}

function whereCell(f: FileResult, x: Finding, target: string | null, locale: Locale): string {
  const text = esc(describePlace(x, f.format, locale));
  const where = target === null ? `<span class="nw">${text}</span>` : `<a class="nw" href="#${escapeAttr(target)}">${text}</a>`;
  const section = sectionLine(x, locale);
  return where + (section ? `<br><small>${esc(section)}</small>` : "");
}

/** 「該当箇所: …の<mark>適宜</mark>報告…」: the words to search for in Word. */
function snippetHtml(x: Finding, locale: Locale): string {
  const s = shownSnippet(x);
  if (!s) return "";
  const body = esc(s.before) + (s.match ? `<mark>${esc(s.match)}</mark>` : "") + esc(s.after);
  // The label is split around its placeholder (a private-use character) so the marked words stay markup.
  const [pre = "", post = ""] = t("report.snippet", { text: "\uE002" }, locale).split("\uE002");
  return `<p class="snip">${esc(pre)}${body}${esc(post)}</p>`;
}

function messageCell(x: Finding, rule: RuleInfo | undefined, locale: Locale): string {
  const source = x.source ?? rule?.source;
  const template = x.suggestion ?? rule?.suggestion;
  return esc(x.message) + snippetHtml(x, locale)
    + (source ? `<br><small>${esc(t("cli.html.source", { text: source }, locale))}</small>` : "")
    + (template ? `<details class="tpl" open><summary>${esc(t("cli.html.template", {}, locale))}</summary><pre>${esc(template)}</pre></details>` : "");
}

function findingsTable(f: FileResult, idx: number, shown: Visible[], targets: Map<Finding, string | null>, rules: Map<string, RuleInfo>, locale: Locale): string {
  if (!shown.length) return `<p>${esc(t("cli.html.noFindings", {}, locale))}</p>`;
  const rows = shown.map(({ finding: x, anchor }) => {
    const rule = rules.get(x.ruleId);
    const title = ruleTitle(rule, locale);
    return `<tr id="${anchor}">`
      + cell("cli.html.col.severity", locale, esc(t(`cli.severity.${x.severity}`, {}, locale)), `nw sev-${x.severity}`)
      + cell("cli.html.col.rule", locale, `<code>${esc(x.ruleId)}</code>${title ? `<br>${esc(title)}` : ""}`)
      + cell("cli.html.col.where", locale, whereCell(f, x, targets.get(x) ?? null, locale))
      + cell("cli.html.col.message", locale, messageCell(x, rule, locale)) + `</tr>`;
  });
  return `<table class="findings stack">${header(["cli.html.col.severity", "cli.html.col.rule", "cli.html.col.where", "cli.html.col.message"], locale)}\n`
    + `<tbody>${rows.join("\n")}</tbody></table>`;
}

function evidenceText(f: FileResult, c: Coverage, locale: Locale): string {
  if (!c.evidence) return "";
  const where = f.format === "docx"
    ? esc(paragraphLabel(c.evidence, locale))
    : esc(t("cli.html.line", { n: c.evidence.line }, locale));
  return c.evidence.text ? `${where}<br><q class="evidence">${esc(c.evidence.text)}</q>` : where;
}

/** Why a clause is partial or absent (elements missing, excluded, title only …), or why the rule does not apply. */
function reasonText(c: Coverage, locale: Locale): string {
  const sep = locale === "en" ? ", " : "、";
  if (!c.applies) return esc(c.notApplying ?? "");
  const why = c.status !== "present" && c.why ? esc(t(`cli.why.${c.why}`, {}, locale)) : "";
  return [why, esc(c.missing.join(sep))].filter(Boolean).join("<br>");
}

function coverageTable(f: FileResult, idx: number, rules: Map<string, RuleInfo>, locale: Locale): string {
  const entries = Object.entries(f.coverage);
  if (!entries.length) return "";
  entries.sort(compareCoverage);
  const applying = entries.filter(([, c]) => c.applies);
  const count = (s: Coverage["status"]) => applying.filter(([, c]) => c.status === s).length;
  const rows = entries.map(([id, c]) => {
    const j = judgement(c, locale);
    return `<tr id="${escapeAttr(coverageAnchor(idx, id))}" class="${j.cls}">`
      + cell("cli.html.col.rule", locale, `<code>${esc(id)}</code>`)
      + cell("cli.html.col.title", locale, esc(ruleTitle(rules.get(id), locale)))
      + cell("cli.html.col.status", locale, esc(j.word), "nw")
      + cell("cli.html.col.missing", locale, reasonText(c, locale))
      + cell("cli.html.col.evidence", locale, evidenceText(f, c, locale)) + `</tr>`;
  });
  return `<h3>${esc(t("cli.html.coverage", {}, locale))}</h3><p>`
    + esc(t("cli.html.coverageCounts", { applies: applying.length, present: count("present"), partial: count("partial"),
      absent: count("absent"), na: entries.length - applying.length }, locale)) + `</p>`
    + `<table class="coverage stack">${header(["cli.html.col.rule", "cli.html.col.title", "cli.html.col.status",
      "cli.html.col.missing", "cli.html.col.evidence"], locale)}\n<tbody>${rows.join("\n")}</tbody></table>`;
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

interface Draft { html: string; anchored: Set<string>; notes: Map<string, string> }

async function draft(f: FileResult, idx: number, shown: Visible[], opts: FormatOptions): Promise<Draft> {
  const none: Draft = { html: "", anchored: new Set(), notes: new Map() };
  if (f.format !== "docx" || f.error || !f.draft) return none;
  const title = `<h3 id="f${idx}-draft">${esc(t("cli.html.draft", {}, opts.locale))}</h3>`;
  if ("error" in f.draft) {
    return { ...none, html: `${title}<p class="unreadable">${esc(t("cli.html.draftUnavailable", { message: f.draft.error }, opts.locale))}</p>` };
  }
  const flagged = new Set<number>();
  for (const v of shown) { const n = paragraphOf(f, v.finding); if (n !== null) flagged.add(n); }
  const { finishDraft } = await import("./docx-html.js");
  const html = finishDraft(f.draft.html, flagged, `f${idx}-`, flagRenderer(idx, shown, f));
  return {
    html: `${title}<div class="draft" tabindex="0" role="region" aria-labelledby="f${idx}-draft">${html}</div>`,
    anchored: new Set([...html.matchAll(/ id="(f\d+-p\d+)"/g)].map((m) => m[1]!)),
    notes: noteAnchors(html),
  };
}

/** mammoth lists footnotes and endnotes at the end in the order Word numbers them: 「脚注 3」 is the third. */
function noteAnchors(html: string): Map<string, string> {
  const out = new Map<string, string>();
  const counts = { footnote: 0, endnote: 0 };
  for (const m of html.matchAll(/<li id="([^"]*-(footnote|endnote)-[^"]*)"/g)) {
    const kind = m[2] as "footnote" | "endnote";
    out.set(`${kind}-${++counts[kind]}`, m[1]!);
  }
  return out;
}

function summaryTable(report: Report, shown: Visible[][], locale: Locale): string {
  const rows = report.files.map((f, i) => {
    const link = `<a href="#f${i}">${esc(f.uri)}</a>`;
    if (f.error) {
      return `<tr>${cell("cli.html.col.file", locale, link)}<td colspan="4" class="unreadable">${esc(f.error.message)} [${esc(f.error.code)}]</td></tr>`;
    }
    const n = (sev: Finding["severity"]) => shown[i]!.filter((v) => v.finding.severity === sev).length;
    return `<tr>${cell("cli.html.col.file", locale, link)}${cell("cli.html.col.errors", locale, String(n("error")), "num sev-error")}`
      + cell("cli.html.col.warnings", locale, String(n("warning")), "num sev-warning")
      + cell("cli.html.col.infos", locale, String(n("info")), "num sev-info")
      + cell("cli.html.col.gaps", locale, esc(gapsText(f.coverage, locale))) + `</tr>`;
  });
  return `<table class="files stack">${header(["cli.html.col.file", "cli.html.col.errors", "cli.html.col.warnings", "cli.html.col.infos",
    "cli.html.col.gaps"], locale)}\n<tbody>${rows.join("\n")}</tbody></table>`;
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
    + `<title>${esc(t("cli.html.title", {}, locale))}</title><style>${REPORT_CSS}</style></head><body>`);
  parts.push(`<a class="skip" href="#main">${esc(t("report.skip", {}, locale))}</a>`
    + `<header><h1>${esc(t("cli.html.title", {}, locale))}</h1></header><main id="main">`);
  parts.push(`<section aria-labelledby="summary"><h2 id="summary">${esc(t("cli.html.summary", {}, locale))}</h2><p>`
    + esc(t("cli.stylish.summary", { files: s.files, errors: s.errors, warnings: s.warnings, infos: s.infos }, locale))
    + (s.suppressed ? esc(t("cli.stylish.summarySuppressed", { n: s.suppressed }, locale)) : "")
    + (s.unreadable ? `<br><span class="unreadable">${esc(t("cli.stylish.summaryUnreadable", { n: s.unreadable }, locale))}</span>` : "")
    + `</p>` + summaryTable(report, shown, locale) + coverageMatrix(report, rules, locale) + `</section>`);
  if (report.packages || report.suggestedPackages) parts.push((await import("./package-view.js")).htmlPackageView(report, locale));
  for (const [i, f] of report.files.entries()) {
    parts.push(`<section class="file" id="f${i}" aria-labelledby="f${i}-h"><h2 id="f${i}-h">${esc(f.uri)}</h2>`);
    if (f.error) {
      parts.push(`<p class="unreadable">${esc(t("cli.stylish.unreadable", { file: f.uri, code: f.error.code, message: f.error.message }, locale))}</p></section>`);
      continue;
    }
    const rendered = await draft(f, i, shown[i]!, opts);
    const targets = new Map(shown[i]!.map(({ finding }) => [finding, targetOf(f, i, finding, rendered.anchored, rendered.notes)]));
    parts.push(`<h3>${esc(t("cli.html.findings", {}, locale))}</h3>`, findingsTable(f, i, shown[i]!, targets, rules, locale));
    parts.push(coverageTable(f, i, rules, locale), rendered.html, `</section>`);
  }
  parts.push(`</main><footer><small>${esc(t("cli.html.generated", { tool: report.tool.name, version: report.tool.version }, locale))}</small></footer></body></html>`);
  return parts.join("\n") + "\n";
}
