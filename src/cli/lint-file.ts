// One file → one FileResult. Runs inside a worker thread (src/cli/worker.ts), so a file that
// hangs or exhausts memory takes down only its worker, never the run.
import { promises as fs } from "node:fs";
import type { FileResult } from "../model/finding.js";
import { readSpec } from "../readers/index.js";
import { InputError } from "../readers/errors.js";
import { lintDocument } from "../engine/index.js";
import { lintPackage, type PackageMember } from "../engine/package.js";
import { annexInfo, bodyFirst } from "../engine/annexes.js";
import type { SpecDocument } from "../model/document.js";
import { getMatcher, matcherInputs, restoreMatcher } from "../engine/matcher.js";
import { readBuiltinMatcher } from "../config/builtin-cache.js";
import { kindTerms } from "../engine/kinds/index.js";
import { errorResult, formatFromName, ioErrorResult, type FileTask, type LintSettings, type LintTask } from "./file-result.js";

export { errorResult, formatFromName, ioErrorResult, type FileTask, type LintSettings, type LintTask } from "./file-result.js";

/** A file task's bytes, or the result that says why they cannot be read. */
export async function readBytes(task: FileTask, s: LintSettings): Promise<Uint8Array | FileResult> {
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
 * on each file, where the error is reported as that file's result. The main thread's config loader
 * has checked every pattern, so regexes compile when a file first needs them. A configuration the
 * build stored a matcher for (the built-in rulesets as shipped) restores it instead.
 */
export function prepare(s: LintSettings): void {
  try {
    const stored = readBuiltinMatcher(matcherInputs(s.config, kindTerms));
    if (stored) restoreMatcher(s.config, stored);
    else getMatcher(s.config, kindTerms, { patternsChecked: true });
  } catch {
    // reported per file by lintFile
  }
}

/** The bytes `annotate` judges: its earlier comments removed, so it never judges or counts its own comments. */
async function withoutOwnComments(task: FileTask, bytes: Uint8Array): Promise<Uint8Array> {
  if (task.kind !== "file" || !task.withoutCommentsBy || formatFromName(task.uri) !== "docx") return bytes;
  const { stripOwnComments } = await import("../writers/docx/annotate.js");
  try {
    return stripOwnComments(bytes, task.withoutCommentsBy);
  } catch {
    // Not a Word zip we can edit: the reader, with its guards, says why.
    return bytes;
  }
}

/** Read one task's document; a file that cannot be read or parsed becomes its error result. */
export async function readTask(task: FileTask, s: LintSettings): Promise<SpecDocument | FileResult> {
  const read = await readDocument(task, s);
  return "doc" in read ? read.doc : read;
}

/**
 * A task's document and the bytes it was read from (the draft is rendered from the file as it is);
 * `read`: its bytes when reading them started earlier.
 */
async function readDocument(task: FileTask, s: LintSettings, read = readBytes(task, s)): Promise<{ doc: SpecDocument; bytes: Uint8Array } | FileResult> {
  const bytes = await read;
  if (!(bytes instanceof Uint8Array)) return bytes;
  try {
    return { doc: await readSpec(await withoutOwnComments(task, bytes), task.uri, s.readOptions), bytes };
  } catch (e) {
    return crashResult(task.uri, e, s);
  }
}

/** `{ draft }` of a Word file when the run renders drafts (`--format html`), else nothing. */
async function draftOf(doc: SpecDocument, bytes: Uint8Array, s: LintSettings): Promise<Pick<FileResult, "draft">> {
  if (!s.drafts || doc.format !== "docx") return {};
  const { renderDraft } = await import("../formatters/docx-html.js");
  return { draft: await renderDraft(bytes, doc.blocks) };
}

function crashResult(uri: string, e: unknown, s: LintSettings): FileResult {
  if (e instanceof InputError) return errorResult(uri, e.code, e.messageId, e.params, s.locale);
  const reason = s.debug ? ((e as Error).stack ?? String(e)) : ((e as Error).message ?? String(e));
  return errorResult(uri, "internal", "cli.file.crashed", { reason }, s.locale);
}

/** `reading`: the file's bytes when reading them started earlier (readBytes), else it reads them now. */
export async function lintFile(task: LintTask, s: LintSettings, reading?: Promise<Uint8Array | FileResult>): Promise<FileResult> {
  if (task.kind === "package") return lintPackageTask(task, s);
  const read = await readDocument(task, s, reading);
  if (!("doc" in read)) return read;
  const { doc, bytes } = read;
  try {
    const fingerprintUri = task.kind === "file" ? task.fingerprintUri : undefined;
    const { findings, coverage } = await lintDocument(doc, s.config, { requireReason: s.requireReason, locale: s.locale, fingerprintUri });
    const annexes = annexInfo(doc);
    return { uri: task.uri, format: doc.format, error: null, findings, coverage,
      ...(annexes.provides.length || annexes.references.length ? { annexes } : {}), ...await draftOf(doc, bytes, s) };
  } catch (e) {
    return crashResult(task.uri, e, s);
  }
}

/**
 * A package's members read and judged as one. The result stands for the package (uri = its name);
 * `package.members` holds each file's result, unreadable members included, judged over the rest.
 */
async function lintPackageTask(task: Extract<LintTask, { kind: "package" }>, s: LintSettings): Promise<FileResult> {
  const unreadable: FileResult[] = [];
  let members: PackageMember[] = [];
  const bytesOf = new Map<SpecDocument, Uint8Array>();
  for (const m of task.members) {
    const read = await readDocument(m, s);
    if (!("doc" in read)) { unreadable.push(read); continue; }
    bytesOf.set(read.doc, read.bytes);
    members.push({ doc: read.doc, ...(m.kind === "file" && m.fingerprintUri ? { fingerprintUri: m.fingerprintUri } : {}) });
  }
  // The body first, so findings on the whole package (an absent clause) land on it.
  members = bodyFirst(members, (m) => annexInfo(m.doc));
  try {
    const judged = lintPackage(members, s.config, { requireReason: s.requireReason, locale: s.locale });
    const results: FileResult[] = [];
    for (const [i, m] of members.entries()) {
      results.push({ uri: m.doc.uri, format: m.doc.format, error: null, findings: judged.findings[i]!, coverage: {},
        ...await draftOf(m.doc, bytesOf.get(m.doc)!, s) });
    }
    return { uri: task.uri, format: null, error: null, findings: [], coverage: judged.coverage,
      package: { name: task.name, members: [...results, ...unreadable] } };
  } catch (e) {
    return crashResult(task.uri, e, s);
  }
}
