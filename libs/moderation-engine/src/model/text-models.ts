import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LinkInfo } from '../text/links';
import { bucketOf, FeatureBuffer, hashString } from './features';
import { Lexicon } from './lexicon';
import { LinearHeads, MODEL_FORMAT, sigmoid, versionOf, type ModelFile, type ModelManifest } from './model-file';
import { spamFeatures, spamText, spamTokens, SPAM_BITS, SPAM_SEED_WORD } from './spam-features';
import { TOX_SEED_WORD, toxicityFeatures, toxicityTokens, TOXICITY_BITS, withoutUnaimedProfanity, type ToxicityEvidence } from './toxicity-features';

/** Thrown when the models folder is missing or a file does not match its manifest. */
export class EngineModelError extends Error {
  constructor(
    readonly code: 'MODELS_NOT_FOUND' | 'MODEL_INVALID',
    message: string,
  ) {
    super(message);
    this.name = 'EngineModelError';
  }
}

function readModel(dir: string, fileName: string, kind: ModelFile['kind'], bits: number): { model: ModelFile; version: string } {
  const text = readFileSync(join(dir, fileName), 'utf8');
  const model = JSON.parse(text) as ModelFile;
  if (model.format !== MODEL_FORMAT || model.kind !== kind || model.bits !== bits) {
    throw new EngineModelError('MODEL_INVALID', `${fileName} is not a ${kind} model in format ${MODEL_FORMAT} with ${bits} bits`);
  }
  const version = versionOf(text, kind);
  if (fileName !== `${version}.json`) {
    throw new EngineModelError('MODEL_INVALID', `${fileName} does not match its content hash (${version})`);
  }
  return { model, version };
}

export function readManifest(dir: string): ModelManifest {
  try {
    return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as ModelManifest;
  } catch (e) {
    throw new EngineModelError('MODELS_NOT_FOUND', `no readable manifest.json in ${dir}: ${(e as Error).message}`);
  }
}

/** Terms whose unigram weight pushed a head up most: the "why" a moderator sees. */
function topTerms(heads: LinearHeads, head: number, tokens: readonly string[], seed: number, bits: number, limit = 5): string[] {
  const seen = new Map<string, number>();
  for (const t of tokens) {
    if (seen.has(t) || t.length < 2 || t.startsWith('#')) continue;
    seen.set(t, heads.weight(bucketOf(hashString(t, seed), 32 - bits), head));
    if (seen.size > 500) break;
  }
  return [...seen]
    .filter(([, w]) => w > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([t]) => t);
}

export class SpamModel {
  private readonly buf = new FeatureBuffer(SPAM_BITS, 4096);

  private constructor(
    readonly version: string,
    private readonly heads: LinearHeads,
  ) {}

  static load(dir: string, fileName: string): SpamModel {
    const { model, version } = readModel(dir, fileName, 'spam', SPAM_BITS);
    return new SpamModel(version, LinearHeads.fromFile(model.heads.slice(0, 1), model.bits));
  }

  logit(content: string, links: LinkInfo): number {
    spamFeatures(this.buf, content, links);
    return this.heads.logits(this.buf.idx, this.buf.val, this.buf.n)[0];
  }

  explain(content: string): string[] {
    return topTerms(this.heads, 0, spamTokens(spamText(content)), SPAM_SEED_WORD, SPAM_BITS);
  }
}

export interface ToxicityScores extends ToxicityEvidence {
  toxicity: number;
  hate: number;
}

export class ToxicityModel {
  private readonly buf = new FeatureBuffer(TOXICITY_BITS, 4096);

  private constructor(
    readonly version: string,
    /** Heads in order: toxicity, hate. */
    private readonly heads: LinearHeads,
    private readonly lexicon: Lexicon,
  ) {}

  static load(dir: string, fileName: string): ToxicityModel {
    const { model, version } = readModel(dir, fileName, 'toxicity', TOXICITY_BITS);
    const heads = ['toxicity', 'hate'].map((name) => {
      const h = model.heads.find((x) => x.name === name);
      if (!h) throw new EngineModelError('MODEL_INVALID', `${fileName} has no ${name} head`);
      return h;
    });
    return new ToxicityModel(version, LinearHeads.fromFile(heads, model.bits), new Lexicon(model.lexicon ?? {}));
  }

  score(content: string): ToxicityScores {
    const b = this.buf;
    const evidence = toxicityFeatures(b, content, this.lexicon);
    const z = this.heads.logits(b.idx, b.val, b.n);
    return { toxicity: sigmoid(z[0]), hate: sigmoid(z[1]), ...evidence };
  }

  explain(content: string, head: 'toxicity' | 'hate'): string[] {
    return topTerms(this.heads, head === 'hate' ? 1 : 0, toxicityTokens(content), TOX_SEED_WORD, TOXICITY_BITS);
  }

  /** The scores without the comment's profanity, when it is aimed at no one (see `withoutUnaimedProfanity`). */
  scoreWithoutUnaimedProfanity(content: string, cues: readonly string[]): { toxicity: number; hate: number } | undefined {
    const rest = withoutUnaimedProfanity(content, this.lexicon, cues);
    if (rest === undefined) return undefined;
    const s = this.score(rest);
    return { toxicity: s.toxicity, hate: s.hate };
  }
}
