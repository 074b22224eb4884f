import { extractLinks } from '../text/links';
import { contactCues, spamMeta, spamText } from './spam-features';

const cues = (text: string): string[] => contactCues(text.toLowerCase());

describe(contactCues.name, () => {
  it.each([
    ['Contact him on WhatsApp +1 (555) 218-4471', ['contact:app']],
    ['Message Mrs. Sandra on Telegram', ['contact:app']],
    ['Email: fastloans@mailbox-credit.com', ['contact:email']],
    ['write to recoveryhackpro (at) protonmail', ['contact:obfuscated']],
    ['cyberghost at gmail dot com', ['contact:obfuscated']],
    ['order at essaywriters dot net', ['contact:obfuscated']],
    ['I earned $5,000 a week', ['money']],
    ['it costs 500 dollars', ['money']],
  ])('finds %j', (text, expected) => {
    expect(cues(text)).toEqual(expected);
  });

  it.each([
    'The dot com bubble burst in 2000.',
    'See you at mail call.',
    'I will be at work until six.',
    'Look at the data: 30 people died.',
    'Signal is a good idea here.',
    'It cost $50. and was worth it.',
    'Look at protons and neutrons.',
    'Look at Outlook and Gmail settings.',
    'He worked at a dot com company in the 90s dot com boom.',
    'I put 10% in my 401k and ran a 5k.',
  ])('finds none in %j', (text) => {
    expect(cues(text)).toEqual([]);
  });
});

describe(spamMeta.name, () => {
  const meta = (text: string): string[] => spamMeta(text, extractLinks(text));

  it('vouches for institutions only when every host is one', () => {
    expect(meta('The figures are on ons.gov.uk and en.wikipedia.org/wiki/Census')).toContain(
      'dom:institution',
    );
    // Found by a review: a reference host chained to a spam one ("github.com.cheap-pills.xyz") vouched for it.
    expect(meta('Cheap viagra, order at github.com.cheap-pills.xyz today')).not.toContain('dom:institution');
    expect(meta('See github.com or buy at cheap-pills.xyz')).not.toContain('dom:institution');
  });
});

describe(spamText.name, () => {
  it('cuts runs of a character to three, emoji included', () => {
    expect(spamText('WOW!!!!!!!! 🙂🙂🙂🙂🙂🙂')).toBe('wow!!! 🙂🙂🙂');
  });
});
