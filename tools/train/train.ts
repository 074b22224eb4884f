/**
 * `npm run train [-- --data <dir>] [-- --with-feedback]`: trains the spam and toxicity models from ../shared/datasets into
 * libs/moderation-engine/models, named by content hash, and writes held-out metrics next to them.
 * Deterministic: same data, same files, byte for byte. `--with-feedback` also folds in the moderators'
 * decisions kept as labeled examples in the moderation database (DATABASE_URL).
 */
import { existsSync, mkdirSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MultiBar, Presets } from 'cli-progress';
import { Filter } from 'bad-words';
import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';
import { DEFAULT_SITE_POLICY, MAX_ANALYSED_CHARS, ModerationEngine, modelTraining } from '@replyguard/moderation-engine';
import { datasetsDir, isHeldOut, loadDatasets, repoRoot } from './datasets';
import { type FeedbackRow, loadFeedback } from './feedback';
import { report, scoreTexts } from './evaluate';
import { obscenityLexicon } from './lexicon-source';
import { type LogRegOptions, type SparseRows, SparseRowsBuilder, trainLogReg } from './logreg';
import { binaryMetrics, rocAuc } from './metrics';
import { seededRandom } from './rng';
import { balance, type Example, SPAM_OPTIONS, spamExamples, TOXICITY_OPTIONS, toxicityExamples, trainSpamHead } from './examples';
import { IDENTITIES, NEUTRAL_ADJECTIVES } from './synthetic';


const { FeatureBuffer, Lexicon, MODEL_FORMAT, packHead, serialiseModel, spamFeatures, SPAM_BITS, toxicityFeatures, TOXICITY_BITS, extractLinks } = modelTraining;
type FeatureBuffer = modelTraining.FeatureBuffer;
type ModelFile = modelTraining.ModelFile;

const SEED = 20240611;
const MODELS_DIR = join(repoRoot(), 'libs', 'moderation-engine', 'models');

function main(feedback: FeedbackRow[]): void {
  const dataDir = datasetsDir();
  process.stderr.write(`datasets: ${dataDir}\n`);
  const data = loadDatasets(dataDir);
  // Without a terminal (CI, a pipe) the bars print a plain line every 5 s instead of redrawing.
  const bars = new MultiBar(
    {
      format: '{phase} [{bar}] {value}/{total}',
      hideCursor: true,
      clearOnComplete: false,
      stream: process.stderr,
      noTTYOutput: !process.stderr.isTTY,
      notTTYSchedule: 5000,
    },
    Presets.shades_classic,
  );

  // ---------- spam ----------
  const spamEx = spamExamples(data, feedback, SEED);
  const spamSplit = split(spamEx);
  const spamHeads = trainHeads(spamSplit.train, ['spam'], SPAM_BITS, (buf, text) => spamFeatures(buf, text, extractLinks(text)), bars, 'spam', SPAM_OPTIONS, (rows, labels, weights, lr) =>
    trainSpamHead(rows, labels, weights, SPAM_OPTIONS, lr),
  );

  // ---------- toxicity ----------
  const lexSource = obscenityLexicon();
  const lexicon = new Lexicon(lexSource);
  const toxEx = toxicityExamples(data, feedback, SEED);
  const toxSplit = split(toxEx);
  const toxHeads = trainHeads(toxSplit.train, ['toxicity', 'hate'], TOXICITY_BITS, (buf, text) => void toxicityFeatures(buf, text, lexicon), bars, 'toxicity', TOXICITY_OPTIONS);
  bars.stop();

  // ---------- write ----------
  const count = (xs: Example[]): Record<string, number> => tally(xs.map((x) => x.group));
  const spamFile: ModelFile = {
    format: MODEL_FORMAT,
    kind: 'spam',
    bits: SPAM_BITS,
    heads: [packHead('spam', spamHeads.spam.bias, spamHeads.spam.w)],
    training: { seed: SEED, trainRows: count(spamSplit.train), heldOutRows: count(spamSplit.heldOut) },
  };
  const toxFile: ModelFile = {
    format: MODEL_FORMAT,
    kind: 'toxicity',
    bits: TOXICITY_BITS,
    heads: [packHead('toxicity', toxHeads.toxicity.bias, toxHeads.toxicity.w), packHead('hate', toxHeads.hate.bias, toxHeads.hate.w)],
    lexicon: lexSource,
    training: { seed: SEED, trainRows: count(toxSplit.train), heldOutRows: count(toxSplit.heldOut), lexicon: 'obscenity englishDataset' },
  };
  mkdirSync(MODELS_DIR, { recursive: true });
  const spamOut = serialiseModel(spamFile);
  const toxOut = serialiseModel(toxFile);
  for (const f of readdirSync(MODELS_DIR)) if (/^(spam|toxicity)-[0-9a-f]{12}\.json$/.test(f) && f !== spamOut.fileName && f !== toxOut.fileName) unlinkSync(join(MODELS_DIR, f));
  writeFileSync(join(MODELS_DIR, spamOut.fileName), spamOut.text);
  writeFileSync(join(MODELS_DIR, toxOut.fileName), toxOut.text);
  writeFileSync(join(MODELS_DIR, 'manifest.json'), JSON.stringify({ spam: spamOut.fileName, toxicity: toxOut.fileName }, null, 2) + '\n');
  process.stderr.write(`wrote ${spamOut.fileName} (${kb(spamOut.text)} KB), ${toxOut.fileName} (${kb(toxOut.text)} KB)\n`);

  // ---------- held-out metrics, through the real engine and the files just written ----------
  const engine = ModerationEngine.load(MODELS_DIR);
  const metrics = heldOutMetrics(engine, spamSplit.heldOut, toxSplit.heldOut);
  writeFileSync(join(MODELS_DIR, 'metrics.json'), JSON.stringify({ modelVersions: engine.modelVersions, policy: DEFAULT_SITE_POLICY.thresholds, ...metrics }, null, 2) + '\n');
  process.stdout.write(JSON.stringify(metrics, null, 2) + '\n');
}

