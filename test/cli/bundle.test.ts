// The bundle bin/ runs (dist/bundle/, scripts/bundle.mjs) against dist/ it is made from: the same
// bytes out for the same runs, through the in-process path (one small file) and the worker pool
// (several files, Word included), and bin/ picks the bundle only while it is not older than dist/.
import { beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { ensureBuilt, ROOT, runCli } from "../bad-input/harness.js";

type Main = (argv: string[], io: unknown, cwd: string) => Promise<number>;
const BUNDLE = path.join(ROOT, "dist", "bundle", "main.js");

async function run(entry: string, args: string[]): Promise<{ code: number; stdout: string }> {
  const { main } = (await import(entry)) as { main: Main };
  let stdout = "";
  const io = { out: (s: string) => { stdout += s; }, err: () => {}, isTTY: false, errIsTTY: false };
  const code = await main(["node", "chotatsu-lint", ...args], io, ROOT);
  return { code, stdout };
}

beforeAll(() => ensureBuilt(), 300_000);

describe("bundle", () => {
  it("gives the same output as dist/ for one file, several files and Word", async () => {
    expect(fs.existsSync(BUNDLE)).toBe(true);
    const runs = [
      ["--format", "json", "fixtures/markdown/spec.md"],
      ["fixtures/markdown/spec.txt"],
      ["--format", "json", "--jobs", "2", "fixtures/markdown/spec.md", "fixtures/samples/sample.docx", "fixtures/corpus/c01-mhlw-helpdesk.md"],
      ["--format", "sarif", "fixtures/corpus/c02-city-zeimu-hoshu.docx"],
    ];
    for (const args of runs) {
      const bundled = await run(BUNDLE, args);
      const plain = await run(path.join(ROOT, "dist", "cli", "main.js"), args);
      expect(bundled.stdout.length).toBeGreaterThan(100);
      expect(bundled).toEqual(plain);
    }
  });

  it("is what bin/ runs, and the same bytes reach stdout", () => {
    const spawned = runCli(["--format", "json", "fixtures/markdown/spec.md"]);
    expect(spawned.code).toBe(1);
    expect(fs.statSync(BUNDLE).mtimeMs).toBeGreaterThanOrEqual(fs.statSync(path.join(ROOT, "dist", "cli", "main.js")).mtimeMs);
    expect(JSON.parse(spawned.stdout).files[0].uri).toBe("fixtures/markdown/spec.md");
  });
});
