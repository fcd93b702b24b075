#!/usr/bin/env node
// The scaling series: one generated spec (bench-specs.mjs) at 256 KB, 1, 2 and 4 MB, each linted by
// the CLI as a user runs it (`--jobs 1 --format json`, default budget and size cap), timing the
// wall clock and reading the peak resident memory of the whole process (workers included) from
// the kernel's rusage. Prints a table with each size's time as a multiple of the 256 KB time.
//   npm run bench -- --scaling [--runs N] [--sizes 256K,1M,2M,4M] [--dist DIR]
//   node scripts/bench-scaling.mjs …
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { makeSpec } from "./bench-specs.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** "256K" / "4M" → bytes. */
export function parseSize(s) {
  const m = /^(\d+(?:\.\d+)?)([KM]?)$/i.exec(s.trim());
  if (!m) throw new Error(`bad size: ${s}`);
  return Math.round(Number(m[1]) * (m[2].toUpperCase() === "M" ? 1024 * 1024 : m[2] ? 1024 : 1));
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

/**
 * One CLI run of `file`: wall ms, peak RSS in MB, exit code, and the file's error code if any.
 * The child reports its own process-wide peak RSS when it exits (an --import hook), so no external
 * `time` program is needed.
 */
export function lintOnce(cli, file, extraArgs = []) {
  const hook = "data:text/javascript," + encodeURIComponent(
    "import fs from 'node:fs';process.on('exit',()=>{fs.writeSync(2,'\\nMAXRSS '+process.resourceUsage().maxRSS+'\\n')})");
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["--import", hook, cli, "--jobs", "1", "--format", "json", ...extraArgs, file],
    { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - t0;
  const rss = Number(/MAXRSS (\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
  let error = null;
  try { error = JSON.parse(r.stdout).files[0]?.error?.code ?? null; } catch { error = "no-json"; }
  return { ms, rssMb: rss, status: r.status, error };
}

export function scalingSeries({ sizes = ["256K", "1M", "2M", "4M"], runs = 3, cli = path.join(ROOT, "bin", "chotatsu-lint.js"), extraArgs = [] } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chotatsu-scaling-"));
  const rows = [];
  try {
    for (const size of sizes) {
      const file = path.join(dir, `spec-${size}.md`);
      const text = makeSpec(parseSize(size), 7);
      fs.writeFileSync(file, text);
      const all = [];
      for (let i = 0; i < runs; i++) all.push(lintOnce(cli, file, extraArgs));
      rows.push({ size, bytes: Buffer.byteLength(text), ms: median(all.map((x) => x.ms)),
        rssMb: Math.max(...all.map((x) => x.rssMb)), error: all.find((x) => x.error)?.error ?? null });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const base = rows[0].ms;
  for (const r of rows) r.ratio = r.ms / base;
  return rows;
}

export function scalingTable(rows) {
  return ["| size | bytes | time (median) | × 256 KB time | peak RSS | file error |", "|---|---|---|---|---|---|",
    ...rows.map((r) => `| ${r.size} | ${r.bytes} | ${(r.ms / 1000).toFixed(2)} s | ${r.ratio.toFixed(2)}× | ${r.rssMb.toFixed(0)} MB | ${r.error ?? "—"} |`)].join("\n");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
  const rows = scalingSeries({
    sizes: opt("--sizes")?.split(","), runs: Number(opt("--runs") ?? 3),
    cli: opt("--cli") ? path.resolve(opt("--cli")) : undefined,
  });
  console.log(scalingTable(rows));
  console.log(`\nNode ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg().map((x) => x.toFixed(1)).join(" ")}.`);
}
