// The progress line: drawn on stderr only when it is a terminal and more than a few files are linted.
import { describe, expect, it } from "vitest";
import { PROGRESS_MIN_FILES } from "../../src/cli/run-lint.js";
import { runInProcess } from "./in-process.js";
import { makeWorkspace } from "./workspace.js";

async function run(files: string[], errIsTTY: boolean) {
  const many: Record<string, string> = {};
  for (const f of files) many[f] = "# 情報セキュリティ\n\n受注者は、機器を納入すること。\n";
  const r = await runInProcess(["--format", "json", "--locale", "ja", ...files], { cwd: makeWorkspace(many), errIsTTY });
  return { code: r.code, out: r.stdout, err: r.stderr };
}

describe("progress line", () => {
  const names = Array.from({ length: PROGRESS_MIN_FILES + 1 }, (_, i) => `f${i}.md`);
  it("counts the files on a terminal and clears itself, leaving stdout untouched", async () => {
    const tty = await run(names, true);
    expect(tty.code).toBe(1);
    expect(tty.err).toContain(`\r検査中 ${names.length}/${names.length} ファイル`);
    expect(tty.err.endsWith("\r\x1b[K")).toBe(true);
    const plain = await run(names, false);
    expect(plain.err).toBe("");
    expect(plain.out).toBe(tty.out);
  });
  it("stays silent for a few files even on a terminal", async () => {
    expect((await run(names.slice(0, PROGRESS_MIN_FILES), true)).err).toBe("");
  });
});
