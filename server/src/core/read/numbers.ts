// Reads one number at a token: digits with an optional scale word and percent sign, or number words
// («خمسة وعشرون», «ثلاثة آلاف», «مليونا»). The caller decides what the number counts.
import type { Reader } from './reader';

export interface ParsedNumber { value: number; end: number; scaled: boolean; fromWords: boolean; percent: boolean }

function isNumberWord(reader: Reader, x: string) {
  const lang = reader.lang;
  return lang.units.has(x) || lang.tens.has(x) || lang.hundreds.has(x) || lang.scales.has(x) || lang.duals.has(x);
}

/** The word forms of token j that may be a number word: the first word after clitic stripping, later words
 * after a joining «و» («خمسة وعشرون») or as they are («ثلاثة آلاف»). */
function numberWordForm(reader: Reader, i: number, j: number): string | undefined {
  const w = reader.words[j];
  const joined = reader.lang.joiners.find(c => w.startsWith(c) && w.length > c.length + 1);
  const forms = j === i ? reader.forms(j) : joined ? [w.slice(joined.length), w] : [w];
  return forms.find(x => isNumberWord(reader, x));
}

function parseWords(reader: Reader, i: number, allowDefinite: boolean): ParsedNumber | undefined {
  const lang = reader.lang;
  const first = reader.words[i];
  // «الأربعة» (definite) is an adjective after its noun, not a count; «ألف» only looks definite.
  if (!allowDefinite && first.startsWith(reader.lang.article) && !isNumberWord(reader, first)) return undefined;
  let total = 0, current = 0, j = i, any = false, sawPlural = false;
  while (j < reader.tokens.length && reader.isWord(j)) {
    const f = numberWordForm(reader, i, j);
    if (!f) break;
    // «مليونا شخص», «ألفا جندي» open a count as duals; after a number («55 ألفا») they are scales.
    if (lang.duals.has(f) && (!lang.scales.has(f) || (current === 0 && total === 0))) { total += lang.duals.get(f)!; any = true; j++; continue; }
    const unit = lang.units.get(f);
    if (unit !== undefined && unit < 10 && lang.teens.has(reader.words[j + 1] ?? '')) { current += 10 + unit; j += 2; any = true; continue; }
    if (unit !== undefined) {
      if (j === i && lang.oneOf.has(f)) return undefined;
      current += unit;
    } else if (lang.tens.has(f)) current += lang.tens.get(f)!;
    else if (lang.hundreds.has(f)) current += lang.hundreds.get(f)!;
    else {
      const scale = lang.scales.get(f)!;
      if (current === 0) { if (lang.pluralScales.has(f)) sawPlural = true; current = 1; }
      total += current * scale; current = 0;
    }
    any = true;
    j++;
  }
  if (!any || (sawPlural && j === i + 1)) return undefined; // «آلاف الفلسطينيين» is not a count
  return { value: total + current, end: j, scaled: total > 0, fromWords: true, percent: false };
}

/** A percent sign or word at token j: its length in tokens, or 0. */
function percentAt(reader: Reader, j: number): number {
  if (reader.words[j] === '%') return 1;
  return reader.lang.percentWords.match(reader.words, j, reader.forms(j))?.length ?? 0;
}

export function parseNumberAt(reader: Reader, i: number, allowDefinite = false): ParsedNumber | undefined {
  const lang = reader.lang;
  let p: ParsedNumber | undefined;
  if (reader.isNumber(i)) {
    let value = parseFloat(reader.words[i].replace(/,/g, ''));
    let j = i + 1, scaled = false;
    const scale = reader.isWord(j) ? (lang.scales.get(reader.words[j]) ?? reader.forms(j).map(f => lang.scales.get(f)).find(Boolean)) : undefined;
    if (scale) { value *= scale; j++; scaled = true; }
    p = { value, end: j, scaled, fromWords: false, percent: false };
  } else if (reader.isWord(i)) {
    p = parseWords(reader, i, allowDefinite);
  }
  if (!p) return undefined;
  const pct = percentAt(reader, p.end);
  if (pct) { p.percent = true; p.end += pct; }
  return p;
}

/** «1.7 من أصل 2.4 مليون»: the first number borrows the scale of the second. */
export function sharedScale(reader: Reader, p: ParsedNumber): number | undefined {
  if (p.scaled || p.fromWords || p.percent || p.value >= 1000) return undefined;
  const link = reader.lang.sharedScaleLinks.match(reader.words, p.end);
  if (!link) return undefined;
  const k = p.end + link.length;
  if (!reader.isNumber(k)) return undefined;
  const next = parseNumberAt(reader, k);
  if (!next?.scaled) return undefined;
  const scale = next.value / parseFloat(reader.words[k].replace(/,/g, ''));
  return scale >= 1000 && p.value * scale <= next.value * 1.0001 + scale ? scale : undefined;
}
