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

/**
 * Words that introduce or attribute quoted words. Not "like" or "as" ("they are like "animals"" asserts),
 * and no word that as often introduces the writer's own ("here is a word for you: …", "read this: …",
 * "in the long term").
 */
const SAYING = ['say', 'says', 'said', 'saying', 'call', 'calls', 'called', 'calling'];
const REPORTING = new Set([
  ...SAYING,
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
  'posted',
  'sang',
  'sing',
  'singing',
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
  'slur',
  'slurs',
  'slogan',
  'slogans',
  'signs',
  'banner',
  'banners',
  'placard',
  'placards',
  'graffiti',
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
const SENTENCE_ENDS = new Set(['.', '!', '?', '\n']);

/** A quotation longer than this (between its marks) is a pasted text, not a reported phrase, and is left in. */
const MAX_QUOTED = 300;
/** Single quotes double as apostrophes ("'cause … parents'"): a single-quoted phrase is short. */
const MAX_SINGLE_QUOTED_WORDS = 8;
/** Second-person words: a quotation with one speaks to someone, as often the reader as anyone reported. */
const SECOND_PERSON = new Set(['you', 'your', 'youre', 'yours', 'yourself', 'yourselves', 'u', 'ur', 'ya']);
/** Agreement with what was quoted: "As my dad said, "…", and he was right." ("right" only after "was", "is", …). */
const ENDORSING = new Set([
  'agree',
  'agreed',
  'agrees',
  'true',
  'exactly',
  'correct',
  'amen',
  'based',
  'truth',
  'facts',
]);
/** The writer as the one who says it: "As I always say, "…"". Not "my" ("my neighbour was called "…""). */
const FIRST_PERSON = new Set(['i', 'we', 'im', 'ive', 'id', 'ill']);
const BE_BEFORE_RIGHT = new Set(['was', 'is', 'were', 'are', 's', 're', 'so', 'absolutely', 'quite', 'dead']);
const WORDS_ENDORSING = 8;
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
 * The reported quotations of a text, as [start, end) spans that include their marks, in order; after a
 * colon, the rest of the sentence ("They chanted: gas the Jews."). Single quotes count only at a word's
 * edge, so "don't" and "the Smiths' song" open nothing.
 */
export function reportedQuotations(text: string): Span[] {
  const spans: Span[] = [];
  const n = text.length;
  // Per closing mark, where the last fruitless search for it ended: a later opening mark resumes there,
  // so a text of many unclosed marks is still read once.
  const searchedTo = new Map<string, number>();
  // The next sentence end after a colon; it only moves forward.
  let stop = -1;
  let i = 0;
  while (i < n) {
    const open = text[i];
    if (open === ':') {
      // Reported speech after a colon, to the end of the sentence: "Protesters shouted: kill the Jews!"
      if (stop <= i) {
        stop = i + 1;
        while (stop < n && !SENTENCE_ENDS.has(text[stop])) stop++;
      }
      if (stop - i - 1 <= MAX_QUOTED && stop > i + 1 && reportedAfterColon(text, i, stop)) {
        spans.push({ start: i, end: stop });
        i = stop;
        continue;
      }
      i++;
      continue;
    }
    const close = PAIRS.get(open);
    if (close === undefined || (SINGLE.has(open) && !opensAtWordEdge(text, i))) {
      i++;
      continue;
    }
    const last = Math.min(n, i + 2 + MAX_QUOTED);
    let j = Math.max(i + 1, searchedTo.get(close) ?? 0);
    while (j < last && !(text[j] === close && (!SINGLE.has(close) || closesAtWordEdge(text, j)))) j++;
    if (j >= last) searchedTo.set(close, last);
    if (j >= last || j === i + 1) {
      // Unclosed within reach, or empty: this mark quotes nothing; try from the next character.
      i++;
      continue;
    }
    if (reported(text, i, j + 1, SINGLE.has(open))) spans.push({ start: i, end: j + 1 });
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

/**
 * Whether the quotation [start, end) reports someone's words: a reporting word in the same sentence, among
 * the four words before it or the three after; no second-person word inside it (abuse aimed at the reader
 * stays the writer's, "I said to the author: "you are a …""); no agreement around it ("… and he was right").
 */
function reported(text: string, start: number, end: number, single: boolean): boolean {
  const inside = wordsIn(text.slice(start + 1, end - 1));
  if (inside.some((w) => SECOND_PERSON.has(w)) || (single && inside.length > MAX_SINGLE_QUOTED_WORDS))
    return false;
  const before = text.slice(Math.max(0, start - WINDOW), start);
  const after = text.slice(end, end + WINDOW);
  const sentenceBefore = wordsIn(sentenceEnd(before));
  const sentenceAfter = wordsIn(sentenceStart(after));
  const wordsBefore = sentenceBefore.slice(-WORDS_BEFORE);
  const wordsAfter = sentenceAfter.slice(0, WORDS_AFTER);
  if (!wordsBefore.some((w) => REPORTING.has(w)) && !wordsAfter.some((w) => REPORTING.has(w))) return false;
  // The writer's own words ("As I always say, "…"", ""…" - I said it"), and agreement with them, in the
  // same sentence or the next ("far-right" is no agreement).
  if (
    sentenceBefore.slice(-WORDS_BEFORE - 2).some((w) => FIRST_PERSON.has(w)) ||
    sentenceAfter.slice(0, WORDS_AFTER + 1).some((w) => FIRST_PERSON.has(w))
  )
    return false;
  return (
    !endorses(sentenceBefore.slice(-WORDS_ENDORSING)) && !endorses(wordsIn(after).slice(0, WORDS_ENDORSING))
  );
}

/**
 * Whether the rest of the sentence after the colon at `colon` reports someone else's speech: a speech verb
 * in the third person or the past right before the colon ("Protesters shouted: …", "He wrote: …"), with no
 * first person ("I", "my", "let's") there, no second person in what follows, and no agreement. Nouns and
 * imperatives ("My claim: …", "Tweet this: …", "Say it loud: …") introduce the writer's own words.
 */
function reportedAfterColon(text: string, colon: number, stop: number): boolean {
  const before = wordsIn(sentenceEnd(text.slice(Math.max(0, colon - WINDOW), colon))).slice(-WORDS_BEFORE);
  if (
    !before.some((w) => COLON_SPEECH.has(w)) ||
    before.some((w) => FIRST_PERSON.has(w) || w === 'my' || w === 'let' || w === 'lets')
  )
    return false;
  if (wordsIn(text.slice(colon + 1, stop)).some((w) => SECOND_PERSON.has(w))) return false;
  // "Well said: …" agrees; so does what follows.
  return !endorses(before) && !endorses(wordsIn(text.slice(stop, stop + WINDOW)).slice(0, WORDS_ENDORSING));
}
const COLON_SPEECH = new Set([
  'said',
  'says',
  'shouted',
  'shouts',
  'chanted',
  'chant',
  'chants',
  'yelled',
  'screamed',
  'wrote',
  'writes',
  'tweeted',
  'posted',
  'told',
  'sang',
  'read',
  'reads',
]);

function endorses(words: readonly string[]): boolean {
  return words.some(
    (w, k) =>
      ENDORSING.has(w) ||
      (w === 'right' && k > 0 && BE_BEFORE_RIGHT.has(words[k - 1])) ||
      (w === 'said' && words[k - 1] === 'well') ||
      (w === 'on' && words[k - 1] === 'spot') ||
      (w === 'point' && (words[k - 1] === 'a' || words[k - 1] === 'good')),
  );
}

/** What follows the last sentence end (". ", "! ", "? ") in `s`: the current sentence's start. */
function sentenceEnd(s: string): string {
  const m = /[.!?]\s(?!.*[.!?]\s)/s.exec(s);
  return m ? s.slice(m.index + 2) : s;
}

/** What precedes the first sentence end in `s`. */
function sentenceStart(s: string): string {
  const m = /[.!?](?:\s|$)/.exec(s);
  return m ? s.slice(0, m.index) : s;
}

function wordsIn(s: string): string[] {
  // Curly apostrophes split words as straight ones do: "you’re" is "you" and "re".
  return s
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .toLowerCase()
    .split(/[^a-z\u00c0-\uffff]+/)
    .filter((w) => w.length > 0);
}

/**
 * Verbs that report a claim without quotation marks: "The poster above basically said all Muslims are
 * terrorists", "People who call refugees vermin …", "… claiming Jews control the banks".
 */
const PARAPHRASE_VERBS = new Set([
  ...SAYING,
  'claim',
  'claims',
  'claimed',
  'claiming',
  'described',
  'describe',
  'describes',
  'describing',
  'chanted',
  'chanting',
  'shouted',
  'shouting',
  'tweeted',
  'posted',
  'wrote',
  'suggested',
  'suggesting',
  'implied',
  'implying',
]);
/** Condemnation of what is reported, in its sentence or the next: the comment is counter-speech. */
const CONDEMNING = new Set([
  'disgusting',
  'disgraceful',
  'disgrace',
  'shameful',
  'ashamed',
  'shame',
  'vile',
  'appalling',
  'abhorrent',
  'sickening',
  'racist',
  'racism',
  'bigoted',
  'bigotry',
  'hateful',
  'lie',
  'lies',
  'smear',
  'smears',
  'unacceptable',
  'condemn',
  'condemned',
  'outrageous',
  'despicable',
  'antisemitic',
  'antisemitism',
  'islamophobic',
  'islamophobia',
  'homophobic',
  'transphobic',
  'xenophobic',
  'dehumanising',
  'dehumanizing',
]);
/** At most this many characters of a sentence are read for a paraphrase. */
const MAX_SENTENCE = 400;
const PARAPHRASE_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${[...PARAPHRASE_VERBS].join('|')})(?![\\p{L}\\p{N}])`,
  'iu',
);
/** Where the reported clause ends and the writer's own begins: "People say it's vile, but …", "…; I say …". */
const CLAUSE_BREAK_RE = /(?<![\p{L}])(?:but|yet|however|i say|i think)(?![\p{L}])|[;—–]|\s-\s/iu;
/** A condemning word after one of these is none: "not racist", "no shame", "isn't hateful". */
const NEGATORS = new Set(['not', 'no', 'never', 'isn', 'isnt', 'nothing', 'hardly', 't', 'aint', 'without']);
/**
 * After the verb, the claim is the condemnation, and the writer answers it: "call me racist, but …", "the
 * left will call this racist", "they can claim it's racist all they like".
 */
const DEFLECTING = new Set(['me', 'us', 'it', 'its', 'this', 'that']);
/** Agreement in the next sentence beyond what `endorses` reads: "Good.", "… and rightly so", "I'll say it anyway". */
const AGREEING_NEXT = new Set(['good', 'anyway', 'rightly', 'fact']);

/**
 * Claims a comment reports without quotation marks in order to condemn them, as [start, end) spans: from
 * the reporting verb to the end of its clause ("but", ";", a dash) or sentence, when that clause or the
 * next sentence condemns, not negated ("The poster above basically said all Muslims are terrorists, which
 * is disgusting", "People who call refugees vermin should be ashamed of themselves", "Half of them claim
 * trans people are groomers. That is a lie."). Never in a sentence with the writer in it ("I", "me",
 * "we": "I'm not ashamed to say …"), nor when the claim is itself the condemnation the writer answers
 * ("call me racist, but …"), nor when agreed with ("… Good."). Like a quotation, it only turns a reject
 * into a hold: a human reads it. Each sentence is read once, at most `MAX_SENTENCE` characters of it.
 */
export function reportedParaphrases(text: string): Span[] {
  const spans: Span[] = [];
  const sentences: Span[] = [];
  for (let start = 0, i = 0; i <= text.length; i++) {
    if (i === text.length || SENTENCE_ENDS.has(text[i])) {
      if (i > start) sentences.push({ start, end: Math.min(i, start + MAX_SENTENCE) });
      start = i + 1;
    }
  }
  const condemns = (ws: readonly string[]): boolean =>
    ws.some((x, k) => CONDEMNING.has(x) && !ws.slice(Math.max(0, k - 2), k).some((y) => NEGATORS.has(y)));
  for (let k = 0; k < sentences.length; k++) {
    const s = sentences[k];
    const raw = text.slice(s.start, s.end);
    if (wordsIn(raw).some((x) => FIRST_PERSON.has(x) || x === 'me')) continue;
    const verb = PARAPHRASE_RE.exec(raw);
    if (!verb) continue;
    const from = verb.index + verb[0].length;
    const brk = CLAUSE_BREAK_RE.exec(raw.slice(from));
    const clauseEnd = brk ? from + brk.index : raw.length;
    const clause = wordsIn(raw.slice(from, clauseEnd));
    if (clause.length === 0 || DEFLECTING.has(clause[0])) continue;
    const next =
      k + 1 < sentences.length ? wordsIn(text.slice(sentences[k + 1].start, sentences[k + 1].end)) : [];
    if (!condemns(clause) && !condemns(next)) continue;
    const nextStart = next.slice(0, WORDS_ENDORSING);
    if (endorses(clause) || endorses(nextStart) || nextStart.some((x) => AGREEING_NEXT.has(x))) continue;
    spans.push({ start: s.start + verb.index, end: s.start + clauseEnd });
  }
  return spans;
}

/** Spans of two lists as one, in order, overlapping ones joined (`withoutSpans` needs them so). */
export function mergeSpans(a: readonly Span[], b: readonly Span[]): Span[] {
  if (b.length === 0) return a.slice();
  const all = [...a, ...b].sort((x, y) => x.start - y.start);
  const out: Span[] = [];
  for (const s of all) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}
