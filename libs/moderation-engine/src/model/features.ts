/**
 * Hashed sparse features shared by training (tools/train) and inference, so both see exactly the same
 * numbers. A feature is a bucket index in [0, 2^bits) plus the weight of its group; each group's values
 * are scaled by 1/sqrt(group size) so long and short comments land on the same scale. Every extractor
 * is a single pass over the text: cost is linear in length.
 */

const FNV_PRIME = 16777619;

/** Final avalanche (murmur3 fmix32), so low bits are usable as a bucket index. */
export function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function hashString(s: string, seed: number): number {
  let h = (2166136261 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** Fibonacci hashing: the top `32 - shift` bits of hash × 2^32/φ; one multiply, well spread. */
export function bucketOf(hash: number, shift: number): number {
  return Math.imul(hash, 0x9e3779b1) >>> shift;
}

/** Growable buffer of (bucket, value) pairs, reused between comments to avoid allocation. */
export class FeatureBuffer {
  idx: Int32Array;
  val: Float32Array;
  n = 0;
  private readonly shift: number;

  constructor(readonly bits: number, capacity = 1024) {
    this.idx = new Int32Array(capacity);
    this.val = new Float32Array(capacity);
    this.shift = 32 - bits;
  }

  reset(): void {
    this.n = 0;
  }

  push(hash: number, value: number): void {
    if (this.n === this.idx.length) this.reserve(1);
    this.idx[this.n] = bucketOf(hash, this.shift);
    this.val[this.n] = value;
    this.n++;
  }

  /** Makes room for `extra` more features, so hot loops can write without checks. */
  reserve(extra: number): void {
    if (this.n + extra <= this.idx.length) return;
    let size = this.idx.length * 2;
    while (size < this.n + extra) size *= 2;
    const idx = new Int32Array(size);
    idx.set(this.idx);
    const val = new Float32Array(size);
    val.set(this.val);
    this.idx = idx;
    this.val = val;
  }
}

/** Word unigrams and bigrams of already tokenised text. */
export function addWordNgrams(buf: FeatureBuffer, tokens: readonly string[], seed: number, weight: number): void {
  const total = tokens.length * 2 - 1;
  if (total <= 0) return;
  const v = weight / Math.sqrt(total);
  let prev = 0;
  for (let i = 0; i < tokens.length; i++) {
    const h = hashString(tokens[i], seed);
    buf.push(h, v);
    if (i > 0) buf.push(Math.imul(prev, 31) ^ h ^ 0x9e3779b9, v);
    prev = h;
  }
}

/** Character n-grams (minN..maxN) of a string, computed with one rolling FNV per start position. */
export function addCharNgrams(buf: FeatureBuffer, text: string, minN: number, maxN: number, seed: number, weight: number): void {
  const len = text.length;
  let total = 0;
  for (let n = minN; n <= maxN; n++) total += Math.max(0, len - n + 1);
  if (total === 0) return;
  const v = weight / Math.sqrt(total);
  const base = (2166136261 ^ seed) >>> 0;
  buf.reserve(total);
  // Hot loop: written out rather than through push() (no capacity check, no call).
  const idx = buf.idx;
  const val = buf.val;
  const shift = 32 - buf.bits;
  let n = buf.n;
  for (let i = 0; i < len; i++) {
    let h = base;
    const end = Math.min(len, i + maxN);
    for (let j = i; j < end; j++) {
      h = Math.imul(h ^ text.charCodeAt(j), FNV_PRIME);
      if (j - i + 1 >= minN) {
        idx[n] = Math.imul(h, 0x9e3779b1) >>> shift;
        val[n++] = v;
      }
    }
  }
  buf.n = n;
}

/** Named binary indicators ("links:3+", "markup"), not length-normalised. */
export function addMeta(buf: FeatureBuffer, names: readonly string[], seed: number, weight: number): void {
  for (const name of names) buf.push(hashString(name, seed), weight);
}

export function bucket(value: number, edges: readonly number[]): string {
  for (let i = 0; i < edges.length; i++) if (value < edges[i]) return String(i);
  return String(edges.length);
}
