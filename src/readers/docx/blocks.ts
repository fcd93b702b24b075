// Raw paragraphs → Blocks: heading levels, kinds, section paths and locations.
import type { Block, BlockKind, Location, Position } from "../../model/document.js";
import type { RawParagraph } from "./story.js";
import type { Styles } from "./styles.js";
import { headingShaped, numberingPrefix, PatternLevels } from "../../text/heading-patterns.js";
import { itemPieces, type Piece } from "../../text/item-lines.js";
import { titleLinesOf } from "../title-lines.js";

/** What a person sees: the automatic label, a space, the text. */
export function displayText(p: RawParagraph): string {
  return p.label ? `${p.label} ${p.text}` : p.text;
}

/** A block for the paragraph, or for `piece` of it: columns stay offsets within the whole paragraph. */
function makeBlock(p: RawParagraph, kind: BlockKind, sectionPath: string[], level?: number, piece?: Piece): Block {
  const line = p.ordinal;
  const start = piece?.start ?? 0;
  const len = (piece?.end ?? p.text.length) - start;
  const location: Location = {
    line, column: start + 1, endLine: line, endColumn: start + len + 1, paragraph: line, region: p.region, table: p.table,
  };
  if (p.region !== "body" && p.hostOrdinal !== undefined) location.host = p.hostOrdinal;
  if (p.noteNumber !== undefined) location.note = p.noteNumber;
  const block: Block = {
    kind, text: piece ? p.text.slice(piece.start, piece.end) : p.text, sectionPath, region: p.region, location,
    positionAt(offset: number): Position {
      return { line, column: start + Math.min(Math.max(offset, 0), len) + 1 };
    },
  };
  Object.assign(block, titleLinesOf(kind, block.text));
  if (p.label && start === 0) block.label = p.label;
  if (level !== undefined) block.level = level;
  return block;
}

const isEmpty = (p: RawParagraph): boolean => p.text.trim() === "";

/**
 * Blocks for a body-text paragraph: one, or one per item its line breaks separate (item-lines.ts).
 * The first piece keeps the paragraph's kind and label; later pieces are list items.
 */
function textBlocks(p: RawParagraph, kind: BlockKind, sectionPath: string[]): Block[] {
  const pieces = kind === "paragraph" || kind === "listItem" ? itemPieces(p.text) : [];
  if (pieces.length < 2) return [makeBlock(p, kind, sectionPath)];
  return pieces.map((piece, i) => makeBlock(p, i === 0 ? kind : "listItem", sectionPath, undefined, piece));
}

export interface BodyResult {
  blocks: Block[];
  /** Section path in force after each body paragraph ordinal (index = ordinal). */
  pathAfter: string[][];
}

/** Styled heading level: a direct outlineLvl wins (9 = body text), then the style chain. */
function styledLevel(p: RawParagraph, styles: Styles): number | undefined {
  if (p.outlineLvl !== undefined) return p.outlineLvl >= 0 && p.outlineLvl < 9 ? p.outlineLvl + 1 : undefined;
  return styles.headingLevel(p.styleId);
}

export function bodyBlocks(paras: RawParagraph[], styles: Styles): BodyResult {
  // Pass 1: numbered-prefix candidates among non-empty paragraphs outside tables.
  const styled: (number | undefined)[] = paras.map((p) => (p.table ? undefined : styledLevel(p, styles)));
  const prefixType: (string | undefined)[] = paras.map((p, i) => {
    if (p.table || isEmpty(p) || styled[i] !== undefined) return undefined;
    return numberingPrefix(displayText(p))?.type;
  });
  // Adjacent paragraphs with the same kind of number are a list, not a run of headings.
  const listLike = new Array<boolean>(paras.length).fill(false);
  let prev = -1;
  for (let i = 0; i < paras.length; i++) {
    if (isEmpty(paras[i]!)) continue;
    if (prev >= 0 && prefixType[i] !== undefined && prefixType[i] === prefixType[prev]
        && !paras[i]!.table && !paras[prev]!.table) {
      listLike[i] = true;
      listLike[prev] = true;
    }
    prev = i;
  }

  const blocks: Block[] = [];
  const pathAfter: string[][] = [];
  const levels = new PatternLevels();
  let stack: { level: number; text: string }[] = [];
  let path: string[] = [];
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i]!;
    let level = styled[i];
    if (level !== undefined) levels.styledHeading(level);
    else if (prefixType[i] !== undefined && !listLike[i]) {
      const prefix = numberingPrefix(displayText(p))!;
      if (headingShaped(displayText(p), prefix)) level = levels.level(prefix.type);
    }
    if (!isEmpty(p)) {
      const kind: BlockKind = p.table ? "tableCell" : level !== undefined ? "heading" : p.label ? "listItem" : "paragraph";
      if (level !== undefined) stack = stack.filter((h) => h.level < level!);
      // A heading's path is its ancestors: the stack once its own and deeper levels are closed.
      if (level !== undefined) blocks.push(makeBlock(p, kind, stack.map((h) => h.text), level));
      else blocks.push(...textBlocks(p, kind, path));
      if (level !== undefined) {
        stack.push({ level, text: displayText(p).trim() });
        path = stack.map((h) => h.text);
      }
    }
    pathAfter[p.ordinal] = path;
  }
  return { blocks, pathAfter };
}

/** Blocks of other regions; their section path is that of the body paragraph they hang on. */
export function regionBlocks(paras: RawParagraph[], pathAfter: string[][]): Block[] {
  const out: Block[] = [];
  for (const p of paras) {
    if (isEmpty(p)) continue;
    const path = p.hostOrdinal !== undefined ? (pathAfter[p.hostOrdinal] ?? []) : [];
    const kind: BlockKind = p.region === "footnote" || p.region === "endnote" || p.region === "comment"
      ? "note" : p.table ? "tableCell" : p.label ? "listItem" : "paragraph";
    out.push(...textBlocks(p, kind, path));
  }
  return out;
}
