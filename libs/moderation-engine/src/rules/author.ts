import { hostOf } from '../text/links';

/** Words that have no business in a person's name or website address. */
const SALES_WORDS = [
  'cheap', 'buy', 'sale', 'discount', 'viagra', 'cialis', 'casino', 'poker', 'slots', 'loan', 'loans', 'seo',
  'porn', 'sex', 'escort', 'pills', 'pharmacy', 'replica', 'forex', 'crypto', 'bitcoin', 'backlink', 'backlinks',
  'followers', 'outlet', 'deals', 'coupon', 'dating', 'weightloss', 'essay', 'bonus', 'betting', 'marketing',
];
/**
 * What a spam site's domain is made of and a reader's own site almost never is: with one of these in the
 * website field the comment is held whatever it says, since scraped, off-topic or bland text is the usual
 * cover for the link ("The ferry timetable changes from 1 April", website kamagra-uk-pharmacy.com).
 * Matched inside the domain, where the words run together ("slotmaxwin88", "hotdatinglocal").
 */
const STRONG_DOMAIN_WORDS = [
  'viagra', 'cialis', 'kamagra', 'levitra', 'tadalafil', 'sildenafil', 'casino', 'slot', 'poker', 'betting', 'escort', 'porn', 'xxx',
  'pharmacy', 'pills', 'backlink', 'essay', 'replica', 'payday', 'followers', 'steroid', 'hgh', 'dating', 'onlyfans',
];
const SALES_RE = new RegExp(`(?:^|[^a-z])(?:${SALES_WORDS.join('|')})(?:$|[^a-z])`);
const DOMAIN_STRONG_RE = new RegExp(STRONG_DOMAIN_WORDS.join('|'));
const DOMAIN_SALES_RE = new RegExp(SALES_WORDS.filter((w) => w.length >= 4 && !DOMAIN_STRONG_RE.test(w)).join('|'));
const URL_IN_NAME_RE = /https?:|www\.|\.(?:com|net|org|info|biz|ru|xyz|top|io|co)\b/;
const SPAMMY_TLDS = new Set([
  'ru', 'xyz', 'top', 'tk', 'ml', 'ga', 'cf', 'gq', 'pw', 'click', 'loan', 'win', 'bid', 'su', 'work', 'cam', 'vip', 'bet', 'casino',
  'poker', 'sex', 'porn', 'adult', 'cfd', 'sbs', 'cyou', 'icu', 'buzz', 'rest', 'monster',
]);
/** Three digits or more in the site's name ("royalbet365", "xpj8888"): gambling and bulk domains, rarely a reader's blog. */
const DIGITS_RE = /\d{3}/;

/**
 * Trades and services as SEO spammers put them in the name field, keywords instead of a name ("Carpet
 * Cleaning Sydney", "Personal Injury Lawyer Houston", "Crypto Recovery Expert"). A name counts as such
 * only with two words or more and no sign of a person behind a business: not "Rosie's Bakery", "Sarah at
 * Crumbs Bakery", "Tom from Tom's Bikes" or "Smith & Sons Plumbing".
 */
