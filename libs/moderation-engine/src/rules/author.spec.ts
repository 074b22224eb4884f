import { DEFAULT_SITE_POLICY } from '../policy';
import { ModerationEngine } from '../engine';
import { authorSignals } from './author';

describe('authorSignals', () => {
  it.each([
    ['Carpet Cleaning Sydney', true],
    ['Personal Injury Lawyer Houston', true],
    ['Crypto Recovery Expert', true],
    ['Smith & Sons Plumbing', false],
    ["Rosie's Bakery", false],
    ['Sarah at Crumbs Bakery', false],
    ['Tom from Tom’s Bikes', false],
    ['Leeds Astronomy Society', false],
    ['Cleaning', false],
    ['Priya Raman', false],
  ])('%j is a keyword name: %s', (name, expected) => {
    expect(authorSignals(name, undefined).signals.includes('keyword_name')).toBe(expected);
  });

  it('finds praise that fits any page, and only that', () => {
    const generic = (content: string) =>
      authorSignals('Sam', 'https://sam.blog', content).signals.includes('generic_comment');
    expect(generic('Wonderful post, thanks for sharing.')).toBe(true);
    expect(generic('I agree with your points, great write up.')).toBe(true);
    expect(generic('Great recipe, made it twice')).toBe(false);
    expect(generic('Thanks! The bridge opened in 1894, not 1898.')).toBe(false);
    // No website and no keyword name: nothing to promote, so not counted.
    expect(authorSignals('Sam', undefined, 'Wonderful post, thanks for sharing.').signals).toEqual([]);
  });

  it('tells a product plug under a person’s name from a business signing as itself', () => {
    const plug = (name: string, url: string, content: string) =>
      authorSignals(name, url, content).signals.includes('undisclosed_plug');
    expect(
      plug(
        'Grace Thompson',
        'https://serenitysleepapp.com',
        'I found the Serenity Sleep app transformed my evenings.',
      ),
    ).toBe(true);
    expect(
      plug(
        'Tom from Tom’s Bikes',
        'https://tomsbikes.co.uk',
        "Tom's Bikes here: free safety checks for kids this week.",
      ),
    ).toBe(false);
    expect(plug('Sue T', 'https://suetwrites.co.uk', 'I wrote about this on Sue T Writes last year.')).toBe(
      false,
    );
    expect(
      plug('Grace Thompson', 'https://serenitysleepapp.com', 'Mindfulness matters more than ever.'),
    ).toBe(false);
  });

  it('marks a spam site or bland praise as cover, so the content cannot clear it', () => {
    expect(
      authorSignals('Kevin', 'https://cheap-cialis-online.shop', 'The bus lane opens in March.'),
    ).toMatchObject({
      cover: true,
      signals: ['spam_words_in_website'],
    });
    expect(authorSignals('Kevin', 'https://kevinwrites.net', 'The bus lane opens in March.').cover).toBe(
      false,
    );
    expect(authorSignals('Jamesbuh', 'https://slotmaxwin888.xyz', '').signals).toEqual([
      'website_tld',
      'spam_words_in_website',
      'digits_in_website',
    ]);
  });
});

describe('the engine with author fields', () => {
  const engine = ModerationEngine.load();
  const policy = DEFAULT_SITE_POLICY;
  const action = (content: string, authorName: string, authorUrl?: string) =>
    engine.moderate({ content, authorName, authorUrl }, policy).action;

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
    // An advert posing as a reader.
    [
      "Great insights on managing remote teams! For anyone looking to streamline their workflow, I've had excellent results with TaskNimbus.",
      'Daniel Reeves',
      'https://tasknimbus.io',
    ],
  ])('holds %j by %j', (content, name, url) => {
    expect(action(content, name, url)).toBe('hold');
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
  ])('approves %j by %j', (content, name, url) => {
    expect(action(content, name, url)).toBe('approve');
  });
});
