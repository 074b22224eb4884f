import { ModerationEngine, DEFAULT_SITE_POLICY } from '@replyguard/moderation-engine';
import { readRows, isHeldOut } from '../tools/train/datasets';
const e = ModerationEngine.load();
const D = '/work/shared/datasets/';
const all = [...readRows(D + 'spam/train.csv'), ...readRows(D + 'toxicity/wikipedia-talk-train.csv').map(r => ({ ...r, label: 0 })), ...readRows(D + 'toxicity/fox-news-train.csv').map(r => ({ ...r, label: 0 }))].filter(r => isHeldOut(r.text));
const sc = all.map(r => ({ src: r.source, y: r.label, s: e.moderate({ content: r.text }, DEFAULT_SITE_POLICY).scores.spam }));
for (const t of [0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6]) {
  const out: string[] = [];
  for (const src of ['youtube-spam-collection', 'sms-spam-collection']) {
    const xs = sc.filter(x => x.src === src);
    const tp = xs.filter(x => x.y && x.s >= t).length, fp = xs.filter(x => !x.y && x.s >= t).length, fn = xs.filter(x => x.y && x.s < t).length;
    const p = tp / (tp + fp), r = tp / (tp + fn);
    out.push(`${src.slice(0, 3)} P${p.toFixed(3)} R${r.toFixed(3)} F${(2 * p * r / (p + r)).toFixed(3)} FPR${(fp / xs.filter(x => !x.y).length).toFixed(3)}`);
  }
  const legit = sc.filter(x => !x.y && !x.src.startsWith('sms'));
  out.push(`legitFPR ${(legit.filter(x => x.s >= t).length / legit.length).toFixed(4)}`);
  console.log(t, out.join(' | '));
}
