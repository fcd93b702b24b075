// Make user regexes cheap: a regex whose language is a small finite set of strings
// ("(取得|認証)", "ISO ?/ ?IEC ?27001") becomes plain literals for the Aho–Corasick pass; for the
// others we derive literals one of which every match must contain, so the regex only runs on
// the blocks where the automaton saw one. Unsupported syntax simply gets no shortcut.

type Node =
  | { t: "lit"; s: string }
  | { t: "set"; chars: string[] }
  | { t: "any" }
  | { t: "alt"; xs: Node[] }
  | { t: "cat"; xs: Node[] }
  | { t: "rep"; x: Node; min: number; max: number };

const LIMIT = 256;
class Unsupported extends Error {}

function parse(src: string): Node {
  let i = 0;
  const peek = () => src[i];
  const alt = (): Node => {
    const xs = [cat()];
    while (peek() === "|") { i++; xs.push(cat()); }
    return xs.length === 1 ? xs[0]! : { t: "alt", xs };
  };
  const cat = (): Node => {
    const xs: Node[] = [];
    while (i < src.length && peek() !== "|" && peek() !== ")") xs.push(repeat());
    return xs.length === 1 ? xs[0]! : { t: "cat", xs };
  };
  const repeat = (): Node => {
    let x = atom();
    for (;;) {
      const c = peek();
      let min: number; let max: number;
      if (c === "?") { min = 0; max = 1; i++; }
      else if (c === "*") { min = 0; max = Infinity; i++; }
      else if (c === "+") { min = 1; max = Infinity; i++; }
      else if (c === "{") {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
        if (!m) throw new Unsupported();
        min = Number(m[1]); max = m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]);
        i += m[0].length;
      } else return x;
      if (peek() === "?") i++; // lazy: same language
      x = { t: "rep", x, min, max };
    }
  };
  const escape = (inClass: boolean): Node => {
    const c = src[i++];
    if (c === undefined) throw new Unsupported();
    if (c === "b" && !inClass) return { t: "lit", s: "" }; // the automaton checks ASCII word edges itself
    if (/[dDwWsSpPBAzQE]/.test(c)) {
      if (c === "p" || c === "P") { if (peek() === "{") i = src.indexOf("}", i) + 1; else i++; if (i <= 0) throw new Unsupported(); }
      return { t: "any" };
    }
    if (/[nrtfv0-9xu]/.test(c)) throw new Unsupported();
    return { t: "lit", s: c };
  };
  const atom = (): Node => {
    const c = src[i++];
    if (c === "(") {
      if (src.startsWith("?:", i)) i += 2; else if (peek() === "?") throw new Unsupported();
      const x = alt();
      if (src[i++] !== ")") throw new Unsupported();
      return x;
    }
    if (c === "[") return klass();
    if (c === "\\") return escape(false);
    if (c === "." ) return { t: "any" };
    // Anchors are zero-width: never finite literals, but the other parts' required literals still hold.
    if (c === "^" || c === "$") return { t: "any" };
    if (c === ")" || c === undefined) throw new Unsupported();
    const cp = src.codePointAt(i - 1)!;
    if (cp > 0xffff) { i++; return { t: "lit", s: String.fromCodePoint(cp) }; }
    return { t: "lit", s: c };
  };
  const klass = (): Node => {
    if (peek() === "^") { const end = src.indexOf("]", i + 2); if (end < 0) throw new Unsupported(); i = end + 1; return { t: "any" }; }
    const chars: string[] = [];
    let any = false;
    let first = true;
    while (i < src.length && (peek() !== "]" || first)) {
      first = false;
      let c = src[i++]!;
      if (c === "\\") { const e = escape(true); if (e.t !== "lit") { any = true; continue; } c = e.s; }
      if (peek() === "-" && src[i + 1] !== "]" && src[i + 1] !== undefined) {
        i++;
        let d = src[i++]!;
        if (d === "\\") { const e = escape(true); if (e.t !== "lit") throw new Unsupported(); d = e.s; }
        const a = c.charCodeAt(0); const b = d.charCodeAt(0);
        if (b - a > 12) { any = true; continue; }
        for (let k = a; k <= b; k++) chars.push(String.fromCharCode(k));
      } else chars.push(c);
    }
    if (src[i++] !== "]") throw new Unsupported();
    return any ? { t: "any" } : { t: "set", chars };
  };
  const node = alt();
  if (i !== src.length) throw new Unsupported();
  return node;
}

function product(a: string[], b: string[]): string[] | null {
  if (a.length * b.length > LIMIT) return null;
  const out: string[] = [];
  for (const x of a) for (const y of b) out.push(x + y);
  return out;
}

/** Every string the node matches, if finite and small. */
function enumerate(n: Node): string[] | null {
  switch (n.t) {
    case "lit": return [n.s];
    case "set": return n.chars;
    case "any": return null;
    case "alt": {
      const out: string[] = [];
      for (const x of n.xs) { const e = enumerate(x); if (!e) return null; out.push(...e); if (out.length > LIMIT) return null; }
      return out;
    }
    case "cat": {
      let acc: string[] | null = [""];
      for (const x of n.xs) { const e = enumerate(x); if (!e || !acc) return null; acc = product(acc, e); }
      return acc;
    }
    case "rep": {
      if (n.max > 4) return null;
      const e = enumerate(n.x);
      if (!e) return null;
      const out: string[] = [];
      let acc: string[] | null = [""];
      for (let k = 0; k <= n.max; k++) {
        if (!acc) return null;
        if (k >= n.min) out.push(...acc);
        if (out.length > LIMIT) return null;
        if (k < n.max) acc = product(acc, e);
      }
      return out;
    }
  }
}

