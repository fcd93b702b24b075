// The one order of findings, used wherever findings are sorted (engine, report, baseline, examples),
// so output never depends on engine iteration, worker timing or which layer sorted last; and the
// orders every report shares (paths and names, clause checklists).
import type { Coverage, Finding } from "./finding.js";

/** Code-unit order, locale independent (the same bytes on every machine). */
export function cmp(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Clause statuses from the least to the most complete. */
export const STATUS_ORDER = { absent: 0, partial: 1, present: 2 } as const;

/** A clause checklist, what needs work first: applicable gaps, applicable clauses found, then rules that do not apply; by rule id. */
export function compareCoverage([a, x]: readonly [string, Coverage], [b, y]: readonly [string, Coverage]): number {
  return Number(y.applies) - Number(x.applies) || STATUS_ORDER[x.status] - STATUS_ORDER[y.status] || cmp(a, b);
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
