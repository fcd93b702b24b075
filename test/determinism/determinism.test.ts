// The same inputs give byte-identical JSON and SARIF whatever --jobs and the order of files on the
// command line (issue 5): CI diffs reports and baselines, so a report must not depend on timing.
// The runs call the built CLI's main() in this process (its worker pool, formatters and exit code as
// shipped) rather than spawning one process each: a process would load and validate the snapshot
// ruleset again for every run, most of this suite's time. One spawned run ties them to what ships.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
// @ts-expect-error — plain ESM script without type declarations
import { goodDocx, GOOD_MD, buildZip, docxEntries, para } from "../../scripts/make-bad-inputs.mjs";
import { ensureBuilt, parseJson, runCli, ROOT } from "../bad-input/harness.js";
import { runInProcess } from "../cli/in-process.js";

const DIR = fs.mkdtempSync(path.join(os.tmpdir(), "chotatsu-determinism-"));
let files: string[] = [];

beforeAll(() => {
  ensureBuilt();
  fs.mkdirSync(path.join(DIR, "sub"), { recursive: true });
  const write = (rel: string, data: string | Buffer) => { fs.writeFileSync(path.join(DIR, rel), data); return rel; };
  // A snapshot of the built-in rulesets, so every run of this test sees the same rules even while
  // rulesets/ is being edited; the full built-in set exercises many rules, kinds and fingerprints.
  fs.cpSync(path.join(ROOT, "rulesets"), path.join(DIR, ".rules"), { recursive: true });
  write(".chotatsu-lint.yaml", "rulesets: [./.rules/mhlw-tebiki.yaml]\n");
  files = [
    write("a-good.md", GOOD_MD),
    write("b-good.docx", goodDocx()),
    write("sub/c-patch.md", "# 3 情報セキュリティ\n\n受注者は、最新のセキュリティパッチを適用すること。\n\nログは3か月間保存すること。\n"),
    write("d-patch.docx", buildZip(docxEntries(para("受注者は、ログを1年間保存すること。") + para("セキュリティ対策に努める。")))),
    write("e-legacy.doc", Buffer.from("d0cf11e0a1b11ae1", "hex")), // unreadable files are part of the report too
    write("f-missing-is-not-written.md", "本文のみ。\n"),
  ];
  // Slow and fast files mixed, so with two workers they finish out of submission order.
  const corpus = path.join(ROOT, "fixtures", "corpus");
  if (fs.existsSync(corpus)) {
    for (const f of fs.readdirSync(corpus).filter((n) => n.endsWith(".md")).sort().slice(0, 4)) {
      files.push(write(`corpus-${f}`, fs.readFileSync(path.join(corpus, f))));
    }
  }
}, 120_000);

afterAll(() => fs.rmSync(DIR, { recursive: true, force: true }));

/** Each distinct command line runs once; a test that needs the same run again reads it from here. */
const runs = new Map<string, Promise<string>>();

function run(format: string, jobs: number, order: string[]): Promise<string> {
  const args = ["--format", format, "--jobs", String(jobs), ...order];
  const key = JSON.stringify(args);
  if (!runs.has(key)) {
    runs.set(key, runInProcess(args, { cwd: DIR }).then((r) => {
      expect([0, 1, 2], r.stderr).toContain(r.code);
      return r.stdout;
    }));
  }
  return runs.get(key)!;
}

describe.each(["json", "sarif"])("%s output", (format) => {
  it("is byte-identical across --jobs 1/2 and reversed or shuffled file order", async () => {
    const reference = await run(format, 1, files);
    expect(reference, "a report with findings, or the comparison proves little").toMatch(/"ruleId"/);
    const reversed = [...files].reverse();
    const shuffled = files.map((f, i) => [((i * 7919) % 13), f] as const).sort((a, b) => a[0] - b[0]).map(([, f]) => f);
    expect(await run(format, 2, files)).toBe(reference);
    expect(await run(format, 1, reversed)).toBe(reference);
    expect(await run(format, 2, reversed)).toBe(reference);
    expect(await run(format, 2, shuffled)).toBe(reference);
  }, 180_000);
});

describe("the spawned CLI", () => {
  it("prints the same bytes as the in-process runs above", async () => {
    const spawned = runCli(["--format", "json", "--jobs", "2", ...[...files].reverse()], { cwd: DIR });
    expect([0, 1, 2], spawned.stderr).toContain(spawned.code);
    expect(spawned.stdout).toBe(await run("json", 1, files));
  }, 120_000);
});

describe("directory and explicit files", () => {
  it("linting the directory gives the same JSON as naming its files", async () => {
    const viaDir = parseJson(await runInProcess(["--format", "json", "--jobs", "2", "."], { cwd: DIR }));
    const viaFiles = JSON.parse(await run("json", 2, [...files].reverse())) as typeof viaDir;
    const norm = (u: string) => u.replace(/\\/g, "/").replace(/^\.\//, "");
    const uris = (r: typeof viaDir) => r.files.map((f) => norm(f.uri));
    expect(uris(viaDir)).toEqual(uris(viaFiles));
    for (const f of viaDir.files) {
      const same = viaFiles.files.find((g) => norm(g.uri) === norm(f.uri))!;
      expect(f).toEqual(same);
    }
  }, 120_000);
});
