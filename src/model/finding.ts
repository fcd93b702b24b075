import type { Location } from "./document.js";

export type Severity = "error" | "warning" | "info";
export type ClauseStatus = "present" | "partial" | "absent";

export interface Suppression { kind: "inline" | "file" | "baseline"; reason?: string }

/**
 * The flagged words with a little of their sentence on each side, as written (whitespace collapsed),
 * so a person can find them with Ctrl+F in the draft. `before` starts with 「…」 and `after` ends
 * with it where the sentence goes on; `match` is empty when the finding is on a whole block.
 */
export interface Snippet { before: string; match: string; after: string }

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** For clause (require) rules only. */
  status?: Exclude<ClauseStatus, "present">;
  message: string;
  uri: string;
  location?: Location;
  sectionPath?: string[];
  excerpt?: string;
  /** About 40 characters around the match (formatters show it; computed once, in the engine). */
  snippet?: Snippet;
  /**
   * "document": the finding is about the whole document (a clause found nowhere), wherever it is
   * placed; `belongsIn` then names the chapter where the clause belongs (a heading of the document,
   * or the rule's first `section` term when the document has no such chapter).
   */
  scope?: "document";
  belongsIn?: string;
  suggestion?: string;
  source?: string;
  fingerprint: string;
  suppressed?: Suppression;
}

/** Where a clause judgement rests. */
export interface Evidence {
  line: number;
  paragraph?: number;
  text?: string;
  /** The file the evidence is in: set when a package is judged as one. */
  uri?: string;
  /** In a package: the block's Word numbering label (「1.」「（２）」) and the headings above it. */
  label?: string;
  sectionPath?: string[];
}

/** Judgement of one require rule on one document, independent of whether it applies. */
export interface Coverage {
  status: ClauseStatus;
  applies: boolean;
  missing: string[];
  /** Where the judgement rests, and that sentence (or title) as written. */
  evidence: Evidence | null;
  /**
   * Why a clause is not present: elements-missing, bare-duty (only a weak duty on the topic),
   * heading-only (a title whose body is not in the input), annex-not-supplied (left to an annex the
   * input lacks), excluded, deferred, not-a-duty, nothing.
   */
  why?: string;
  /** When the rule does not apply: the conditions that did not hold, in words (report text). */
  notApplying?: string;
}

export type InputErrorCode =
  | "encrypted-docx" | "legacy-doc" | "zip-bomb" | "not-docx" | "corrupt-docx" | "too-large"
  | "undecodable" | "unsupported" | "io" | "timeout" | "out-of-memory" | "internal";

export interface FileError { code: InputErrorCode; message: string }

/**
 * A Word draft rendered for the HTML report by the worker that read it (formatters/docx-html.ts):
 * mammoth's HTML with every paragraph marked by our ordinal, or why it could not be rendered.
 */
export type DraftRendering = { html: string } | { error: string };

export interface FileResult {
  uri: string;
  format: "markdown" | "docx" | "text" | null;
  error: FileError | null;
  findings: Finding[];
  coverage: Record<string, Coverage>;
  /**
   * Set on the result of a package task (src/engine/package.ts): `coverage` above is the package's,
   * judged over its members; each member's own result (its findings) is here.
   */
  package?: { name: string; members: FileResult[] };
  /** Which annex the file is and which it names (src/engine/annexes.ts): how a folder is offered as a package. */
  annexes?: { provides: string[]; references: string[] };
  /** A Word file's draft, present only when the run renders drafts (`--format html`). */
  draft?: DraftRendering;
}
