// A tag scanner over an XML string that reports where each tag starts and ends, which a SAX
// parser does not: the writer inserts text at exact offsets and leaves every other byte alone.
// The input has already been parsed by the reader, so it is well-formed and has no DOCTYPE.

export interface Tag {
  kind: "open" | "close";
  name: string;
  /** Offset of `<`. */
  start: number;
  /** Offset just past `>`. */
  end: number;
  selfClosing: boolean;
}

/** Calls `visit` for every element tag in document order; comments, PIs and CDATA are passed over. */
export function scanTags(xml: string, visit: (tag: Tag) => void): void {
  let i = xml.indexOf("<");
  while (i >= 0 && i < xml.length) {
    if (xml.startsWith("<!--", i)) { i = after(xml, "-->", i); }
    else if (xml.startsWith("<![CDATA[", i)) { i = after(xml, "]]>", i); }
    else if (xml.startsWith("<?", i) || xml.startsWith("<!", i)) { i = after(xml, ">", i); }
    else {
      const end = tagEnd(xml, i);
      const close = xml[i + 1] === "/";
      const nameStart = close ? i + 2 : i + 1;
      let nameEnd = nameStart;
      while (nameEnd < end && !/[\s/>]/.test(xml[nameEnd]!)) nameEnd++;
      const name = xml.slice(nameStart, nameEnd);
      const selfClosing = !close && xml[end - 2] === "/";
      visit({ kind: close ? "close" : "open", name, start: i, end, selfClosing });
      i = end;
    }
    i = xml.indexOf("<", i);
  }
}

function after(xml: string, marker: string, from: number): number {
  const at = xml.indexOf(marker, from);
  return at < 0 ? xml.length : at + marker.length;
}

/** Quote-aware: `>` may appear unescaped inside an attribute value. */
function tagEnd(xml: string, from: number): number {
  let quote = "";
  for (let j = from + 1; j < xml.length; j++) {
    const c = xml[j]!;
    if (quote) { if (c === quote) quote = ""; }
    else if (c === '"' || c === "'") quote = c;
    else if (c === ">") return j + 1;
  }
  return xml.length;
}
