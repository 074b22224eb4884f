import { collapseRepeats, collapseToTwo, foldText, foldTokens } from './fold';

describe(foldTokens.name, () => {
  it.each([
    ['Hello, World!', 'hello world'],
    ['Ëvïl ÇAFÉ', 'evil cafe'],
    ['id1ot 1diot n00b', 'idiot idiot noob'],
    ['born in 1999, 42 times', 'born in 1999 42 times'],
    ['sh!t $hit @ss v1agr@ bo$$', 'shit shit ass viagra boss'],
    ['f*ck f**k sh* wow!', 'f*ck f**k sh* wow'],
    ['f u c k and f.u.c.k and I am a', 'fuck and fuck and i am a'],
    ['ｆｕｃｋ 𝐟𝐮𝐜𝐤', 'fuck fuck'],
    ['*** 100% $5 !', '100 ss'],
  ])('%j → %j', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });

  it('stays linear on a 10,000-char run', () => {
    expect(foldTokens('a'.repeat(10_000))).toEqual(['a'.repeat(10_000)]);
    expect(foldTokens('a '.repeat(5_000))).toEqual(['a'.repeat(5_000)]);
  });
});

describe(collapseRepeats.name, () => {
  it('collapses repeated letters but keeps masks', () => {
    expect(collapseRepeats('fuuuuck')).toBe('fuck');
    expect(collapseRepeats('f**k')).toBe('f**k');
  });
});

describe(collapseToTwo.name, () => {
  it('keeps two of a repeated character, emoji (two code units each) included', () => {
    expect(collapseToTwo('fuuuuck')).toBe('fuuck');
    expect(collapseToTwo('🙂'.repeat(6000))).toBe('🙂🙂');
    expect(collapseToTwo('😂😂😂x🙂🙂')).toBe('😂😂x🙂🙂');
    // Different emoji, and a BMP character beside one, are no run.
    expect(collapseToTwo('🙂😂🙂😂')).toBe('🙂😂🙂😂');
  });
});
