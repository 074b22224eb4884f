import { DEFAULT_SITE_POLICY } from '../policy';
import { ModerationEngine } from '../engine';
import { authorSignals, COVER_CONTENT_FLOOR } from './author';

const signals = (name: string, url?: string, content = ''): string[] =>
  authorSignals(name, url, content).signals;

describe('authorSignals', () => {
  it.each([
    ['Carpet Cleaning Sydney', true],
    ['Personal Injury Lawyer Houston', true],
    ['Roofing Contractors Leeds', true],
    ['Best Carpet Cleaning of Sydney', true],
    ['Electrician Manchester', true],
    ['Ｃａｒｐｅｔ Ｃｌｅａｎｉｎｇ Ｓｙｄｎｅｙ', true],
    ['Smith & Sons Plumbing', false],
    ["Rosie's Bakery", false],
    ['Sarah at Crumbs Bakery', false],
    ['Tom from Tom’s Bikes', false],
    ['Leeds Astronomy Society', false],
    ['Cleaning', false],
    ['Priya Raman', false],
  ])('%j is a keyword name: %s', (name, expected) => {
    expect(signals(name).includes('keyword_name')).toBe(expected);
  });

  it('counts a sales word in the name once, not again as a keyword', () => {
    expect(signals('Crypto Recovery Expert')).toEqual(['sales_words_in_name']);
    // Real names: a Korean surname, a Vietnamese given name.
    expect(signals('Ji-woo Seo')).toEqual([]);
    expect(signals('Nguyen Thi Loan')).toEqual([]);
  });

  it('finds praise that fits any page, and only that', () => {
    const generic = (content: string) =>
      signals('Sam', 'https://sam.blog', content).includes('generic_comment');
    expect(generic('Wonderful post, thanks for sharing.')).toBe(true);
    expect(generic('I agree with your points, great write up.')).toBe(true);
    expect(generic('Great recipe, made it twice')).toBe(false);
    expect(generic('Thanks! The bridge opened in 1894, not 1898.')).toBe(false);
    // No website and no keyword name: nothing to promote, so not counted.
    expect(signals('Sam', undefined, 'Wonderful post, thanks for sharing.')).toEqual([]);
  });

  it('makes bland praise a cover only for a keyword name with a website', () => {
    const praise = 'Great post, thanks for sharing!';
    expect(authorSignals('Carpet Cleaning Sydney', 'https://sydneycarpetcare.com.au', praise)).toMatchObject({
      cover: true,
      logit: 6,
    });
    expect(authorSignals('Jen', 'https://jenreads.blogspot.com', praise)).toMatchObject({
      cover: false,
      logit: 0.5,
    });
    expect(COVER_CONTENT_FLOOR).toBe(-2.5);
  });

  it('tells a product plug under a person’s name from a business signing as itself or a page on a platform', () => {
    const plug = (name: string, url: string, content: string) =>
      signals(name, url, content).includes('undisclosed_plug');
    expect(
      plug(
        'Grace Thompson',
        'https://serenitysleepapp.com',
        'I found the Serenity Sleep app transformed my evenings.',
      ),
    ).toBe(true);
    expect(
      plug('Grace Thompson', 'https://shop.serenitysleepapp.co.uk', 'The Serenity Sleep app helps.'),
    ).toBe(true);
    expect(
      plug(
        'Tom from Tom’s Bikes',
        'https://tomsbikes.co.uk',
        "Tom's Bikes here: free safety checks this week.",
      ),
    ).toBe(false);
    expect(plug('Sue T', 'https://suetwrites.co.uk', 'I wrote about this on Sue T Writes last year.')).toBe(
      false,
    );
    expect(
      plug(
        'Chris Patel',
        'https://youtube.com/@chrispatel',
        'I posted a video of the route on my YouTube channel.',
      ),
    ).toBe(false);
    expect(
      plug('Alex Chen', 'https://github.com/alexchen', 'I put the script on GitHub if anyone wants it.'),
    ).toBe(false);
    expect(
      plug('Grace Thompson', 'https://serenitysleepapp.com', 'Mindfulness matters more than ever.'),
    ).toBe(false);
  });

  it.each([
    // Spam words that are no spam: inside another word, an institution, a town, a car club.
    ['https://thedogspecialist.co.uk', []],
    ['https://socialisland.blog', []],
    ['https://asteroidwatchers.net', []],
    ['https://slotcarfan.com', []],
    ['https://theessayist.org', []],
    ['https://casino.nsw.gov.au', []],
    ['https://castlestreetpharmacy.co.uk', []],
    ['https://ford-escort-club.co.uk', ['sales_words_in_website']],
    // A second word that is no trade word: a place ("cheshire" holds "hire", "budapest" "pest"), a club.
    ['https://cheshire-poker-club.co.uk', ['sales_words_in_website']],
    ['https://budapestslotcars.hu', []],
    // Numbers on an ordinary TLD, a spam-heavy TLD without numbers: one sign each.
    ['https://leeds1875.com', ['digits_in_website']],
    ['https://gamerjen.xyz', ['website_tld']],
    // Spam sites: a drug brand anywhere, an ambiguous word with digits or a spam TLD.
    ['https://kamagra-uk-pharmacy.com', ['spam_words_in_website']],
    ['https://slotmaxwin888.xyz', ['website_tld', 'spam_words_in_website', 'digits_in_website']],
    ['https://mumbai-escorts24.vip', ['website_tld', 'spam_words_in_website']],
    ['admin@kamagra-uk-pharmacy.com', ['spam_words_in_website']],
    ['http:/kamagra-uk-pharmacy.com', ['spam_words_in_website']],
    // An ambiguous word beside a sales word.
    ['https://cheap-cialis-online.shop', ['spam_words_in_website']],
    ['https://discount-escorts-london.com', ['spam_words_in_website']],
    // Beside a trade word, and numbers on a spam-heavy TLD: one sign each, since readers' sites look the
    // same ("essaywritingtutorleicester", "hugheschemist-onlinepharmacy", a band's "lowtides2019.xyz").
    ['https://keto-diet-pills.store', ['sales_words_in_website']],
    ['https://essay-writing-tutor.co.uk', ['sales_words_in_website']],
    ['https://xpj8888.vip', ['website_tld', 'digits_in_website']],
  ])('reads the website %s as %j', (url, expected) => {
    expect(signals('Sam', url, 'The dog show was brilliant this year.')).toEqual(expected);
  });
});

