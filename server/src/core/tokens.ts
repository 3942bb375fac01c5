// Splits normalised text into words, numbers and punctuation, and into sentences.
// Digits glued to letters («100عام», «ل66», «ال60») become two tokens, so the number and its noun are seen.

export type TokenKind = 'word' | 'number' | 'punct';
export interface Token {
  kind: TokenKind;
  /** normalised text of the token */
  text: string;
  /** offsets in the normalised text */
  start: number;
  end: number;
  /** true when no whitespace separates this token from the previous one */
  glued: boolean;
}

// A number: digits with thousands separators or a decimal part («32,500», «1.7», «1.250.000» with dots between
// groups). A comma followed by something other than three digits ends the number (a list comma, or a decimal
// comma the number reader puts back together: «15,8 مليار»).
const NUMBER = /\d{1,3}(?:\.\d{3}){2,}(?![\d.]\d)|\d+(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?/y;
const LETTER = /^[\p{L}\p{M}]$/u, SPACE = /^\s$/u;

// What a code unit starts: a number (an ASCII digit), a word (a letter or a mark), nothing (a space), else a
// one-character token — the tokens of /(NUMBER)|([\p{L}\p{M}]+)|(\S)/gu, which the scan must keep giving (a
// surrogate pair is one character; a lone surrogate is punctuation). Worked out once per code unit met: a scan of char codes instead of a regular expression
// with a match array per token (tokenising was a twentieth of a long draft's check).
const DIGIT = 1, WORD = 2, SKIP = 3, PUNCT = 4, PAIR = 5;
const CLASS = new Uint8Array(65536);
function classOf(c: number): number {
  let k = CLASS[c];
  if (!k) {
    const ch = String.fromCharCode(c);
    k = c >= 0x30 && c <= 0x39 ? DIGIT : c >= 0xD800 && c <= 0xDFFF ? PAIR : LETTER.test(ch) ? WORD : SPACE.test(ch) ? SKIP : PUNCT;
    CLASS[c] = k;
  }
  return k;
}

/** The class of the character at i and its length in code units (a surrogate pair is one character). */
function charAt(text: string, i: number): [number, number] {
  const k = classOf(text.charCodeAt(i));
  if (k !== PAIR) return [k, 1];
  const cp = text.codePointAt(i)!;
  if (cp <= 0xFFFF) return [PUNCT, 1]; // a lone surrogate
  const ch = String.fromCodePoint(cp);
  return [LETTER.test(ch) ? WORD : SPACE.test(ch) ? SKIP : PUNCT, 2];
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let prevEnd = -1, i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let k = classOf(c), len = 1;
    if (k === PAIR) [k, len] = charAt(text, i);
    if (k === SKIP) { i += len; continue; }
    let end = i + len;
    if (k === DIGIT) {
      NUMBER.lastIndex = i;
      NUMBER.test(text);
      end = NUMBER.lastIndex;
    } else if (k === WORD) {
      while (end < n) {
        const d = classOf(text.charCodeAt(end));
        if (d === WORD) end++;
        else if (d === PAIR) { const [e, l] = charAt(text, end); if (e !== WORD) break; end += l; }
        else break;
      }
    }
    tokens.push({ kind: k === DIGIT ? 'number' : k === WORD ? 'word' : 'punct', text: text.slice(i, end), start: i, end, glued: i === prevEnd });
    prevEnd = end; i = end;
  }
  return tokens;
}

export interface Sentence { start: number; end: number }

// Sentence ends: full stops (not inside numbers), question and exclamation marks, and line breaks.
// Arabic commas do not end a sentence: a claim and its source are often in separate comma clauses.
/** An ASCII digit at k (false outside the text: not read there, see Reader.idAt). */
const asciiDigitAt = (text: string, k: number) => k >= 0 && k < text.length && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57;

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start, e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r' || c === '؟' || c === '?' || c === '!' || c === '…' ||
        (c === '.' && !(asciiDigitAt(text, i - 1) && asciiDigitAt(text, i + 1)))) {
      push(i + 1);
      start = i + 1;
    }
  }
  push(text.length);
  return out;
}
