// `chotatsu-lint compare OLD NEW`: two editions of a spec (a file, a folder or a configured package on
// each side, any format) → per clause rule the status in each, and what the new edition lost.
// `--compare-to-git REF FILE…`: the old edition is the files as committed at REF (git from the machine).
import path from "node:path";
import type { ResolvedConfig } from "../../engine/types.js";
import type { SpecDocument } from "../../model/document.js";
import { t, type Locale } from "../../i18n/index.js";
import { UsageError } from "../options.js";
import type { Io } from "../io.js";
import { ioErrorResult, readTask, type FileTask, type LintSettings } from "../lint-file.js";
import { DEFAULT_MAX_FILE_BYTES } from "../run-lint.js";
import { toolVersion } from "../version.js";
import { compareEditions, measureEdition } from "../../engine/editions.js";
import type { PackageMember } from "../../engine/package.js";
import { annexInfo, bodyFirst } from "../../engine/annexes.js";
import { formatComparison, isCompareFormat } from "../../formatters/compare/index.js";
import { gitShow, GitError } from "../git.js";

export interface CompareRunOptions {
  cwd: string;
  /** OLD NEW, or with gitRef the new edition's files. */
  editions: string[];
  gitRef?: string;
  format: string;
  outputFile?: string;
  locale: Locale;
  color?: boolean;
  debug: boolean;
  maxFileBytes?: number;
}

/** One edition as the files to read, in package order (the body first). */
interface Edition {
  tasks: FileTask[];
  /** The order is the user's (a configured package). */
  ordered?: boolean;
  /** Shown instead of the file name (「spec.md@HEAD」); the name itself still decides the format. */
  suffix?: string;
}

class EditionUnreadable extends Error {
  constructor(readonly lines: string[]) { super(lines.join("\n")); }
}

/** A file, a folder (its spec files form a package) or the name of a package in the config. */
async function resolveEdition(arg: string, o: CompareRunOptions, config: ResolvedConfig): Promise<Edition> {
  const { collect } = await import("../collect.js");
  const { packageFiles } = await import("../packages.js");
  const configured = config.packages?.find((p) => p.name === arg);
  const inputs = configured ? await packageFiles(configured, o.cwd, config) : [arg];
  const ignoreBase = config.configFile ? path.dirname(config.configFile) : o.cwd;
  const collected = await collect(inputs, { cwd: o.cwd, ignore: [], configIgnore: config.ignore, ignoreBase });
  const tasks: FileTask[] = [];
  for (const x of collected.targets) {
    if (x.kind === "file") tasks.push({ kind: "file", uri: x.uri, path: x.path });
    else if (x.kind === "missing") {
      const reason = ioErrorResult(x.uri, x.reason, x.reason, o.locale).error?.message ?? x.reason;
      throw new EditionUnreadable([t("compare.error.unreadable", { file: x.uri, reason }, o.locale)]);
    }
  }
  if (!tasks.length) throw new EditionUnreadable([t("compare.error.noFiles", { edition: arg }, o.locale)]);
  if (configured) {
    // A configured package keeps the order its files are listed in (collect sorts by name).
    const rank = (x: FileTask) => inputs.indexOf(x.kind === "file" ? x.path : "");
    tasks.sort((a, b) => rank(a) - rank(b));
  }
  return { tasks, ordered: Boolean(configured) };
}

/** The same files as committed at `ref`. */
async function gitEdition(edition: Edition, ref: string): Promise<Edition> {
  const tasks: FileTask[] = [];
  for (const task of edition.tasks) {
    if (task.kind !== "file") continue;
    const bytes = await gitShow(task.path, ref, task.uri);
    tasks.push({ kind: "bytes", uri: task.uri, bytes });
  }
  return { tasks, suffix: `@${ref}`, ...(edition.ordered ? { ordered: true } : {}) };
}

async function readEdition(e: Edition, s: LintSettings): Promise<PackageMember[]> {
  const members: PackageMember[] = [];
  const problems: string[] = [];
  for (const task of e.tasks) {
    const doc: SpecDocument | { uri: string; error: { message: string } | null } = await readTask(task, s);
    const shown = task.uri + (e.suffix ?? "");
    if ("blocks" in doc) members.push({ doc: e.suffix ? { ...doc, uri: shown } : doc });
    else problems.push(t("compare.error.unreadable", { file: shown, reason: doc.error?.message ?? "" }, s.locale));
  }
  if (problems.length) throw new EditionUnreadable(problems);
  // A folder's files are ordered body first, so whole-package findings land on the body.
  return e.ordered ? members : bodyFirst(members, (m) => annexInfo(m.doc));
}

export async function runCompare(o: CompareRunOptions, config: ResolvedConfig, io: Io): Promise<number> {
  if (!isCompareFormat(o.format)) throw new UsageError("compare.error.format", { format: o.format });
  const format = o.format;
  if (o.gitRef === undefined ? o.editions.length !== 2 : o.editions.length === 0) throw new UsageError("compare.error.editions");
  const settings: LintSettings = {
    config, readOptions: o.maxFileBytes !== undefined ? { maxDocxBytes: o.maxFileBytes, maxTextBytes: o.maxFileBytes } : {},
    maxFileBytes: o.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, requireReason: false, locale: o.locale, debug: o.debug,
  };
  let oldMembers: PackageMember[];
  let newMembers: PackageMember[];
  try {
    if (o.gitRef !== undefined) {
      const parts = await Promise.all(o.editions.map((arg) => resolveEdition(arg, o, config)));
      const current: Edition = { tasks: parts.flatMap((p) => p.tasks), ordered: parts.every((p) => p.ordered) };
      oldMembers = await readEdition(await gitEdition(current, o.gitRef), settings);
      newMembers = await readEdition(current, settings);
    } else {
      oldMembers = await readEdition(await resolveEdition(o.editions[0]!, o, config), settings);
      newMembers = await readEdition(await resolveEdition(o.editions[1]!, o, config), settings);
    }
  } catch (e) {
    if (e instanceof EditionUnreadable) { for (const line of e.lines) io.err(line + "\n"); return 2; }
    if (e instanceof GitError) { io.err(t(e.messageId, { ...e.params }, o.locale) + "\n"); return 2; }
    throw e;
  }
  const comparison = compareEditions(measureEdition(oldMembers, config, o.locale), measureEdition(newMembers, config, o.locale), config);
  const color = o.color ?? (!o.outputFile && io.isTTY && !process.env.NO_COLOR);
  const text = await formatComparison(format, { tool: { name: "chotatsu-lint", version: toolVersion() }, comparison }, { locale: o.locale, color });
  if (o.outputFile) {
    const { writeAtomic } = await import("../output.js");
    try {
      await writeAtomic(o.outputFile, text);
    } catch (e) {
      io.err(t("cli.error.outputWrite", { file: o.outputFile, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message }, o.locale) + "\n");
      return 2;
    }
  } else {
    io.out(text);
  }
  return comparison.summary.errorRegressions > 0 ? 1 : 0;
}