function split(xs: Example[]): { train: Example[]; heldOut: Example[] } {
  const train: Example[] = [];
  const heldOut: Example[] = [];
  for (const x of xs) (isHeldOut(x.text) ? heldOut : train).push(x);
  return { train, heldOut };
}

type Fit = (rows: SparseRows, labels: Float32Array, weights: Float32Array, lr: Omit<LogRegOptions, 'epochs' | 'learningRate' | 'l2'>) => { w: Float64Array; bias: number };

function trainHeads(
  xs: Example[],
  heads: string[],
  bits: number,
  featurise: (buf: FeatureBuffer, text: string) => void,
  bars: MultiBar,
  name: string,
  opts: { epochs: number; learningRate: number; l2: number; runs?: number; toxShare?: number; hateShare?: number },
  fit: Fit = (rows, labels, weights, lr) => trainLogReg(rows, labels, weights, { ...lr, epochs: opts.epochs, learningRate: opts.learningRate, l2: opts.l2, runs: opts.runs }),
): Record<string, { w: Float64Array; bias: number }> {
  const buf = new FeatureBuffer(bits, 4096);
  const rows = new SparseRowsBuilder();
  const bar = bars.create(xs.length, 0, { phase: `${name.padEnd(8)} features` });
  xs.forEach((x, i) => {
    featurise(buf, x.text.slice(0, MAX_ANALYSED_CHARS));
    rows.add(buf.idx, buf.val, buf.n);
    if (i % 500 === 0) bar.update(i);
  });
  bar.update(xs.length);
  const sparse = rows.build();
  const out: Record<string, { w: Float64Array; bias: number }> = {};
  for (const head of heads) {
    const labels = new Float32Array(xs.map((x) => x.y[head]?.[0] ?? 0));
    const weights = balance(xs.map((x) => x.y[head] ?? [0, 0]), (head === 'hate' ? opts.hateShare : head === 'toxicity' ? opts.toxShare : undefined) ?? 0.5);
    const epochs = bars.create(opts.epochs, 0, { phase: `${head.padEnd(8)} epochs  ` });
    out[head] = fit(sparse, labels, weights, { bits, random: seededRandom(SEED + head.length), onEpoch: (e) => epochs.update(e) });
  }
  return out;
}


