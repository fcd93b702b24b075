// SARIF 2.1.0 for code-scanning dashboards. No timestamps or absolute paths: output is deterministic.
import type { Finding } from "../model/finding.js";
import type { FormatOptions, Report, RuleInfo } from "./report.js";
import { ruleTitle } from "./report.js";
import { describeSection } from "./where.js";
import { jsonPackageView } from "./package-view.js";

const LEVEL = { error: "error", warning: "warning", info: "note" } as const;

function rule(r: RuleInfo, opts: FormatOptions) {
  const title = ruleTitle(r, opts.locale);
  const help = [title, r.why ?? "", r.suggestion ? `例文 / template: ${r.suggestion}` : "", `根拠 / source: ${r.source}`]
    .filter(Boolean).join("\n\n");
  return {
    id: r.id,
    name: r.id.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase()),
    shortDescription: { text: title },
    fullDescription: { text: r.why ?? title },
    help: { text: help },
    defaultConfiguration: { level: LEVEL[r.severity] },
    ...(r.helpUri ? { helpUri: r.helpUri } : {}),
    properties: { kind: r.kind, ruleset: r.rulesetId, source: r.source },
  };
}

function location(uri: string, x: Finding) {
  const physical: Record<string, unknown> = { artifactLocation: { uri } };
  if (x.location) {
    const l = x.location;
    const region: Record<string, unknown> = { startLine: l.line, startColumn: l.column, endLine: l.endLine, endColumn: l.endColumn };
    // SARIF's own field for the matched text (viewers show it; for Word it is the text to search for).
    if (x.snippet?.match) region.snippet = { text: x.snippet.match };
    physical.region = region;
  }
  const loc: Record<string, unknown> = { physicalLocation: physical };
  const section = describeSection(x.sectionPath);
  if (section) loc.logicalLocations = [{ fullyQualifiedName: section, kind: "section" }];
  if (x.location && (x.location.paragraph !== undefined || x.location.table || (x.location.region && x.location.region !== "body"))) {
    loc.properties = {
      paragraph: x.location.paragraph ?? null,
      region: x.location.region ?? "body",
      table: x.location.table ?? null,
    };
  }
  return loc;
}

/** Findings the engine itself makes (unused directives, unseen content) get a descriptor too. */
function withBuiltinRules(report: Report): RuleInfo[] {
  const known = new Set(report.rules.map((r) => r.id));
  const extra = new Map<string, RuleInfo>();
  for (const f of report.files) {
    for (const x of f.findings) {
      if (known.has(x.ruleId) || extra.has(x.ruleId)) continue;
      extra.set(x.ruleId, { id: x.ruleId, kind: "builtin", severity: x.severity, title: x.ruleId, source: "chotatsu-lint", rulesetId: "chotatsu-lint" });
    }
  }
  return [...report.rules, ...[...extra.values()].sort((a, b) => (a.id < b.id ? -1 : 1))];
}

export function formatSarif(report: Report, opts: FormatOptions): string {
  const rules = withBuiltinRules(report);
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results: unknown[] = [];
  const notifications: unknown[] = [];
  for (const f of report.files) {
    if (f.error) {
      notifications.push({
        level: "error",
        message: { text: f.error.message },
        descriptor: { id: f.error.code },
        locations: [{ physicalLocation: { artifactLocation: { uri: f.uri } } }],
      });
      continue;
    }
    for (const x of f.findings) {
      if (opts.quiet && x.severity !== "error") continue;
      const r: Record<string, unknown> = { ruleId: x.ruleId };
      const i = index.get(x.ruleId);
      if (i !== undefined) r.ruleIndex = i;
      r.level = LEVEL[x.severity];
      r.message = { text: x.suggestion ? `${x.message}\n${x.suggestion}` : x.message };
      r.locations = [location(f.uri, x)];
      r.partialFingerprints = { "chotatsuLint/v1": x.fingerprint };
      if (x.status || x.scope) {
        r.properties = { ...(x.status ? { status: x.status } : {}),
          ...(x.scope ? { scope: x.scope, belongsIn: x.belongsIn ?? null } : {}) };
      }
      if (x.suppressed) {
        r.suppressions = [{
          kind: x.suppressed.kind === "baseline" ? "external" : "inSource",
          ...(x.suppressed.reason ? { justification: x.suppressed.reason } : {}),
        }];
      }
      results.push(r);
    }
  }
  const sarif = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [{
      tool: {
        driver: {
          name: report.tool.name,
          version: report.tool.version,
          ...(report.tool.informationUri ? { informationUri: report.tool.informationUri } : {}),
          rules: rules.map((r) => rule(r, opts)),
        },
      },
      columnKind: "utf16CodeUnits",
      invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
      results,
      // The package view (coverage over a package's files) in the run's property bag.
      ...(report.packages || report.suggestedPackages ? { properties: jsonPackageView(report) } : {}),
    }],
  };
  return JSON.stringify(sarif, null, 2) + "\n";
}
