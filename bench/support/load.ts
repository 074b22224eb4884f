import { randomBytes } from 'node:crypto';

const TOPICS = [
  'the council budget',
  'the new tram line',
  'the school results',
  'the harbour plan',
  'the trade figures',
];
const OPENERS = [
  'Thanks for the clear write-up on',
  'I learned a lot from this piece on',
  'A fair summary of',
  'Good reporting on',
];

let seq = 0;

/**
 * A valid, benign submission that moderation approves: its own email and client IP (sent as
 * X-Forwarded-For, believed from the trusted 127.0.0.1), so no flood or duplicate rule holds it.
 */
export function benignSubmission(siteId: string, articleId: string): { body: string; ip: string } {
  seq += 1;
  const tag = randomBytes(4).toString('hex');
  const body = JSON.stringify({
    siteId,
    articleId,
    parentId: null,
    authorName: `Reader ${seq}`,
    authorEmail: `reader-${tag}-${seq}@example.org`,
    authorUrl: null,
    content: `${OPENERS[seq % OPENERS.length]} ${TOPICS[seq % TOPICS.length]}; it answered the questions I had (${seq}).`,
  });
  const ip = `10.${(seq >> 16) & 255}.${(seq >> 8) & 255}.${seq & 255}`;
  return { body, ip };
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export const round1 = (x: number): number => Math.round(x * 10) / 10;
