// The built CLI as a user runs it: exit codes, unreadable files next to good ones, locales,
// atomic output, usage errors, the JSON contract, determinism and the sub-commands.
import { beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureBuilt, parseJson, runCli, STACK_LINE } from "../bad-input/harness.js";
import { legacyDocBytes, makeWorkspace, MINI_RULESET } from "./workspace.js";
import { runInProcess } from "./in-process.js";
import { tempDir } from "../temp.js";

beforeAll(() => ensureBuilt(), 300_000);

describe("exit codes", () => {
  it("0 for a clean file, 1 for an error-level finding", async () => {
    const ws = makeWorkspace();
    const clean = await runInProcess(["good.md"], { cwd: ws });
    expect(clean.stderr).toBe("");
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain("問題は見つかりませんでした（1 ファイル）");
    const bad = await runInProcess(["bad.md"], { cwd: ws });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain("bad.md\n  文書全体  エラー  patch-latest");
    expect(bad.stdout).toContain("最新のセキュリティパッチの適用を求める条項がありません。");
  });

  it("warnings pass unless they exceed --max-warnings", async () => {
    const ws = makeWorkspace();
    expect((await runInProcess(["warn.md"], { cwd: ws })).code).toBe(0);
    expect((await runInProcess(["warn.md", "--max-warnings", "1"], { cwd: ws })).code).toBe(0);
    const over = await runInProcess(["warn.md", "--max-warnings", "0"], { cwd: ws });
    expect(over.code).toBe(1);
    expect(over.stderr).toContain("警告が 1 件あり、--max-warnings 0 を超えています。");
  });

  it("2 for a missing file, while the other file is still linted and reported", async () => {
    const ws = makeWorkspace();
    const run = await runInProcess(["--format", "json", "nope.md", "bad.md"], { cwd: ws });
    expect(run.code).toBe(2);
    const r = parseJson(run);
    expect(r.files.map((f) => f.uri)).toEqual(["bad.md", "nope.md"]);
    expect(r.files[1]!.error).toEqual({ code: "io", message: "ファイルが見つかりません。" });
    expect(r.files[0]!.findings.map((f) => f.ruleId)).toEqual(["patch-latest"]);
    expect(r.summary).toEqual({ files: 2, errors: 1, warnings: 0, infos: 0, unreadable: 1 });
  });

  it("stylish names each unreadable file and the reason on its own line (missing file, symlink loop)", async () => {
    const ws = makeWorkspace();
    fs.symlinkSync("self.md", path.join(ws, "self.md"));
    const run = await runInProcess(["nope.md", "self.md"], { cwd: ws });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain("  nope.md を読み込めません [io]: ファイルが見つかりません。\n");
    expect(run.stdout).toContain("  self.md を読み込めません [io]: シンボリックリンクが循環しているため読めません（ELOOP）。\n");
    const en = await runInProcess(["nope.md", "--locale", "en"], { cwd: ws });
    expect(en.stdout).toContain("  cannot read nope.md [io]: File not found.\n");
    // JSON keeps the contract: the path is in `uri`, the message is the reason alone.
    expect(parseJson(await runInProcess(["--format", "json", "self.md"], { cwd: ws })).files[0]!.error)
      .toEqual({ code: "io", message: "シンボリックリンクが循環しているため読めません（ELOOP）。" });
  });

  it("reports a legacy .doc found in a folder instead of skipping it", async () => {
    const ws = makeWorkspace({ "specs/old.doc": legacyDocBytes(), "specs/a.md": "受注者は、最新のセキュリティパッチを適用すること。\n",
      "specs/node_modules/x.md": "x", "specs/.hidden/y.md": "y", "specs/notes.csv": "a,b" });
    const run = await runInProcess(["--format", "json", "specs"], { cwd: ws });
    const r = parseJson(run);
    expect(r.files.map((f) => f.uri)).toEqual(["specs/a.md", "specs/old.doc"]);
    expect(r.files[1]!.error!.code).toBe("legacy-doc");
    expect(run.code).toBe(2);
  });

  it("2 for a config error, with file:line:column", async () => {
    const ws = makeWorkspace({ ".chotatsu-lint.yaml": "extends: [./mini.yaml]\nbogus: 1\n" });
    const run = await runInProcess(["good.md"], { cwd: ws });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\.chotatsu-lint\.yaml:2:1/);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });
});

