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
const TOKEN = /(\d{1,3}(?:\.\d{3}){2,}(?![\d.]\d)|\d+(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?)|([\p{L}\p{M}]+)|(\S)/gu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let m: RegExpExecArray | null;
  let prevEnd = -1;
  TOKEN.lastIndex = 0;
  while ((m = TOKEN.exec(text))) {
    const kind: TokenKind = m[1] ? 'number' : m[2] ? 'word' : 'punct';
    tokens.push({ kind, text: m[0], start: m.index, end: m.index + m[0].length, glued: m.index === prevEnd });
    prevEnd = m.index + m[0].length;
  }
  return tokens;
}

export interface Sentence { start: number; end: number }

// Sentence ends: full stops (not inside numbers), question and exclamation marks, and line breaks.
// Arabic commas do not end a sentence: a claim and its source are often in separate comma clauses.
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
        (c === '.' && !(/\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')))) {
      push(i + 1);
      start = i + 1;
    }
  }
  push(text.length);
  return out;
}
