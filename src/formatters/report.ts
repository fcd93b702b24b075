// What every formatter receives: the per-file results of one run, the active rules, and how to print.
import type { Coverage, FileResult, Finding, Severity } from "../model/finding.js";
import type { Locale } from "../i18n/index.js";
import { cmp, compareFindings } from "../model/order.js";

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

/** Files judged as one procurement: coverage over all of them, evidence naming the file (`evidence.uri`). */
export interface PackageReport {
  name: string;
  /** In package order: the body first. */
  files: string[];
  coverage: Record<string, Coverage>;
}

/** Files of one folder that name each other as annexes: offered as a package, not merged silently. */
export interface SuggestedPackage {
  folder: string;
  /** Body first. */
  files: string[];
  /** Which file names which (by the annex name its title gives the other). */
  links: { from: string; to: string; name: string }[];
}

export interface Report {
  /** informationUri: the rule docs the run's links point into. */
  tool: { name: string; version: string; informationUri?: string };
  /** Sorted by uri; findings within a file sorted by position. */
  files: FileResult[];
  rules: RuleInfo[];
  summary: Summary;
  /** Present only when the run judged packages (`--package`, `packages:`). */
  packages?: PackageReport[];
  /** Present only when files of one folder reference each other and are not already a package. */
  suggestedPackages?: SuggestedPackage[];
}

export interface FormatOptions {
  locale: Locale;
  color: boolean;
  /** Only error-level findings (`--quiet`). */
  quiet: boolean;
  /** Terminal columns to wrap long lines at (stylish); absent = no wrapping (pipes, files). */
  width?: number;
  /** Reads a text file's bytes again (rdjson counts columns in UTF-8 bytes); absent for stdin. */
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

/** Sort files by uri (code-unit order, locale independent) and findings by position. */
export function buildReport(files: FileResult[], rules: RuleInfo[], version: string,
  extra: { packages?: PackageReport[]; suggestedPackages?: SuggestedPackage[]; informationUri?: string } = {}): Report {
  const sorted = files
    .map((f) => ({ ...f, findings: [...f.findings].sort(compareFindings) }))
    .sort((a, b) => cmp(a.uri, b.uri));
  const tool = { name: "chotatsu-lint", version, ...(extra.informationUri ? { informationUri: extra.informationUri } : {}) };
  const report: Report = { tool, files: sorted, rules, summary: summarize(sorted) };
  if (extra.packages?.length) report.packages = [...extra.packages].sort((a, b) => cmp(a.name, b.name));
  if (extra.suggestedPackages?.length) report.suggestedPackages = extra.suggestedPackages;
  return report;
}

/** Findings a person should see: suppressed ones never, info/warnings not with --quiet. */
export function visibleFindings(f: FileResult, quiet: boolean): Finding[] {
  return f.findings.filter((x) => !x.suppressed && (!quiet || x.severity === "error"));
}

export function ruleTitle(rule: RuleInfo | undefined, locale: Locale): string {
  if (!rule) return "";
  return locale === "en" && rule.titleEn ? rule.titleEn : rule.title;
}