describe("a rule regex that does not compile (issue 9)", () => {
  it("is a config error at the pattern's line before any file is read: exit 2, no [internal] per file", async () => {
    const bad = MINI_RULESET.replace("apply: [適用]", "apply: [適用, 're:(適用']");
    const ws = makeWorkspace({ "mini.yaml": bad });
    const run = await runInProcess(["good.md", "bad.md"], { cwd: ws });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/mini\.yaml:6:15: 正規表現「\(適用」を使えません（terms）/);
    expect(run.stdout + run.stderr).not.toContain("internal");
    expect(run.stdout).not.toContain("good.md");
    const en = await runInProcess(["--locale", "en", "good.md"], { cwd: ws });
    expect(en.stderr).toMatch(/config error: .*mini\.yaml:6:15: Invalid regular expression "\(適用" \(terms\)/);
  });
});

describe("rule data and option patterns are checked at load (issue 9)", () => {
  it("a regex in the config's rule options is a config error at its line, not [internal] per file", async () => {
    const config = "extends: [./mini.yaml]\nrules:\n  patch-latest:\n    options: { match: { all: ['re:(最新'] } }\n";
    const run = await runInProcess(["good.md", "bad.md"], { cwd: makeWorkspace({ ".chotatsu-lint.yaml": config }) });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/\.chotatsu-lint\.yaml:4:31: 正規表現「\(最新」を使えません（patch-latest）/);
    expect(run.stdout).toBe("");
  });
  it("a product list that cannot be read is a config error at the `products:` value", async () => {
    const eolRule = "  - id: old-products\n    kind: eol\n    severity: error\n    title: サポート終了製品\n    message: 「{match}」はサポート終了です。\n    source: テスト用\n    products: ./products.yaml\n";
    const ruleset = MINI_RULESET + eolRule;
    const line = ruleset.split("\n").findIndex((l) => l.includes("products: ./products.yaml")) + 1;
    const missing = await runInProcess(["good.md"], { cwd: makeWorkspace({ "mini.yaml": ruleset }) });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(new RegExp(`mini\\.yaml:${line}:15: 製品データ .*products\\.yaml を読めません（規則 old-products）`));
    expect(missing.stdout).toBe("");
    const malformed = await runInProcess(["good.md"], { cwd: makeWorkspace({ "mini.yaml": ruleset, "products.yaml": "- name: X\n  patterns: [X]\n  eos: soon\n" }) });
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain("product #1 needs name, patterns and eos");
    const good = await runInProcess(["good.md"], { cwd: makeWorkspace({ "mini.yaml": ruleset, "products.yaml": "- name: X\n  patterns: [Windows 95]\n  eos: 2001-12-31\n" }) });
    expect(good.code).toBe(0);
  });
});

