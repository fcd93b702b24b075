// What the CLI must do with each generated bad input (scripts/make-bad-inputs.mjs). One row per
// case: the command line, the error code(s) the bad file must get (or that it must be read), and a
// fragment of the Japanese message. Where the issue leaves a choice open, the row says which.

export type Outcome =
  /** The bad file gets an error object with one of these codes; the run exits 2. */
  | { kind: "error"; codes: string[]; fragment: string }
  /** The file is read and linted (error null); exit 0 or 1. */
  | { kind: "readable" }
  /** The file is read, or refused with one of these codes — either way within the time budget. */
  | { kind: "readable-or"; codes: string[] }
  /** The whole run is refused (usage / config error): exit 2, message on stderr, no report. */
  | { kind: "usage"; fragment: RegExp }
  /** Behaviour checked by a dedicated test below the table. */
  | { kind: "custom" };

export interface BadCase {
  id: string;
  /** The bad file as passed on the command line (relative to the bad-input directory). */
  target: string;
  outcome: Outcome;
  /** Extra CLI arguments before the files. */
  args?: string[];
  /** Bomb-like: peak RSS is asserted and recorded. */
  memory?: boolean;
}

const BOMB = "展開すると大きくなりすぎる";
const CORRUPT = "壊れています";

export const CASES: BadCase[] = [
  { id: "empty-md", target: "empty.md", outcome: { kind: "readable" } },
  { id: "empty-txt", target: "empty.txt", outcome: { kind: "readable" } },
  { id: "zero-byte-docx", target: "zero.docx", outcome: { kind: "error", codes: ["corrupt-docx", "not-docx"], fragment: ".docx" } },
  { id: "empty-zip-docx", target: "empty-zip.docx", outcome: { kind: "error", codes: ["not-docx"], fragment: "word/document.xml" } },
  { id: "truncated-zip", target: "truncated.docx", outcome: { kind: "error", codes: ["corrupt-docx"], fragment: CORRUPT } },
  { id: "bad-crc", target: "bad-crc.docx", outcome: { kind: "error", codes: ["corrupt-docx"], fragment: CORRUPT } },
  { id: "missing-document-xml", target: "no-document.docx", outcome: { kind: "error", codes: ["not-docx"], fragment: "word/document.xml" } },
  { id: "bad-cd-offset", target: "bad-offset.docx", outcome: { kind: "error", codes: ["corrupt-docx"], fragment: CORRUPT } },
  { id: "unknown-method", target: "lzma.docx", outcome: { kind: "error", codes: ["corrupt-docx"], fragment: CORRUPT } },
  { id: "zip-encrypted-entries", target: "zipcrypto.docx", outcome: { kind: "error", codes: ["encrypted-docx"], fragment: "暗号化" } },
  { id: "legacy-doc", target: "legacy.doc", outcome: { kind: "error", codes: ["legacy-doc"], fragment: ".docx" } },
  { id: "legacy-doc-as-docx", target: "renamed-legacy.docx", outcome: { kind: "error", codes: ["legacy-doc"], fragment: ".docx" } },
  { id: "encrypted-docx", target: "encrypted.docx", outcome: { kind: "error", codes: ["encrypted-docx"], fragment: "パスワード" } },
  { id: "declared-1gb", target: "bomb-honest.docx", memory: true, outcome: { kind: "error", codes: ["zip-bomb"], fragment: BOMB } },
  { id: "declared-only-1gb", target: "declared-1gb.docx", memory: true, outcome: { kind: "error", codes: ["zip-bomb"], fragment: BOMB } },
  { id: "lying-bomb", target: "bomb-lying.docx", memory: true, outcome: { kind: "error", codes: ["zip-bomb"], fragment: BOMB } },
  // 100 000 entries need a ZIP64 end record; refusing ZIP64 outright is an acceptable refusal.
  { id: "many-entries", target: "many-entries.docx", memory: true, outcome: { kind: "error", codes: ["zip-bomb", "corrupt-docx"], fragment: ".docx" } },
  { id: "many-entries-60k", target: "entries-60k.docx", memory: true, outcome: { kind: "error", codes: ["zip-bomb"], fragment: BOMB } },
  // The embedded .docx is itself a lying bomb: reading the outer file must not expand it.
  { id: "nested-zip", target: "nested.docx", memory: true, outcome: { kind: "readable" } },
  { id: "billion-laughs", target: "laughs.docx", memory: true, outcome: { kind: "error", codes: ["corrupt-docx", "zip-bomb"], fragment: "DOCTYPE" } },
  { id: "malformed-xml", target: "malformed.docx", outcome: { kind: "error", codes: ["corrupt-docx"], fragment: "XML" } },
  { id: "duplicate-entries", target: "duplicate.docx", outcome: { kind: "readable-or", codes: ["corrupt-docx"] } },
  { id: "huge-paragraph-md", target: "huge-paragraph.md", memory: true, outcome: { kind: "error", codes: ["too-large"], fragment: "MB" } },
  { id: "huge-paragraph-docx", target: "huge-paragraph.docx", memory: true, outcome: { kind: "readable-or", codes: ["too-large", "timeout"] } },
  // One character repeated compresses 1000:1; refusing such a part as a ratio bomb is a fair policy.
  { id: "huge-paragraph-docx-repetitive", target: "huge-paragraph-repetitive.docx", memory: true, outcome: { kind: "readable-or", codes: ["zip-bomb", "too-large", "timeout"] } },
  { id: "many-paragraphs-md", target: "many-paragraphs.md", memory: true, outcome: { kind: "readable-or", codes: ["too-large", "timeout"] } },
  { id: "many-paragraphs-docx", target: "many-paragraphs.docx", memory: true, outcome: { kind: "readable-or", codes: ["too-large", "timeout"] } },
  { id: "nested-tables-docx", target: "nested-tables.docx", outcome: { kind: "readable" } },
  { id: "nested-lists-docx", target: "nested-lists.docx", outcome: { kind: "readable" } },
  // remark recurses per nesting level (10 000 `>` overflowed its stack in tech-notes): read it
  // within a bounded depth, or refuse it with a reader code — never a crash ("internal").
  { id: "nested-lists-md", target: "nested-lists.md", outcome: { kind: "readable-or", codes: ["unsupported", "too-large", "timeout"] } },
  { id: "nested-quotes-md", target: "nested-quotes.md", outcome: { kind: "readable-or", codes: ["unsupported", "too-large", "timeout"] } },
  { id: "binary-md", target: "binary.md", outcome: { kind: "error", codes: ["unsupported", "undecodable"], fragment: "" } },
  { id: "png-md", target: "image.md", outcome: { kind: "error", codes: ["unsupported"], fragment: "PNG" } },
  { id: "invalid-utf8", target: "invalid-utf8.md", outcome: { kind: "error", codes: ["undecodable"], fragment: "UTF-8" } },
  { id: "utf16le-bom", target: "utf16le.md", outcome: { kind: "readable" } },
  { id: "utf16be-bom", target: "utf16be.md", outcome: { kind: "readable" } },
  { id: "sjis-undefined", target: "sjis-undefined.md", outcome: { kind: "error", codes: ["undecodable"], fragment: "Shift_JIS" } },
  { id: "pdf-as-docx", target: "report.docx", outcome: { kind: "error", codes: ["unsupported", "not-docx"], fragment: "PDF" } },
  { id: "rtf", target: "spec.rtf", outcome: { kind: "error", codes: ["unsupported"], fragment: "RTF" } },
  { id: "rtf-as-docx", target: "rtf.docx", outcome: { kind: "error", codes: ["unsupported", "not-docx"], fragment: "RTF" } },
  { id: "missing-file", target: "does-not-exist.md", outcome: { kind: "error", codes: ["io"], fragment: "見つかりません" } },
  // Listed by the folder walk, gone when read: the same as a file deleted during the run.
  { id: "dangling-symlink", target: "gone/vanished.md", outcome: { kind: "custom" } },
  { id: "fifo", target: "fifo/pipe.md", outcome: { kind: "error", codes: ["io", "unsupported", "timeout"], fragment: "" } },
  { id: "symlink-loop", target: "loop", outcome: { kind: "custom" } },
  { id: "directory-named-md", target: "dir.md", outcome: { kind: "custom" } },
  { id: "alias-bomb-config", target: "good.md", args: ["--config", "alias-bomb.yaml"], memory: true,
    outcome: { kind: "usage", fragment: /alias|エイリアス/i } },
  { id: "catastrophic-regex", target: "catastrophic/aaaa.md", args: ["--config", "catastrophic/config.yaml"], outcome: { kind: "custom" } },
  { id: "unknown-format", target: "good.md", args: ["--format", "pdf"], outcome: { kind: "usage", fragment: /pdf/ } },
  { id: "output-in-missing-dir", target: "good.md", args: ["-o", "no-such-dir/sub/report.json"], outcome: { kind: "custom" } },
];

/**
 * Generous bounds for one CLI run: the budget is a property, not a benchmark. Wall time catches
 * hangs (a stuck file is ended by the default 20 s per-file budget, plus start-up); CPU time is the
 * "seconds, not minutes" bound and, unlike wall time, is not inflated when the machine is shared.
 */
export const MAX_MS = 30_000;
export const MAX_CPU_S = 15;
/**
 * Peak RSS bound for bomb cases: far below what expanding any of them would need (≥ 1 GB), and
 * generous for the largest legitimate input (a 50 MB .docx; a 200-page spec's document.xml is 7 MB).
 */
export const MAX_RSS_MB = 400;
