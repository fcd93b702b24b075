// numbering.xml → the labels Word displays (「第3章」「（２）」「ア」). Counters are kept per
// abstractNum, so lists that share one continue each other, unless a num overrides a start value
// (then it is its own list instance), as Word does.
import { parseXml, type Attrs } from "./xml.js";
import { formatNumber } from "./numfmt.js";

interface Level {
  start: number;
  numFmt?: string;
  lvlText?: string;
  isLgl: boolean;
  /** 0 = never restart; otherwise restart after a level < this (1-based) is used. */
  lvlRestart?: number;
  pStyle?: string;
}

interface AbstractNum {
  levels: Level[];
  /** The list is defined by a numbering style (w:numStyleLink): its levels live elsewhere. */
  numStyleLink?: string;
}

interface NumDef {
  abstractId: string;
  startOverride: Map<number, number>;
  levelOverride: Map<number, Level>;
}

export class Numbering {
  readonly abstracts = new Map<string, AbstractNum>();
  readonly nums = new Map<string, NumDef>();
  private counters = new Map<string, (number | undefined)[]>();
  /** numbering style id → numId of that style (from styles.xml), for w:numStyleLink. */
  styleNumId: (styleId: string) => string | undefined = () => undefined;

  /** The abstractNum that really holds the levels, following one numStyleLink hop. */
  private abstractIdOf(num: NumDef): string {
    const abs = this.abstracts.get(num.abstractId);
    if (abs?.numStyleLink) {
      const linked = this.nums.get(this.styleNumId(abs.numStyleLink) ?? "");
      if (linked && linked.abstractId !== num.abstractId) return linked.abstractId;
    }
    return num.abstractId;
  }

  private level(num: NumDef, ilvl: number): Level | undefined {
    return num.levelOverride.get(ilvl) ?? this.abstracts.get(this.abstractIdOf(num))?.levels[ilvl];
  }

  /** The level a style is linked to in the list (abstractNum lvl/pStyle), if any. */
  styleLevel(numId: string, styleId: string): number | undefined {
    const num = this.nums.get(numId);
    const abs = num && this.abstracts.get(this.abstractIdOf(num));
    if (!abs) return undefined;
    const i = abs.levels.findIndex((l) => l?.pStyle === styleId);
    return i >= 0 ? i : undefined;
  }

  /** Advances the counters for one numbered paragraph and returns its label ("" for numFmt none). */
  next(numId: string, ilvl: number): string | undefined {
    const num = this.nums.get(numId);
    if (!num) return undefined;
    const lvl = this.level(num, ilvl);
    if (!lvl) return undefined;
    const key = num.startOverride.size > 0 || num.levelOverride.size > 0 ? "n" + numId : "a" + this.abstractIdOf(num);
    let counts = this.counters.get(key);
    if (!counts) { counts = []; this.counters.set(key, counts); }
    const start = (i: number): number => num.startOverride.get(i) ?? this.level(num, i)?.start ?? 1;
    counts[ilvl] = counts[ilvl] === undefined ? start(ilvl) : counts[ilvl]! + 1;
    for (let deeper = ilvl + 1; deeper < 9; deeper++) {
      const d = this.level(num, deeper);
      if (d?.lvlRestart === 0) continue;
      if (d?.lvlRestart !== undefined && ilvl + 1 >= d.lvlRestart) continue;
      counts[deeper] = undefined;
    }
    if (lvl.numFmt === "bullet") return bulletLabel(lvl.lvlText);
    const text = lvl.lvlText ?? `%${ilvl + 1}.`;
    return text.replace(/%([1-9])/g, (_, d: string) => {
      const i = Number(d) - 1;
      const l = this.level(num, i);
      const value = counts![i] ?? start(i);
      return formatNumber(value, lvl.isLgl ? "decimal" : l?.numFmt);
    });
  }
}

function bulletLabel(text: string | undefined): string {
  if (!text) return "•";
  // Symbol/Wingdings bullets live in the private use area; show a plain bullet instead.
  const cp = text.codePointAt(0) ?? 0;
  return cp >= 0xe000 && cp <= 0xf8ff ? "•" : text;
}

export function parseNumbering(bytes: Uint8Array | undefined, part = "word/numbering.xml"): Numbering {
  const numbering = new Numbering();
  if (!bytes) return numbering;
  let abs: AbstractNum | undefined;
  let absId = "";
  let num: NumDef | undefined;
  let numId = "";
  let lvl: Level | undefined;
  let lvlIndex = 0;
  let overrideIlvl: number | undefined;
  let skip = 0;
  parseXml(bytes, part, {
    open(name: string, a: Attrs) {
      if (skip) { skip++; return; }
      switch (name) {
        case "w:abstractNum": abs = { levels: [] }; absId = a["w:abstractNumId"] ?? ""; break;
        case "w:num": num = { abstractId: "", startOverride: new Map(), levelOverride: new Map() }; numId = a["w:numId"] ?? ""; break;
        case "w:abstractNumId": if (num) num.abstractId = a["w:val"] ?? ""; break;
        case "w:numStyleLink": if (abs) abs.numStyleLink = a["w:val"]; break;
        case "w:lvlOverride": overrideIlvl = Number(a["w:ilvl"] ?? 0); break;
        case "w:startOverride":
          if (num && overrideIlvl !== undefined) num.startOverride.set(overrideIlvl, Number(a["w:val"] ?? 1));
          break;
        case "w:lvl": lvl = { start: 1, isLgl: false }; lvlIndex = Number(a["w:ilvl"] ?? 0); break;
        case "w:start": if (lvl) lvl.start = Number(a["w:val"] ?? 1); break;
        case "w:numFmt": if (lvl) lvl.numFmt = a["w:val"]; break;
        case "w:lvlText": if (lvl) lvl.lvlText = a["w:val"]; break;
        case "w:isLgl": if (lvl) lvl.isLgl = a["w:val"] !== "0" && a["w:val"] !== "false"; break;
        case "w:lvlRestart": if (lvl) lvl.lvlRestart = Number(a["w:val"]); break;
        case "w:pStyle": if (lvl) lvl.pStyle = a["w:val"]; break;
        case "w:pPr": case "w:rPr": skip = 1; break;
      }
    },
    close(name: string) {
      if (skip) { skip--; return; }
      switch (name) {
        case "w:lvl":
          if (lvl) {
            if (num && overrideIlvl !== undefined) num.levelOverride.set(overrideIlvl, lvl);
            else if (abs) abs.levels[lvlIndex] = lvl;
          }
          lvl = undefined;
          break;
        case "w:abstractNum": if (abs) numbering.abstracts.set(absId, abs); abs = undefined; break;
        case "w:num": if (num) numbering.nums.set(numId, num); num = undefined; break;
        case "w:lvlOverride": overrideIlvl = undefined; break;
      }
    },
    text() {},
  });
  return numbering;
}
