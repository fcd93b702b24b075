// Messages of `chotatsu-lint annotate` (findings written into a Word file as comments).
import type { Catalogue } from "./catalogue.js";

export const annotateMessages: Catalogue = {
  "annotate.comment.head": { ja: "[{severity}] {rule}: {message}", en: "[{severity}] {rule}: {message}" },
  "annotate.comment.example": { ja: "例文: {suggestion}", en: "Example: {suggestion}" },
  "annotate.noOutput": {
    ja: "書き込み先を -o で指定してください（例: chotatsu-lint annotate 仕様書.docx -o 仕様書-指摘.docx）。",
    en: "give the output file with -o (e.g. chotatsu-lint annotate spec.docx -o spec-annotated.docx).",
  },
  "annotate.sameFile": {
    ja: "入力ファイル {file} は上書きしません。別の書き込み先を -o で指定してください。",
    en: "will not overwrite the input {file}; give another output file with -o.",
  },
  "annotate.notDocx": {
    ja: "annotate は Word ファイル（.docx）だけを扱います: {file}",
    en: "annotate works on Word files (.docx) only: {file}",
  },
  "annotate.done": {
    ja: "{count} 件の指摘をコメントとして {file} に書き込みました。",
    en: "wrote {count} finding(s) as comments to {file}.",
  },
  "cli.help.cmdAnnotate": {
    ja: "Word ファイルを検査し、指摘をコメントとして書き込んだ写しを -o に保存する",
    en: "lint a Word file and save a copy with the findings as comments to -o",
  },
};
