import {
  checkSitePolicy,
  DEFAULT_SITE_POLICY,
  EnginePolicyError,
  mergeSitePolicy,
  resolveSitePolicy,
} from './policy';

describe(resolveSitePolicy.name, () => {
  it('returns the defaults for no policy', () => {
    expect(resolveSitePolicy()).toEqual(DEFAULT_SITE_POLICY);
    expect(resolveSitePolicy(null)).toEqual(DEFAULT_SITE_POLICY);
  });

  it('merges a partial policy over the defaults, key by key', () => {
    const p = resolveSitePolicy({
      mode: 'pre',
      maxLinks: 0,
      thresholds: { spam: { hold: 0.3 } },
      bannedWords: ['foo'],
    });
    expect(p.mode).toBe('pre');
    expect(p.maxLinks).toBe(0);
    expect(p.thresholds.spam).toEqual({ hold: 0.3, reject: DEFAULT_SITE_POLICY.thresholds.spam.reject });
    expect(p.thresholds.toxicity).toEqual(DEFAULT_SITE_POLICY.thresholds.toxicity);
    expect(p.bannedWords).toEqual(['foo']);
    expect(p.flood).toEqual(DEFAULT_SITE_POLICY.flood);
    expect(p.allowUnaimedProfanity).toBe(false);
    expect(resolveSitePolicy({ allowUnaimedProfanity: true }).allowUnaimedProfanity).toBe(true);
  });

  it('does not let callers mutate the defaults', () => {
    const p = resolveSitePolicy();
    p.thresholds.spam.hold = 0;
    expect(DEFAULT_SITE_POLICY.thresholds.spam.hold).not.toBe(0);
    expect(Object.isFrozen(DEFAULT_SITE_POLICY.thresholds.spam)).toBe(true);
  });

  it.each([
    [{ mode: 'later' }, 'POLICY_INVALID_MODE'],
    [{ maxLinks: -1 }, 'POLICY_INVALID_NUMBER'],
    [{ maxLinks: 1.5 }, 'POLICY_INVALID_NUMBER'],
    [{ thresholds: { spam: { hold: 1.2 } } }, 'POLICY_INVALID_THRESHOLD'],
    [{ thresholds: { hate: { hold: 0.9, reject: 0.5 } } }, 'POLICY_INVALID_THRESHOLD'],
    [{ bannedWords: [3] }, 'POLICY_INVALID_WORDS'],
    [{ flood: { maxPerWindow: 0 } }, 'POLICY_INVALID_NUMBER'],
    [{ flood: 'often' }, 'POLICY_INVALID_SHAPE'],
    [{ allowUnaimedProfanity: 'yes' }, 'POLICY_INVALID_SHAPE'],
  ])('rejects %j with %s', (partial, code) => {
    expect(() => resolveSitePolicy(partial as never)).toThrow(EnginePolicyError);
    try {
      resolveSitePolicy(partial as never);
    } catch (e) {
      expect((e as EnginePolicyError).code).toBe(code);
    }
  });
});

describe(checkSitePolicy.name, () => {
  it.each([
    [{ allowUnaimedProfanty: true }, 'allowUnaimedProfanty'],
    [{ thresholds: { toxicty: { hold: 0.4 } } }, 'thresholds.toxicty'],
    [{ thresholds: { spam: { hold: 0.4, rejct: 0.9 } } }, 'thresholds.spam.rejct'],
    [{ flood: { max: 3 } }, 'flood.max'],
  ])('refuses %j, naming %s', (partial, field) => {
    expect(() => checkSitePolicy(partial as never)).toThrow(
      expect.objectContaining({ code: 'POLICY_UNKNOWN_FIELD', field }) as Error,
    );
    // Read leniently once stored: the known settings still apply.
    expect(() => resolveSitePolicy(partial as never)).not.toThrow();
  });

  it('accepts every setting the defaults have, and what resolveSitePolicy accepts', () => {
    expect(checkSitePolicy(DEFAULT_SITE_POLICY as never)).toEqual(DEFAULT_SITE_POLICY);
    expect(
      checkSitePolicy({ thresholds: { toxicity: { hold: 0.5 } }, flood: { windowSeconds: 30 } }).flood
        .windowSeconds,
    ).toBe(30);
    expect(() => checkSitePolicy({ mode: 'later' } as never)).toThrow(
      expect.objectContaining({ code: 'POLICY_INVALID_MODE' }) as Error,
    );
  });
});

