// The document model every reader produces. Nothing after `read` knows the file format.
import type { TitleSpan } from "../text/title-line.js";

export type DocFormat = "markdown" | "docx" | "text";
export type BlockKind = "heading" | "paragraph" | "listItem" | "tableCell" | "note";
/** Where in a Word file a block lives; Markdown and text are always "body". */
export type Region = "body" | "header" | "footer" | "footnote" | "endnote" | "comment" | "textbox";

/** 1-based position of a table cell. `index` counts tables in reading order (nested ones too). */
export interface TablePos { index: number; row: number; column: number }

export interface Position { line: number; column: number }

/**
 * Where a person finds something. Markdown: file lines and UTF-16 columns (1-based).
 * Word: `line` = paragraph ordinal in reading order (1-based), `column` = character offset in
 * that paragraph (1-based); `paragraph` repeats the ordinal so formatters can say 「段落 12」.
 */
export interface Location {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  paragraph?: number;
  region?: Region;
  table?: TablePos | null;
  /** Outside the body: the body paragraph a footnote, endnote, text box or comment hangs on. */
  host?: number;
  /** Footnotes and endnotes: the number Word shows (order of reference in the body). */
  note?: number;
}

export interface Block {
  kind: BlockKind;
  /** Text as written, inline markup removed. Word: without the automatic numbering label. */
  text: string;
  /** Word's automatic numbering label as displayed (「第3章」「(2)」「ア」), if any. */
  label?: string;
  level?: number;
  /**
   * Lines of `text` that read as titles though the block is no heading (src/text/title-line.ts):
   * 「別紙1 情報セキュリティ要件」 as a line of a PDF-pasted paragraph, an outline line 「情報セキュリティ … 3」.
   * Set by every reader on non-heading blocks (absent: none), so kinds need not split `text` again.
   */
  titleLines?: TitleSpan[];
  /** Headings above this block, outermost first, each as displayed (label + text). */
  sectionPath: string[];
  region: Region;
  location: Location;
  /**
   * In a package judged as one document (src/engine/package.ts): the file this block was read from.
   * Findings and evidence on the block name that file; absent in a single-file run.
   */
  origin?: string;
  /** Offset in `text` (UTF-16 index, 0-based) → line/column in the file (1-based). */
  positionAt(offset: number): Position;
  /**
   * The exclusive end of a span ending at `offset`: just past `text[offset - 1]` in the file.
   * Differs from positionAt(offset) where markup or a line break follows (「**強調**」: the end of
   * 「強調」 is before the closing `**`). Readers whose text is contiguous may omit it.
   */
  endPositionAt?(offset: number): Position;
}

/** An inline suppression directive found while reading (Markdown comment or Word comment). */
export interface Directive {
  kind: "disable-next-line" | "disable" | "enable" | "disable-file" | "disable-block";
  /** Rule ids; empty = all rules. */
  rules: string[];
  reason?: string;
  /** Where the directive itself is written (for unused-directive reports). */
  location: Location;
  /**
   * For "disable-block" (Word comments): the range of lines (paragraph ordinals) it covers.
   * For "disable-next-line": the line it covers.
   */
  targetLines?: { from: number; to: number };
}

/** Something the reader could not check (altChunk, embedded object …): becomes a warning finding. */
export interface ReaderNotice {
  code: "unseen-content";
  /** What was not checked, e.g. "altChunk", "embedded object (oleObject)". */
  what: string;
  count: number;
  location?: Location;
}

export interface SpecDocument {
  uri: string;
  format: DocFormat;
  blocks: Block[];
  directives: Directive[];
  notices: ReaderNotice[];
}
