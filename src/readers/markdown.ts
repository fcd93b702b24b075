// Markdown → SpecDocument with remark. Only the GFM *table* extension is loaded: full remark-gfm
// costs 3–4× the parse time on Japanese text (tech-notes) and its other constructs (autolinks,
// strikethrough, footnotes) do not change what a clause says.
import { unified } from "unified";
import remarkParse from "remark-parse";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import type { Nodes, PhrasingContent, Root, RootContent, TableRow } from "mdast";
import type { Block, BlockKind, Location, SpecDocument, TablePos } from "../model/document.js";
import { InputError } from "./errors.js";
import { LineIndex, TextBuilder, positionMapper, type SourceOffsets } from "./positioned.js";
import { parseDirectiveComment, resolveNextLineTargets } from "./directives.js";
import { markdownChunks, plainLineKind } from "./markdown-chunks.js";
import { itemPieces, opensList } from "../text/item-lines.js";
import { rowPieces } from "./markdown-table.js";
import type { Directive } from "../model/document.js";
import { titleLinesOf } from "./title-lines.js";
import { numberedTitleLine, promoteNumberedTitles } from "./numbered-titles.js";
import { isJsSpace } from "../text/js-space.js";

/**
 * remark's parse time grows steeply with container nesting (200 nested list markers on one line:
 * 8 s; 10 000 nested `>`: stack overflow). Real specs nest a handful of levels; beyond this the
 * file is refused before parsing.
 */
export const MAX_NESTING = 100;

function gfmTables(this: { data(): Record<string, unknown> }): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

let processor: { parse(text: string): unknown } | undefined;
function parser(): { parse(text: string): unknown } {
  return (processor ??= unified().use(remarkParse).use(gfmTables as never));
}

export interface MarkdownReadOptions {
  /** Size of each remark parse (markdown-chunks.ts). */
  chunkTarget?: number;
  /**
   * Read plain-prose pieces and top-level pipe tables without remark's block parser (default true);
   * tests turn it off to compare with remark reading everything.
   */
  fastPath?: boolean;
}

/** `text` must already be decoded and LF-normalised (decodeText does both). */
export function readMarkdown(text: string, uri: string, opts: MarkdownReadOptions = {}): SpecDocument {
  const depth = nestingDepth(text);
  if (depth > MAX_NESTING) {
    throw new InputError("unsupported", "read.nesting-too-deep", { depth, max: MAX_NESTING });
  }
  const walker = new MarkdownWalker(text, uri);
  const fast = opts.fastPath !== false;
  for (const chunk of markdownChunks(text, opts.chunkTarget, fast)) {
    if (chunk.plain && fast) walker.plainParagraphs(chunk.text, chunk.start);
    else if (chunk.table) walker.pipeTable(chunk.text, chunk.start);
    else walker.walk(parse(chunk.text, depth), chunk.start);
  }
  return walker.finish();
}

function parse(text: string, depth: number): Root {
  try {
    return parser().parse(text) as Root;
  } catch (error) {
    if (error instanceof RangeError) {
      throw new InputError("unsupported", "read.nesting-too-deep", { depth, max: MAX_NESTING });
    }
    throw error;
  }
}

/** Rows of inline markup given to remark in one parse: few enough to stay out of its superlinear range. */
const MARKUP_ROWS_PER_PARSE = 32;

/**
 * Estimated container depth of the deepest line: each `>` or list marker in the line's leading
 * run of markers and whitespace counts one, every two columns of indentation count one (list
 * nesting by indentation). Overestimates a little; it only has to bound what remark is given.
 */
export function nestingDepth(text: string): number {
  let max = 0;
  const prefix = /^[ \t>*+\-0-9.)]*/;
  for (const line of text.split("\n")) {
    const lead = prefix.exec(line)![0];
    if (lead.length / 2 <= max) continue;
    let depth = 0;
    let spaces = 0;
    for (let i = 0; i < lead.length; i++) {
      const c = lead[i]!;
      let marker = false;
      if (c === " ") spaces++;
      else if (c === "\t") spaces += 4;
      else if (c === ">") marker = true;
      else if ((c === "-" || c === "*" || c === "+") && (lead[i + 1] === " " || lead[i + 1] === "\t")) marker = true;
      else if ((c === "." || c === ")") && /[0-9]/.test(lead[i - 1] ?? "")) marker = true;
      if (marker) {
        depth++;
        if (lead[i + 1] === " ") i++; // the space after a marker belongs to it, not to indentation
      }
    }
    max = Math.max(max, depth + Math.floor(spaces / 2));
  }
  return max;
}

