import { asReadersSeeIt, collapseRepeats, foldTokens } from '../text/fold';

interface Entry {
  /** The site's own spelling, reported back as evidence. */
  term: string;
  tokens: string[];
}

/**
 * Words as a word list compares them: folded, repeated letters collapsed, characters that render as
 * nothing dropped and look-alike letters read as Latin first, so that a zero-width space, a soft
 * hyphen or a Cyrillic "о" does not hide a banned word.
 */
function listTokens(text: string): string[] {
  return foldTokens(asReadersSeeIt(text)).map(collapseRepeats);
}

/**
 * A site's banned or suspect words, matched after folding case, accents, leetspeak, repeated letters
 * and spacing. Multi-word entries match consecutive words; a plural `s` is tolerated; a masked letter
 * ("f*ck") matches any letter. Cost: linear in the comment's words times the entries sharing a first word.
 */
export class WordList {
  private readonly byFirst = new Map<string, Entry[]>();
  private readonly byLength = new Map<number, Entry[]>();
  readonly size: number;

  constructor(terms: readonly string[]) {
    for (const term of terms) {
      const tokens = listTokens(term);
      if (tokens.length === 0) continue;
      const entry = { term, tokens };
      push(this.byFirst, tokens[0], entry);
      push(this.byFirst, tokens[0] + 's', entry);
      push(this.byLength, tokens[0].length, entry);
    }
    this.size = terms.length;
  }

  /** The distinct terms found in already folded-and-collapsed tokens, in list order of first match. */
  matchTokens(tokens: readonly string[]): string[] {
    if (this.size === 0) return [];
    const found = new Set<string>();
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      const candidates = t.includes('*') ? this.masked(t) : this.byFirst.get(t);
      if (!candidates) continue;
      for (const e of candidates) {
        if (found.has(e.term)) continue;
        if (e.tokens.length === 1 || rest(e.tokens, tokens, i)) found.add(e.term);
      }
    }
    return [...found];
  }

  match(text: string): string[] {
    return this.matchTokens(listTokens(text));
  }

  private masked(token: string): Entry[] | undefined {
    const same = this.byLength.get(token.length);
    if (!same) return undefined;
    return same.filter((e) => wildcardEquals(token, e.tokens[0]));
  }
}

function rest(entry: string[], tokens: readonly string[], at: number): boolean {
  if (at + entry.length > tokens.length) return false;
  for (let k = 1; k < entry.length; k++) {
    const t = tokens[at + k];
    if (t !== entry[k] && t !== entry[k] + 's') return false;
  }
  return true;
}

function wildcardEquals(masked: string, word: string): boolean {
  let letters = 0;
  for (let i = 0; i < masked.length; i++) {
    if (masked[i] === '*') continue;
    if (masked[i] !== word[i]) return false;
    letters++;
  }
  // "***" or "f**" alone says too little to call it a match.
  return letters >= 2 && letters * 2 >= word.length;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
