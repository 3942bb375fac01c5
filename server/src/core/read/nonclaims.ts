// Numbers that are not counted claims: model names and codes, phone numbers, times, dates, years and clause
// numbers. They are read (so they never pass for a count) but never compared.
import type { Reader } from './reader';
import type { ParsedNumber } from './numbers';
import type { FigureKind } from './read-text';

/** A model or code: «اس-300», «F-16», «A320», «5G». */
function isModel(reader: Reader, i: number, p: ParsedNumber): boolean {
  const t = reader.tokens[i], prev = i - 1, next = p.end;
  if ((reader.words[prev] === '-' || reader.words[prev] === '/') && t.glued && reader.tokens[prev].glued && reader.isWord(prev - 1)) return true;
  if (t.glued && reader.isWord(prev) && /[a-z]/.test(reader.words[prev])) return true;
  return !!reader.tokens[next]?.glued && reader.isWord(next) && /^[a-z]/.test(reader.words[next]);
}

/** Digits-only forms: models, phones, clock times and numeric dates. */
function digitKind(reader: Reader, i: number, p: ParsedNumber): FigureKind | undefined {
  const w = reader.words[i], t = reader.tokens[i], prev = i - 1, next = p.end;
  if (isModel(reader, i, p)) return 'model';
  if (/^0\d{2,}/.test(w) || (reader.words[prev] === '+' && t.glued) || reader.inSet(prev, reader.lang.phoneCues)) return 'phone';
  if (reader.words[next] === ':' && reader.isNumber(next + 1)) return 'time';
  if (reader.words[prev] === ':' && reader.isNumber(prev - 1)) return 'time';
  const sep = (k: number) => reader.words[k] === '/' || reader.words[k] === '-';
  if (sep(next) && reader.tokens[next].glued && reader.isNumber(next + 1) && reader.tokens[next + 1].glued && !p.scaled) return 'date';
  if (sep(prev) && t.glued && reader.isNumber(prev - 1) && reader.tokens[prev].glued) return 'date';
  return undefined;
}

export function nonClaimKind(reader: Reader, i: number, p: ParsedNumber): FigureKind | undefined {
  const lang = reader.lang;
  const w = reader.words[i], prev = i - 1, next = p.end;
  if (!p.fromWords) {
    const k = digitKind(reader, i, p);
    if (k) return k;
  }
  let before = prev;
  while (before >= 0 && (lang.bareClitics.has(reader.words[before]) || lang.numberLabels.has(reader.words[before]))) before--;
  if (reader.inSet(before, lang.timeCues)) return 'time';
  if (reader.inSet(before, lang.clauseCues)) return 'clause';
  if (p.scaled || p.percent) return undefined;
  if (reader.inSet(next, lang.months) || reader.inSet(prev, lang.months)) return /^\d{4}$/.test(w) ? 'year' : 'date';
  if (reader.inSet(next, lang.timeSuffixes) && p.value <= 24 && !/^\d{4}$/.test(w)) return 'time';
  if (!p.fromWords && /^\d{4}$/.test(w) && p.value >= 1900 && p.value <= 2100) {
    if (reader.inSet(before, lang.yearCues) || reader.inSet(next, lang.yearSuffixes) || !reader.isWord(next) ||
        reader.inSet(next, lang.stopwords) || reader.inSet(next, lang.months) || reader.inSet(prev, lang.stopwords)) return 'year';
  }
  return undefined;
}
