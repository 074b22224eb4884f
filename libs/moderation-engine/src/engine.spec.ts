import { ModerationEngine } from './engine';
import { DEFAULT_SITE_POLICY, resolveSitePolicy } from './policy';

describe(ModerationEngine.name, () => {
  const engine = ModerationEngine.load();
  const policy = DEFAULT_SITE_POLICY;

  it('approves an ordinary comment and says why', () => {
    const d = engine.moderate({ content: 'Thanks, this was a helpful article about sourdough.' }, policy);
    expect(d.action).toBe('approve');
    expect(d.reasons.length).toBeGreaterThan(0);
    expect(d.scores).toEqual({ spam: expect.any(Number), toxicity: expect.any(Number), hate: expect.any(Number) });
  });

  it('holds a comment with more links than the site allows', () => {
    const d = engine.moderate(
      { content: 'see http://a.example.com and https://b.example.org and www.c.example.net' },
      policy,
    );
    expect(d.action).not.toBe('approve');
    expect(d.reasons.map((r) => r.code)).toContain('LINKS_OVER_LIMIT');
    expect(d.reasons.find((r) => r.code === 'LINKS_OVER_LIMIT')?.evidence).toMatchObject({ links: 3, maxLinks: 2 });
  });

  it('rejects a banned word, folded for case, accents, leetspeak and spacing', () => {
    const p = resolveSitePolicy({ bannedWords: ['Viagra', 'buy now'] });
    for (const content of ['Get VIAGRA here', 'get v1agr@ here', 'get v i a g r a', 'get vïágra', 'get viaaagra', 'BUY N0W!']) {
      const d = engine.moderate({ content }, p);
      expect([content, d.action]).toEqual([content, 'reject']);
      expect(d.reasons[0].code).toBe('BANNED_WORD');
    }
    expect(engine.moderate({ content: 'a viable agrarian plan' }, p).action).toBe('approve');
  });
});
