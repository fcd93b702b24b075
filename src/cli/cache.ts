// `--cache`: results of unchanged files kept between runs, in one JSON file.
// An entry is valid while three things hold: the file's content (SHA-256; its size and mtime are
// kept too, so a second run over unchanged files stats them and reads nothing but the cache), the
// configuration (a hash of the resolved rules, the settings that change a result and the contents
// of the data files rules name, such as eol products) and the tool version. Only results of files
// that were read and linted are stored: an unreadable file or a timeout is tried again next run.
import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
import type { FileResult } from "../model/finding.js";
import type { LintSettings } from "./file-result.js";
import { toolVersion } from "./version.js";

export const DEFAULT_CACHE_FILE = ".chotatsu-lint-cache";
const FORMAT = 1;

interface Entry {
  size: number;
  mtimeMs: number;
  sha256: string;
  uri: string;
  fingerprintUri?: string;
  result: FileResult;
}

interface CacheFile { format: number; version: string; configHash: string; entries: Record<string, Entry> }

export interface CacheTarget { path: string; uri: string; fingerprintUri?: string }

const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

/** Where the cache lives: `--cache-location` as a file, or a folder (ends in a separator or exists as one) holding the default name. */
export async function cachePath(cwd: string, location: string | undefined): Promise<string> {
  if (location === undefined) return path.resolve(cwd, DEFAULT_CACHE_FILE);
  const resolved = path.resolve(cwd, location);
  if (/[\\/]$/.test(location)) return path.join(resolved, DEFAULT_CACHE_FILE);
  const st = await fs.stat(resolved).catch(() => null);
  return st?.isDirectory() ? path.join(resolved, DEFAULT_CACHE_FILE) : resolved;
}

/** Everything that changes what a file's result is, besides the file itself. */
export async function configHash(settings: LintSettings): Promise<string> {
  const { config, readOptions, maxFileBytes, requireReason, locale, drafts } = settings;
  // The data files rules name (eol products) are in the config itself (rule.data, read at load).
  // Results of an HTML run carry Word drafts, so they are kept apart from the others.
  return sha256(JSON.stringify({ config, readOptions, maxFileBytes, requireReason, locale, drafts: drafts ?? false }));
}

export class ResultCache {
  private entries: Record<string, Entry> = {};
  private changed = false;

  private constructor(readonly file: string, private readonly hash: string) {}

  /** The cache at `file` for this configuration; empty when missing, unreadable or made for another configuration or version. */
  static async open(file: string, hash: string): Promise<ResultCache> {
    const cache = new ResultCache(file, hash);
    try {
      const data = JSON.parse(await fs.readFile(file, "utf8")) as CacheFile;
      if (data.format === FORMAT && data.version === toolVersion() && data.configHash === hash && data.entries) cache.entries = data.entries;
      else cache.changed = true;
    } catch {
      cache.changed = true;
    }
    return cache;
  }

  /** The stored result of an unchanged file: by size and mtime without reading it, else by content hash. */
  async lookup(target: CacheTarget): Promise<FileResult | undefined> {
    const entry = this.entries[target.path];
    if (!entry || entry.uri !== target.uri || entry.fingerprintUri !== target.fingerprintUri) return undefined;
    const st = await fs.stat(target.path).catch(() => null);
    if (!st?.isFile()) return undefined;
    if (st.size === entry.size && st.mtimeMs === entry.mtimeMs) return entry.result;
    if (st.size !== entry.size) return undefined;
    const content = await fs.readFile(target.path).catch(() => null);
    if (!content || sha256(content) !== entry.sha256) return undefined;
    entry.mtimeMs = st.mtimeMs; // touched but not changed: next time the stat is enough
    this.changed = true;
    return entry.result;
  }

  /**
   * Records a linted file, hashed as it is after linting. A file saved again while it was being
   * linted could keep the earlier content's result until its next change, as with any linter cache.
   */
  async store(target: CacheTarget, result: FileResult): Promise<void> {
    if (result.error) {
      if (this.entries[target.path]) { delete this.entries[target.path]; this.changed = true; }
      return;
    }
    const [st, content] = await Promise.all([fs.stat(target.path).catch(() => null), fs.readFile(target.path).catch(() => null)]);
    if (!st || !content) return;
    this.entries[target.path] = { size: st.size, mtimeMs: st.mtimeMs, sha256: sha256(content), uri: target.uri,
      ...(target.fingerprintUri !== undefined ? { fingerprintUri: target.fingerprintUri } : {}), result };
    this.changed = true;
  }

  /** Writes the cache if anything changed (complete or not at all). */
  async save(): Promise<void> {
    if (!this.changed) return;
    const { writeAtomic } = await import("./output.js");
    const body: CacheFile = { format: FORMAT, version: toolVersion(), configHash: this.hash, entries: this.entries };
    await writeAtomic(this.file, JSON.stringify(body));
  }
}
