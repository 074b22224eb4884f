/**
 * Training examples shared by `train.ts` and `validate.ts`, so the settings chosen on the validation
 * folds are exactly the ones `npm run train` uses.
 */
import type { Datasets } from './datasets';
import type { FeedbackRow } from './feedback';
import { type LogRegOptions, nbScale, type SparseRows, trainLogReg, trainScaledLogReg } from './logreg';
import { foreignRows, linkDropRows } from './synthetic-spam';
import { blogRows, citingRows, harassmentRows, identityRows, insultRows, lookalikeRows, offerRows, peopleRows, shortCommentRows, stereotypeRows, type SyntheticRow, threatRows } from './synthetic';

export interface Example {
  text: string;
  group: string;
  /** Per head: label and sample weight (weight 0 = this example says nothing for that head). */
  y: Record<string, [label: number, weight: number]>;
}

/**
 * Spam model training settings (chosen by `validate.ts` on folds of the training portion). `youtube` is the
 * weight of a YouTube row and `sms` that of an SMS row (lighter SMS was measured and not kept: see the
 * engine README's known limits); `nb` mixes naive-Bayes feature scaling in (0 = none,
 * 1 = NB-SVM, see `nbScale`) with smoothing `nbAlpha`; `short` is the number of generated short genuine
 * comments and `shortWeight` their weight; `offers` the number of generated scam offers and their genuine twins
 * (`offerRows`) and `offerWeight` their weight; `linkDrops` and `foreign` the number of generated link drops
 * (`linkDropRows`) and spam in other languages (`foreignRows`), each with as many genuine twins, and
 * `linkDropWeight` and `foreignWeight` their weights.
 */
export const SPAM_OPTIONS = {
  epochs: 12, learningRate: 0.15, l2: 1e-5, youtube: 3, sms: 1, nb: 0.5, nbAlpha: 1, short: 300, shortWeight: 0.5, offers: 600, offerWeight: 1,
  linkDrops: 400, linkDropWeight: 1, foreign: 400, foreignWeight: 1,
};
export type SpamOptions = typeof SPAM_OPTIONS;

/** Every example the spam model may learn from, before the held-out split. */
export function spamExamples(data: Datasets, feedback: readonly FeedbackRow[], seed: number, o: SpamOptions = SPAM_OPTIONS): Example[] {
  const spamEx: Example[] = [];
  // YouTube comments are the closest to blog and news comments: they weigh triple.
  for (const r of data.spam) spamEx.push({ text: r.text, group: r.source, y: { spam: [r.label, r.source.startsWith('youtube') ? o.youtube : o.sms] } });
  // Everyday text that is not spam: the toxicity files' clean comments, so "legitimate" is broader than SMS.
  for (const r of data.wiki) spamEx.push({ text: r.text, group: 'wikipedia-talk', y: { spam: [0, 0.1] } });
  for (const r of data.fox) spamEx.push({ text: r.text, group: 'fox-news', y: { spam: [0, 0.2] } });
  for (const r of blogRows(900, seed + 1)) spamEx.push({ text: r.text, group: 'synthetic-blog', y: { spam: [r.label, 1] } });
  // Scam and service spam ending in a contact, beside genuine comments with money and contact details.
  if (o.offers > 0) for (const r of offerRows(o.offers, seed + 10)) spamEx.push({ text: r.text, group: 'synthetic-offer', y: { spam: [r.label, o.offerWeight] } });
  // Comments signed with a business and its site, and spam in other languages, each beside genuine twins.
  if (o.linkDrops > 0) for (const r of linkDropRows(o.linkDrops, seed + 12)) spamEx.push({ text: r.text, group: 'synthetic-link-drop', y: { spam: [r.label, o.linkDropWeight] } });
  if (o.foreign > 0) for (const r of foreignRows(o.foreign, seed + 13)) spamEx.push({ text: r.text, group: 'synthetic-foreign', y: { spam: [r.label, o.foreignWeight] } });
  // Genuine comments citing one to four sources: without them, the number of links alone reads as spam.
  for (const r of citingRows(600, seed + 4)) spamEx.push({ text: r.text, group: 'synthetic-citing', y: { spam: [0, 1] } });
  // Short genuine comments (praise, a favourite moment, a question): short and enthusiastic is not spam.
  if (o.short > 0) for (const r of shortCommentRows(o.short, seed + 5)) spamEx.push({ text: r.text, group: 'synthetic-short', y: { spam: [0, o.shortWeight] } });
  // Moderators' decisions on this deployment's own comments weigh like the closest public data.
  for (const r of feedback) if (r.task === 'spam') spamEx.push({ text: r.text, group: 'moderator-feedback', y: { spam: [r.label, 2] } });
  return spamEx;
}

