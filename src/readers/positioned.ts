// Block text with a map back to the file. Every UTF-16 code unit of a block's text remembers the
// offset of the source character it came from, so a finding anywhere in the text (inside **強調**,
// a link, after a soft break, after 𠮷) lands on the exact line and column an editor shows.
import type { Position } from "../model/document.js";

/** Offset (0-based, in the decoded LF-normalised text) → line/column (1-based, UTF-16 columns). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly source: string) {
    for (let i = source.indexOf("\n"); i >= 0; i = source.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.source.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo]! + 1 };
  }

  /** Offset of the first character of a 1-based line. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))]!;
  }

  get lineCount(): number {
    return this.starts.length;
  }
}

/**
 * Accumulates block text and the source offset of each code unit. Most blocks are copied verbatim
 * from one stretch of the source (a plain paragraph, its lines joined by the line breaks between
 * them; a table cell): while every unit comes from the offset after the previous one, no per-unit
 * list is kept, only where the run starts. The list is written out at the first unit that breaks
 * the run: a boxed number per character was most of what a reader allocated.
 */
export class TextBuilder {
  private text = "";
  /** The offset of each unit; null while they run on by one from `first`. */
  private offsets: number[] | null = null;
  private first = 0;

  get length(): number {
    return this.text.length;
  }

  /** Whether a unit from `sourceOffset` continues the run (the first unit starts it). */
  private continues(sourceOffset: number): boolean {
    if (this.offsets) return false;
    if (this.text.length === 0) this.first = sourceOffset;
    return sourceOffset === this.first + this.text.length;
  }

  /** The per-unit list, written out from the run when there is none yet. */
  private list(): number[] {
    if (!this.offsets) {
      const o: number[] = [];
      for (let i = 0; i < this.text.length; i++) o.push(this.first + i);
      this.offsets = o;
    }
    return this.offsets;
  }

  /** Text copied verbatim from the source starting at `sourceOffset`. */
  pushSlice(value: string, sourceOffset: number): void {
    if (!this.continues(sourceOffset)) {
      const o = this.list();
      for (let i = 0; i < value.length; i++) o.push(sourceOffset + i);
    }
    this.text += value;
  }

  /** Text that stands for a source span (a hard break, `<br>`): every unit maps to `sourceOffset`. */
  pushAt(value: string, sourceOffset: number): void {
    if (value.length !== 1 || !this.continues(sourceOffset)) {
      const o = this.list();
      for (let i = 0; i < value.length; i++) o.push(sourceOffset);
    }
    this.text += value;
  }

  /**
   * A parser-produced value whose characters are a subsequence of `source[from, to)` apart from
   * removed indentation, escapes and character references (remark's text and code values).
   * Each unit is aligned to the next equal source unit; a unit with no equal (a decoded `&#x5B89;`)
   * maps to the reference it came from. `references`: false for code, whose values are literal.
   */
  pushAligned(value: string, source: string, from: number, to: number, references = true): void {
    // Code units compared as numbers and the value appended once: a one-character string per unit,
    // and a string concatenation per unit, were most of a long paragraph's cost.
    const offsets = this.list();
    let p = from;
    for (let i = 0; i < value.length; i++) {
      const ch = value.charCodeAt(i);
      if (references && source.charCodeAt(p) === 0x26 /* & */ && ch !== 0x26) {
        const ref = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/.exec(source.slice(p, p + 40));
        if (ref) {
          // A reference to an astral character yields two units: both point at the `&`.
          const units = String.fromCodePoint(value.codePointAt(i)!).length;
          for (let u = 0; u < units; u++) offsets.push(p);
          i += units - 1;
          p += ref[0].length;
          continue;
        }
      }
      if (references && ch === 0x26 && source.startsWith("&amp;", p)) {
        offsets.push(p);
        p += 5;
        continue;
      }
      let found = p;
      while (found < to && source.charCodeAt(found) !== ch) found++;
      if (found >= to) found = p;
      offsets.push(Math.min(found, Math.max(from, to - 1)));
      p = found + 1;
    }
    this.text += value;
  }

