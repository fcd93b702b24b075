// Scores the linter's JSON report against blind labels: status agreement (exact, balanced = mean
// recall of present / partial / absent, per rule, per class) and defect precision / recall matched
// at the location a labeller marked (same line or paragraph ± 1), never per document.
import { DEFECT_IDS, DOCUMENT_LEVEL_DEFECTS, RULE_IDS, STATUSES } from "./labels.mjs";

const DEFECT_SET = new Set(DEFECT_IDS);

const ratio = (n, d) => (d === 0 ? 1 : n / d);

/** How far (in lines / paragraphs) a finding may sit from the quoted words and still match. */
export const LINE_SLACK = 1;

/** Lines between a finding and a label's nearest place; Infinity beyond the slack. */
function distance(label, finding) {
  const line = finding.location?.line ?? 0;
  let best = Infinity;
  for (const p of label.places) {
    const d = line < p.line ? p.line - line : line > p.endLine ? line - p.endLine : 0;
    if (d <= LINE_SLACK && d < best) best = d;
  }
  return best;
}

/**
 * The most label–finding pairs that sit at each other's place (a maximum bipartite matching, by
 * augmenting paths, each label trying its nearest findings first). Matching label by label in order
 * let a label whose place reaches two findings take the one a later label needed, though the other was
 * free for it: a found defect scored as missed. Returns, per finding, its label's index or -1.
 */
export function matchAtPlaces(labels, findings) {
  const owner = findings.map(() => -1);
  const candidates = labels.map((l) => findings.map((f, k) => [k, distance(l, f)]).filter(([, d]) => d !== Infinity)
    .sort((a, b) => a[1] - b[1]).map(([k]) => k));
  const augment = (li, seen) => {
    for (const k of candidates[li]) {
      if (seen.has(k)) continue;
      seen.add(k);
      if (owner[k] < 0 || augment(owner[k], seen)) { owner[k] = li; return true; }
    }
    return false;
  };
  labels.forEach((_l, li) => augment(li, new Set()));
  return owner;
}

/**
 * Matches one document's labelled defects with its findings, per rule.
 * labels: { rule, quote?, places?: {line,endLine}[] }[]; findings: the report's findings.
 * Returns { tp, fp: finding[], fn: label[] } per rule id.
 */
export function matchDefects(labels, findings) {
  const out = {};
  for (const id of DEFECT_IDS) {
    const mine = labels.filter((l) => l.rule === id);
    const found = findings.filter((f) => f.ruleId === id && !f.suppressed);
    const used = new Set();
    const missed = [];
    let tp = 0;
    const located = mine.filter((l) => !DOCUMENT_LEVEL_DEFECTS.has(id) && l.places?.length);
    const anywhere = mine.filter((l) => !located.includes(l));
    const owner = matchAtPlaces(located, found);
    owner.forEach((li, k) => { if (li >= 0) used.add(k); });
    const matched = new Set(owner.filter((li) => li >= 0));
    tp += matched.size;
    located.forEach((l, li) => { if (!matched.has(li)) missed.push(l); });
    // Document-level defects (and a quote the document does not contain, reported separately)
    // match any remaining finding of the rule in the document.
    for (const l of anywhere) {
      const i = found.findIndex((_f, k) => !used.has(k));
      if (i >= 0) { used.add(i); tp++; } else missed.push(l);
    }
    out[id] = { tp, fp: found.filter((_f, k) => !used.has(k)), fn: missed };
  }
  return out;
}

function emptyConfusion() {
  return Object.fromEntries(STATUSES.map((e) => [e, { present: 0, partial: 0, absent: 0, missing: 0 }]));
}

/**
 * @param items {{ name, expected: { coverage, defects }, actual }[]} (defects carry `places`)
 */
