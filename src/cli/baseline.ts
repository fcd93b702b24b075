// The baseline file: the findings a repository accepted when it adopted the linter. Known findings
// are marked suppressed (kind "baseline") so only new ones fail a run; entries that no longer match
// are counted as fixed so the file can be refreshed.
import { promises as fs } from "node:fs";
import path from "node:path";
import type { FileResult, Finding } from "../model/finding.js";
import type { Params } from "../i18n/index.js";
import { cmp, compareFindings } from "../model/order.js";

export const BASELINE_VERSION = 1;

/** One accepted finding identity; `count` findings of one file may share a fingerprint (a repeated sentence). */
export interface BaselineEntry { uri: string; ruleId: string; fingerprint: string; count: number }

export class BaselineError extends Error {
  constructor(readonly messageId: string, readonly params: Params) {
    super(messageId);
    this.name = "BaselineError";
  }
}

/**
 * Baseline uris are relative to the baseline file's folder, so the file stays valid wherever the
 * linter is started from and whichever folder argument names the drafts.
 */
export function baselineUriMapper(baselineFile: string, cwd: string, paths: ReadonlyMap<string, string>): (uri: string) => string {
  const dir = path.dirname(path.resolve(cwd, baselineFile));
  return (uri) => {
    const abs = paths.get(uri) ?? path.resolve(cwd, uri);
    return path.relative(dir, abs).split(path.sep).join("/");
  };
}

function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  return cmp(a.uri, b.uri) || cmp(a.ruleId, b.ruleId) || cmp(a.fingerprint, b.fingerprint);
}

function keyOf(uri: string, ruleId: string, fingerprint: string): string {
  return `${uri}\n${ruleId}\n${fingerprint}`;
}

/** The unsuppressed findings of readable files, grouped by identity and sorted. */
export function buildBaseline(files: readonly FileResult[], toBaselineUri: (uri: string) => string): BaselineEntry[] {
  const byKey = new Map<string, BaselineEntry>();
  for (const f of files) {
    if (f.error) continue;
    const uri = toBaselineUri(f.uri);
    for (const x of f.findings) {
      if (x.suppressed) continue;
      const k = keyOf(uri, x.ruleId, x.fingerprint);
      const e = byKey.get(k);
      if (e) e.count++;
      else byKey.set(k, { uri, ruleId: x.ruleId, fingerprint: x.fingerprint, count: 1 });
    }
  }
  return [...byKey.values()].sort(compareEntries);
}

/** Stable text: fixed key order, sorted entries, no dates, so the file diffs cleanly under review. */
export function serializeBaseline(entries: readonly BaselineEntry[]): string {
  const findings = [...entries].sort(compareEntries)
    .map((e) => ({ uri: e.uri, ruleId: e.ruleId, fingerprint: e.fingerprint, count: e.count }));
  return JSON.stringify({ tool: "chotatsu-lint", version: BASELINE_VERSION, findings }, null, 2) + "\n";
}

function isEntry(v: unknown): v is BaselineEntry {
  if (!v || typeof v !== "object") return false;
  const e = v as Record<string, unknown>;
  return typeof e.uri === "string" && typeof e.ruleId === "string" && typeof e.fingerprint === "string"
    && typeof e.count === "number" && Number.isInteger(e.count) && e.count >= 1;
}

/** Parse a baseline's text; any shape problem names the file and the first bad entry. */
export function parseBaseline(text: string, file: string): BaselineEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new BaselineError("cli.baseline.corrupt", { file, reason: (e as Error).message });
  }
  const root = data as Record<string, unknown> | null;
  if (!root || typeof root !== "object" || Array.isArray(root)) {
    throw new BaselineError("cli.baseline.corrupt", { file, reason: "not an object" });
  }
  if (root.version !== BASELINE_VERSION) {
    throw new BaselineError("cli.baseline.version", { file, version: String(root.version), expected: BASELINE_VERSION });
  }
  if (!Array.isArray(root.findings)) {
    throw new BaselineError("cli.baseline.corrupt", { file, reason: "\"findings\" is not an array" });
  }
  root.findings.forEach((e, i) => {
    if (!isEntry(e)) throw new BaselineError("cli.baseline.corrupt", { file, reason: `findings[${i}]` });
  });
  return root.findings as BaselineEntry[];
}

export async function readBaseline(file: string, cwd: string): Promise<BaselineEntry[]> {
  let text: string;
  try {
    text = await fs.readFile(path.resolve(cwd, file), "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new BaselineError("cli.baseline.missing", { file });
    throw new BaselineError("cli.baseline.unreadable", { file, reason: code ?? (e as Error).message });
  }
  return parseBaseline(text, file);
}

export interface BaselineOutcome {
  /** Findings now marked `suppressed: { kind: "baseline" }`. */
  matched: number;
  /** Entries (count = how many were not found) of files linted in this run that no longer match. */
  stale: BaselineEntry[];
}

/**
 * Mark the first `count` unsuppressed findings of each entry, in report order, as baseline-suppressed.
 * Files not linted in this run (or unreadable) never make their entries stale.
 */
export function applyBaseline(files: readonly FileResult[], entries: readonly BaselineEntry[],
  toBaselineUri: (uri: string) => string): BaselineOutcome {
  const budget = new Map<string, number>();
  for (const e of entries) {
    const k = keyOf(e.uri, e.ruleId, e.fingerprint);
    budget.set(k, (budget.get(k) ?? 0) + e.count);
  }
  const checked = new Set<string>();
  let matched = 0;
  for (const f of files) {
    if (f.error) continue;
    const uri = toBaselineUri(f.uri);
    checked.add(uri);
    const ordered: Finding[] = [...f.findings].sort(compareFindings);
    for (const x of ordered) {
      if (x.suppressed) continue;
      const k = keyOf(uri, x.ruleId, x.fingerprint);
      const left = budget.get(k) ?? 0;
      if (left <= 0) continue;
      budget.set(k, left - 1);
      x.suppressed = { kind: "baseline" };
      matched++;
    }
  }
  const stale: BaselineEntry[] = [];
  const seen = new Set<string>();
  for (const e of [...entries].sort(compareEntries)) {
    const k = keyOf(e.uri, e.ruleId, e.fingerprint);
    if (seen.has(k) || !checked.has(e.uri)) continue;
    seen.add(k);
    const left = budget.get(k) ?? 0;
    if (left > 0) stale.push({ ...e, count: left });
  }
  return { matched, stale };
}
