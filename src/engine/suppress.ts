// Inline suppression: directives found by the readers decide which findings are suppressed;
// a directive that suppresses nothing is reported, and so is one without a reason when required.
import type { Directive, Location } from "../model/document.js";
import type { Finding } from "../model/finding.js";
import { t, type Locale } from "../i18n/index.js";
import { sha1Short } from "./context.js";

interface Scope { directive: Directive; kind: "inline" | "file"; covers(line: number | undefined): boolean; used: boolean }

const ENGINE_RULES = new Set(["unused-directive", "directive-reason"]);

function ruleMatches(d: Directive, ruleId: string): boolean {
  return d.rules.length === 0 || d.rules.includes(ruleId);
}

/** Turn directives into scopes; disable … enable pairs are matched per rule id. */
function scopes(directives: readonly Directive[]): Scope[] {
  const out: Scope[] = [];
  const sorted = [...directives].sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column);
  for (const d of sorted) {
    const line = d.location.line;
    switch (d.kind) {
      case "disable-file":
        out.push({ directive: d, kind: "file", covers: () => true, used: false });
        break;
      case "disable-next-line": {
        const from = d.targetLines?.from ?? line + 1; const to = d.targetLines?.to ?? from;
        out.push({ directive: d, kind: "inline", covers: (l) => l !== undefined && l >= from && l <= to, used: false });
        break;
      }
      case "disable-block": {
        const from = d.targetLines?.from ?? line; const to = d.targetLines?.to ?? from;
        out.push({ directive: d, kind: "inline", covers: (l) => l !== undefined && l >= from && l <= to, used: false });
        break;
      }
      case "disable": {
        const enable = sorted.find((e) => e.kind === "enable" && e.location.line > line
          && (e.rules.length === 0 || d.rules.length === 0 || d.rules.some((r) => e.rules.includes(r))));
        const to = enable ? enable.location.line : Infinity;
        out.push({ directive: d, kind: "inline", covers: (l) => l !== undefined && l > line && l < to, used: false });
        break;
      }
      case "enable":
        break;
    }
  }
  return out;
}

function describe(d: Directive): string {
  return `chotatsu-lint-${d.kind}${d.rules.length ? " " + d.rules.join(", ") : ""}`;
}

function engineFinding(ruleId: string, severity: Finding["severity"], d: Directive, uri: string, locale: Locale): Finding {
  const location: Location = { ...d.location };
  return {
    ruleId, severity, uri, location,
    message: t(ruleId, { directive: describe(d) }, locale),
    fingerprint: sha1Short(`${ruleId}\n${uri}\n${describe(d)}\n${d.location.line}`),
  };
}

/**
 * Mark suppressed findings (kept, with `suppressed`), then append unused-directive warnings and,
 * with requireReason, directive-reason errors.
 */
export function applySuppressions(findings: Finding[], directives: readonly Directive[], uri: string,
  opts: { requireReason?: boolean; locale?: Locale } = {}): Finding[] {
  const locale = opts.locale ?? "ja";
  const list = scopes(directives);
  for (const f of findings) {
    if (ENGINE_RULES.has(f.ruleId)) continue;
    const line = f.location?.line;
    for (const s of list) {
      if (!ruleMatches(s.directive, f.ruleId) || !s.covers(line)) continue;
      s.used = true;
      if (!f.suppressed) {
        f.suppressed = { kind: s.kind };
        if (s.directive.reason) f.suppressed.reason = s.directive.reason;
      }
    }
  }
  const extra: Finding[] = [];
  for (const s of list) if (!s.used) extra.push(engineFinding("unused-directive", "warning", s.directive, uri, locale));
  if (opts.requireReason) {
    for (const d of directives) {
      if (d.kind !== "enable" && !d.reason?.trim()) extra.push(engineFinding("directive-reason", "error", d, uri, locale));
    }
  }
  return findings.concat(extra);
}
