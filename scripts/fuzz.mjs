#!/usr/bin/env node
// Fuzzes the readers and the engine with mutated Word and Markdown specs (issue 5).
//
//   npm run fuzz -- --iterations 2000 --seed 42 [--cli-batches 5] [--only 17]
//
// Properties: no crash (every input is read, or refused with a known error code; never an
// unexpected exception), no hang (each input within a time bound), and through the real CLI:
// exit code 0/1/2, JSON that parses, an entry per file, no stack trace without --debug.
// Iteration i uses its own PRNG seeded from (seed, i), so `--only i` replays one failure.
// In-process runs need dist/ (npm run build); test/fuzz/fuzz.test.ts drives the TS sources.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { buildZip, readZip, goodDocx, GOOD_MD, prng } from "./make-bad-inputs.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export const KNOWN_CODES = new Set([
  "encrypted-docx", "legacy-doc", "zip-bomb", "not-docx", "corrupt-docx", "too-large",
  "undecodable", "unsupported", "io", "timeout", "out-of-memory",
]);

// ---------------------------------------------------------------------------------------------
// Mutators. Each takes (rand, bytes) and returns { bytes, desc } so a failure names what was done.

const int = (rand, n) => Math.floor(rand() * n);
const pick = (rand, xs) => xs[int(rand, xs.length)];

const TEXT_TOKENS = [
  "|", "| a | b |\n|---|---|\n", "```", "~~~", "<!--", "-->", "<!-- chotatsu-lint-disable -->",
  "<!-- chotatsu-lint-disable-next-line patch-latest -- 理由 -->", "[", "](", "*", "**", "_", "#", "###### ",
  "\n", "\r\n", "\r", "\t", "&amp;", "&#0;", "&#x10FFFF;", "\\", "<div>", "</div>", "> ", "- ", "1. ", "    ",
  "受注者は、", "すること。", "してはならない。", "最新のセキュリティパッチを適用すること。", "。", "、",
];
const CODE_POINTS = [0x0, 0x7, 0x85, 0xa0, 0x200b, 0x200d, 0x202e, 0x2028, 0x3000, 0x3002, 0xfeff, 0xfffd, 0xffff,
  0x20bb7, 0x1f600, 0xe0100, 0x10ffff, 0x301, 0x309a, 0xff61];

function randomUnicode(rand) {
  const n = 1 + int(rand, 8);
  let s = "";
  for (let i = 0; i < n; i++) {
    const r = rand();
    s += String.fromCodePoint(r < 0.5 ? pick(rand, CODE_POINTS) : r < 0.8 ? 0x3040 + int(rand, 0x60) : 0x4e00 + int(rand, 0x5000));
  }
  return Buffer.from(s, "utf8");
}

/** Moves a byte offset back to the start of a UTF-8 character, so an insertion keeps text valid. */
function boundary(buf, at) {
  while (at > 0 && at < buf.length && (buf[at] & 0xc0) === 0x80) at--;
  return at;
}

function splice(buf, at, del, insert = Buffer.alloc(0)) {
  return Buffer.concat([buf.subarray(0, at), insert, buf.subarray(Math.min(buf.length, at + del))]);
}

/** Byte- and token-level edits that apply to any text (Markdown files, XML parts). */
const textMutations = {
  flip(rand, b) {
    const out = Buffer.from(b);
    const k = 1 + int(rand, 8);
    for (let i = 0; i < k && out.length; i++) out[int(rand, out.length)] ^= 1 << int(rand, 8);
    return { bytes: out, desc: `flip ${k} bits` };
  },
  insertBytes(rand, b) {
    const ins = Buffer.from(Array.from({ length: 1 + int(rand, 16) }, () => int(rand, 256)));
    const at = int(rand, b.length + 1);
    return { bytes: splice(b, at, 0, ins), desc: `insert ${ins.length} random bytes at ${at}` };
  },
  deleteRange(rand, b) {
    const at = int(rand, b.length + 1);
    const n = 1 + int(rand, 200);
    return { bytes: splice(b, at, n), desc: `delete ${n} bytes at ${at}` };
  },
  duplicateRange(rand, b) {
    const at = int(rand, b.length + 1);
    const n = 1 + int(rand, 400);
    const times = 1 + int(rand, 20);
    const chunk = b.subarray(at, at + n);
    return { bytes: splice(b, at, 0, Buffer.concat(Array(times).fill(chunk))), desc: `repeat ${chunk.length} bytes ×${times} at ${at}` };
  },
  token(rand, b) {
    const t = pick(rand, TEXT_TOKENS);
    const at = boundary(b, int(rand, b.length + 1));
    return { bytes: splice(b, at, 0, Buffer.from(t)), desc: `insert token ${JSON.stringify(t)} at ${at}` };
  },
  unicode(rand, b) {
    const u = randomUnicode(rand);
    const at = boundary(b, int(rand, b.length + 1));
    return { bytes: splice(b, at, 0, u), desc: `insert unicode ${JSON.stringify(u.toString("utf8"))} at ${at}` };
  },
  truncate(rand, b) {
    const at = int(rand, b.length + 1);
    return { bytes: b.subarray(0, at), desc: `truncate to ${at}` };
  },
};