export function compare(items) {
  const perRule = Object.fromEntries(RULE_IDS.map((id) => [id, { agree: 0, total: 0, confusion: emptyConfusion() }]));
  const confusion = emptyConfusion();
  const perDefect = Object.fromEntries(DEFECT_IDS.map((id) => [id, { tp: 0, fp: 0, fn: 0 }]));
  const disagreements = [];
  const defectMismatches = [];
  const fileErrors = [];
  /** Documents labelled without any defect, with the defect findings the linter gives them (issue 11: at most 3). */
  const cleanDocuments = [];
  let agree = 0;
  let total = 0;

  for (const { name, expected, actual } of items) {
    if (actual?.error) fileErrors.push({ file: name, error: actual.error });
    const cov = actual?.coverage ?? {};
    for (const id of RULE_IDS) {
      const exp = expected.coverage[id];
      if (!exp) continue;
      const act = STATUSES.includes(cov[id]?.status) ? cov[id].status : "missing";
      const r = perRule[id];
      r.total++; total++;
      r.confusion[exp][act]++;
      confusion[exp][act]++;
      if (act === exp) { r.agree++; agree++; } else {
        disagreements.push({ file: name, rule: id, expected: exp, actual: act, missing: cov[id]?.missing ?? [], why: cov[id]?.why });
      }
    }
    if (!expected.defects.length && actual && !actual.error) {
      cleanDocuments.push({ file: name, findings: (actual.findings ?? []).filter((f) => DEFECT_SET.has(f.ruleId) && !f.suppressed).length });
    }
    const matched = matchDefects(expected.defects, actual?.findings ?? []);
    for (const id of DEFECT_IDS) {
      const m = matched[id];
      const d = perDefect[id];
      d.tp += m.tp; d.fp += m.fp.length; d.fn += m.fn.length;
      for (const f of m.fp) defectMismatches.push({ file: name, defect: id, kind: "fp", line: f.location?.line, excerpt: f.excerpt ?? "" });
      for (const l of m.fn) defectMismatches.push({ file: name, defect: id, kind: "fn", line: l.places?.[0]?.line, excerpt: l.quote ?? l.section ?? "" });
    }
  }

  let tp = 0, fp = 0, fn = 0;
  const defects = {};
  for (const id of DEFECT_IDS) {
    const d = perDefect[id];
    tp += d.tp; fp += d.fp; fn += d.fn;
    defects[id] = { ...d, precision: ratio(d.tp, d.tp + d.fp), recall: ratio(d.tp, d.tp + d.fn) };
  }
  const rules = {};
  for (const id of RULE_IDS) rules[id] = { ...perRule[id], agreement: ratio(perRule[id].agree, perRule[id].total) };
  const classes = {};
  for (const c of STATUSES) {
    const support = STATUSES.reduce((s, a) => s + confusion[c][a], 0) + confusion[c].missing;
    const predicted = STATUSES.reduce((s, e) => s + confusion[e][c], 0);
    classes[c] = { support, recall: ratio(confusion[c][c], support), precision: ratio(confusion[c][c], predicted) };
  }
  const supported = STATUSES.filter((c) => classes[c].support > 0);
  const balanced = supported.length ? supported.reduce((s, c) => s + classes[c].recall, 0) / supported.length : 1;
  const worstRule = RULE_IDS.reduce((w, id) => (rules[id].total && rules[id].agreement < rules[w].agreement ? id : w), RULE_IDS[0]);
  return {
    files: items.length,
    agreement: ratio(agree, total),
    balanced,
    agree, total,
    classes,
    confusion,
    rules,
    worstRule: { id: worstRule, agreement: rules[worstRule].agreement },
    absentJudgedPresent: confusion.absent.present,
    defects,
    defectTotals: { tp, fp, fn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn) },
    disagreements,
    defectMismatches,
    fileErrors,
    cleanDocuments,
  };
}

/** Issue 11: on a realistic full-length spec without defects, at most this many defect findings. */
export const MAX_CLEAN_FINDINGS = 3;

/** Targets of issue 11, asserted on dev by the eval test; test figures are only reported. */
export const TARGETS = { agreement: 0.95, balanced: 0.93, ruleMin: 0.85, precision: 0.9, recall: 0.85 };

