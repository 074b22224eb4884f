import { SparseRowsBuilder, trainLogReg } from './logreg';
import { seededRandom } from './rng';

/** Two features: bucket 1 marks the positives, bucket 2 the negatives; bucket 3 is in every row. */
function toyRows(): { rows: ReturnType<SparseRowsBuilder['build']>; labels: Float32Array; weights: Float32Array } {
  const b = new SparseRowsBuilder();
  const labels: number[] = [];
  for (let i = 0; i < 40; i++) {
    const positive = i % 2 === 0;
    b.add(Int32Array.from([positive ? 1 : 2, 3]), Float32Array.from([1, 1]), 2);
    labels.push(positive ? 1 : 0);
  }
  return { rows: b.build(), labels: Float32Array.from(labels), weights: new Float32Array(40).fill(1) };
}

describe('trainLogReg', () => {
  const base = { bits: 4, epochs: 4, learningRate: 0.5, l2: 0 };

  it('learns which feature marks the positives', () => {
    const { rows, labels, weights } = toyRows();
    const m = trainLogReg(rows, labels, weights, { ...base, random: seededRandom(1) });
    expect(m.w[1]).toBeGreaterThan(0.5);
    expect(m.w[2]).toBeLessThan(-0.5);
  });

  it('with runs > 1, returns the mean of fits from successive visiting orders', () => {
    const { rows, labels, weights } = toyRows();
    const averaged = trainLogReg(rows, labels, weights, { ...base, runs: 2, random: seededRandom(7) });
    const random = seededRandom(7);
    const first = trainLogReg(rows, labels, weights, { ...base, random });
    const second = trainLogReg(rows, labels, weights, { ...base, random });
    expect(first.w[1]).not.toBe(second.w[1]);
    for (const j of [1, 2, 3]) expect(averaged.w[j]).toBeCloseTo((first.w[j] + second.w[j]) / 2, 12);
    expect(averaged.bias).toBeCloseTo((first.bias + second.bias) / 2, 12);
  });
});