/**
 * Toxicity model training settings and the weight of each source (chosen by `validate.ts --task toxicity`
 * on folds of the training portion). `fox` multiplies the Fox News rows' weight in both heads: they are
 * the only news comments, 490 rows against 16,000 tweets. `offensive` and `offensiveHate` multiply the
 * Davidson tweets' weight in the toxicity and hate heads; the hate head at half weight leans less on
 * tweet slurs, which news comments rarely use. `wikiToxic` and `wiki` weigh the toxic and clean Wikipedia
 * talk comments in the toxicity head, `ham` the spam files' legitimate messages, `threats` the weight (× 2) of the
 * generated threats with their twins (`threatRows`), `harassment` that of the generated
 * harassment rows (`harassmentRows`), `stereotypes` that of `stereotypeRows`, `people` that of `peopleRows`, `lookalikes` that of `lookalikeRows`. `runs` > 1 averages fits from as
 * many visiting orders: the order alone moves the Fox News folds by about ±0.01, so compare settings
 * with `--set '{"runs":6}'` when a difference is that small. `toxShare` and `hateShare`
 * are the share of each head's total training weight its positive class carries (see `balance`): at 0.2
 * the hate head no longer gives short, ordinary text ("Of course not.", "Who are you?") a score over its
 * hold threshold.
 */
export const TOXICITY_OPTIONS = { epochs: 12, learningRate: 0.1, l2: 1e-6, fox: 4, offensive: 1, offensiveHate: 0.5, wikiToxic: 5, wiki: 1, ham: 0.5, toxShare: 0.5, hateShare: 0.2, threats: 1, harassment: 2, stereotypes: 1.5, people: 2, lookalikes: 1, runs: 1 };
export type ToxicityOptions = typeof TOXICITY_OPTIONS;

/** Every example the toxicity model may learn from, before the held-out split. */
export function toxicityExamples(data: Datasets, feedback: readonly FeedbackRow[], seed: number, o: ToxicityOptions = TOXICITY_OPTIONS): Example[] {
  const toxEx: Example[] = [];
  for (const r of data.offensive) toxEx.push({ text: r.text, group: 'offensive', y: { toxicity: [r.label, o.offensive], hate: [r.isHate ?? 0, (r.isHate ? 3 : 1) * o.offensiveHate] } });
  for (const r of data.fox) toxEx.push({ text: r.text, group: 'hate', y: { toxicity: [r.label, o.fox], hate: [r.label, (r.label ? 4 : 2) * o.fox] } });
  for (const r of data.wiki) toxEx.push({ text: r.text, group: 'toxic', y: { toxicity: [r.label, r.label ? o.wikiToxic : o.wiki], hate: r.label ? [0, 0] : [0, 1] } });
  for (const r of data.spam) if (r.label === 0) toxEx.push({ text: r.text, group: 'ham', y: { toxicity: [0, o.ham], hate: [0, 0.5] } });
  for (const r of identityRows(5000, seed + 2)) toxEx.push({ text: r.text, group: 'identity-template', y: { toxicity: [r.label, 2], hate: [r.label, 2] } });
  // Reader-to-reader insults are toxic but not hate (the Fox News labels draw the same line).
  for (const r of insultRows(seed + 3)) toxEx.push({ text: r.text, group: 'insult', y: { toxicity: [r.label, 2], hate: [0, 2] } });
  // Generated sets with a hate label of their own, each weighing 2 × its option (0 leaves it out).
  const generated = (group: string, weight: number, rows: () => (SyntheticRow & { hate: number })[]): void => {
    if (weight > 0) for (const r of rows()) toxEx.push({ text: r.text, group, y: { toxicity: [r.label, 2 * weight], hate: [r.hate, 2 * weight] } });
  };
  // Ordinary words that share letters with a slur ("Nigeria", "fire retardant").
  generated('lookalike', o.lookalikes, () => lookalikeRows(seed + 11));
  // Threats against a reader are toxic; against a group, hate too. Their twins and talk of violence are neither.
  generated('threat', o.threats, () => threatRows(seed + 6));
  // Stereotypes about a group are hate; their twins name the same groups and are neither.
  generated('stereotype', o.stereotypes, () => stereotypeRows(seed + 8));
  // "{X} people are …" stereotypes are hate; the same shapes about identities and social groups are neither.
  generated('people', o.people, () => peopleRows(seed + 9));
  // Sexual harassment, doxxing and degrading wishes are toxic; conspiracy about a group is hate too.
  generated('harassment', o.harassment, () => harassmentRows(seed + 7));
  for (const r of feedback) {
    if (r.task === 'toxicity') toxEx.push({ text: r.text, group: 'moderator-feedback', y: { toxicity: [r.label, 2], hate: [0, 0] } });
  }
  return toxEx;
}

/** Trains the spam head with the settings of `o` (naive-Bayes scaling when `o.nb` > 0). */
export function trainSpamHead(rows: SparseRows, labels: Float32Array, weights: Float32Array, o: SpamOptions, lr: Omit<LogRegOptions, 'epochs' | 'learningRate' | 'l2'>): { w: Float64Array; bias: number } {
  const opts = { ...lr, epochs: o.epochs, learningRate: o.learningRate, l2: o.l2 };
  if (o.nb <= 0) return trainLogReg(rows, labels, weights, opts);
  return trainScaledLogReg(rows, labels, weights, nbScale(rows, labels, weights, lr.bits, o.nbAlpha, o.nb), opts);
}

/** Scales sample weights so the positive class carries `share` of the total weight (half by default). */
export function balance(ys: [number, number][], share = 0.5): Float32Array {
  let pos = 0;
  let neg = 0;
  for (const [y, w] of ys) {
    if (y === 1) pos += w;
    else neg += w;
  }
  const total = pos + neg;
  return new Float32Array(ys.map(([y, w]) => (w * total * (y === 1 ? share : 1 - share)) / (y === 1 ? pos : neg)));
}