const markdownOnly = {
  deepNesting(rand, b) {
    const unit = pick(rand, ["> ", "- ", "1. ", "* ", "  - ", "[", "**", "<div>"]);
    const n = pick(rand, [50, 500, 3000, 10_000]);
    const at = boundary(b, int(rand, b.length + 1));
    return { bytes: splice(b, at, 0, Buffer.from("\n" + unit.repeat(n) + "項目\n")), desc: `insert ${n}× ${JSON.stringify(unit)} at ${at}` };
  },
};

/** Edits inside an inflated XML part: structure-aware tokens a bad writer (or attacker) produces. */
const XML_TOKENS = [
  "<w:p>", "</w:p>", "<w:p/>", "<w:r>", "</w:r>", "<w:t>", "</w:t>", "<w:tbl><w:tr><w:tc>", "</w:tc></w:tr></w:tbl>",
  "<w:tc>", "</w:tc>", "<w:br/>", "<w:tab/>", "<w:fldChar w:fldCharType=\"begin\"/>", "<w:fldChar w:fldCharType=\"end\"/>",
  "<w:del><w:r><w:delText>削除</w:delText></w:r></w:del>", "<w:ins><w:r><w:t>挿入</w:t></w:r></w:ins>",
  "<w:numPr><w:ilvl w:val=\"99\"/><w:numId w:val=\"1\"/></w:numPr>", "<w:numPr><w:ilvl w:val=\"-1\"/><w:numId w:val=\"999999999\"/></w:numPr>",
  "<w:pStyle w:val=\"Heading1\"/>", "<w:outlineLvl w:val=\"9\"/>", "<w:outlineLvl w:val=\"-3\"/>", "<w:gridSpan w:val=\"100000\"/>",
  "<w:vMerge/>", "<w:altChunk r:id=\"rId99\"/>", "<w:ruby><w:rubyBase><w:r><w:t>漢</w:t></w:r></w:rubyBase></w:ruby>",
  "&lt;", "&amp;", "&#0;", "&#xD800;", "&unknown;", "<!DOCTYPE x>", "<?pi x?>", "<![CDATA[x]]>", "<!-- c -->",
  "xmlns:w=\"\"", " w:val=\"\"", "\u0000", "受注者は、最新のセキュリティパッチを適用すること。",
];
const xmlMutations = {
  ...textMutations,
  xmlToken(rand, b) {
    const t = pick(rand, XML_TOKENS);
    const at = boundary(b, int(rand, b.length + 1));
    return { bytes: splice(b, at, 0, Buffer.from(t)), desc: `insert ${JSON.stringify(t)} at ${at}` };
  },
  xmlToken2(rand, b) { return xmlMutations.xmlToken(rand, b); }, // weight structure-aware edits higher
};

function mutateXmlPart(rand, entries) {
  const xml = entries.filter((e) => /\.(xml|rels)$/.test(e.name));
  const target = rand() < 0.6 ? entries.find((e) => e.name === "word/document.xml") ?? pick(rand, xml) : pick(rand, xml);
  const [name, fn] = pick(rand, Object.entries(xmlMutations));
  const { bytes, desc } = fn(rand, target.data);
  return { entries: entries.map((e) => (e === target ? { name: e.name, data: bytes } : e)), desc: `${target.name}: ${name} ${desc}` };
}

