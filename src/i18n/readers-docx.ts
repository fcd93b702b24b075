import type { Catalogue } from "./index.js";

// Messages of the Word reader (src/readers/docx/). Params are filled by InputError.params.
export const docxReaderMessages: Catalogue = {
  "docx.corrupt-zip": {
    ja: "Word ファイル（.docx）が壊れています（{detail}）。Word で開いて保存し直してください。",
    en: "The Word file (.docx) is damaged ({detail}). Open it in Word and save it again.",
  },
  "docx.zip64": {
    ja: "Zip64 形式の .docx には対応していません。Word で保存し直してください。",
    en: "Zip64 .docx archives are not supported. Save the file again in Word.",
  },
  "docx.zip-bomb": {
    ja: "展開すると大きくなりすぎる .docx のため読み込みを中止しました（{detail}）。",
    en: "Reading stopped: the .docx would expand too much ({detail}).",
  },
  "docx.encrypted-entry": {
    ja: ".docx 内の部品 {name} が暗号化されています。パスワードを解除して保存し直してください。",
    en: "Part {name} of the .docx is encrypted. Remove the password and save again.",
  },
  "docx.bad-encoding": {
    ja: ".docx 内の {part} の文字コードが不正です。",
    en: "Part {part} of the .docx has an invalid text encoding.",
  },
  "docx.doctype": {
    ja: ".docx 内の {part} に DOCTYPE 宣言があります。安全のため読み込みません。",
    en: "Part {part} of the .docx contains a DOCTYPE declaration; refused for safety.",
  },
  "docx.bad-xml": {
    ja: ".docx 内の {part} の XML が壊れています（{detail}）。",
    en: "The XML of part {part} in the .docx is malformed ({detail}).",
  },
  "docx.no-document": {
    ja: "zip ファイルですが Word 文書（word/document.xml）がありません。.docx 形式で保存してください。",
    en: "This is a zip file but not a Word document (no word/document.xml). Save it as .docx.",
  },
  "docx.unseen.altChunk": { ja: "埋め込まれた別文書（altChunk）", en: "embedded document (altChunk)" },
  "docx.unseen.object": { ja: "埋め込みオブジェクト（OLE）", en: "embedded object (OLE)" },
  "docx.unseen.chart": { ja: "グラフ", en: "chart" },
  "docx.unseen.diagram": { ja: "SmartArt 図表", en: "SmartArt diagram" },
};
