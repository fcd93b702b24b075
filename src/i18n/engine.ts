import type { Catalogue } from "./catalogue.js";

// Messages of src/engine/: the engine's own findings and errors (rule findings use the rule's message).
export const engineMessages: Catalogue = {
  "engine.term.undefined": {
    ja: "用語「{term}」は定義されていません（規則 {rule}）。terms に定義してください。",
    en: "Term \"{term}\" is not defined (rule {rule}). Define it under terms.",
  },
  "engine.term.cycle": { ja: "用語の参照が循環しています: {chain}", en: "Terms refer to each other in a cycle: {chain}" },
  "engine.regex.invalid": {
    ja: "正規表現「{pattern}」を使えません（規則 {rule}）: {detail}。RE2 構文（後方参照・先読みなし）で書いてください。",
    en: "Invalid regular expression \"{pattern}\" (rule {rule}): {detail}. Use RE2 syntax (no backreferences or lookaround).",
  },
  "engine.kind.unknown": { ja: "規則 {rule} の種類「{kind}」は登録されていません。", en: "Rule {rule} has an unregistered kind \"{kind}\"." },
  "engine.condition.unknown": { ja: "規則 {rule} の appliesWhen が未定義の条件「{name}」を参照しています。", en: "Rule {rule}: appliesWhen refers to the undefined condition \"{name}\"." },
  "engine.products.unreadable": { ja: "製品データ {file} を読めません（規則 {rule}）: {detail}", en: "Cannot read product data {file} (rule {rule}): {detail}" },
  "unused-directive": {
    ja: "抑制コメント（{directive}）は何も抑制していません。不要なら削除してください。",
    en: "This suppression ({directive}) suppresses nothing. Remove it if it is no longer needed.",
  },
  "directive-reason": {
    ja: "抑制コメント（{directive}）に理由がありません。「-- 理由」を書いてください。",
    en: "This suppression ({directive}) gives no reason. Add \"-- reason\".",
  },
  "unseen-content": {
    ja: "検査できない内容があります: {what}（{count} 件）。この部分は目視で確認してください。",
    en: "Content that could not be checked: {what} ({count}). Review this part by hand.",
  },
  "engine.missing.none": { ja: "なし", en: "none" },
  "engine.list.separator": { ja: "、", en: ", " },
  "threshold.no-number": {
    ja: "{label}が数値で定められていません（基準: {bound}）。",
    en: "The {label} is not stated as a number (required: {bound}).",
  },
  "example.good.fired": {
    ja: "良い例なのに規則が反応しました: {detail}",
    en: "A good example triggered the rule: {detail}",
  },
  "example.bad.silent": { ja: "悪い例なのに規則が反応しませんでした。", en: "A bad example did not trigger the rule." },
  "example.status": { ja: "判定が {actual} でした（期待: {expected}）。", en: "Status was {actual} (expected {expected})." },
  "example.count": { ja: "指摘が {actual} 件でした（期待: {expected} 件）。", en: "{actual} findings (expected {expected})." },
  "example.ok": { ja: "期待どおり", en: "as expected" },
  "example.at": { ja: "最初の指摘の位置が {actual} でした（期待: {expected}）。", en: "The first finding was at {actual} (expected {expected})." },
};
