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
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Folds a text into words of letters (plus `*` for masked letters). Digits inside or at the start of a
 * word become letters ("id1ot" → "idiot"); numbers on their own stay numbers.
 */
export function foldTokens(text: string): string[] {
  const s = stripAccents(text);
  const raw: string[] = [];
  let cur = '';
  let hasLetter = false;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s[i];
    const next = i + 1 < n ? s[i + 1] : '';
    if (isLetter(c)) {
      cur += c;
      hasLetter = true;
    } else if (isDigit(c)) {
      cur += c;
    } else if ((LEET_SYMBOLS[c] !== undefined || MASKS.has(c)) && (isLetter(next) || isDigit(next) || MASKS.has(next)) && (cur.length > 0 || LEET_SYMBOLS[c] !== undefined)) {
      cur += MASKS.has(c) ? '*' : LEET_SYMBOLS[c];
      hasLetter = hasLetter || LEET_SYMBOLS[c] !== undefined;
    } else if ((c === '@' || c === '$') && hasLetter) {
      // "v1agr@", "bo$$": at the end of a word these are letters, unlike "!" (punctuation)
      cur += LEET_SYMBOLS[c];
    } else if (MASKS.has(c) && cur.length > 0 && hasLetter) {
      // trailing mask, as in "sh*" — keep it
      cur += '*';
    } else {
      if (cur.length > 0) raw.push(hasLetter ? mapDigits(cur) : cur);
      cur = '';
      hasLetter = false;
    }
  }
  if (cur.length > 0) raw.push(hasLetter ? mapDigits(cur) : cur);
  return joinSpacedLetters(raw);
}

function mapDigits(word: string): string {
  if (!/[0-9]/.test(word)) return word;
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

function hasRepeat(word: string): boolean {
  for (let i = 1; i < word.length; i++) if (word.charCodeAt(i) === word.charCodeAt(i - 1)) return true;
  return false;
}

/** Keeps at most two of a repeated character: "fuuuuck" → "fuuck", "!!!!!" → "!!". */
export function collapseToTwo(word: string): string {
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
