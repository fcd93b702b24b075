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

/**
 * The automaton's scan tables laid end to end in one little-endian buffer, for a build step to write
 * to a file and a cold start to read back as views, without parsing or rebuilding anything (the
 * JSON AcState of the built-in ruleset's ~27 000 nodes took longer to parse and turn into tables
 * than the worker's whole matcher restore besides). Layout: a header of Int32 counts, then the
 * Int32 sections, then the Uint16 ones.
 */
export type PackedAc = Uint8Array;

const PACK_MAGIC = 0x41433031; // "AC01"
const HEADER = 5; // magic, nodes, edges, outIds, root transitions

/** Typed arrays read the platform's byte order: on a big-endian one a stored automaton is not used (the caller builds its own). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** What a scan reads. */
interface Tables {
  fail: Int32Array; outStart: Int32Array; outIds: Int32Array;
  edgeStart: Int32Array; edgeNext: Int32Array; edgeChar: Uint16Array;
  /** The root's transitions as pairs (code unit, node), turned into the 64K-entry table on load. */
  rootNode: Int32Array; rootChar: Uint16Array;
}

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
  private readonly rootNode: Int32Array;
  private readonly rootChar: Uint16Array;

  /**
   * `from`: the automaton of these same patterns as `state()` or `pack()` gave it; nothing is
   * rebuilt (a worker restores the built-in automaton before its first file).
   */
  constructor(patterns: readonly string[], from: AcState | PackedAc = build(patterns)) {
    this.lengths = patterns.map((p) => p.length);
    const t = from instanceof Uint8Array ? unpack(from) : tablesOf(from);
    this.fail = t.fail; this.outStart = t.outStart; this.outIds = t.outIds;
    this.edgeStart = t.edgeStart; this.edgeChar = t.edgeChar; this.edgeNext = t.edgeNext;
    this.rootNode = t.rootNode; this.rootChar = t.rootChar;
    for (let k = 0; k < t.rootNode.length; k++) this.rootNext[t.rootChar[k]!] = t.rootNode[k]!;
  }

  /** The scan tables in one buffer (PackedAc). */
  pack(): PackedAc {
    const nodes = this.fail.length;
    const int32 = [this.fail, this.outStart, this.outIds, this.edgeStart, this.edgeNext, this.rootNode];
    const words = HEADER + int32.reduce((n, a) => n + a.length, 0);
    const halves = this.edgeChar.length + this.rootChar.length;
    const bytes = new Uint8Array(4 * words + 2 * halves);
    const view = new DataView(bytes.buffer);
    [PACK_MAGIC, nodes, this.edgeChar.length, this.outIds.length, this.rootNode.length].forEach((v, i) => view.setInt32(4 * i, v, true));
    let at = 4 * HEADER;
    for (const a of int32) for (let i = 0; i < a.length; i++, at += 4) view.setInt32(at, a[i]!, true);
    for (const a of [this.edgeChar, this.rootChar]) for (let i = 0; i < a.length; i++, at += 2) view.setUint16(at, a[i]!, true);
    return bytes;
  }

  /** The automaton as JSON-safe arrays (node i > 0 is reached from `parent[i]` on `char[i]`). */
  state(): AcState {
    const nodes = this.fail.length;
    const parent = new Array<number>(nodes).fill(0);
    const char = new Array<number>(nodes).fill(0);
    for (let k = 0; k < this.rootNode.length; k++) char[this.rootNode[k]!] = this.rootChar[k]!;
    for (let i = 0; i < nodes; i++) {
      for (let k = this.edgeStart[i]!; k < this.edgeStart[i + 1]!; k++) { parent[this.edgeNext[k]!] = i; char[this.edgeNext[k]!] = this.edgeChar[k]!; }
    }
    return { parent, char, fail: [...this.fail], outStart: [...this.outStart], outIds: [...this.outIds] };
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

/** The scan tables of a state: the parent links turned into each node's sorted run of transitions. */
function tablesOf(state: AcState): Tables {
  const { parent, char } = state;
  const nodes = parent.length;
  const degree = new Int32Array(nodes + 1);
  let roots = 0;
  for (let i = 1; i < nodes; i++) {
    if (parent[i] === 0) roots++;
    else degree[parent[i]!]!++;
  }
  const edgeStart = new Int32Array(nodes + 1);
  for (let i = 0; i < nodes; i++) edgeStart[i + 1] = edgeStart[i]! + degree[i]!;
  const edges = edgeStart[nodes]!;
  const edgeChar = new Uint16Array(edges);
  const edgeNext = new Int32Array(edges);
  const rootNode = new Int32Array(roots);
  const rootChar = new Uint16Array(roots);
  const fill = edgeStart.slice(0, nodes);
  for (let i = 1, r = 0; i < nodes; i++) {
    const node = parent[i]!;
    if (node === 0) { rootNode[r] = i; rootChar[r++] = char[i]!; continue; }
    // Insertion into the node's sorted run (runs are short).
    let k = fill[node]!++;
    while (k > edgeStart[node]! && edgeChar[k - 1]! > char[i]!) {
      edgeChar[k] = edgeChar[k - 1]!; edgeNext[k] = edgeNext[k - 1]!; k--;
    }
    edgeChar[k] = char[i]!; edgeNext[k] = i;
  }
  return { fail: Int32Array.from(state.fail), outStart: Int32Array.from(state.outStart), outIds: Int32Array.from(state.outIds),
    edgeStart, edgeNext, edgeChar, rootNode, rootChar };
}

/** pack()'s buffer as tables: views where it is aligned (a file read whole is), copies otherwise. */
function unpack(bytes: PackedAc): Tables {
  if (!LITTLE_ENDIAN) throw new Error("packed Aho-Corasick tables are little-endian");
  const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
  const header = new DataView(aligned.buffer, aligned.byteOffset, 4 * HEADER);
  const [magic, nodes, edges, outs, roots] = [0, 1, 2, 3, 4].map((i) => header.getInt32(4 * i, true));
  const words = HEADER + nodes! + (nodes! + 1) + outs! + (nodes! + 1) + edges! + roots!;
  if (magic !== PACK_MAGIC || aligned.byteLength !== 4 * words + 2 * (edges! + roots!)) throw new Error("not a packed Aho-Corasick automaton");
  let at = aligned.byteOffset + 4 * HEADER;
  const int32 = (n: number) => { const a = new Int32Array(aligned.buffer, at, n); at += 4 * n; return a; };
  const uint16 = (n: number) => { const a = new Uint16Array(aligned.buffer, at, n); at += 2 * n; return a; };
  const fail = int32(nodes!), outStart = int32(nodes! + 1), outIds = int32(outs!), edgeStart = int32(nodes! + 1), edgeNext = int32(edges!), rootNode = int32(roots!);
  return { fail, outStart, outIds, edgeStart, edgeNext, rootNode, edgeChar: uint16(edges!), rootChar: uint16(roots!) };
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
