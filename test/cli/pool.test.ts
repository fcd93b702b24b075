// The worker pool from the build (workers run dist/cli/worker.js): a worker that runs out of heap
// costs only its own file, which gets "out-of-memory"; the other file is still linted.
import { beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ensureBuilt, ROOT } from "../bad-input/harness.js";
import type { FileResult } from "../../src/model/finding.js";

const BIG = path.join(ROOT, "fixtures/bench/spec-200p.docx");
const SMALL = path.join(ROOT, "fixtures/samples/sample.docx");

beforeAll(() => ensureBuilt(), 300_000);

async function dist<T>(p: string): Promise<T> {
  return (await import(pathToFileURL(path.join(ROOT, "dist", p)).href)) as T;
}

describe("LintPool", () => {
  it.runIf(fs.existsSync(BIG) && fs.existsSync(SMALL))("turns a worker's heap exhaustion into an error for that file only", async () => {
    const { LintPool } = await dist<typeof import("../../src/cli/pool.js")>("cli/pool.js");
    const { loadConfig } = await dist<typeof import("../../src/config/index.js")>("config/index.js");
    const config = await loadConfig({ cwd: ROOT });
    // 24 MB holds the engine and a 2-page draft, not a 200-page one (measured: 18–30 MB all behave so).
    const pool = new LintPool({ jobs: 2, timeoutMs: 60_000, maxOldGenerationSizeMb: 24 });
    const results: FileResult[] = await pool.run([
      { kind: "file", uri: "big.docx", path: BIG },
      { kind: "file", uri: "sample.docx", path: SMALL },
    ], { config, readOptions: {}, maxFileBytes: 1e9, requireReason: false, locale: "ja", debug: false });
    expect(results.map((r) => r.uri)).toEqual(["big.docx", "sample.docx"]);
    expect(results[0]!.error).toEqual({ code: "out-of-memory", message: "メモリ上限を超えたため検査を中止しました。このファイルは検査されていません。" });
    expect(results[1]!.error).toBeNull();
    expect(results[1]!.findings.length).toBeGreaterThan(0);
  });

  it("resolves at once with no files and leaves no worker running", async () => {
    const { LintPool } = await dist<typeof import("../../src/cli/pool.js")>("cli/pool.js");
    const pool = new LintPool({ jobs: 2, timeoutMs: 1000, maxOldGenerationSizeMb: 256 });
    pool.warm(2);
    const config = { rules: [] } as never;
    await expect(pool.run([], { config, readOptions: {}, maxFileBytes: 1, requireReason: false, locale: "ja", debug: false })).resolves.toEqual([]);
  });
});
