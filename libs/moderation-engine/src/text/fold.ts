/**
 * Folding used by word lists and the toxicity model: lower case, accents stripped, leetspeak mapped,
 * s p a c e d and d.o.t.t.e.d letters joined. Every step is a single pass, so cost is linear in length.
 */

const LEET_DIGITS: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g' };
/** Symbols that stand for a letter when a letter follows them ("$hit", "sh!t", "@ss"). */
const LEET_SYMBOLS: Record<string, string> = { '!': 'i', '$': 's', '@': 'a', '|': 'l', '€': 'e' };
/** Symbols that mask a letter ("f*ck", "f#ck"); kept as the wildcard `*` inside a word. */
const MASKS = new Set(['*', '#', '%']);

const isLetter = (c: string): boolean => (c >= 'a' && c <= 'z') || c > '\u00bf';
const isDigit = (c: string): boolean => c >= '0' && c <= '9';

/** Lower case with diacritics removed ("Ëvïl" → "evil"); keeps other scripts. */
export function stripAccents(text: string): string {
  // Most comments are plain ASCII: skip the Unicode work for them.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  // NFKD also folds full-width and mathematical letters ("ｆｕｃｋ", "𝐟𝐮𝐜𝐤") to ASCII.
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}
const NON_ASCII = /[\u0080-\uffff]/;

/**
 * Zero-width spaces and joiners, soft hyphens, variation selectors, bidi controls, tags (Unicode's default
 * ignorables); those right after an emoji (its variation selector, the joiners of a family) are kept with it.
 */
const INVISIBLE_RE = /(\p{Extended_Pictographic}\p{Default_Ignorable_Code_Point}*)|\p{Default_Ignorable_Code_Point}/gu;

/**
 * The text without the characters that render as nothing: "grif\u200Bter" reads "grifter", and the word
 * lists and the models must see it so. An emoji keeps its own, as the training texts have them.
 */
export function withoutInvisibles(text: string): string {
  return NON_ASCII.test(text) ? text.replace(INVISIBLE_RE, (_, emoji: string | undefined) => emoji ?? '') : text;
}

/** Cyrillic and Greek letters drawn like Latin ones (Unicode's confusables, the common ones). */
const LATIN_LOOKALIKES: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  ѕ: 's', і: 'i', ї: 'i', ј: 'j', һ: 'h', ԁ: 'd', ԛ: 'q', ԝ: 'w', ү: 'y', ɡ: 'g',
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', Ѕ: 'S', І: 'I', Ј: 'J',
  α: 'a', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
  Α: 'A', Β: 'B', Ε: 'E', Ζ: 'Z', Η: 'H', Ι: 'I', Κ: 'K', Μ: 'M', Ν: 'N', Ο: 'O', Ρ: 'P', Τ: 'T', Υ: 'Y', Χ: 'X',
};
const NON_LATIN_LETTER = /[\u0370-\u03ff\u0400-\u052f\u0261]/;
const WORD_RE = /[\p{L}\p{M}]+/gu;
const LOOKALIKE_SCRIPT = /[\p{Script=Cyrillic}\p{Script=Greek}\u0261]/u;
const OTHER_LATIN = /(?!\u0261)\p{Script=Latin}/u;

const LATIN_LETTERS = /\p{Script=Latin}/gu;
const CYRILLIC_OR_GREEK_LETTERS = /[\p{Script=Cyrillic}\p{Script=Greek}]/gu;

/** Whether a text has more Latin letters than Cyrillic and Greek ones: written in a Latin language. */
function mostlyLatin(text: string): boolean {
  return (text.match(LATIN_LETTERS)?.length ?? 0) > (text.match(CYRILLIC_OR_GREEK_LETTERS)?.length ?? 0);
}

/** Whether every letter of a word is a look-alike of a Latin one ("іԁіот", "ѕсам"). */
function allLookalikes(word: string): boolean {
  for (const c of word) if (LATIN_LOOKALIKES[c] === undefined) return false;
  return true;
}

/**
 * The text with the Cyrillic and Greek look-alikes of Latin letters read as Latin inside words that
 * mix the scripts ("idiоt" with a Cyrillic о reads "idiot"), and in words made of nothing but
 * look-alikes within a text written mostly in Latin letters ("you are an іԁіот"): the word lists and
 * the models must see them as readers do. In a text written mostly in Cyrillic or Greek, a word wholly
 * in that script is a word of that language and stays as it is.
 */
export function withLatinLookalikes(text: string): string {
  if (!NON_LATIN_LETTER.test(text)) return text;
  let latinText: boolean | undefined; // counted once, when a word needs it
  // Word by word, two plain tests each: one pattern for "a word that mixes the scripts" backtracked
  // cubically on a long word of one script (a 1,000-letter Cyrillic word took 7 s, 10,000 hours).
  return text.replace(WORD_RE, (word) => {
    if (!LOOKALIKE_SCRIPT.test(word)) return word;
    const disguised = OTHER_LATIN.test(word) || (allLookalikes(word) && (latinText ??= mostlyLatin(text)));
    return disguised ? word.replace(/./gu, (c) => LATIN_LOOKALIKES[c] ?? c) : word;
  });
}

/** The text as readers see it: nothing invisible inside words, no look-alike letters mixed into them. */
export function asReadersSeeIt(text: string): string {
  return withLatinLookalikes(withoutInvisibles(text));
}

/**
 * Folds a text into words of letters (plus `*` for masked letters). Digits inside or at the start of a
 * word become letters ("id1ot" → "idiot"); numbers on their own stay numbers.
 */
