// GitHub Actions workflow commands: one annotation per finding, escaped as the runner expects.
import type { FormatOptions, Report } from "./report.js";
import { visibleFindings } from "./report.js";
import { t } from "../i18n/index.js";
import { describeSection, withWordParagraph } from "./where.js";

/** Data (the message) escapes %, CR and LF. */
export function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Property values additionally escape ':' and ','. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

const LEVEL = { error: "error", warning: "warning", info: "notice" } as const;

export function formatGithub(report: Report, opts: FormatOptions): string {
  const lines: string[] = [];
  for (const f of report.files) {
    if (f.error) {
      const title = `chotatsu-lint ${f.error.code}`;
      lines.push(`::error file=${escapeProperty(f.uri)},title=${escapeProperty(title)}::${escapeData(f.error.message)}`);
      continue;
    }
    for (const x of visibleFindings(f, opts.quiet)) {
      const props = [`file=${escapeProperty(f.uri)}`];
      // Word positions are paragraph ordinals, not file lines: GitHub could only point at a wrong line.
      if (x.location && f.format !== "docx") {
        const l = x.location;
        props.push(`line=${l.line}`, `col=${l.column}`, `endLine=${l.endLine}`, `endColumn=${l.endColumn}`);
      }
      props.push(`title=${escapeProperty(`${x.ruleId} (${t(`cli.severity.${x.severity}`, {}, opts.locale)})`)}`);
      let msg = withWordParagraph(x.message, f.format, x.location, opts.locale);
      const section = describeSection(x.sectionPath);
      if (section) msg += `\n${section}`;
      lines.push(`::${LEVEL[x.severity]} ${props.join(",")}::${escapeData(msg)}`);
    }
  }
  return lines.length ? lines.join("\n") + "\n" : "";
}
