// Streaming XML over saxes. Any DOCTYPE is refused outright: OOXML never needs one, and refusing
// it is the simplest way to make sure no entity (billion laughs, external entities) is expanded.
import { isUtf8 } from "node:buffer";
import { SaxesParser } from "saxes";
import { InputError } from "../errors.js";
import { describeXmlError } from "./xml-errors.js";

export type Attrs = Record<string, string>;

export interface XmlHandler {
  open(name: string, attrs: Attrs): void;
  close(name: string): void;
  text(text: string): void;
}

export function decodePart(bytes: Uint8Array, part: string): string {
  try {
    if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le", { fatal: true }).decode(bytes);
    if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be", { fatal: true }).decode(bytes);
    // isUtf8 + toString is several times faster than a fatal TextDecoder on multi-megabyte parts.
    if (!isUtf8(bytes)) throw new Error("invalid UTF-8");
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    throw new InputError("corrupt-docx", "docx.bad-encoding", { part });
  }
}

/** Parses one part; every event goes to `handler`. Errors name the part. */
export function parseXml(bytes: Uint8Array, part: string, handler: XmlHandler): void {
  const xml = decodePart(bytes, part);
  // Cheap pre-check so a DOCTYPE is refused before saxes even starts.
  if (/<!DOCTYPE/i.test(xml.slice(0, 4096)) || xml.includes("<!DOCTYPE")) {
    throw new InputError("corrupt-docx", "docx.doctype", { part });
  }
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on("doctype", () => {
    throw new InputError("corrupt-docx", "docx.doctype", { part });
  });
  parser.on("opentag", (tag) => handler.open(tag.name, tag.attributes as Attrs));
  parser.on("closetag", (tag) => handler.close(tag.name));
  parser.on("text", (text) => handler.text(text));
  parser.on("cdata", (text) => handler.text(text));
  try {
    parser.write(xml).close();
  } catch (err) {
    if (err instanceof InputError) throw err;
    const { reason, params } = describeXmlError((err as Error).message);
    throw new InputError("corrupt-docx", `docx.bad-xml.${reason}`, { part, ...params });
  }
}

/** OOXML on/off attribute: absent or anything but false/0/off means on. */
export function onOff(attrs: Attrs): boolean {
  const v = attrs["w:val"];
  return v === undefined || !(v === "0" || v === "false" || v === "off");
}