/**
 * Ratchet on the dev (tuning) split while TARGETS are not met there: the eval test fails when dev
 * falls below these, so a change cannot quietly lose judgement. Raise them to the new dev figures
 * (rounded down by about half a point) whenever a change improves dev; once dev meets TARGETS,
 * the test asserts TARGETS themselves. The test split is never asserted. Set anew (lower) only when
 * dev grows: 2026-12-06, 29 → 35 documents with r28–r39; 35 → 39 with r40, r41, r45, r46 (the third
 * session, which then raised it to its end figures: 94.9% / 93.5% / 87.2% / 89.7%; recall, at 86.3%, meets its target);
 * 39 → 43 with r48, r50, r52, r53, unseen until then (on arrival 73.6% exact on their own; dev after the
 * delegatedTo change: 93.5% / 92.0% / P 86.8% / R 82.8%), then raised to the fourth session's end figures
 * (93.9% / 92.3% / worst rule 86.0% / P 86.5% / R 84.8%) less about half a point; 43 → 47 with r56, r60,
 * r62, r63, unseen until then (on arrival 79.2% exact on their own; dev 92.7% / 91.1% / emergency-contact 83.0% /
 * P 85.5% / R 83.0%), then raised to the session's end figures (93.4% / 92.0% / 83.0% / P 85.8% / R 84.8%)
 * less about half a point; 47 → 51 with r65, r66, r70, r71 (fifth session), unseen until then (on arrival
 * 79.9% exact on their own; dev 92.4% / 90.6% / emergency-contact 78.4% / P 84.7% / R 84.2%), then raised to the
 * session's end figures (93.4% / 92.0% / 78.4% / P 85.2% / R 84.8%) less about half a point; 51 → 55 with r73,
 * r74, r76, r77 (sixth session), unseen until then (on arrival 81.3% exact on their own; dev 92.5% / 90.9% /
 * emergency-contact 76.4% / P 84.6% / R 83.8%), then set at the session's figures (93.3% / 91.9% / 76.4% / P 85.1% /
 * R 83.8%) less about half a point; 55 → 59 with r81, r82, r83, r87 in the same session, unseen until then (on
 * arrival 82.6% exact on their own; dev 92.7% / 91.1% / emergency-contact 79.7% / P 84.7% / R 82.2%), then set at
 * the session's figures (92.8% / 91.3% / 79.7% / P 85.3% / R 83.7%) less about half a point; 59 → 63 with r90, r91,
 * r92, r95 in the same session, unseen until then (on arrival 77.1% exact on their own; dev 91.8% / 90.2% /
 * emergency-contact 77.8% / P 84.3% / R 83.6%, one absent judged present, fixed), then set at the session's end
 * figures (91.9% / 90.2% / 77.8% / P 84.3% / R 83.6%) less about half a point; 63 → 67 with r96, r100, r101, r102
 * (seventh session), unseen until then (on arrival 81.9% exact on their own; dev 91.6% / 90.0% / emergency-contact
 * 76.1% / P 83.6% / R 81.7%); 67 → 71 with r106, r107, r110, r111, unseen until then (on arrival 86.8%; dev 92.0% /
 * 90.6% / 76.1% / P 84.6% / R 83.5%), then set at the session's end figures (92.1% / 90.7% / emergency-contact 76.1%
 * / P 84.9% / R 83.5%); 71 → 75 with r113, r114, r116, r119 in the same session, unseen until then (on arrival 83.3%
 * exact on their own; dev 91.7% / 90.1% / emergency-contact 73.3% / P 84.1% / R 83.4%), then set at the session's
 * end figures (91.7% / 90.1% / 73.3% / P 84.7% / R 83.4%) less about half a point (the worst rule's floor falls with
 * the new documents' emergency-contact labels, which the labellers split on); 75 → 95 in the eighth session with
 * r121–r159's twenty dev documents in five batches, unseen until then (on arrival 86.1%, 90.3%, 74.3%, 85.4% and
 * 80.6% exact on their own; at the last arrival dev 90.7% / 89.1% / emergency-contact 71.6% / P 82.1% / R 82.3%), then
 * set at the session's figures at test scoring #15 (91.1% / 89.5% / emergency-contact 75.8% / P 82.6% / R 82.3%; at the
 * session's end 91.4% / 89.7%) less about half a
 * point: the floor falls because a fifth of dev is new, not because a rule was loosened; 95 → 115 in the ninth session
 * with r160–r199's twenty dev documents in five batches, unseen until then (on arrival 83.3%, 82.6%, 81.3%, 77.8% and
 * 84.0% exact on their own; at the last arrival dev 90.1% / 88.4% / emergency-contact 72.2% / P 77.9% / R 79.6%), then
 * set at the figures of test scoring #16 (90.1% / 88.4% / emergency-contact 72.2% / P 79.0% / R 79.4%; the 95 older
 * documents 91.4% → 91.5%) less about half a point, for the same reason; 115 → 131 in the tenth session with
 * r200–r231's sixteen dev documents in four batches, unseen until then (on arrival 84.7%, 81.3%, 84.7% and 78.5% exact
 * on their own), then set at the session's end figures (90.0% / 88.1% / emergency-contact 74.0% / P 77.0% / R 79.3%)
 * less about half a point: precision falls because the new documents bring false hits the older ones did not have
 * (a security-audit contract, SLA tables), not because a rule was loosened; 131 → 143 in the eleventh session with
 * r234–r255's twelve dev documents in three batches, unseen until then (on arrival 81.3%, 80.6% and 84.7% exact on
 * their own), then set at the figures of test scoring #17 (89.6% / 87.8% / emergency-contact 71.3% / P 79.5% /
 * R 77.7%; the 131 older documents 90.0% → 90.1%) less about half a point: exact, the worst rule and recall fall with
 * the new documents, precision rises with the session's defect-scope classes; 143 → 159 in the twelfth session with
 * r258–r287's sixteen dev documents in four batches, unseen until then (on arrival 77.1%, 84.7%, 87.5% and 81.3% exact
 * on their own, 82.6% together), then set at the figures of test scoring #18 (89.4% / 87.5% / emergency-contact 67.9% /
 * P 79.2% / R 76.3%; the 143 older documents 89.7% → 89.8%, the sixteen new ones 82.6% → 84.8%) less about half a
 * point: the worst rule falls with the new documents' emergency-contact labels (a facility's fire and illness
 * contacts, call-out times, liaison posts, on which the labellers split), recall with their defects; 163 → 191 in the
 * thirteenth session with r300–r351's twenty-eight dev documents in seven batches, unseen until then (on arrival 81.9%,
 * 85.4%, 88.2%, 80.6%, 83.3%, 77.1% and 88.2% exact on their own), then set at the figures of test scoring #19
 * (91.3% / 89.9% / emergency-contact 75.4% / P 80.9% / R 76.4%; the 163 older documents 89.4% → 92.2%, the twenty-eight new ones 83.5% → 86.3%) less about half a
 * point. Every figure rose: the session fixed classes across all rules and the defect scopes, and the floor rises with it;
 * 191 → 199 in the fourteenth session with r352, r353, r354, r357, r360, r361, r363 and r367, unseen until then (on
 * arrival 86.1% and 91.0% exact on their own), then set at the figures of test scoring #20 (92.7% / 91.5% /
 * emergency-contact 77.4% / P 83.1% / R 77.7%; the 191 older documents 91.3% → 92.8%, the eight new ones 88.5% → 89.2%)
 * less about half a point. One absent judged present is accepted by name (ABSENT_PRESENT_ACCEPTED, r352). Then 199 → 207
 * in the same session with r368, r371, r374, r375 and r376, r379, r380, r381, unseen until then and taken in after #20
 * with no rule change (on arrival 84.7% and 85.4% exact on their own), and set at the figures with them (92.4% / 91.2% /
 * emergency-contact 77.8% / P 82.4% / R 77.7%) less about half a point: exact and precision fall with the new
 * documents' false hits (a landfill plant's accidents and training read as partial duties, four new defect fp), not
 * because a rule was loosened. 207 → 211 in the fifteenth session with r385, r386, r388 and r391, unseen until then
 * and taken in with no rule change (79.2% exact on their own on arrival): the worst rule, emergency-contact, falls
 * from 77.8% to 77.25% with two of them (contacts labelled present that name no liaison of both sides), so its floor
 * is 0.768 until the session's rule work is in. Then 211 → 215 with r392, r393, r395 and r397 (83.3% on arrival):
 * emergency-contact 77.25% → 76.3% with two more contacts labelled present that name no liaison of both sides; 0.758
 * until the rule work is in. Then set at the figures of test scoring #21 (93.2% / 92.1% / emergency-contact 77.7% /
 * P 84.7% / R 78.0%; the 207 older documents 92.4% → 93.5%, the eight new ones 81.3% on arrival → 83.7%) less about
 * half a point. Every figure rose with the session's 71 class commits. 215 → 219 in the sixteenth session with r401,
 * r402, r403 and r405, unseen until then and taken in with no rule change since the two engine commits before them
 * (84.0% exact on their own on arrival): defect precision falls from 84.8% to 83.6% with their eleven false hits (a
 * wish and 「原則として」 outside security duties, two excerpt chapters, a supported Windows 10 and Office 2019 read as
 * end of life), so its floor is 0.832 until the session's rule work is in. Then 219 → 223 with r409, r412, r413 and
 * r414 (72.9% exact on their own on arrival, the lowest batch yet): balanced accuracy falls to 91.6% and
 * emergency-contact to 77.1% (a network lease's and a recording contract's contacts), so those floors are 0.912 and
 * 0.766 until the rule work is in. Then 223 → 227 with r418, r419, r421 and r423 (82.6% on arrival), and set at the
 * figures of test scoring #22 (93.4% / 92.4% / emergency-contact 80.2% / P 86.1% / R 80.5%) less about half a point;
 * every figure is higher than the floor the session started with.
 */
