// One file → one FileResult. Runs inside a worker thread (src/cli/worker.ts), so a file that
// hangs or exhausts memory takes down only its worker, never the run.
import { promises as fs } from "node:fs";
import path from "node:path";
import type { FileResult, InputErrorCode } from "../model/finding.js";
import type { ResolvedConfig } from "../model/ruleset.js";
import { t, type Locale, type Params } from "../i18n/index.js";
import { readSpec, type ReadOptions } from "../readers/index.js";
import { InputError } from "../readers/errors.js";
import { lintDocument } from "../engine/index.js";
import { getMatcher } from "../engine/matcher.js";
import { kindTerms } from "../engine/kinds/index.js";

export interface LintSettings {
  config: ResolvedConfig;
  readOptions: Partial<ReadOptions>;
  /** Checked with stat() before reading, so a huge file is never loaded. */
  maxFileBytes: number;
  requireReason: boolean;
  locale: Locale;
  debug: boolean;
}

/** `fingerprintUri`: the file's path relative to the project folder, when it differs from `uri`. */
export type LintTask =
  | { kind: "file"; uri: string; path: string; fingerprintUri?: string }
  | { kind: "bytes"; uri: string; bytes: Uint8Array };

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

async function readBytes(task: LintTask, s: LintSettings): Promise<Uint8Array | FileResult> {
  if (task.kind === "bytes") return task.bytes;
  try {
    const st = await fs.stat(task.path);
    // A FIFO or device would block the read forever; only regular files are read.
    if (!st.isFile()) return errorResult(task.uri, "io", "cli.file.notRegular", {}, s.locale);
    if (st.size > s.maxFileBytes) {
      return errorResult(task.uri, "too-large", "cli.file.tooLarge", { size: st.size, max: s.maxFileBytes }, s.locale);
    }
    return new Uint8Array(await fs.readFile(task.path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return ioErrorResult(task.uri, code, (e as Error).message, s.locale);
  }
}

/**
 * Compiles the configuration's matcher before the first file arrives (it is memoised per config
 * object, and the worker keeps this one). A configuration that does not compile is left to fail
 * on each file, where the error is reported as that file's result.
 */
export function prepare(s: LintSettings): void {
  try {
    getMatcher(s.config, kindTerms);
  } catch {
    // reported per file by lintFile
  }
}

export async function lintFile(task: LintTask, s: LintSettings): Promise<FileResult> {
  const bytes = await readBytes(task, s);
  if (!(bytes instanceof Uint8Array)) return bytes;
  try {
    const doc = await readSpec(bytes, task.uri, s.readOptions);
    const fingerprintUri = task.kind === "file" ? task.fingerprintUri : undefined;
    const { findings, coverage } = await lintDocument(doc, s.config, { requireReason: s.requireReason, locale: s.locale, fingerprintUri });
    return { uri: task.uri, format: doc.format, error: null, findings, coverage };
  } catch (e) {
    if (e instanceof InputError) return errorResult(task.uri, e.code, e.messageId, e.params, s.locale);
    const reason = s.debug ? ((e as Error).stack ?? String(e)) : ((e as Error).message ?? String(e));
    return errorResult(task.uri, "internal", "cli.file.crashed", { reason }, s.locale);
  }
}
