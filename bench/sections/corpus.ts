import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readRows } from '../../tools/train/datasets';

/**
 * Typical comments (up to 1,000 chars): YouTube and news comments and Wikipedia talk from the shared
 * datasets when present, else a generated mix, so the bench also runs on a bare checkout.
 */
export function typicalComments(limit = 20_000): { texts: string[]; source: string } {
  const dir = process.env.REPLYGUARD_DATASETS ?? resolve(__dirname, '..', '..', '..', 'shared', 'datasets');
  const files = [
    join(dir, 'toxicity', 'wikipedia-talk-train.csv'),
    join(dir, 'spam', 'train.csv'),
    join(dir, 'toxicity', 'fox-news-train.csv'),
  ];
  if (files.every((f) => existsSync(f))) {
    const texts = files.flatMap((f) => readRows(f).map((r) => r.text)).filter((t) => t.length <= 1000);
    return {
      texts: interleave(texts).slice(0, limit),
      source: 'shared datasets (wikipedia talk, youtube/sms, fox news)',
    };
  }
  const base = [
    'Great article, thanks! I learned a lot about how the council budget works.',
    'I disagree with the second point. The data from 2019 shows the opposite trend, see https://example.org/report.',
    'This is the dumbest thing I have read all week, the author clearly has no idea.',
    'Check out my channel for free gift cards!!! http://bit.ly/xyz',
    'My grandmother made this recipe every Sunday. Brings back memories.',
  ];
  const texts: string[] = [];
  for (let i = 0; texts.length < limit; i++) texts.push(`${base[i % base.length]} (${i})`);
  return { texts, source: 'generated' };
}

/** Deterministic mixing so each pass sees the sources interleaved, not in blocks. */
function interleave(xs: string[]): string[] {
  const out = xs.slice();
  let s = 12345;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
