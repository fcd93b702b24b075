// `annotate` end to end: lint a Word file, write the findings as comments, read the copy back with
// our reader, mammoth and (when installed) LibreOffice.
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { spawnSync } from "node:child_process";
import mammoth from "mammoth";
import { main } from "../../src/cli/main.js";
import type { Io } from "../../src/cli/io.js";
import { readDocx } from "../../src/readers/docx/index.js";
import { loadRunConfig } from "../../src/cli/config-load.js";
import { lintFile } from "../../src/cli/lint-file.js";
import { commentLines } from "../../src/cli/commands/annotate.js";
import type { Finding } from "../../src/model/finding.js";
import type { Locale } from "../../src/i18n/index.js";
import { tempDir } from "../temp.js";
import { commentsOf, rawEntries } from "./helpers.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const FIXTURES = [
  "fixtures/samples/sample.docx",
  ...fs.readdirSync(path.join(ROOT, "fixtures/docx")).filter((f) => f.endsWith(".docx")).map((f) => `fixtures/docx/${f}`),
];
const REWRITTEN = new Set(["word/document.xml", "word/comments.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"]);

function capture(): Io & { stdout: string; stderr: string } {
  const io = { stdout: "", stderr: "", isTTY: false, out(s: string) { io.stdout += s; }, err(s: string) { io.stderr += s; } };
  return io;
}

async function findingsOf(file: string, locale: Locale = "ja"): Promise<Finding[]> {
  const config = await loadRunConfig({ cwd: ROOT, locale });
  const r = await lintFile({ kind: "file", uri: file, path: path.resolve(ROOT, file) },
    { config, readOptions: {}, maxFileBytes: 50e6, requireReason: false, locale, debug: false });
  expect(r.error).toBeNull();
  return r.findings;
}

async function annotate(file: string, extra: string[] = []): Promise<{ code: number; out: string; io: ReturnType<typeof capture> }> {
  const out = path.join(tempDir("annotate-"), path.basename(file).replace(/\.docx$/, "-annotated.docx"));
  const io = capture();
  const code = await main(["node", "chotatsu-lint", "annotate", file, "-o", out, ...extra], io, ROOT);
  return { code, out, io };
}

const bodyView = (bytes: Uint8Array) => readDocx(bytes, "x.docx").blocks
  .filter((b) => b.region === "body").map((b) => ({ kind: b.kind, text: b.text, label: b.label, path: b.sectionPath, loc: b.location }));

describe.each(FIXTURES)("%s", (file) => {
  it("every finding becomes a comment on its own paragraph; the body and other entries are untouched", async () => {
    const input = new Uint8Array(fs.readFileSync(path.join(ROOT, file)));
    const findings = (await findingsOf(file)).filter((f) => !f.suppressed);
    const { code, out, io } = await annotate(file);
    expect(io.stderr).toBe("");
    expect(code).toBe(0);
    expect(io.stdout).toBe(`${findings.length} 件の指摘をコメントとして ${out} に書き込みました。\n`);
    const output = new Uint8Array(fs.readFileSync(out));

    const bodyCount = Math.max(...readDocx(input, "x").blocks.filter((b) => b.region === "body").map((b) => b.location.line));
    const before = commentsOf(input);
    const after = commentsOf(output);
    // Existing comments keep their ids, text and anchors; ours come after, with new ids.
    expect(after.slice(0, before.length)).toEqual(before);
    const ours = after.slice(before.length);
    expect(ours).toHaveLength(findings.length);
    const maxOld = Math.max(-1, ...before.map((c) => Number(c.id)));
    findings.forEach((f, i) => {
      const c = ours[i]!;
      expect(Number(c.id)).toBe(maxOld + 1 + i);
      expect(c.author).toBe("chotatsu-lint");
      expect(c.text).toBe(commentLines(f, "ja").join("\n"));
      expect(c.text.split("\n")[0]).toBe(`[${{ error: "エラー", warning: "警告", info: "情報" }[f.severity]}] ${f.ruleId}: ${f.message}`);
      if (f.suggestion) expect(c.text).toContain(`\n例文: ${f.suggestion.trim().split("\n")[0]}`);
      const loc = f.location;
      const expected = loc && loc.region === "body" && loc.line <= bodyCount ? loc.line : 1;
      expect(c.anchor).toEqual({ from: expected, to: expected, ref: expected });
    });

    // The reader sees the same body, plus one comment block per comment paragraph.
    expect(bodyView(output)).toEqual(bodyView(input));
    const commentBlocks = readDocx(output, "x").blocks.filter((b) => b.region === "comment").map((b) => b.text);
    for (const c of ours) for (const line of c.text.split("\n")) if (line.trim()) expect(commentBlocks).toContain(line);

    const oldRaw = rawEntries(input);
    const newRaw = rawEntries(output);
    for (const [name, raw] of oldRaw) {
      if (!REWRITTEN.has(name)) expect(newRaw.get(name)?.equals(raw), name).toBe(true);
    }
    expect([...newRaw.keys()].sort()).toEqual([...new Set([...oldRaw.keys(), "word/comments.xml"])].sort());

    const [htmlIn, htmlOut] = await Promise.all([input, output].map((b) => mammoth.convertToHtml({ buffer: Buffer.from(b) })));
    expect(htmlOut!.value).toBe(htmlIn!.value);
    expect(htmlOut!.value.length).toBeGreaterThan(100);

    // Linting the annotated copy finds the same things: our comments are not taken for clauses.
    const key = (f: Finding) => `${f.ruleId}@${f.location?.line}:${f.location?.column}:${f.suppressed?.kind ?? ""}`;
    const again = await findingsOf(out);
    expect(again.map(key)).toEqual((await findingsOf(file)).map(key));
  });
});

