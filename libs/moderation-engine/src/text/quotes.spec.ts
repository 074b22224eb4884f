import { mergeSpans, reportedParaphrases, reportedQuotations, withoutSpans } from './quotes';

const quoted = (text: string): string[] => reportedQuotations(text).map((s) => text.slice(s.start, s.end));

describe(reportedQuotations.name, () => {
  it.each([
    ['Calling refugees "vermin" is disgusting.', ['"vermin"']],
    ['Ban the march. They chanted “gas the Jews” last time.', ['“gas the Jews”']],
    ['"Go back home," they shouted at my neighbour.', ['"Go back home,"']],
    ["The banner read 'kill them all' and nobody was arrested.", ["'kill them all'"]],
    ['He used the slur «sale arabe» twice.', ['«sale arabe»']],
    // After a colon, to the end of the sentence.
    ['Protesters shouted: kill the Jews! Police watched.', [': kill the Jews']],
    // "far-right" is no agreement.
    ['Ban the far-right march. They chanted "gas the Jews" last time.', ['"gas the Jews"']],
  ])('finds a quotation with a reporting word before or after it: %s', (text, expected) => {
    expect(quoted(text)).toEqual(expected);
  });

  it.each([
    'Refugees are "vermin".',
    'They are like "animals", all of them.',
    "I don't think the Smiths' song was that good, it's fine.",
    'He said that nothing we did mattered, and "this" is what happened in the end.',
    // Second person inside: as often the writer's own abuse of the reader as a report.
    '"You are a worthless idiot," I said to the author.',
    'Here is a word for you: "stupid idiot".',
    // Agreed with, not reported.
    'As my dad said, "they are animals" and he was right.',
    // A reporting word in another sentence; single quotes around a long stretch are apostrophes.
    'They said nothing. "Idiots" is what they are.',
    "They said it 'cause you are a worthless moron and it is all your parents' fault, everyone knows.",
    'In the long term, "idiots" will rule.',
    // Found by a second review: the writer's own words, agreement in the next sentence, "well said", curly apostrophes.
    'As I always say, "they are animals".',
    'My view: they are animals.',
    'As I always say: they are animals.',
    // Found by a review: nouns and imperatives before a colon introduce the writer's own words.
    'My claim: they are filthy rats.',
    'Tweet this: they are filthy rats.',
    'Say it loud: they are filthy rats.',
    'Verdict: they are filthy rats. Quote me on that.',
    '"They are animals" - I said it and I mean it.',
    'They chanted "they are animals". Could not agree more.',
    'Well said: "they are animals".',
    '“You’re a worthless idiot,” I said to the author.',
  ])('finds none in scare quotes, apostrophes or a reporting word too far away: %s', (text) => {
    expect(quoted(text)).toEqual([]);
  });

  it('leaves in a quotation too long to be a reported phrase, and an unclosed one', () => {
    expect(quoted(`He said "${'blah '.repeat(80)}" and left.`)).toEqual([]);
    // Up to 300 characters between the marks is a phrase.
    expect(quoted(`He said "${'x'.repeat(300)}" today.`)).toHaveLength(1);
    expect(quoted(`He said "${'x'.repeat(301)}" today.`)).toEqual([]);
    expect(quoted('He said "this never ends')).toEqual([]);
  });

  it('blanks each span to one space', () => {
    const text = 'They chanted "gas the Jews" and called us "vermin" too.';
    expect(withoutSpans(text, reportedQuotations(text))).toBe('They chanted   and called us   too.');
  });

  // Cost: the engine's linear-cost spec and `npm run bench` time quoted text; here, what the resumed search finds.
  it('still finds a quotation after thousands of unclosed marks of another kind', () => {
    for (const stray of ['«', '‘', "'a"]) {
      const text = `${stray.repeat(3000)} They chanted “gas the Jews” last time.`;
      expect([stray, quoted(text)]).toEqual([stray, ['“gas the Jews”']]);
    }
  });
});

describe(reportedParaphrases.name, () => {
  const reportedText = (text: string): string[] =>
    reportedParaphrases(text).map((s) => text.slice(s.start, s.end));

  it.each([
    [
      'The poster said all Xs are terrorists, which is disgusting.',
      ['said all Xs are terrorists, which is disgusting'],
    ],
    [
      'People who call refugees vermin should be ashamed. They flee war.',
      ['call refugees vermin should be ashamed'],
    ],
    ['Half of them claim trans people are groomers. That is a lie.', ['claim trans people are groomers']],
    // The span stops where the writer's own clause starts, and keeps its offsets past letters that grow in lower case.
    [
      'İstanbul fans said Xs are vermin, which is vile; the club must act.',
      ['said Xs are vermin, which is vile'],
    ],
  ])('finds a claim reported to be condemned: %s', (text, expected) => {
    expect(reportedText(text)).toEqual(expected);
  });

  it.each([
    // No condemnation: a report, not counter-speech; the writer's own; agreed with.
    'The minister said the budget is balanced.',
    'I said they are vermin and it is disgusting they are here.',
    'He said they are vermin, which is disgusting, and he was right.',
    "It's not racist to say they are vermin.",
    'They will call it racist, they are vermin all the same.',
    'Libs called them vile when someone said they should go. Good.',
    'They said nothing hateful, the crowd was calm.',
  ])('finds none in %s', (text) => {
    expect(reportedParaphrases(text)).toEqual([]);
  });

  it('joins overlapping spans with the quotations', () => {
    expect(
      mergeSpans(
        [
          { start: 0, end: 5 },
          { start: 20, end: 25 },
        ],
        [{ start: 3, end: 10 }],
      ),
    ).toEqual([
      { start: 0, end: 10 },
      { start: 20, end: 25 },
    ]);
  });
});
