// --cache: results of unchanged files come from the cache; a change of content, configuration or
// tool version makes the file be linted again.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runInProcess } from "./in-process.js";
import { GOOD_MD, makeWorkspace } from "./workspace.js";

// Same byte length as GOOD_MD, without 最新: patch-latest fires on it.
const STALE_MD = GOOD_MD.replace("最新の", "既存の");

async function run(ws: string, args: string[]) {
  const r = await runInProcess(["--format", "json", ...args], { cwd: ws });
  return { code: r.code, ruleIds: (JSON.parse(r.stdout) as { files: Array<{ findings: Array<{ ruleId: string }> }> }).files.flatMap((f) => f.findings.map((x) => x.ruleId)) };
}

/** Rewrites `file` with same-size content and its old mtime: only a cache that reads nothing can miss the change. */
function swapInPlace(file: string, content: string): void {
  const { atime, mtime } = fs.statSync(file);
  expect(mtime.getTime() % 1000).toBe(0); // set by makeWorkspaceAt: utimes can restore whole seconds exactly
  expect(Buffer.byteLength(content)).toBe(fs.statSync(file).size);
  fs.writeFileSync(file, content);
  fs.utimesSync(file, atime, mtime);
}

/** A workspace whose files have whole-second mtimes (so swapInPlace can put them back exactly). */
function makeWorkspaceAt(files: Record<string, string> = {}): string {
  const ws = makeWorkspace(files);
  const when = new Date("2026-01-01T00:00:00Z");
  for (const f of fs.readdirSync(ws)) fs.utimesSync(path.join(ws, f), when, when);
  return ws;
}

describe("--cache", () => {
  it("answers unchanged files from the cache without reading them", async () => {
    expect(STALE_MD).not.toBe(GOOD_MD);
    const ws = makeWorkspaceAt();
    const first = await run(ws, ["--cache", "good.md"]);
    expect(first.code).toBe(0);
    expect(fs.existsSync(path.join(ws, ".chotatsu-lint-cache"))).toBe(true);
    swapInPlace(path.join(ws, "good.md"), STALE_MD);
    // Size and mtime unchanged: the stored result is used; the file's new content is never read.
    expect((await run(ws, ["--cache", "good.md"])).ruleIds).toEqual([]);
    // Without --cache the same file is linted and fails.
    expect((await run(ws, ["good.md"])).ruleIds).toEqual(["patch-latest"]);
  });

  it("lints a file again when its content changes", async () => {
    const ws = makeWorkspaceAt();
    await run(ws, ["--cache", "good.md"]);
    fs.writeFileSync(path.join(ws, "good.md"), STALE_MD + "\n");
    expect((await run(ws, ["--cache", "good.md"])).ruleIds).toEqual(["patch-latest"]);
  });

  it("keeps a result when only the mtime changes, by the content hash", async () => {
    const ws = makeWorkspaceAt();
    await run(ws, ["--cache", "bad.md"]);
    const file = path.join(ws, "bad.md");
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    expect((await run(ws, ["--cache", "bad.md"])).ruleIds).toEqual(["patch-latest"]);
  });

  it("lints again when the configuration changes", async () => {
    const ws = makeWorkspaceAt();
    await run(ws, ["--cache", "good.md"]);
    swapInPlace(path.join(ws, "good.md"), STALE_MD);
    const changed = await run(ws, ["--cache", "--rule", "patch-latest:warn", "good.md"]);
    expect(changed.ruleIds).toEqual(["patch-latest"]);
    expect(changed.code).toBe(0); // a warning now
  });

  it("lints again when a ruleset changes what it says, not when only a comment changes", async () => {
    const ws = makeWorkspaceAt();
    await run(ws, ["--cache", "good.md"]);
    swapInPlace(path.join(ws, "good.md"), STALE_MD);
    const ruleset = path.join(ws, "mini.yaml");
    fs.appendFileSync(ruleset, "# a comment\n");
    expect((await run(ws, ["--cache", "good.md"])).ruleIds).toEqual([]);
    fs.writeFileSync(ruleset, fs.readFileSync(ruleset, "utf8").replace("severity: error", "severity: warning"));
    const edited = await run(ws, ["--cache", "good.md"]);
    expect(edited.ruleIds).toEqual(["patch-latest"]);
    expect(edited.code).toBe(0);
  });

  it("lints again when the cache was written by another version", async () => {
    const ws = makeWorkspaceAt();
    await run(ws, ["--cache", "good.md"]);
    swapInPlace(path.join(ws, "good.md"), STALE_MD);
    const cacheFile = path.join(ws, ".chotatsu-lint-cache");
    const data = JSON.parse(fs.readFileSync(cacheFile, "utf8")) as { version: string };
    fs.writeFileSync(cacheFile, JSON.stringify({ ...data, version: "0.0.0-old" }));
    expect((await run(ws, ["--cache", "good.md"])).ruleIds).toEqual(["patch-latest"]);
  });

  it("--cache-location names the cache file or a folder for it, and implies --cache", async () => {
    const ws = makeWorkspaceAt();
    fs.mkdirSync(path.join(ws, "caches"));
    await run(ws, ["--cache-location", "caches/", "good.md"]);
    expect(fs.existsSync(path.join(ws, "caches", ".chotatsu-lint-cache"))).toBe(true);
    await run(ws, ["--cache-location", "my.cache", "good.md"]);
    expect(fs.existsSync(path.join(ws, "my.cache"))).toBe(true);
    expect(fs.existsSync(path.join(ws, ".chotatsu-lint-cache"))).toBe(false);
  });

  it("a broken cache file is ignored and replaced", async () => {
    const ws = makeWorkspaceAt();
    fs.writeFileSync(path.join(ws, ".chotatsu-lint-cache"), "{ not json");
    const r = await run(ws, ["--cache", "bad.md"]);
    expect(r.ruleIds).toEqual(["patch-latest"]);
    expect(JSON.parse(fs.readFileSync(path.join(ws, ".chotatsu-lint-cache"), "utf8")).format).toBe(1);
  });

  it("does not keep unreadable files", async () => {
    const ws = makeWorkspace({ "empty.docx": "" });
    const r = await run(ws, ["--cache", "empty.docx", "good.md"]);
    expect(r.code).toBe(2);
    const entries = Object.keys(JSON.parse(fs.readFileSync(path.join(ws, ".chotatsu-lint-cache"), "utf8")).entries);
    expect(entries.map((e) => path.basename(e))).toEqual(["good.md"]);
  });
});
