#!/usr/bin/env node
// Which vocabulary entries of a ruleset earn their place? Removes each entry in turn (a term of a
// `terms:` list, a mask, an entry of a rule's inline match lists), lints the dev documents of the
// corpus in-process and lists the documents whose judgement or findings change. An entry that
// changes one document only is a smell: it may be tuned to a sentence (issue 11). Only the dev half
// is read: the test half is never studied while rules change.
//
// Usage: node scripts/eval-ablate.mjs [--ruleset rulesets/mhlw-tebiki.yaml] [--only terms|masks|rules] [--json]
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isMap, isScalar, isSeq, parseDocument } from "yaml";
import { listCorpus, loadSplit } from "./eval/labels.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (n, d) => (args.includes(n) ? args[args.indexOf(n) + 1] : d);
const rulesetPath = path.resolve(opt("--ruleset", "rulesets/mhlw-tebiki.yaml"));
const only = opt("--only", "all");

const imp = (p) => import(pathToFileURL(path.join(ROOT, "dist", p)).href);
const { readSpec } = await imp("readers/index.js");
const { resolveRulesetAsConfig } = await imp("config/index.js");
const { lintDocument } = await imp("engine/index.js");

const corpusDir = path.join(ROOT, "fixtures/corpus");
const split = loadSplit(path.join(corpusDir, "split.yaml"));
const docs = [];
for (const d of listCorpus(corpusDir).filter((x) => split.dev.includes(x.name))) {
  docs.push({ name: d.file, doc: await readSpec(new Uint8Array(readFileSync(d.docPath)), d.docPath) });
}

const work = mkdtempSync(path.join(tmpdir(), "chotatsu-ablate-"));
for (const f of readdirSync(path.dirname(rulesetPath))) {
  if (f.endsWith(".yaml") && f !== path.basename(rulesetPath)) copyFileSync(path.join(path.dirname(rulesetPath), f), path.join(work, f));
}
const source = readFileSync(rulesetPath, "utf8");
const target = path.join(work, path.basename(rulesetPath));

function signature(config) {
  return docs.map(({ doc }) => {
    const r = lintDocument(doc, config);
    const cov = Object.entries(r.coverage).map(([id, c]) => `${id}=${c.status}`).sort().join(",");
    const f = r.findings.filter((x) => !x.status).map((x) => `${x.ruleId}@${x.location?.line}`).sort().join(",");
    return `${cov}|${f}`;
  });
}
async function run(text) {
  writeFileSync(target, text);
  return signature(await resolveRulesetAsConfig(target));
}

/** Every entry to try: [label, path in the YAML document]. */
function entries(doc) {
  const out = [];
  const walkSeq = (seq, where, p) => seq.items.forEach((it, i) => { if (isScalar(it)) out.push([`${where}: ${it.value}`, [...p, i]]); });
  const terms = doc.get("terms");
  if (only !== "masks" && only !== "rules" && isMap(terms)) for (const pair of terms.items) if (isSeq(pair.value)) walkSeq(pair.value, `terms.${pair.key.value}`, ["terms", pair.key.value]);
  const masks = doc.get("masks");
  if ((only === "all" || only === "masks") && isSeq(masks)) walkSeq(masks, "masks", ["masks"]);
  if (only === "all" || only === "rules") {
    const rules = doc.get("rules");
    rules.items.forEach((rule, ri) => {
      const id = rule.get("id");
      const visit = (node, p, where) => {
        if (isMap(node)) for (const pair of node.items) {
          const k = pair.key.value;
          if (["examples", "message", "messageEn", "title", "titleEn", "why", "suggestion", "source", "section", "elementLabels", "id", "kind", "severity"].includes(k)) continue;
          visit(pair.value, [...p, k], `${where}.${k}`);
        } else if (isSeq(node) && node.items.every((x) => isScalar(x)) && node.items.length > 1) walkSeq(node, where, p);
        else if (isSeq(node)) node.items.forEach((x, i) => visit(x, [...p, i], `${where}[${i}]`));
      };
      visit(rule, ["rules", ri], id);
    });
  }
  return out;
}

const base = await run(source);
const doc0 = parseDocument(source);
const list = entries(doc0);
const results = [];
for (const [label, p] of list) {
  const d = parseDocument(source);
  d.deleteIn(p);
  let sig;
  try { sig = await run(d.toString()); } catch (e) { results.push({ label, error: e.message.split("\n")[0] }); continue; }
  const changed = docs.filter((_x, i) => sig[i] !== base[i]).map((x) => x.name);
  results.push({ label, changed });
  process.stderr.write(`\r${results.length}/${list.length}`);
}
rmSync(work, { recursive: true, force: true });
process.stderr.write("\n");
if (args.includes("--json")) process.stdout.write(`${JSON.stringify(results, null, 1)}\n`);
else {
  const one = results.filter((r) => r.changed?.length === 1);
  const none = results.filter((r) => r.changed?.length === 0);
  process.stdout.write(`${list.length} entries over ${docs.length} dev documents: ${one.length} change one document, ${none.length} change none\n`);
  process.stdout.write("\nchange one document (a smell: generalise to the class or remove):\n");
  for (const r of one) process.stdout.write(`  ${r.label}  → ${r.changed[0]}\n`);
}
