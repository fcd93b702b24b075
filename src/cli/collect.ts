// Inputs (files, folders, globs, "-") → a stable, de-duplicated list of lint targets.
import { promises as fs } from "node:fs";
import path from "node:path";

/** Extensions a folder walk or glob picks up. Legacy formats are picked up too, so that a .doc
 *  lying in a folder is reported as unreadable (with advice) instead of being silently skipped. */
export const LINTABLE_EXTENSIONS = [".docx", ".md", ".markdown", ".txt"];
export const REFUSED_EXTENSIONS = [".doc", ".pdf", ".rtf"];
const WALK_EXTENSIONS = new Set([...LINTABLE_EXTENSIONS, ...REFUSED_EXTENSIONS]);
const SKIP_DIRS = new Set(["node_modules", ".git"]);

export type Target =
  | { kind: "file"; uri: string; path: string }
  | { kind: "missing"; uri: string; path: string; reason: string }
  | { kind: "stdin"; uri: string };

export interface CollectOptions {
  cwd: string;
  /** Globs relative to `cwd` (--ignore-pattern). */
  ignore: string[];
  /** Globs relative to `ignoreBase` (the config file's folder). */
  configIgnore: string[];
  ignoreBase: string;
  stdinFilename?: string;
}

export interface Collected {
  targets: Target[];
  /** Glob patterns that matched nothing (a usage mistake worth saying). */
  unmatched: string[];
}

export function toUri(cwd: string, p: string): string {
  const rel = path.relative(cwd, p) || path.basename(p);
  return rel.split(path.sep).join("/");
}

function hasGlobChars(s: string): boolean {
  return /[*?[\]{}]/.test(s) || /(^|[^\\])[!@+]\(/.test(s);
}

/** picomatch loads only for a run with ignore patterns (most name their files and have none). */
async function matcher(patterns: string[]): Promise<(rel: string) => boolean> {
  if (!patterns.length) return () => false;
  const { default: picomatch } = await import("picomatch");
  const m = picomatch(patterns, { dot: true });
  // "drafts/old" should ignore the folder's contents, as users expect of .gitignore-like lists.
  const inside = picomatch(patterns.map((p) => p.replace(/\/+$/, "") + "/**"), { dot: true });
  return (rel) => m(rel) || inside(rel);
}

async function walk(dir: string, seen: Set<string>, out: string[]): Promise<void> {
  let real: string;
  try { real = await fs.realpath(dir); } catch { return; }
  if (seen.has(real)) return;            // a symlink loop or a folder reached twice
  seen.add(real);
  let entries;
  try { entries = await fs.readdir(dir, { withFileTypes: true }); } catch { return; }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    let isDir = e.isDirectory();
    if (e.isSymbolicLink()) {
      try { isDir = (await fs.stat(full)).isDirectory(); } catch { isDir = false; }
    }
    if (isDir) {
      if (SKIP_DIRS.has(e.name) || e.name.startsWith(".")) continue;
      await walk(full, seen, out);
    } else if (!e.name.startsWith(".") && WALK_EXTENSIONS.has(path.extname(e.name).toLowerCase())) {
      out.push(full);
    }
  }
}

async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
  const { glob } = await import("tinyglobby");
  const found = await glob(pattern, {
    cwd, absolute: true, dot: false, onlyFiles: true, followSymbolicLinks: true,
    ignore: ["**/node_modules/**", "**/.git/**"],
  });
  return found.filter((f) => WALK_EXTENSIONS.has(path.extname(f).toLowerCase()));
}

export async function collect(inputs: string[], opts: CollectOptions): Promise<Collected> {
  const ignoredByCli = await matcher(opts.ignore);
  const ignoredByConfig = await matcher(opts.configIgnore);
  const isIgnored = (abs: string) =>
    ignoredByCli(toUri(opts.cwd, abs)) || ignoredByConfig(toUri(opts.ignoreBase, abs));

  const targets: Target[] = [];
  const unmatched: string[] = [];
  const files: string[] = [];
  const seenDirs = new Set<string>();
  for (const input of inputs) {
    if (input === "-") {
      targets.push({ kind: "stdin", uri: opts.stdinFilename ?? "<stdin>" });
      continue;
    }
    const abs = path.resolve(opts.cwd, input);
    let stat;
    try { stat = await fs.stat(abs); } catch (e) {
      if (hasGlobChars(input)) {
        const found = await expandGlob(input, opts.cwd);
        if (!found.length) unmatched.push(input);
        files.push(...found);
      } else {
        targets.push({ kind: "missing", uri: toUri(opts.cwd, abs), path: abs, reason: (e as NodeJS.ErrnoException).code ?? "ENOENT" });
      }
      continue;
    }
    if (stat.isDirectory()) await walk(abs, seenDirs, files);
    else files.push(abs);                 // named explicitly: read it whatever its extension
  }

  const seenFiles = new Set<string>();
  for (const f of files) {
    if (isIgnored(f)) continue;
    let key = f;
    try { key = await fs.realpath(f); } catch { /* broken link: reported when read */ }
    if (seenFiles.has(key)) continue;
    seenFiles.add(key);
    targets.push({ kind: "file", uri: toUri(opts.cwd, f), path: f });
  }
  targets.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  return { targets, unmatched };
}
