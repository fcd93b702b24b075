// Clause judgements as the HTML report words them, so they cannot be misread: 記載なし / 一部不足 /
// 記載あり, or 対象外 with the reason the rule does not apply; and the files × clauses matrix that
// opens a report over several files.
import type { Coverage, FileResult } from "../model/finding.js";
import { t, type Locale } from "../i18n/index.js";
import type { Report, RuleInfo } from "./report.js";
import { ruleTitle } from "./report.js";
import { escapeAttr, escapeXml as esc } from "./xml.js";

/** The CSS class and the word for one judgement: a rule that does not apply is 対象外 whatever was found. */
export function judgement(c: Coverage, locale: Locale): { cls: string; word: string } {
  if (!c.applies) return { cls: "st-na", word: t("cli.html.no", {}, locale) };
  return { cls: `st-${c.status}`, word: t(`cli.status.${c.status}`, {}, locale) };
}

/** Anchor of a file's checklist row for one rule. */
export function coverageAnchor(fileIndex: number, ruleId: string): string {
  return `f${fileIndex}-c-${ruleId.replace(/[^A-Za-z0-9_-]/g, "_")}`;
}

/** 「適用される 23 条項のうち 記載なし 20・一部不足 1・記載あり 2」 */
export function gapsText(coverage: Record<string, Coverage>, locale: Locale): string {
  const applying = Object.values(coverage).filter((c) => c.applies);
  if (!applying.length) return "";
  const n = (s: Coverage["status"]) => applying.filter((c) => c.status === s).length;
  return t("report.gaps", { applies: applying.length, absent: n("absent"), partial: n("partial"), present: n("present") }, locale);
}

/** Rows: every clause judged in any file; columns: the readable files. Only for two files or more. */
export function coverageMatrix(report: Report, rules: Map<string, RuleInfo>, locale: Locale): string {
  const files = report.files.map((f, i) => ({ f, i })).filter(({ f }) => !f.error);
  if (files.length < 2) return "";
  const ids = [...new Set(files.flatMap(({ f }) => Object.keys(f.coverage)))].sort();
  if (!ids.length) return "";
  const head = `<thead><tr><th scope="col">${esc(t("cli.html.col.title", {}, locale))}</th>`
    + files.map(({ f, i }) => `<th scope="col"><a href="#f${i}">${esc(baseName(f))}</a></th>`).join("") + "</tr></thead>";
  const rows = ids.map((id) => {
    const title = ruleTitle(rules.get(id), locale) || id;
    const cells = files.map(({ f, i }) => {
      const c = f.coverage[id];
      if (!c) return "<td></td>";
      const j = judgement(c, locale);
      return `<td class="${j.cls}"><a href="#${escapeAttr(coverageAnchor(i, id))}">${esc(j.word)}</a></td>`;
    });
    return `<tr><th scope="row">${esc(title)}</th>${cells.join("")}</tr>`;
  });
  return `<h3 id="matrix">${esc(t("report.matrix.title", {}, locale))}</h3><p><small>${esc(t("report.matrix.legend", {}, locale))}</small></p>`
    + `<div class="scroll" tabindex="0" role="region" aria-labelledby="matrix"><table class="matrix">${head}<tbody>\n${rows.join("\n")}</tbody></table></div>`;
}

/** The file's own name (a folder of drafts differs in the last part). */
function baseName(f: FileResult): string {
  return f.uri.split(/[\\/]/).pop() || f.uri;
}
