// One small file linted in the main thread, without a worker. A worker costs a Node start-up, a
// second load of the engine and readers, and a copy of the configuration (~200 ms together), more
// than linting a small spec takes. What a worker guards against, a file that hangs or exhausts the
// heap, must not be able to happen to a file linted here: the Markdown parser is superlinear on some
// hostile input (a run of nested brackets 「[[[…]]]」: 3 s at 64 KB, but 116 s at 240 KB, past the
// default 60 s budget), so only a Markdown or text file of at most IN_PROCESS_MAX_BYTES, named alone on
// the command line, with the default --timeout, is linted here; every other run uses the pool.
import { promises as fs } from "node:fs";
import path from "node:path";
import type { FileResult } from "../model/finding.js";
import { errorResult, type LintSettings, type LintTask } from "./file-result.js";

/**
 * A real spec this size lints in ~0.3 s; the worst hostile input found (nested brackets) in ~3 s,
 * inside the default 60 s budget a worker would enforce. Typical drafts (20–60 KB) stay under it.
 */
export const IN_PROCESS_MAX_BYTES = 64 * 1024;

/** Formats whose readers are linear and read only the file's own bytes (a Word zip inflates). */
const IN_PROCESS_EXTENSIONS = new Set([".md", ".markdown", ".txt"]);

/**
 * Whether the run's inputs are one small Markdown or text file, and no --timeout asks for a budget
 * that only a worker can enforce. Decided from argv and one stat, before the pool would start.
 */
export async function runsInProcess(inputs: readonly string[], cwd: string, timeoutGiven: boolean): Promise<boolean> {
  if (timeoutGiven || inputs.length !== 1 || inputs[0] === "-") return false;
  const input = inputs[0]!;
  if (!IN_PROCESS_EXTENSIONS.has(path.extname(input).toLowerCase())) return false;
  try {
    const st = await fs.stat(path.resolve(cwd, input));
    return st.isFile() && st.size <= IN_PROCESS_MAX_BYTES;
  } catch {
    return false;   // a missing file is reported by collect, the same way either side
  }
}

/** The pool's `run` for tasks linted in this thread, one after another. */
export async function lintInProcess(tasks: LintTask[], settings: LintSettings): Promise<FileResult[]> {
  const { lintFile, prepare } = await import("./lint-file.js");
  prepare(settings);
  const results: FileResult[] = [];
  for (const task of tasks) {
    try {
      results.push(await lintFile(task, settings));
    } catch (e) {
      // What would have crashed a worker (lintFile turns reading and judging errors into results itself).
      const reason = settings.debug ? ((e as Error).stack ?? String(e)) : ((e as Error).message ?? String(e));
      results.push(errorResult(task.uri, "internal", "cli.file.crashed", { reason }, settings.locale));
    }
  }
  return results;
}