export const DEV_FLOOR = { agreement: 0.929, balanced: 0.919, ruleMin: 0.797, precision: 0.856, recall: 0.800 };

/**
 * Absent judged present on dev that the eval test accepts, each one named with its reason: a document whose labels
 * go against the labels of the class of wording it belongs to, where following the document would mean tuning to
 * its sentence. The test fails on any other such case and on a listed one that is no longer judged present, so the
 * list cannot hide a new case or go stale. What the assertion guards, a negated or excluded duty judged present,
 * is never listed here.
 */
export const ABSENT_PRESENT_ACCEPTED = [
  {
    file: "r352-higashino-zoo-science-hall-operation.md", rule: "emergency-contact",
    why: "a facility's 緊急時の連絡体制 in the work plan's contents with the hours the work is staffed; both blind labellers "
      + "read it as not present (absent, partial), while the same class (emergency-contact's contact + desk-hours route) is "
      + "labelled present in 11 other dev documents and partial or absent in 6 (fourteenth session, checked by removing the route)",
  },
];

/** The bar the eval test holds dev to: TARGETS once met, the ratchet floor until then. */
export const devBar = (r) => (shortfalls(r, TARGETS).length ? DEV_FLOOR : TARGETS);

export function shortfalls(r, t = TARGETS) {
  const out = [];
  if (r.agreement < t.agreement) out.push(`exact ${pct(r.agreement)} < ${pct(t.agreement)}`);
  if (r.balanced < t.balanced) out.push(`balanced ${pct(r.balanced)} < ${pct(t.balanced)}`);
  if (r.worstRule.agreement < t.ruleMin) out.push(`rule ${r.worstRule.id} ${pct(r.worstRule.agreement)} < ${pct(t.ruleMin)}`);
  if (r.defectTotals.precision < t.precision) out.push(`defect precision ${pct(r.defectTotals.precision)} < ${pct(t.precision)}`);
  if (r.defectTotals.recall < t.recall) out.push(`defect recall ${pct(r.defectTotals.recall)} < ${pct(t.recall)}`);
  return out;
}

