import type { Decision, DecisionReason, ReasonCode } from '@replyguard/moderation-engine';
import { DEFAULT_SITE_POLICY } from '@replyguard/moderation-engine';
import { akismetVerdict } from './akismet-verdict';

function decision(action: Decision['action'], codes: ReasonCode[], spamScore = 0): Decision {
  const reasons: DecisionReason[] = codes.map((code) => ({ code, message: code }));
  return { action, reasons, scores: { spam: spamScore, toxicity: 0, hate: 0 }, modelVersions: {} };
}

describe(akismetVerdict.name, () => {
  const policy = DEFAULT_SITE_POLICY;

  it('calls an approved comment ham', () => {
    expect(akismetVerdict(decision('approve', ['NO_FLAGS']), policy)).toEqual({
      spam: false,
      discard: false,
      reasons: [],
    });
  });

  it('calls a comment held for a spam reason spam, but not blatant', () => {
    expect(akismetVerdict(decision('hold', ['LINKS_OVER_LIMIT']), policy)).toEqual({
      spam: true,
      discard: false,
      reasons: ['LINKS_OVER_LIMIT'],
    });
    expect(akismetVerdict(decision('hold', ['SPAM_MODEL'], 0.5), policy).discard).toBe(false);
  });

  it('says discard when the engine rejects for a spam reason', () => {
    expect(akismetVerdict(decision('reject', ['HONEYPOT']), policy).discard).toBe(true);
    expect(akismetVerdict(decision('reject', ['SPAM_MODEL'], 0.99), policy).discard).toBe(true);
    expect(akismetVerdict(decision('reject', ['BLOCKED_IP', 'SPAM_MODEL'], 0.2), policy)).toMatchObject({
      spam: true,
      discard: true,
    });
  });

  it('does not call toxic, banned-word or pre-moderated comments spam', () => {
    expect(akismetVerdict(decision('reject', ['TOXICITY_MODEL']), policy).spam).toBe(false);
    expect(akismetVerdict(decision('reject', ['BANNED_WORD']), policy).spam).toBe(false);
    expect(akismetVerdict(decision('hold', ['PREMODERATION']), policy).spam).toBe(false);
  });

  it('is spam but not discard when rejected for toxicity and held for links', () => {
    expect(akismetVerdict(decision('reject', ['TOXICITY_MODEL', 'LINKS_OVER_LIMIT']), policy)).toEqual({
      spam: true,
      discard: false,
      reasons: ['LINKS_OVER_LIMIT'],
    });
  });
});
