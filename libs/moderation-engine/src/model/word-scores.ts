import { deflateSync, inflateSync } from 'node:zlib';
import { bucketOf, type FeatureBuffer, hashString } from './features';

/**
 * Word vectors, folded into one score per word and head.
 *
 * The toxicity model learns a linear weight for each dimension of the mean word vector of a comment
 * (GloVe, 100 dimensions; see tools/train/word-vectors.ts). A linear function of a mean is the mean of
 * the function: `w · mean(v_t) = mean(w · v_t)`. So once trained, each word's vector is replaced by its
 * dot product with the head's weights, and the engine ships one number per word and head instead of
 * a hundred. What the vectors bring is kept whole: a word the labelled data never showed ("vermin",
 * "subhuman") scores like the words it sits near in meaning. At run time it costs one hash and one
 * table probe per word.
 */

/** Reads a comment's word tokens while its features are built (see `toxicityFeatures`). */
export interface TokenReader {
  read(tokens: readonly string[], buf: FeatureBuffer): void;
}

/** The `wordScores` section of a toxicity model file. */
export interface WordScoresFile {
  /** Where the vectors came from (name, version, licence). */
  source: string;
  /** The heads, in the order of `scales` and of each word's scores. */
  heads: string[];
  /** The words, `\n`-separated, deflated, base64. */
  words: string;
  /** Per head: the int16 scores are multiplied by this. */
  scales: number[];
  /** Scores as little-endian int16, word-major (word 0's heads, then word 1's), deflated, base64. */
  scores: string;
}

const SEED = 31;
/** Hash 0 marks an empty slot; a word that hashes to it is stored under 1. */
const key = (word: string): number => hashString(word, SEED) || 1;

/** Mean word score of a comment's tokens, per head, from an open-addressed table keyed by word hash. */
export class WordScores implements TokenReader {
  private readonly keys: Uint32Array;
  private readonly values: Int16Array;
  private readonly shift: number;
  private readonly mask: number;
  private readonly sums: Float64Array;
  /** Per head, the mean score of the last tokens read (0 when none is a known word). */
  readonly last: Float64Array;

  private constructor(
    readonly heads: readonly string[],
    private readonly scales: Float64Array,
    words: readonly string[],
    scores: Int16Array,
  ) {
    let bits = 4;
    while (1 << bits < words.length * 2) bits++;
    this.keys = new Uint32Array(1 << bits);
    this.values = new Int16Array((1 << bits) * heads.length);
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
    this.sums = new Float64Array(heads.length);
    this.last = new Float64Array(heads.length);
    const k = heads.length;
    words.forEach((w, i) => {
      const h = key(w);
      let slot = bucketOf(h, this.shift);
      while (this.keys[slot] !== 0 && this.keys[slot] !== h) slot = (slot + 1) & this.mask;
      this.keys[slot] = h;
      for (let j = 0; j < k; j++) this.values[slot * k + j] = scores[i * k + j];
    });
  }

  static fromFile(f: WordScoresFile): WordScores {
    const words = inflateSync(Buffer.from(f.words, 'base64')).toString('utf8').split('\n');
    const raw = inflateSync(Buffer.from(f.scores, 'base64'));
    const k = f.heads.length;
    if (f.scales.length !== k || raw.byteLength !== words.length * k * 2)
      throw new Error(
        `word scores: ${words.length} words and ${k} heads do not match ${raw.byteLength} bytes`,
      );
    const scores = new Int16Array(words.length * k);
    for (let i = 0; i < scores.length; i++) scores[i] = raw.readInt16LE(i * 2);
    return new WordScores(f.heads, Float64Array.from(f.scales), words, scores);
  }

  /** Scores per head of one word, or undefined for a word without a vector. */
  score(word: string): number[] | undefined {
    const slot = this.find(key(word));
    if (slot < 0) return undefined;
    return this.heads.map((_, j) => this.values[slot * this.heads.length + j] * this.scales[j]);
  }

  read(tokens: readonly string[]): void {
    const k = this.heads.length;
    this.sums.fill(0);
    let n = 0;
    for (const t of tokens) {
      const slot = this.find(key(t));
      if (slot < 0) continue;
      for (let j = 0; j < k; j++) this.sums[j] += this.values[slot * k + j];
      n++;
    }
    for (let j = 0; j < k; j++) this.last[j] = n === 0 ? 0 : (this.sums[j] * this.scales[j]) / n;
  }

  private find(h: number): number {
    let slot = bucketOf(h, this.shift);
    for (;;) {
      const at = this.keys[slot];
      if (at === h) return slot;
      if (at === 0) return -1;
      slot = (slot + 1) & this.mask;
    }
  }
}

/** Quantises trained word scores (`scores[word][head]`) to int16 per head and packs them (used by tools/train). */
export function packWordScores(
  source: string,
  heads: readonly string[],
  words: readonly string[],
  scores: readonly (readonly number[])[],
): WordScoresFile {
  const k = heads.length;
  const scales = heads.map((_, j) => {
    let max = 0;
    for (const s of scores) max = Math.max(max, Math.abs(s[j]));
    return max > 0 ? Number((max / 32767).toPrecision(9)) : 1;
  });
  const bytes = Buffer.alloc(words.length * k * 2);
  scores.forEach((s, i) => {
    for (let j = 0; j < k; j++) bytes.writeInt16LE(Math.round(s[j] / scales[j]), (i * k + j) * 2);
  });
  return {
    source,
    heads: [...heads],
    words: deflateSync(Buffer.from(words.join('\n'), 'utf8'), { level: 9 }).toString('base64'),
    scales,
    scores: deflateSync(bytes, { level: 9 }).toString('base64'),
  };
}