function strength(set: string[]): number {
  return set.length ? Math.min(...set.map((s) => s.length)) : 0;
}

/** Literals one of which every match contains, or null. */
function required(n: Node): string[] | null {
  switch (n.t) {
    case "lit": return n.s ? [n.s] : null;
    case "set": return n.chars;
    case "any": return null;
    case "alt": {
      const out: string[] = [];
      for (const x of n.xs) { const r = required(x); if (!r) return null; out.push(...r); }
      return out;
    }
    case "rep": return n.min >= 1 ? required(n.x) : null;
    case "cat": {
      const candidates: string[][] = [];
      let run: string[] | null = null;
      for (const x of n.xs) {
        const e = enumerate(x);
        if (e) { run = run ? product(run, e) ?? e : e; continue; }
        if (run) candidates.push(run);
        run = null;
        const r = required(x);
        if (r) candidates.push(r);
      }
      if (run) candidates.push(run);
      let best: string[] | null = null;
      for (const c of candidates) if (strength(c) > 0 && (!best || strength(c) > strength(best))) best = c;
      return best;
    }
  }
}

/**
 * Every set of literals one of which every match contains: a match contains a literal of each set.
 * `required` gives the strongest single set; this gives all the ones found, so a prefilter can ask
 * a line for all of them (「情報…紛失」 runs only where both words occur, not wherever 情報 does).
 */
function requiredSets(n: Node): string[][] {
  switch (n.t) {
    case "lit": return n.s ? [[n.s]] : [];
    case "set": return [n.chars];
    case "any": return [];
    case "alt": { const r = required(n); return r ? [r] : []; }
    case "rep": return n.min >= 1 ? requiredSets(n.x) : [];
    case "cat": {
      const sets: string[][] = [];
      let run: string[] | null = null;
      for (const x of n.xs) {
        const e = enumerate(x);
        if (e) {
          const joined: string[] | null = run ? product(run, e) : e;
          if (joined) { run = joined; continue; }
          sets.push(run!);
          run = e;
          continue;
        }
        if (run) sets.push(run);
        run = null;
        sets.push(...requiredSets(x));
      }
      if (run) sets.push(run);
      return sets.filter((c) => strength(c) > 0);
    }
  }
}

/** A literal containing another one of its set adds nothing to a prefilter. */
function minimal(set: string[]): string[] {
  const uniq = [...new Set(set)];
  return uniq.filter((s) => !uniq.some((t) => t !== s && s.includes(t)));
}

export type RegexShortcut =
  | { kind: "literals"; literals: string[] }
  /** `literals`: the strongest required set; `all`: every required set found (it among them). */
  | { kind: "prefilter"; literals: string[]; all: string[][] }
  | { kind: "none" };

/** How to run `pattern` cheaply (pattern already NFKC-normalised; the caller normalises literals). */
export function regexShortcut(pattern: string): RegexShortcut {
  let node: Node;
  try { node = parse(pattern); } catch { return { kind: "none" }; }
  const all = enumerate(node);
  if (all && all.every((s) => s.length > 0)) return { kind: "literals", literals: [...new Set(all)] };
  const req = required(node);
  if (req && req.every((s) => s.length > 0)) {
    const literals = minimal(req);
    const all = [literals];
    const seen = new Set([literals.join("\u0000")]);
    for (const set of requiredSets(node)) {
      if (!set.every((s) => s.length > 0)) continue;
      const m = minimal(set);
      const key = m.join("\u0000");
      if (!seen.has(key)) { seen.add(key); all.push(m); }
    }
    return { kind: "prefilter", literals, all };
  }
  return { kind: "none" };
}

/**
 * Whether every match of an RE2 `pattern` on a subject without a line break starts at the subject's
 * first character: the pattern opens with `^` (after a leading flag group; with or without (?m), ^
 * matches only at the start of such a subject) and has no alternative outside a group. The matcher
 * then asks RE2JS for the anchored match alone (lookingAt) instead of searching every position of a
 * candidate line. Syntax this scan does not follow (\Q…\E, POSIX classes) answers false.
 */
export function anchoredAtStart(pattern: string): boolean {
  const body = pattern.replace(/^\(\?[a-zA-Z]+\)/, "");
  if (body[0] !== "^" || /^\^[*+?{]/.test(body) || body.includes("\\Q") || body.includes("[:")) return false;
  let depth = 0;
  for (let i = 1; i < body.length; i++) {
    const c = body[i];
    if (c === "\\") { i++; continue; }
    if (c === "[") {
      // A class: `]` right after `[` or `[^` is a member, and escapes may hide a `]`.
      i++;
      if (body[i] === "^") i++;
      if (body[i] === "]") i++;
      while (i < body.length && body[i] !== "]") i += body[i] === "\\" ? 2 : 1;
      continue;
    }
    if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) return false;
  }
  return true;
}
