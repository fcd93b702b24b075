// The default human format: per file, each finding with where an officer finds it, then a summary.
import { t } from "../i18n/index.js";
import type { FormatOptions, Report } from "./report.js";
import { visibleFindings } from "./report.js";
import { describeSection, describeWhere } from "./where.js";

export interface Paint { red(s: string): string; yellow(s: string): string; blue(s: string): string;
  dim(s: string): string; bold(s: string): string; underline(s: string): string; green(s: string): string }

const plain: Paint = { red: (s) => s, yellow: (s) => s, blue: (s) => s, dim: (s) => s, bold: (s) => s,
  underline: (s) => s, green: (s) => s };

/** chalk is loaded only when colours are on, so piped and CI runs never pay for it. */
export async function paint(color: boolean): Promise<Paint> {
  if (!color) return plain;
  const { Chalk } = await import("chalk");
  const c = new Chalk({ level: 1 });
  return { red: c.red, yellow: c.yellow, blue: c.blue, dim: c.dim, bold: c.bold, underline: c.underline, green: c.green };
}

const SUGGESTION_MAX = 60;

function shorten(s: string, max: number): string {
  const one = s.replace(/\s+/g, " ").trim();
  const chars = Array.from(one);
  return chars.length > max ? chars.slice(0, max).join("") + "…" : one;
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
    for (const x of shown) {
      const sev = t(`cli.severity.${x.severity}`, {}, locale);
      const sevPainted = x.severity === "error" ? p.red(sev) : x.severity === "warning" ? p.yellow(sev) : p.blue(sev);
      const section = describeSection(x.sectionPath);
      const head = ["  " + describeWhere(x.location, f.format, locale), sevPainted, p.dim(x.ruleId)];
      if (section) head.push(p.dim(t("cli.stylish.section", { section }, locale)));
      out.push(head.join("  "));
      out.push("    " + x.message);
      if (x.suggestion) out.push("    " + p.green(t("cli.stylish.suggestion", { text: shorten(x.suggestion, SUGGESTION_MAX) }, locale)));
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
