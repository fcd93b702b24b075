// What every formatter receives: the per-file results of one run, the active rules, and how to print.
import type { FileResult, Finding, Severity } from "../model/finding.js";
import type { Locale } from "../i18n/index.js";
import { compareFindings } from "../model/order.js";

/** The part of a rule a report shows (titles, template clause, source). Plain data. */
export interface RuleInfo {
  id: string;
  kind: string;
  severity: Severity;
  title: string;
  titleEn?: string;
  source: string;
  suggestion?: string;
  why?: string;
  rulesetId: string;
  /** The rule's section of the generated docs (built-in rulesets), for SARIF and rdjson links. */
  helpUri?: string;
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  unreadable: number;
  suppressed: number;
}

export interface Report {
  /** informationUri: the rule docs the run's links point into. */
  tool: { name: string; version: string; informationUri?: string };
  /** Sorted by uri; findings within a file sorted by position. */
  files: FileResult[];
  rules: RuleInfo[];
  summary: Summary;
}

export interface FormatOptions {
  locale: Locale;
  color: boolean;
  /** Only error-level findings (`--quiet`). */
  quiet: boolean;
  /** Reads a file's bytes again (the html formatter renders Word drafts); absent for stdin. */
  readSource?: (uri: string) => Promise<Uint8Array | null>;
}

export type Formatter = (report: Report, opts: FormatOptions) => string | Promise<string>;

export function summarize(files: FileResult[]): Summary {
  const s: Summary = { files: files.length, errors: 0, warnings: 0, infos: 0, unreadable: 0, suppressed: 0 };
  for (const f of files) {
    if (f.error) s.unreadable++;
    for (const x of f.findings) {
      if (x.suppressed) { s.suppressed++; continue; }
      if (x.severity === "error") s.errors++;
      else if (x.severity === "warning") s.warnings++;
      else s.infos++;
    }
  }
  return s;
}

function cmp(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sort files by uri (code-unit order, locale independent) and findings by position. */
export function buildReport(files: FileResult[], rules: RuleInfo[], version: string, informationUri?: string): Report {
  const sorted = files
    .map((f) => ({ ...f, findings: [...f.findings].sort(compareFindings) }))
    .sort((a, b) => cmp(a.uri, b.uri));
  const tool = { name: "chotatsu-lint", version, ...(informationUri ? { informationUri } : {}) };
  return { tool, files: sorted, rules, summary: summarize(sorted) };
}

/** Findings a person should see: suppressed ones never, info/warnings not with --quiet. */
export function visibleFindings(f: FileResult, quiet: boolean): Finding[] {
  return f.findings.filter((x) => !x.suppressed && (!quiet || x.severity === "error"));
}

export function ruleTitle(rule: RuleInfo | undefined, locale: Locale): string {
  if (!rule) return "";
  return locale === "en" && rule.titleEn ? rule.titleEn : rule.title;
}
