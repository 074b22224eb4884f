import { Lexicon } from './lexicon';

describe(Lexicon.name, () => {
  const lex = new Lexicon({ words: ['ass', 'tit'], prefixes: ['rape', 'anal'], roots: ['fuck', 'shit'], allow: ['analy', 'grape'] });

  it.each([
    ['ass', 'ass'],
    ['tits', 'tit'],
    ['motherfucker', 'fuck'],
    ['bullshit', 'shit'],
    ['rapist', ''],
    ['rapes', 'rape'],
    ['anal', 'anal'],
    ['f*ck', 'fuck'],
    ['sh*t', 'shit'],
  ])('%s → %j', (token, expected) => {
    expect(lex.hit(token)).toBe(expected);
  });

  it.each(['class', 'analysis', 'grapes', 'title', 'assistant', 'hello'])('does not flag %s', (token) => {
    expect(lex.hit(token)).toBe('');
  });
});
