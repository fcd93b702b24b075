import type { Location } from "./document.js";

export type Severity = "error" | "warning" | "info";
export type ClauseStatus = "present" | "partial" | "absent";

export interface Suppression { kind: "inline" | "file" | "baseline"; reason?: string }

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
  suggestion?: string;
  source?: string;
  fingerprint: string;
  suppressed?: Suppression;
}

/** Judgement of one require rule on one document, independent of whether it applies. */
export interface Coverage {
  status: ClauseStatus;
  applies: boolean;
  missing: string[];
  evidence: { line: number; paragraph?: number } | null;
}

export type InputErrorCode =
  | "encrypted-docx" | "legacy-doc" | "zip-bomb" | "not-docx" | "corrupt-docx" | "too-large"
  | "undecodable" | "unsupported" | "io" | "timeout" | "out-of-memory" | "internal";

export interface FileError { code: InputErrorCode; message: string }

export interface FileResult {
  uri: string;
  format: "markdown" | "docx" | "text" | null;
  error: FileError | null;
  findings: Finding[];
  coverage: Record<string, Coverage>;
}