/** Container-level edits of a .docx. */
const docxMutations = {
  xml(rand, entries) { return mutateXmlPart(rand, entries); },
  xml2(rand, entries) { return mutateXmlPart(rand, entries); },
  xml3(rand, entries) {
    const a = mutateXmlPart(rand, entries);
    const b = mutateXmlPart(rand, a.entries);
    return { entries: b.entries, desc: `${a.desc}; ${b.desc}` };
  },
  dropEntry(rand, entries) {
    const victim = pick(rand, entries);
    return { entries: entries.filter((e) => e !== victim), desc: `drop ${victim.name}` };
  },
  duplicateEntry(rand, entries) {
    const e = pick(rand, entries);
    return { entries: [...entries, { name: e.name, data: Buffer.from(e.data) }], desc: `duplicate ${e.name}` };
  },
  forgeSize(rand, entries) {
    const e = pick(rand, entries);
    const size = pick(rand, [0, 1, 100, 0x7fffffff, 0xffffffff, e.data.length * 1000]);
    return { entries: entries.map((x) => (x === e ? { ...x, uncompressedSize: size } : x)), desc: `declare ${e.name} as ${size} bytes` };
  },
  forgeCrc(rand, entries) {
    const e = pick(rand, entries);
    return { entries: entries.map((x) => (x === e ? { ...x, crc: int(rand, 0xffffffff) } : x)), desc: `forge CRC of ${e.name}` };
  },
  stored(rand, entries) {
    const e = pick(rand, entries);
    return { entries: entries.map((x) => (x === e ? { ...x, method: 0 } : x)), desc: `store ${e.name} uncompressed` };
  },
  rename(rand, entries) {
    const e = pick(rand, entries);
    const name = pick(rand, ["", "/", "../../etc/passwd", "word/../word/document.xml", "WORD/DOCUMENT.XML", "word\\document.xml", "a".repeat(300)]);
    return { entries: entries.map((x) => (x === e ? { ...x, name } : x)), desc: `rename ${e.name} → ${JSON.stringify(name.slice(0, 40))}` };
  },
};

/** Byte edits of the finished zip (headers, directory, compressed data). */
const zipByteMutations = {
  flip: textMutations.flip,
  truncate: textMutations.truncate,
  deleteRange: textMutations.deleteRange,
  insertBytes: textMutations.insertBytes,
};

export function mutateDocx(rand, zip) {
  if (rand() < 0.2) {
    const [name, fn] = pick(rand, Object.entries(zipByteMutations));
    const r = fn(rand, zip);
    return { bytes: r.bytes, desc: `zip bytes: ${name} ${r.desc}` };
  }
  const entries = readZip(zip);
  const [name, fn] = pick(rand, Object.entries(docxMutations));
  const r = fn(rand, entries);
  return { bytes: buildZip(r.entries), desc: `${name}: ${r.desc}` };
}

/**
 * Edits at UTF-8 character boundaries, so the result still decodes and reaches the Markdown parser
 * (byte edits alone mostly stop at the decoder, which the byte mutations already cover).
 */
const charMutations = {
  token: textMutations.token,
  unicode: textMutations.unicode,
  deepNesting: markdownOnly.deepNesting,
  deepNesting2: markdownOnly.deepNesting,
  deleteChars(rand, b) {
    const chars = [...b.toString("utf8")];
    const at = int(rand, chars.length + 1);
    const n = 1 + int(rand, 80);
    chars.splice(at, n);
    return { bytes: Buffer.from(chars.join("")), desc: `delete ${n} chars at ${at}` };
  },
  duplicateLines(rand, b) {
    const lines = b.toString("utf8").split("\n");
    const at = int(rand, lines.length);
    const n = 1 + int(rand, 10);
    const times = 1 + int(rand, 50);
    lines.splice(at, 0, ...Array(times).fill(lines.slice(at, at + n)).flat());
    return { bytes: Buffer.from(lines.join("\n")), desc: `repeat ${n} lines ×${times} at line ${at + 1}` };
  },
  swapLines(rand, b) {
    const lines = b.toString("utf8").split("\n");
    const i = int(rand, lines.length), j = int(rand, lines.length);
    [lines[i], lines[j]] = [lines[j], lines[i]];
    return { bytes: Buffer.from(lines.join("\n")), desc: `swap lines ${i + 1} and ${j + 1}` };
  },
};

export function mutateMarkdown(rand, bytes) {
  const all = rand() < 0.75 ? charMutations : { ...textMutations, ...markdownOnly };
  const rounds = 1 + int(rand, 3);
  let cur = bytes;
  const descs = [];
  for (let i = 0; i < rounds; i++) {
    const [name, fn] = pick(rand, Object.entries(all));
    const r = fn(rand, cur);
    cur = r.bytes;
    descs.push(`${name} ${r.desc}`);
  }
  return { bytes: cur, desc: descs.join("; ") };
}

// ---------------------------------------------------------------------------------------------
// Seeds and the loop.

