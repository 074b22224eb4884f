/** Well-known URL shorteners: a link through one hides where it goes. */
export const URL_SHORTENERS: ReadonlySet<string> = new Set([
  'bit.ly', 'bitly.com', 'tinyurl.com', 'goo.gl', 't.co', 'ow.ly', 'is.gd', 'buff.ly', 'adf.ly', 'bit.do',
  'cutt.ly', 'rebrand.ly', 'shorturl.at', 'tiny.cc', 'rb.gy', 'v.gd', 'x.co', 'lnkd.in', 'db.tt', 'qr.ae',
  'soo.gd', 's.id', 'shorte.st', 'ouo.io', 'bc.vc', 'clck.ru', 'tr.im', 'snip.ly', 'youtu.be', 'goo.su',
]);

/**
 * Hosts of public institutions and reference works, which genuine comments cite and spam rarely does:
 * government, education and intergovernmental suffixes, and a few reference projects. One shared feature
 * for all of them, so a council or a university the training rows never named counts like those they
 * did. News outlets are left to the model (generated citing comments teach many of them, and its unit
 * test checks that the lesson carries to outlets it never saw); user-content hosts (github.io, blogspot,
 * docs.google) are not here, since spam lives on them.
 */
const INSTITUTION_SUFFIX =
  /\.(?:gov|edu|int|mil|gouv\.fr|gov\.(?:uk|au|in|br|za|sg|ie|ph|pk|ng|hk|tw|cn|ua|pl|tr|it|my)|gob\.(?:mx|es|ar|cl|pe)|govt\.nz|gc\.ca|ac\.(?:uk|jp|nz|za|in|kr|il|at)|edu\.(?:au|cn|br|mx|sg|hk|tr|pl|in|ar|co)|nhs\.uk|police\.uk|parliament\.uk|europa\.eu)$|^(?:gov\.uk|nhs\.uk|europa\.eu)$/;
const REFERENCE_HOSTS = new Set([
  'wikipedia.org', 'wikimedia.org', 'wiktionary.org', 'wikidata.org', 'archive.org', 'github.com', 'gitlab.com', 'stackoverflow.com',
  'arxiv.org', 'doi.org', 'nature.com', 'science.org', 'thelancet.com', 'nejm.org', 'bmj.com', 'un.org', 'oecd.org', 'worldbank.org',
  'imf.org', 'openstreetmap.org', 'python.org', 'mozilla.org', 'w3.org', 'ietf.org', 'unesco.org', 'unicef.org', 'amnesty.org', 'hrw.org',
]);

/**
 * Whether a host (lower case, no `www.`) belongs to a public institution or a reference work. The
 * suffixes are those that countries reserve for their institutions, with a name before them ("edu.co" and
 * "gov.tv" alone are not).
 */
export function isInstitutionHost(host: string): boolean {
  if (INSTITUTION_SUFFIX.test(host)) return true;
  // "en.wikipedia.org", "docs.python.org": the registered name is the last two labels here.
  const dot = host.lastIndexOf('.', host.lastIndexOf('.') - 1);
  return REFERENCE_HOSTS.has(dot < 0 ? host : host.slice(dot + 1));
}

export interface LinkInfo {
  /** Links a reader can follow: scheme URLs, `www.` hosts and markup anchors (an anchor's URL counts once). */
  count: number;
  /** Anchors written as markup (`<a href=…>`, `[url=…]`). */
  markup: number;
  /** Distinct host names, lower case, without `www.`. */
  domains: string[];
  shorteners: string[];
  /** Host-like words without a scheme ("cheap-pills.com", "kidsmediausa . com"). */
  bareDomains: number;
  /** Bare domains followed by a path ("gofundme.com/abc", "adf.ly / KlD3Y"): a link written to be copied. */
  barePaths: number;
  /** The visible text of markup anchors, joined (capped), for the spam model. */
  anchorText: string;
}

const TLDS = new Set([
  'com', 'net', 'org', 'info', 'biz', 'ru', 'cn', 'xyz', 'top', 'site', 'online', 'shop', 'store', 'club', 'io',
  'co', 'us', 'uk', 'de', 'in', 'me', 'tk', 'ml', 'ga', 'cf', 'gq', 'pw', 'cc', 'ws', 'su', 'click', 'link', 'win',
  'bid', 'loan', 'vip', 'live', 'pro', 'fr', 'pl', 'nl', 'it', 'es', 'br', 'tv', 'ly', 'gl',
  // Top-level domains spam registers under ("1xwin.bet", "datemia.love", "paydaynow.loan"), and more countries.
  // Not two-letter words ("at", "be", "no", "id"): "I was at home.No one came" is no domain.
  'bet', 'casino', 'poker', 'games', 'app', 'dev', 'icu', 'buzz', 'website', 'tech', 'love', 'quotes', 'loans', 'ca', 'au', 'nz',
  'eu', 'ch', 'dk', 'fi', 'pt', 'mx', 'jp', 'kr', 'tr', 'ua', 'vn',
]);

