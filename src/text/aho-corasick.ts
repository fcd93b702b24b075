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
  private readonly fail: Int32Array;
  /** Patterns ending at each node, through dictionary suffix links: `outIds[outStart[i] .. outStart[i + 1]]`. */
  private readonly outStart: Int32Array;
  private readonly outIds: Int32Array;
  private readonly lengths: number[];
  /**
   * The root's transitions as a table over all UTF-16 code units (0: stay at the root). Most
   * characters of a text start no literal, so most steps are at the root; a table read there
   * instead of a Map lookup roughly halves a scan.
   */
  private readonly rootNext = new Int32Array(0x10000);
  /**
   * The other nodes' transitions, each node's laid end to end and sorted by code unit: node i's are
   * `edgeChar/edgeNext[edgeStart[i] .. edgeStart[i + 1]]`. Most nodes of a trie of words have one
   * or two, so a step reads a short run of adjacent entries instead of probing a hash table at a
   * random place (two hashes and three scattered reads per step, most of them a miss on a failure link).
   */
  private readonly edgeStart: Int32Array;
  private readonly edgeChar: Uint16Array;
  private readonly edgeNext: Int32Array;
  private readonly saved: AcState;

  /**
   * `state`: the automaton of these same patterns as `state()` gave it; nothing is rebuilt, and the
   * tables are read straight off its arrays (a worker restores the built-in automaton of ~11 000
   * nodes before its first file: a Map per node made that a tenth of a second).
   */
  constructor(patterns: readonly string[], state: AcState = build(patterns)) {
    this.lengths = patterns.map((p) => p.length);
    this.saved = state;
    const { parent, char } = state;
    this.fail = Int32Array.from(state.fail);
    this.outStart = Int32Array.from(state.outStart);
    this.outIds = Int32Array.from(state.outIds);
    const nodes = parent.length;
    const degree = new Int32Array(nodes + 1);
    for (let i = 1; i < nodes; i++) {
      if (parent[i] === 0) this.rootNext[char[i]!] = i;
      else degree[parent[i]!]!++;
    }
    this.edgeStart = new Int32Array(nodes + 1);
    for (let i = 0; i < nodes; i++) this.edgeStart[i + 1] = this.edgeStart[i]! + degree[i]!;
    const edges = this.edgeStart[nodes]!;
    this.edgeChar = new Uint16Array(edges);
    this.edgeNext = new Int32Array(edges);
    const fill = this.edgeStart.slice(0, nodes);
    for (let i = 1; i < nodes; i++) {
      const node = parent[i]!;
      if (node === 0) continue;
      // Insertion into the node's sorted run (runs are short).
      let k = fill[node]!++;
      while (k > this.edgeStart[node]! && this.edgeChar[k - 1]! > char[i]!) {
        this.edgeChar[k] = this.edgeChar[k - 1]!; this.edgeNext[k] = this.edgeNext[k - 1]!; k--;
      }
      this.edgeChar[k] = char[i]!; this.edgeNext[k] = i;
    }
  }

  state(): AcState {
    return this.saved;
  }

  /** All (possibly overlapping) matches, in order of their end offset. */
  scan(text: string, onMatch: (pattern: number, start: number, end: number) => void): void {
    let node = 0;
    const fail = this.fail; const outStart = this.outStart; const outIds = this.outIds; const lengths = this.lengths; const rootNext = this.rootNext;
    const edgeStart = this.edgeStart; const edgeChar = this.edgeChar; const edgeNext = this.edgeNext;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // Follow failure links until a node has a transition on c; the root always has one (its table).
      while (node !== 0) {
        let nx = -1;
        for (let k = edgeStart[node]!, last = edgeStart[node + 1]!; k < last; k++) {
          const ec = edgeChar[k]!;
          if (ec >= c) { if (ec === c) nx = edgeNext[k]!; break; }
        }
        if (nx >= 0) { node = nx; break; }
        node = fail[node]!;
      }
      if (node === 0) node = rootNext[c]!;
      for (let k = outStart[node]!, last = outStart[node + 1]!; k < last; k++) { const p = outIds[k]!; onMatch(p, i + 1 - lengths[p]!, i + 1); }
    }
  }
}

/** The automaton of `patterns` (the trie, its failure links and outputs), built with a Map per node. */
function build(patterns: readonly string[]): AcState {
  const goto: Map<number, number>[] = [new Map()];
  const outs: number[][] = [[]];
  patterns.forEach((p, id) => {
    if (!p) return;
    let node = 0;
    for (let i = 0; i < p.length; i++) {
      const c = p.charCodeAt(i);
      let nx = goto[node]!.get(c);
      if (nx === undefined) { nx = goto.length; goto.push(new Map()); outs.push([]); goto[node]!.set(c, nx); }
      node = nx;
    }
    outs[node]!.push(id);
  });
  const fail = new Array<number>(goto.length).fill(0);
  const queue: number[] = [...goto[0]!.values()];
  for (let qi = 0; qi < queue.length; qi++) {
    const node = queue[qi]!;
    for (const [c, nx] of goto[node]!) {
      let f = fail[node]!;
      while (f !== 0 && !goto[f]!.has(c)) f = fail[f]!;
      const target = goto[f]!.get(c);
      fail[nx] = target !== undefined && target !== nx ? target : 0;
      const inherited = outs[fail[nx]!]!;
      if (inherited.length) outs[nx] = outs[nx]!.concat(inherited);
      queue.push(nx);
    }
  }
  const parent = new Array<number>(goto.length).fill(0);
  const char = new Array<number>(goto.length).fill(0);
  goto.forEach((edges, node) => { for (const [c, nx] of edges) { parent[nx] = node; char[nx] = c; } });
  const outStart = [0];
  const outIds: number[] = [];
  for (const o of outs) { outIds.push(...o); outStart.push(outIds.length); }
  return { parent, char, fail, outStart, outIds };
}
