import { binaryMetrics, rocAuc } from './metrics';

describe(rocAuc.name, () => {
  it('is 1 for a perfect ranking, 0.5 for ties, NaN with one class', () => {
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(rocAuc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])).toBe(0.5);
    expect(rocAuc([0.1, 0.2], [0, 0])).toBeNaN();
  });
});

describe(binaryMetrics.name, () => {
  it('counts precision, recall, F1 and FPR', () => {
    const m = binaryMetrics([true, true, false, false], [1, 0, 1, 0]);
    expect(m).toMatchObject({ precision: 0.5, recall: 0.5, f1: 0.5, fpr: 0.5 });
  });
});