/** Two-letter TLDs that are also words: "see you. In June" is not a domain, "cheap . in" is too rare to miss. */
const WORD_TLDS = new Set(['co', 'us', 'uk', 'de', 'in', 'me', 'cc', 'ws', 'pl', 'nl', 'it', 'es', 'br', 'tv', 'gl', 'ca']);

const MAX_ANCHOR_TEXT = 500;
/** Where a link may start; a dot only when a known TLD follows ("word.com", "word . com"). */
const CANDIDATES = new RegExp(`<a[\\s>]|\\[url|https?://|www\\.|[a-z0-9-] ?\\.\\s{0,2}(?:${[...TLDS].join('|')})(?![a-z0-9-])`, 'g');
/** How far past `<a` an `href` may start: bounds the work per `<` so nested markup stays linear. */
const TAG_WINDOW = 300;

/** One left-to-right scan; no backtracking regular expressions, so a 10,000-char run stays linear. */
export function extractLinks(text: string): LinkInfo {
  const lower = text.toLowerCase();
  const n = lower.length;
  const domains = new Set<string>();
  const shorteners = new Set<string>();
  let count = 0;
  let markup = 0;
  let bareDomains = 0;
  let barePaths = 0;
  let anchorText = '';
  let skipUntil = 0; // URLs inside an anchor we already counted

  // Jump between candidate positions with a native scan; each candidate's own work is bounded.
  const candidates = CANDIDATES;
  for (let i = 0; i < n; i++) {
    candidates.lastIndex = i;
    const m = candidates.exec(lower);
    if (!m) break;
    i = m.index;
    const c = lower.charCodeAt(i);
    if (c === 60 /* < */ && lower.startsWith('<a', i) && i + 2 < n && /[\s>]/.test(lower[i + 2])) {
      const close = indexWithin(lower, '>', i, TAG_WINDOW);
      const tagEnd = close < 0 ? Math.min(n, i + TAG_WINDOW) : close;
      const href = indexWithin(lower, 'href', i, tagEnd - i);
      markup++;
      count++;
      if (href >= 0) {
        const url = readUrl(lower, skipSpacesQuotes(lower, href + 4));
        const host = hostOf(url);
        if (host) addHost(host, domains, shorteners);
      }
      if (close >= 0 && anchorText.length < MAX_ANCHOR_TEXT) {
        const end = indexWithin(lower, '</a', close, MAX_ANCHOR_TEXT);
        anchorText += ' ' + text.slice(close + 1, end < 0 ? Math.min(n, close + 1 + 100) : end);
      }
      skipUntil = tagEnd;
      i = tagEnd;
      continue;
    }
    if (c === 91 /* [ */ && lower.startsWith('[url', i)) {
      markup++;
      count++;
      const close = indexWithin(lower, ']', i, TAG_WINDOW);
      const eq = indexWithin(lower, '=', i, close < 0 ? TAG_WINDOW : close - i);
      const host = eq >= 0 ? hostOf(readUrl(lower, eq + 1)) : '';
      if (host) addHost(host, domains, shorteners);
      skipUntil = close < 0 ? i + 4 : close;
      i = skipUntil;
      continue;
    }
    if ((c === 104 /* h */ && (lower.startsWith('http://', i) || lower.startsWith('https://', i))) || (c === 119 /* w */ && lower.startsWith('www.', i) && (i === 0 || !isHostChar(lower.charCodeAt(i - 1))))) {
      const url = readUrl(lower, i);
      if (i >= skipUntil) count++;
      const host = hostOf(url);
      if (host) addHost(host, domains, shorteners);
      i += Math.max(0, url.length - 1);
      continue;
    }
    // Bare domain: the candidate starts at the last host char, then an optional space and the dot.
    const dot = lower.charCodeAt(i + 1) === 46 ? i + 1 : i + 2;
    let j = dot + 1;
    while (j < n && j - dot < 3 && lower[j] === ' ') j++;
    let k = j;
    while (k < n && k - j < 8 && lower.charCodeAt(k) >= 97 && lower.charCodeAt(k) <= 122) k++;
    const tld = lower.slice(j, k);
    // Written with a space around the dot, a two-letter word is a sentence break, not a TLD; so is a
    // capitalised word after a lower-case one ("at work.It was"), and a two-letter TLD after a one-letter
    // label ("e.g.in", "U.S.it").
    const spaced = dot !== i + 1 || j !== dot + 1;
    const sentenceBreak = isUpper(text.charCodeAt(j)) && !isUpper(text.charCodeAt(i)) && k > j + 1 && !isUpper(text.charCodeAt(j + 1));
    const shortLabel = tld.length === 2 && (i === 0 || !isHostChar(lower.charCodeAt(i - 1)));
    if (TLDS.has(tld) && !(spaced && WORD_TLDS.has(tld)) && !sentenceBreak && !shortLabel) {
      bareDomains++;
      let p = k;
      while (p < n && p - k < 2 && lower[p] === ' ') p++;
      if (lower[p] === '/') {
        p++;
        while (p < n && p - k < 5 && lower[p] === ' ') p++;
        if (p < n && isHostChar(lower.charCodeAt(p))) barePaths++;
      }
      // the label before the dot, bounded: "adf . ly" → "adf.ly"
      let b = i;
      while (b > 0 && i - b < 64 && isHostChar(lower.charCodeAt(b - 1))) b--;
      if (i - b < 64 && i >= skipUntil) addHost(`${lower.slice(b, i + 1)}.${tld}`, domains, shorteners);
    }
    i = Math.max(i, k - 1);
  }
  return { count, markup, domains: [...domains], shorteners: [...shorteners], bareDomains, barePaths, anchorText };
}

