import { hostOf, isInstitutionHost } from '../text/links';

/** Words that have no business in a person's name or website address. */
const SALES_WORDS = [
  'cheap', 'buy', 'sale', 'discount', 'viagra', 'cialis', 'casino', 'poker', 'slots', 'loan', 'loans', 'seo',
  'porn', 'sex', 'escort', 'pills', 'pharmacy', 'replica', 'forex', 'crypto', 'bitcoin', 'backlink', 'backlinks',
  'followers', 'outlet', 'deals', 'coupon', 'dating', 'weightloss', 'essay', 'bonus', 'betting', 'marketing',
];
/**
 * What a spam site's domain is made of and a reader's own site never is: with one of these in the website
 * field the comment is held whatever it says, since scraped, off-topic or bland text is the usual cover for
 * the link ("The ferry timetable changes from 1 April", website kamagra-uk-pharmacy.com). Matched inside
 * the domain, where the words run together ("judislot", "1xbetpromo").
 */
const SPAM_DOMAIN_WORDS = ['viagra', 'kamagra', 'levitra', 'tadalafil', 'sildenafil', 'onlyfans', 'backlink', 'payday', 'gacor', 'togel', 'judi', '1xbet', 'mostbet'];
/**
 * Spam words that are also ordinary words or live inside them ("specialist", "slotcarfan", "essayist",
 * "ford-escort-club", Casino in New South Wales, "castlestreetpharmacy"): spam only as a whole word of
 * the domain or run together with others, and only with a second sign, three digits or a spam-heavy TLD
 * ("slotmaxwin888.xyz"); alone, a whole word ("cheap-cialis-online.shop", "ford-escort-club") counts as a
 * sales word, and one inside a word ("slotcarfan") not at all.
 */
const AMBIGUOUS_DOMAIN_WORDS = new Set([
  'slot', 'slots', 'poker', 'casino', 'escort', 'escorts', 'essay', 'essays', 'pills', 'dating', 'xxx', 'hgh', 'steroid', 'steroids',
  'replica', 'cialis', 'pharmacy', 'betting', 'porn', 'followers',
]);
/** Not "seo" or "loan" in a name or a domain: a Korean surname, a Vietnamese given name ("Ji-woo Seo", "loancooks.vn"). */
const NAME_SALES_WORDS = SALES_WORDS.filter((w) => w !== 'seo' && w !== 'loan');
const SALES_RE = new RegExp(`(?:^|[^a-z])(?:${NAME_SALES_WORDS.join('|')})(?:$|[^a-z])`);
const AMBIGUOUS_IN_RUN_RE = new RegExp([...AMBIGUOUS_DOMAIN_WORDS].join('|'));
const DOMAIN_STRONG_RE = new RegExp(SPAM_DOMAIN_WORDS.join('|'));
const DOMAIN_SALES_RE = new RegExp(NAME_SALES_WORDS.filter((w) => w.length >= 4 && !DOMAIN_STRONG_RE.test(w) && !AMBIGUOUS_DOMAIN_WORDS.has(w)).join('|'));
const URL_IN_NAME_RE = /https?:|www\.|\.(?:com|net|org|info|biz|ru|xyz|top|io|co|vip|bet|shop|online|site|store|club|live|pro|app|in)\b|\sdot\s(?:com|net|org)\b/;
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
  'roofers', 'contractor', 'contractors', 'insurance', 'loans', 'marketing', 'movers', 'locksmith', 'locksmiths', 'pest',
  'landscaping', 'renovation', 'renovations', 'escort', 'escorts', 'casino', 'betting', 'forex', 'trading', 'investment', 'pharmacy',
  'supplements', 'followers', 'download', 'apk', 'coupon', 'coupons', 'discount', 'cheap', 'rental', 'rentals', 'hire', 'dentist', 'electrician',
  'electricians', 'plasterers', 'builders', 'roofer', 'scaffolding', 'cbd', 'keto', 'ozempic',
  'dental', 'cosmetic', 'surgery', 'injury', 'divorce', 'tours', 'packages', 'tickets', 'reviews', 'online', 'buy',
]);
/**
 * A sales word as the second sign beside an ambiguous one: "cheap-cialis-online", "discount-escorts". As
 * a whole word between hyphens or dots, or run together when six letters or more. Not a trade word: a
 * tutor's "essaywritingtutor", a chemist's "onlinepharmacy" and a keto blog's "keto-diet-pills" shop are
 * readers' sites as often as spam (a review's probe: three of 35 traders' sites held with trade words).
 */