describe("locale and CLI contract", () => {
  it("writes English comments with --locale en", async () => {
    const file = "fixtures/samples/sample.docx";
    const findings = (await findingsOf(file, "en")).filter((f) => !f.suppressed);
    const { code, out, io } = await annotate(file, ["--locale", "en"]);
    expect(code).toBe(0);
    expect(io.stdout).toBe(`wrote ${findings.length} finding(s) as comments to ${out}.\n`);
    const ours = commentsOf(new Uint8Array(fs.readFileSync(out)));
    expect(ours.map((c) => c.text)).toEqual(findings.map((f) => commentLines(f, "en").join("\n")));
    const withSuggestion = ours.find((c) => c.text.includes("\nExample: "));
    expect(withSuggestion).toBeDefined();
    expect(ours[0]!.text).toMatch(/^\[(error|warning|info)\] [\w.-]+: /);
  });

  it("refuses to overwrite the input, and asks for -o", async () => {
    const dir = tempDir("annotate-same-");
    const file = path.join(dir, "spec.docx");
    fs.copyFileSync(path.join(ROOT, "fixtures/samples/sample.docx"), file);
    const original = fs.readFileSync(file);
    const io = capture();
    expect(await main(["node", "chotatsu-lint", "annotate", "spec.docx", "-o", "./spec.docx"], io, dir)).toBe(2);
    expect(io.stderr).toContain("入力ファイル spec.docx は上書きしません。");
    expect(fs.readFileSync(file).equals(original)).toBe(true);
    fs.symlinkSync("spec.docx", path.join(dir, "link.docx"));
    const viaLink = capture();
    expect(await main(["node", "chotatsu-lint", "annotate", "spec.docx", "-o", "link.docx"], viaLink, dir)).toBe(2);
    expect(fs.readFileSync(file).equals(original)).toBe(true);
    const noOut = capture();
    expect(await main(["node", "chotatsu-lint", "annotate", "spec.docx"], noOut, dir)).toBe(2);
    expect(noOut.stderr).toContain("書き込み先を -o で指定してください");
  });

  it("an unreadable input exits 2 with the usual message and writes nothing", async () => {
    const dir = tempDir("annotate-bad-");
    fs.writeFileSync(path.join(dir, "broken.docx"), "this is not a zip");
    for (const [name, reason] of [["broken.docx", "[not-docx]"], ["missing.docx", "[io]: ファイルが見つかりません。"]] as const) {
      const io = capture();
      expect(await main(["node", "chotatsu-lint", "annotate", name, "-o", "out.docx"], io, dir)).toBe(2);
      expect(io.stderr).toContain(`${name} を読み込めません ${reason}`);
      expect(fs.existsSync(path.join(dir, "out.docx"))).toBe(false);
    }
    expect(fs.readdirSync(dir)).toEqual(["broken.docx"]);
  });
});

const soffice = spawnSync("soffice", ["--version"], { encoding: "utf8" }).status === 0;

describe.skipIf(!soffice)("LibreOffice", () => {
  it("opens the annotated file and shows the same body text", async () => {
    const { out } = await annotate("fixtures/samples/sample.docx");
    const dir = path.dirname(out);
    const profile = tempDir("annotate-lo-");
    const r = spawnSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "txt:Text", "--outdir", dir, out],
      { encoding: "utf8", timeout: 120_000 });
    expect(r.status).toBe(0);
    const txt = fs.readFileSync(out.replace(/\.docx$/, ".txt"), "utf8");
    const body = readDocx(new Uint8Array(fs.readFileSync(out)), "x").blocks.filter((b) => b.region === "body" && !b.location.table);
    for (const b of body.slice(0, 20)) expect(txt).toContain(b.text.split("\n")[0]!.trim());
  }, 180_000);
});
