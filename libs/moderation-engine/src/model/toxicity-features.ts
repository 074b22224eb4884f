import { collapseRepeats, collapseToTwo, foldTokens } from '../text/fold';

export { collapseToTwo };
import { addCharNgrams, addMeta, addWordNgrams, bucket, type FeatureBuffer } from './features';
import type { Lexicon } from './lexicon';

export const TOXICITY_BITS = 18;
export const TOX_SEED_WORD = 21;
const SEED_CHAR = 22;
const SEED_META = 23;

// Linear: each alternative starts with a fixed literal and `\S+` / `\w+` never backtrack into a retry.
const URL_RE = /https?:\/\/\S+|www\.\S+/gi;
const MENTION_RE = /@\w+/g;

/** Folded words for the toxicity model: URLs, @mentions and a leading retweet marker removed. */
export function toxicityTokens(content: string): string[] {
  let cleaned = content;
  if (cleaned.includes('http') || cleaned.includes('www.')) cleaned = cleaned.replace(URL_RE, ' ');
  if (cleaned.includes('@')) cleaned = cleaned.replace(MENTION_RE, ' ');
  const tokens = foldTokens(cleaned).map(collapseToTwo);
  let start = 0;
  while (start < tokens.length && tokens[start] === 'rt') start++;
  return start > 0 ? tokens.slice(start) : tokens;
}

/** Fills `buf` with the toxicity model's features; returns the lexicon terms hit (evidence). */
export function toxicityFeatures(buf: FeatureBuffer, content: string, lexicon: Lexicon | undefined): string[] {
  buf.reset();
  const tokens = toxicityTokens(content);
  addWordNgrams(buf, tokens, TOX_SEED_WORD, 1);
  addCharNgrams(buf, ` ${tokens.join(' ')} `, 3, 4, SEED_CHAR, 1);
  const hits: string[] = [];
  if (lexicon) {
    for (const t of tokens) {
      const hit = lexicon.hit(collapseRepeats(t));
      if (hit) hits.push(hit);
    }
  }
  const meta = [`lex:${bucket(hits.length, [1, 2, 4])}`];
  let upper = 0;
  let letters = 0;
  for (let i = 0; i < content.length; i++) {
    const c = content.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++;
  }
  if (letters >= 10) meta.push(`caps:${bucket(upper / letters, [0.3, 0.7])}`);
  addMeta(buf, meta, SEED_META, 0.5);
  return hits;
}