const SALES_WORD_SET = new Set(SALES_WORDS);
const SALES_IN_RUN_RE = new RegExp(SALES_WORDS.filter((w) => w.length >= 6).join('|'));
function hasSalesWord(rest: string): boolean {
  return rest.split(/[-.\d]+/).some((w) => SALES_WORD_SET.has(w)) || SALES_IN_RUN_RE.test(rest);
}
/** "Rosie's Bakery", "Sarah at Crumbs Bakery", "Tom from Tom's Bikes", "Smith & Sons Plumbing": only as the name starts. */
const PERSON_BEHIND = /^[\p{L}.-]+['’]s\s|^[\p{L}.-]+(?:\s[\p{L}.-]+)?\s(?:at|from)\s|^[\p{L}.-]+\s(?:&|and)\s(?:sons?|daughters?)\b/u;

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

const NON_WORD_RE = /[^\p{L}\p{N}]+/gu;
const squash = (s: string): string => s.toLowerCase().replace(NON_WORD_RE, '');

/** Hosts where readers keep a page of their own: their name there is the platform's, not a product. */
const PLATFORMS = new Set([
  'youtube', 'facebook', 'github', 'gitlab', 'medium', 'wordpress', 'blogspot', 'blogger', 'substack', 'linkedin', 'strava', 'instagram',
  'twitter', 'tiktok', 'tumblr', 'wixsite', 'weebly', 'squarespace', 'google', 'reddit', 'pinterest', 'flickr', 'etsy', 'patreon',
  'soundcloud', 'bandcamp', 'vimeo', 'twitch', 'mastodon', 'bsky', 'threads', 'ghost', 'hashnode', 'dev', 'notion', 'carrd', 'linktr',
]);
/** Second-level suffixes under a country code ("example.co.uk"): the registered name is the label before them. */
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'edu', 'or', 'ne', 'go', 'gob', 'nic', 'ltd', 'plc', 'me', 'id']);

/** "We sell these at our shop", "I write a small Substack", "my blog": a reader who says the site is theirs. */
const DISCLOSURE_RE = /\b(?:my|our) (?:own )?(?:shop|store|blog|site|website|channel|business|company|bakery|cafe|café|studio|practice|podcast|newsletter|substack|page)\b|\bi (?:run|own|write)\b/;

/** The name a site registered: "serenitysleepapp" of "www.serenitysleepapp.com", "tomsbikes" of "shop.tomsbikes.co.uk". */
function registeredName(domain: string): string {
  const labels = domain.split('.');
  let k = labels.length - 2;
  if (k > 0 && labels[k + 1].length === 2 && SECOND_LEVEL.has(labels[k])) k--;
  return k >= 0 ? labels[k] : '';
}

/**
 * The comment recommends the product of its own website under a name that is not the product's ("I've
 * personally found that the Serenity Sleep app has transformed my evening routine", by "Grace Thompson",
 * website serenitysleepapp.com): an advert posing as a reader. A business that signs as itself ("Tom from
 * Tom's Bikes here", tomsbikes.co.uk) discloses the link and is left to the content model, and a page on
 * a platform (youtube.com/@…, medium.com/@…, github.com/…) names the platform, not a product. Only a
 * nudge (no floor): readers also name their own blogs.
 */
