// Generated Markdown specifications for the benchmark and the scaling series: prose, lists and
// headings taken from the corpus specs, plus GFM tables of 10 to 800 rows (the size that made
// remark's table tokenizer superlinear), some cells with inline markup. Deterministic: the same
// call always writes the same bytes, so runs on different days compare like with like.
//   import { makeSpec, writeSpecs } from "./bench-specs.mjs"
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { prng as rng } from "./make-bad-inputs.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

let pools;
/** Paragraphs, list items and table cells of the corpus, read once. */
function corpusPools() {
  if (pools) return pools;
  const dir = path.join(ROOT, "fixtures", "corpus");
  const prose = [];
  const items = [];
  const cells = [];
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith(".md") && n !== "README.md").sort()) {
    for (const line of fs.readFileSync(path.join(dir, f), "utf8").split("\n")) {
      if (/^\|/.test(line)) {
        for (const c of line.split("|").map((s) => s.trim())) if (c && !/^:?-+:?$/.test(c)) cells.push(c.replace(/\\$/, ""));
      } else if (/^[-*] /.test(line)) items.push(line.slice(2));
      else if (line.length > 20 && !/^[#>\s<`]/.test(line)) prose.push(line);
    }
  }
  return (pools = { prose, items, cells });
}

const TABLE_ROWS = [10, 50, 200, 800, 30, 120];

/** One specification of just under `bytes` UTF-8 bytes (cut at a line end). */
export function makeSpec(bytes, seed = 1) {
  const { prose, items, cells } = corpusPools();
  const r = rng(seed);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const out = [`# 生成仕様書 ${seed}\n`, "令和8年4月\n"];
  let size = Buffer.byteLength(out.join("\n"));
  const push = (s) => { out.push(s); size += Buffer.byteLength(s) + 1; };
  for (let chapter = 1, table = 0; size < bytes; chapter++) {
    push(`## ${chapter} 要件 ${chapter}\n`);
    for (let section = 1; section <= 3 && size < bytes; section++) {
      push(`### ${chapter}.${section} 項目\n`);
      for (let p = 0; p < 3; p++) push(pick(prose) + "\n");
      const list = [];
      for (let i = 0, n = 2 + Math.floor(r() * 4); i < n; i++) list.push(`- ${pick(items)}`);
      push(list.join("\n") + "\n");
      if (section === 2) {
        const rows = Math.min(TABLE_ROWS[table++ % TABLE_ROWS.length], Math.max(10, Math.floor((bytes - size) / 150)));
        const lines = ["| No. | 項目 | 内容 | 備考 |", "| --- | --- | :--- | --- |"];
        for (let i = 1; i <= rows; i++) {
          const marked = r() < 0.15 ? `**${pick(cells)}**` : pick(cells);
          const note = r() < 0.05 ? `${pick(cells)}<br>${pick(cells)}` : r() < 0.3 ? "" : pick(cells);
          lines.push(`| ${i} | ${marked} | ${pick(prose)} | ${note} |`);
        }
        push(lines.join("\n") + "\n");
      }
    }
  }
  const whole = Buffer.from(out.join("\n"));
  return whole.subarray(0, whole.lastIndexOf(0x0a, bytes - 1) + 1).toString("utf8");
}

/** `count` specs of about `bytes` each into `dir` (created); returns their paths. */
export function writeSpecs(dir, count, bytes) {
  fs.mkdirSync(dir, { recursive: true });
  const files = [];
  for (let i = 1; i <= count; i++) {
    const file = path.join(dir, `spec-${String(i).padStart(3, "0")}.md`);
    fs.writeFileSync(file, makeSpec(bytes, i));
    files.push(file);
  }
  return files;
}
