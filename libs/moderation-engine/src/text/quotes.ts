/**
 * Reported quotations: words a comment quotes in order to report them ("They chanted "gas the Jews"
 * last time", "Calling refugees "vermin" is disgusting", ""Go back home," they shouted"). News comments
 * quote hate to condemn it; the models cannot tell a quotation from a claim, so the engine rescores a
 * comment without its reported quotations before it rejects one (see `ModerationEngine.moderate`).
 *
 * A quotation is reported when a reporting word ("said", "called", "chanted", "slogan", …) stands among
 * the four words before its opening mark or the three after its closing one. Scare quotes with no such
 * word ("Refugees are "vermin".") are no report. One pass over the text; each quotation's look-around
 * is bounded, so cost is linear in length.
 */

/** Words that introduce or attribute quoted words. Not "like" or "as": "they are like "animals"" asserts. */
const REPORTING = new Set([
  'say',
  'says',
  'said',
  'saying',
  'call',
  'calls',
  'called',
  'calling',
  'chant',
  'chants',
  'chanted',
  'chanting',
  'shout',
  'shouts',
  'shouted',
  'shouting',
  'yell',
  'yelled',
  'yelling',
  'scream',
  'screamed',
  'screaming',
  'write',
  'writes',
  'wrote',
  'written',
  'writing',
  'tweet',
  'tweeted',
  'tweeting',
  'post',
  'posted',
  'posting',
  'sang',
  'sing',
  'singing',
  'read',
  'reads',
  'reading',
  'heard',
  'hear',
  'quote',
  'quoted',
  'quoting',
  'label',
  'labelled',
  'labeled',
  'labelling',
  'labeling',
  'brand',
  'branded',
  'branding',
  'describe',
  'described',
  'describing',
  'dubbed',
  'word',
  'words',
  'term',
  'terms',
  'slur',
  'slurs',
  'phrase',
  'phrases',
  'slogan',
  'slogans',
  'sign',
  'signs',
  'banner',
  'banners',
  'placard',
  'placards',
  'graffiti',
  'message',
  'messages',
  'comment',
  'comments',
  'insult',
  'insults',
  'epithet',
  'epithets',
  'rhetoric',
  'claim',
  'claims',
  'claimed',
  'claiming',
]);

/** Opening mark → closing mark. Straight quotes open and close alike. */
const PAIRS: ReadonlyMap<string, string> = new Map([
  ['"', '"'],
  ['\u201c', '\u201d'], // “ ”
  ['\u201e', '\u201c'], // „ “
  ['\u00ab', '\u00bb'], // « »
  ["'", "'"],
  ['\u2018', '\u2019'], // ‘ ’
]);
const SINGLE = new Set(["'", '\u2018', '\u2019']);

/** A quotation longer than this is a pasted text, not a reported phrase, and is left in. */
const MAX_QUOTED = 300;
const WORDS_BEFORE = 4;
const WORDS_AFTER = 3;
/** How far the look-around reads for its words. */
const WINDOW = 60;

export interface Span {
  start: number;
  end: number;
}

const isLetter = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c > 0xbf;

/**
 * The reported quotations of a text, as [start, end) spans that include their marks, in order.
 * Single quotes count only at a word's edge, so "don't" and "the Smiths' song" open nothing.
 */
export function reportedQuotations(text: string): Span[] {
  const spans: Span[] = [];
  const n = text.length;
  // Per closing mark, where the last fruitless search for it ended: a later opening mark resumes there,
  // so a text of many unclosed marks is still read once.
  const searchedTo = new Map<string, number>();
  let i = 0;
  while (i < n) {
    const open = text[i];
    const close = PAIRS.get(open);
    if (close === undefined || (SINGLE.has(open) && !opensAtWordEdge(text, i))) {
      i++;
      continue;
    }
    const last = Math.min(n, i + 1 + MAX_QUOTED);
    let j = Math.max(i + 1, searchedTo.get(close) ?? 0);
    while (j < last && !(text[j] === close && (!SINGLE.has(close) || closesAtWordEdge(text, j)))) j++;
    if (j >= last) searchedTo.set(close, last);
    if (j >= last || j === i + 1) {
      // Unclosed within reach, or empty: this mark quotes nothing; try from the next character.
      i++;
      continue;
    }
    if (reportingNear(text, i, j + 1)) spans.push({ start: i, end: j + 1 });
    i = j + 1;
  }
  return spans;
}

/** The text with each span blanked to one space. */
export function withoutSpans(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  let out = '';
  let from = 0;
  for (const s of spans) {
    out += `${text.slice(from, s.start)} `;
    from = s.end;
  }
  return out + text.slice(from);
}

function opensAtWordEdge(text: string, i: number): boolean {
  return (
    (i === 0 || !isLetter(text.charCodeAt(i - 1))) && i + 1 < text.length && isLetter(text.charCodeAt(i + 1))
  );
}

function closesAtWordEdge(text: string, j: number): boolean {
  return j + 1 >= text.length || !isLetter(text.charCodeAt(j + 1));
}

function reportingNear(text: string, start: number, end: number): boolean {
  return (
    wordsIn(text.slice(Math.max(0, start - WINDOW), start))
      .slice(-WORDS_BEFORE)
      .some((w) => REPORTING.has(w)) ||
    wordsIn(text.slice(end, end + WINDOW))
      .slice(0, WORDS_AFTER)
      .some((w) => REPORTING.has(w))
  );
}

function wordsIn(s: string): string[] {
  return s
    .toLowerCase()
    .split(/[^a-z\u00c0-\uffff]+/)
    .filter((w) => w.length > 0);
}
