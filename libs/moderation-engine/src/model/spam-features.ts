import { cutAstralRuns } from '../text/fold';
import { isInstitutionHost, type LinkInfo } from '../text/links';
import { addCharNgrams, addMeta, addWordNgrams, bucket, type FeatureBuffer } from './features';

export const SPAM_BITS = 18;
export const SPAM_SEED_WORD = 11;
const SEED_WORD = SPAM_SEED_WORD;
const SEED_CHAR = 12;
const SEED_META = 13;

/** Lower-case words; numbers become their shape ("#d11" for a phone number); currency signs are words. */
export function spamTokens(lower: string): string[] {
  const out: string[] = [];
  // A word is a run of word characters: sliced out whole, not built a character at a time.
  let start = 0;
  let digits = 0;
  const flush = (end: number): void => {
    const length = end - start;
    if (length > 0) out.push(digits === length ? `#d${Math.min(digits, 12)}` : digits >= 5 ? `#m${Math.min(length, 16)}` : lower.slice(start, end));
    digits = 0;
  };
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if ((c >= 97 && c <= 122) || c === 39 || c > 0xbf) continue;
    if (c >= 48 && c <= 57) {
      digits++;
      continue;
    }
    flush(i);
    start = i + 1;
    if (c === 36 || c === 0xa3 || c === 0x20ac) out.push(lower[i]);
  }
  flush(lower.length);
  return out;
}

