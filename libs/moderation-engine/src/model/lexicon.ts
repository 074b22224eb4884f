import { collapseRepeats } from '../text/fold';

export interface LexiconData {
  words: string[];
  prefixes: string[];
  roots: string[];
  allow: string[];
}

/**
 * Profanity lexicon as a model feature (never a verdict on its own). `words` match whole folded tokens
 * (plus a plural s), `prefixes` the start of a token, `roots` anywhere inside it ("motherfucker");
 * tokens starting with an `allow` entry ("analysis", "grape") never hit. Masked tokens ("f*ck") match an
 * entry of the same length whose visible letters agree. Entries and tokens are repeat-collapsed.
 */
const A = 26;
const WORD = 1;
const PREFIX = 2;
const ALLOW = 4;

/**
 * Profanity lexicon as a model feature (never a verdict on its own). `words` match whole folded tokens
 * (plus a plural s), `prefixes` the start of a token, `roots` anywhere inside it ("motherfucker");
 * tokens starting with an `allow` entry ("analysis", "grape") never hit. Masked tokens ("f*ck") match an
 * entry of the same length whose visible letters agree. Entries and tokens are repeat-collapsed.
 *
 * One Aho-Corasick automaton over a–z holds all entries, so a token costs one table step per letter.
 */
export class Lexicon {
  private readonly next: Int32Array;
  private readonly depth: Int32Array;
  private readonly flags: Uint8Array;
  /** Entry ending at this state (for WORD / PREFIX flags). */
  private readonly entry: string[];
  /** Nearest root ending at this state or along its failure chain, or ''. */
  private readonly rootOut: string[];
  private readonly byLength = new Map<number, [collapsed: string, display: string][]>();

  constructor(data: Partial<LexiconData>) {
    const display = new Map<string, string>();
    const clean = (xs: string[] | undefined): string[] => {
      const out = new Set<string>();
      for (const x of xs ?? []) {
        const c = collapseRepeats(x.toLowerCase());
        if (!/^[a-z]+$/.test(c)) continue;
        out.add(c);
        if (!display.has(c)) display.set(c, x.toLowerCase());
      }
      return [...out];
    };
    const words = clean(data.words);
    const prefixes = clean(data.prefixes);
    const roots = clean(data.roots);
    const allow = clean(data.allow);

    const children: Map<number, number>[] = [new Map<number, number>()];
    const flags: number[] = [0];
    const entry: string[] = [''];
    const isRoot: string[] = [''];
    const depth: number[] = [0];
    const insert = (w: string, flag: number, root: boolean): void => {
      let s = 0;
      for (let i = 0; i < w.length; i++) {
        const c = w.charCodeAt(i) - 97;
        let t = children[s].get(c);
        if (t === undefined) {
          t = children.length;
          children.push(new Map<number, number>());
          flags.push(0);
          entry.push('');
          isRoot.push('');
          depth.push(depth[s] + 1);
          children[s].set(c, t);
        }
        s = t;
      }
      flags[s] |= flag;
      if (flag & (WORD | PREFIX)) entry[s] = display.get(w) ?? w;
      if (root) isRoot[s] = display.get(w) ?? w;
    };
    for (const w of words) insert(w, WORD, false);
    for (const w of prefixes) insert(w, PREFIX, false);
    for (const w of allow) insert(w, ALLOW, false);
    for (const w of roots) insert(w, 0, true);

    const n = children.length;
    const next = new Int32Array(n * A);
    const fail = new Int32Array(n);
    const rootOut: string[] = new Array<string>(n).fill('');
    const queue: number[] = [];
    for (let c = 0; c < A; c++) {
      const t = children[0].get(c);
      next[c] = t ?? 0;
      if (t !== undefined) queue.push(t);
    }
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q];
      rootOut[s] = isRoot[s] || rootOut[fail[s]];
      for (let c = 0; c < A; c++) {
        const t = children[s].get(c);
        if (t !== undefined) {
          fail[t] = s === 0 ? 0 : next[fail[s] * A + c];
          next[s * A + c] = t;
          queue.push(t);
        } else next[s * A + c] = next[fail[s] * A + c];
      }
    }
    this.next = next;
    this.depth = Int32Array.from(depth);
    this.flags = Uint8Array.from(flags);
    this.entry = entry;
    this.rootOut = rootOut;
    for (const w of [...words, ...prefixes, ...roots]) {
      const list = this.byLength.get(w.length) ?? [];
      list.push([w, display.get(w) ?? w]);
      this.byLength.set(w.length, list);
    }
  }

  /** The lexicon entry a folded, repeat-collapsed token hits, or ''. */
  hit(token: string): string {
    if (token.includes('*')) return this.masked(token);
    const len = token.length;
    let s = 0;
    let anchored = true; // still on the path from the token's first letter
    let prefixHit = '';
    let rootHit = '';
    let wordBeforeS = '';
    for (let i = 0; i < len; i++) {
      const c = token.charCodeAt(i) - 97;
      if (c < 0 || c >= A) {
        s = 0;
        anchored = false;
        continue;
      }
      if (anchored && i === len - 1 && c === 18 /* s */ && this.flags[s] & WORD) wordBeforeS = this.entry[s];
      s = this.next[s * A + c];
      if (anchored && this.depth[s] !== i + 1) anchored = false;
      if (anchored) {
        if (this.flags[s] & ALLOW) return '';
        if (!prefixHit && this.flags[s] & PREFIX) prefixHit = this.entry[s];
      }
      if (!rootHit && this.rootOut[s]) rootHit = this.rootOut[s];
    }
    if (anchored && this.flags[s] & WORD) return this.entry[s];
    return wordBeforeS || prefixHit || rootHit;
  }

  private masked(token: string): string {
    for (const [w, shown] of this.byLength.get(token.length) ?? []) {
      let letters = 0;
      let ok = true;
      for (let i = 0; i < token.length && ok; i++) {
        if (token[i] === '*') continue;
        ok = token[i] === w[i];
        letters++;
      }
      if (ok && letters >= 1 && letters * 2 >= w.length - 1) return shown;
    }
    return '';
  }
}