/** Like indexOf, but never looks further than `window` chars: keeps every scan bounded. */
function indexWithin(s: string, needle: string, from: number, window: number): number {
  const last = Math.min(s.length - needle.length, from + window);
  const first = needle.charCodeAt(0);
  for (let i = from; i <= last; i++) if (s.charCodeAt(i) === first && s.startsWith(needle, i)) return i;
  return -1;
}

function skipSpacesQuotes(s: string, i: number): number {
  let j = i;
  while (j < s.length && j - i < 10 && (s[j] === ' ' || s[j] === '=' || s[j] === '"' || s[j] === "'")) j++;
  return j;
}

/** Reads a URL up to whitespace, a quote or markup; capped so one huge token stays cheap. */
function readUrl(s: string, i: number): string {
  let j = i;
  while (j < s.length && j - i < 2048) {
    const c = s[j];
    if (c === ' ' || c === '\n' || c === '\t' || c === '"' || c === "'" || c === '<' || c === '>' || c === ']') break;
    j++;
  }
  return s.slice(i, j);
}

function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isHostChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45;
}

/**
 * Host name of a URL (lower case, no `www.`), or '' if there is none. Reads the forms typed into a
 * website field too: a user before the host ("admin@example.com", "http://user@example.com") and a scheme
 * with one slash ("http:/example.com").
 */
export function hostOf(url: string): string {
  let s = url.trim().toLowerCase();
  const scheme = s.indexOf('://');
  if (scheme >= 0 && scheme < 10) s = s.slice(scheme + 3);
  else if (s.startsWith('//')) s = s.slice(2);
  else if (/^https?:\/(?!\/)/.test(s)) s = s.slice(s.indexOf('/') + 1);
  const at = s.indexOf('@');
  if (at >= 0 && at < 64 && !s.slice(0, at).includes('/')) s = s.slice(at + 1);
  let end = 0;
  while (end < s.length && end < 253 && (isHostChar(s.charCodeAt(end)) || s[end] === '.')) end++;
  let host = s.slice(0, end).replace(/\.+$/, '');
  if (host.startsWith('www.')) host = host.slice(4);
  return host.includes('.') ? host : '';
}

function addHost(host: string, domains: Set<string>, shorteners: Set<string>): void {
  domains.add(host);
  if (URL_SHORTENERS.has(host)) shorteners.add(host);
}

/** The domain of an e-mail address, lower case, or '' (used for blocking by domain, never reported). */
export function emailDomain(email: string | undefined): string {
  if (!email) return '';
  const at = email.lastIndexOf('@');
  return at >= 0 ? email.slice(at + 1).trim().toLowerCase() : '';
}