describe(mergeSitePolicy.name, () => {
  const stored = {
    mode: 'pre',
    bannedWords: ['casino', 'viagra'],
    thresholds: { toxicity: { hold: 0.5, reject: 0.9 } },
    flood: { maxPerWindow: 100 },
  };

  it('changes only what the patch names, nested settings key by key', () => {
    expect(mergeSitePolicy(stored, { thresholds: { toxicity: { hold: 0.4 } } })).toEqual({
      ...stored,
      thresholds: { toxicity: { hold: 0.4, reject: 0.9 } },
    });
    expect(mergeSitePolicy(stored, { flood: { windowSeconds: 30 }, maxLinks: 4 })).toEqual({
      ...stored,
      flood: { maxPerWindow: 100, windowSeconds: 30 },
      maxLinks: 4,
    });
    expect(mergeSitePolicy({}, { mode: 'pre' })).toEqual({ mode: 'pre' });
    expect(mergeSitePolicy(null, { mode: 'pre' })).toEqual({ mode: 'pre' });
  });

  it('replaces a list as a whole', () => {
    expect(mergeSitePolicy(stored, { bannedWords: ['loan'] })).toMatchObject({ bannedWords: ['loan'] });
  });

  it('resets a setting, or a group of them, to its default with null', () => {
    const reset = mergeSitePolicy(stored, { mode: null, thresholds: { toxicity: { hold: null } } });
    expect(reset).toEqual({
      bannedWords: ['casino', 'viagra'],
      thresholds: { toxicity: { reject: 0.9 } },
      flood: { maxPerWindow: 100 },
    });
    expect(resolveSitePolicy(reset).mode).toBe(DEFAULT_SITE_POLICY.mode);
    // A group emptied by the patch is dropped, as if it had never been set.
    expect(mergeSitePolicy(stored, { thresholds: { toxicity: null }, flood: null })).toEqual({
      mode: 'pre',
      bannedWords: ['casino', 'viagra'],
    });
    expect(mergeSitePolicy(stored, { bannedWords: null })).not.toHaveProperty('bannedWords');
  });

  it('leaves the stored policy as it was', () => {
    const before = structuredClone(stored);
    mergeSitePolicy(stored, { thresholds: { toxicity: { hold: 0.1 } }, flood: null });
    expect(stored).toEqual(before);
  });

  it('refuses an unknown setting in the patch, and a merged policy that does not resolve', () => {
    expect(() => mergeSitePolicy(stored, { thresholds: { toxicty: { hold: 0.4 } } })).toThrow(
      expect.objectContaining({ code: 'POLICY_UNKNOWN_FIELD', field: 'thresholds.toxicty' }) as Error,
    );
    expect(() => mergeSitePolicy(stored, { mode: 'later' })).toThrow(
      expect.objectContaining({ code: 'POLICY_INVALID_MODE' }) as Error,
    );
    // hold above the reject already stored
    expect(() => mergeSitePolicy(stored, { thresholds: { toxicity: { hold: 0.95 } } })).toThrow(
      expect.objectContaining({ code: 'POLICY_INVALID_THRESHOLD' }) as Error,
    );
    // ...which the stored reject makes valid, where the default one (0.97) alone would not
    expect(
      mergeSitePolicy(
        { thresholds: { toxicity: { reject: 0.99 } } },
        { thresholds: { toxicity: { hold: 0.98 } } },
      ),
    ).toEqual({ thresholds: { toxicity: { hold: 0.98, reject: 0.99 } } });
  });

  it('keeps a setting a later version dropped from the stored policy, as the engine reads it leniently', () => {
    expect(mergeSitePolicy({ legacy: 1 }, { mode: 'pre' })).toEqual({ legacy: 1, mode: 'pre' });
  });
});