/** Valid inputs to mutate: our generated good files plus the committed fixtures (small ones). */
export function seedCorpus(maxBytes = 100 * 1024) {
  const seeds = [
    { name: "good.docx", format: "docx", bytes: goodDocx() },
    { name: "good.md", format: "markdown", bytes: Buffer.from(GOOD_MD) },
  ];
  const walk = (dir) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) { if (e.name !== "bench") walk(p); } // benchmark files are too slow to mutate by the hundred
      else if (/\.(docx|md|txt)$/i.test(e.name) && e.name !== "README.md" && fs.statSync(p).size <= maxBytes) {
        seeds.push({ name: path.relative(ROOT, p), format: p.endsWith(".docx") ? "docx" : "markdown", bytes: fs.readFileSync(p) });
      }
    }
  };
  walk(path.join(ROOT, "fixtures"));
  return seeds;
}

/** Combines the run seed and the iteration into one 32-bit PRNG seed. */
export function iterationSeed(seed, i) {
  return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(i + 1, 0xc2b2ae35)) >>> 0;
}

/** The mutated input of iteration i: { name, format, bytes, desc }. */
export function makeCase(seeds, seed, i) {
  const rand = prng(iterationSeed(seed, i));
  // Half Word, half Markdown, whatever the number of seeds of each kind.
  const format = rand() < 0.5 ? "docx" : "markdown";
  const pool = seeds.filter((x) => x.format === format);
  const s = pool[int(rand, pool.length)];
  const m = s.format === "docx" ? mutateDocx(rand, s.bytes) : mutateMarkdown(rand, s.bytes);
  const ext = s.format === "docx" ? "docx" : "md";
  return { name: `fuzz-${seed}-${i}.${ext}`, format: s.format, bytes: m.bytes, desc: `${s.name} → ${m.desc}` };
}

/**
 * Runs `iterations` cases in-process. `api` = { read(bytes, uri) → doc, lint(doc), errorCode(e) →
 * code | undefined for an expected refusal }. Returns { counts, failures }.
 */
export async function fuzzInProcess({ iterations, seed, only, api, slowMs = 5000, onCase }) {
  const seeds = seedCorpus();
  const counts = { ok: 0, refused: {}, failures: 0 };
  const failures = [];
  const indices = only !== undefined ? [only] : Array.from({ length: iterations }, (_, i) => i);
  for (const i of indices) {
    const c = makeCase(seeds, seed, i);
    const started = performance.now();
    const cpu0 = process.cpuUsage();
    let outcome;
    try {
      const doc = await api.read(new Uint8Array(c.bytes), c.name);
      await api.lint(doc);
      outcome = "ok";
    } catch (e) {
      const code = api.errorCode(e);
      outcome = code && KNOWN_CODES.has(code) ? `refused:${code}` : `crash:${e && e.stack ? e.stack.split("\n").slice(0, 4).join(" | ") : String(e)}`;
    }
    const wallMs = performance.now() - started;
    // CPU time, not wall time, decides "slow": other processes on a shared machine inflate wall time.
    const cpu = process.cpuUsage(cpu0);
    const ms = (cpu.user + cpu.system) / 1000;
    if (outcome === "ok") counts.ok++;
    else if (outcome.startsWith("refused:")) counts.refused[outcome.slice(8)] = (counts.refused[outcome.slice(8)] ?? 0) + 1;
    if (outcome.startsWith("crash:") || ms > slowMs) {
      counts.failures++;
      failures.push({ i, name: c.name, desc: c.desc, outcome, ms: Math.round(ms), wallMs: Math.round(wallMs), bytes: c.bytes });
    }
    onCase?.(i, c, outcome, ms);
  }
  return { counts, failures };
}

