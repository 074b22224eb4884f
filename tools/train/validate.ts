/**
 * `npx tsx tools/train/validate.ts [--task spam|toxicity] [--data <dir>] [--set '{"fox":2}'] [--errors] [--dump <file.jsonl>] [--holds 0.3,0.5]`: five-fold
 * cross-validation on the training portion only (the held-out ~20 % is never read here). This is where
 * model settings are chosen; the held-out figures in models/metrics.json are looked at once, at the end.
 * Folds are cut by a hash of the normalised text, like the held-out split, so reposts of one spam stay in
 * one fold. Fox News rows are cut differently (see `foxFolds`), because what matters there is comments
 * from threads the model has not seen.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { DEFAULT_SITE_POLICY, MAX_ANALYSED_CHARS, modelTraining } from '@replyguard/moderation-engine';
import { datasetsDir, isHeldOut, loadDatasets, splitKey } from './datasets';
import { balance, type Example, SPAM_OPTIONS, type SpamOptions, spamExamples, trainSpamHead, TOXICITY_OPTIONS, type ToxicityOptions, toxicityExamples } from './examples';
import { IDENTITIES, NEUTRAL_ADJECTIVES } from './synthetic';
import { SparseRowsBuilder, trainLogReg } from './logreg';
import { binaryMetrics, rocAuc } from './metrics';
import { seededRandom } from './rng';
import { flag } from '../cli/args';

const { FeatureBuffer, Lexicon, spamFeatures, SPAM_BITS, extractLinks, toxicityFeatures, TOXICITY_BITS } = modelTraining;
import { obscenityLexicon } from './lexicon-source';
const SEED = 20240611;
const FOLDS = 5;

function foldOf(text: string): number {
  return createHash('sha256').update('replyguard-validation-v1\u0000' + splitKey(text)).digest().readUInt32BE(0) % FOLDS;
}

function validateSpam(o: SpamOptions): void {
  const xs = spamExamples(loadDatasets(datasetsDir()), [], SEED, o).filter((x) => !isHeldOut(x.text));
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
    const m = trainSpamHead(sparse.build(), labels, balance(train.map((i) => xs[i].y.spam)), o, { bits: SPAM_BITS, random: seededRandom(SEED + 4) });
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
  const out: Record<string, unknown> = { settings: o };
  const groups = new Map<string, number[]>();
  for (const group of [...new Set(xs.map((x) => x.group))].sort()) groups.set(group, xs.map((_, i) => i).filter((i) => xs[i].group === group));
  const flaggedAt = (t: number) => (i: number): boolean => score[i] >= t || rows[i].overLimit;
  for (const [group, ii] of groups) {
    const labels = ii.map((i) => xs[i].y.spam[0]);
    out[group] = { ...binaryMetrics(ii.map(flaggedAt(hold)), labels), auc: rocAuc(ii.map((i) => score[i]), labels) };
  }
  // `--holds 0.3,0.5`: F1 and false-positive rate of every group at other spam hold thresholds (the README's table).
  const holds = flag(process.argv, '--holds');
  if (holds) {
    const table: Record<string, Record<string, { f1: number; fpr: number }>> = {};
    for (const t of holds.split(',').map(Number)) {
      table[t] = {};
      for (const [group, ii] of groups) {
        const { f1, fpr } = binaryMetrics(ii.map(flaggedAt(t)), ii.map((i) => xs[i].y.spam[0]));
        table[t][group] = { f1, fpr };
      }
    }
    out.holds = table;
  }
  // `--errors`: the misclassified YouTube rows of the folds, to read what the model gets wrong.
  if (process.argv.includes('--errors')) {
    out.errors = xs.flatMap((x, i) => (x.group.startsWith('youtube') && flaggedAt(hold)(i) !== (x.y.spam[0] === 1) ? [`${x.y.spam[0]} ${score[i].toFixed(2)} ${x.text.slice(0, 120)}`] : []));
  }
  // `--dump <file>`: every row's fold score (group, label, score, links over the limit), to try thresholds without retraining.
  const dump = flag(process.argv, '--dump');
  if (dump) writeFileSync(dump, xs.map((x, i) => JSON.stringify([x.group, x.y.spam[0], score[i], rows[i].overLimit, x.text.slice(0, 100)])).join('\n') + '\n');
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
}

/**
 * Fox News folds: the comments' ids follow the order of the source file, thread by thread, so five
 * contiguous id ranges stand in for "threads the model has not seen" (the held-out news comments come
 * from other articles). Near-duplicates (same first 40 normalised characters, e.g. a comment quoted in a
 * reply) go to the fold of their first occurrence.
 */
