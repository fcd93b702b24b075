// Turns a saxes error message into one of our message reasons (docx.bad-xml.<reason>), so the
// report says in the user's language what is wrong; the parser's own English text is kept only
// for messages we do not recognise.
import type { Params } from "../../i18n/index.js";

export interface XmlErrorReason { reason: string; params: Params }

const RULES: Array<[RegExp, string, (m: RegExpMatchArray) => Params]> = [
  [/^unclosed tag: (.+?)\.?$/, "unclosed-tag", (m) => ({ tag: m[1] })],
  [/^unmatched closing tag: (.+?)\.?$/, "unmatched-close", (m) => ({ tag: m[1] })],
  [/^(unexpected close tag|weird empty close tag)/, "unexpected-close", () => ({})],
  [/^unexpected end/, "unexpected-end", () => ({})],
  [/^document must contain a root element/, "no-root", () => ({})],
  [/^text data outside of root node/, "outside-root", () => ({})],
  [/^documents may contain only one root/, "two-roots", () => ({})],
  [/^duplicate attribute: (.+?)\.?$/, "duplicate-attr", (m) => ({ attr: m[1] })],
  [/^(attribute without value|unquoted attribute value|no whitespace between attributes|value must be quoted|disallowed character in attribute name)/, "bad-attr", () => ({})],
  [/^(undefined entity|malformed character entity|empty entity name|disallowed character in entity name)/, "bad-entity", () => ({})],
  [/^disallowed character/, "bad-char", () => ({})],
  [/^malformed name: (.+?)\.?$/, "bad-name", (m) => ({ name: m[1] })],
];

export function describeXmlError(message: string): XmlErrorReason {
  // saxes prefixes "line:column: " when it tracks positions; we do not, but strip it either way.
  const text = message.split("\n")[0]!.replace(/^(?:[^:]*:)?\d+:\d+: /, "");
  for (const [re, reason, params] of RULES) {
    const m = text.match(re);
    if (m) return { reason, params: params(m) };
  }
  return { reason: "other", params: { raw: text } };
}
