import { modelTraining } from '@replyguard/moderation-engine';
import { DIMENSIONS, MeanWordVector } from './word-vectors';
import { seededRandom } from './rng';

const { FeatureBuffer, packWordScores, WordScores } = modelTraining;

describe(MeanWordVector.name, () => {
  const random = seededRandom(7);
  const words = ['they', 'are', 'vermin', 'lovely', 'weather'];
  const vectors = Float32Array.from({ length: words.length * DIMENSIONS }, () => random() * 2 - 1);
  const reader = new MeanWordVector({ words, vectors });
  const bits = 12;

  it('adds the mean vector of the known words as features, and nothing when none is known', () => {
    const buf = new FeatureBuffer(bits);
    reader.read(['they', 'zzqx', 'vermin'], buf);
    expect(buf.n).toBe(DIMENSIONS);
    for (let k = 0; k < DIMENSIONS; k++)
      expect(buf.val[k]).toBeCloseTo((vectors[k] + vectors[2 * DIMENSIONS + k]) / 2, 5);
    buf.reset();
    reader.read(['zzqx'], buf);
    expect(buf.n).toBe(0);
  });

  it('folds into word scores whose mean equals the heads’ dot product with the mean vector', () => {
    const heads = [0, 1].map(() => Float64Array.from({ length: 1 << bits }, () => random() * 4 - 2));
    const table = WordScores.fromFile(
      packWordScores('test', ['toxicity', 'hate'], words, reader.fold(heads, bits)),
    );
    const tokens = ['they', 'are', 'zzqx', 'vermin', 'vermin'];
    const buf = new FeatureBuffer(bits);
    reader.read(tokens, buf);
    table.read(tokens);
    heads.forEach((w, h) => {
      let z = 0;
      for (let i = 0; i < buf.n; i++) z += w[buf.idx[i]] * buf.val[i];
      expect(Math.abs(z)).toBeGreaterThan(0.01);
      expect(table.last[h]).toBeCloseTo(z, 3);
    });
  });
});