describe("html report of a Word draft", () => {
  it("shows the draft the worker rendered, its flagged paragraph linked to the finding, no marks left", async () => {
    // No config here: the built-in rules, which flag paragraphs of the sample.
    const ws = tempDir("cl-html-");
    fs.copyFileSync(fileURLToPath(new URL("../../fixtures/samples/sample.docx", import.meta.url)), path.join(ws, "sample.docx"));
    const run = await runInProcess(["--format", "html", "sample.docx"], { cwd: ws });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('<div class="draft" tabindex="0" role="region" aria-labelledby="f0-draft">');
    expect(run.stdout).toMatch(/<span class="cl-flag" id="f0-p\d+">¶\d+<\/span><a class="cl-back sev-/);
    expect(run.stdout).not.toMatch(/[\uE000\uE001]/);
  });
});

describe("usage errors", () => {
  it("an unknown --format is exit 2 with a Japanese message", async () => {
    const ws = makeWorkspace();
    const run = await runInProcess(["--format", "pdf", "good.md"], { cwd: ws });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe("使い方の誤り: 出力形式 \"pdf\" はありません。使える形式: stylish, json, sarif, github, junit, html, gitlab, rdjson\n");
  });
  it("an unknown option, a bad number, a bad date", async () => {
    const ws = makeWorkspace();
    expect((await runInProcess(["--frobnicate", "good.md"], { cwd: ws })).stderr).toContain("オプション --frobnicate はありません");
    expect((await runInProcess(["--jobs", "zero", "good.md"], { cwd: ws })).code).toBe(2);
    const d = await runInProcess(["--as-of", "2026-02-30", "good.md"], { cwd: ws });
    expect(d.code).toBe(2);
    expect(d.stderr).toContain("YYYY-MM-DD");
  });
  it("help is Japanese first, English with --locale en; --version prints package.json's", async () => {
    const ja = runCli(["--help"]);
    expect(ja.code).toBe(0);
    expect(ja.stdout).toContain("使い方: chotatsu-lint [オプション] [ファイル...]");
    expect(ja.stdout).toContain("出力形式: stylish | json | sarif");
    expect(runCli(["--help", "--locale", "en"]).stdout).toContain("output format: stylish");
    const version = JSON.parse(fs.readFileSync(path.join(__dirname, "../../package.json"), "utf8")).version;
    expect(runCli(["--version"]).stdout.trim()).toBe(version);
  });
});

describe("output", () => {
  it("--locale en switches messages and summary", async () => {
    const ws = makeWorkspace();
    const run = await runInProcess(["--locale", "en", "bad.md"], { cwd: ws });
    expect(run.stdout).toContain("whole document  error  patch-latest");
    expect(run.stdout).toContain("No clause requires the latest security patches.");
    expect(run.stdout).toContain("1 file(s): 1 error(s), 0 warning(s), 0 info");
  });

  it("-o writes the report whole and leaves no temp file", async () => {
    const ws = makeWorkspace();
    const run = runCli(["--format", "json", "-o", "out/report.json", "bad.md"], { cwd: ws, env: {} });
    fs.mkdirSync(path.join(ws, "out"));
    // Spawned: -o is resolved against the process working directory.
    const again = runCli(["--format", "json", "-o", "out/report.json", "bad.md"], { cwd: ws });
    expect(run.code).toBe(2);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe("");
    expect(JSON.parse(fs.readFileSync(path.join(ws, "out/report.json"), "utf8")).summary.errors).toBe(1);
    expect(fs.readdirSync(path.join(ws, "out"))).toEqual(["report.json"]);
  });

  it("an output folder that does not exist is exit 2 and nothing is written", async () => {
    const ws = makeWorkspace();
    const run = runCli(["-o", "no-such-dir/sub/report.json", "good.md"], { cwd: ws });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("出力先のフォルダ");
    expect(run.stderr).toContain("no-such-dir");
    expect(fs.existsSync(path.join(ws, "no-such-dir"))).toBe(false);
  });

  it("reads stdin with --stdin-filename", async () => {
    const ws = makeWorkspace();
    const run = runCli(["--format", "json", "--stdin", "--stdin-filename", "draft.md"], { cwd: ws, input: "受注者は、機器を納入すること。\n" });
    const r = parseJson(run);
    expect(r.files[0]!.uri).toBe("draft.md");
    expect(r.files[0]!.format).toBe("markdown");
    expect(run.code).toBe(1);
  });

  it("a file over its time budget becomes a timeout error and exit 2", async () => {
    const big = Array.from({ length: 4000 }, (_, i) => `受注者は、第${i}項の作業を適宜実施すること。`).join("\n\n");
    const ws = makeWorkspace({ "big.md": big });
    const run = await runInProcess(["--format", "json", "--timeout", "1", "big.md"], { cwd: ws });
    const r = parseJson(run);
    expect(r.files[0]!.error!.code).toBe("timeout");
    expect(r.files[0]!.error!.message).toContain("1 ミリ秒");
    expect(run.code).toBe(2);
  });
});

describe("determinism", () => {
  it("json and sarif bytes do not depend on --jobs (1, 2, auto) or file order", async () => {
    const ws = makeWorkspace({ "c.md": "受注者は、適宜報告すること。\n", "missing-link.md": "" });
    const files = ["warn.md", "bad.md", "good.md", "c.md", "nope.md"];
    for (const format of ["json", "sarif"]) {
      const a = await runInProcess(["--format", format, "--jobs", "1", ...files], { cwd: ws });
      const b = await runInProcess(["--format", format, "--jobs", "2", ...[...files].reverse()], { cwd: ws });
      const auto = await runInProcess(["--format", format, "--jobs", "auto", ...files], { cwd: ws });
      expect(a.code).toBe(2);
      expect(b.stdout).toBe(a.stdout);
      expect(auto.stdout).toBe(a.stdout);
    }
  });
});

describe("sub-commands", () => {
  it("rules lists the active rules; explain shows the template clause", async () => {
    const ws = makeWorkspace();
    const rules = await runInProcess(["rules"], { cwd: ws });
    expect(rules.code).toBe(0);
    expect(rules.stdout).toMatch(/patch-latest\s+エラー\s+require\s+最新のセキュリティパッチ適用の要求/);
    const json = JSON.parse((await runInProcess(["rules", "--format", "json"], { cwd: ws })).stdout);
    expect(json.rules.map((r: { id: string }) => r.id)).toEqual(["patch-latest", "vague-words"]);
    const ex = await runInProcess(["explain", "patch-latest"], { cwd: ws });
    expect(ex.code).toBe(0);
    expect(ex.stdout).toContain("受注者は、最新のセキュリティパッチを適用すること。");
    expect(ex.stdout).toContain("「最新」 + 「セキュリティパッチ／修正プログラム」 + 「適用」");
    expect((await runInProcess(["explain", "patch-latest", "--locale", "en"], { cwd: ws })).stdout).toContain("Latest security patches applied");
    expect((await runInProcess(["explain", "nope"], { cwd: ws })).code).toBe(2);
  });

  it("explain also lists the examples an overriding ruleset wrote for the rule, labelled with its id", async () => {
    const agency = "id: agency\ntitle: 独法\nextends: ./mini.yaml\noverrides:\n  vague-words:\n    severity: error\n"
      + "    examples:\n      good: [\"受注者は、報告を毎月行うこと。\"]\n      bad: [\"受注者は、報告を適宜行うこと。\"]\n";
    const ws = makeWorkspace({ "agency.yaml": agency, ".chotatsu-lint.yaml": "extends: [./agency.yaml]\n" });
    const ex = await runInProcess(["explain", "vague-words"], { cwd: ws });
    expect(ex.code).toBe(0);
    expect(ex.stdout).toContain("\n\n良い例（規則セット agency の上書きによる）:\n  ○ 受注者は、報告を毎月行うこと。\n"
      + "\n悪い例（規則セット agency の上書きによる）:\n  × 受注者は、報告を適宜行うこと。\n");
    // The defining ruleset's own examples keep their plain labels, before the override's.
    const own = (await runInProcess(["explain", "patch-latest", "--locale", "en"], { cwd: ws })).stdout;
    expect(own).toContain("\n\nGood examples:\n  ○ 受注者は、最新のセキュリティパッチを適用すること。\n\nBad examples:\n  × 受注者は、機器を納入すること。\n");
    expect(own).not.toContain("override");
    const en = (await runInProcess(["explain", "vague-words", "--locale", "en"], { cwd: ws })).stdout;
    expect(en).toContain("Bad examples (from ruleset agency's override):\n  × 受注者は、報告を適宜行うこと。\n");
  });

  it("--ruleset before the file names takes one file, not the rest of the line", async () => {
    const ws = makeWorkspace();
    fs.rmSync(path.join(ws, ".chotatsu-lint.yaml"));
    const run = await runInProcess(["--format", "json", "--ruleset", "mini.yaml", "bad.md"], { cwd: ws });
    expect(parseJson(run).files[0]!.findings.map((f) => f.ruleId)).toEqual(["patch-latest"]);
    expect(run.code).toBe(1);
  });

  it("--rule turns a rule off", async () => {
    const ws = makeWorkspace();
    expect((await runInProcess(["bad.md", "--rule", "patch-latest:off"], { cwd: ws })).code).toBe(0);
  });

  it("init writes the config once and never overwrites", async () => {
    const ws = makeWorkspace();
    fs.rmSync(path.join(ws, ".chotatsu-lint.yaml"));
    const first = await runInProcess(["init"], { cwd: ws });
    expect(first.code).toBe(0);
    const text = fs.readFileSync(path.join(ws, ".chotatsu-lint.yaml"), "utf8");
    const second = await runInProcess(["init"], { cwd: ws });
    expect(second.code).toBe(2);
    expect(second.stderr).toContain("既に存在します");
    expect(fs.readFileSync(path.join(ws, ".chotatsu-lint.yaml"), "utf8")).toBe(text);
  });
});

describe("an agency ruleset in Japanese only (issue 9)", () => {
  const japaneseOnly = MINI_RULESET.replace("    messageEn: The obligation is weakened by \"{match}\".\n", "")
    .replace("    titleEn: Latest security patches applied\n", "");
  it("loads without messageEn, shows the Japanese message with --locale en, and test-ruleset lists what lacks English", async () => {
    const ws = makeWorkspace({ "mini.yaml": japaneseOnly });
    expect(japaneseOnly).not.toContain("messageEn: The obligation");
    const en = await runInProcess(["--locale", "en", "--format", "json", "warn.md"], { cwd: ws });
    expect(en.code).toBe(0);
    expect(parseJson(en).files[0]!.findings.map((f: { message: string }) => f.message)).toContain("義務が「適宜」で弱められています。");
    const test = await runInProcess(["test-ruleset", "mini.yaml"], { cwd: ws });
    expect(test.code).toBe(0);
    expect(test.stdout).toContain("情報: 英語の表記がない規則 2 件（--locale en では日本語で表示されます）: patch-latest (titleEn), vague-words (titleEn, messageEn)");
  });
});

describe("test-ruleset", () => {
  it("passes a ruleset whose examples agree with its rules", async () => {
    const ws = makeWorkspace();
    const run = await runInProcess(["test-ruleset", "mini.yaml"], { cwd: ws });
    expect(run.stdout).toContain("合格  patch-latest good#1  受注者は、最新のセキュリティパッチを適用すること。");
    expect(run.stdout).toMatch(/例 \d+ 件中 \d+ 件合格、0 件不合格/);
    expect(run.code).toBe(0);
  });
  it("fails, naming the example, when an example contradicts its rule", async () => {
    const ws = makeWorkspace({ "wrong.yaml": MINI_RULESET.replace('bad: ["受注者は、機器を納入すること。"]', 'bad: ["受注者は、最新のセキュリティパッチを適用すること。"]') });
    const run = await runInProcess(["test-ruleset", "wrong.yaml"], { cwd: ws });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("不合格  patch-latest bad#1  受注者は、最新のセキュリティパッチを適用すること。");
  });
});

describe("file collection", () => {
  it("globs, folders, --ignore-pattern and a symlink loop give one stable list", async () => {
    const ws = makeWorkspace({ "specs/a.md": "受注者は、最新のセキュリティパッチを適用すること。\n",
      "specs/sub/b.md": "受注者は、機器を納入すること。\n", "specs/sub/draft/c.md": "x\n", "other/d.txt": "受注者は、機器を納入すること。\n" });
    fs.symlinkSync("..", path.join(ws, "specs/sub/loop"));
    const run = await runInProcess(["--format", "json", "--ignore-pattern", "specs/sub/draft", "specs", "other/*.txt", "specs/a.md"], { cwd: ws });
    const r = parseJson(run);
    expect(r.files.map((f) => f.uri)).toEqual(["other/d.txt", "specs/a.md", "specs/sub/b.md"]);
    expect(r.files[0]!.format).toBe("text");
    expect(run.code).toBe(1);
  });
  it("a glob that matches nothing is a usage error", async () => {
    const ws = makeWorkspace();
    const run = await runInProcess(["nothing/*.md", "good.md"], { cwd: ws });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("指定に一致するファイルがありません: nothing/*.md");
  });
});

describe("machine formats from the CLI", () => {
  it("gitlab: a Code Quality array, exit code as for any format", async () => {
    const ws = makeWorkspace();
    const run = await runInProcess(["--format", "gitlab", "bad.md", "good.md"], { cwd: ws });
    expect(run.code).toBe(1);
    const issues = JSON.parse(run.stdout) as { check_name: string; severity: string; location: { path: string } }[];
    expect(issues.map((i) => [i.check_name, i.severity, i.location.path])).toEqual([["patch-latest", "major", "bad.md"]]);
  });
  it("rdjson: reviewdog's format with UTF-8 byte columns; links only when docsUrl is published", async () => {
    const ws = makeWorkspace({ ".chotatsu-lint.yaml": "extends: [./mini.yaml]\ndocsUrl: https://example.org/docs/rules\n" });
    const run = await runInProcess(["--format", "rdjson", "warn.md", "good.md"], { cwd: ws });
    expect(run.code).toBe(0);
    const rd = JSON.parse(run.stdout) as { source: { name: string }; diagnostics: { code: { value: string; url?: string }; location: { path: string; range: unknown } }[] };
    // 「受注者は、最新のセキュリティパッチを」 is 18 characters of 3 bytes before 「適宜」 on line 3.
    expect(rd.diagnostics).toEqual([expect.objectContaining({ code: { value: "vague-words" },
      location: { path: "warn.md", range: { start: { line: 3, column: 55 }, end: { line: 3, column: 61 } } } })]);
  });
  it("sarif links each built-in rule to its section of the installed docs/rules page", async () => {
    const ws = makeWorkspace({ ".chotatsu-lint.yaml": "extends: [mhlw-tebiki]\n" });
    const run = await runInProcess(["--format", "sarif", "bad.md"], { cwd: ws });
    const driver = JSON.parse(run.stdout).runs[0].tool.driver as { informationUri: string; rules: { id: string; helpUri?: string }[] };
    const patch = driver.rules.find((r) => r.id === "patch-latest")!;
    const url = new URL(patch.helpUri!);
    const anchor = url.hash.slice(1);
    url.hash = "";
    expect(anchor).toBe("patch-latest");
    expect(fs.readFileSync(fileURLToPath(url), "utf8")).toContain(`<a id="${anchor}"></a>`);
    expect(driver.rules.filter((r) => !r.helpUri).map((r) => r.id)).toEqual([]);
    expect(fs.statSync(fileURLToPath(driver.informationUri)).isDirectory()).toBe(true);
  });
  it("github and junit", async () => {
    const ws = makeWorkspace();
    const gh = await runInProcess(["--format", "github", "bad.md", "nope.md"], { cwd: ws });
    expect(gh.stdout).toBe("::error file=bad.md,line=1,col=1,endLine=1,endColumn=1,title=patch-latest (エラー)::最新のセキュリティパッチの適用を求める条項がありません。\n"
      + "::error file=nope.md,title=chotatsu-lint io::ファイルが見つかりません。\n");
    const junit = await runInProcess(["--format", "junit", "bad.md"], { cwd: ws });
    expect(junit.stdout).toContain('<testsuite name="bad.md" tests="2" failures="1" errors="0">');
    expect(junit.code).toBe(1);
  });
});
