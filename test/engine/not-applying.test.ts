// A rule that does not apply says why, in words an officer can check against the draft.
import { describe, expect, it } from "vitest";
import { lintDocument } from "../../src/engine/index.js";
import { config, md } from "./helpers.js";

const rules = config([
  { id: "cloud-rule", kind: "require", appliesWhen: "cloud", params: { match: { all: ["ISMAP"], within: "sentence" } } },
  { id: "not-dev", kind: "require", appliesWhen: { not: "dev" }, params: { match: { all: ["保守"], within: "sentence" } } },
  { id: "always", kind: "require", params: { match: { all: ["ログ"], within: "sentence" } } },
], { conditions: { cloud: { any: ["クラウド", "ISMAP", "SaaS", "IaaS"], minHits: 2 }, dev: { any: ["設計・開発"] } } });

describe("why a rule does not apply", () => {
  const r = lintDocument(md("# 仕様書\n\n本業務は設計・開発を行う。クラウドは使わない。\n"), rules);

  it("names each condition that did not hold with a few of its terms and the count it needs", () => {
    expect(r.coverage["cloud-rule"]).toMatchObject({ applies: false,
      notApplying: "適用条件を満たさない: cloud（クラウド・ISMAP・SaaS など が 2 回以上）" });
  });
  it("says which condition excluded it under `not`", () => {
    expect(r.coverage["not-dev"]).toMatchObject({ applies: false, notApplying: "適用条件を満たさない: dev（設計・開発）に該当するため除外" });
  });
  it("says nothing for a rule that applies", () => {
    expect(r.coverage["always"]!.applies).toBe(true);
    expect(r.coverage["always"]!.notApplying).toBeUndefined();
  });
});
