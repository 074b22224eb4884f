import type { EngineContext, EngineSubmission } from './decision';
import { ModerationEngine } from './engine';
import { swearingAtSomeone } from './model/toxicity-features';
import { DEFAULT_SITE_POLICY, resolveSitePolicy, type SitePolicy } from './policy';

const codes = (engine: ModerationEngine, s: EngineSubmission, policy: SitePolicy = DEFAULT_SITE_POLICY, ctx?: EngineContext) =>
  engine.moderate(s, policy, ctx).reasons.map((r) => r.code);

describe(ModerationEngine.name, () => {
  describe('rules', () => {
    const engine = ModerationEngine.rulesOnly();
    const policy = DEFAULT_SITE_POLICY;

    it('approves an ordinary comment and says why', () => {
      const d = engine.moderate({ content: 'Thanks, this was a helpful article about sourdough.' }, policy);
      expect(d).toMatchObject({ action: 'approve', scores: { spam: 0, toxicity: 0, hate: 0 }, modelVersions: {} });
      expect(d.reasons.map((r) => r.code)).toEqual(['NO_FLAGS']);
    });

    it('holds a comment with more links than the site allows', () => {
      const d = engine.moderate({ content: 'see http://a.example.com and https://b.example.org and www.c.example.net' }, policy);
      expect(d.action).toBe('hold');
      expect(d.reasons.find((r) => r.code === 'LINKS_OVER_LIMIT')?.evidence).toMatchObject({ links: 3, maxLinks: 2 });
      expect(engine.moderate({ content: 'see http://a.example.com and https://b.example.org' }, policy).action).toBe('approve');
    });

    it('counts a markup link once, not once for the tag and once for its URL', () => {
      const d = engine.moderate({ content: '<a href="http://a.example">a</a> <a href="http://b.example">b</a>' }, policy);
      expect(d.action).toBe('approve');
    });

    it('rejects a banned word, folded for case, accents, leetspeak, repeats and spacing', () => {
      const p = resolveSitePolicy({ bannedWords: ['Viagra', 'buy now'] });
      for (const content of ['Get VIAGRA here', 'get v1agr@ here', 'get v i a g r a', 'get v.i.a.g.r.a', 'get vïágra', 'get viaaagra', 'get v*agra', 'BUY N0W!']) {
        const d = engine.moderate({ content }, p);
        expect([content, d.action, d.reasons[0].code]).toEqual([content, 'reject', 'BANNED_WORD']);
      }
      expect(engine.moderate({ content: 'a viable agrarian plan, buy it now' }, p).action).toBe('approve');
    });

    it('rejects a banned word split by characters that render as nothing', () => {
      const p = resolveSitePolicy({ bannedWords: ['grifter', 'buy now'], suspectWords: ['crypto'] });
      // Zero-width space, non-joiner, joiner, word joiner, BOM, soft hyphen, variation selector, isolate, tag.
      for (const mark of ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\uFE0F', '\u2066', '\u{E0020}']) {
        for (const content of [`what a grif${mark}ter`, `bu${mark}y n${mark}ow`]) {
          const d = engine.moderate({ content }, p);
          expect([content, d.action, d.reasons[0].code]).toEqual([content, 'reject', 'BANNED_WORD']);
        }
        expect(codes(engine, { content: `cry${mark}pto today` }, p)).toEqual(['SUSPECT_WORD']);
      }
    });

    it('holds a suspect word and reports the site spelling as evidence', () => {
      const d = engine.moderate({ content: 'Try CRYPT0 today' }, resolveSitePolicy({ suspectWords: ['crypto'] }));
      expect(d.action).toBe('hold');
      expect(d.reasons[0]).toMatchObject({ code: 'SUSPECT_WORD', evidence: { terms: ['crypto'] } });
    });

    it.each([
      [{ honeypot: 'http://spam' }, {}, 'HONEYPOT', 'reject'],
      [{}, { blocked: { email: true } }, 'BLOCKED_EMAIL', 'reject'],
      [{}, { blocked: { ipHash: true } }, 'BLOCKED_IP', 'reject'],
      [{}, { blocked: { domain: true } }, 'BLOCKED_DOMAIN', 'reject'],
      [{}, { duplicateRecent: true }, 'DUPLICATE', 'reject'],
      [{}, { recentFromEmail: 5 }, 'FLOOD', 'hold'],
      [{}, { recentFromIp: 9 }, 'FLOOD', 'hold'],
    ] as const)('%j %j → %s (%s)', (extra, ctx, code, action) => {
      const d = engine.moderate({ content: 'hello', ...extra }, policy, ctx);
      expect(d.action).toBe(action);
      expect(d.reasons[0].code).toBe(code);
    });

    it('does not flood below the limit', () => {
      expect(engine.moderate({ content: 'hello' }, policy, { recentFromEmail: 4, recentFromIp: 4 }).action).toBe('approve');
    });

    it('pre-moderates everyone but trusted authors when the policy lets them skip', () => {
      const pre = resolveSitePolicy({ mode: 'pre' });
      expect(codes(engine, { content: 'hello' }, pre)).toEqual(['PREMODERATION']);
      expect(engine.moderate({ content: 'hello' }, pre, { trustedAuthor: true })).toMatchObject({ action: 'approve', reasons: [{ code: 'TRUSTED_AUTHOR' }] });
      const strict = resolveSitePolicy({ mode: 'pre', trustedSkipPremoderation: false });
      expect(codes(engine, { content: 'hello' }, strict, { trustedAuthor: true })).toEqual(['PREMODERATION', 'TRUSTED_AUTHOR']);
    });

    it('puts reject reasons before hold reasons and never reports the e-mail', () => {
      const d = engine.moderate({ content: 'a http://x.example b http://y.example c http://z.example', authorEmail: 'sam@example.com' }, policy, { duplicateRecent: true });
      expect(d.reasons.map((r) => r.code)).toEqual(['DUPLICATE', 'LINKS_OVER_LIMIT']);
      expect(JSON.stringify(d)).not.toContain('sam@example.com');
    });
  });

  describe('models', () => {
    const engine = ModerationEngine.load();
    const policy = DEFAULT_SITE_POLICY;
    const tox = (content: string) => engine.moderate({ content }, policy).scores.toxicity;

    it('reports the content-hash versions of the loaded models', () => {
      expect(engine.modelVersions).toEqual({ spam: expect.stringMatching(/^spam-[0-9a-f]{12}$/), toxicity: expect.stringMatching(/^toxicity-[0-9a-f]{12}$/), hate: engine.modelVersions.toxicity });
    });

    it('scores a text as readers see it: characters that render as nothing hide no word', () => {
      const hidden = (text: string, mark: string) => text.replace(/(\w)(\w)/g, `$1${mark}$2`);
      for (const content of ['Fuck you and your article, you worthless idiot', 'Buy cheap viagra now, click here for free money']) {
        const seen = engine.moderate({ content }, policy);
        for (const mark of ['\u200B', '\u00AD', '\u2060', '\uFE0F']) {
          const d = engine.moderate({ content: hidden(content, mark) }, policy);
          expect([mark, d.action, d.scores]).toEqual([mark, seen.action, seen.scores]);
        }
      }
    });

    it('scores a text as readers see it: Cyrillic look-alike letters hide no word', () => {
      const banning = resolveSitePolicy({ bannedWords: ['grifter'] });
      for (const [latin, mixed] of [
        ['Fuck you and your article, you worthless idiot', 'Fu\u0441k you and your article, you worthless idi\u043Et'],
        ['Buy cheap viagra now, click here for free money', 'Buy che\u0430p v\u0456agra now, click here for free money'],
      ]) {
        const seen = engine.moderate({ content: latin }, policy);
        const d = engine.moderate({ content: mixed }, policy);
        expect([d.action, d.scores]).toEqual([seen.action, seen.scores]);
      }
      expect(engine.moderate({ content: 'what a gr\u0456fter' }, banning).reasons[0].code).toBe('BANNED_WORD');
      // A word of look-alikes only, in an English comment (Cyrillic і, ԁ, і, о, т).
      const latin = engine.moderate({ content: 'you are an idiot' }, policy);
      const disguised = engine.moderate({ content: 'you are an \u0456\u0501\u0456\u043E\u0442' }, policy);
      expect([disguised.action, disguised.scores]).toEqual([latin.action, latin.scores]);
    });

    it("reads the author's name as readers see it too", () => {
      const content = 'Nice article, thanks.';
      const sales = engine.moderate({ content, authorName: 'Cheap Viagra Online' }, policy).scores.spam;
      for (const hidden of ['Cheap Via\u200Bgra Onl\u00ADine', 'Che\u0430p V\u0456agra Online']) {
        expect(engine.moderate({ content, authorName: hidden }, policy).scores.spam).toBe(sales);
      }
    });

    it('catches blog-style link spam and explains it', () => {
      const d = engine.moderate({ content: 'Great post! Thanks for sharing. <a href="http://pills.example.ru">cheap meds</a>' }, policy);
      expect(d.action).not.toBe('approve');
      const reason = d.reasons.find((r) => r.code === 'SPAM_MODEL');
      expect(reason?.evidence).toMatchObject({ markupLinks: 1, modelVersion: engine.modelVersions.spam });
    });

    it('holds, never rejects, a genuine comment citing more sources than the link limit, and still rejects link spam', () => {
      // bbc.co.uk, theguardian.com and reuters.com are not in the generated training comments: this checks the
      // lesson (citing sources is not spam) carries over, not that three domains were memorised.
      const citing = engine.moderate({
        content: "Good piece. See the BBC report https://www.bbc.co.uk/news/world-europe-68123456, the Guardian's https://www.theguardian.com/world/2024/jan/30/ukraine-aid-deal and Reuters https://www.reuters.com/world/europe/eu-leaders-agree-2024-02-01/ for the other side.",
      }, policy);
      expect(citing.action).toBe('hold');
      expect(citing.reasons[0].code).toBe('LINKS_OVER_LIMIT');
      expect(citing.scores.spam).toBeLessThan(policy.thresholds.spam.hold);
      const spam = engine.moderate({ content: 'Great post! <a href="http://cheap-pills.example">cheap meds</a> <a href="http://casino.example">online casino</a> <a href="http://loans.example">payday loans</a>' }, policy);
      expect(spam.action).toBe('reject');
      expect(spam.reasons[0].code).toBe('SPAM_MODEL');
    });

    // Worded unlike the generated offers (tools/train/synthetic.ts `offerRows`).
    it.each([
      'Thank you Dr. Okoro for curing my arthritis with his herbal oil. Reach him on WhatsApp +234 802 555 1234.',
      'Fast approval personal loans, 3% interest, no credit check. Email approvals@quickcash-lenders.com',
    ])('holds scam and service spam that ends in a way to be contacted: "%s"', (content) => {
      const d = engine.moderate({ content }, policy);
      expect(d.action).not.toBe('approve');
      expect(d.reasons.map((r) => r.code)).toContain('SPAM_MODEL');
    });

    it.each([
      'I paid $2,300 for my hearing aids and insurance covered nothing. Email your representative about it.',
      "Beware: someone on Telegram is pretending to be this paper's editor and asking for money.",
      'My brother lost $40,000 to a crypto scam last year and the police did nothing.',
    ])('approves a genuine comment with money or a messaging app in it: "%s"', (content) => {
      expect(engine.moderate({ content }, policy).action).toBe('approve');
    });

    it('lets an ordinary comment with one link through', () => {
      expect(engine.moderate({ content: 'The council minutes are here: https://www.boston.gov/departments/city-council - page 4 has the vote.' }, policy).action).toBe('approve');
    });

    it('adds author-field evidence to the spam score', () => {
      const plain = engine.moderate({ content: 'Nice article, thanks.', authorName: 'Sam' }, policy).scores.spam;
      const sales = engine.moderate({ content: 'Nice article, thanks.', authorName: 'Cheap Viagra Online', authorUrl: 'http://cheap-pills.xyz' }, policy);
      expect(sales.scores.spam).toBeGreaterThan(plain);
      expect(sales.reasons.find((r) => r.code === 'SPAM_MODEL')?.evidence).toMatchObject({ authorSignals: expect.arrayContaining(['sales_words_in_name']) });
    });

    it.each([
      ['I am a gay Muslim woman', 'I am a tall woman'],
      ['My Black neighbour helped us move', 'My tall neighbour helped us move'],
      ['I am a proud Jewish father', 'I am a proud busy father'],
      ['As a transgender nurse, I found this useful', 'As a friendly nurse, I found this useful'],
      ['Immigrants built this country', 'Farmers built this country'],
      ['Muslims live in this country too', 'Dentists live in this country too'],
    ])('scores "%s" like its neutral twin "%s"', (identity, twin) => {
      const a = engine.moderate({ content: identity }, policy);
      const b = engine.moderate({ content: twin }, policy);
      expect(a.action).toBe('approve');
      expect(Math.abs(a.scores.toxicity - b.scores.toxicity)).toBeLessThan(0.15);
      expect(Math.abs(a.scores.hate - b.scores.hate)).toBeLessThan(0.25);
    });

    it.each([
      'These people are vermin, deport them all.',
      'Muslims are invaders breeding like rats.',
      'Send them all back, they are savages.',
      'Go back to your country.',
    ])('flags hate toward a group without a slur: "%s"', (content) => {
      const d = engine.moderate({ content }, policy);
      expect(d.action).not.toBe('approve');
      expect(d.reasons.map((r) => r.code)).toContain('HATE_MODEL');
    });

    // A stereotype stated calmly; the generated rows say "{A} people are greedy and dishonest."
    it.each(['Jews are greedy.', 'Immigrants are barbaric, all of them.'])('holds a stereotype about a group: "%s"', (content) => {
      const d = engine.moderate({ content }, policy);
      expect(d.action).not.toBe('approve');
      expect(d.reasons.find((r) => r.code === 'TOXICITY_MODEL')?.evidence?.signals).toContain('contempt-for-group');
    });

    // Worded unlike `stereotypeRows` ("{G} are too emotional to lead.", "{G} are less intelligent than us.").
    // "Get back in the kitchen and make me a sandwich." was pinned here until 28 November 2026; it sits at the
    // hold line (0.59–0.60 from one retrain to the next), and a phrase cue for it rejected cooking comments.
    it.each(['Women are too emotional to be leaders.', 'Black people are genetically less intelligent.'])(
      'holds a stereotype with no contempt word: "%s"',
      (content) => {
        expect(engine.moderate({ content }, policy).action).not.toBe('approve');
      },
    );

    // Worded unlike `peopleRows` and `stereotypeRows`; the group cues name what they saw.
    it.each([
      ['Muslims are a cancer spreading through Europe.', 'dehumanising'],
      ['Kurds are terrorists, all of them.', 'dehumanising'],
      ['Women should not be allowed to work.', 'denies-group-rights'],
      ['Gay people are mentally ill.', 'contempt-for-group'],
    ])('holds a group called a disease, denied its rights or its sanity: "%s"', (content, signal) => {
      const d = engine.moderate({ content }, policy);
      expect(d.action).not.toBe('approve');
      expect(d.reasons.find((r) => r.code === 'TOXICITY_MODEL')?.evidence?.signals).toContain(signal);
    });

    // Counter-speech: hate quoted in order to report or condemn it is held for a person, never rejected.
    it.each([
      'Calling refugees "vermin" is disgusting. These are people fleeing war.',
      'Ban the far-right march. They chanted "gas the Jews" last time.',
      'He called her a "stupid bitch" on live TV and kept his job?',
    ])('holds, not rejects, hate the comment quotes to report: "%s"', (content) => {
      const d = engine.moderate({ content }, policy);
      expect(d.action).toBe('hold');
      const reason = d.reasons.find((r) => r.code === 'TOXICITY_MODEL');
      expect(reason?.message).toContain('held, not rejected');
      expect(reason?.evidence?.withoutQuotations).toBeLessThan(policy.thresholds.toxicity.reject);
      // Without the quotation the comment would have been rejected: the quotation is what scored.
      expect(d.scores.toxicity).toBeGreaterThanOrEqual(policy.thresholds.toxicity.reject);
    });

    // Counter-speech without quotation marks: a claim reported in order to condemn it.
    it.each([
      'The speaker said all Muslims are terrorists, which is disgusting and racist.',
      'People who call immigrants vermin and parasites should be ashamed.',
    ])('holds, not rejects, hate the comment reports unquoted to condemn it: "%s"', (content) => {
      const d = engine.moderate({ content }, policy);
      expect(d.action).toBe('hold');
      expect(d.reasons.find((r) => r.code === 'TOXICITY_MODEL')?.message).toContain('held, not rejected');
      expect(d.scores.toxicity).toBeGreaterThanOrEqual(policy.thresholds.toxicity.reject);
    });

    it.each([
      // The writer's own claim, and one agreed with, are no report.
      'I said all Muslims are terrorists and it is disgusting they are here.',
      'He said immigrants are vermin and parasites, and he is right, disgusting people.',
      // The condemnation negated, or the claim the writer answers, or after a "but" (a review's loopholes).
      "It's not racist to say immigrants are vermin and should be deported.",
      'The left will call this racist but immigrants are vermin and should be shot.',
      "They can claim it's racist all they like, blacks are apes and should be lynched.",
      "People say it's disgusting but refugees are parasites and should be hanged.",
      'Libs called it vile when someone said all Muslims should be hanged. Good.',
    ])('still rejects a claim of the writer or agreed with: "%s"', (content) => {
      expect(engine.moderate({ content }, policy).action).toBe('reject');
    });

    it('still rejects when what scores is outside the quotation', () => {
      const d = engine.moderate({ content: 'You are a "fucking idiot", as my dad would say, you moron.' }, policy);
      expect(d.action).toBe('reject');
      expect(d.reasons.find((r) => r.code === 'TOXICITY_MODEL')?.evidence?.withoutQuotations).toBeUndefined();
    });

    // A site that allows swearing aimed at no one approves it, with the toxicity reason as information.
    describe('with allowUnaimedProfanity', () => {
      const swearing = resolveSitePolicy({ allowUnaimedProfanity: true });

      it.each(['holy shit what a result', 'this is fucking brilliant news', 'Bollocks. Was really hoping the pool would stay open.', 'damn good burger', 'fucking brilliant performance from the whole team',
        'he fucking did it! what a finish', 'fuck this weather', 'holy fuck that was a great save'])(
        'approves "%s", which the default policy holds',
        (content) => {
          expect(engine.moderate({ content }, policy).action).toBe('hold');
          const d = engine.moderate({ content }, swearing);
          expect(d.action).toBe('approve');
          const reason = d.reasons.find((r) => r.code === 'TOXICITY_MODEL');
          expect(reason?.message).toContain('swearing aimed at no one');
          expect(reason?.evidence?.withoutProfanity).toBeLessThan(swearing.thresholds.toxicity.hold);
          expect(d.reasons.some((r) => r.code === 'NO_FLAGS')).toBe(false);
        },
      );

      // A review's loopholes: epithets and slurs are no mere swearing, and aimed swearing is vetoed, not outscored.
      it.each([
        'You are a fucking idiot', 'Fuck off back to where you came from', 'fucking immigrants ruining everything', 'Fuck the council',
        'Shut the fuck up', 'The mayor is a spineless sack of shit', 'what a cunt', 'fucking niggers everywhere now', '@dave eat shit',
        'fuck Trump', 'get fucked mate', 'Starmer is a fucking disgrace', 'the author can eat shit and die', "I'm going to beat the shit out of the mayor",
        'WHAT A FUCKING JOKE OF A WRITER', 'YOU ARE ALL SHEEP, WAKE THE FUCK UP', 'this reporter is a shitbag', 'she fucking disgusts me', 'fuck this author',
      ])('still flags swearing aimed at someone: "%s"', (content) => {
        const d = engine.moderate({ content }, swearing);
        expect(d.action).not.toBe('approve');
        expect(d.reasons.find((r) => r.code === 'TOXICITY_MODEL')?.evidence?.withoutProfanity).toBeUndefined();
      });

      it('never lowers a reject or a hate hold', () => {
        for (const content of ['fucking hell man, what a match', 'stupid fucking printer']) {
          expect(engine.moderate({ content }, policy).action).toBe('reject');
          expect(engine.moderate({ content }, swearing).action).toBe('reject');
        }
      });
    });

    // Swearing at someone in so many words, diluted below the models' hold threshold by a longer comment.
    it.each(['Fuck you and your article', 'The council has ignored us for years. Fuck you, councillors, you will not get my vote.'])(
      'holds "%s" by rule when the models pass it',
      (content) => {
        const d = engine.moderate({ content }, policy);
        expect(d.scores.toxicity).toBeLessThan(policy.thresholds.toxicity.hold);
        expect(d.action).toBe('hold');
        expect(d.reasons.find((r) => r.code === 'AIMED_PROFANITY')?.evidence?.terms).toEqual(['fuck you']);
      },
    );

    it.each([['F*** you and your paper', 'f*** you'], ['Oh fuck you, Dave, and your article.', 'fuck you'], ['What a read. You can fuck right off with this.', 'fuck right off']])(
      'reads masked and clause-opening forms: "%s"',
      (content, term) => {
        expect(swearingAtSomeone(content)).toBe(term);
        expect(engine.moderate({ content }, policy).action).not.toBe('approve');
      },
    );

    it.each([
      'The screw you need is a 4mm one.', 'The pub landlord told them to piss off and they did.', 'Thank you, fucking legend',
      // A review's false holds: the words inside a sentence, reported, self-directed or idioms.
      'Ryanair will screw you on baggage fees.', 'This will piss off a lot of fans.', 'I am going to bugger off to the pub.', 'Thank fuck you got home safe.',
      'It was cold as fuck you could see your breath.', 'The driver shouted fuck you at the cyclist.', 'Students get fucked by this policy.', 'He drives a big fuck-off 4x4.',
    ])(
      'finds no swearing aimed at anyone in "%s"',
      (content) => {
        expect(engine.moderate({ content }, policy).reasons.some((r) => r.code === 'AIMED_PROFANITY')).toBe(false);
      },
    );

    // Slurs the profanity lexicon lacks: a group and contempt in one word.
    it.each(['dumb paki', 'stupid jap'])('holds a slur: "%s"', (content) => {
      const d = engine.moderate({ content }, policy);
      expect(d.action).not.toBe('approve');
      expect(d.reasons.find((r) => r.code === 'TOXICITY_MODEL')?.evidence?.signals).toContain('contempt-for-group');
    });

    // Words sharing letters with a slur (the Scunthorpe problem); the generated look-alikes use other sentences.
    it.each(['Nigeria won the match.', 'Nigerian farmers need rain.'])('approves a look-alike of a slur: "%s"', (content) => {
      expect(engine.moderate({ content }, policy).action).toBe('approve');
    });

    // "people" leant toxic when most hateful templates said "{A} people are …"; these were held for it.
    it.each([
      'Homeless people should get housing first.',
      'Terminally ill people should be allowed to die with dignity.',
      'People are tired of this government.',
      'Women were not allowed to vote until 1920.',
      'My Muslim neighbour is a cancer survivor.',
    ])('approves an ordinary sentence about people: "%s"', (content) => {
      expect(engine.moderate({ content }, policy).action).toBe('approve');
    });

    it.each([
      'Heart disease is the leading cause of death.',
      'The greedy landlord raised the rent again.',
      'The barbaric attack on the mosque shocked the town.',
      'The invasion of Ukraine was a disaster.',
      'Rats in the subway are a problem.',
      'These immigrants built our town.',
      'All Muslims are welcome here.',
      'I love this country.',
    ])('does not read a literal word as dehumanising: "%s"', (content) => {
      expect(engine.moderate({ content }, policy).action).toBe('approve');
    });

    // Worded unlike the generated training threats (tools/train/synthetic.ts).
    it.each([
      'Say that again and I will strangle you with my bare hands.',
      'honestly hope u die in a fire',
      'Someone needs to shoot that mayor.',
      'Every last refugee should be gassed.',
      'We know where you live, watch your back.',
    ])('holds or rejects a threat: "%s"', (content) => {
      const d = engine.moderate({ content }, policy);
      expect(d.action).not.toBe('approve');
      expect(d.reasons.map((r) => r.code)).toContain('TOXICITY_MODEL');
    });

    // Death wishes on groups that are not identities; the generated threats say "All {g} should die."
    it.each([
      'Boomers should all die.',
      'Fat people deserve to die.',
      'Homeless people should be shot.',
      'The elderly should be euthanized.',
      'Old people should just hurry up and die.',
    ])(
      'holds or rejects a death wish on a group: "%s"',
      (content) => {
        const d = engine.moderate({ content }, policy);
        expect(d.action).not.toBe('approve');
        expect(d.reasons.find((r) => r.code === 'TOXICITY_MODEL')?.evidence?.signals).toContain('threat-to-group');
      },
    );

    it.each([
      'Elderly people deserve to die at home, surrounded by family.',
      'Republicans should suffer at the polls in November.',
      'Innocent people should not die because of this law.',
      'Homeless people should not die on our streets.',
    ])(
      'approves talk of death or suffering that wishes it on nobody: "%s"',
      (content) => {
        expect(engine.moderate({ content }, policy).action).toBe('approve');
      },
    );

    it('tells the moderator what kind of toxicity it saw', () => {
      const signals = (content: string): unknown => engine.moderate({ content }, policy).reasons.find((r) => r.code === 'TOXICITY_MODEL')?.evidence?.signals;
      expect(signals('I will find you and kill you, you idiot.')).toEqual(['insult', 'insult-to-reader', 'threat', 'threat-to-reader']);
      expect(signals('All immigrants should be hanged.')).toEqual(['threat', 'threat-to-group']);
      expect(signals('These people are filthy vermin, deport them all.')).toEqual(expect.arrayContaining(['dehumanising', 'generalising', 'wants-group-gone']));
    });

    // Worded unlike the generated harassment rows (tools/train/synthetic.ts `harassmentRows`).
    it.each([
      ['Nice tits, send nudes.', 'sexual-harassment'],
      ['I want to see you naked.', 'sexual-harassment'],
      ['Jews control the media and the banks.', 'conspiracy-about-group'],
      ['The media is controlled by the Jews.', 'conspiracy-about-group'],
      ["Somebody find this guy's address.", 'doxxing'],
      ['Post his home address so we can pay him a visit.', 'doxxing'],
      ['Someone find out where she lives.', 'doxxing'],
      ['Your mother should have aborted you.', 'degrading'],
      ['Nobody would miss you if you were gone.', 'degrading'],
    ])('holds harassment that names no insult or violence: "%s"', (content, signal) => {
      const d = engine.moderate({ content }, policy);
      expect(d.action).not.toBe('approve');
      expect(d.reasons.find((r) => r.code === 'TOXICITY_MODEL')?.evidence?.signals).toContain(signal);
    });

    it.each([
      'The nude painting at the museum is beautiful.',
      'You can see Venus with the naked eye tonight.',
      'My nipples hurt while breastfeeding, any advice?',
      'The banks control interest rates, not the media.',
      'Muslim journalists work in the media too.',
      'Women rule the world!',
      'Women control their own bodies.',
      'She found his address in the phone book and sent a thank-you card.',
      'Can you post your address so I can send the prize?',
      'Doxxing is illegal and should be punished.',
      'This stadium is a waste of space.',
    ])('approves the same words said to nobody or about no group: "%s"', (content) => {
      expect(engine.moderate({ content }, policy).action).toBe('approve');
    });

    it.each([
      'The flood killed 30 people in the valley last spring.',
      'Smoking will kill you, my doctor said, so I quit.',
      'I would kill for a holiday right now.',
      'The villain dies in the last chapter, which I loved.',
      'The program should be executed before the deadline.',
    ])('approves talk of violence that threatens nobody: "%s"', (content) => {
      expect(engine.moderate({ content }, policy).action).toBe('approve');
    });

    it('sees through obfuscation', () => {
      const clean = tox('you are a nice person');
      for (const content of ['you are a f*cking idiot', 'you are an id1ot', 'you are a s t u p i d idiot', 'you are a fuuuuucking moron', 'ｆｕｃｋ you']) {
        expect([content, tox(content) > 0.5]).toEqual([content, true]);
        expect(tox(content)).toBeGreaterThan(clean);
      }
    });
  });

  describe('cost grows linearly with length', () => {
    const engine = ModerationEngine.load();
    const shapes: [string, (n: number) => string][] = [
      ['one repeated character', (n) => 'a'.repeat(n)],
      ['nested markup', (n) => '<a href="http://x.example/"><b><i>'.repeat(n).slice(0, n)],
      ['unclosed tags and quotes', (n) => '<a <a href="[url='.repeat(n).slice(0, n)],
      ['spaced letters', (n) => 'f u '.repeat(n).slice(0, n)],
      // An unbounded digit-and-comma pattern was quadratic here (the money cue's first draft).
      ['digits and commas', (n) => '1,'.repeat(n).slice(0, n)],
      // Rejected for toxicity and full of reported quotations: the quotation pass runs too.
      ['quoted insults', (n) => 'they said "you fucking idiot" and '.repeat(n).slice(0, n)],
    ];

    it('does not add up the same n-grams of a long emoji run into toxicity (6,000 🙂 scored 1)', () => {
      const d = engine.moderate({ content: '🙂'.repeat(6000) }, DEFAULT_SITE_POLICY);
      expect(d.scores.toxicity).toBeLessThan(DEFAULT_SITE_POLICY.thresholds.toxicity.hold);
      expect(d.reasons.map((r) => r.code)).not.toContain('TOXICITY_MODEL');
    });

    it.each(shapes)('%s: 10,000 chars finish in bounded time', (_, make) => {
      // Generous bound: a quadratic scan of 10,000 chars would take seconds, linear takes milliseconds.
      const content = make(10_000);
      const policy = resolveSitePolicy({ bannedWords: ['fu', 'aaa'], suspectWords: ['href'] });
      engine.moderate({ content }, policy);
      const start = performance.now();
      const d = engine.moderate({ content, authorName: content, authorUrl: content }, policy);
      expect(performance.now() - start).toBeLessThan(500);
      expect(['approve', 'hold', 'reject']).toContain(d.action);
    });
  });
});