  /** Remove trailing whitespace the block should not carry (text and offsets together). */
  trimEnd(): void {
    // Most blocks end in a written character: then the regex below would scan the text for nothing.
    const last = this.text.length - 1;
    if (last < 0 || !/\s/u.test(this.text[last]!)) return;
    const trimmed = this.text.replace(/[\s\u3000]+$/u, "");
    if (this.offsets) this.offsets.length = trimmed.length;
    this.text = trimmed;
  }

  build(): { text: string; offsets: SourceOffsets } {
    const n = this.text.length;
    return { text: this.text, offsets: new SourceOffsets(n, this.first, this.offsets ? Int32Array.from(this.offsets) : null) };
  }
}

/**
 * Where each unit of a block's text is in the source: a run on by one from `first`, or a table.
 * A run (most blocks) makes no table: a typed array per block (off the heap once past a few units)
 * was most of what building a block cost.
 */
export class SourceOffsets {
  constructor(readonly length: number, private readonly first: number, readonly table: Int32Array | null) {}

  /** The offset of unit `i` (undefined outside the text, as an Int32Array answers). */
  at(i: number): number | undefined {
    if (this.table) return this.table[i];
    return i >= 0 && i < this.length ? this.first + i : undefined;
  }

  /** Units [start, end), 0 <= start <= end <= length. */
  slice(start: number, end: number): SourceOffsets {
    return this.table ? new SourceOffsets(end - start, 0, this.table.slice(start, end)) : new SourceOffsets(end - start, this.first + start, null);
  }
}

const NO_OFFSETS = new Int32Array(0);

/**
 * positionAt and endPositionAt for a block. positionAt(i) is where text[i] is written;
 * endPositionAt(i) is just past text[i - 1], so a span ending before closing markup or a line
 * break ends there. `text.length` maps past the last character; an empty block answers with its start.
 */
export function positionMapper(
  offsets: SourceOffsets,
  index: LineIndex,
  fallbackOffset: number,
): BlockPositions {
  return offsets.length > 0 && (!offsets.table || contiguous(offsets.table))
    ? runMapper(offsets.at(0)!, offsets.length, index)
    : tableMapper(offsets.table ?? NO_OFFSETS, index, fallbackOffset);
}

type BlockPositions = { positionAt(offset: number): Position; endPositionAt(offset: number): Position };

/** Whether text[i] comes from source offset offsets[0] + i throughout: text copied verbatim, as most blocks are. */
function contiguous(offsets: Int32Array): boolean {
  const first = offsets[0]!;
  for (let i = 1; i < offsets.length; i++) if (offsets[i] !== first + i) return false;
  return true;
}

/**
 * tableMapper's answers for a block whose offsets run on by one from `first`, computed instead of
 * looked up: its closures keep no offset table alive for as long as the block lives (fewer bytes
 * for the garbage collector to copy). Its own function, so the closures' context holds no `offsets`.
 */
function runMapper(first: number, length: number, index: LineIndex): BlockPositions {
  const clamp = (offset: number) => Math.max(0, Math.min(Math.floor(Number.isFinite(offset) ? offset : 0), length));
  return {
    positionAt: (offset: number): Position => index.position(first + clamp(offset)),
    endPositionAt: (offset: number): Position => index.position(first + clamp(offset)),
  };
}

function tableMapper(offsets: Int32Array, index: LineIndex, fallbackOffset: number): BlockPositions {
  const clamp = (offset: number) => Math.max(0, Math.min(Math.floor(Number.isFinite(offset) ? offset : 0), offsets.length));
  return {
    positionAt(offset: number): Position {
      if (offsets.length === 0) return index.position(fallbackOffset);
      const o = clamp(offset);
      return o >= offsets.length ? index.position(offsets[offsets.length - 1]! + 1) : index.position(offsets[o]!);
    },
    endPositionAt(offset: number): Position {
      if (offsets.length === 0) return index.position(fallbackOffset);
      const o = clamp(offset);
      return o === 0 ? index.position(offsets[0]!) : index.position(offsets[o - 1]! + 1);
    },
  };
}
