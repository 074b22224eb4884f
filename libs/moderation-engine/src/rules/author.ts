import { hostOf } from '../text/links';

/** Words that have no business in a person's name or website address. */
const SALES_WORDS = [
  'cheap', 'buy', 'sale', 'discount', 'viagra', 'cialis', 'casino', 'poker', 'slots', 'loan', 'loans', 'seo',
  'porn', 'sex', 'escort', 'pills', 'pharmacy', 'replica', 'forex', 'crypto', 'bitcoin', 'backlink', 'backlinks',
  'followers', 'outlet', 'deals', 'coupon', 'dating', 'weightloss', 'essay', 'bonus', 'betting', 'marketing',
];
const SALES_RE = new RegExp(`(?:^|[^a-z])(?:${SALES_WORDS.join('|')})(?:$|[^a-z])`);
const DOMAIN_SALES_RE = new RegExp(SALES_WORDS.filter((w) => w.length >= 4).join('|'));
const URL_IN_NAME_RE = /https?:|www\.|\.(?:com|net|org|info|biz|ru|xyz|top|io|co)\b/;
const SPAMMY_TLDS = new Set(['ru', 'xyz', 'top', 'tk', 'ml', 'ga', 'cf', 'gq', 'pw', 'click', 'loan', 'win', 'bid', 'su', 'work', 'cam']);

export interface AuthorSignals {
  /** Added to the spam model's logit. */
  logit: number;
  signals: string[];
  /** The author website's domain (public information the author chose to give). */
  websiteDomain?: string;
}

/**
 * Author-field priors. The public training data has no author fields, so these are fixed, documented
 * weights rather than learned ones; they nudge the spam score and are reported as evidence.
 */
export function authorSignals(name: string | undefined, url: string | undefined): AuthorSignals {
  const signals: string[] = [];
  let logit = 0;
  const n = (name ?? '').slice(0, 200).toLowerCase();
  if (n && URL_IN_NAME_RE.test(n)) {
    signals.push('url_in_name');
    logit += 2.5;
  }
  if (n && SALES_RE.test(n)) {
    signals.push('sales_words_in_name');
    logit += 2.5;
  }
  if (n.split(/\s+/).length > 5) {
    signals.push('long_name');
    logit += 1;
  }
  const websiteDomain = url ? hostOf(url.slice(0, 500)) || undefined : undefined;
  if (websiteDomain) {
    const tld = websiteDomain.slice(websiteDomain.lastIndexOf('.') + 1);
    if (SPAMMY_TLDS.has(tld)) {
      signals.push('website_tld');
      logit += 1;
    }
    if (DOMAIN_SALES_RE.test(websiteDomain)) {
      signals.push('sales_words_in_website');
      logit += 2;
    }
  }
  return { logit, signals, websiteDomain };
}
