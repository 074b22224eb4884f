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
export class Lexicon {
  private readonly words: Set<string>;
  private readonly prefixes: Set<string>;
  private readonly roots: Set<string>;
  private readonly allow: Set<string>;
  private readonly prefixLengths: number[];
  private readonly rootLengths: number[];
  private readonly allowLengths: number[];
  private readonly byLength = new Map<number, string[]>();

  constructor(data: Partial<LexiconData>) {
    const set = (xs: string[] | undefined): Set<string> => new Set((xs ?? []).map(collapseRepeats));
    this.words = set(data.words);
    this.prefixes = set(data.prefixes);
    this.roots = set(data.roots);
    this.allow = set(data.allow);
    const lengths = (s: Set<string>): number[] => [...new Set([...s].map((r) => r.length))].sort((a, b) => a - b);
    this.prefixLengths = lengths(this.prefixes);
    this.rootLengths = lengths(this.roots);
    this.allowLengths = lengths(this.allow);
    for (const w of [...this.words, ...this.prefixes, ...this.roots]) {
      const list = this.byLength.get(w.length) ?? [];
      list.push(w);
      this.byLength.set(w.length, list);
    }
  }

  private readonly memo = new Map<string, string>();

  /** The lexicon entry a folded, repeat-collapsed token hits, or ''. Memoised: most words recur. */
  hit(token: string): string {
    let found = this.memo.get(token);
    if (found === undefined) {
      found = this.lookup(token);
      if (this.memo.size >= 100_000) this.memo.clear();
      if (token.length <= 40) this.memo.set(token, found);
    }
    return found;
  }

  private lookup(token: string): string {
    if (this.words.has(token)) return token;
    if (token.endsWith('s') && this.words.has(token.slice(0, -1))) return token.slice(0, -1);
    if (token.includes('*')) return this.masked(token);
    for (const l of this.allowLengths) if (l <= token.length && this.allow.has(token.substring(0, l))) return '';
    for (const l of this.prefixLengths) {
      if (l > token.length) break;
      const sub = token.substring(0, l);
      if (this.prefixes.has(sub)) return sub;
    }
    const len = token.length;
    for (const l of this.rootLengths) {
      if (l > len) break;
      for (let i = 0; i + l <= len; i++) {
        const sub = token.substring(i, i + l);
        if (this.roots.has(sub)) return sub;
      }
    }
    return '';
  }

  private masked(token: string): string {
    for (const w of this.byLength.get(token.length) ?? []) {
      let letters = 0;
      let ok = true;
      for (let i = 0; i < token.length && ok; i++) {
        if (token[i] === '*') continue;
        ok = token[i] === w[i];
        letters++;
      }
      if (ok && letters >= 1 && letters * 2 >= w.length - 1) return w;
    }
    return '';
  }
}
