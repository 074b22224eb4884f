/** Sparse rows in CSR form: row i spans idx/val[offsets[i] .. offsets[i+1]). */
export interface SparseRows {
  offsets: Int32Array;
  idx: Int32Array;
  val: Float32Array;
}

export class SparseRowsBuilder {
  private idx = new Int32Array(1 << 20);
  private val = new Float32Array(1 << 20);
  private n = 0;
  private readonly offsets: number[] = [0];

  add(idx: Int32Array, val: Float32Array, count: number): void {
    while (this.n + count > this.idx.length) {
      const i2 = new Int32Array(this.idx.length * 2);
      i2.set(this.idx);
      const v2 = new Float32Array(this.val.length * 2);
      v2.set(this.val);
      this.idx = i2;
      this.val = v2;
    }
    this.idx.set(idx.subarray(0, count), this.n);
    this.val.set(val.subarray(0, count), this.n);
    this.n += count;
    this.offsets.push(this.n);
  }

  build(): SparseRows {
    return { offsets: Int32Array.from(this.offsets), idx: this.idx.slice(0, this.n), val: this.val.slice(0, this.n) };
  }
}

export interface LogRegOptions {
  bits: number;
  epochs: number;
  learningRate: number;
  l2: number;
  /** Fits from as many visiting orders, averaged (1 by default); see `trainLogReg`. */
  runs?: number;
  random: () => number;
  onEpoch?: (epoch: number) => void;
}

/**
 * Weighted logistic regression by AdaGrad SGD over hashed features. Rows with weight 0 are skipped (no
 * label for this head). Deterministic: the visiting order comes from the seeded `random`.
 */
export function trainLogReg(rows: SparseRows, labels: Float32Array, weights: Float32Array, o: LogRegOptions): { w: Float64Array; bias: number } {
  const runs = o.runs ?? 1;
  if (runs <= 1) return trainOnce(rows, labels, weights, o);
  // The order rows are visited in moves held-out figures by about ±0.01 on small sets (Fox News); the
  // mean of fits from several orders is still one linear model, and steadier.
  const sum = { w: new Float64Array(1 << o.bits), bias: 0 };
  for (let run = 0; run < runs; run++) {
    const m = trainOnce(rows, labels, weights, { ...o, onEpoch: (e) => o.onEpoch?.(run * o.epochs + e) });
    for (let j = 0; j < sum.w.length; j++) sum.w[j] += m.w[j] / runs;
    sum.bias += m.bias / runs;
  }
  return sum;
}

function trainOnce(rows: SparseRows, labels: Float32Array, weights: Float32Array, o: LogRegOptions): { w: Float64Array; bias: number } {
  const size = 1 << o.bits;
  const w = new Float64Array(size);
  const g2 = new Float64Array(size).fill(1e-6);
  let bias = 0;
  let biasG2 = 1e-6;
  const avg = new Float64Array(size);
  let avgBias = 0;
  let averaged = 0;
  const order: number[] = [];
  for (let i = 0; i < labels.length; i++) if (weights[i] > 0) order.push(i);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(o.random() * (i + 1));
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    for (const r of order) {
      const from = rows.offsets[r];
      const to = rows.offsets[r + 1];
      let z = bias;
      for (let k = from; k < to; k++) z += w[rows.idx[k]] * rows.val[k];
      const p = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
      const g = (p - labels[r]) * weights[r];
      for (let k = from; k < to; k++) {
        const j = rows.idx[k];
        const grad = g * rows.val[k] + o.l2 * w[j];
        g2[j] += grad * grad;
        w[j] -= (o.learningRate * grad) / Math.sqrt(g2[j]);
      }
      biasG2 += g * g;
      bias -= (o.learningRate * g) / Math.sqrt(biasG2);
    }
    // Polyak averaging over the second half of the epochs: smoother, better-generalising weights.
    if (epoch >= Math.floor(o.epochs / 2)) {
      for (let j = 0; j < size; j++) avg[j] += w[j];
      avgBias += bias;
      averaged++;
    }
    o.onEpoch?.(epoch + 1);
  }
  for (let j = 0; j < size; j++) avg[j] /= averaged;
  return { w: avg, bias: avgBias / averaged };
}

/**
 * Naive-Bayes log-count ratios per bucket (NB-SVM, Wang & Manning 2012): r_j = log((p_j/|p|) / (q_j/|q|)),
 * p and q the weighted number of positive and negative rows holding bucket j, plus `alpha`. Training on
 * features scaled by |r| and then multiplying the weights by |r| gives an ordinary linear model over the
 * unscaled features, so the engine reads it unchanged; what changes is the prior the fit starts from.
 */
export function nbScale(rows: SparseRows, labels: Float32Array, weights: Float32Array, bits: number, alpha: number, mix: number): Float64Array {
  const size = 1 << bits;
  const p = new Float64Array(size).fill(alpha);
  const q = new Float64Array(size).fill(alpha);
  const seen = new Int32Array(size).fill(-1);
  for (let r = 0; r < labels.length; r++) {
    if (weights[r] <= 0) continue;
    const to = labels[r] === 1 ? p : q;
    for (let k = rows.offsets[r]; k < rows.offsets[r + 1]; k++) {
      const j = rows.idx[k];
      if (seen[j] === r) continue;
      seen[j] = r;
      to[j] += weights[r];
    }
  }
  let sp = 0;
  let sq = 0;
  for (let j = 0; j < size; j++) {
    sp += p[j];
    sq += q[j];
  }
  const s = new Float64Array(size);
  for (let j = 0; j < size; j++) s[j] = 1 - mix + mix * Math.abs(Math.log(p[j] / sp / (q[j] / sq)));
  return s;
}

/** Logistic regression over features scaled by `scale`, returned as weights of the unscaled features. */
export function trainScaledLogReg(rows: SparseRows, labels: Float32Array, weights: Float32Array, scale: Float64Array, o: LogRegOptions): { w: Float64Array; bias: number } {
  const val = new Float32Array(rows.val.length);
  for (let k = 0; k < val.length; k++) val[k] = rows.val[k] * scale[rows.idx[k]];
  const m = trainLogReg({ ...rows, val }, labels, weights, o);
  for (let j = 0; j < m.w.length; j++) m.w[j] *= scale[j];
  return m;
}
