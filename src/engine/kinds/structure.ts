// structure: required sections (headings) exist.
// A section may be required `under` another (the security heading inside 遵守事項); it is then only
// judged when its parent exists, so a missing chapter is reported once, not with all its children.
// Text without any heading (PDF extraction, a TOC-only outline) is judged by its title lines: the
// lines readers mark as titles (Block.titleLines), or an item title at the start of a line.
import { tocText } from "../../text/toc.js";
import type { Finding } from "../../model/finding.js";
import type { TermEntry } from "../../model/ruleset.js";
import { labelSchema, termListSchema, type CheckContext, type Hit, type JsonSchema, defineKind } from "./kind.js";

export interface StructureSection {
  any: TermEntry[];
  label?: unknown;
  under?: string;
  annex?: TermEntry[];
  /** Also satisfied by a clause anywhere in the body naming it (a 再委託 clause under その他). */
  mentionSuffices?: boolean;
  /**
   * false: the section may sit anywhere once its `under` parent exists (default true, filled by defineKind). Where a security heading
   * sits is sec-section-present's judgement (partial outside 遵守事項); reporting it here too would
   * be one defect twice, so the chapter check only asks that it exists.
   */
  nested?: boolean;
  /**
   * Also satisfied by a chapter (a heading with no heading above it but the title) with one of these
   * titles: a stand-alone 「情報セキュリティの確保」 chapter does the compliance chapter's job, and its
   * children count as under it.
   */
  orChapter?: TermEntry[];
  /**
   * Also satisfied by a heading at any level holding one of `any`, when neither it nor a heading above
   * it holds one of `notUnder`: a 「(3) 情報セキュリティ対策」 section in a 「制約条件」 or 「その他」 chapter
   * carries the contract's security duties as a 遵守事項 chapter would; one inside 非機能要件 does not.
   */
  orSection?: { any: TermEntry[]; notUnder?: TermEntry[] };
}
export interface StructureParams {
  sections: Record<string, StructureSection>;
  /** Title words of a document that is itself an annex (特記事項, 特約条項, 別表 …): not judged. */
  notOn?: TermEntry[];
}

const schema = {
  type: "object", additionalProperties: false, required: ["sections"],
  properties: {
    notOn: { ...termListSchema, description: "Title words of a document that is itself an annex; such a document is not judged." },
    sections: {
      type: "object", minProperties: 1,
      description: "Required sections by name: a heading holding one of `any` (under the `under` section when given, or an annex title) must exist.",
      additionalProperties: {
        type: "object", additionalProperties: false, required: ["any"],
        properties: {
          any: { ...termListSchema, minItems: 1, description: "Words of the section's heading (or title line, in a document without headings)." },
          label: { ...labelSchema, description: "The section's name as {missing} shows it ({ ja, en } or a string; default: its key)." },
          under: { type: "string", minLength: 1, description: "Key of the section this one sits in; judged only when that one exists." },
          annex: { ...termListSchema, description: "Titles of an attached annex (別記 個人情報取扱特記事項) that satisfies the section wherever it sits." },
          mentionSuffices: { type: "boolean", default: false, description: "Also satisfied by a clause anywhere in the body naming the section." },
          nested: { type: "boolean", default: true, description: "false: once the `under` parent exists, the section may sit anywhere in the document; true: inside the parent." },
          orChapter: { ...termListSchema, description: "Titles of a stand-alone chapter that also satisfies the section (and contains its children)." },
          orSection: {
            type: "object", additionalProperties: false, required: ["any"],
            description: "Titles of a heading at any level that also satisfies the section, unless it or a heading above it holds one of `notUnder`.",
            properties: {
              any: { ...termListSchema, minItems: 1, description: "Words of the heading (or title line)." },
              notUnder: { ...termListSchema, description: "Headings (its own or any above it) that disqualify it (the system requirements)." },
            },
          },
        },
      },
    },
  },
} satisfies JsonSchema;

/**
 * The hit lies on a title line the reader marked (Block.titleLines), or opens a line after only an
 * item number: 「（３）情報セキュリティ対策　受注者は、…」 is an item title running into its body.
 */
function titleLine(ctx: CheckContext, h: Hit): boolean {
  const ab = ctx.blocks[h.block]!;
  const at = ab.norm.toOriginal(h.start);
  if ((ab.block.titleLines ?? []).some((t) => t.start <= at && at < t.end)) return true;
  const text = ab.block.text;
  return /^[\s(（]?[0-9０-９]{1,2}[)）.．]?\s*$/u.test(text.slice(text.lastIndexOf("\n", at - 1) + 1, at));
}

/**
 * A title line that ends with the hit (「(別添2)」 / 「個人情報の取扱いに関する特記事項」), in a paragraph rather than
 * a heading: the annex is supplied. A line that goes on after the name (「…及び別添2「…特記事項」を遵守」) refers
 * to it, and a table of contents only lists it.
 */
function annexTitleLine(ctx: CheckContext, h: Hit): boolean {
  const ab = ctx.blocks[h.block]!;
  if (ab.block.kind === "heading" || tocText(ab.block.text)) return false;
  const end = ab.norm.toOriginal(h.end);
  const line = (ab.block.titleLines ?? []).find((t) => t.start <= end && end <= t.end);
  return !!line && ab.block.text.slice(end, line.end).trim() === "";
}

