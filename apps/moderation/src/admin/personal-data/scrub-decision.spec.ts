import type { StoredDecision } from '../../comments/comment.entity';
import { withoutAuthorEvidence as scrubAuthorEvidence } from '@replyguard/contracts';
import { scrubTextEvidence } from './scrub-decision';

const decision = (reasons: StoredDecision['reasons']): StoredDecision => ({
  action: 'hold',
  reasons,
  scores: { spam: 0.7, toxicity: 0.1, hate: 0.01 },
  modelVersions: { spam: 'spam-x' },
});

describe('scrubAuthorEvidence', () => {
  it("drops the website's domain and the author signals, and keeps what the text showed", () => {
    const scrubbed = scrubAuthorEvidence(
      decision([
        {
          code: 'SPAM_MODEL',
          message: 'Spam score 0.7',
          evidence: {
            score: 0.7,
            terms: ['cheap'],
            websiteDomain: 'cheap-cialis-online.shop',
            authorSignals: ['sales_words_in_website'],
          },
        },
        { code: 'SUSPECT_WORD', message: 'Contains suspect word: idiot', evidence: { terms: ['idiot'] } },
        { code: 'PREMODERATION', message: 'This site reviews every comment' },
      ]),
    );
    expect(scrubbed.reasons).toEqual([
      { code: 'SPAM_MODEL', message: 'Spam score 0.7', evidence: { score: 0.7, terms: ['cheap'] } },
      { code: 'SUSPECT_WORD', message: 'Contains suspect word: idiot', evidence: { terms: ['idiot'] } },
      { code: 'PREMODERATION', message: 'This site reviews every comment' },
    ]);
    expect(scrubbed.scores).toEqual({ spam: 0.7, toxicity: 0.1, hate: 0.01 });
    expect(JSON.stringify(scrubbed)).not.toContain('cialis');
  });

  it('leaves the input as it was', () => {
    const input = decision([
      { code: 'SPAM_MODEL', message: 's', evidence: { websiteDomain: 'a.example', score: 1 } },
    ]);
    scrubAuthorEvidence(input);
    expect(input.reasons[0].evidence).toEqual({ websiteDomain: 'a.example', score: 1 });
  });
});

describe('scrubTextEvidence', () => {
  it('keeps the reason codes and drops what quotes the erased text', () => {
    const scrubbed = scrubTextEvidence(
      decision([
        { code: 'SUSPECT_WORD', message: 'Contains suspect word: zorblax', evidence: { terms: ['zorblax'] } },
        { code: 'LINKS_OVER_LIMIT', message: '3 links', evidence: { domains: ['mysite.example'] } },
      ]),
    );
    expect(scrubbed.reasons.map((r) => r.code)).toEqual(['SUSPECT_WORD', 'LINKS_OVER_LIMIT']);
    expect(JSON.stringify(scrubbed.reasons)).not.toMatch(/zorblax|mysite/);
    expect(scrubbed.scores).toEqual({ spam: 0.7, toxicity: 0.1, hate: 0.01 });
  });
});
