// Aho–Corasick over UTF-16 code units: every literal of every rule found in one pass over a text.

export interface AcMatch { pattern: number; start: number; end: number }

/**
 * A built automaton as flat arrays of numbers (JSON-safe, and quick to parse: a handful of arrays
 * rather than one per node), so a build step can store it and a cold start restore it instead of
 * building the trie and its failure links again. Node i > 0 is reached from `parent[i]` on code
 * unit `char[i]`; the patterns ending at node i (suffix links included) are
 * `outIds[outStart[i] .. outStart[i + 1]]`.
 */
export interface AcState { parent: number[]; char: number[]; fail: number[]; outStart: number[]; outIds: number[] }

export class AhoCorasick {
  private readonly goto: Map<number, number>[] = [new Map()];
  private readonly fail: Int32Array;
  /** Patterns ending at each node, through dictionary suffix links. */
  private readonly out: number[][];
  private readonly lengths: number[];
  /**
   * The root's transitions as a table over all UTF-16 code units (0: stay at the root). Most
   * characters of a text start no literal, so most steps are at the root; a table read there
   * instead of a Map lookup roughly halves a scan.
   */
  private readonly rootNext = new Int32Array(0x10000);
  /**
   * The other nodes' transitions in one open-addressing table (node, code unit) → node, read in
   * the scan instead of a Map per node: a probe of three typed arrays, no hashing of boxed keys.
   */
  private readonly edgeNode: Int32Array;
  private readonly edgeChar: Uint16Array;
  private readonly edgeNext: Int32Array;
  private readonly edgeMask: number;

  /** `state`: the automaton of these same patterns as `state()` gave it; nothing is rebuilt. */
  constructor(patterns: readonly string[], state?: AcState) {
    this.lengths = patterns.map((p) => p.length);
    if (state) {
      const nodes = state.fail.length;
      for (let i = 1; i < nodes; i++) this.goto.push(new Map());
      for (let i = 1; i < nodes; i++) this.goto[state.parent[i]!]!.set(state.char[i]!, i);
      for (const [c, nx] of this.goto[0]!) this.rootNext[c] = nx;
      this.fail = Int32Array.from(state.fail);
      // Most nodes end no pattern; they share one empty list (scan only reads these).
      const none: number[] = [];
      this.out = Array.from({ length: nodes }, (_, i) =>
        state.outStart[i] === state.outStart[i + 1] ? none : state.outIds.slice(state.outStart[i], state.outStart[i + 1]));
      ({ node: this.edgeNode, char: this.edgeChar, next: this.edgeNext, mask: this.edgeMask } = edgeTable(this.goto));
      return;
    }
    const outs: number[][] = [[]];
    patterns.forEach((p, id) => {
      if (!p) return;
      let node = 0;
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        let nx = this.goto[node]!.get(c);
        if (nx === undefined) { nx = this.goto.length; this.goto.push(new Map()); outs.push([]); this.goto[node]!.set(c, nx); }
        node = nx;
      }
      outs[node]!.push(id);
    });
    for (const [c, nx] of this.goto[0]!) this.rootNext[c] = nx;
    this.fail = new Int32Array(this.goto.length);
    const queue: number[] = [];
    for (const nx of this.goto[0]!.values()) queue.push(nx);
    for (let qi = 0; qi < queue.length; qi++) {
      const node = queue[qi]!;
      for (const [c, nx] of this.goto[node]!) {
        let f = this.fail[node]!;
        while (f !== 0 && !this.goto[f]!.has(c)) f = this.fail[f]!;
        const target = this.goto[f]!.get(c);
        this.fail[nx] = target !== undefined && target !== nx ? target : 0;
        const inherited = outs[this.fail[nx]!]!;
        if (inherited.length) outs[nx] = outs[nx]!.concat(inherited);
        queue.push(nx);
      }
    }
    this.out = outs;
    ({ node: this.edgeNode, char: this.edgeChar, next: this.edgeNext, mask: this.edgeMask } = edgeTable(this.goto));
  }

  state(): AcState {
    const nodes = this.goto.length;
    const parent = new Array<number>(nodes).fill(0);
    const char = new Array<number>(nodes).fill(0);
    this.goto.forEach((edges, node) => { for (const [c, nx] of edges) { parent[nx] = node; char[nx] = c; } });
    const outStart = [0];
    const outIds: number[] = [];
    for (const o of this.out) { outIds.push(...o); outStart.push(outIds.length); }
    return { parent, char, fail: [...this.fail], outStart, outIds };
  }

  /** All (possibly overlapping) matches, in order of their end offset. */
  scan(text: string, onMatch: (pattern: number, start: number, end: number) => void): void {
    let node = 0;
    const fail = this.fail; const out = this.out; const lengths = this.lengths; const rootNext = this.rootNext;
    const edgeNode = this.edgeNode; const edgeChar = this.edgeChar; const edgeNext = this.edgeNext; const mask = this.edgeMask;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // Follow failure links until a node has a transition on c; the root always has one (its table).
      while (node !== 0) {
        let h = edgeHash(node, c) & mask;
        let nx = -1;
        for (let k = edgeNode[h]!; k !== -1; k = edgeNode[h = (h + 1) & mask]!) {
          if (k === node && edgeChar[h] === c) { nx = edgeNext[h]!; break; }
        }
        if (nx >= 0) { node = nx; break; }
        node = fail[node]!;
      }
      if (node === 0) node = rootNext[c]!;
      const o = out[node]!;
      for (let k = 0; k < o.length; k++) { const p = o[k]!; onMatch(p, i + 1 - lengths[p]!, i + 1); }
    }
  }
}

/** The non-root transitions of `goto` in one open-addressing table (built, or restored from a stored state). */
function edgeTable(goto: readonly Map<number, number>[]): { node: Int32Array; char: Uint16Array; next: Int32Array; mask: number } {
  let edges = 0;
  for (let node = 1; node < goto.length; node++) edges += goto[node]!.size;
  let size = 16;
  while (size < edges * 2) size *= 2;
  const t = { node: new Int32Array(size).fill(-1), char: new Uint16Array(size), next: new Int32Array(size), mask: size - 1 };
  for (let node = 1; node < goto.length; node++) {
    for (const [c, nx] of goto[node]!) {
      let h = edgeHash(node, c) & t.mask;
      while (t.node[h] !== -1) h = (h + 1) & t.mask;
      t.node[h] = node; t.char[h] = c; t.next[h] = nx;
    }
  }
  return t;
}

/** Hash of a transition (node, code unit) for the edge table. */
function edgeHash(node: number, c: number): number {
  const x = Math.imul(node, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b);
  return (x ^ (x >>> 15)) >>> 0;
}
