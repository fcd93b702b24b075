#!/usr/bin/env node
// Splits the labelled corpus once into `dev` (rules may be tuned on it) and `test` (only scored,
// never read while changing rules), by a committed seed, and writes fixtures/corpus/split.yaml.
//
// The split is stratified by family (the name's first letter: c careless, g good, m messy,
// n non-system, r derived from real public specs) so each half sees every kind of document: within a family
// the names are ordered by a seeded hash and dealt alternately, test first.
//
// A document already in the split never moves. Run again after adding labelled documents:
// only the new ones are dealt (same seed), so the test half stays what it was.
//
// Documents derived from the same real specification (the same `url:` in their .source.yaml) are
// one source: a new one joins the half its twin is in, so rules tuned on a dev document are never
// scored on a test document written from the same original. Twins already split across the halves
// (dealt before this check) are listed on stderr.
//
// Usage: node scripts/eval-split.mjs [--seed N]   (the seed is only taken when split.yaml is new)
import { createHash } from "node:crypto";
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { listCorpus, loadSplit, sourceUrlOf } from "./eval/labels.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const corpusDir = path.join(ROOT, "fixtures/corpus");
const splitPath = path.join(corpusDir, "split.yaml");

const args = process.argv.slice(2);
const seedArg = args.includes("--seed") ? Number(args[args.indexOf("--seed") + 1]) : 20261205;
const existing = existsSync(splitPath) ? loadSplit(splitPath) : { seed: seedArg, dev: [], test: [] };
const seed = existing.seed;
const known = new Set([...existing.dev, ...existing.test]);

const rank = (name) => createHash("sha256").update(`${seed}:${name}`).digest("hex");
const sourceOf = (name) => sourceUrlOf(corpusDir, name);
const all = listCorpus(corpusDir).map((d) => d.name);
const fresh = all.filter((n) => !known.has(n));
const dev = [...existing.dev];
const test = [...existing.test];
const halfOf = new Map();
for (const n of dev) { const u = sourceOf(n); if (u) halfOf.set(u, [...(halfOf.get(u) ?? []), ["dev", n]]); }
for (const n of test) { const u = sourceOf(n); if (u) halfOf.set(u, [...(halfOf.get(u) ?? []), ["test", n]]); }
for (const [u, twins] of halfOf) {
  if (new Set(twins.map(([h]) => h)).size > 1) process.stderr.write(`same source in both halves: ${twins.map(([h, n]) => `${n} (${h})`).join(", ")} — ${u}\n`);
}
const families = new Map();
for (const n of fresh) {
  const twin = halfOf.get(sourceOf(n) ?? "")?.[0];
  if (twin) { (twin[0] === "dev" ? dev : test).push(n); process.stdout.write(`${n}: dealt to ${twin[0]} with ${twin[1]} (same source)\n`); continue; }
  const fam = n[0];
  if (!families.has(fam)) families.set(fam, []);
  families.get(fam).push(n);
}
for (const [fam, names] of [...families].sort()) {
  names.sort((a, b) => rank(a).localeCompare(rank(b)));
  // Keep each family balanced with what it already has in the split.
  let t = test.filter((n) => n[0] === fam).length;
  let d = dev.filter((n) => n[0] === fam).length;
  for (const n of names) {
    if (t <= d) { test.push(n); t++; } else { dev.push(n); d++; }
  }
}
dev.sort(); test.sort();
const yaml = [
  "# The evaluation split (scripts/eval-split.mjs). dev: rules may be tuned on it. test: only scored by",
  "# `npm run eval`, never read while changing rules; never relabelled toward the linter.",
  `seed: ${seed}`,
  "dev:",
  ...dev.map((n) => `  - ${n}`),
  "test:",
  ...test.map((n) => `  - ${n}`),
  "",
].join("\n");
writeFileSync(splitPath, yaml);
process.stdout.write(`split.yaml: ${dev.length} dev, ${test.length} test (${fresh.length} newly dealt)\n`);
