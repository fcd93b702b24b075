import type { Catalogue, MessageText } from "./catalogue.js";

// Messages of the Word reader (src/readers/docx/). Params are filled by InputError.params.

// Errors from the zip and XML layers: one frame per error kind and one id per reason, so both
// locales read whole sentences. The reason is the last id segment, e.g. docx.corrupt-zip.crc.
const CORRUPT_FRAME: MessageText = {
  ja: "Word ファイル（.docx）が壊れています（{detail}）。Word で開いて保存し直してください。",
  en: "The Word file (.docx) is damaged ({detail}). Open it in Word and save it again.",
};
const CORRUPT_DETAILS: Catalogue = {
  "no-eocd": { ja: "中央ディレクトリが見つかりません。ファイルが途中で切れています", en: "central directory not found; the file is cut short" },
  "cd-outside": { ja: "中央ディレクトリの位置がファイルの範囲外です", en: "the central directory lies outside the file" },
  "cd-entry": { ja: "中央ディレクトリの項目が不正です", en: "bad central directory entry" },
  "name-outside": { ja: "部品名が中央ディレクトリの範囲外にあります", en: "a part name runs past the central directory" },
  "local-header": { ja: "{name} のローカルヘッダーが不正です", en: "bad local header of {name}" },
  "truncated-entry": { ja: "{name} のデータが途中で切れています", en: "{name} is truncated" },
  "inflate-data": { ja: "{name} の圧縮データが壊れています", en: "the compressed data of {name} is damaged" },
  "inflate-end": { ja: "{name} の圧縮データが途中で切れています", en: "the compressed data of {name} ends early" },
  "inflate-other": { ja: "{name} を展開できません: {raw}", en: "{name} cannot be inflated: {raw}" },
  "method": { ja: "{name} の圧縮方式（{method}）には対応していません", en: "{name} uses an unsupported compression method ({method})" },
  "size": { ja: "{name} の展開後のサイズが目録の記載と異なります", en: "the inflated size of {name} differs from the directory" },
  "crc": { ja: "{name}: CRC 不一致", en: "{name}: CRC mismatch" },
};

const BOMB_FRAME: MessageText = {
  ja: "展開すると大きくなりすぎる .docx のため読み込みを中止しました（{detail}）。",
  en: "Reading stopped: the .docx would expand too much ({detail}).",
};
const BOMB_DETAILS: Catalogue = {
  "entries": { ja: "エントリ数 {count} が上限 {max} を超える", en: "{count} entries, more than the limit of {max}" },
  "ratio": { ja: "{name} の圧縮率が異常に高い（{ratio} 倍）", en: "{name} has an abnormally high compression ratio ({ratio}:1)" },
  "declared": { ja: "展開後のサイズの合計が上限 {maxMb} MB を超える", en: "the declared inflated size exceeds the {maxMb} MB limit" },
  "output": { ja: "{name} の展開後のサイズが上限 {maxMb} MB を超える", en: "{name} inflates beyond the {maxMb} MB limit" },
  "lying": { ja: "{name} が目録に記載されたサイズを超えて展開される", en: "{name} inflates beyond the size its directory entry declares" },
};

const BAD_XML_FRAME: MessageText = {
  ja: ".docx 内の {part} の XML が壊れています（{detail}）。",
  en: "The XML of part {part} in the .docx is malformed ({detail}).",
};
const BAD_XML_DETAILS: Catalogue = {
  "unclosed-tag": { ja: "タグ {tag} が閉じられていません", en: "tag {tag} is never closed" },
  "unmatched-close": { ja: "終了タグ {tag} に対応する開始タグがありません", en: "closing tag {tag} has no matching opening tag" },
  "unexpected-close": { ja: "終了タグが開始タグと対応していません", en: "a closing tag does not match its opening tag" },
  "unexpected-end": { ja: "途中で終わっています", en: "it ends early" },
  "no-root": { ja: "ルート要素がありません", en: "there is no root element" },
  "outside-root": { ja: "ルート要素の外に文字があります", en: "text outside the root element" },
  "two-roots": { ja: "ルート要素が複数あります", en: "more than one root element" },
  "bad-char": { ja: "XML で使えない文字があります", en: "a character not allowed in XML" },
  "bad-entity": { ja: "不正な文字参照（&…;）があります", en: "an invalid character or entity reference (&…;)" },
  "bad-attr": { ja: "属性の書き方が不正です", en: "a malformed attribute" },
  "duplicate-attr": { ja: "属性 {attr} が重複しています", en: "duplicate attribute {attr}" },
  "bad-name": { ja: "不正な名前 {name} があります", en: "malformed name {name}" },
  "other": { ja: "構文エラー: {raw}", en: "syntax error: {raw}" },
};

/** `<base>.<reason>` ids whose text is the frame with the reason in place of {detail}. */
function framed(base: string, frame: MessageText, details: Catalogue): Catalogue {
  const out: Catalogue = {};
  for (const [reason, d] of Object.entries(details)) {
    out[`${base}.${reason}`] = { ja: frame.ja.replace("{detail}", d.ja), en: frame.en.replace("{detail}", d.en) };
  }
  return out;
}

export const docxReaderMessages: Catalogue = {
  "docx.zip64": {
    ja: "Zip64 形式の .docx には対応していません。Word で保存し直してください。",
    en: "Zip64 .docx archives are not supported. Save the file again in Word.",
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
  "docx.no-document": {
    ja: "zip ファイルですが Word 文書（word/document.xml）がありません。.docx 形式で保存してください。",
    en: "This is a zip file but not a Word document (no word/document.xml). Save it as .docx.",
  },
  "docx.unseen.altChunk": { ja: "埋め込まれた別文書（altChunk）", en: "embedded document (altChunk)" },
  "docx.unseen.object": { ja: "埋め込みオブジェクト（OLE）", en: "embedded object (OLE)" },
  "docx.unseen.chart": { ja: "グラフ", en: "chart" },
  "docx.unseen.diagram": { ja: "SmartArt 図表", en: "SmartArt diagram" },
  ...framed("docx.corrupt-zip", CORRUPT_FRAME, CORRUPT_DETAILS),
  ...framed("docx.zip-bomb", BOMB_FRAME, BOMB_DETAILS),
  ...framed("docx.bad-xml", BAD_XML_FRAME, BAD_XML_DETAILS),
};
