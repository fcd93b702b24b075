// Two editions of a spec (files or packages) → what the new one lost or gained, per clause rule:
// the status of every require rule, and the number every threshold check reads (a bound that got
// weaker, a number that disappeared). Rules never see the format; places are given as each file has them.
import type { Block } from "../model/document.js";
import type { ClauseStatus, Severity } from "../model/finding.js";
import type { Locale } from "../i18n/index.js";
import type { ResolvedConfig, ResolvedRule } from "../model/ruleset.js";
import type { AnalysedBlock } from "./analysed.js";
import type { RuleOf } from "./kinds/kind.js";
import { checkDocument } from "./index.js";
import { blockAtLine, headingsOf, mergeDocuments, type PackageMember } from "./package.js";
import { STATUS_ORDER } from "../model/order.js";
import { thresholdReadings, type ThresholdParams, type ThresholdReading } from "./kinds/threshold.js";

/** Where a person finds a clause: the file, its line or Word paragraph, and the headings above it. */
export interface Place {
  uri: string;
  line: number;
  paragraph?: number;
  /** Headings above, as displayed (Word numbering labels included). */
  sectionPath: string[];
  /** The block's own Word numbering label (「6.」「（２）」「ア」), when it has one. */
  label?: string;
  /** The sentence or number as written. */
  text?: string;
}

export interface ClauseState { status: ClauseStatus; applies: boolean; missing: string[]; place: Place | null }
export interface ThresholdState {
  check: string; label: string; direction: "min" | "max"; bound: string;
  /** The most favourable number the edition states, and where; null when none. */
  value: { hours: number; text: string; place: Place } | null;
  /** The first clause the check matched (with or without a number). */
  clause: Place | null;
}

/** One edition measured: per require rule its clause state, per threshold rule its checks. */
export interface EditionMeasure {
  files: string[];
  clauses: Record<string, ClauseState>;
  thresholds: Record<string, ThresholdState[]>;
}

function placeOf(ab: AnalysedBlock, display: ReadonlyMap<string, string>, fallbackUri: string, at?: { start: number; end: number }): Place {
  const b: Block = ab.block;
  const pos = at ? b.positionAt(ab.norm.toOriginal(at.start)) : { line: b.location.line };
  const uri = b.origin !== undefined ? display.get(b.origin) ?? b.origin : fallbackUri;
  return {
    uri, line: pos.line, ...(b.location.paragraph !== undefined ? { paragraph: b.location.paragraph } : {}),
    ...(b.label ? { label: b.label } : {}),
    sectionPath: headingsOf(b),
  };
}

/** Judge an edition (one file or the members of a package) for compare. */
export function measureEdition(members: readonly PackageMember[], config: ResolvedConfig, locale: Locale): EditionMeasure {
  const merged = mergeDocuments(members);
  const display = new Map(members.map((m) => [m.fingerprintUri ?? m.doc.uri, m.doc.uri]));
  const first = members[0]!.doc.uri;
  const { coverage, ctx } = checkDocument(merged, config, { locale });
  const clauses: Record<string, ClauseState> = {};
  const thresholds: Record<string, ThresholdState[]> = {};
  const analysed = new Map(ctx.blocks.map((ab) => [ab.block, ab]));
  const blockAt = (origin: string, line: number): AnalysedBlock | undefined => {
    const b = blockAtLine(merged.blocks, origin, line);
    return b && analysed.get(b);
  };
  for (const rule of config.rules) {
    const c = coverage[rule.id];
    if (rule.kind === "require" && c) {
      let place: Place | null = null;
      if (c.evidence) {
        const origin = c.evidence.uri ?? merged.uri;
        const ab = blockAt(origin, c.evidence.line);
        place = ab ? { ...placeOf(ab, display, first), line: c.evidence.line } : { uri: display.get(origin) ?? first, line: c.evidence.line, sectionPath: [] };
        if (c.evidence.paragraph !== undefined) place.paragraph = c.evidence.paragraph;
        if (c.evidence.text) place.text = c.evidence.text;
      }
      clauses[rule.id] = { status: c.status, applies: c.applies, missing: [...c.missing], place };
    } else if (rule.kind === "threshold") {
      // A threshold rule's params were validated against the kind's schema when the config loaded.
      thresholds[rule.id] = thresholdReadings(ctx, rule as unknown as RuleOf<ThresholdParams>).map((r: ThresholdReading) => ({
        check: r.check, label: r.label, direction: r.direction, bound: r.bound,
        value: r.value ? { hours: r.value.hours, text: r.value.text, place: placeOf(ctx.blocks[r.value.block]!, display, first, r.value) } : null,
        clause: r.clause !== null ? placeOf(ctx.blocks[r.clause]!, display, first) : null,
      }));
    }
  }
  return { files: members.map((m) => m.doc.uri), clauses, thresholds };
}

