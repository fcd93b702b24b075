#!/usr/bin/env node
// Converts .html, .fodt (flat ODT) and .md sources to .docx with LibreOffice, so Word fixtures are
// written by a real word processor (fragmented runs, real numbering.xml) instead of by hand.
//   node scripts/docx-from-source.mjs <src files...> --out <dir> [--batch N] [--soft-breaks br]
// Markdown has no LibreOffice import: it is rendered to HTML here (remark-parse + GFM tables).
// Each run uses a private LibreOffice profile, so parallel runs never share a lock.
import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync, rmSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { unified } from "unified";
import remarkParse from "remark-parse";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";

function usage(msg) {
  if (msg) console.error(msg);
  console.error("usage: node scripts/docx-from-source.mjs <src.html|src.fodt|src.md ...> --out <dir> [--batch N]");
  process.exit(2);
}

const args = process.argv.slice(2);
const sources = [];
let out;
let batch = 20;
let softBreaks = false;
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--out") out = args[++i];
  else if (args[i] === "--soft-breaks") softBreaks = args[++i] === "br";
  else if (args[i] === "--batch") batch = Number(args[++i]);
  else sources.push(args[i]);
}
if (!out || sources.length === 0 || !(batch > 0)) usage();

const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function inline(nodes) {
  return nodes.map((n) => {
    switch (n.type) {
      // --soft-breaks br: a line break inside a paragraph stays one (Shift+Enter in Word), not a space.
      case "text": return softBreaks ? esc(n.value).replace(/\n/g, "<br/>") : esc(n.value);
      case "strong": return `<b>${inline(n.children)}</b>`;
      case "emphasis": return `<i>${inline(n.children)}</i>`;
      case "inlineCode": return `<code>${esc(n.value)}</code>`;
      case "break": return "<br/>";
      case "link": return `<a href="${esc(n.url)}">${inline(n.children)}</a>`;
      case "html": return "";
      default: return n.children ? inline(n.children) : n.value ? esc(n.value) : "";
    }
  }).join("");
}

function block(n) {
  switch (n.type) {
    case "root": return n.children.map(block).join("\n");
    case "heading": return `<h${n.depth}>${inline(n.children)}</h${n.depth}>`;
    case "paragraph": return `<p>${inline(n.children)}</p>`;
    case "list": {
      const tag = n.ordered ? "ol" : "ul";
      const start = n.ordered && n.start && n.start !== 1 ? ` start="${n.start}"` : "";
      return `<${tag}${start}>${n.children.map(block).join("")}</${tag}>`;
    }
    case "listItem":
      // Tight list items hold bare paragraphs; unwrap them so LibreOffice makes one paragraph each.
      return `<li>${n.children.map((c) => (c.type === "paragraph" ? inline(c.children) : block(c))).join("")}</li>`;
    case "table": {
      const [head, ...rows] = n.children;
      const cells = (r, tag) => `<tr>${r.children.map((c) => `<${tag}>${inline(c.children)}</${tag}>`).join("")}</tr>`;
      return `<table border="1"><thead>${cells(head, "th")}</thead><tbody>${rows.map((r) => cells(r, "td")).join("")}</tbody></table>`;
    }
    case "blockquote": return `<blockquote>${n.children.map(block).join("")}</blockquote>`;
    case "code": return `<pre>${esc(n.value)}</pre>`;
    case "thematicBreak": return "<hr/>";
    case "html": return "";
    default: return n.children ? n.children.map(block).join("") : "";
  }
}

function markdownToHtml(md, title) {
  const processor = unified().use(remarkParse).data("micromarkExtensions", [gfmTable()])
    .data("fromMarkdownExtensions", [gfmTableFromMarkdown()]);
  const tree = processor.parse(md.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"));
  return `<!DOCTYPE html>\n<html lang="ja"><head><meta charset="utf-8"><title>${esc(title)}</title>` +
    `<style>body{font-family:"IPAexMincho"} h1,h2,h3{font-family:"IPAexGothic"}</style></head><body>\n${block(tree)}\n</body></html>\n`;
}

const outDir = resolve(out);
mkdirSync(outDir, { recursive: true });
const work = mkdtempSync(join(tmpdir(), "docx-from-source-"));
const profile = mkdtempSync(join(tmpdir(), "lo-profile-"));
let failed = 0;
try {
  const inputs = [];
  const seen = new Set();
  for (const src of sources) {
    const ext = extname(src).toLowerCase();
    const name = basename(src, extname(src));
    if (seen.has(name)) usage(`two sources would both produce ${name}.docx`);
    seen.add(name);
    if (!existsSync(src)) usage(`no such file: ${src}`);
    if (ext === ".md" || ext === ".markdown") {
      const html = join(work, name + ".html");
      writeFileSync(html, markdownToHtml(readFileSync(src, "utf8"), name));
      inputs.push(html);
    } else if (ext === ".html" || ext === ".htm" || ext === ".fodt" || ext === ".odt") {
      inputs.push(resolve(src));
    } else usage(`unsupported source type: ${src}`);
  }
  for (let i = 0; i < inputs.length; i += batch) {
    const chunk = inputs.slice(i, i + batch);
    const staging = join(work, "out");
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging);
    const r = spawnSync("soffice", [
      `-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore",
      "--convert-to", "docx:MS Word 2007 XML", "--outdir", staging, ...chunk,
    ], { encoding: "utf8", timeout: 600_000 });
    if (r.error) { console.error(`soffice failed: ${r.error.message}`); process.exit(1); }
    for (const input of chunk) {
      const name = basename(input, extname(input)) + ".docx";
      const produced = join(staging, name);
      if (existsSync(produced)) {
        copyFileSync(produced, join(outDir, name)); // /tmp may be another file system
        console.log(join(out, name));
      } else {
        failed++;
        console.error(`not converted: ${input}\n${r.stderr ?? ""}`);
      }
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
