/** Approve below `hold`, hold from `hold`, reject from `reject`. Both in [0, 1], hold <= reject. */
export interface Threshold {
  hold: number;
  reject: number;
}

export interface SitePolicy {
  /** `post`: approve unless flagged. `pre`: hold everything except (optionally) trusted authors. */
  mode: 'post' | 'pre';
  /** More links than this holds the comment (WordPress default: 2). */
  maxLinks: number;
  /** Matched after folding case, accents, leetspeak and spacing: reject. */
  bannedWords: string[];
  /** Matched the same way: hold. */
  suspectWords: string[];
  thresholds: { spam: Threshold; toxicity: Threshold; hate: Threshold };
  trustedSkipPremoderation: boolean;
  /**
   * Swearing aimed at no one ("holy shit what a result") is allowed: when the profanity alone makes a
   * comment toxic, it is approved with an info reason instead of held. Off by default.
   */
  allowUnaimedProfanity: boolean;
  flood: { maxPerWindow: number; windowSeconds: number };
  /** Reply depth cap; enforced by the moderation service, carried here so policy lives in one place. */
  maxDepth: number;
}

export type DeepPartial<T> = T extends readonly (infer U)[]
  ? U[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

/**
 * Defaults reject automatically only where the held-out precision is very high; everything doubtful
 * goes to a human (hold). See libs/moderation-engine/README.md for the measured figures.
 */
export const DEFAULT_SITE_POLICY: SitePolicy = deepFreeze({
  mode: 'post',
  maxLinks: 2,
  bannedWords: [],
  suspectWords: [],
  thresholds: {
    spam: { hold: 0.3, reject: 0.98 },
    toxicity: { hold: 0.6, reject: 0.97 },
    hate: { hold: 0.8, reject: 0.99 },
  },
  trustedSkipPremoderation: true,
  allowUnaimedProfanity: false,
  flood: { maxPerWindow: 5, windowSeconds: 60 },
  maxDepth: 5,
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

export type EnginePolicyErrorCode =
  | 'POLICY_INVALID_MODE'
  | 'POLICY_INVALID_NUMBER'
  | 'POLICY_INVALID_THRESHOLD'
  | 'POLICY_INVALID_WORDS'
  | 'POLICY_INVALID_SHAPE'
  | 'POLICY_UNKNOWN_FIELD';

/** Thrown by `resolveSitePolicy` on a policy that makes no sense. */
export class EnginePolicyError extends Error {
  constructor(
    readonly code: EnginePolicyErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'EnginePolicyError';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function integer(value: unknown, fallback: number, field: string, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new EnginePolicyError('POLICY_INVALID_NUMBER', `${field} must be an integer in [${min}, ${max}]`, field);
  }
  return value;
}

function threshold(value: unknown, fallback: Threshold, field: string): Threshold {
  if (value === undefined || value === null) return { ...fallback };
  if (!isObject(value)) throw new EnginePolicyError('POLICY_INVALID_SHAPE', `${field} must be an object`, field);
  const out = { ...fallback };
  for (const key of ['hold', 'reject'] as const) {
    const v = value[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1) {
      throw new EnginePolicyError('POLICY_INVALID_THRESHOLD', `${field}.${key} must be a number in [0, 1]`, `${field}.${key}`);
    }
    out[key] = v;
  }
  if (out.hold > out.reject) {
    throw new EnginePolicyError('POLICY_INVALID_THRESHOLD', `${field}.hold must not exceed ${field}.reject`, field);
  }
  return out;
}

function boolean(value: unknown, fallback: boolean, field: string): boolean {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'boolean') throw new EnginePolicyError('POLICY_INVALID_SHAPE', `${field} must be a boolean`, field);
  return value;
}

function words(value: unknown, field: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((w) => typeof w !== 'string')) {
    throw new EnginePolicyError('POLICY_INVALID_WORDS', `${field} must be an array of strings`, field);
  }
  if (value.length > 10_000) {
    throw new EnginePolicyError('POLICY_INVALID_WORDS', `${field} may hold at most 10000 entries`, field);
  }
  const cleaned = (value as string[]).map((w) => w.trim()).filter((w) => w.length > 0);
  if (cleaned.some((w) => w.length > 200)) {
    throw new EnginePolicyError('POLICY_INVALID_WORDS', `${field} entries must be at most 200 characters`, field);
  }
  return [...new Set(cleaned)];
}

/**
 * Merges a stored (partial) site policy over the defaults and validates it.
 * Arrays replace the default, objects merge key by key. Throws `EnginePolicyError` on nonsense.
 */
export function resolveSitePolicy(partial?: DeepPartial<SitePolicy> | null): SitePolicy {
  const d = DEFAULT_SITE_POLICY;
  if (partial === undefined || partial === null) return structuredClone(d);
  if (!isObject(partial)) throw new EnginePolicyError('POLICY_INVALID_SHAPE', 'policy must be an object');
  const p = partial as Record<string, unknown>;

  const mode = p.mode ?? d.mode;
  if (mode !== 'post' && mode !== 'pre') {
    throw new EnginePolicyError('POLICY_INVALID_MODE', "mode must be 'post' or 'pre'", 'mode');
  }
  const t = p.thresholds ?? {};
  if (!isObject(t)) throw new EnginePolicyError('POLICY_INVALID_SHAPE', 'thresholds must be an object', 'thresholds');
  const f = p.flood ?? {};
  if (!isObject(f)) throw new EnginePolicyError('POLICY_INVALID_SHAPE', 'flood must be an object', 'flood');

  return {
    mode,
    maxLinks: integer(p.maxLinks, d.maxLinks, 'maxLinks', 0, 1000),
    bannedWords: p.bannedWords === undefined ? [...d.bannedWords] : words(p.bannedWords, 'bannedWords'),
    suspectWords: p.suspectWords === undefined ? [...d.suspectWords] : words(p.suspectWords, 'suspectWords'),
    thresholds: {
      spam: threshold(t.spam, d.thresholds.spam, 'thresholds.spam'),
      toxicity: threshold(t.toxicity, d.thresholds.toxicity, 'thresholds.toxicity'),
      hate: threshold(t.hate, d.thresholds.hate, 'thresholds.hate'),
    },
    trustedSkipPremoderation: boolean(p.trustedSkipPremoderation, d.trustedSkipPremoderation, 'trustedSkipPremoderation'),
    allowUnaimedProfanity: boolean(p.allowUnaimedProfanity, d.allowUnaimedProfanity, 'allowUnaimedProfanity'),
    flood: {
      maxPerWindow: integer(f.maxPerWindow, d.flood.maxPerWindow, 'flood.maxPerWindow', 1, 1_000_000),
      windowSeconds: integer(f.windowSeconds, d.flood.windowSeconds, 'flood.windowSeconds', 1, 86_400 * 30),
    },
    maxDepth: integer(p.maxDepth, d.maxDepth, 'maxDepth', 1, 1000),
  };
}

/** The settings a site policy may hold, by path; an object's own keys are checked one level down. */
const KNOWN_POLICY_FIELDS: Readonly<Record<string, readonly string[]>> = {
  '': Object.keys(DEFAULT_SITE_POLICY),
  thresholds: Object.keys(DEFAULT_SITE_POLICY.thresholds),
  ...Object.fromEntries(
    Object.entries(DEFAULT_SITE_POLICY.thresholds).map(([name, t]) => [`thresholds.${name}`, Object.keys(t)]),
  ),
  flood: Object.keys(DEFAULT_SITE_POLICY.flood),
};

/**
 * `resolveSitePolicy`, and no setting it does not know: what an administrator stores must say what they
 * meant ("toxicty", "allowUnaimedProfanty" would otherwise be kept and ignored). Stored policies are
 * still read leniently by `resolveSitePolicy`, so a setting a later version drops does not stop a site.
 */
export function checkSitePolicy(partial?: DeepPartial<SitePolicy> | null): SitePolicy {
  assertKnownFields(partial, '');
  return resolveSitePolicy(partial);
}

/** POLICY_UNKNOWN_FIELD for the first setting under `path` that the policy does not have. */
function assertKnownFields(value: unknown, path: string): void {
  const known = KNOWN_POLICY_FIELDS[path];
  if (!known || !isObject(value)) return;
  for (const key of Object.keys(value)) {
    const at = path ? `${path}.${key}` : key;
    if (!known.includes(key)) {
      throw new EnginePolicyError(
        'POLICY_UNKNOWN_FIELD',
        `${at} is not a policy setting (known: ${known.join(', ')})`,
        at,
      );
    }
    assertKnownFields(value[key], at);
  }
}

/**
 * A change to a stored partial policy, applied as a JSON merge patch (RFC 7396): objects merge key
 * by key, a list or a value replaces what was stored, and `null` removes the setting, so that it
 * takes its default again. The patch may name only known settings; the merged policy must resolve
 * (a threshold's `hold` checked against the `reject` already stored). Returns the partial policy to store.
 */
export function mergeSitePolicy(
  stored: Record<string, unknown> | null | undefined,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  if (!isObject(patch)) throw new EnginePolicyError('POLICY_INVALID_SHAPE', 'policy must be an object');
  assertKnownFields(patch, '');
  const merged = mergePatch(isObject(stored) ? stored : {}, patch);
  resolveSitePolicy(merged);
  return merged;
}

function mergePatch(
  target: Record<string, unknown>,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete out[key];
    } else if (isObject(value)) {
      const inner = mergePatch(isObject(out[key]) ? out[key] : {}, value);
      // A group left with no setting says nothing: dropped, as if never set.
      if (Object.keys(inner).length > 0) out[key] = inner;
      else delete out[key];
    } else {
      out[key] = value;
    }
  }
  return out;
}