interface Heading { level: number; title: string }


class MarkdownWalker {
  private readonly index: LineIndex;
  private readonly blocks: Block[] = [];
  private readonly directives: Directive[] = [];
  private readonly headings: Heading[] = [];
  /** The titles of `headings`, one array shared by the blocks of a section (readers never change it). */
  private headingTitles: string[] | undefined;
  private tableCount = 0;
  /** Offset of the chunk being walked in the whole text: remark's offsets are chunk-relative. */
  private base = 0;

  constructor(private readonly source: string, private readonly uri: string) {
    this.index = new LineIndex(source);
  }

  walk(root: Root, base: number): void {
    this.base = base;
    this.children(root.children, "paragraph");
  }

  /**
   * A piece that markdownChunks found to be plain prose: what remark would make of it, without
   * remark. Paragraphs are runs of non-blank lines; their text is the lines joined by "\n". A
   * heading or bullet line (plainLineKind) ends the paragraph before it and is a block of its own:
   * a heading's text follows its `# `, a bullet item's paragraph its `- `.
   */
  plainParagraphs(piece: string, base: number): void {
    let builder: TextBuilder | undefined;
    let from = 0;
    let to = 0;
    const flush = (): void => {
      if (builder) {
        builder.trimEnd();
        this.emitItems("paragraph", builder, from, to);
      }
      builder = undefined;
    };
    let offset = 0;
    for (const line of piece.split("\n")) {
      const at = base + offset;
      offset += line.length + 1;
      if (/^[ \t]*$/.test(line)) {
        flush();
        continue;
      }
      const kind = plainLineKind(line);
      if (kind !== "text") {
        flush();
        const textFrom = kind === "heading" ? line.indexOf(" ") + 1 : 2;
        const text = new TextBuilder();
        text.pushSlice(line.slice(textFrom), at + textFrom);
        text.trimEnd();
        if (kind === "heading") this.heading(this.emitSpan("heading", text, at, at + line.length), textFrom - 1);
        else this.emitItems("listItem", text, at + textFrom, at + line.length);
        continue;
      }
      if (builder) builder.pushSlice("\n", at - 1);
      else {
        builder = new TextBuilder();
        from = at;
      }
      builder.pushSlice(line, at);
      to = at + line.length;
    }
    flush();
  }

  finish(): SpecDocument {
    promoteNumberedTitles(this.blocks);
    resolveNextLineTargets(this.directives, this.blocks, this.index, this.source);
    return { uri: this.uri, format: "markdown", blocks: this.blocks, directives: this.directives, notices: [] };
  }

  /** `paragraphKind`: what a paragraph directly inside this container is (listItem inside a list item). */
  private children(nodes: RootContent[], paragraphKind: BlockKind): void {
    for (const node of nodes) this.node(node, paragraphKind);
  }

  private node(node: RootContent, paragraphKind: BlockKind): void {
    switch (node.type) {
      case "heading":
        this.heading(this.block("heading", node, node.children), node.depth);
        return;
      case "paragraph": {
        const builder = new TextBuilder();
        this.inline(node.children, builder);
        builder.trimEnd();
        this.emitItems(paragraphKind, builder, this.start(node), this.end(node));
        return;
      }
      case "blockquote":
        this.children(node.children, "paragraph");
        return;
      case "list":
        for (const item of node.children) this.children(item.children, "listItem");
        return;
      case "table":
        this.table(node);
        return;
      case "code":
        // An indented run of Japanese text becomes a code block by accident; a clause there still counts.
        this.codeBlock(node);
        return;
      case "html":
        this.html(node.value, node);
        this.htmlBlockText(node, paragraphKind);
        return;
      default:
        return; // thematicBreak, definition: no prose
    }
  }

  /** A heading block: its level, and the section path it opens for the blocks after it. */
  private heading(block: Block | undefined, level: number): void {
    if (!block) return;
    while (this.headings.length && this.headings[this.headings.length - 1]!.level >= level) this.headings.pop();
    block.level = level;
    block.sectionPath = this.headings.map((h) => h.title);
    this.headings.push({ level, title: block.text });
    this.headingTitles = undefined;
  }