/** Runs the real CLI on `batches` batches of `size` mutated files; returns property violations. */
export function fuzzCli({ seed, batches, size = 8, startAt = 100_000, timeoutArg, killAfterMs = 60_000 }) {
  const seeds = seedCorpus();
  const problems = [];
  const runs = [];
  for (let b = 0; b < batches; b++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chotatsu-fuzz-cli-"));
    const cases = Array.from({ length: size }, (_, k) => makeCase(seeds, seed, startAt + b * size + k));
    for (const c of cases) fs.writeFileSync(path.join(dir, c.name), c.bytes);
    const args = [path.join(ROOT, "bin", "chotatsu-lint.js"), "--format", "json", ...(timeoutArg ? ["--timeout", timeoutArg] : []), ...cases.map((c) => c.name)];
    const env = { ...process.env, NO_COLOR: "1" };
    delete env.NODE_OPTIONS;
    const started = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: dir, encoding: "utf8", timeout: killAfterMs, env, maxBuffer: 256 * 1024 * 1024 });
    const ms = performance.now() - started;
    runs.push({ batch: b, code: r.status, ms: Math.round(ms) });
    const where = `batch ${b} (${dir})`;
    if (r.status === null) problems.push(`${where}: killed after ${killAfterMs} ms (hang)`);
    else if (![0, 1, 2].includes(r.status)) problems.push(`${where}: exit code ${r.status}; stderr: ${r.stderr.slice(0, 500)}`);
    if (/^\s+at .+(\(|:\d+:\d+)/m.test(r.stderr)) problems.push(`${where}: stack trace on stderr: ${r.stderr.slice(0, 500)}`);
    let report;
    try { report = JSON.parse(r.stdout); } catch { problems.push(`${where}: stdout is not JSON: ${r.stdout.slice(0, 200)}`); }
    if (report) {
      for (const c of cases) {
        const f = report.files?.find((x) => x.uri.endsWith(c.name));
        if (!f) problems.push(`${where}: no entry for ${c.name} (${c.desc})`);
        else if (f.error && (!KNOWN_CODES.has(f.error.code))) problems.push(`${where}: ${c.name} got code ${f.error.code}: ${f.error.message} (${c.desc})`);
        else if (f.error && f.findings.length) problems.push(`${where}: ${c.name} has an error and findings`);
      }
      const unreadable = report.files.filter((f) => f.error).length;
      if (report.summary?.unreadable !== unreadable) problems.push(`${where}: summary.unreadable ${report.summary?.unreadable} ≠ ${unreadable}`);
      if ((unreadable > 0) !== (r.status === 2)) problems.push(`${where}: exit ${r.status} with ${unreadable} unreadable file(s)`);
    }
    if (!problems.some((p) => p.startsWith(where))) fs.rmSync(dir, { recursive: true, force: true });
  }
  return { problems, runs };
}

function parseArgs(argv) {
  const o = { iterations: 500, seed: 1, cliBatches: 3, only: undefined, slowMs: 5000 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = () => Number(argv[++i]);
    if (a === "--iterations") o.iterations = v();
    else if (a === "--seed") o.seed = v();
    else if (a === "--cli-batches") o.cliBatches = v();
    else if (a === "--only") o.only = v();
    else if (a === "--slow-ms") o.slowMs = v();
    else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const dist = path.join(ROOT, "dist");
  const { readSpec } = await import(path.join(dist, "readers", "index.js"));
  const { lintDocument } = await import(path.join(dist, "engine", "index.js"));
  const { loadConfig } = await import(path.join(dist, "config", "index.js"));
  const config = await loadConfig({ cwd: ROOT });
  const api = {
    read: (bytes, uri) => readSpec(bytes, uri, {}),
    lint: (doc) => lintDocument(doc, config, { requireReason: false, locale: "ja" }),
    errorCode: (e) => (e && e.name === "InputError" ? e.code : undefined),
  };
  const started = performance.now();
  const { counts, failures } = await fuzzInProcess({ iterations: o.iterations, seed: o.seed, only: o.only, api, slowMs: o.slowMs });
  console.log(`in-process: ${o.only !== undefined ? 1 : o.iterations} inputs in ${Math.round(performance.now() - started)} ms:`, JSON.stringify(counts));
  // A fresh folder per run, made only when something failed: concurrent runs never mix their inputs.
  const outDir = failures.length ? fs.mkdtempSync(path.join(os.tmpdir(), "chotatsu-fuzz-failures-")) : "";
  for (const f of failures) {
    fs.writeFileSync(path.join(outDir, f.name), f.bytes);
    console.log(`FAIL #${f.i} ${f.name} (${f.ms} ms) ${f.desc}\n  ${f.outcome.slice(0, 400)}`);
  }
  if (failures.length) console.log(`failing inputs saved in ${outDir}; replay with --seed ${o.seed} --only <i>`);
  const cli = o.only === undefined ? fuzzCli({ seed: o.seed, batches: o.cliBatches }) : { problems: [], runs: [] };
  for (const p of cli.problems) console.log(`CLI: ${p}`);
  console.log(`cli: ${cli.runs.length} runs`, JSON.stringify(cli.runs));
  process.exitCode = failures.length || cli.problems.length ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((e) => { console.error(e); process.exitCode = 1; });
}
