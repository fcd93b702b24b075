// GitLab Code Quality report (`artifacts: reports: codequality`): a JSON array of issues, each with a
// description, check_name, a fingerprint unique in the report, a severity and a location.
// https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
import { createHash } from "node:crypto";
import type { FormatOptions, Report } from "./report.js";
import { visibleFindings } from "./report.js";
import { describeSection, withWordParagraph } from "./where.js";

const SEVERITY = { error: "major", warning: "minor", info: "info" } as const;

interface Issue {
  type: "issue";
  description: string;
  check_name: string;
  fingerprint: string;
  severity: "info" | "minor" | "major" | "critical" | "blocker";
  location: { path: string; lines: { begin: number; end?: number } };
}

export function formatGitlab(report: Report, opts: FormatOptions): string {
  const issues: Issue[] = [];
  const seen = new Map<string, number>();
  /** GitLab keys issues by fingerprint: the same finding twice in a file still gets two keys. */
  const fingerprint = (key: string): string => {
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return createHash("md5").update(`${key}\u0000${n}`).digest("hex");
  };
  for (const f of report.files) {
    if (f.error) {
      issues.push({
        type: "issue", description: f.error.message, check_name: `chotatsu-lint/${f.error.code}`,
        fingerprint: fingerprint(`${f.uri}\u0000${f.error.code}`), severity: "critical",
        location: { path: f.uri, lines: { begin: 1 } },
      });
      continue;
    }
    for (const x of visibleFindings(f, opts.quiet)) {
      // Word positions are paragraph ordinals, not file lines: say so in the text, point at line 1.
      const docx = f.format === "docx";
      let description = withWordParagraph(x.message, f.format, x.location, opts.locale);
      const section = describeSection(x.sectionPath);
      if (section) description += ` (${section})`;
      const lines = x.location && !docx ? { begin: x.location.line, end: x.location.endLine } : { begin: 1 };
      issues.push({
        type: "issue", description, check_name: x.ruleId,
        fingerprint: fingerprint(`${f.uri}\u0000${x.ruleId}\u0000${x.fingerprint}`),
        severity: SEVERITY[x.severity], location: { path: f.uri, lines },
      });
    }
  }
  return JSON.stringify(issues, null, 2) + "\n";
}
