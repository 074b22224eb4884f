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

export class LinearHead {
  constructor(
    readonly name: string,
    readonly bias: number,
    readonly weights: Float32Array,
  ) {}

  /** Logit for a filled feature buffer. */
  logit(idx: Int32Array, val: Float32Array, n: number): number {
    const w = this.weights;
    let z = this.bias;
    for (let i = 0; i < n; i++) z += w[idx[i]] * val[i];
    return z;
  }

  static fromFile(h: HeadFile, bits: number): LinearHead {
    const raw = inflateSync(Buffer.from(h.weights, 'base64'));
    const q = new Int16Array(raw.buffer, raw.byteOffset, raw.byteLength / 2);
    if (q.length !== 1 << bits) throw new Error(`head ${h.name}: expected ${1 << bits} weights, got ${q.length}`);
    const w = new Float32Array(q.length);
    for (let i = 0; i < q.length; i++) w[i] = q[i] * h.scale;
    return new LinearHead(h.name, h.bias, w);
  }
}

/** Quantises trained weights to int16 and packs them (used by tools/train). */
export function packHead(name: string, bias: number, weights: Float64Array | Float32Array): HeadFile {
  let max = 0;
  for (let i = 0; i < weights.length; i++) max = Math.max(max, Math.abs(weights[i]));
  const scale = max > 0 ? max / 32767 : 1;
  const q = new Int16Array(weights.length);
  for (let i = 0; i < weights.length; i++) q[i] = Math.round(weights[i] / scale);
  const packed = deflateSync(Buffer.from(q.buffer), { level: 9 });
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
