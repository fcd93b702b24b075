// Runs the real CLI (bin/chotatsu-lint.js → dist/) as a user would, measuring wall time and peak
// memory, so the bad-input, fuzz and determinism suites test what ships rather than internals.
import { spawnSync, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const BIN = path.join(ROOT, "bin", "chotatsu-lint.js");
const MAIN = path.join(ROOT, "dist", "cli", "main.js");

/** Error codes of the JSON contract (issue 2) plus the two the worker pool adds. */
export const KNOWN_CODES = new Set([
  "encrypted-docx", "legacy-doc", "zip-bomb", "not-docx", "corrupt-docx", "too-large",
  "undecodable", "unsupported", "io", "timeout", "out-of-memory", "internal",
]);

/** Builds dist/ (and its bundle) once if it is missing or older than the sources (CI builds before testing). */
export function ensureBuilt(): void {
  const newest = (dir: string): number => {
    let max = 0;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      max = Math.max(max, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
    }
    return max;
  };
  if (fs.existsSync(MAIN) && fs.statSync(MAIN).mtimeMs >= newest(path.join(ROOT, "src"))) return;
  try {
    execFileSync(process.execPath, [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", ROOT], { stdio: "pipe" });
  } catch {
    // Type errors elsewhere still emit JavaScript; only a missing entry point is fatal.
  }
  if (!fs.existsSync(MAIN)) throw new Error(`build did not produce ${MAIN}`);
  // The rest of `npm run build`: the bundle bin/ runs (older than dist/, it would be skipped), the
  // stored rulesets and matchers and the bundle's code cache (stale ones are never used). Without
  // them the CLI still runs from dist/.
  for (const script of ["bundle.mjs", "gen-cache.mjs", "code-cache.mjs"]) {
    try {
      execFileSync(process.execPath, [path.join(ROOT, "scripts", script)], { stdio: "pipe" });
    } catch {
      break;
    }
  }
}

const TIME = fs.existsSync("/usr/bin/time") ? "/usr/bin/time" : null;

export interface CliRun {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  /** Wall time of the whole process, start-up included. */
  ms: number;
  /** Peak resident set size of the CLI process (all its worker threads), when /usr/bin/time exists. */
  maxRssMb: number | null;
  /** User + system CPU seconds, when /usr/bin/time exists: unlike wall time, not inflated by other load. */
  cpuS: number | null;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Kill after this long; a killed run has code null. */
  killAfterMs?: number;
  nodeArgs?: string[];
  input?: string | Buffer;
}

export function runCli(args: string[], opts: RunOptions = {}): CliRun {
  const rssFile = path.join(os.tmpdir(), `chotatsu-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const nodeCmd = [process.execPath, ...(opts.nodeArgs ?? []), BIN, ...args];
  const [cmd, ...argv] = TIME ? [TIME, "-f", "%M %U %S", "-o", rssFile, ...nodeCmd] : nodeCmd;
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", ...opts.env };
  delete env.NODE_OPTIONS; // vitest's own loader flags must not leak into the CLI
  const started = process.hrtime.bigint();
  const r = spawnSync(cmd!, argv, {
    cwd: opts.cwd ?? ROOT, env, encoding: "utf8", input: opts.input,
    timeout: opts.killAfterMs ?? 60_000, maxBuffer: 256 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  let maxRssMb: number | null = null;
  let cpuS: number | null = null;
  if (TIME && fs.existsSync(rssFile)) {
    const [kb, user, sys] = fs.readFileSync(rssFile, "utf8").trim().split("\n").pop()!.split(" ").map(Number);
    if (Number.isFinite(kb)) maxRssMb = Math.round(kb! / 1024);
    if (Number.isFinite(user) && Number.isFinite(sys)) cpuS = Math.round((user! + sys!) * 100) / 100;
    fs.rmSync(rssFile, { force: true });
  }
  // /usr/bin/time reports a signalled child as exit 128+n; normalise so callers see the real status.
  let code = r.status;
  if (TIME && code !== null && /Command terminated by signal/.test(r.stderr ?? "")) code = null;
  return { code, signal: r.signal, stdout: r.stdout ?? "", stderr: r.stderr ?? "", ms, maxRssMb, cpuS };
}

export interface JsonReport {
  tool: { name: string; version: string };
  files: JsonFile[];
  summary: { files: number; errors: number; warnings: number; infos: number; unreadable: number };
}
export interface JsonFile {
  uri: string;
  format: string | null;
  error: { code: string; message: string } | null;
  findings: Array<Record<string, unknown> & { ruleId: string; severity: string; message: string }>;
}

export function parseJson(run: CliRun): JsonReport {
  try {
    return JSON.parse(run.stdout) as JsonReport;
  } catch (e) {
    throw new Error(`stdout is not JSON (exit ${run.code}): ${(e as Error).message}\nstdout: ${run.stdout.slice(0, 500)}\nstderr: ${run.stderr.slice(0, 2000)}`);
  }
}

/** A V8/Node stack trace line, which users must never see without --debug. */
export const STACK_LINE = /^\s+at .+(\(|:\d+:\d+)/m;

export function fileEntry(report: JsonReport, uri: string): JsonFile {
  const norm = (u: string) => u.replace(/\\/g, "/").replace(/^\.\//, "");
  const hit = report.files.find((f) => norm(f.uri) === norm(uri) || norm(f.uri).endsWith("/" + norm(uri)));
  if (!hit) throw new Error(`no entry for ${uri} in report; uris: ${report.files.map((f) => f.uri).join(", ")}`);
  return hit;
}