  private table(node: Extract<RootContent, { type: "table" }>): void {
    const index = ++this.tableCount;
    node.children.forEach((row, r) => this.tableRow(row, index, r + 1));
  }

  private tableRow(row: TableRow, index: number, rowNumber: number): void {
    row.children.forEach((cell, c) => {
      const builder = new TextBuilder();
      this.inline(cell.children, builder);
      this.tableCell(builder, this.start(cell), this.end(cell), { index, row: rowNumber, column: c + 1 });
    });
  }

  private tableCell(builder: TextBuilder, from: number, to: number, table: TablePos): void {
    builder.trimEnd();
    // remark's cell spans its pipes and padding; a person looks for the content.
    const { text, offsets } = builder.build();
    const location = this.trimmedLocation(from, to);
    location.table = table;
    this.emitBuilt("tableCell", text, offsets, from, to, location);
  }

  /**
   * A top-level pipe table (markdown-chunks.ts cut it out), row by row: a row of literal text, or
   * of whole-cell **strong** and <br> (rowPieces), is split at its pipes here; rows with other inline markup go to remark after the table's own header
   * and delimiter rows, MARKUP_ROWS_PER_PARSE at a time, so remark's table tokenizer never sees a
   * long table. Blocks come out in row order, as remark's walk gives them.
   */
  pipeTable(piece: string, base: number): void {
    const rows: Array<{ text: string; at: number }> = [];
    for (let at = 0; at < piece.length;) {
      const newline = piece.indexOf("\n", at);
      const end = newline < 0 ? piece.length : newline;
      rows.push({ text: piece.slice(at, end), at: base + at });
      at = end + 1;
    }
    const index = ++this.tableCount;
    const [header, delimiter] = rows.splice(0, 2) as [{ text: string; at: number }, { text: string; at: number }];
    rows.unshift(header);
    const prefix = `${header.text}\n${delimiter.text}\n`;
    const simple = rows.map((row) => rowPieces(row.text));
    const markup = simple.map((cells) => cells === undefined);
    const parsed = new Map<number, { row: TableRow; base: number }>();
    rows.forEach((row, r) => {
      const cells = simple[r];
      if (cells) {
        this.simpleRow(cells, row.at, index, r + 1);
        return;
      }
      if (!parsed.has(r)) this.parseMarkupRows(prefix, rows, markup, r, parsed);
      const { row: node, base: rowBase } = parsed.get(r)!;
      this.base = rowBase;
      this.tableRow(node, index, r + 1);
    });
  }

  /**
   * Parses the markup rows from `first` on (up to MARKUP_ROWS_PER_PARSE of them) in one remark
   * parse: the table's header and delimiter rows, then those rows one per line. Each row's offsets
   * are shifted back to where the row is written (`base`), so each row has a base of its own.
   */
  private parseMarkupRows(prefix: string, rows: Array<{ text: string; at: number }>, markup: boolean[], first: number,
    parsed: Map<number, { row: TableRow; base: number }>): void {
    const batch: number[] = [];
    for (let r = first; r < rows.length && batch.length < MARKUP_ROWS_PER_PARSE; r++) if (markup[r] && r > 0) batch.push(r);
    let text = prefix;
    const bases: number[] = [];
    for (const r of batch) {
      bases.push(rows[r]!.at - text.length);
      text += rows[r]!.text + "\n";
    }
    const root = parser().parse(text) as Root;
    const table = root.children[0];
    if (root.children.length !== 1 || table?.type !== "table" || table.children.length !== batch.length + 1) {
      // markdown-table.ts and remark disagree on what this is: a bug, never a reason to misreport.
      throw new Error(`pipe table rows at line ${this.index.position(rows[first]!.at).line} were not read as one table`);
    }
    // Row 0 is the header: it is the table's first row when `first` is 0, and a repeated prefix otherwise.
    if (first === 0) parsed.set(0, { row: table.children[0]!, base: rows[0]!.at });
    batch.forEach((r, k) => parsed.set(r, { row: table.children[k + 1]!, base: bases[k]! }));
  }

