// The default human format: per file, each finding with where an officer finds it, then a summary.
import { t } from "../i18n/index.js";
import type { FormatOptions, Report } from "./report.js";
import { visibleFindings } from "./report.js";
import { describePlace, sectionLine, shownSnippet, snippetText } from "./place.js";
import { wrapLine } from "./wrap.js";
import { paint, type Paint } from "./paint.js";
import { displayWidth } from "../text/width.js";

const SUGGESTION_MAX = 60;

function shorten(s: string, max: number): string {
  const one = s.replace(/\s+/g, " ").trim();
  const chars = Array.from(one);
  return chars.length > max ? chars.slice(0, max).join("") + "…" : one;
}

/**
 * The document title when every section path starts with it (a draft whose title is its top
 * heading): said once under the file name instead of in front of every path.
 */
export function sharedTitle(paths: (string[] | undefined)[]): string | undefined {
  const withPath = paths.filter((x): x is string[] => !!x && x.length > 0);
  const first = withPath[0]?.[0];
  // Paths into at least two different chapters under it: one chapter alone is not a title.
  if (!first || new Set(withPath.map((x) => x[1])).size < 2) return undefined;
  return withPath.every((x) => x[0] === first) ? first : undefined;
}

/** Underlines the span between the \u0000 and \u0001 placeholders (which may straddle a wrapped line). */
function markMatch(line: string, p: Paint): string {
  return line.replace(/\u0000([^\u0001]*)(\u0001|$)/, (_m, s: string) => p.underline(p.bold(s)))
    .replace(/^( *)([^\u0000]*)\u0001/, (_m, pad: string, s: string) => pad + p.underline(p.bold(s)));
}

export async function formatStylish(report: Report, opts: FormatOptions): Promise<string> {
  const p = await paint(opts.color);
  const { locale } = opts;
  const out: string[] = [];
  for (const f of report.files) {
    const shown = visibleFindings(f, opts.quiet);
    if (!f.error && shown.length === 0) continue;
    out.push(p.underline(f.uri));
    if (f.error) {
      out.push("  " + p.red(t("cli.stylish.unreadable", { file: f.uri, code: f.error.code, message: f.error.message }, locale)));
    }
    const title = sharedTitle(shown.map((x) => x.sectionPath));
    if (title) out.push(...wrapLine(t("report.documentTitle", { title }, locale), opts.width, "    ", "  ").map(p.dim));
    for (const x of shown) {
      const sev = t(`cli.severity.${x.severity}`, {}, locale);
      const sevPainted = x.severity === "error" ? p.red(sev) : x.severity === "warning" ? p.yellow(sev) : p.blue(sev);
      const where = describePlace(x, f.format, locale);
      const section = sectionLine(x, locale, title ? x.sectionPath?.slice(1) : x.sectionPath);
      const head = `  ${where}  ${sev}  ${x.ruleId}`;
      const sectionText = section ? t("cli.stylish.section", { section }, locale) : "";
      const painted = ["  " + where, sevPainted, p.dim(x.ruleId)].join("  ");
      if (sectionText && displayWidth(`${head}  ${sectionText}`) <= (opts.width ?? Infinity)) out.push(`${painted}  ${p.dim(sectionText)}`);
      else {
        out.push(painted);
        if (sectionText) out.push(...wrapLine(sectionText, opts.width, "    ").map(p.dim));
      }
      out.push(...wrapLine(x.message, opts.width, "    "));
      const snip = shownSnippet(x);
      if (snip) {
        // The match is underlined on a terminal; in plain text 【】 marks it (and is easy to leave out of a search).
        const marked = opts.color ? snippetText(snip, "\u0000", "\u0001") : snippetText(snip, "【", "】");
        const lines = wrapLine(t("report.snippet", { text: marked }, locale), opts.width, "    ");
        out.push(...lines.map((l) => markMatch(l, p)));
      }
      if (x.suggestion) out.push(...wrapLine(t("cli.stylish.suggestion", { text: shorten(x.suggestion, SUGGESTION_MAX) }, locale), opts.width, "    ").map(p.green));
    }
    out.push("");
  }
  if (report.packages || report.suggestedPackages) out.push(...(await import("./package-view.js")).stylishPackageView(report, p, locale));
  const s = report.summary;
  if (s.errors + s.warnings + s.infos + s.unreadable === 0) {
    // A run that passes only because of directives or a baseline says so, so such a gate stays visible.
    const clean = s.suppressed
      ? t("cli.stylish.cleanSuppressed", { files: s.files, n: s.suppressed }, locale)
      : t("cli.stylish.clean", { files: s.files }, locale);
    out.push(p.green(clean));
  } else {
    let line = t("cli.stylish.summary", { files: s.files, errors: s.errors, warnings: s.warnings, infos: s.infos }, locale);
    if (s.suppressed) line += t("cli.stylish.summarySuppressed", { n: s.suppressed }, locale);
    out.push(p.bold((s.errors || s.unreadable ? p.red("✖ ") : p.yellow("⚠ ")) + line));
    if (s.unreadable) out.push(p.bold(p.red(t("cli.stylish.summaryUnreadable", { n: s.unreadable }, locale))));
  }
  return out.join("\n") + "\n";
}
