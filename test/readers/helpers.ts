// Shared by the reader tests: fixture bytes, and where a piece of block text sits in the file.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Block, SpecDocument } from "../../src/model/document.js";

export const FIXTURES = fileURLToPath(new URL("../../fixtures/markdown/", import.meta.url));

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(FIXTURES, name)));
}

export interface Span { line: number; column: number; endLine: number; endColumn: number }

/** File span of text[start, end), the end from endPositionAt (just past the last character). */
export function spanOf(block: Block, start: number, end: number): Span {
  const first = block.positionAt(start);
  const last = block.endPositionAt!(end);
  return { line: first.line, column: first.column, endLine: last.line, endColumn: last.column };
}

/** The span of the first occurrence of `needle` in any block (the block is returned too). */
export function find(doc: SpecDocument, needle: string, nth = 0): { block: Block; span: Span } {
  let seen = 0;
  for (const block of doc.blocks) {
    for (let at = block.text.indexOf(needle); at >= 0; at = block.text.indexOf(needle, at + 1)) {
      if (seen++ === nth) return { block, span: spanOf(block, at, at + needle.length) };
    }
  }
  throw new Error(`not found: ${needle}`);
}

/** Every character of every block is where positionAt says it is (line breaks in text excepted). */
export function mismatches(doc: SpecDocument, source: string): string[] {
  const lines = source.replace(/^\ufeff/, "").split(/\r\n|\r|\n/);
  const bad: string[] = [];
  for (const block of doc.blocks) {
    for (let i = 0; i < block.text.length; i++) {
      if (block.text[i] === "\n") continue;
      const { line, column } = block.positionAt(i);
      const actual = lines[line - 1]?.[column - 1];
      if (actual !== block.text[i]) bad.push(`${JSON.stringify(block.text)}[${i}] ${block.text[i]} at ${line}:${column} is ${actual}`);
    }
  }
  return bad;
}
