// The writer on a file built for the purpose: paragraphs the reader does not count (text boxes in
// both DrawingML and VML), a self-closing paragraph, an empty w:pPr, table cells, and an existing
// suppression comment. Anchors are read back with the reader's own story parser.
import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { annotateDocx } from "../../src/writers/docx/annotate.js";
import { ZipArchive } from "../../src/readers/docx/zip.js";
import { readDocx } from "../../src/readers/docx/index.js";
import { loadRunConfig } from "../../src/cli/config-load.js";
import { lintFile } from "../../src/cli/lint-file.js";
import { buildDocx, p } from "../docx/zip-builder.js";
import { tempDir } from "../temp.js";
import { builtMain, commentsOf, rawEntries } from "./helpers.js";

const textbox = `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>${p("箱の中")}</w:txbxContent></wps:txbx></w:drawing></mc:Choice>` +
  `<mc:Fallback><w:pict><v:textbox><w:txbxContent>${p("箱の中")}</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;
const body = p("調達仕様書") + "<w:p/>" + textbox + `<w:tbl><w:tr><w:tc>${p("セル")}</w:tc><w:tc>${p("セル2")}</w:tc></w:tr></w:tbl>` +
  `<w:p><w:pPr/><w:r><w:t>ログは3か月間保存すること。</w:t></w:r></w:p>` +
  `<w:p><w:commentRangeStart w:id="3"/><w:r><w:t>アクセスログは3か月間保存すること。</w:t></w:r><w:commentRangeEnd w:id="3"/><w:r><w:commentReference w:id="3"/></w:r></w:p>`;
const DISABLE = "chotatsu-lint-disable threshold-short, subject-missing -- 別契約で定める";
const bytes = buildDocx({ body, comments: `<w:comment w:id="3" w:author="係"><w:p><w:r><w:t>${DISABLE}</w:t></w:r></w:p></w:comment>` });
const opts = { author: "chotatsu-lint", initials: "CL", date: "2026-04-01T09:00:00Z" };
const lines = (...texts: string[]) => texts.map((text) => [{ text }]);
const bodyView = (b: Uint8Array) => readDocx(b, "x").blocks.filter((x) => x.region === "body").map((x) => [x.kind, x.text, x.location]);

describe("annotateDocx", () => {
  it("anchors on the paragraph the reader numbers, whatever surrounds it", () => {
    expect(bodyView(bytes).map((b) => b[2]).map((l) => (l as { line: number }).line)).toEqual([1, 4, 5, 6, 7]);
    const notes = [1, 2, 3, 4, 5, 6, 7, 7, 99, 0].map((ordinal) => ({ ordinal, lines: lines(`note ${ordinal}`, "二行目 <&>") }));
    const out = annotateDocx(bytes, notes, opts);
    const comments = commentsOf(out);
    expect(comments[0]).toEqual({ id: "3", text: DISABLE, anchor: { from: 7, to: 7, ref: 7 }, author: "係" });
    expect(comments.slice(1).map((c) => [c.id, c.text.split("\n")[0], c.anchor?.from, c.anchor?.to, c.anchor?.ref, c.author])).toEqual(
      [[1, 1], [2, 2], [3, 3], [4, 4], [5, 5], [6, 6], [7, 7], [8, 7], [9, 1], [10, 1]].map(([i, at]) =>
        [String(3 + i!), `note ${notes[i! - 1]!.ordinal}`, at, at, at, "chotatsu-lint"]));
    expect(comments[1]!.text).toBe("note 1\n二行目 <&>");
    expect(bodyView(out)).toEqual(bodyView(bytes));
    // The text box is still read as a text box, once.
    expect(readDocx(out, "x").blocks.filter((b) => b.text === "箱の中").map((b) => b.region)).toEqual(["textbox"]);
  });

  it("creates the comments part and the parts Word keeps beside it, with relationships and content types", () => {
    const plain = buildDocx({ body: p("一") + p("二") });
    const out = annotateDocx(plain, [{ ordinal: 2, lines: lines("x") }], opts);
    expect(commentsOf(out)).toEqual([{ id: "0", text: "x", anchor: { from: 2, to: 2, ref: 2 }, author: "chotatsu-lint" }]);
    const raw = rawEntries(out);
    expect([...raw.keys()]).toEqual([...rawEntries(plain).keys(), "word/comments.xml", "word/commentsExtended.xml",
      "word/commentsIds.xml", "word/commentsExtensible.xml", "word/people.xml"]);
    const text = (name: string) => readEntry(out, name);
    expect(text("[Content_Types].xml")).toContain('<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>');
    expect(text("word/_rels/document.xml.rels")).toContain('Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"');
    expect(text("word/comments.xml")).toMatch(/<w:comment w:id="0" w:author="chotatsu-lint" w:date="2026-04-01T09:00:00Z" w:initials="CL"><w:p w14:paraId="[0-9A-F]{8}" w14:textId="77777777"><w:r><w:annotationRef\/><\/w:r>/);
  });

  it("replaces its own earlier comments, keeps everyone else's, and gives the same bytes for the same findings", () => {
    const first = annotateDocx(bytes, [{ ordinal: 5, lines: lines("x") }, { ordinal: 1, lines: lines("y") }], opts);
    expect(annotateDocx(first, [{ ordinal: 5, lines: lines("x") }, { ordinal: 1, lines: lines("y") }], opts)).toEqual(first);
    const changed = annotateDocx(first, [{ ordinal: 4, lines: lines("z") }], opts);
    expect(commentsOf(changed).map((c) => [c.id, c.text, c.anchor?.from, c.author])).toEqual([["3", DISABLE, 7, "係"], ["4", "z", 4, "chotatsu-lint"]]);
    for (const part of ["word/commentsExtended.xml", "word/commentsIds.xml", "word/commentsExtensible.xml"]) {
      expect(readEntry(changed, part).match(/paraId="|durableId="/g)?.length, part).toBe(part.endsWith("Ids.xml") ? 2 : 1);
    }
    expect(readEntry(changed, "word/people.xml").match(/<w15:person /g)).toHaveLength(1);
    // No findings: the copy is the original again, our parts left empty, the other comment untouched.
    const none = annotateDocx(first, [], opts);
    expect(commentsOf(none).map((c) => c.id)).toEqual(["3"]);
    expect(bodyView(none)).toEqual(bodyView(bytes));
    expect(readEntry(none, "word/document.xml")).toBe(readEntry(bytes, "word/document.xml"));
  });

  it("a suppression comment keeps suppressing, and suppressed findings get no comment", async () => {
    const dir = tempDir("annotate-supp-");
    fs.writeFileSync(path.join(dir, "spec.docx"), bytes);
    const config = await loadRunConfig({ cwd: dir });
    const lint = async (name: string) => (await lintFile({ kind: "file", uri: name, path: path.join(dir, name) },
      { config, readOptions: {}, maxFileBytes: 50e6, requireReason: false, locale: "ja", debug: false })).findings;
    const before = await lint("spec.docx");
    const suppressedAt = (fs: Awaited<ReturnType<typeof lint>>) => fs.filter((f) => f.suppressed).map((f) => `${f.ruleId}@${f.location?.line}`).sort();
    // subject-missing is listed too but does not fire here (no orderer duty precedes the sentence).
    expect(suppressedAt(before)).toEqual(["threshold-short@7"]);
    const io = { out: () => {}, err: () => {}, isTTY: false };
    const main = await builtMain();
    expect(await main(["node", "chotatsu-lint", "annotate", "spec.docx", "-o", "out.docx"], io, dir)).toBe(0);
    const out = new Uint8Array(fs.readFileSync(path.join(dir, "out.docx")));
    expect(suppressedAt(await lint("out.docx"))).toEqual(suppressedAt(before));
    const ours = commentsOf(out).slice(1);
    expect(ours).toHaveLength(before.filter((f) => !f.suppressed).length);
    expect(ours.filter((c) => c.anchor?.from === 7)).toEqual([]);
    expect(ours.filter((c) => c.anchor?.from === 6).map((c) => c.text.split(":")[0]).sort()).toEqual(
      before.filter((f) => f.location?.line === 6).map((f) => `[${{ error: "エラー", warning: "警告", info: "情報" }[f.severity]}] ${f.ruleId}`).sort());
  });
});

function readEntry(zipBytes: Uint8Array, name: string): string {
  // Through the reader's zip, which checks CRC-32 and sizes of what we wrote.
  return new TextDecoder().decode(new ZipArchive(zipBytes).read(name));
}
