import type { LinkInfo } from '../text/links';
import { addCharNgrams, addMeta, addWordNgrams, bucket, type FeatureBuffer } from './features';

export const SPAM_BITS = 18;
export const SPAM_SEED_WORD = 11;
const SEED_WORD = SPAM_SEED_WORD;
const SEED_CHAR = 12;
const SEED_META = 13;

/** Lower-case words; numbers become their shape ("#d11" for a phone number); currency signs are words. */
export function spamTokens(lower: string): string[] {
  const out: string[] = [];
  let cur = '';
  let digits = 0;
  const flush = (): void => {
    if (cur.length > 0) out.push(digits === cur.length ? `#d${Math.min(digits, 12)}` : digits >= 5 ? `#m${Math.min(cur.length, 16)}` : cur);
    cur = '';
    digits = 0;
  };
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if ((c >= 97 && c <= 122) || c === 39 || c > 0xbf) cur += lower[i];
    else if (c >= 48 && c <= 57) {
      cur += lower[i];
      digits++;
    } else {
      flush();
      if (c === 36 || c === 0xa3 || c === 0x20ac) out.push(lower[i]);
    }
  }
  flush();
  return out;
}

/** Indicators computed from the raw content: links, markup, shouting, phone numbers. */
export function spamMeta(content: string, links: LinkInfo): string[] {
  const meta = [`links:${bucket(links.count, [1, 2, 3, 5])}`, `bare:${bucket(links.bareDomains, [1, 2])}`, `len:${bucket(content.length, [20, 50, 100, 200, 400, 1000])}`];
  if (links.markup > 0) meta.push('markup', `markup:${bucket(links.markup, [2, 3])}`);
  if (links.shorteners.length > 0) meta.push('shortener');
  for (const d of links.domains.slice(0, 5)) {
    meta.push(`dom:${d}`);
    const dot = d.lastIndexOf('.');
    meta.push(`tld:${d.slice(dot + 1)}`);
  }
  let upper = 0;
  let letters = 0;
  let bangs = 0;
  let digitRun = 0;
  let maxDigitRun = 0;
  for (let i = 0; i < content.length; i++) {
    const c = content.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      upper++;
      letters++;
    } else if (c >= 97 && c <= 122) letters++;
    else if (c === 33) bangs++;
    if (c >= 48 && c <= 57) maxDigitRun = Math.max(maxDigitRun, ++digitRun);
    else if (c !== 32 && c !== 45) digitRun = 0;
  }
  if (letters >= 10) meta.push(`caps:${bucket(upper / letters, [0.1, 0.3, 0.6])}`);
  meta.push(`bang:${bucket(bangs, [1, 2, 4])}`);
  if (maxDigitRun >= 7) meta.push('phone');
  return meta;
}

/** Fills `buf` with the spam model's features for one comment. */
export function spamFeatures(buf: FeatureBuffer, content: string, links: LinkInfo): void {
  buf.reset();
  const lower = content.toLowerCase();
  addWordNgrams(buf, spamTokens(lower), SEED_WORD, 1);
  addCharNgrams(buf, lower, 3, 5, SEED_CHAR, 1);
  const meta = spamMeta(content, links);
  if (links.anchorText.length > 0) for (const w of spamTokens(links.anchorText.toLowerCase())) meta.push(`a:${w}`);
  addMeta(buf, meta, SEED_META, 0.5);
}