export function foldTokens(text: string): string[] {
  const s = stripAccents(text);
  const raw: string[] = [];
  const n = s.length;
  // Fast path: a token of plain letters and digits is one slice. Only a leet symbol or mask inside a
  // word switches to building the token character by character (`cur`).
  let start = -1;
  let cur: string | undefined;
  let hasLetter = false;
  let hasDigit = false;
  const end = (i: number): void => {
    if (start >= 0) {
      const token = cur ?? s.slice(start, i);
      raw.push(hasLetter && hasDigit ? mapDigits(token) : token);
    }
    start = -1;
    cur = undefined;
    hasLetter = false;
    hasDigit = false;
  };
  for (let i = 0; i < n; i++) {
    const code = s.charCodeAt(i);
    if ((code >= 97 && code <= 122) || code > 0xbf) {
      if (start < 0) start = i;
      if (cur !== undefined) cur += s[i];
      hasLetter = true;
      continue;
    }
    if (code >= 48 && code <= 57) {
      if (start < 0) start = i;
      if (cur !== undefined) cur += s[i];
      hasDigit = true;
      continue;
    }
    const c = s[i];
    const leet = LEET_SYMBOLS[c];
    const mask = MASKS.has(c);
    if (leet === undefined && !mask) {
      end(i);
      continue;
    }
    const next = i + 1 < n ? s[i + 1] : '';
    const inWord = start >= 0;
    let mapped: string | undefined;
    if ((isLetter(next) || isDigit(next) || MASKS.has(next)) && (inWord || leet !== undefined)) {
      mapped = mask ? '*' : leet;
    } else if ((c === '@' || c === '$') && hasLetter) {
      // "v1agr@", "bo$$": at the end of a word these are letters, unlike "!" (punctuation)
      mapped = leet;
    } else if (mask && inWord && hasLetter) {
      mapped = '*'; // trailing mask, as in "sh*"
    }
    if (mapped === undefined) {
      end(i);
      continue;
    }
    if (start < 0) {
      start = i;
      cur = '';
    } else if (cur === undefined) cur = s.slice(start, i);
    cur += mapped;
    if (!mask) hasLetter = true;
  }
  end(n);
  return joinSpacedLetters(raw);
}

function mapDigits(word: string): string {
  let out = '';
  for (const c of word) out += LEET_DIGITS[c] ?? c;
  return out;
}

/** "f u c k" and "f.u.c.k" arrive as runs of one-letter tokens; three or more in a row are joined. */
function joinSpacedLetters(tokens: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (tokens[i].length === 1) {
      let j = i;
      while (j < tokens.length && tokens[j].length === 1) j++;
      if (j - i >= 3) {
        out.push(tokens.slice(i, j).join(''));
        i = j;
        continue;
      }
    }
    out.push(tokens[i]);
    i++;
  }
  return out;
}

/** "fuuuuck" → "fuck", "good" → "god": compare collapsed forms on both sides. */
export function collapseRepeats(word: string): string {
  if (!hasRepeat(word)) return word;
  let out = '';
  let prev = '';
  for (const c of word) {
    if (c !== prev || c === '*') out += c;
    prev = c;
  }
  return out;
}

/** Folded text as one string of words separated by single spaces. */
export function foldText(text: string): string {
  return foldTokens(text).join(' ');
}

function hasSurrogate(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) return true;
  }
  return false;
}

function hasRepeat(word: string): boolean {
  for (let i = 1; i < word.length; i++) if (word.charCodeAt(i) === word.charCodeAt(i - 1)) return true;
  return false;
}

/** A run of one character outside the BMP (an emoji is two UTF-16 code units). */
const ASTRAL_RUN_RE = /([\uD800-\uDBFF][\uDC00-\uDFFF])\1+/g;

/**
 * Cuts runs of one emoji (or any character outside the BMP) to `keep`: the run checks that compare code
 * units (`collapseToTwo`, the spam text's `squeezeRuns`) do not see them, since the two halves alternate.
 */
export function cutAstralRuns(text: string, keep: number): string {
  if (!hasSurrogate(text)) return text;
  return text.replace(ASTRAL_RUN_RE, (run: string, c: string) =>
    run.length > keep * 2 ? c.repeat(keep) : run,
  );
}

/**
 * Keeps at most two of a repeated character: "fuuuuck" → "fuuck", "!!!!!" → "!!", "🙂🙂🙂🙂" → "🙂🙂".
 * Unbounded, 6,000 🙂 gave 12,000 character n-grams of the same few kinds, whose weights added up
 * with the length: toxicity 1.
 */
export function collapseToTwo(word: string): string {
  word = cutAstralRuns(word, 2);
  let triple = false;
  for (let i = 2; i < word.length && !triple; i++) triple = word[i] === word[i - 1] && word[i] === word[i - 2];
  if (!triple) return word;
  let out = '';
  let run = 0;
  for (let i = 0; i < word.length; i++) {
    run = i > 0 && word[i] === word[i - 1] ? run + 1 : 1;
    if (run <= 2) out += word[i];
  }
  return out;
}

/**
 * What two comments share when one repeats the other: their folded words with repeated letters
 * collapsed, so "Great post!!", "great  post!" and "GREAT POOOST" are one comment, and changing case,
 * spacing, punctuation, accents, leetspeak or a character that renders as nothing does not make a repeat new. A comment with no words
 * ("!!!", "???") keeps its own trimmed, lower-cased text, so two different ones stay different.
 */
export function duplicateKey(content: string): string {
  const words = foldTokens(asReadersSeeIt(content)).map(collapseRepeats).join(' ');
  return words === '' ? `\u0000${content.trim().toLowerCase()}` : words;
}
