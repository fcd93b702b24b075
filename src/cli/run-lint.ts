// The default command: collect files, lint them in workers, format, write, decide the exit code.
import os from "node:os";
import path from "node:path";
import { promises as fs } from "node:fs";
import type { FileResult } from "../model/finding.js";
import type { BaselineEntry } from "./baseline.js";
import type { ResolvedConfig } from "../model/ruleset.js";
import { t, type Locale } from "../i18n/index.js";
import type { FormatName } from "../formatters/index.js";
import type { PackageReport, Report, RuleInfo } from "../formatters/report.js";
import type { Io } from "./io.js";
import { ioErrorResult, type FileTask, type LintSettings, type LintTask } from "./file-result.js";
import { toolVersion } from "./version.js";
import type { LintPool } from "./pool.js";
import { lintInProcess } from "./in-process.js";
import { builtinRulesetNames, builtinRulesetPath, packageRoot } from "../config/paths.js";
import { ruleDocsBase, ruleHelpUri, type RuleDocsOptions } from "../formatters/rule-docs.js";

/**
 * Workers start before the configuration loads, so their start-up overlaps with it. The pool (and
 * worker_threads) loads only for a run that uses it, not for one file linted in process.
 */
export async function startPool(o: Pick<LintRunOptions, "jobs" | "timeoutMs" | "inputs">): Promise<LintPool> {
  const { LintPool, readersFor } = await import("./pool.js");
  const pool = new LintPool({ jobs: o.jobs, timeoutMs: o.timeoutMs, maxOldGenerationSizeMb: DEFAULT_HEAP_MB,
    preload: readersFor(o.inputs) });
  pool.warm(1);
  return pool;
}

export interface LintRunOptions {
  cwd: string;
  inputs: string[];
  stdinFilename?: string;
  format: FormatName;
  outputFile?: string;
  locale: Locale;
  color?: boolean;
  maxWarnings: number;          // -1 = no limit
  requireReason: boolean;
  jobs: number;
  timeoutMs: number;
  maxFileBytes?: number;
  ignorePatterns: string[];
  quiet: boolean;
  debug: boolean;
  /** Findings recorded in this file are suppressed (kind "baseline"). Relative to cwd. Wins over the config's `baseline:`. */
  baseline?: string;
  /** Record the unsuppressed findings into this file, then apply it. Relative to cwd. */
  writeBaseline?: string;
  /** `--package NAME`: every file of the run is judged as one package of that name. */
  packageName?: string;
  /** Reuse results of unchanged files (cache.ts), stored at cacheLocation (relative to cwd). */
  cache?: boolean;
  cacheLocation?: string;
  /** The inputs are one small file, linted in this thread when it is the run's only task (in-process.ts). */
  inProcess?: boolean;
}

/**
 * The per-file budget agrees with the default size cap (Markdown / text 4 MB): a 4 MB spec lints in
 * about a sixth of it on a shared 2-core machine (`npm run bench -- --scaling`), so only a file
 * that hangs reaches it.
 */
export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_HEAP_MB = 1024;
export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;

/** The CPUs this process may use (`--jobs auto`). */
export function cpuCount(): number {
  return Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
}

/** More files than this get a progress line on a terminal. */
export const PROGRESS_MIN_FILES = 5;

/**
 * One worker per CPU but one, at most two. A worker keeps more than one core busy: V8's background
 * threads collect its garbage and optimise its code, and the main thread gathers its results. On
 * 2 cores a second worker only took CPU from the first: the 120 bench specs took 1.38x the CPU
 * with --jobs 2 for 1.24x the wall time of --jobs 1 (paired runs).
 */
export function defaultJobs(cpus: number = cpuCount()): number {
  return Math.max(1, Math.min(2, cpus - 1));
}

/** Where the run's rule links point: the config's `docsUrl:` or the package's own docs/rules/. */
export function ruleDocsOptions(config: ResolvedConfig): RuleDocsOptions {
  const documented = new Map<string, string>();
  for (const name of builtinRulesetNames()) {
    const def = config.rulesets.find((r) => r.file === builtinRulesetPath(name));
    if (def) documented.set(def.id, name);
  }
  return { documented, packageRoot: packageRoot(), ...(config.docsUrl ? { docsUrl: config.docsUrl } : {}) };
}

export function ruleInfos(config: ResolvedConfig, docs: RuleDocsOptions = ruleDocsOptions(config)): RuleInfo[] {
  return config.rules.map((r) => {
    const helpUri = ruleHelpUri(r.rulesetId, r.id, docs);
    return {
      id: r.id, kind: r.kind, severity: r.severity, title: r.title, titleEn: r.titleEn, source: r.source,
      suggestion: r.suggestion, why: r.why, rulesetId: r.rulesetId, ...(helpUri ? { helpUri } : {}),
    };
  });
}

