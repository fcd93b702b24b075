// The machine contract of issue 2 (plus `coverage` per file and `suppressed` on findings).
// Objects are built key by key so the key order never depends on where the data came from.
import type { Coverage, FileResult, Finding } from "../model/finding.js";
import type { Location } from "../model/document.js";
import type { Report } from "./report.js";
import { jsonPackageView } from "./package-view.js";

function location(l: Location | undefined) {
  if (!l) return null;
  return {
    line: l.line, column: l.column, endLine: l.endLine, endColumn: l.endColumn,
    paragraph: l.paragraph ?? null, region: l.region ?? "body",
    table: l.table ? { index: l.table.index, row: l.table.row, column: l.table.column } : null,
    // A footnote, endnote or text box: the body paragraph it hangs on, and the note's number.
    host: l.host ?? null, note: l.note ?? null,
  };
}

function finding(f: Finding) {
  const out: Record<string, unknown> = { ruleId: f.ruleId, severity: f.severity };
  if (f.status) out.status = f.status;
  out.message = f.message;
  out.location = location(f.location);
  out.sectionPath = f.sectionPath ?? [];
  out.excerpt = f.excerpt ?? null;
  // The words around the match as an officer searches for them in Word (before + match + after).
  out.snippet = f.snippet ? { before: f.snippet.before, match: f.snippet.match, after: f.snippet.after } : null;
  // "document": about the whole document (a clause found nowhere); belongsIn names its chapter.
  out.scope = f.scope ?? "place";
  out.belongsIn = f.belongsIn ?? null;
  out.suggestion = f.suggestion ?? null;
  out.source = f.source ?? null;
  out.fingerprint = f.fingerprint;
  if (f.suppressed) {
    out.suppressed = f.suppressed.reason !== undefined
      ? { kind: f.suppressed.kind, reason: f.suppressed.reason }
      : { kind: f.suppressed.kind };
  }
  return out;
}

function coverage(c: Record<string, Coverage>) {
  const out: Record<string, unknown> = {};
  for (const id of Object.keys(c).sort()) {
    const v = c[id];
    out[id] = {
      status: v.status, applies: v.applies, missing: [...v.missing],
      // Why a clause is partial or absent (excluded, deferred, heading-only …); null when present.
      why: v.status === "present" ? null : v.why ?? null,
      evidence: v.evidence
        ? { line: v.evidence.line, paragraph: v.evidence.paragraph ?? null, text: v.evidence.text ?? null }
        : null,
    };
  }
  return out;
}

function file(f: FileResult) {
  return {
    uri: f.uri, format: f.format,
    error: f.error ? { code: f.error.code, message: f.error.message } : null,
    findings: f.findings.map(finding),
    coverage: coverage(f.coverage),
  };
}

export function toJsonObject(report: Report) {
  const s = report.summary;
  return {
    tool: { name: report.tool.name, version: report.tool.version },
    files: report.files.map(file),
    // Only runs that judged or found packages have these keys: a single-file run's JSON is unchanged.
    ...jsonPackageView(report),
    summary: { files: s.files, errors: s.errors, warnings: s.warnings, infos: s.infos, unreadable: s.unreadable },
  };
}

export function formatJson(report: Report): string {
  return JSON.stringify(toJsonObject(report), null, 2) + "\n";
}
