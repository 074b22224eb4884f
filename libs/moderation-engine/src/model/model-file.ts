import { createHash } from 'node:crypto';
import type { LexiconData } from './lexicon';
import { deflateSync, inflateSync } from 'node:zlib';

export const MODEL_FORMAT = 'replyguard-linear/1';

/** One logistic-regression head over hashed features. */
export interface HeadFile {
  name: string;
  bias: number;
  /** Weights are int16 × scale, deflated, base64. */
  scale: number;
  weights: string;
}

export interface ModelFile {
  format: typeof MODEL_FORMAT;
  kind: 'spam' | 'toxicity';
  bits: number;
  heads: HeadFile[];
  /** Profanity lexicon fed to the toxicity model as a feature (derived from the obscenity package). */
  lexicon?: LexiconData;
  /** Training facts (counts, options); no timestamps, so the same data gives the same file. */
  training: Record<string, unknown>;
}

/** The names in models/manifest.json. */
export interface ModelManifest {
  spam: string;
  toxicity: string;
}

/**
 * Logistic-regression heads over the same hashed features. Weights stay int16 in memory (half the cache
 * footprint of float32) and are interleaved bucket-major, so scoring k heads touches one cache line per
 * feature instead of k. Each head's scale is applied once per comment.
 */
export class LinearHeads {
  readonly k: number;
  private readonly out: Float64Array;

  constructor(
    readonly names: readonly string[],
    readonly biases: Float64Array,
    readonly scales: Float64Array,
    readonly weights: Int16Array,
  ) {
    this.k = names.length;
    this.out = new Float64Array(this.k);
  }

  /** Logits for a filled feature buffer; the returned array is reused by the next call. */
  logits(idx: Int32Array, val: Float32Array, n: number): Float64Array {
    const w = this.weights;
    const out = this.out;
    if (this.k === 1) {
      let z = 0;
      for (let i = 0; i < n; i++) z += w[idx[i]] * val[i];
      out[0] = this.biases[0] + z * this.scales[0];
      return out;
    }
    if (this.k === 2) {
      let a = 0;
      let b = 0;
      for (let i = 0; i < n; i++) {
        const j = idx[i] << 1;
        a += w[j] * val[i];
        b += w[j + 1] * val[i];
      }
      out[0] = this.biases[0] + a * this.scales[0];
      out[1] = this.biases[1] + b * this.scales[1];
      return out;
    }
    out.fill(0);
    for (let i = 0; i < n; i++) {
      const j = idx[i] * this.k;
      for (let h = 0; h < this.k; h++) out[h] += w[j + h] * val[i];
    }
    for (let h = 0; h < this.k; h++) out[h] = this.biases[h] + out[h] * this.scales[h];
    return out;
  }

  weight(bucket: number, head: number): number {
    return this.weights[bucket * this.k + head] * this.scales[head];
  }

  static fromFile(heads: readonly HeadFile[], bits: number): LinearHeads {
    const size = 1 << bits;
    const k = heads.length;
    const weights = new Int16Array(size * k);
    heads.forEach((h, hi) => {
      const raw = inflateSync(Buffer.from(h.weights, 'base64'));
      if (raw.byteLength !== size * 2) throw new Error(`head ${h.name}: expected ${size} weights, got ${raw.byteLength / 2}`);
      // Model files are little-endian int16, whatever the host's byte order.
      for (let i = 0; i < size; i++) weights[i * k + hi] = raw.readInt16LE(i * 2);
    });
    return new LinearHeads(heads.map((h) => h.name), Float64Array.from(heads.map((h) => h.bias)), Float64Array.from(heads.map((h) => h.scale)), weights);
  }
}

/** Quantises trained weights to int16 and packs them (used by tools/train). */
export function packHead(name: string, bias: number, weights: Float64Array | Float32Array): HeadFile {
  let max = 0;
  for (let i = 0; i < weights.length; i++) max = Math.max(max, Math.abs(weights[i]));
  const scale = max > 0 ? max / 32767 : 1;
  const q = new Int16Array(weights.length);
  for (let i = 0; i < weights.length; i++) q[i] = Math.round(weights[i] / scale);
  const bytes = Buffer.alloc(q.length * 2);
  for (let i = 0; i < q.length; i++) bytes.writeInt16LE(q[i], i * 2);
  const packed = deflateSync(bytes, { level: 9 });
  return { name, bias: round(bias), scale: round(scale), weights: packed.toString('base64') };
}

function round(x: number): number {
  return Number(x.toPrecision(9));
}

/** Serialises a model and names it by content hash: `<kind>-<12 hex>`. */
export function serialiseModel(model: ModelFile): { version: string; fileName: string; text: string } {
  const text = JSON.stringify(model) + '\n';
  const version = `${model.kind}-${createHash('sha256').update(text).digest('hex').slice(0, 12)}`;
  return { version, fileName: `${version}.json`, text };
}

export function versionOf(text: string, kind: string): string {
  return `${kind}-${createHash('sha256').update(text).digest('hex').slice(0, 12)}`;
}

/** log-sigmoid-safe probability. */
export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}
