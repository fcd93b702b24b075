// `chotatsu-lint annotate IN.docx -o OUT.docx`: lint one Word file and save a copy in which every
// finding is a Word comment on the paragraph it names, so an officer reviews it where they write.
import { promises as fs } from "node:fs";
import path from "node:path";
import type { ResolvedConfig } from "../../model/ruleset.js";
import type { Finding } from "../../model/finding.js";
import { t, type Locale } from "../../i18n/index.js";
import { UsageError } from "../options.js";
import type { Io } from "../io.js";
import { lintFile } from "../lint-file.js";
import { DEFAULT_MAX_FILE_BYTES } from "../run-lint.js";
import { writeAtomic } from "../output.js";
import { annotateDocx, type CommentNote } from "../../writers/docx/annotate.js";

export interface AnnotateRunOptions {
  cwd: string;
  input: string;
  output: string | undefined;
  locale: Locale;
  debug: boolean;
  requireReason: boolean;
  maxFileBytes: number | undefined;
}

export const COMMENT_AUTHOR = "chotatsu-lint";

/** 「[重大度] rule-id: message」 then 「例文: suggestion」, one comment paragraph per line. */
export function commentLines(f: Finding, locale: Locale): string[] {
  const severity = t(`cli.severity.${f.severity}`, {}, locale);
  const lines = [t("annotate.comment.head", { severity, rule: f.ruleId, message: f.message }, locale)];
  const suggestion = f.suggestion?.trim();
  if (suggestion) lines.push(...t("annotate.comment.example", { suggestion }, locale).split("\n"));
  return lines;
}

/** Body findings hang on their paragraph; findings elsewhere or on the whole document on paragraph 1. */
export function commentNote(f: Finding, locale: Locale): CommentNote {
  const loc = f.location;
  const ordinal = loc && (loc.region ?? "body") === "body" && loc.line >= 1 ? loc.line : 1;
  return { ordinal, lines: commentLines(f, locale) };
}

async function samePath(a: string, b: string): Promise<boolean> {
  if (a === b) return true;
  const real = async (p: string) => fs.realpath(p).catch(() => p);
  return (await real(a)) === (await real(b));
}

export async function runAnnotate(o: AnnotateRunOptions, config: ResolvedConfig, io: Io): Promise<number> {
  if (!o.output) throw new UsageError("annotate.noOutput");
  const input = path.resolve(o.cwd, o.input);
  const output = path.resolve(o.cwd, o.output);
  if (path.extname(input).toLowerCase() !== ".docx") throw new UsageError("annotate.notDocx", { file: o.input });
  if (await samePath(input, output)) throw new UsageError("annotate.sameFile", { file: o.input });

  const maxFileBytes = o.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const result = await lintFile({ kind: "file", uri: o.input, path: input }, {
    config, readOptions: o.maxFileBytes !== undefined ? { maxDocxBytes: o.maxFileBytes } : {},
    maxFileBytes, requireReason: o.requireReason, locale: o.locale, debug: o.debug,
  });
  if (result.error) {
    io.err(t("cli.stylish.unreadable", { file: o.input, code: result.error.code, message: result.error.message }, o.locale) + "\n");
    return 2;
  }
  const findings = result.findings.filter((f) => !f.suppressed);
  const bytes = new Uint8Array(await fs.readFile(input));
  const annotated = annotateDocx(bytes, findings.map((f) => commentNote(f, o.locale)), { author: COMMENT_AUTHOR, initials: "CL" });
  await writeAtomic(output, annotated);
  io.out(t("annotate.done", { count: findings.length, file: o.output }, o.locale) + "\n");
  return 0;
}