function isUndisclosedPlug(name: string, domain: string, content: string): boolean {
  const site = registeredName(domain).replace(/-/g, '');
  const text = content.slice(0, 2000).toLowerCase();
  if (site.length < 6 || PLATFORMS.has(site) || !squash(text).includes(site)) return false;
  const who = squash(name);
  if (who.length >= 3 && (site.includes(who) || who.includes(site))) return false;
  if (DISCLOSURE_RE.test(text)) return false;
  return !(name.match(WORD_RE) ?? []).some((w) => w.length >= 4 && site.includes(w));
}

/**
 * Author-field priors. The public training data has no author fields, so these are fixed, documented
 * weights rather than learned ones; they nudge the spam score and are reported as evidence. `content`
 * is the comment: link-building spam pairs a keyword name or a sales site with praise that fits any page.
 * The engine lets them hold a comment, never reject one on their own (see `ModerationEngine.moderate`).
 */
export function authorSignals(name: string | undefined, url: string | undefined, content = ''): AuthorSignals {
  const signals: string[] = [];
  let logit = 0;
  let cover = false;
  const n = (name ?? '').slice(0, 200).normalize('NFKC').toLowerCase();
  if (n && URL_IN_NAME_RE.test(n)) {
    signals.push('url_in_name');
    logit += 2.5;
  }
  const salesName = n.length > 0 && SALES_RE.test(n);
  if (salesName) {
    signals.push('sales_words_in_name');
    logit += 2.5;
  }
  if (n.split(/\s+/).length > 5) {
    signals.push('long_name');
    logit += 1;
  }
  // Once for a word: "Cheap Essay Writing" has sales words already.
  const keywordName = n.length > 0 && isKeywordName(n);
  if (keywordName && !salesName) {
    signals.push('keyword_name');
    // Without a website there is nothing to rank: "Brighton Writers Circle" thanking the author.
    logit += url ? 2 : 0.5;
  }
  const websiteDomain = url ? hostOf(url.slice(0, 500)) || undefined : undefined;
  if (websiteDomain && !isInstitutionHost(websiteDomain)) {
    const tld = websiteDomain.slice(websiteDomain.lastIndexOf('.') + 1);
    const site = websiteDomain.slice(0, websiteDomain.length - tld.length - 1);
    const spammyTld = SPAMMY_TLDS.has(tld);
    // Of the registered name: a blog's address on a platform often carries a year ("jenreads2019.blogspot.com").
    const digits = DIGITS_RE.test(registeredName(websiteDomain));
    if (spammyTld) {
      signals.push('website_tld');
      logit += 1;
    }
    const wholeWord = site.split(/[-.\d]+/).some((w) => AMBIGUOUS_DOMAIN_WORDS.has(w));
    // (a whole word is also found run together)
    const ambiguous = AMBIGUOUS_IN_RUN_RE.exec(site);
    if (DOMAIN_STRONG_RE.test(site) || (ambiguous && (digits || spammyTld || hasSalesWord(site.replace(ambiguous[0], '-'))))) {
      signals.push('spam_words_in_website');
      logit += 4;
      cover = true;
    } else if (wholeWord || DOMAIN_SALES_RE.test(site)) {
      signals.push('sales_words_in_website');
      logit += 2;
    }
    if (digits) {
      signals.push('digits_in_website');
      logit += 1;
    }
  }
  // Bland praise with a link to follow: the link is the point; with a keyword name too, the SEO signature.
  if ((websiteDomain || keywordName) && isGeneric(content)) {
    signals.push('generic_comment');
    if (websiteDomain && (keywordName || salesName)) {
      logit += 4;
      cover = true;
    } else logit += 0.5;
  }
  if (websiteDomain && isUndisclosedPlug(n, websiteDomain, content)) {
    signals.push('undisclosed_plug');
    logit += 2;
  }
  return { logit, cover, signals, websiteDomain };
}
