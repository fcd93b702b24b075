// eol: end-of-support products named in the spec, against asOf or the contract period.
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { findDates } from "../../../src/text/dates.js";
import { lintDocument } from "../../../src/engine/index.js";
import { readProductList } from "../../../src/config/data-files.js";
import { config, md } from "../helpers.js";

const lint = (text: string, c: ReturnType<typeof config>) => lintDocument(md(text), c);
const locs = (r: ReturnType<typeof lint>) => r.findings.map((f) => [f.ruleId, f.location?.line, f.location?.column, f.location?.endLine, f.location?.endColumn]);

describe("eol", () => {
  // The kind gets its product list on the rule, as the config loader reads it (src/config/data-files.ts).
  const products = readProductList(fileURLToPath(new URL("../data/eol-products.yaml", import.meta.url)));
  const c = config([{ id: "eol", kind: "eol", message: "{product} は {date} にサポート終了", params: { products: "eol-products.yaml" }, data: { products } }],
    { asOf: "2026-11-27" });
  it("fires on a product past its end of support at asOf", () => {
    const r = lint("# 仕様\n\nサーバOSは Windows Server 2012 とする。\n", c);
    expect(locs(r)).toEqual([["eol", 3, 8, 3, 27]]);
    expect(r.findings[0]!.message).toBe("Windows Server 2012 は 2023-10-10 にサポート終了");
  });
  it("uses the contract period end when it is later than asOf", () => {
    expect(lint("サーバOSは RHEL9 とする。\n", c).findings).toEqual([]);
    const r = lint("契約期間は令和8年4月1日から令和11年3月31日までとする。\n\nサーバOSは RHEL9 とする。\n", c);
    expect(locs(r)).toEqual([["eol", 3, 8, 3, 13]]);
  });
  it("judges a spec at the date on its cover, not today (an old edition named what was supported then)", () => {
    expect(lint("令和元年11月\n\nサーバOSは Windows Server 2012 とする。\n", c).findings).toEqual([]);
    expect(locs(lint("令和6年1月\n\nサーバOSは Windows Server 2012 とする。\n", c))).toEqual([["eol", 3, 8, 3, 27]]);
    // The contract period still counts: supported when written, but not through the contract.
    const r = lint("令和元年11月\n\n契約期間は令和2年4月1日から令和6年3月31日までとする。\n\nサーバOSは Windows Server 2012 とする。\n", c);
    expect(locs(r)).toEqual([["eol", 5, 8, 5, 27]]);
  });
  it("without a cover date, dates the spec by its contract period, not by today", () => {
    // written before a contract that ran to March 2023: Windows Server 2012 (EOS 2023-10) was supported through it
    expect(lint("契約期間は令和2年4月1日から令和5年3月31日までとする。\n\nサーバOSは Windows Server 2012 とする。\n", c).findings).toEqual([]);
    // a contract running past the end of support still makes it a defect
    const r = lint("契約期間は令和2年4月1日から令和6年3月31日までとする。\n\nサーバOSは Windows Server 2012 とする。\n", c);
    expect(locs(r)).toEqual([["eol", 3, 8, 3, 27]]);
  });
  it("reads a lease's own period words (リース期間, レンタル期間) as the contract period", () => {
    for (const term of ["リース期間", "レンタル期間"]) {
      expect(lint(`${term}は令和2年4月1日から令和5年3月31日までとする。\n\nサーバOSは Windows Server 2012 とする。\n`, c).findings).toEqual([]);
      expect(locs(lint(`${term}は令和2年4月1日から令和6年3月31日までとする。\n\nサーバOSは Windows Server 2012 とする。\n`, c))).toEqual([["eol", 3, 8, 3, 27]]);
    }
  });
  it("parses Japanese and western dates", () => {
    expect(findDates("令和9年3月31日、2027年3月31日、令和元年5月1日、平成31年4月末、2027/3/1").map((d) => d.iso))
      .toEqual(["2027-03-31", "2027-03-31", "2019-05-01", "2019-04-30", "2027-03-01"]);
    // the other calendar's year in brackets beside the year
    expect(findDates("令和2(2020)年3月1日から令和7（2025）年2月28日まで、2021（令和3）年4月末").map((d) => d.iso))
      .toEqual(["2020-03-01", "2025-02-28", "2021-04-30"]);
  });
  it("reads a contract period written with both calendars' years", () => {
    // a lease ending before Windows Server 2012's end of support (2023-10-10) names a supported product; one after it does not
    expect(lint("賃貸借期間は令和2(2020)年4月1日から令和5(2023)年3月31日までとする。\n\nサーバOSは Windows Server 2012 とする。\n", c).findings)
      .toEqual([]);
    expect(locs(lint("賃貸借期間は2020（令和2）年4月1日から2024（令和6）年3月31日までとする。\n\nサーバOSは Windows Server 2012 とする。\n", c)))
      .toEqual([["eol", 3, 8, 3, 27]]);
  });
});