/** The blocks that carry a document's title: the first two with text (「（別紙1）」 then its title). */
function titleBlocks(ctx: CheckContext): number[] {
  const out: number[] = [];
  for (const b of ctx.blocks) {
    if (!b.text.trim()) continue;
    out.push(b.index);
    if (out.length === 2) break;
  }
  return out;
}

/**
 * Chapter number of a heading as written (「第5章」「5.」「５　」), when it has one. An article (「第2条」) is no
 * chapter: a spec written in articles starts its body at 第1条 whatever its first heading is.
 */
function chapterNumber(text: string): number | undefined {
  const m = /^\s*(?:第\s*([0-9]+)\s*(?:[章部編]|(?![条項号0-9]))|([0-9]+)(?:[.．、)）]|\s))/u.exec(text);
  return m ? Number(m[1] ?? m[2]) : undefined;
}

/**
 * A document the chapter check does not fit (labelling.md, missing-section): itself an annex or
 * 特記事項 (its title says so), or an excerpt that starts past the first chapter.
 */
function notASpecification(ctx: CheckContext, notOn: TermEntry[]): boolean {
  const title = new Set(titleBlocks(ctx));
  if (notOn.some((e) => ctx.hits(e).some((h) => title.has(h.block)))) return true;
  const first = ctx.blocks.find((b) => b.block.kind === "heading" && chapterNumber((b.block.label ?? "") + b.text) !== undefined);
  const n = first ? chapterNumber((first.block.label ?? "") + first.text) : undefined;
  return n !== undefined && n > 1;
}

export const structure = defineKind<StructureParams, typeof schema>({
  kind: "structure",
  schema,
  terms(rule) {
    const p = rule.params;
    // Every entry check() looks up: one left out is scanned on its own for each document.
    return [...Object.values(p.sections ?? {}).flatMap((s) => [...s.any, ...(s.orChapter ?? []), ...(s.orSection?.any ?? []), ...(s.orSection?.notUnder ?? []),
      ...(s.annex ?? [])]),
      ...(p.notOn ?? [])];
  },
  check(ctx, rule) {
    const p = rule.params;
    const sections = p.sections ?? {};
    if (p.notOn && notASpecification(ctx, p.notOn)) return { findings: [] };
    const hasHeadings = ctx.blocks.some((b) => b.block.kind === "heading");
    const titleHits = (entries: TermEntry[]): Hit[] => entries.flatMap((e) => ctx.hits(e).filter((h) =>
      hasHeadings ? ctx.blocks[h.block]!.block.kind === "heading" : titleLine(ctx, h)));
    // A chapter: a heading with no heading above it but the document title (the first heading).
    const firstHeading = ctx.blocks.findIndex((b) => b.block.kind === "heading");
    const chapter = (h: Hit): boolean => !hasHeadings || ancestors(h.block).every((a) => a === firstHeading);
    const titles = (s: StructureSection): Hit[] => [
      ...titleHits(s.any),
      ...titleHits(s.orChapter ?? []).filter(chapter),
      // Neither in nor under a heading holding one of `notUnder` (the engine's heading chain, as for a spec's notUnder).
      ...(s.orSection ? titleHits(s.orSection.any).filter((h) => !ctx.underAny(h.block, s.orSection!.notUnder ?? [])) : []),
      ...(s.mentionSuffices ? s.any.flatMap((e) => ctx.hits(e).filter((h) => ctx.blocks[h.block]!.block.kind !== "heading")) : []),
    ];
    /** Heading indices above block `i` (outermost last). */
    const ancestors = (i: number): number[] => {
      const out: number[] = [];
      let level = ctx.blocks[i]!.block.level ?? Infinity;
      for (let j = i - 1; j >= 0; j--) {
        const b = ctx.blocks[j]!.block;
        if (b.kind !== "heading" || (b.level ?? 1) >= level) continue;
        out.push(j);
        level = b.level ?? 1;
      }
      return out;
    };
    /** Whether a hit sits inside the parent section: under its heading, or (no headings) after its title line. */
    const insideParent = (parentHits: Hit[]): ((h: Hit) => boolean) => {
      if (hasHeadings) {
        const parentBlocks = new Set(parentHits.map((h) => h.block));
        return (h) => parentBlocks.has(h.block) || ancestors(h.block).some((a) => parentBlocks.has(a));
      }
      const first = Math.min(...parentHits.map((h) => h.block));
      return (h) => h.block >= first;
    };
    const findings: Finding[] = [];
    for (const [name, s] of Object.entries(sections)) {
      let found = titles(s);
      const parent = s.under ? sections[s.under] : undefined;
      if (parent) {
        const parentHits = titles(parent);
        if (parentHits.length === 0) continue; // the parent chapter is reported instead
        // An attached annex (別記 個人情報取扱特記事項, 別紙 特約条項) satisfies the section wherever it sits.
        if (s.annex?.length && (titles({ any: s.annex }).length > 0 || s.annex.some((e) => ctx.hits(e).some((h) => annexTitleLine(ctx, h))))) continue;
        // nested: false — judged only when the parent exists, wherever it sits.
        if (s.nested) found = found.filter(insideParent(parentHits));
      }
      if (found.length > 0) continue;
      const label = ctx.label(s.label, name);
      findings.push(ctx.finding(rule, { top: true }, { params: { missing: label, section: label } }));
    }
    return { findings };
  },
});
