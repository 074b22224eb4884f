/**
 * `npx tsx tools/train/validate.ts [--data <dir>]`: five-fold cross-validation of the spam model on the
 * training portion only (the held-out ~20 % is never read here). This is where spam settings are chosen;
 * the held-out figures in models/metrics.json are looked at once, at the end. Folds are cut by a hash of
 * the normalised text, like the held-out split, so reposts of one spam stay in one fold.
 */
import { createHash } from 'node:crypto';
import { DEFAULT_SITE_POLICY, MAX_ANALYSED_CHARS, modelTraining } from '@replyguard/moderation-engine';
import { datasetsDir, isHeldOut, loadDatasets, splitKey } from './datasets';
import { balance, SPAM_OPTIONS, spamExamples } from './examples';
import { SparseRowsBuilder, trainLogReg } from './logreg';
import { binaryMetrics, rocAuc } from './metrics';
import { seededRandom } from './rng';

const { FeatureBuffer, spamFeatures, SPAM_BITS, extractLinks } = modelTraining;
const SEED = 20240611;
const FOLDS = 5;

function foldOf(text: string): number {
  return createHash('sha256').update('replyguard-validation-v1\u0000' + splitKey(text)).digest().readUInt32BE(0) % FOLDS;
}

function main(): void {
  const xs = spamExamples(loadDatasets(datasetsDir()), [], SEED).filter((x) => !isHeldOut(x.text));
  const buf = new FeatureBuffer(SPAM_BITS, 4096);
  const rows = xs.map((x) => {
    const text = x.text.slice(0, MAX_ANALYSED_CHARS);
    const links = extractLinks(text);
    spamFeatures(buf, text, links);
    return { idx: buf.idx.slice(0, buf.n), val: buf.val.slice(0, buf.n), overLimit: links.count > DEFAULT_SITE_POLICY.maxLinks };
  });
  const fold = xs.map((x) => foldOf(x.text));
  const score = new Float64Array(xs.length);
  for (let k = 0; k < FOLDS; k++) {
    const train = xs.map((_, i) => i).filter((i) => fold[i] !== k);
    const sparse = new SparseRowsBuilder();
    for (const i of train) sparse.add(rows[i].idx, rows[i].val, rows[i].idx.length);
    const labels = new Float32Array(train.map((i) => xs[i].y.spam[0]));
    const m = trainLogReg(sparse.build(), labels, balance(train.map((i) => xs[i].y.spam)), { bits: SPAM_BITS, ...SPAM_OPTIONS, random: seededRandom(SEED + 4) });
    for (let i = 0; i < xs.length; i++) {
      if (fold[i] !== k) continue;
      let z = m.bias;
      for (let j = 0; j < rows[i].idx.length; j++) z += m.w[rows[i].idx[j]] * rows[i].val[j];
      score[i] = 1 / (1 + Math.exp(-z));
    }
    process.stderr.write(`fold ${k + 1}/${FOLDS}\n`);
  }
  // Flagged as the engine would at the default policy (author fields absent): spam hold threshold or links over the limit.
  const hold = DEFAULT_SITE_POLICY.thresholds.spam.hold;
  const out: Record<string, unknown> = {};
  for (const group of [...new Set(xs.map((x) => x.group))].sort()) {
    const ii = xs.map((_, i) => i).filter((i) => xs[i].group === group);
    const labels = ii.map((i) => xs[i].y.spam[0]);
    out[group] = { ...binaryMetrics(ii.map((i) => score[i] >= hold || rows[i].overLimit), labels), auc: rocAuc(ii.map((i) => score[i]), labels) };
  }
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
}

main();