const SERVICE_WORDS = new Set([
  'cleaning', 'cleaners', 'cleaner', 'lawyer', 'lawyers', 'attorney', 'attorneys', 'solicitors', 'detailing', 'transplant', 'clinic',
  'assignment', 'homework', 'writing', 'writers', 'safari', 'deals', 'recovery', 'expert', 'experts', 'hacker', 'hackers', 'repair',
  'repairs', 'removal', 'removals', 'services', 'service', 'agency', 'solutions', 'plumber', 'plumbers', 'plumbing', 'roofing',
  'roofers', 'contractor', 'contractors', 'insurance', 'loans', 'loan', 'marketing', 'seo', 'movers', 'locksmith', 'locksmiths', 'pest',
  'landscaping', 'renovation', 'renovations', 'escort', 'escorts', 'casino', 'betting', 'forex', 'trading', 'investment', 'pharmacy',
  'supplements', 'followers', 'download', 'apk', 'coupon', 'coupons', 'discount', 'cheap', 'rental', 'rentals', 'hire', 'dentist',
  'dental', 'cosmetic', 'surgery', 'injury', 'divorce', 'tours', 'packages', 'tickets', 'reviews', 'online', 'buy',
]);
const PERSON_BEHIND = /['’]s\b|\s(?:at|from|of)\s|&/;

/**
 * What a link-building comment says: praise that fits any page ("Wonderful post, thanks for sharing.",
 * "This is exactly what I was looking for.", "Very useful info for beginners like me"). A comment made of
 * these words alone (and at most 40 of them) names nothing of the page it is on.
 */
const GENERIC_WORDS = new Set(
  (
    'a about across admin again agree agreed all also always am amazing an and appreciate appreciated are article articles as at awesome ' +
    'back be ' +
    'been beginners best blog bookmarked bookmark brilliant but by came can cheers come content cool dear definitely detail details ' +
    'did do effort enjoyed enjoy ever everyone exactly excellent fantastic for forward found from full glad good great greetings had ' +
    'has have helped helpful here hi hello how i im in indeed info information informative insightful interesting is it its just keep ' +
    'knowledge learn learned learnt like looking lot lots love loved many me more most much my need needed new next nice of on one ' +
    'online out page piece please points post posted posting posts quality read reading really regards research researched right ' +
    'point says see seen share shared sharing simply site so some stuff such super superb sure team thank thanks that the there these thing ' +
    'things think this to today topic truly up useful valuable very was way we website well what which who will with wonderful work ' +
    'worth would write writeup written wrote you your yours'
  ).split(' '),
);
const WORD_RE = /[\p{L}\p{N}]+/gu;

/**
 * The spam model's logit for what the comment says counts at least this much when the author fields are a
 * spam signature (`cover`): bland or scraped text scores lower than any genuine comment (-5 to -7 for
 * "This is exactly what I was looking for."), and there it is the cover, not evidence of a reader.
 */
export const COVER_CONTENT_FLOOR = -2.5;

export interface AuthorSignals {
  /** Added to the spam model's logit. */
  logit: number;
  /** The author fields are a spam signature: the content's logit is floored at `COVER_CONTENT_FLOOR`. */
  cover: boolean;
  signals: string[];
  /** The author website's domain (public information the author chose to give). */
  websiteDomain?: string;
}

/** Whether every word of `content` is one of `GENERIC_WORDS` (see there). */
function isGeneric(content: string): boolean {
  if (content.length > 300) return false;
  const words = content.toLowerCase().match(WORD_RE);
  if (!words || words.length > 40) return false;
  for (const w of words) if (!GENERIC_WORDS.has(w)) return false;
  return true;
}

/** A name made of trade or service keywords (see `SERVICE_WORDS`). */
function isKeywordName(name: string): boolean {
  if (PERSON_BEHIND.test(name)) return false;
  const words = name.match(WORD_RE);
  return words !== null && words.length >= 2 && words.some((w) => SERVICE_WORDS.has(w));
}

const squash = (s: string): string => s.toLowerCase().replace(NON_WORD_RE, '');
const NON_WORD_RE = /[^\p{L}\p{N}]+/gu;

/**
 * The comment recommends the product of its own website under a name that is not the product's ("I've
 * personally found that the Serenity Sleep app has transformed my evening routine", by "Grace Thompson",
 * website serenitysleepapp.com): an advert posing as a reader. A business that signs as itself ("Tom from
 * Tom's Bikes here", tomsbikes.co.uk) discloses the link and is left to the content model.
 */
function isUndisclosedPlug(name: string, domain: string, content: string): boolean {
  const labels = domain.split('.');
  labels.pop();
  let site = '';
  for (const l of labels) if (l.length > site.length) site = l;
  site = site.replace(/-/g, '');
  if (site.length < 6 || !squash(content.slice(0, 2000)).includes(site)) return false;
  const who = squash(name);
  if (who.length >= 3 && (site.includes(who) || who.includes(site))) return false;
  return !(name.match(WORD_RE) ?? []).some((w) => w.length >= 4 && site.includes(w));
}

/**
 * Author-field priors. The public training data has no author fields, so these are fixed, documented
 * weights rather than learned ones; they nudge the spam score and are reported as evidence. `content`
 * is the comment: link-building spam pairs a keyword name or a sales site with praise that fits any page.
 */
export function authorSignals(name: string | undefined, url: string | undefined, content = ''): AuthorSignals {
  const signals: string[] = [];
  let logit = 0;
  let cover = false;
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
  const keywordName = n.length > 0 && isKeywordName(n);
  if (keywordName) {
    signals.push('keyword_name');
    logit += 2;
  }
  const websiteDomain = url ? hostOf(url.slice(0, 500)) || undefined : undefined;
  if (websiteDomain) {
    const tld = websiteDomain.slice(websiteDomain.lastIndexOf('.') + 1);
    const site = websiteDomain.slice(0, websiteDomain.length - tld.length - 1);
    if (SPAMMY_TLDS.has(tld)) {
      signals.push('website_tld');
      logit += 1;
    }
    if (DOMAIN_STRONG_RE.test(site)) {
      signals.push('spam_words_in_website');
      logit += 4;
      cover = true;
    } else if (DOMAIN_SALES_RE.test(site)) {
      signals.push('sales_words_in_website');
      logit += 2;
    }
    if (DIGITS_RE.test(site)) {
      signals.push('digits_in_website');
      logit += 1;
    }
  }
  // Bland praise with a link to follow: the link is the point. With a keyword name, the SEO signature.
  if ((websiteDomain || keywordName) && isGeneric(content)) {
    signals.push('generic_comment');
    logit += websiteDomain && keywordName ? 4 : 0.5;
    cover = true;
  }
  if (websiteDomain && isUndisclosedPlug(n, websiteDomain, content)) {
    signals.push('undisclosed_plug');
    logit += 2;
    cover = true;
  }
  return { logit, cover, signals, websiteDomain };
}