export const pct = (x) => `${(x * 100).toFixed(1)}%`;

/**
 * Agreement between two labellers on the documents both labelled: exact status agreement,
 * Cohen's κ over the three statuses, and defect agreement (B's defects matched to A's places).
 */
export function labellerAgreement(pairs) {
  const m = emptyConfusion();
  let agree = 0, n = 0;
  let both = 0, onlyA = 0, onlyB = 0;
  // Per rule too: a rule the labellers themselves agree on less often than the per-rule target bounds
  // what any change to that rule can show.
  const perRule = Object.fromEntries(RULE_IDS.map((id) => [id, { agree: 0, total: 0, exact: 1 }]));
  for (const { a, b } of pairs) {
    for (const id of RULE_IDS) {
      const x = a.coverage[id], y = b.coverage[id];
      if (!x || !y) continue;
      m[x][y]++; n++;
      perRule[id].total++;
      if (x === y) { agree++; perRule[id].agree++; }
    }
    // Treat B's labels as "findings" at B's places and match them against A's.
    const asFindings = b.defects.map((l) => ({ ruleId: l.rule, location: { line: l.places?.[0]?.line ?? 0 } }));
    const matched = matchDefects(a.defects, asFindings);
    for (const id of DEFECT_IDS) { both += matched[id].tp; onlyA += matched[id].fn.length; onlyB += matched[id].fp.length; }
  }
  const po = ratio(agree, n);
  let pe = 0;
  for (const c of STATUSES) {
    const rowA = STATUSES.reduce((s, y) => s + m[c][y], 0) / (n || 1);
    const colB = STATUSES.reduce((s, x) => s + m[x][c], 0) / (n || 1);
    pe += rowA * colB;
  }
  const kappa = pe === 1 ? 1 : (po - pe) / (1 - pe);
  for (const r of Object.values(perRule)) r.exact = ratio(r.agree, r.total);
  return { documents: pairs.length, judgements: n, exact: po, kappa, confusion: m, perRule,
    defects: { both, onlyA, onlyB, f1: ratio(2 * both, 2 * both + onlyA + onlyB) } };
}
