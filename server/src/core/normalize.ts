// Arabic normalisation with a map back to the original text.
// Matching needs one spelling per word (no diacritics, one alef, one yeh, western digits), but every
// finding must point into the text the editor sees, so each kept character remembers where it came from.

export interface Normalized {
  /** The normalised text. */
  text: string;
  /** starts[i]: offset in the original text of normalised character i; starts[text.length] = original length. */
  starts: Int32Array;
  /** ends[i]: offset just past normalised character i in the original, including marks that were dropped after it. */
  ends: Int32Array;
}

// Marks dropped outright, as ranges of code units. Diacritics and tatweel belong to the letter before them (so a
// range that ends on that letter covers them); directional marks and zero-width joiners belong to nothing.
const DIACRITICS: [number, number][] = [[0x0610, 0x061A], [0x064B, 0x065F], [0x0670, 0x0670], [0x06D6, 0x06DC], [0x06DF, 0x06E8], [0x06EA, 0x06ED], [0x0640, 0x0640]];
const INVISIBLES: [number, number][] = [[0x200B, 0x200F], [0x202A, 0x202E], [0x2066, 0x2069], [0xFEFF, 0xFEFF], [0x00AD, 0x00AD], [0x061C, 0x061C]];

const FOLD: Record<string, string> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ٲ': 'ا', 'ٳ': 'ا',
  'ى': 'ي', 'ی': 'ي', 'ې': 'ي', 'ئ': 'ء', 'ؤ': 'ء', // مسؤول = مسئول
  'ک': 'ك', 'ڪ': 'ك', 'ة': 'ه', 'ۀ': 'ه', 'ہ': 'ه', 'ھ': 'ه',
  '٫': '.', '٬': ',', '٪': '%', '،': '،',
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '«': '"', '»': '"',
};
for (let d = 0; d < 10; d++) {
  FOLD[String.fromCharCode(0x0660 + d)] = String(d); // Arabic-Indic
  FOLD[String.fromCharCode(0x06F0 + d)] = String(d); // Persian
}

// Per UTF-16 code unit: the folded code, or ATTACH (a diacritic or tatweel: dropped, kept with the letter
// before) or DROP (directional marks, zero-width characters). A table keeps normalisation a single pass
// over char codes: it runs over every corpus article.
const ATTACH = -1, DROP = -2;
const TABLE = new Int32Array(65536);
// Filled from the lists themselves, not by testing every code unit against them (that cost every start 30 ms).
for (let c = 0; c < 65536; c++) TABLE[c] = c >= 0x41 && c <= 0x5A ? c + 32 : c;
for (const [ch, to] of Object.entries(FOLD)) TABLE[ch.charCodeAt(0)] = to.charCodeAt(0);
for (const [from, to] of INVISIBLES) TABLE.fill(DROP, from, to + 1);
for (const [from, to] of DIACRITICS) TABLE.fill(ATTACH, from, to + 1);

/** The normalised characters before they are one string: scratch space shared by every call for texts up to a
 * long paragraph (a typed array per line was a fiftieth of a long draft's check); a longer text gets its own, so
 * the scratch never holds megabytes for the life of the process. */
const SCRATCH = 1 << 16;
const scratch = new Uint16Array(SCRATCH);

export function normalize(original: string): Normalized {
  const n = original.length;
  const codes = n <= SCRATCH ? scratch : new Uint16Array(n);
  const starts = new Int32Array(n + 1);
  const ends = new Int32Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const t = TABLE[original.charCodeAt(i)];
    if (t >= 0) { codes[k] = t; starts[k] = i; ends[k] = i + 1; k++; }
    else if (t === ATTACH && k > 0) ends[k - 1] = i + 1;
  }
  starts[k] = n;
  let text = '';
  for (let i = 0; i < k; i += 8192) text += String.fromCharCode.apply(null, codes.subarray(i, Math.min(k, i + 8192)) as unknown as number[]);
  return { text, starts: k === n ? starts : starts.slice(0, k + 1), ends: k === n ? ends : ends.slice(0, k) };
}

/** Normalise a lexicon entry or a query word (no map needed). */
export function norm(s: string): string {
  return normalize(s).text.replace(/\s+/g, ' ').trim();
}

/** The first character of norm(s) as a char code (-1 when there is none), without normalising the rest. */
export function firstKept(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const t = TABLE[s.charCodeAt(i)];
    if (t >= 0 && !/\s/.test(String.fromCharCode(t))) return t;
  }
  return -1;
}

/** Original range of the normalised range [from, to). */
export function toOriginal(n: Normalized, from: number, to: number): { start: number; end: number } {
  if (to <= from) { const p = n.starts[from]; return { start: p, end: p }; }
  return { start: n.starts[from], end: n.ends[to - 1] };
}
