import { describe, expect, it } from "vitest";
import { COVER_BLOCKS, HEISEI_END, dateLine, writtenBy, writtenDate } from "../../src/text/written-date.js";

describe("the date a specification was written (its cover date line)", () => {
  it("reads era and western year-month lines, with a day and cover words", () => {
    expect(dateLine("令和2年8月")).toBe("2020-08-01");
    expect(dateLine("令和元年１１月１日")).toBe("2019-11-01");
    expect(dateLine("（平成31年3月 作成）")).toBe("2019-03-01");
    expect(dateLine("2024年4月 改定")).toBe("2024-04-01");
    expect(dateLine("令和2(2020)年8月")).toBe("2020-08-01");
    expect(dateLine("2019（令和元）年11月1日")).toBe("2019-11-01");
    // the issuing office on the same line, as a PDF cover joins them
    expect(dateLine("平成27年1月9日佐賀県統括本部情報・業務改革課")).toBe("2015-01-09");
    expect(dateLine("令和5年4月 〇〇市総務局情報政策課")).toBe("2023-04-01");
  });
  it("is not a sentence or a period that holds a date", () => {
    expect(dateLine("契約期間は令和2年4月1日から令和3年3月31日までとする。")).toBeUndefined();
    expect(dateLine("令和3年度~令和5年度")).toBeUndefined();
    expect(dateLine("令和2年13月")).toBeUndefined();
    expect(dateLine("令和2年4月1日から本市が実施する")).toBeUndefined();
    expect(dateLine("令和2年4月1日、情報政策課")).toBeUndefined();
    expect(dateLine("令和2年4月1日から本市")).toBeUndefined();
  });
  it("takes the first date line of the cover, and nothing beyond it", () => {
    expect(writtenDate(["令和3年度~令和5年度", "旅費等システム運用業務\n調達仕様書", "令和2年8月", "経済産業省"])).toBe("2020-08-01");
    expect(writtenDate([...Array(COVER_BLOCKS).fill("本文。"), "令和2年8月"])).toBeUndefined();
  });
});

describe("the latest a document can have been written, by the era of its dates", () => {
  it("is the end of 平成 for a document dated only in 平成, and unknown otherwise", () => {
    expect(writtenBy(["履行期限は平成32年3月31日とする。", "平成28年度に導入した機器"])).toBe(HEISEI_END);
    expect(writtenBy(["履行期限は平成32年3月31日とする。", "様式は令和元年版による。"])).toBeUndefined();
    expect(writtenBy(["平成28年度に導入した機器", "2021年4月から運用する。"])).toBeUndefined();
    expect(writtenBy(["2018年4月から運用する。"])).toBeUndefined();
  });
});
