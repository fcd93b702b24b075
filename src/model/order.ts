// The one order of findings, used wherever findings are sorted (engine, report, baseline, examples),
// so output never depends on engine iteration, worker timing or which layer sorted last.
import type { Finding } from "./finding.js";

function cmp(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whole-document findings first, then by region (body before header …), position, rule, message, fingerprint. */
export function compareFindings(a: Finding, b: Finding): number {
  const la = a.location, lb = b.location;
  if (!la !== !lb) return la ? 1 : -1;
  if (la && lb) {
    const d = cmp(la.region ?? "body", lb.region ?? "body") || cmp(la.line, lb.line) || cmp(la.column, lb.column)
      || cmp(la.endLine, lb.endLine) || cmp(la.endColumn, lb.endColumn);
    if (d) return d;
  }
  return cmp(a.ruleId, b.ruleId) || cmp(a.message, b.message) || cmp(a.fingerprint, b.fingerprint);
}
