// GFM pipe tables read line by line. remark's table tokenizer (micromark-extension-gfm-table) is
// superlinear in the rows of one table (0.5 → 3.8 µs per character from 50 to 800 rows) and was
// most of the time spent on a large spec; a table row is one line, so rows can be read one at a
// time. This module knows the syntax of a row: where its cells are, where a table starts and ends.
// Rows whose cells hold inline markup other than whole-cell strong emphasis and <br> (rowPieces) are
// still parsed by remark, a few rows at a time (markdown.ts), so the text of a cell is always what
// remark makes of it.

/** A cell of a row: `from`/`to` as remark's tableCell spans it (its leading pipe and padding included), `text*` its content. */
export interface RowCell {
  from: number;
  to: number;
  textFrom: number;
  textTo: number;
}

/** Offsets of the pipes that separate cells: a backslash escapes the next `\` or `|` (so `\|` is text, `\\|` a pipe). */
function pipeOffsets(line: string): number[] {
  const pipes: number[] = [];
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x5c /* \ */) {
      const next = line[i + 1];
      if (next === "\\" || next === "|") i++;
    } else if (c === 0x7c /* | */) pipes.push(i);
  }
  return pipes;
}

const isSpace = (c: string | undefined): boolean => c === " " || c === "\t";

/**
 * The cells of a row that starts with `|`, offsets relative to the line, as remark spans them:
 * each cell runs from its leading pipe to the next pipe; the last one to the end of the line, its
 * closing pipe and trailing whitespace included. A row of one pipe, or of two with nothing
 * between, is a single empty cell.
 */
export function rowCells(line: string): RowCell[] {
  const pipes = pipeOffsets(line);
  let end = line.length;
  while (end > 0 && isSpace(line[end - 1])) end--;
  const closed = pipes.length >= 2 && pipes[pipes.length - 1] === end - 1;
  const starts = closed ? pipes.slice(0, -1) : pipes;
  const cells: RowCell[] = [];
  starts.forEach((from, i) => {
    const last = i === starts.length - 1;
    const contentEnd = last ? (closed ? end - 1 : end) : starts[i + 1]!;
    let textFrom = from + 1;
    let textTo = contentEnd;
    while (textFrom < textTo && isSpace(line[textFrom])) textFrom++;
    while (textTo > textFrom && isSpace(line[textTo - 1])) textTo--;
    cells.push({ from, to: last ? line.length : starts[i + 1]!, textFrom, textTo });
  });
  return cells;
}

/** A piece of a cell's text, offsets relative to the line: literal text, or a line break written `<br>`. */
export type CellPiece = { from: number; to: number } | { breakAt: number };

/**
 * The cells of a row and the pieces of each one's text, when the row needs no inline parser: its
 * cells are literal text, or literal text in strong emphasis as a whole (`**契約締結後10日以内**`),
 * or literal text around `<br>`s — what converters and hand-written tables mostly hold. Undefined
 * for any other inline syntax, which remark then reads.
 */
export function rowPieces(line: string): Array<{ cell: RowCell; pieces: CellPiece[] }> | undefined {
  if (/[\\`[\]&_]/.test(line)) return undefined;
  const out: Array<{ cell: RowCell; pieces: CellPiece[] }> = [];
  for (const cell of rowCells(line)) {
    const pieces = cellPieces(line, cell.textFrom, cell.textTo);
    if (!pieces) return undefined;
    out.push({ cell, pieces });
  }
  return out;
}

function cellPieces(line: string, from: number, to: number): CellPiece[] | undefined {
  // Most cells are literal text: told without copying the cell out of its line.
  let marked = false;
  for (let i = from; i < to && !marked; i++) { const c = line.charCodeAt(i); marked = c === 0x2a /* * */ || c === 0x3c /* < */; }
  if (!marked) return to > from ? [{ from, to }] : [];
  const text = line.slice(from, to);
  // `**…**` around the whole cell opens and closes strong emphasis whatever stands outside it
  // (padding or a pipe), as long as its text neither starts nor ends with whitespace.
  const strong = /^\*\*([^*<]+)\*\*$/.exec(text);
  if (strong) return /^\s|\s$/u.test(strong[1]!) ? undefined : [{ from: from + 2, to: to - 2 }];
  if (text.includes("*")) return undefined;
  const pieces: CellPiece[] = [];
  let p = from;
  for (let br = line.indexOf("<br>", p); br >= 0 && br < to; br = line.indexOf("<br>", p)) {
    if (br > p) pieces.push({ from: p, to: br });
    pieces.push({ breakAt: br });
    p = br + 4;
  }
  if (to > p) pieces.push({ from: p, to });
  // Any other `<` may open HTML.
  return pieces.every((x) => !("from" in x) || !line.slice(x.from, x.to).includes("<")) ? pieces : undefined;
}

const DELIMITER_ROW = /^\|[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/**
 * The end offset (exclusive, past its last line's newline) of a table starting at `start`, when the
 * line there opens a table this module can read on its own: a header row and a delimiter row with as
 * many cells, both in column 0 and starting with `|`, then rows that start with `|`, and then a
 * blank line or the end of the text. Anything else (a table in a list or quote, rows without a
 * leading pipe, a paragraph line continuing the table) is left to remark: undefined.
 * The caller guarantees that `start` begins a new block (after a blank line, a heading or the start).
 */
export function tableEnd(text: string, start: number): number | undefined {
  const headerEnd = lineEnd(text, start);
  if (text[start] !== "|" || headerEnd >= text.length) return undefined;
  const delimiterEnd = lineEnd(text, headerEnd + 1);
  const delimiter = text.slice(headerEnd + 1, delimiterEnd);
  if (!DELIMITER_ROW.test(delimiter)) return undefined;
  if (rowCells(delimiter).length !== rowCells(text.slice(start, headerEnd)).length) return undefined;
  let offset = delimiterEnd + 1;
  while (offset < text.length && text[offset] === "|") offset = lineEnd(text, offset) + 1;
  if (offset >= text.length) return text.length;
  const next = text.slice(offset, lineEnd(text, offset));
  return /^[ \t]*$/.test(next) ? offset : undefined;
}

function lineEnd(text: string, from: number): number {
  const newline = text.indexOf("\n", from);
  return newline < 0 ? text.length : newline;
}
