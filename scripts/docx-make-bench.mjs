#!/usr/bin/env node
// Generates a ~200-page Japanese specification as flat ODT and converts it to .docx with LibreOffice
// (scripts/docx-from-source.mjs), for reader benchmarks. Deterministic: same output every run.
//   node scripts/docx-make-bench.mjs [--pages 200] [--out fixtures/bench]
import { writeFileSync, mkdtempSync, rmSync, readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def; };
const pages = Number(opt("--pages", "200"));
const out = opt("--out", "fixtures/bench");
const here = dirname(fileURLToPath(import.meta.url));

let seed = 20260401;
const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
const pick = (a) => a[rand(a.length)];

const subjects = ["受注者は、", "受注者は、発注者の承認を得て、", "本業務の実施に当たり、受注者は、", "作業従事者は、", "受注者は、契約期間中、"];
const objects = ["サーバ及びネットワーク機器の稼働状況を", "アクセスログ及び操作履歴を", "最新のセキュリティパッチの適用状況を",
  "情報セキュリティインシデントの発生状況を", "バックアップデータの取得結果を", "利用者アカウントの棚卸し結果を", "不正プログラム対策ソフトの定義ファイル更新状況を",
  "再委託先における情報セキュリティ対策の実施状況を", "障害対応の経過及び結果を", "構成管理台帳の変更内容を"];
const verbs = ["確認し、月次報告書により担当職員に報告すること。", "記録し、１年間保存すること。", "点検し、異常があれば直ちに担当職員に連絡すること。",
  "取りまとめ、四半期ごとに発注者に提出すること。", "管理し、発注者の求めに応じて提示すること。", "監視し、２４時間以内に対応方針を報告すること。"];
const sentence = () => pick(subjects) + pick(objects) + pick(verbs);
const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

const body = [];
const P = (t) => body.push(`<text:p text:style-name="Standard">${esc(t)}</text:p>`);
const H = (l, t) => body.push(`<text:h text:style-name="Heading_20_${l}" text:outline-level="${l}">${esc(t)}</text:h>`);
const table = (rows) => {
  body.push(`<table:table table:name="T${body.length}"><table:table-column table:number-columns-repeated="${rows[0].length}"/>`);
  for (const r of rows) body.push(`<table:table-row>${r.map((c) => `<table:table-cell office:value-type="string"><text:p text:style-name="Standard">${esc(c)}</text:p></table:table-cell>`).join("")}</table:table-row>`);
  body.push("</table:table>");
};

// About 29 short paragraphs, three headings and a third of a table fill one A4 page (checked by PDF export: 200 pages).
const chapters = ["調達案件の概要", "作業の実施内容", "満たすべき要件", "作業の実施体制・方法", "作業の実施に当たっての遵守事項", "成果物の取扱い",
  "入札参加資格", "再委託", "その他特記事項", "運用要件", "保守要件", "情報セキュリティ要件"];
P("大規模システム運用保守業務 調達仕様書");
for (let page = 0; page < pages; page++) {
  if (page % 16 === 0) H(1, chapters[(page / 16) % chapters.length]);
  if (page % 4 === 0) H(2, `${pick(["運用", "保守", "監視", "報告", "管理"])}に関する事項`);
  H(3, pick(["基本方針", "実施内容", "報告", "体制", "記録"]));
  for (let i = 0; i < 29; i++) P(sentence() + (rand(3) === 0 ? sentence() : ""));
  if (page % 3 === 0) table([["項目", "内容", "頻度"], ...Array.from({ length: 4 }, () => [pick(objects).replace(/を$/, ""), pick(verbs), pick(["日次", "週次", "月次"])])]);
}

const template = readFileSync(join(here, "../fixtures/docx-src/outline.fodt"), "utf8");
const head = template.slice(0, template.indexOf("<office:body>"));
const work = mkdtempSync(join(tmpdir(), "docx-bench-"));
const src = join(work, `spec-${pages}p.fodt`);
writeFileSync(src, `${head}<office:body><office:text>\n${body.join("\n")}\n</office:text></office:body></office:document>\n`);
const r = spawnSync(process.execPath, [join(here, "docx-from-source.mjs"), src, "--out", out], { stdio: "inherit" });
rmSync(work, { recursive: true, force: true });
process.exit(r.status ?? 1);
