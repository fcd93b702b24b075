// Labels of the evaluation corpus: reading and validating `<name>.expected.yaml`, the corpus
// listing, and the committed dev/test split. Labels are written blind (docs/eval/labelling-brief.md);
// nothing here ever adjusts them.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";

/** The 36 clause rules of rules.md §3, in catalogue order. */
export const RULE_IDS = [
  "sec-section-present", "policy-compliance", "security-org", "security-plan", "compliance-report",
  "audit-acceptance", "staff-education", "confidentiality", "personal-info", "data-handling",
  "data-deletion", "subcontract-approval", "supply-chain", "certification", "incident-report",
  "incident-cooperation", "emergency-contact", "patch-latest", "vuln-info", "vuln-assessment",
  "eol-software", "malware-protection", "hardening", "net-separation", "multi-layer-defense",
  "monitoring", "log-collection", "log-retention", "access-control", "encryption",
  "secure-development", "security-acceptance-test", "physical-security", "cloud-security",
  "backup-recovery", "risk-assessment",
];

/** The defects of rules.md §4 plus threshold-short. */
export const DEFECT_IDS = [
  "vague-obligation", "non-mandatory-form", "undefined-deadline", "undefined-period",
  "eol-product-named", "vendor-specific", "missing-section", "outdated-reference",
  "placeholder-left", "subject-missing", "inconsistent-actor-terms", "approval-without-criteria",
  "obsolete-crypto", "scope-too-narrow", "referenced-not-provided", "threshold-short",
];

/** Defects a reviewer marks on the document as a whole (no sentence to point at). */
export const DOCUMENT_LEVEL_DEFECTS = new Set(["missing-section", "inconsistent-actor-terms"]);

export const STATUSES = ["present", "partial", "absent"];

const DOC_EXTENSIONS = [".md", ".docx", ".txt"];

/** Documents of a corpus folder: top-level files with a sibling `<name>.expected.yaml`. */
export function listCorpus(corpusDir) {
  const docs = [];
  for (const e of readdirSync(corpusDir, { withFileTypes: true })) {
    if (!e.isFile()) continue;
    const ext = path.extname(e.name);
    if (!DOC_EXTENSIONS.includes(ext)) continue;
    const name = e.name.slice(0, -ext.length);
    const expectedPath = path.join(corpusDir, `${name}.expected.yaml`);
    if (!existsSync(expectedPath)) continue; // README.md and documents still waiting for labels
    docs.push({ name, file: e.name, docPath: path.join(corpusDir, e.name), expectedPath });
  }
  docs.sort((a, b) => a.name.localeCompare(b.name));
  return docs;
}

/**
 * Reads one label file. Returns { coverage, defects, problems }: `defects` is a list of
 * { rule, quote?, section? }; `problems` lists every way the file breaks the labelling contract.
 */
export function loadExpected(expectedPath) {
  const problems = [];
  let data;
  try {
    data = parseYaml(readFileSync(expectedPath, "utf8"));
  } catch (err) {
    return { coverage: {}, defects: [], problems: [`YAML parse error: ${err.message}`] };
  }
  const coverage = {};
  const defects = [];
  const cov = data?.coverage;
  if (!cov || typeof cov !== "object") problems.push("missing coverage map");
  else {
    for (const id of RULE_IDS) {
      const s = cov[id];
      if (s === undefined) problems.push(`coverage lacks ${id}`);
      else if (!STATUSES.includes(s)) problems.push(`coverage.${id} has invalid status ${JSON.stringify(s)}`);
      else coverage[id] = s;
    }
    for (const id of Object.keys(cov)) if (!RULE_IDS.includes(id)) problems.push(`coverage has unknown rule ${id}`);
  }
  const def = data?.defects ?? [];
  if (!Array.isArray(def)) problems.push("defects must be a list");
  else {
    def.forEach((d, i) => {
      const rule = d?.rule;
      if (!DEFECT_IDS.includes(rule)) { problems.push(`defects[${i}]: unknown defect id ${JSON.stringify(rule)}`); return; }
      const quote = d.quote === undefined || d.quote === null ? undefined : String(d.quote);
      if (!DOCUMENT_LEVEL_DEFECTS.has(rule) && !quote) problems.push(`defects[${i}] (${rule}) needs a quote`);
      if (quote !== undefined && quote.replace(/\s/g, "").length < 4) problems.push(`defects[${i}] (${rule}) quote is too short`);
      for (const k of Object.keys(d)) if (!["rule", "quote", "section"].includes(k)) problems.push(`defects[${i}] has unknown key ${k}`);
      defects.push({ rule, ...(quote ? { quote } : {}), ...(d.section ? { section: String(d.section) } : {}) });
    });
  }
  for (const key of Object.keys(data ?? {})) {
    if (key !== "coverage" && key !== "defects") problems.push(`unknown top-level key ${key}`);
  }
  return { coverage, defects, problems };
}

/**
 * The real specification a derived document was written from (the `url:` of its .source.yaml), or
 * undefined: documents with the same one are one source (eval-split deals them to one half).
 */
export function sourceUrlOf(corpusDir, name) {
  const file = path.join(corpusDir, `${name}.source.yaml`);
  return existsSync(file) ? /^url:\s*(\S+)/m.exec(readFileSync(file, "utf8"))?.[1] : undefined;
}

/** The committed split: { seed, dev: string[], test: string[] } (document names, no extension). */
export function loadSplit(splitPath) {
  const data = parseYaml(readFileSync(splitPath, "utf8"));
  const dev = data?.dev ?? [];
  const test = data?.test ?? [];
  const overlap = dev.filter((n) => test.includes(n));
  if (overlap.length) throw new Error(`${splitPath}: in both dev and test: ${overlap.join(", ")}`);
  return { seed: data?.seed, dev, test };
}
