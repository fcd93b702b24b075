// compare --format json: both editions' clause states, threshold readings, and the changes between them.
import type { ClauseState, EditionChange, Place, ThresholdState } from "../../engine/editions.js";
import type { CompareReport } from "./describe.js";

function place(p: Place | null) {
  if (!p) return null;
  return { uri: p.uri, line: p.line, paragraph: p.paragraph ?? null, label: p.label ?? null, sectionPath: [...p.sectionPath], text: p.text ?? null };
}

function clause(c: ClauseState | null) {
  return c ? { status: c.status, applies: c.applies, missing: [...c.missing], evidence: place(c.place) } : null;
}

function reading(r: ThresholdState | null) {
  if (!r) return null;
  return { value: r.value ? { text: r.value.text, hours: r.value.hours, place: place(r.value.place) } : null, clause: place(r.clause) };
}

function change(c: EditionChange) {
  return {
    ruleId: c.ruleId, severity: c.severity, title: c.title, direction: c.direction, kind: c.kind,
    check: c.check ?? null, label: c.label ?? null,
    old: { status: c.old.status ?? null, value: c.old.value ?? null, place: place(c.old.place) },
    new: { status: c.new.status ?? null, value: c.new.value ?? null, place: place(c.new.place) },
  };
}

export function toCompareJson(report: CompareReport) {
  const c = report.comparison;
  return {
    tool: { name: report.tool.name, version: report.tool.version },
    old: { files: [...c.old.files] },
    new: { files: [...c.new.files] },
    regressions: c.changes.filter((x) => x.direction === "regression").map(change),
    improvements: c.changes.filter((x) => x.direction === "improvement").map(change),
    clauses: c.clauses.map((r) => ({ ruleId: r.ruleId, severity: r.severity, title: r.title, old: clause(r.old), new: clause(r.new) })),
    thresholds: c.thresholds.map((r) => ({
      ruleId: r.ruleId, severity: r.severity, check: r.check, label: r.label, bound: r.bound, direction: r.direction,
      old: reading(r.old), new: reading(r.new),
    })),
    summary: { ...c.summary },
  };
}

export function formatCompareJson(report: CompareReport): string {
  return JSON.stringify(toCompareJson(report), null, 2) + "\n";
}