function heldOutMetrics(engine: ModerationEngine, spamHeld: Example[], toxHeld: Example[]): Record<string, unknown> {
  const spam: Record<string, unknown> = {};
  for (const [group, xs] of Object.entries(groupBy(spamHeld))) {
    const s = scoreTexts(engine, xs.map((x) => x.text), 'spam');
    spam[group] = report(s, xs.map((x) => x.y.spam[0]));
  }
  const spamFile = spamHeld.filter((x) => x.group === 'sms-spam-collection' || x.group === 'youtube-spam-collection');
  spam['spam-dataset (youtube + sms)'] = report(scoreTexts(engine, spamFile.map((x) => x.text), 'spam'), spamFile.map((x) => x.y.spam[0]));
  // Real comments only: the generated groups are reported on their own (they are easy by construction).
  const comments = spamHeld.filter((x) => x.group === 'youtube-spam-collection' || x.group === 'wikipedia-talk' || x.group === 'fox-news');
  spam['all-comments'] = report(scoreTexts(engine, comments.map((x) => x.text), 'spam'), comments.map((x) => x.y.spam[0]));

  const toxicity: Record<string, unknown> = {};
  const baselines: Record<string, unknown> = {};
  const badWords = new Filter();
  const obscenity = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });
  for (const [group, xs] of Object.entries(groupBy(toxHeld))) {
    if (group === 'ham') continue;
    const texts = xs.map((x) => x.text);
    const labels = xs.map((x) => x.y.toxicity[0]);
    const s = scoreTexts(engine, texts, 'toxicity');
    toxicity[group] = { ...report(s, labels), aucToxicityHead: rocAuc(s.toxicity, labels), aucHateHead: rocAuc(s.hate, labels) };
    if (group === 'offensive') {
      const hateLabels = xs.map((x) => x.y.hate[0]);
      toxicity['offensive:is_hate'] = { n: xs.length, positives: hateLabels.filter((y) => y === 1).length, aucHateHead: rocAuc(s.hate, hateLabels) };
    }
    const bw = texts.map((t) => safe(() => badWords.isProfane(t)));
    const ob = texts.map((t) => obscenity.hasMatch(t));
    baselines[group] = {
      'bad-words': { ...binaryMetrics(bw, labels), auc: rocAuc(bw.map(Number), labels) },
      obscenity: { ...binaryMetrics(ob, labels), auc: rocAuc(ob.map(Number), labels) },
    };
  }
  // The profanity packages as spam filters, for completeness: what a developer might reach for.
  for (const [group, xs] of [['spam-dataset (youtube + sms)', spamFile], ['all-comments', comments]] as const) {
    const texts = xs.map((x) => x.text);
    const labels = xs.map((x) => x.y.spam[0]);
    const bw = texts.map((t) => safe(() => badWords.isProfane(t)));
    const ob = texts.map((t) => obscenity.hasMatch(t));
    baselines[`spam: ${group}`] = {
      'bad-words': { ...binaryMetrics(bw, labels), auc: rocAuc(bw.map(Number), labels) },
      obscenity: { ...binaryMetrics(ob, labels), auc: rocAuc(ob.map(Number), labels) },
    };
  }
  return { heldOut: { spam, toxicity }, baselines, identity: identityCheck(engine) };
}

/** Neutral identity sentences against their twins with an ordinary adjective. */
function identityCheck(engine: ModerationEngine): Record<string, unknown> {
  const templates = ['I am a {x} woman.', 'My {x} neighbour brought us soup.', 'I am {x}.', 'We are a {x} family and we love this town.', 'My friend is {x}.'];
  const diffs: number[] = [];
  let flagged = 0;
  let worst = { sentence: '', toxicity: 0, twin: 0 };
  for (const t of templates) {
    const twin = NEUTRAL_ADJECTIVES.map((a) => score(engine, t.replace('{x}', a)));
    const twinMean = twin.reduce((a, b) => a + b, 0) / twin.length;
    for (const id of IDENTITIES) {
      const sentence = t.replace('{x}', id);
      const d = engine.moderate({ content: sentence }, DEFAULT_SITE_POLICY);
      const v = Math.max(d.scores.toxicity, d.scores.hate);
      if (d.action !== 'approve') flagged++;
      diffs.push(v - twinMean);
      if (v > worst.toxicity) worst = { sentence, toxicity: v, twin: round(twinMean) };
    }
  }
  return { sentences: diffs.length, flagged, meanDifference: round(diffs.reduce((a, b) => a + b, 0) / diffs.length), maxDifference: round(Math.max(...diffs)), worst };
}

function score(engine: ModerationEngine, content: string): number {
  const d = engine.moderate({ content }, DEFAULT_SITE_POLICY);
  return Math.max(d.scores.toxicity, d.scores.hate);
}

function groupBy(xs: Example[]): Record<string, Example[]> {
  const out: Record<string, Example[]> = {};
  for (const x of xs) (out[x.group] ??= []).push(x);
  return out;
}

function tally(xs: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort());
}

function safe(f: () => boolean): boolean {
  try {
    return f();
  } catch {
    return false;
  }
}

const kb = (s: string): number => Math.round(Buffer.byteLength(s) / 1024);
const round = (x: number): number => Math.round(x * 10000) / 10000;

if (!existsSync(MODELS_DIR)) mkdirSync(MODELS_DIR, { recursive: true });
async function run(): Promise<void> {
  const feedback = process.argv.includes('--with-feedback') ? await loadFeedback() : [];
  if (feedback.length) process.stderr.write(`moderator feedback: ${feedback.length} labeled examples\n`);
  main(feedback);
}

run().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