describe('the engine with author fields', () => {
  const engine = ModerationEngine.load();
  const policy = DEFAULT_SITE_POLICY;
  const moderate = (content: string, authorName: string, authorUrl?: string) =>
    engine.moderate({ content, authorName, authorUrl }, policy);

  it.each([
    // WordPress SEO spam: a keyword name, a website and praise that fits any page.
    ['This is exactly what I was looking for.', 'Carpet Cleaning Sydney', 'https://sydneycarpetcare.com.au'],
    [
      'I agree with your points, great write up.',
      'Personal Injury Lawyer Houston',
      'https://houstoninjuryfirm.com',
    ],
    // Scraped text as cover for a spam site.
    [
      'The ferry timetable changes from 1 April, with the last sailing now departing at 21:15.',
      'Dwaynetop',
      'https://kamagra-uk-pharmacy.com',
    ],
    [
      'Roadworks on the A61 are expected to last until the end of June.',
      'Kev',
      'https://cheap-cialis-online.shop',
    ],
  ])('holds %j by %j', (content, name, url) => {
    const d = moderate(content, name, url);
    expect(d.action).toBe('hold');
    // The text alone passes: the author fields and the floor under the text's score do the holding.
    expect(d.reasons.find((r) => r.code === 'SPAM_MODEL')?.evidence?.contentScore).toBeLessThan(
      policy.thresholds.spam.hold,
    );
  });

  it.each([
    ['Bookmarked. Thank you!', 'Chris D', 'https://chrisdoesdiy.net'],
    [
      'Plumber here: the advice about lagging outdoor pipes before the freeze is spot on.',
      'Smith & Sons Plumbing',
      'https://smithandsonsplumbing.co.uk',
    ],
    [
      "Tom from Tom's Bikes here, happy to do free safety checks for any kids taking part in cycle-to-school week.",
      "Tom from Tom's Bikes",
      'https://tomsbikes.co.uk',
    ],
    ['Thanks for sharing this useful information.', 'Helen', undefined],
    [
      'The dog show was brilliant this year, well done to the organisers.',
      'The Dog Specialist',
      'https://thedogspecialist.co.uk',
    ],
    ['Great post, thanks for sharing!', 'Ji-woo Seo', 'https://jiwooseo.com'],
    ['Bookmarked. Thank you!', 'Jen', 'https://jenreads2019.blogspot.com'],
    [
      'I posted a video of the whole route on my YouTube channel if anyone wants to see the climb.',
      'Chris Patel',
      'https://youtube.com/@chrispatel',
    ],
  ])('approves %j by %j', (content, name, url) => {
    expect(moderate(content, name, url).action).toBe('approve');
  });

  it('never rejects on the author fields alone', () => {
    const d = moderate(
      'We are closed Monday for the parade, back Tuesday as usual.',
      'Cheap Pharmacy Deals',
      'https://cheap-pharmacy-deals247.xyz',
    );
    expect(d.scores.spam).toBeGreaterThanOrEqual(policy.thresholds.spam.reject);
    expect(d.action).toBe('hold');
    expect(d.reasons.find((r) => r.code === 'SPAM_MODEL')?.message).toContain('held, not rejected');
  });
});
