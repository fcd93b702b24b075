// compare --format stylish: the regressions, then the improvements, each with both places.
import type { EditionChange } from "../../engine/editions.js";
import { t } from "../../i18n/index.js";
import { paint } from "../paint.js";
import { describeChange, describePlace, editionName, ruleTitleOf, type CompareFormatOptions, type CompareReport } from "./describe.js";

export async function formatCompareStylish(report: CompareReport, opts: CompareFormatOptions): Promise<string> {
  const c = report.comparison;
  const { locale } = opts;
  const ch = await paint(opts.color);
  const sev = (s: EditionChange["severity"]) => {
    const word = t(`cli.severity.${s}`, {}, locale);
    return s === "error" ? ch.red(word) : s === "warning" ? ch.yellow(word) : ch.blue(word);
  };
  const lines: string[] = [ch.bold(t("compare.title", { old: editionName(c.old.files, locale), new: editionName(c.new.files, locale) }, locale)), ""];
  const block = (direction: EditionChange["direction"], heading: string) => {
    const list = c.changes.filter((x) => x.direction === direction);
    if (!list.length) return;
    lines.push(ch.underline(heading));
    for (const x of list) {
      lines.push(`  ${sev(x.severity)}  ${ch.dim(x.ruleId)}  ${ruleTitleOf(x, locale)}`);
      lines.push(`    ${describeChange(x, locale)}`);
      lines.push(`    ${t("compare.old", {}, locale)}: ${describePlace(x.old.place, locale)}`);
      lines.push(`    ${t("compare.new", {}, locale)}: ${describePlace(x.new.place, locale)}`);
    }
    lines.push("");
  };
  block("regression", t("compare.regressions", { n: c.summary.regressions }, locale));
  block("improvement", t("compare.improvements", { n: c.summary.improvements }, locale));
  if (!c.changes.length) lines.push(t("compare.none", {}, locale), "");
  const summary = t("compare.summary", {
    regressions: c.summary.regressions, errors: c.summary.errorRegressions, improvements: c.summary.improvements, clauses: c.clauses.length,
  }, locale);
  lines.push(c.summary.errorRegressions ? ch.red(ch.bold(`✖ ${summary}`)) : c.summary.regressions ? ch.yellow(ch.bold(`⚠ ${summary}`)) : ch.green(`✔ ${summary}`));
  return lines.join("\n") + "\n";
}
