import { packWordScores, WordScores } from './word-scores';

describe(WordScores.name, () => {
  const words = ['vermin', 'lovely', 'the', 'weather'];
  const scores = [
    [4, 2],
    [-2, -1],
    [0.25, 0],
    [-1.5, -3],
  ];
  const table = WordScores.fromFile(packWordScores('test vectors', ['toxicity', 'hate'], words, scores));

  it('reads back each word’s scores within int16 rounding, and nothing for an unknown word', () => {
    words.forEach((w, i) => {
      const got = table.score(w)!;
      expect(got[0]).toBeCloseTo(scores[i][0], 3);
      expect(got[1]).toBeCloseTo(scores[i][1], 3);
    });
    expect(table.score('verminous')).toBeUndefined();
    expect(table.score('')).toBeUndefined();
  });

  it('keeps the mean score of the known words of the last tokens read, per head', () => {
    table.read(['the', 'vermin', 'zzqx', 'vermin', 'lovely']);
    expect(table.last[0]).toBeCloseTo((0.25 + 4 + 4 - 2) / 4, 3);
    expect(table.last[1]).toBeCloseTo((0 + 2 + 2 - 1) / 4, 3);
    table.read(['zzqx', 'qqzz']);
    expect([...table.last]).toEqual([0, 0]);
    table.read([]);
    expect([...table.last]).toEqual([0, 0]);
  });

  it('holds many words without losing any (open addressing)', () => {
    const many = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}`);
    const t = WordScores.fromFile(
      packWordScores(
        'test',
        ['a'],
        many,
        many.map((_, i) => [i % 7]),
      ),
    );
    const wrong = many.filter((w, i) => Math.round(t.score(w)![0]) !== i % 7);
    expect(wrong).toEqual([]);
  });

  it('refuses a file whose scores do not match its words', () => {
    const f = packWordScores('test', ['toxicity', 'hate'], words, scores);
    expect(() => WordScores.fromFile({ ...f, heads: ['toxicity'] })).toThrow(/do not match/);
  });
});
