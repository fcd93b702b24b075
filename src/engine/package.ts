// A procurement package (本体 + 別紙 + 要件定義書 …) judged as one document: the members' blocks in
// order, each remembering its file, so a clause in an annex satisfies the body, a reference to 別紙1
// finds the annex's title, and every finding still names the file and paragraph where it lies.
import type { Block, SpecDocument } from "../model/document.js";
import type { Coverage, Finding } from "../model/finding.js";
import type { Locale } from "../i18n/index.js";
import type { ResolvedConfig } from "../model/ruleset.js";
import { checkDocument, finishFindings } from "./index.js";

export interface PackageMember {
  doc: SpecDocument;
  /** The name fingerprints are made from (relative to the project folder), when it differs from `doc.uri`. */
  fingerprintUri?: string;
}

export interface PackageLintResult {
  /** Per member, in the order given: its findings (suppressed by its own directives). */
  findings: Finding[][];
  /** Judged over the whole package; evidence names the member file (display uri). */
  coverage: Record<string, Coverage>;
}

/** The block of a file that holds a line (a Markdown evidence line may sit inside a multi-line block). */
export function blockAtLine(blocks: readonly Block[], origin: string | undefined, line: number): Block | undefined {
  return blocks.find((b) => b.origin === origin && b.location.line <= line && line <= b.location.endLine);
}

/** The headings a block sits under as displayed (Word labels included); a heading's own title too. */
export function headingsOf(b: Block): string[] {
  return b.kind === "heading" ? [...b.sectionPath, (b.label ? b.label + " " : "") + b.text] : [...b.sectionPath];
}

/** The members' blocks in one document whose first member is where whole-package findings go. */
export function mergeDocuments(members: readonly PackageMember[]): SpecDocument {
  const first = members[0]!;
  return {
    uri: first.fingerprintUri ?? first.doc.uri,
    format: first.doc.format,
    // Blocks keep their own locations (lines and paragraphs of their file); the copy only adds origin.
    blocks: members.flatMap((m) => m.doc.blocks.map((b) =>
      Object.assign(Object.create(Object.getPrototypeOf(b) as object) as typeof b, b, { origin: m.fingerprintUri ?? m.doc.uri }))),
    directives: [],
    notices: [],
  };
}

/** Lint the members as one document. An empty member list judges nothing. */
export function lintPackage(members: readonly PackageMember[], config: ResolvedConfig,
  opts: { requireReason?: boolean; locale?: Locale } = {}): PackageLintResult {
  if (!members.length) return { findings: [], coverage: {} };
  const locale = opts.locale ?? config.locale ?? "ja";
  const merged = mergeDocuments(members);
  const { findings, coverage } = checkDocument(merged, config, { locale });
  const fpUris = members.map((m) => m.fingerprintUri ?? m.doc.uri);
  const display = new Map(fpUris.map((u, i) => [u, members[i]!.doc.uri]));
  const perMember: Finding[][] = members.map(() => []);
  for (const f of findings) perMember[Math.max(0, fpUris.indexOf(f.uri))]!.push(f);
  const out = members.map((m, i) => finishFindings(perMember[i]!, m.doc, fpUris[i]!, { requireReason: opts.requireReason, locale }));
  for (const c of Object.values(coverage)) {
    if (c.evidence?.uri === undefined) continue;
    // Where in the file, as a reader of that file finds it: its numbering and chapter.
    const b = blockAtLine(merged.blocks, c.evidence.uri, c.evidence.line);
    if (b?.label) c.evidence.label = b.label;
    if (b && b.sectionPath.length + (b.kind === "heading" ? 1 : 0) > 0) c.evidence.sectionPath = headingsOf(b);
    c.evidence.uri = display.get(c.evidence.uri) ?? c.evidence.uri;
  }
  return { findings: out, coverage };
}