  /** A row read by rowPieces: its cells' text as remark would give it, a `<br>` a line break at its place. */
  private simpleRow(cells: NonNullable<ReturnType<typeof rowPieces>>, at: number, index: number, rowNumber: number): void {
    cells.forEach(({ cell, pieces }, c) => {
      const builder = new TextBuilder();
      for (const piece of pieces) {
        if ("breakAt" in piece) builder.pushAt("\n", at + piece.breakAt);
        else builder.pushSlice(this.source.slice(at + piece.from, at + piece.to), at + piece.from);
      }
      this.tableCell(builder, at + cell.from, at + cell.to, { index, row: rowNumber, column: c + 1 });
    });
  }

  private codeBlock(node: Extract<RootContent, { type: "code" }>): void {
    const start = this.start(node);
    const end = this.end(node);
    const builder = new TextBuilder();
    // Skip an opening fence line, so values align with the content lines.
    const fenced = /^[ \t]*(`{3,}|~{3,})/.test(this.source.slice(start, end));
    const from = fenced ? this.source.indexOf("\n", start) + 1 || end : start;
    builder.pushAligned(node.value, this.source, from, end, false);
    builder.trimEnd();
    this.emitItems("paragraph", builder, start, end);
  }

  private html(value: string, node: Nodes): void {
    const directive = parseDirectiveComment(value);
    if (directive) this.directives.push({ ...directive, location: this.location(node) });
  }

  /**
   * Converters (pandoc, Word → Markdown) write merged-cell tables and styled spans as raw HTML;
   * the clauses inside must still be checked. Each run of text between tags becomes one line of
   * a paragraph block, at its own position; comments, scripts and styles contribute nothing.
   * Character references stay as written.
   */
  private htmlBlockText(node: Nodes, kind: BlockKind): void {
    const start = this.start(node);
    const raw = this.source.slice(start, this.end(node));
    if (/^\s*<(script|style)\b/i.test(raw)) return;
    const builder = new TextBuilder();
    const pushRun = (from: number, to: number): void => {
      const lineRe = /[^\n]+/g;
      const run = raw.slice(from, to);
      for (let m = lineRe.exec(run); m; m = lineRe.exec(run)) {
        const lead = /^[ \t\u3000]*/u.exec(m[0])![0].length;
        const piece = m[0].slice(lead).replace(/[ \t\u3000]+$/u, "");
        if (!piece) continue;
        const at = start + from + m.index + lead;
        if (builder.length > 0) builder.pushAt("\n", at);
        builder.pushSlice(piece, at);
      }
    };
    const tag = /<!--[\s\S]*?(?:-->|$)|<[^>\n]*>/g;
    let last = 0;
    for (let m = tag.exec(raw); m; m = tag.exec(raw)) {
      pushRun(last, m.index);
      last = m.index + m[0].length;
    }
    pushRun(last, raw.length);
    if (builder.length > 0) this.emit(kind, builder, node);
  }

  private block(kind: BlockKind, node: Nodes, phrasing: PhrasingContent[]): Block | undefined {
    const builder = new TextBuilder();
    this.inline(phrasing, builder);
    builder.trimEnd();
    return this.emit(kind, builder, node);
  }

  private emit(kind: BlockKind, builder: TextBuilder, node: Nodes): Block | undefined {
    return this.emitSpan(kind, builder, this.start(node), this.end(node));
  }

  /**
   * A paragraph, split where one of its lines starts an item (item-lines.ts): pasted PDF or Word
   * text has no blank lines, so a title and its numbered clauses arrive as one paragraph. Each
   * later piece is a list item; its text and offsets are a slice of the paragraph's, so every
   * unit keeps its source position.
   */
  private emitItems(kind: BlockKind, builder: TextBuilder, from: number, to: number): void {
    const { text, offsets } = builder.build();
    const pieces = itemPieces(text);
    // The first piece is a title (「(1) 管理体制」 over 「ア …」), unless it is the first entry of the same list.
    const first = pieces.length > 1
      && opensList(text.slice(pieces[0]!.start, pieces[0]!.end), text.slice(pieces[1]!.start, pieces[1]!.end)) ? "listItem" : kind;
    // A numbered title on the first line of a paragraph, its clause on the lines below (「(1) 情報セキュリティ対策」 /
    // 「受注者は、…を遵守すること。」), stands as a block of its own, as in a Word or text file: promoteNumberedTitles
    // then reads it as the heading of the clause.
    const titleEnd = first === "paragraph" ? numberedTitleLine(text, pieces[0]!, this.blocks[this.blocks.length - 1]) : -1;
    if (titleEnd > 0) {
      const bodyStart = titleEnd + 1 + /^[ \t\u3000]*/u.exec(text.slice(titleEnd + 1))![0].length;
      this.emitBuilt("paragraph", text.slice(0, titleEnd), offsets.slice(0, titleEnd), from, offsets.at(titleEnd - 1)! + 1);
      pieces[0] = { start: bodyStart, end: pieces[0]!.end };
    }
    pieces.forEach(({ start, end }, i) => {
      const pieceFrom = i === 0 && titleEnd < 0 ? from : this.lineLead(offsets.at(start)!);
      const pieceTo = i === pieces.length - 1 ? to : offsets.at(end - 1)! + 1;
      this.emitBuilt(i === 0 ? first : "listItem", text.slice(start, end), offsets.slice(start, end), pieceFrom, pieceTo);
    });
  }

  /** Back over markup written before a piece's first character on its line (「**(1)** …」). */
  private lineLead(offset: number): number {
    let p = offset;
    while (p > 0 && /[*_~ \t]/.test(this.source[p - 1]!)) p--;
    return p > 0 && this.source[p - 1] !== "\n" ? offset : p;
  }

  private emitSpan(kind: BlockKind, builder: TextBuilder, from: number, to: number): Block | undefined {
    const { text, offsets } = builder.build();
    return this.emitBuilt(kind, text, offsets, from, to);
  }

  /** `location`: where the block is shown, when not its whole span [from, to) (a table cell's content). */
  private emitBuilt(kind: BlockKind, text: string, offsets: SourceOffsets, from: number, to: number,
    location?: Location): Block | undefined {
    if (kind !== "heading" && kind !== "tableCell" && text.trim() === "") return undefined;
    // Fields assigned rather than spread into the literal: one object per block instead of three.
    const { positionAt, endPositionAt } = positionMapper(offsets, this.index, from);
    const block: Block = {
      kind,
      text,
      sectionPath: this.headingTitles ??= this.headings.map((h) => h.title),
      region: "body",
      location: location ?? this.span(from, to),
      positionAt,
      endPositionAt,
    };
    const titles = titleLinesOf(kind, text).titleLines;
    if (titles) block.titleLines = titles;
    this.blocks.push(block);
    return block;
  }

  private inline(nodes: PhrasingContent[], out: TextBuilder): void {
    for (const node of nodes) {
      if (node.position?.start.offset === undefined || node.position.end.offset === undefined) continue;
      const start = this.start(node);
      const end = this.end(node);
      switch (node.type) {
        case "text":
          out.pushAligned(node.value, this.source, start, end);
          break;
        case "inlineCode":
          out.pushAligned(node.value, this.source, start, end, false);
          break;
        case "image":
        case "imageReference":
          if (node.alt) out.pushAligned(node.alt, this.source, start + 2, end);
          break;
        case "break":
          out.pushAt("\n", start);
          break;
        case "html":
          if (/^<br\s*\/?>$/i.test(node.value)) out.pushAt("\n", start);
          else this.html(node.value, node);
          break;
        default:
          if ("children" in node) this.inline(node.children as PhrasingContent[], out);
      }
    }
  }

  private trimmedLocation(from: number, to: number): Location {
    const src = this.source;
    const padding = (c: number) => c === 0x7c /* | */ || isJsSpace(c);
    while (from < to && padding(src.charCodeAt(from))) from++;
    while (to > from && padding(src.charCodeAt(to - 1)) && src.charCodeAt(to - 2) !== 0x5c /* \\ */) to--;
    return this.span(from, to);
  }

  private location(node: Nodes): Location {
    return this.span(this.start(node), this.end(node));
  }

  private start(node: Nodes): number {
    return this.base + node.position!.start.offset!;
  }

  private end(node: Nodes): number {
    return this.base + node.position!.end.offset!;
  }

  private span(from: number, to: number): Location {
    const start = this.index.position(from);
    const end = this.index.position(to);
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column, region: "body", table: null };
  }
}