export type ChangeKind = "status" | "weaker" | "disappeared" | "stronger" | "appeared";

/** One difference between the editions that matters: a regression or an improvement. */
export interface EditionChange {
  ruleId: string;
  severity: Severity;
  title: string;
  titleEn?: string;
  kind: ChangeKind;
  direction: "regression" | "improvement";
  /** Threshold changes: the check and its label. */
  check?: string;
  label?: string;
  old: { status?: ClauseStatus; value?: string; place: Place | null };
  new: { status?: ClauseStatus; value?: string; place: Place | null };
}

export interface ClauseRow { ruleId: string; severity: Severity; title: string; titleEn?: string; old: ClauseState | null; new: ClauseState | null }
export interface ThresholdRow { ruleId: string; severity: Severity; check: string; label: string; bound: string; direction: "min" | "max"; old: ThresholdState | null; new: ThresholdState | null }

export interface Comparison {
  old: { files: string[] };
  new: { files: string[] };
  clauses: ClauseRow[];
  thresholds: ThresholdRow[];
  /** In rule order; regressions first. */
  changes: EditionChange[];
  summary: { regressions: number; improvements: number; errorRegressions: number };
}


function ruleHead(r: ResolvedRule) {
  return { ruleId: r.id, severity: r.severity, title: r.title, ...(r.titleEn ? { titleEn: r.titleEn } : {}) };
}

/** A check's reading in both editions → the change, if any (weaker/stronger number, number gone or new). */
function thresholdChange(o: ThresholdState, n: ThresholdState): { kind: ChangeKind; direction: EditionChange["direction"] } | null {
  if (o.value && !n.value) return { kind: "disappeared", direction: "regression" };
  if (!o.value && n.value) return { kind: "appeared", direction: "improvement" };
  if (!o.value || !n.value || o.value.hours === n.value.hours) return null;
  const stronger = o.direction === "min" ? n.value.hours > o.value.hours : n.value.hours < o.value.hours;
  return stronger ? { kind: "stronger", direction: "improvement" } : { kind: "weaker", direction: "regression" };
}

/** Compare two measured editions under the same rules. */
export function compareEditions(oldM: EditionMeasure, newM: EditionMeasure, config: ResolvedConfig): Comparison {
  const clauses: ClauseRow[] = [];
  const thresholds: ThresholdRow[] = [];
  const regressions: EditionChange[] = [];
  const improvements: EditionChange[] = [];
  for (const rule of config.rules) {
    if (rule.kind === "require") {
      const o = oldM.clauses[rule.id] ?? null; const n = newM.clauses[rule.id] ?? null;
      clauses.push({ ...ruleHead(rule), old: o, new: n });
      // A rule that does not apply to the new edition (no personal data any more) cannot regress.
      if (!o || !n || !n.applies || STATUS_ORDER[o.status] === STATUS_ORDER[n.status]) continue;
      const change: EditionChange = {
        ...ruleHead(rule), kind: "status", direction: STATUS_ORDER[n.status] < STATUS_ORDER[o.status] ? "regression" : "improvement",
        old: { status: o.status, place: o.place }, new: { status: n.status, place: n.place },
      };
      (change.direction === "regression" ? regressions : improvements).push(change);
    } else if (rule.kind === "threshold") {
      const os = oldM.thresholds[rule.id] ?? []; const ns = newM.thresholds[rule.id] ?? [];
      for (const o of os) {
        const n = ns.find((x) => x.check === o.check);
        if (!n) continue;
        thresholds.push({ ...ruleHead(rule), check: o.check, label: o.label, bound: o.bound, direction: o.direction, old: o, new: n });
        const c = thresholdChange(o, n);
        if (!c) continue;
        const change: EditionChange = {
          ...ruleHead(rule), ...c, check: o.check, label: o.label,
          old: { ...(o.value ? { value: o.value.text } : {}), place: o.value?.place ?? o.clause },
          new: { ...(n.value ? { value: n.value.text } : {}), place: n.value?.place ?? n.clause },
        };
        (c.direction === "regression" ? regressions : improvements).push(change);
      }
    }
  }
  return {
    old: { files: oldM.files }, new: { files: newM.files }, clauses, thresholds,
    changes: [...regressions, ...improvements],
    summary: {
      regressions: regressions.length, improvements: improvements.length,
      errorRegressions: regressions.filter((c) => c.severity === "error").length,
    },
  };
}
