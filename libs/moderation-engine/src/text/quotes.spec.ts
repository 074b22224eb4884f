import { reportedQuotations, withoutSpans } from './quotes';

const quoted = (text: string): string[] => reportedQuotations(text).map((s) => text.slice(s.start, s.end));

describe(reportedQuotations.name, () => {
  it.each([
    ['Calling refugees "vermin" is disgusting.', ['"vermin"']],
    ['Ban the march. They chanted “gas the Jews” last time.', ['“gas the Jews”']],
    ['"Go back to your country," they shouted at my neighbour.', ['"Go back to your country,"']],
    ["The banner read 'kill them all' and nobody was arrested.", ["'kill them all'"]],
    ['He used the slur «sale arabe» twice.', ['«sale arabe»']],
  ])('finds a quotation with a reporting word before or after it: %s', (text, expected) => {
    expect(quoted(text)).toEqual(expected);
  });

  it.each([
    'Refugees are "vermin".',
    'They are like "animals", all of them.',
    "I don't think the Smiths' song was that good, it's fine.",
    'He said that nothing we did mattered, and "this" is what happened in the end.',
  ])('finds none in scare quotes, apostrophes or a reporting word too far away: %s', (text) => {
    expect(quoted(text)).toEqual([]);
  });

  it('leaves in a quotation too long to be a reported phrase, and an unclosed one', () => {
    expect(quoted(`He said "${'blah '.repeat(80)}" and left.`)).toEqual([]);
    expect(quoted('He said "this never ends')).toEqual([]);
  });

  it('blanks each span to one space', () => {
    const text = 'They chanted "gas the Jews" and called us "vermin" too.';
    expect(withoutSpans(text, reportedQuotations(text))).toBe('They chanted   and called us   too.');
  });

  it('reads many unclosed marks once (linear, not 300 characters per mark)', () => {
    for (const mark of ['“', '"', "'a", '«']) {
      const text = mark.repeat(20_000);
      const start = performance.now();
      reportedQuotations(text);
      expect([mark, performance.now() - start < 100]).toEqual([mark, true]);
    }
  });
});
