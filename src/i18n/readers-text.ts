import type { Catalogue } from "./catalogue.js";

// Messages of the read dispatcher (src/readers/index.ts, guard.ts), decoding and the Markdown /
// plain-text readers. Each says what the file is and what the user can do about it.
export const textReaderMessages: Catalogue = {
  "read.encrypted-docx": {
    ja: "パスワードで保護（暗号化）された Word 文書のため読み取れません。Word で「ファイル > 情報 > 文書の保護 > パスワードを使用して暗号化」からパスワードを削除し、保存し直してから検査してください。",
    en: "This Word document is password-protected (encrypted) and cannot be read. In Word, remove the password (File > Info > Protect Document > Encrypt with Password), save it again, then lint it.",
  },
  "read.legacy-doc": {
    ja: "旧形式の Word 文書（.doc、Word 97-2003）です。Word で開き「名前を付けて保存」で「Word 文書 (*.docx)」を選んで保存し直してください。",
    en: "This is a legacy Word document (.doc, Word 97-2003). Open it in Word and use Save As > Word Document (*.docx).",
  },
  "read.ole-other": {
    ja: "旧形式の Office ファイル（Excel・PowerPoint 97-2003 など）で、Word 文書ではありません。仕様書は .docx・.md・.txt で指定してください。",
    en: "This is a legacy Office file (Excel/PowerPoint 97-2003 or similar), not a Word document. Give the specification as .docx, .md or .txt.",
  },
  "read.pdf": {
    ja: "PDF ファイルは検査できません。元の Word 文書（.docx）を指定するか、テキストを .txt に保存して指定してください。",
    en: "PDF files cannot be linted. Give the original Word document (.docx), or save the text as a .txt file.",
  },
  "read.rtf": {
    ja: "リッチテキスト形式（RTF）のファイルです。Word で開き「名前を付けて保存」で .docx として保存し直してください。",
    en: "This is a Rich Text Format (RTF) file. Open it in Word and save it as .docx.",
  },
  "read.image": {
    ja: "画像ファイル（{kind}）です。仕様書の文章を検査するには .docx・.md・.txt を指定してください。",
    en: "This is an image file ({kind}). To lint a specification, give a .docx, .md or .txt file.",
  },
  "read.binary": {
    ja: "テキストでも Word 文書でもないバイナリファイルです（{ext}）。仕様書は .docx・.md・.txt で指定してください。",
    en: "This is a binary file ({ext}), neither text nor a Word document. Give the specification as .docx, .md or .txt.",
  },
  "read.unsupported-extension": {
    ja: "拡張子 {ext} のファイルには対応していません。対応形式は .docx・.md・.markdown・.txt です（標準入力では --stdin-filename で形式を指定できます）。",
    en: "Files with extension {ext} are not supported. Supported: .docx, .md, .markdown, .txt (for stdin, --stdin-filename names the format).",
  },
  "read.empty-docx": {
    ja: "空のファイル（0 バイト）で、Word 文書（.docx）ではありません。Word で保存し直してください。",
    en: "The file is empty (0 bytes), not a Word document (.docx). Save it again in Word.",
  },
  "read.text-named-docx": {
    ja: "拡張子は {ext} ですが、中身はテキストファイルです。拡張子を .md または .txt に変えるか、Word で .docx として保存し直してください。",
    en: "The file is named {ext} but contains plain text. Rename it to .md or .txt, or save it as .docx in Word.",
  },
  "read.too-large": {
    ja: "ファイルが大きすぎます（{size}、{kind} の上限 {cap}）。分割するか、--max-file-size で上限を引き上げてください。",
    en: "The file is too large ({size}; the limit for {kind} is {cap}). Split it, or raise the limit with --max-file-size.",
  },
  "read.undecodable": {
    ja: "文字コードを判別できません（試した文字コード: {tried}）。文字化けしたまま検査しないよう中止しました。UTF-8 で保存し直してください。",
    en: "The text encoding could not be determined (tried: {tried}). Linting was stopped rather than read garbled text. Save the file as UTF-8.",
  },
  "read.undecodable-bom": {
    ja: "先頭の BOM は {encoding} を示していますが、その文字コードとして正しくない部分があります。UTF-8 で保存し直してください。",
    en: "The byte order mark says {encoding}, but the file is not valid {encoding}. Save the file as UTF-8.",
  },
  "read.nesting-too-deep": {
    ja: "入れ子が深すぎます（{depth} 段、上限 {max} 段）。引用（>）や箇条書きの入れ子を浅くしてください。",
    en: "Nesting too deep ({depth} levels; the limit is {max}). Reduce the nesting of block quotes (>) or lists.",
  },
};