/** The config's `baseline:` named relative to cwd, as a user would type it, for messages. */
function configBaseline(config: ResolvedConfig, cwd: string): string | undefined {
  if (config.baseline === undefined) return undefined;
  const rel = path.relative(cwd, config.baseline);
  return rel && !path.isAbsolute(rel) ? rel : config.baseline;
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

/** The reader's own size caps follow --max-file-size when it is given. */
async function readOptionsFor(maxFileBytes: number | undefined) {
  if (maxFileBytes === undefined) return {};
  return { maxDocxBytes: maxFileBytes, maxTextBytes: maxFileBytes };
}

export async function runLint(o: LintRunOptions, config: ResolvedConfig, io: Io, warmPool?: LintPool): Promise<number> {
  const { collect, toUri } = await import("./collect.js");
  // A broken baseline fails before any file is read: a run without it would fail on every old finding.
  const applied = o.baseline ?? configBaseline(config, o.cwd);
  const baselineFile = o.writeBaseline ?? applied;
  const baselineEntries = applied && !o.writeBaseline
    ? await (await import("./baseline.js")).readBaseline(applied, o.cwd) : undefined;
  const settings: LintSettings = {
    config, readOptions: await readOptionsFor(o.maxFileBytes),
    maxFileBytes: o.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    requireReason: o.requireReason, locale: o.locale, debug: o.debug,
    ...(o.format === "html" ? { drafts: true } : {}),
  };
  // Warm workers compile the ruleset while the files are collected.
  warmPool?.configure(settings);
  const configDir = config.configFile ? path.dirname(config.configFile) : o.cwd;
  const collected = await collect(o.inputs, {
    cwd: o.cwd, ignore: o.ignorePatterns, configIgnore: config.ignore, ignoreBase: configDir,
    stdinFilename: o.stdinFilename,
  });
  let usageProblem = false;
  for (const p of collected.unmatched) {
    io.err(t("cli.error.noFilesMatched", { pattern: p }, o.locale) + "\n");
    usageProblem = true;
  }
  if (collected.targets.filter((x) => x.kind === "stdin").length > 1) {
    io.err(t("cli.error.stdinTwice", {}, o.locale) + "\n");
    return 2;
  }
  if (!collected.targets.length && !usageProblem) {
    io.err(t("cli.error.noInput", {}, o.locale) + "\n");
    return 2;
  }

  const done: FileResult[] = [];
  const fileTasks: FileTask[] = [];
  const paths = new Map<string, string>();
  for (const target of collected.targets) {
    if (target.kind === "missing") {
      done.push(ioErrorResult(target.uri, target.reason, target.reason, o.locale));
    } else if (target.kind === "stdin") {
      fileTasks.push({ kind: "bytes", uri: target.uri, bytes: await readStdin() });
    } else {
      paths.set(target.uri, target.path);
      // Fingerprints name the file relative to the project (config) folder, so a baseline written from
      // the project root still matches when the linter runs from a subfolder.
      const fingerprintUri = toUri(configDir, target.path);
      fileTasks.push({ kind: "file", uri: target.uri, path: target.path, ...(fingerprintUri !== target.uri ? { fingerprintUri } : {}) });
    }
  }
  const { groupIntoPackages, expandPackageResults } = await import("./packages.js");
  const grouped = await groupIntoPackages(fileTasks, {
    cliPackage: o.packageName, config, cwd: o.cwd, toUri: (p) => toUri(o.cwd, p), fingerprintUri: (p) => toUri(configDir, p),
  });
  const tasks: LintTask[] = grouped.tasks;
  for (const [uri, p] of grouped.paths) paths.set(uri, p);
  const cache = o.cache ? await openCache(o, settings) : undefined;
  const linted = cache ? await fromCache(cache, tasks, done) : tasks;
  // main() started no pool for a small file named alone; it may still have become a package (none
  // then) or, from the cache, nothing to lint.
  const inProcess = o.inProcess === true && !warmPool && linted.length <= 1 && linted.every((x) => x.kind === "file");
  const pool = warmPool ?? (inProcess ? undefined : await startPool(o));
  // A progress line on a terminal when there are more than a few files; nothing in pipes or CI logs.
  const progress = io.errIsTTY && linted.length > PROGRESS_MIN_FILES
    ? (n: number, total: number) => io.err(`\r${t("cli.progress", { n, total }, o.locale)}`)
    : undefined;
  let packages: PackageReport[] = [];
  try {
    const results = pool ? await pool.run(linted, settings, progress) : await lintInProcess(linted, settings);
    if (cache) await saveCache(cache, linted, results, o.locale, io);
    const expanded = expandPackageResults(results);
    done.push(...expanded.files);
    packages = expanded.packages;
  } finally {
    pool?.close();
    if (progress) io.err("\r\x1b[K");
  }

  let baselineNote = "";
  let baselineFailed = false;
  if (baselineFile) {
    const r = await settleBaseline(o, baselineFile, baselineEntries, done, paths, io);
    baselineNote = r.note;
    baselineFailed = r.failed;
  }

  const { buildReport } = await import("../formatters/report.js");
  // Files that name each other as annexes but were linted one by one are offered as a package.
  const { suggestPackages } = await import("../engine/annexes.js");
  const suggestedPackages = packages.length || o.packageName !== undefined ? [] : suggestPackages(done.flatMap((f) => (f.annexes ? [{ uri: f.uri, info: f.annexes }] : [])));
  const docs = ruleDocsOptions(config);
  const report: Report = buildReport(done, ruleInfos(config, docs), toolVersion(),
    { packages, suggestedPackages, informationUri: ruleDocsBase(docs) });
  const { loadFormatter } = await import("../formatters/index.js");
  const formatter = await loadFormatter(o.format);
  const color = o.color ?? (!o.outputFile && io.isTTY && !process.env.NO_COLOR);
  let text = await formatter(report, {
    locale: o.locale, color, quiet: o.quiet,
    ...(!o.outputFile && io.isTTY && io.columns ? { width: io.columns } : {}),
    readSource: async (uri) => {
      const p = paths.get(uri);
      return p ? new Uint8Array(await fs.readFile(p)) : null;
    },
  });
  if (baselineNote && o.format === "stylish") text += baselineNote + "\n";
  if (o.outputFile) {
    const { writeAtomic, OutputDirMissing } = await import("./output.js");
    try {
      await writeAtomic(o.outputFile, text);
    } catch (e) {
      if (e instanceof OutputDirMissing) throw e;
      io.err(t("cli.error.outputWrite", { file: o.outputFile, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message }, o.locale) + "\n");
      return 2;
    }
  } else {
    io.out(text);
  }

  const s = report.summary;
  const overWarnings = o.maxWarnings >= 0 && s.warnings > o.maxWarnings;
  if (overWarnings) io.err(t("cli.maxWarnings", { count: s.warnings, max: o.maxWarnings }, o.locale) + "\n");
  if (s.unreadable > 0 || usageProblem || baselineFailed) return 2;
  return s.errors > 0 || overWarnings ? 1 : 0;
}

async function openCache(o: LintRunOptions, settings: LintSettings) {
  const { ResultCache, cachePath, configHash } = await import("./cache.js");
  return ResultCache.open(await cachePath(o.cwd, o.cacheLocation), await configHash(settings));
}

type Cache = Awaited<ReturnType<typeof openCache>>;

/** Moves the results of unchanged files from the cache into `done`; returns the tasks still to lint. */
async function fromCache(cache: Cache, tasks: LintTask[], done: FileResult[]): Promise<LintTask[]> {
  const rest: LintTask[] = [];
  for (const task of tasks) {
    const hit = task.kind === "file" ? await cache.lookup(task) : undefined;
    if (hit) done.push(hit);
    else rest.push(task);
  }
  return rest;
}

/** A cache that cannot be written costs the next run time, never this run's results: a warning only. */
async function saveCache(cache: Cache, tasks: LintTask[], results: FileResult[], locale: Locale, io: Io): Promise<void> {
  for (let i = 0; i < tasks.length; i++) {
    const task = tasks[i]!;
    if (task.kind === "file") await cache.store(task, results[i]!);
  }
  try {
    await cache.save();
  } catch (e) {
    io.err(t("cli.cache.writeFailed", { file: cache.file, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message }, locale) + "\n");
  }
}

/**
 * --write-baseline records the run's unsuppressed findings and then applies them (the run that adopts
 * the linter passes); --baseline applies an existing file. Returns the stale-entry line for stylish.
 */
async function settleBaseline(o: LintRunOptions, file: string, entries: BaselineEntry[] | undefined,
  done: FileResult[], paths: ReadonlyMap<string, string>, io: Io): Promise<{ note: string; failed: boolean }> {
  const { applyBaseline, baselineUriMapper, buildBaseline, serializeBaseline } = await import("./baseline.js");
  const toBaselineUri = baselineUriMapper(file, o.cwd, paths);
  if (o.writeBaseline) {
    const unreadable = done.filter((f) => f.error).length;
    // A file that could not be read has no findings to record; writing now would make them "new" later.
    if (unreadable) {
      io.err(t("cli.baseline.notWritten", { file, n: unreadable }, o.locale) + "\n");
      return { note: "", failed: true };
    }
    const recorded = buildBaseline(done, toBaselineUri);
    const { writeAtomic } = await import("./output.js");
    try {
      await writeAtomic(path.resolve(o.cwd, file), serializeBaseline(recorded));
    } catch (e) {
      io.err(t("cli.baseline.writeFailed", { file, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message }, o.locale) + "\n");
      return { note: "", failed: true };
    }
    const n = recorded.reduce((a, e) => a + e.count, 0);
    io.err(t("cli.baseline.written", { file, n, files: new Set(recorded.map((e) => e.uri)).size }, o.locale) + "\n");
    entries = recorded;
  }
  const { stale } = applyBaseline(done, entries ?? [], toBaselineUri);
  const n = stale.reduce((a, e) => a + e.count, 0);
  return { note: n ? t("cli.baseline.stale", { file, n }, o.locale) : "", failed: false };
}
