// A throw-away project folder with a tiny ruleset, so CLI tests control exactly which rules fire.
import fs from "node:fs";
import path from "node:path";
import { tempDir } from "../temp.js";

export const MINI_RULESET = `id: mini
title: テスト用の規則セット
terms:
  latest: [最新]
  patch: [セキュリティパッチ, 修正プログラム]
  apply: [適用]
  vague-words: [適宜]
rules:
  - id: patch-latest
    kind: require
    severity: error
    title: 最新のセキュリティパッチ適用の要求
    titleEn: Latest security patches applied
    message: 最新のセキュリティパッチの適用を求める条項がありません。
    messageEn: No clause requires the latest security patches.
    source: テスト用
    suggestion: 受注者は、最新のセキュリティパッチを適用すること。
    match: { all: [$latest, $patch, $apply], within: sentence, obligation: true }
    examples:
      good: ["受注者は、最新のセキュリティパッチを適用すること。"]
      bad: ["受注者は、機器を納入すること。"]
  - id: vague-words
    kind: vague
    severity: warning
    title: 曖昧な義務表現
    message: 義務が「{match}」で弱められています。
    messageEn: The obligation is weakened by "{match}".
    source: テスト用
    mode: qualifier
    qualifiers: [$vague-words]
`;

export const GOOD_MD = "# 情報セキュリティ\n\n受注者は、最新のセキュリティパッチを適用すること。\n";
export const BAD_MD = "# 情報セキュリティ\n\n受注者は、機器を納入すること。\n";
export const WARN_MD = "# 情報セキュリティ\n\n受注者は、最新のセキュリティパッチを適宜適用すること。\n";

export function makeWorkspace(files: Record<string, string | Uint8Array> = {}): string {
  const dir = tempDir("chotatsu-cli-");
  const all: Record<string, string | Uint8Array> = {
    "mini.yaml": MINI_RULESET,
    ".chotatsu-lint.yaml": "extends: [./mini.yaml]\n",
    "good.md": GOOD_MD, "bad.md": BAD_MD, "warn.md": WARN_MD,
    ...files,
  };
  for (const [name, content] of Object.entries(all)) {
    const p = path.join(dir, name);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
  }
  return dir;
}

/** The first bytes Word writes into a legacy .doc (OLE) with the "WordDocument" stream name. */
export function legacyDocBytes(): Uint8Array {
  const head = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const name = Buffer.from("WordDocument", "utf16le");
  return new Uint8Array(Buffer.concat([head, Buffer.alloc(504), name, Buffer.alloc(512)]));
}
