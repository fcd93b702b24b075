// Aho–Corasick over UTF-16 code units: every literal of every rule found in one pass over a text.

export interface AcMatch { pattern: number; start: number; end: number }

/**
 * A built automaton as plain arrays (JSON-safe), so a build step can store it and a cold start
 * restore it instead of building the trie and its failure links again. `goto` is per node
 * [code unit, next node, …]; `out` the patterns ending at each node, suffix links included.
 */
export interface AcState { goto: number[][]; fail: number[]; out: number[][] }

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

  /** `state`: the automaton of these same patterns as `state()` gave it; nothing is rebuilt. */
  constructor(patterns: readonly string[], state?: AcState) {
    this.lengths = patterns.map((p) => p.length);
    if (state) {
      this.goto.length = 0;   // the stored root replaces the field initialiser's
      for (const edges of state.goto) {
        const m = new Map<number, number>();
        for (let k = 0; k < edges.length; k += 2) m.set(edges[k]!, edges[k + 1]!);
        this.goto.push(m);
      }
      for (const [c, nx] of this.goto[0]!) this.rootNext[c] = nx;
      this.fail = Int32Array.from(state.fail);
      this.out = state.out;
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
  }

  state(): AcState {
    return { goto: this.goto.map((m) => [...m].flat()), fail: [...this.fail], out: this.out };
  }

  /** All (possibly overlapping) matches, in order of their end offset. */
  scan(text: string, onMatch: (pattern: number, start: number, end: number) => void): void {
    let node = 0;
    const goto = this.goto; const fail = this.fail; const out = this.out; const lengths = this.lengths; const rootNext = this.rootNext;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (node !== 0) {
        // Follow failure links until a node has a transition on c; the root always has one (its table).
        let nx = goto[node]!.get(c);
        while (nx === undefined) {
          node = fail[node]!;
          if (node === 0) break;
          nx = goto[node]!.get(c);
        }
        if (nx !== undefined) {
          node = nx;
          const o = out[node]!;
          for (let k = 0; k < o.length; k++) { const p = o[k]!; onMatch(p, i + 1 - lengths[p]!, i + 1); }
          continue;
        }
      }
      node = rootNext[c]!;
      const o = out[node]!;
      for (let k = 0; k < o.length; k++) { const p = o[k]!; onMatch(p, i + 1 - lengths[p]!, i + 1); }
    }
  }
}
