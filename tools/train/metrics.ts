export interface BinaryMetrics {
  n: number;
  positives: number;
  precision: number;
  recall: number;
  f1: number;
  fpr: number;
  accuracy: number;
}

/** Precision, recall, F1 and false-positive rate of `predicted` against 0/1 labels. */
export function binaryMetrics(predicted: readonly boolean[], labels: readonly number[]): BinaryMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (let i = 0; i < labels.length; i++) {
    const positive = labels[i] === 1;
    if (predicted[i] && positive) tp++;
    else if (predicted[i]) fp++;
    else if (positive) fn++;
    else tn++;
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  return {
    n: labels.length,
    positives: tp + fn,
    precision: r4(precision),
    recall: r4(recall),
    f1: r4(precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0),
    fpr: r4(fp + tn > 0 ? fp / (fp + tn) : 0),
    accuracy: r4(labels.length > 0 ? (tp + tn) / labels.length : 0),
  };
}

/** ROC-AUC by the rank-sum formula, ties averaged. NaN when one class is missing. */
export function rocAuc(scores: readonly number[], labels: readonly number[]): number {
  const order = scores.map((s, i) => [s, i] as const).sort((a, b) => a[0] - b[0]);
  let pos = 0;
  let rankSum = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && order[j][0] === order[i][0]) j++;
    const avgRank = (i + j + 1) / 2;
    for (let k = i; k < j; k++) if (labels[order[k][1]] === 1) {
      pos++;
      rankSum += avgRank;
    }
    i = j;
  }
  const neg = labels.length - pos;
  if (pos === 0 || neg === 0) return NaN;
  return r4((rankSum - (pos * (pos + 1)) / 2) / (pos * neg));
}

export const r4 = (x: number): number => Math.round(x * 10000) / 10000;
