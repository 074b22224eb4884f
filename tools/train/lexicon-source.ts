import { englishDataset } from 'obscenity';

interface PatternNode {
  kind: number;
  chars?: number[];
  childNode?: PatternNode;
}

export interface LexiconSource {
  words: string[];
  prefixes: string[];
  roots: string[];
  allow: string[];
}

const WILDCARD_FILL = ['', 'a', 'e', 'i', 'o', 'u'];

/**
 * Expands the obscenity package's English patterns into plain strings: whole words, prefixes (boundary
 * at the start only) and roots (no boundary). Optional parts produce both spellings; an optional wildcard
 * ("f?ck") is filled with each vowel. Its whitelist ("analysis", "grape"…) becomes allowed prefixes.
 */
export function obscenityLexicon(): LexiconSource {
  const built = englishDataset.build();
  const words = new Set<string>();
  const prefixes = new Set<string>();
  const roots = new Set<string>();
  for (const term of built.blacklistedTerms) {
    const p: { requireWordBoundaryAtStart: boolean; requireWordBoundaryAtEnd: boolean; nodes: readonly PatternNode[] } = term.pattern;
    let spellings = [''];
    let ok = true;
    for (const node of p.nodes) {
      if (node.kind === 2 && node.chars) {
        const s = String.fromCharCode(...node.chars);
        spellings = spellings.map((x) => x + s);
      } else if (node.kind === 0 && node.childNode?.chars) {
        const s = String.fromCharCode(...node.childNode.chars);
        spellings = spellings.flatMap((x) => [x, x + s]);
      } else if (node.kind === 0) {
        spellings = spellings.flatMap((x) => WILDCARD_FILL.map((v) => x + v));
      } else ok = false;
    }
    if (!ok) continue;
    for (const s of spellings) {
      // "[a-z]anal" patterns exist to catch "an al" spacing, which folding already joins.
      if (s.length < 3 || s.includes(' ') || (/^.anal$/.test(s) && s !== 'anal')) continue;
      if (p.requireWordBoundaryAtStart && p.requireWordBoundaryAtEnd) words.add(s);
      else if (p.requireWordBoundaryAtStart) prefixes.add(s);
      else roots.add(s);
    }
  }
  const allow = (built.whitelistedTerms ?? []).filter((t) => !t.includes(' ')).map((t) => t.toLowerCase());
  return { words: [...words].sort(), prefixes: [...prefixes].sort(), roots: [...roots].sort(), allow: [...new Set(allow)].sort() };
}
