// What the main thread needs to know of linting one file, without loading the engine or the
// readers that lint-file.ts (in a worker) imports: the task and settings types, and the results of
// files that could not be read.
import path from "node:path";
import type { FileResult, InputErrorCode } from "../model/finding.js";
import type { ResolvedConfig } from "../model/ruleset.js";
import type { ReadOptions } from "../readers/index.js";
import { t, type Locale, type Params } from "../i18n/index.js";

export interface LintSettings {
  config: ResolvedConfig;
  readOptions: Partial<ReadOptions>;
  /** Checked with stat() before reading, so a huge file is never loaded. */
  maxFileBytes: number;
  requireReason: boolean;
  locale: Locale;
  debug: boolean;
  /** Render each Word file's draft for the HTML report (FileResult.draft), while its bytes and blocks are at hand. */
  drafts?: boolean;
}

/** `fingerprintUri`: the file's path relative to the project folder, when it differs from `uri`. */
export type FileTask =
  | { kind: "file"; uri: string; path: string; fingerprintUri?: string;
      /** `annotate`: a Word file is read without the comments this author wrote (its own earlier run). */
      withoutCommentsBy?: string }
  | { kind: "bytes"; uri: string; bytes: Uint8Array };
/** `uri` of a package task is its name as reports show it; members are read in order (body first). */
export type LintTask = FileTask | { kind: "package"; uri: string; name: string; members: FileTask[] };

/** The format a file would have had, for results of files that could not be read. */
export function formatFromName(uri: string): FileResult["format"] {
  const ext = path.extname(uri).toLowerCase();
  if (ext === ".docx") return "docx";
  if (ext === ".md" || ext === ".markdown") return "markdown";
  if (ext === ".txt") return "text";
  return null;
}

export function errorResult(uri: string, code: InputErrorCode, messageId: string, params: Params, locale: Locale): FileResult {
  return { uri, format: formatFromName(uri), error: { code, message: t(messageId, params, locale) }, findings: [], coverage: {} };
}

/** An operating-system error reading `uri` → its result, the errno code turned into a reason a person can act on. */
export function ioErrorResult(uri: string, code: string | undefined, detail: string, locale: Locale): FileResult {
  const reason = code ?? detail;
  if (code === "ENOENT") return errorResult(uri, "io", "cli.file.notFound", {}, locale);
  if (code === "EACCES" || code === "EPERM") return errorResult(uri, "io", "cli.file.noPermission", { reason }, locale);
  if (code === "ELOOP") return errorResult(uri, "io", "cli.file.symlinkLoop", { reason }, locale);
  return errorResult(uri, "io", "cli.file.ioError", { reason }, locale);
}