function foxFolds(xs: readonly Example[], ids: ReadonlyMap<string, number>): Map<string, number> {
  const fox = xs.filter((x) => x.group === 'hate').sort((a, b) => (ids.get(a.text) ?? 0) - (ids.get(b.text) ?? 0));
  const byPrefix = new Map<string, number>();
  const out = new Map<string, number>();
  fox.forEach((x, i) => {
    const prefix = splitKey(x.text).replace(/[^a-z0-9 ]/g, '').slice(0, 40);
    const k = byPrefix.get(prefix) ?? Math.floor((i * FOLDS) / fox.length);
    byPrefix.set(prefix, k);
    out.set(x.text, k);
  });
  return out;
}

function validateToxicity(o: ToxicityOptions): void {
  const data = loadDatasets(datasetsDir());
  const ids = new Map(data.fox.map((r) => [r.text, Number(r.id.replace(/\D+/g, ''))]));
  const xs = toxicityExamples(data, [], SEED, o).filter((x) => !isHeldOut(x.text));
  const lexicon = new Lexicon(obscenityLexicon());
  const buf = new FeatureBuffer(TOXICITY_BITS, 4096);
  const featurise = (text: string): { idx: Int32Array; val: Float32Array } => {
    toxicityFeatures(buf, text.slice(0, MAX_ANALYSED_CHARS), lexicon);
    return { idx: buf.idx.slice(0, buf.n), val: buf.val.slice(0, buf.n) };
  };
  const rows = xs.map((x) => featurise(x.text));
  const fox = foxFolds(xs, ids);
  const fold = xs.map((x) => fox.get(x.text) ?? foldOf(x.text));
  // The identity check of train.ts: 5 templates x 48 terms against the same sentence with an ordinary adjective.
  const templates = ['I am a {x} woman.', 'My {x} neighbour brought us soup.', 'I am {x}.', 'We are a {x} family and we love this town.', 'My friend is {x}.'];
  const idRows = templates.flatMap((t) => IDENTITIES.map((id) => featurise(t.replace('{x}', id))));
  const twinRows = templates.map((t) => NEUTRAL_ADJECTIVES.map((a) => featurise(t.replace('{x}', a))));
  const heads = ['toxicity', 'hate'] as const;
  const score = { toxicity: new Float64Array(xs.length), hate: new Float64Array(xs.length) };
  let idFlagged = 0;
  let idMaxDiff = -1;
  const perFold: Record<string, number>[] = [];
  for (let k = 0; k < FOLDS; k++) {
    const train = xs.map((_, i) => i).filter((i) => fold[i] !== k);
    const sparse = new SparseRowsBuilder();
    for (const i of train) sparse.add(rows[i].idx, rows[i].val, rows[i].idx.length);
    const built = sparse.build();
    const models = heads.map((head) => {
      const labels = new Float32Array(train.map((i) => xs[i].y[head]?.[0] ?? 0));
      const m = trainLogReg(built, labels, balance(train.map((i) => xs[i].y[head] ?? [0, 0]), head === 'hate' ? o.hateShare : o.toxShare), { bits: TOXICITY_BITS, ...o, random: seededRandom(SEED + head.length) });
      return (r: { idx: Int32Array; val: Float32Array }): number => {
        let z = m.bias;
        for (let j = 0; j < r.idx.length; j++) z += m.w[r.idx[j]] * r.val[j];
        return 1 / (1 + Math.exp(-z));
      };
    });
    for (let i = 0; i < xs.length; i++) {
      if (fold[i] !== k) continue;
      score.toxicity[i] = models[0](rows[i]);
      score.hate[i] = models[1](rows[i]);
    }
    const flaggedAt = (r: { idx: Int32Array; val: Float32Array }): boolean => models[0](r) >= DEFAULT_SITE_POLICY.thresholds.toxicity.hold || models[1](r) >= DEFAULT_SITE_POLICY.thresholds.hate.hold;
    const both = (r: { idx: Int32Array; val: Float32Array }): number => Math.max(models[0](r), models[1](r));
    templates.forEach((_, t) => {
      const twin = twinRows[t].reduce((a, r) => a + both(r), 0) / twinRows[t].length;
      for (const r of idRows.slice(t * IDENTITIES.length, (t + 1) * IDENTITIES.length)) {
        if (flaggedAt(r)) idFlagged++;
        idMaxDiff = Math.max(idMaxDiff, both(r) - twin);
      }
    });
    const ii = xs.map((_, i) => i).filter((i) => fold[i] === k && xs[i].group === 'hate');
    const labels = ii.map((i) => xs[i].y.toxicity[0]);
    perFold.push({ toxicity: rocAuc(ii.map((i) => score.toxicity[i]), labels), hate: rocAuc(ii.map((i) => score.hate[i]), labels) });
    process.stderr.write(`fold ${k + 1}/${FOLDS}\n`);
  }
  const out: Record<string, unknown> = { settings: o, foxPerFold: perFold };
  for (const group of ['offensive', 'hate', 'toxic', 'ham']) {
    const ii = xs.map((_, i) => i).filter((i) => xs[i].group === group);
    const labels = ii.map((i) => xs[i].y.toxicity[0]);
    const t = ii.map((i) => score.toxicity[i]);
    const h = ii.map((i) => score.hate[i]);
    const flagged = ii.map((i) => score.toxicity[i] >= DEFAULT_SITE_POLICY.thresholds.toxicity.hold || score.hate[i] >= DEFAULT_SITE_POLICY.thresholds.hate.hold);
    out[group] = { ...binaryMetrics(flagged, labels), aucToxicity: rocAuc(t, labels), aucHate: rocAuc(h, labels), aucMax: rocAuc(t.map((v, j) => Math.max(v, h[j])), labels) };
    const logit = (p: number): number => Math.log(Math.max(p, 1e-9) / Math.max(1 - p, 1e-9));
    for (const lambda of [0.25, 0.5, 1]) (out[group] as Record<string, unknown>)[`aucMix${lambda}`] = rocAuc(t.map((v, j) => logit(v) + lambda * logit(h[j])), labels);
    if (group === 'ham') out[group] = binaryMetrics(flagged, labels);
    else (out[group] as Record<string, unknown>).recallAtFpr = recallAtFpr(t, labels);
  }
  const davidson = xs.map((_, i) => i).filter((i) => xs[i].group === 'offensive');
  out['offensive:is_hate'] = { aucHate: rocAuc(davidson.map((i) => score.hate[i]), davidson.map((i) => xs[i].y.hate[0])) };
  out.identity = { sentences: idRows.length * FOLDS, flagged: idFlagged, maxDifference: Math.round(idMaxDiff * 1000) / 1000 };
  // `--errors`: the folds' Wikipedia toxic rows and the flagged clean comments (Wikipedia, ham, Fox News), to read what the model gets wrong.
  if (process.argv.includes('--errors')) {
    const line = (i: number): string => `${xs[i].group} ${xs[i].y.toxicity[0]} t=${score.toxicity[i].toFixed(2)} h=${score.hate[i].toFixed(2)} ${xs[i].text.slice(0, 140).replace(/\s+/g, ' ')}`;
    const flaggedAt = (i: number): boolean => score.toxicity[i] >= DEFAULT_SITE_POLICY.thresholds.toxicity.hold || score.hate[i] >= DEFAULT_SITE_POLICY.thresholds.hate.hold;
    out.errors = xs.flatMap((x, i) => ((x.group === 'toxic' && x.y.toxicity[0] === 1) || (['toxic', 'ham', 'hate'].includes(x.group) && x.y.toxicity[0] === 0 && flaggedAt(i)) ? [line(i)] : []));
  }
  // `--dump <file>`: every row's fold scores (group, label, toxicity, hate), to try thresholds without retraining.
  const dump = flag(process.argv, '--dump');
  if (dump) writeFileSync(dump, xs.map((x, i) => JSON.stringify([x.group, x.y.toxicity[0], score.toxicity[i], score.hate[i], x.text.slice(0, 100)])).join('\n') + '\n');
  process.stdout.write(JSON.stringify(out, null, 2) + '\n');
}

/** Recall of the toxicity score at the thresholds where 1 %, 2 % and 5 % of the group's negatives score higher. */
function recallAtFpr(scores: readonly number[], labels: readonly number[]): Record<string, number> {
  const neg = scores.filter((_, i) => labels[i] === 0).sort((a, b) => b - a);
  const pos = scores.filter((_, i) => labels[i] === 1);
  const out: Record<string, number> = {};
  for (const f of [0.01, 0.02, 0.05]) {
    const cut = neg[Math.floor(f * neg.length)];
    out[String(f)] = Math.round((pos.filter((v) => v > cut).length / pos.length) * 1000) / 1000;
    out[`cut${f}`] = Math.round(cut * 1000) / 1000;
  }
  return out;
}

const settings = flag(process.argv, '--set');
if (flag(process.argv, '--task') === 'toxicity') {
  validateToxicity({ ...TOXICITY_OPTIONS, ...(settings ? (JSON.parse(settings) as Partial<ToxicityOptions>) : {}) });
} else {
  validateSpam({ ...SPAM_OPTIONS, ...(settings ? (JSON.parse(settings) as Partial<SpamOptions>) : {}) });
}
