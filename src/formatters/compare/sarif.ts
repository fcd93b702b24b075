// compare --format sarif: each regression is a result at its place in the new edition (the old place
// as a related location); improvements are notes, so a dashboard shows what a new edition lost.
import type { EditionChange, Place } from "../../engine/editions.js";
import { describeSection } from "../where.js";
import { describeChange, describePlace, ruleTitleOf, type CompareFormatOptions, type CompareReport } from "./describe.js";

const LEVEL = { error: "error", warning: "warning", info: "note" } as const;

function location(p: Place, fallbackUri: string, id?: number) {
  const physical: Record<string, unknown> = { artifactLocation: { uri: p.uri || fallbackUri }, region: { startLine: p.line } };
  const loc: Record<string, unknown> = { ...(id !== undefined ? { id } : {}), physicalLocation: physical };
  const section = describeSection(p.sectionPath);
  if (section) loc.logicalLocations = [{ fullyQualifiedName: section, kind: "section" }];
  if (p.paragraph !== undefined) loc.properties = { paragraph: p.paragraph };
  return loc;
}

function result(c: EditionChange, newFirst: string, oldFirst: string, opts: CompareFormatOptions) {
  const old = describePlace(c.old.place, opts.locale);
  const text = `${ruleTitleOf(c, opts.locale)}: ${describeChange(c, opts.locale)}（${old}）`;
  const where = c.new.place ?? { uri: newFirst, line: 1, sectionPath: [] };
  return {
    ruleId: c.ruleId,
    level: c.direction === "regression" ? LEVEL[c.severity] : "note",
    kind: c.direction === "regression" ? "fail" : "pass",
    message: { text },
    locations: [location(where, newFirst)],
    relatedLocations: [{ ...location(c.old.place ?? { uri: oldFirst, line: 1, sectionPath: [] }, oldFirst, 1), message: { text: old } }],
    properties: { direction: c.direction, change: c.kind, ...(c.check ? { check: c.check } : {}),
      old: c.old.status ?? c.old.value ?? null, new: c.new.status ?? c.new.value ?? null },
  };
}

export function formatCompareSarif(report: CompareReport, opts: CompareFormatOptions): string {
  const c = report.comparison;
  const ids = [...new Set(c.changes.map((x) => x.ruleId))];
  const rules = ids.map((id) => {
    const x = c.changes.find((y) => y.ruleId === id)!;
    return { id, shortDescription: { text: ruleTitleOf(x, opts.locale) }, defaultConfiguration: { level: LEVEL[x.severity] } };
  });
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [{
      tool: { driver: { name: report.tool.name, version: report.tool.version, rules } },
      invocations: [{ executionSuccessful: true, properties: { old: c.old.files, new: c.new.files } }],
      results: c.changes.map((x) => result(x, c.new.files[0]!, c.old.files[0]!, opts)),
    }],
  };
  return JSON.stringify(sarif, null, 2) + "\n";
}