// Linear: each alternative starts with a literal and the character class never backtracks into a retry.
const URL_RE = /https?:\/\/[^\s"'<>\]]+|www\.[^\s"'<>\]]+/gi;
const HAS_URL = /https?:\/\/|www\./i;

/**
 * Self-promotion and money phrases, counted as one feature so that a phrasing the training data lacks
 * ("visit my blog", "listen to my beats") still shares the weight of the ones it has.
 */
const PROMOTION: readonly RegExp[] = [
  /\b(?:my|our) (?:new )?(?:channel|videos?|music|songs?|tracks?|mixtape|album|cover|blog|website|site|page|vlogs?|raps?|beats?|band|playlist|parody|remix)\b/,
  /\bsubscribe\b|\bsub (?:to|4|for)\b/,
  /\bcheck (?:out )?(?:my|our|me|this (?:video|channel|song|site|link|page))\b/,
  /\b(?:visit|see|watch|listen to|hear|look at|go to) (?:my|our)\b/,
  /\bplease (?:watch|like|subscribe|check|share|visit|follow|help|support|give)\b/,
  /\bfollow (?:me|us|4)\b/,
  /\b(?:earn|make|making) (?:(?:a lot of|lots of|real|easy|some|extra) )?(?:money|\$|cash|income)\b/,
  /\b(?:search|type|look up|google)(?: in| for)? (?:on )?(?:google|youtube)\b|\bjust (?:type|search)\b/,
  /\b(?:take|have) a listen\b|\b(?:i|we) (?:just )?(?:made|started|opened) (?:a|my|our) (?:new )?(?:\w+ )?channel\b/,
  /\bwork(?:ing)? from home\b/,
  /\bgift ?cards?\b/,
  /\bfree (?:\w+ )?(?:gift|money|iphone|followers|views|subscribers|codes?|games?)\b/,
  /\bclick (?:here|the link|this link|on the link)\b/,
  /\blink (?:in|on) my\b/,
  /\bgive (?:me|it|us) a (?:chance|try|listen)\b/,
];

/** All patterns in one: most comments match none, and one scan tells (a third of the cost of thirteen). */
const ANY_PROMOTION = new RegExp(PROMOTION.map((re) => `(?:${re.source})`).join('|'));

/** Number of promotion patterns a lower-cased text matches. */
export function promotionHits(lower: string): number {
  if (!ANY_PROMOTION.test(lower)) return 0;
  let hits = 0;
  for (const re of PROMOTION) if (re.test(lower)) hits++;
  return hits;
}

/**
 * The content with its URLs blanked out. The link features describe links (count, domains, host words,
 * shorteners, anchors); left in the text, a URL's path adds noise n-grams, digit runs that look like
 * phone numbers and length, and every URL reads as spam because nearly every URL in the public data is.
 */
export function maskUrls(content: string): string {
  return HAS_URL.test(content) ? content.replace(URL_RE, ' ') : content;
}

/** What the n-grams read: URLs masked, lower case, runs of a character cut to three ("!!!!!!!!" = "!!!"). */
export function spamText(content: string): string {
  return squeezeRuns(cutAstralRuns(maskUrls(content).toLowerCase(), 3), 3);
}

function squeezeRuns(s: string, max: number): string {
  let out: string[] | undefined;
  let from = 0;
  let run = 1;
  for (let i = 1; i < s.length; i++) {
    if (s.charCodeAt(i) !== s.charCodeAt(i - 1)) {
      run = 1;
      continue;
    }
    if (++run <= max) continue;
    // Inside a run past `max`: drop this character.
    (out ??= []).push(s.slice(from, i));
    from = i + 1;
  }
  if (!out) return s;
  out.push(s.slice(from));
  return out.join('');
}

/**
 * Ways to be contacted off the site, and sums of money: what scam and service spam on blogs and news
 * sites ends with ("Contact him on WhatsApp", "recoveryhackpro (at) protonmail", "essaywriters dot net",
 * "I earned $5,000 a week"). Each a feature of its own, since genuine comments have them too ("email the
 * council at …", "I paid $1,200"); the model weighs them. Each pattern starts at a literal, a space or a
 * bracket; its digit repetitions are bounded, and its other runs are of classes the next part cannot
 * match, so a 10,000-character comment stays linear ("1,1,1,…" included: an unbounded `\d[\d,.]*` there
 * was quadratic).
 */
const CONTACTS: readonly [string, RegExp][] = [
  ['contact:email', /[a-z0-9._%+-]@[a-z0-9-]+\.[a-z]{2,}/],
  // "(at) protonmail", "[at] gmail", "x at gmail dot com"; and "essaywriters dot net" after a name of four or more
  // characters, so "a dot com company", "the dot com bubble" and "the 90s dot com boom" are not. The name is
  // looked behind for only once "dot" matched: a leading lookbehind is tried at every position (six times the cost).
  [
    'contact:obfuscated',
    /[([]at[)\]] ?(?:gmail|yahoo|hotmail|outlook|protonmail|proton\.me|icloud|aol)| at (?:gmail|yahoo|hotmail|outlook|protonmail|icloud|aol) ?(?:dot|\.) ?com|dot(?<=[a-z0-9-]{4}[ ([]+dot)[ )\]]+(?:com|net|org|io|info|biz|xyz|club|site|online|shop|store)\b/,
  ],
  ['contact:app', /\b(?:whats ?app|telegram|wechat|viber|skype|kik|signal app)\b/],
  // From a hundred up: "$5,000", "$450", "1,200 dollars"; not "$50", "401k" or "a 5k run".
  ['money', /[$£€₹] ?(?:\d{1,3}(?:,\d{3}){1,4}|\d{3,9})(?!\d)|\b(?:\d{1,3}(?:,\d{3}){1,4}|\d{3,9}) ?(?:usd|dollars|euros|pounds)\b/],
];

/** The `CONTACTS` features a lower-cased text (URLs masked) has. */
export function contactCues(lower: string): string[] {
  const found: string[] = [];
  for (const [name, re] of CONTACTS) if (re.test(lower)) found.push(name);
  return found;
}

/** Indicators: links, markup, shouting, phone numbers; `content` with its URLs masked (`maskUrls`). */
export function spamMeta(content: string, links: LinkInfo): string[] {
  // A bare domain with a path ("gofundme.com/abc") is written to be followed: it counts as a link here.
  const meta = [`links:${bucket(links.count + links.barePaths, [1, 2, 3, 5])}`, `bare:${bucket(links.bareDomains, [1, 2])}`, `len:${bucket(content.length, [20, 50, 100, 200, 400, 1000])}`];
  if (links.markup > 0) meta.push('markup', `markup:${bucket(links.markup, [2, 3])}`);
  if (links.shorteners.length > 0) meta.push('shortener');
  if (links.barePaths > 0) meta.push('bare:path');
  // Only when every host is one: an institution's link does not vouch for the spam beside it.
  if (links.domains.length > 0 && links.domains.every(isInstitutionHost)) meta.push('dom:institution');
  for (const d of links.domains.slice(0, 5)) {
    meta.push(`dom:${d}`);
    const labels = d.split('.');
    meta.push(`tld:${labels.pop()}`);
    // The words of the host name: an unseen "cheap-pills-4u.xyz" shares "cheap" and "pills".
    for (const label of labels) for (const w of label.split('-')) if (w.length > 1 && w !== 'www') meta.push(`hw:${w}`);
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
  const masked = maskUrls(content);
  const text = squeezeRuns(masked.toLowerCase(), 3);
  addWordNgrams(buf, spamTokens(text), SEED_WORD, 1);
  addCharNgrams(buf, text, 1, 4, SEED_CHAR, 1);
  const meta = spamMeta(masked, links);
  if (links.anchorText.length > 0) for (const w of spamTokens(links.anchorText.toLowerCase())) meta.push(`a:${w}`);
  meta.push(`promo:${Math.min(promotionHits(text), 3)}`);
  for (const c of contactCues(text)) meta.push(c);
  addMeta(buf, meta, SEED_META, 0.5);
}

