// styles.xml: heading levels come from style NAMES (English or Japanese) or outlineLvl, never from
// style ids, because Japanese Word names its heading styles with ids like "1", "2".
import { parseXml, onOff, type Attrs } from "./xml.js";

export interface StyleInfo {
  id: string;
  type: string;
  name?: string;
  basedOn?: string;
  outlineLvl?: number;
  numId?: string;
  ilvl?: number;
  /** Character formatting of the style hides text (w:vanish). */
  vanish?: boolean;
}

export class Styles {
  readonly byId = new Map<string, StyleInfo>();
  defaultParagraph?: string;
  // Resolved per style id once: they are asked for every run and paragraph.
  private headingCache = new Map<string | undefined, number | undefined>();
  private vanishCache = new Map<string | undefined, boolean | undefined>();
  private numberingCache = new Map<string | undefined, { numId?: string; ilvl?: number }>();

  /** Follows basedOn until `pick` answers; stops on cycles. */
  private walk<T>(id: string | undefined, pick: (s: StyleInfo) => T | undefined): T | undefined {
    const seen = new Set<string>();
    while (id !== undefined && !seen.has(id)) {
      seen.add(id);
      const s = this.byId.get(id);
      if (!s) return undefined;
      const v = pick(s);
      if (v !== undefined) return v;
      id = s.basedOn;
    }
    return undefined;
  }

  /** Heading level 1–9 of a paragraph style, or undefined for body text. */
  headingLevel(styleId: string | undefined): number | undefined {
    if (this.headingCache.has(styleId)) return this.headingCache.get(styleId);
    const lvl = this.walk(styleId ?? this.defaultParagraph, (s) => {
      const byName = headingLevelFromName(s.name);
      if (byName !== undefined) return byName;
      if (s.outlineLvl !== undefined) return s.outlineLvl + 1;
      return undefined;
    });
    const result = lvl !== undefined && lvl >= 1 && lvl <= 9 ? lvl : undefined;
    this.headingCache.set(styleId, result);
    return result;
  }

  numbering(styleId: string | undefined): { numId?: string; ilvl?: number } {
    let r = this.numberingCache.get(styleId);
    if (!r) {
      r = { numId: this.walk(styleId, (s) => s.numId), ilvl: this.walk(styleId, (s) => s.ilvl) };
      this.numberingCache.set(styleId, r);
    }
    return r;
  }

  vanish(styleId: string | undefined): boolean | undefined {
    if (styleId === undefined) return undefined;
    if (this.vanishCache.has(styleId)) return this.vanishCache.get(styleId);
    const v = this.walk(styleId, (s) => s.vanish);
    this.vanishCache.set(styleId, v);
    return v;
  }
}

const HEADING_NAME = /^(?:heading|見出し)\s*([1-9１-９])$/i;

export function headingLevelFromName(name: string | undefined): number | undefined {
  if (!name) return undefined;
  const m = HEADING_NAME.exec(name.trim());
  if (!m) return undefined;
  return Number(m[1]!.normalize("NFKC"));
}

export function parseStyles(bytes: Uint8Array | undefined, part = "word/styles.xml"): Styles {
  const styles = new Styles();
  if (!bytes) return styles;
  let cur: StyleInfo | undefined;
  let inRPr = 0;
  let inPPr = 0;
  let skip = 0;
  parseXml(bytes, part, {
    open(name: string, a: Attrs) {
      if (skip) { skip++; return; }
      switch (name) {
        case "w:style":
          cur = { id: a["w:styleId"] ?? "", type: a["w:type"] ?? "paragraph" };
          if (a["w:default"] && onOff({ "w:val": a["w:default"] }) && cur.type === "paragraph") styles.defaultParagraph = cur.id;
          break;
        case "w:pPrChange": case "w:rPrChange": skip = 1; break;
        case "w:name": if (cur) cur.name = a["w:val"]; break;
        case "w:basedOn": if (cur) cur.basedOn = a["w:val"]; break;
        case "w:pPr": inPPr++; break;
        case "w:rPr": inRPr++; break;
        case "w:outlineLvl": if (cur && inPPr) cur.outlineLvl = Number(a["w:val"]); break;
        case "w:numId": if (cur && inPPr) cur.numId = a["w:val"]; break;
        case "w:ilvl": if (cur && inPPr) cur.ilvl = Number(a["w:val"]); break;
        case "w:vanish": if (cur && inRPr) cur.vanish = onOff(a); break;
      }
    },
    close(name: string) {
      if (skip) { skip--; return; }
      if (name === "w:style" && cur) { styles.byId.set(cur.id, cur); cur = undefined; }
      else if (name === "w:pPr") inPPr--;
      else if (name === "w:rPr") inRPr--;
    },
    text() {},
  });
  return styles;
}
