// Which runs lint in the main thread (src/cli/in-process.ts): one small Markdown or text file named
// alone, with the default budget. Everything a worker guards against goes to the pool.
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { IN_PROCESS_MAX_BYTES, runsInProcess } from "../../src/cli/in-process.js";
import { tempDir } from "../temp.js";

describe("runsInProcess", () => {
  it("takes one small Markdown or text file, and nothing a worker should guard", async () => {
    const dir = tempDir("chotatsu-in-process-");
    fs.writeFileSync(path.join(dir, "a.md"), "# 仕様書\n");
    fs.writeFileSync(path.join(dir, "b.txt"), "仕様書\n");
    fs.writeFileSync(path.join(dir, "c.docx"), "x");
    fs.writeFileSync(path.join(dir, "big.md"), "あ".repeat(IN_PROCESS_MAX_BYTES));
    fs.mkdirSync(path.join(dir, "folder.md"));
    expect(await runsInProcess(["a.md"], dir, false)).toBe(true);
    expect(await runsInProcess(["B.TXT".toLowerCase()], dir, false)).toBe(true);
    expect(await runsInProcess(["a.md"], dir, true)).toBe(false);          // --timeout: only a worker enforces it
    expect(await runsInProcess(["a.md", "b.txt"], dir, false)).toBe(false);
    expect(await runsInProcess(["c.docx"], dir, false)).toBe(false);       // a Word zip inflates
    expect(await runsInProcess(["big.md"], dir, false)).toBe(false);
    expect(await runsInProcess(["folder.md"], dir, false)).toBe(false);
    expect(await runsInProcess(["missing.md"], dir, false)).toBe(false);
    expect(await runsInProcess(["-"], dir, false)).toBe(false);
  });
});
