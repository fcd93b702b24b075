// Messages of the human reports (stylish, html, annotate comments) that say where a finding is and
// which words it is about: places outside the body, whole-document gaps, the files × clauses matrix.
import type { Catalogue } from "./catalogue.js";

export const reportMessages: Catalogue = {
  "report.place.footnote": { ja: "脚注 {n}", en: "footnote {n}" },
  "report.place.endnote": { ja: "文末脚注 {n}", en: "endnote {n}" },
  "report.place.header": { ja: "ヘッダー", en: "header" },
  "report.place.footer": { ja: "フッター", en: "footer" },
  "report.place.textbox": { ja: "テキストボックス", en: "text box" },
  "report.place.comment": { ja: "コメント", en: "comment" },
  "report.place.host": { ja: "{place}（{paragraph}）", en: "{place} ({paragraph})" },
  "report.belongsIn": { ja: "条項を置く章: {chapter}", en: "belongs in: {chapter}" },
  "report.belongsInMissing": {
    ja: "条項を置く章: {chapter}（文書にこの章がありません）",
    en: "belongs in: {chapter} (the document has no such chapter)",
  },
  "report.snippet": { ja: "該当箇所: {text}", en: "text: {text}" },
  "report.documentTitle": { ja: "文書: {title}", en: "document: {title}" },
  "report.na.reason": { ja: "適用条件を満たさない: {reason}", en: "its conditions do not hold: {reason}" },
  "report.na.fails": { ja: "{name}（{words}）", en: "{name} ({words})" },
  "report.na.holds": { ja: "{name}（{words}）に該当するため除外", en: "excluded as {name} ({words})" },
  "report.na.minHits": { ja: "{words} が {n} 回以上", en: "{words} at least {n} times" },
  "report.matrix.title": { ja: "ファイル別の条項判定", en: "Clauses by file" },
  "report.matrix.legend": {
    ja: "記載なし = 条項が見つからない、一部不足 = 要素の一部が欠けている、記載あり = 条項がある、対象外 = この文書には適用されない",
    en: "absent = clause not found, partial = some elements missing, present = clause found, n/a = does not apply to this document",
  },
  "report.skip": { ja: "本文へ移動", en: "Skip to content" },
  "report.gaps": {
    ja: "適用される {applies} 条項のうち 記載なし {absent}・一部不足 {partial}・記載あり {present}",
    en: "of {applies} applicable clauses: {absent} absent, {partial} partial, {present} present",
  },
};
