import { collapseRepeats, collapseToTwo, duplicateKey, foldText, foldTokens, withLatinLookalikes, withoutInvisibles } from './fold';

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

describe('duplicateKey', () => {
  it('is one key for a comment repeated with other case, spacing, punctuation, accents, stretched letters or invisible characters', () => {
    const key = duplicateKey('Great post, thanks!');
    for (const repeat of [
      'great   POST thanks!!!',
      'Great post... thanks',
      'GREAT POOOST, THANKS',
      'Gréat post, thanks',
      'Gre\u200Bat po\u00ADst, thanks',
    ]) {
      expect(duplicateKey(repeat)).toBe(key);
    }
  });

  it('tells different comments apart', () => {
    expect(duplicateKey('Great post, thanks!')).not.toBe(
      duplicateKey('Great post, thanks, I learned a lot.'),
    );
    expect(duplicateKey('Visit http://a.example')).not.toBe(duplicateKey('Visit http://b.example'));
    // No words at all: the text itself, so two different ones stay different.
    expect(duplicateKey('!!!')).not.toBe(duplicateKey('???'));
    expect(duplicateKey('???')).toBe(duplicateKey(' ??? '));
  });

  it('is linear in length', () => {
    expect(duplicateKey('a'.repeat(10_000))).toBe('a');
  });
});

describe(withoutInvisibles.name, () => {
  it('drops the characters that render as nothing, but an emoji keeps its own', () => {
    expect(withoutInvisibles('grif\u200Bter id\u00ADiot w\u2060o\uFE0Frd \u202Ex\u2066y\u{E0020}z')).toBe('grifter idiot word xyz');
    const emoji = 'nice \u2764\uFE0F \u{1F468}\u200D\u{1F469}\u200D\u{1F467} \u{1F3F4}\u{E0067}\u{E0062}\u{E007F}';
    expect(withoutInvisibles(emoji)).toBe(emoji);
    expect(withoutInvisibles('plain ASCII text')).toBe('plain ASCII text');
  });
});

describe(withLatinLookalikes.name, () => {
  it('reads Cyrillic and Greek look-alikes as Latin inside words that mix the scripts', () => {
    // Cyrillic с, о, а, і, р, е; Greek ο, ν.
    expect(withLatinLookalikes('Fu\u0441k you, idi\u043Et')).toBe('Fuck you, idiot');
    expect(withLatinLookalikes('che\u0430p v\u0456\u0430gra, \u0440ills')).toBe('cheap viagra, pills');
    expect(withLatinLookalikes('\u0441heap m\u0435ds')).toBe('cheap meds');
    expect(withLatinLookalikes('st\u03BFp tr\u03BDst')).toBe('stop trvst');
  });

  it('leaves words wholly in Cyrillic or Greek in a text written mostly so, and Latin text, as they are', () => {
    for (const text of ['Это хорошая статья, спасибо', 'Καλό άρθρο, ευχαριστώ', 'A plain English comment', 'Привет, Москва and Athens', 'Сор и мох, ok']) {
      expect(withLatinLookalikes(text)).toBe(text);
    }
  });

  it('reads a word made only of look-alikes as Latin in a text written mostly in Latin letters', () => {
    // Cyrillic і, ԁ, і, о, т and ѕ, с, а, м.
    expect(withLatinLookalikes('you are an \u0456\u0501\u0456\u043E\u0442, total \u0455\u0441\u0430\u043C')).toBe(
      'you are an idiot, total scam',
    );
    // The same word in a Russian sentence is Russian.
    expect(withLatinLookalikes('Это \u0441\u043E\u0440 и \u043C\u043E\u0445')).toBe('Это сор и мох');
  });

  it('stays fast on a long word of one script', () => {
    // 1,000 letters: 7 s when a single pattern looked for mixed words (cubic); well under 1 ms now.
    for (const letter of ['\u0431', '\u03BB']) {
      const word = letter.repeat(1_000);
      const started = performance.now();
      expect(withLatinLookalikes(`${word} \u0441ab ${word}`)).toBe(`${word} cab ${word}`);
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });

  it('makes the same repeated comment one duplicate, look-alikes or not', () => {
    expect(duplicateKey('Gre\u0430t p\u043Est, thanks')).toBe(duplicateKey('Great post, thanks'));
  });
});
