// Numbers that are not counted claims: model names and codes, phone numbers, clock times and match minutes,
// dates, years, clause and rank numbers, editions («الـ71»), match scores. They are read (so they never pass for a
// count) but never compared.
import { type Reader, aloneInQuotes } from './reader';
import type { ParsedNumber } from './numbers';
import type { FigureKind } from './read-text';

/** A model or code: «اس-300», «F-16», «A320», «5G», «ميت 20 برو», «بوينغ 737». */
function isModel(reader: Reader, i: number, p: ParsedNumber): boolean {
  const t = reader.tokens[i], prev = i - 1, next = p.end;
  if (!p.scaled && !p.percent && (reader.inSet(prev, reader.lang.modelLines) || reader.inSet(next, reader.lang.modelSuffixes))) return true;
  if (inName(reader, i)) return true;
  if ((reader.words[prev] === '-' || reader.words[prev] === '/') && t.glued && reader.tokens[prev].glued && reader.isWord(prev - 1)) return true;
  if (t.glued && reader.isWord(prev) && /[a-z]/.test(reader.words[prev])) return true;
  return !!reader.tokens[next]?.glued && reader.isWord(next) && /^[a-z]/.test(reader.words[next]);
}

/** How many words before a number a name that holds it may start («ستاندرد آند بورز 500»). */
const NAME_REACH = 3;
/** «فرانس 24», «مؤشر فوتسي 100»: the number is part of a name the source list or the gazetteer knows. */
export function inName(reader: Reader, i: number): boolean {
  for (let k = Math.max(0, i - NAME_REACH); k < i; k++) {
    const m = reader.phraseAt(reader.lang.sourceNames, k) ?? reader.nameAt(k);
    if (m && k + m.length > i) return true;
  }
  return false;
}

/** «(أوروبا 1)», «"قيام 1"»: one word and a number alone in brackets or quotes name something (a channel, a
 * missile); a word that names a measure or a hedge makes it a figure («(نحو 50)»). */
function bracketedName(reader: Reader, i: number, p: ParsedNumber): boolean {
  const word = i - 1;
  if (p.scaled || p.percent || !aloneInQuotes(reader, i, p.end)) return false;
  return !reader.measureAt(word) && !reader.phraseAt(reader.lang.hedges, word) && !reader.inSet(word, reader.lang.genericNouns);
}

const isDash = (reader: Reader, k: number) => reader.words[k] === '-' || reader.words[k] === '–';

/** A counted noun or unit right after the token: «20-25 قتيلا» is a range, «2-1» a score. */
function nounAfter(reader: Reader, k: number): boolean {
  return reader.isWord(k) && (!!reader.measureAt(k) || reader.inSet(k, reader.lang.genericNouns));
}

/** A match result: «2-1», «3-صفر», «1-7» after «فاز», «بنتيجة», «هزيمة» …, or two small numbers with no noun. */
function isScore(reader: Reader, i: number, p: ParsedNumber): boolean {
  const lang = reader.lang;
  const other = isDash(reader, p.end) ? p.end + 1 : isDash(reader, i - 1) ? i - 2 : -1;
  if (other < 0 || p.scaled || p.percent) return false;
  if (reader.inSet(other, lang.scoreZero)) return true;
  if (!reader.isNumber(other)) return false;
  const first = Math.min(i, other), last = Math.max(i, other);
  const cued = () => { for (let j = first - 1; j >= Math.max(0, first - 6); j--) if (reader.inSet(j, lang.scoreCues)) return true; return false; };
  // A basketball score has three digits: «بعد فوزه 117-95 على لوس أنجليس كليبرز» (but «فاز بـ120-130 مقعدا» is a range).
  if (/^\d{3}$/.test(reader.words[i]) || /^\d{3}$/.test(reader.words[other])) {
    return /^\d{2,3}$/.test(reader.words[i]) && /^\d{2,3}$/.test(reader.words[other]) && !nounAfter(reader, last + 1) && cued();
  }
  if (!/^\d{1,2}$/.test(reader.words[i]) || !/^\d{1,2}$/.test(reader.words[other])) return false;
  if (cued()) return true;
  return +reader.words[i] <= 15 && +reader.words[other] <= 15 && !nounAfter(reader, last + 1);
}

/** A numeric date: «7/10/2023», «2023-10-07», «10/7» (a dash between two short numbers is a range or a score). */
function isNumericDate(reader: Reader, i: number, p: ParsedNumber): boolean {
  const t = reader.tokens[i], prev = i - 1, next = p.end;
  const sepAfter = (reader.words[next] === '/' || reader.words[next] === '-') && reader.tokens[next].glued && reader.isNumber(next + 1) && reader.tokens[next + 1].glued;
  const sepBefore = (reader.words[prev] === '/' || reader.words[prev] === '-') && t.glued && reader.isNumber(prev - 1) && reader.tokens[prev].glued;
  if (p.scaled || (!sepAfter && !sepBefore)) return false;
  const parts = [sepBefore ? reader.words[prev - 1] : '', reader.words[i], sepAfter ? reader.words[next + 1] : ''].filter(Boolean);
  const slash = reader.words[sepAfter ? next : prev] === '/';
  const threeParts = (sepAfter && reader.words[next + 2] === reader.words[next] && reader.isNumber(next + 3)) ||
    (sepBefore && reader.words[prev - 2] === reader.words[prev] && reader.isNumber(prev - 3));
  return slash || threeParts || parts.some(x => /^\d{4}$/.test(x));
}

/** How far from the brackets a word of goals («هدف», «سجل») may be: a scorer's move may be told at length between
 * them («وسجل الهدف الرابع لفريقه بعد تمريرة من سواريز أيضا وانفراد بالحارس (85)»). */
const MINUTE_CUE_REACH = 16;

/** A goal's minute in parentheses after the scorer: «هيغواين (64)», «ميسي (38 و82 و85)». */
function isMinute(reader: Reader, i: number, p: ParsedNumber): boolean {
  if (p.scaled || p.percent || !/^\d{1,3}$/.test(reader.words[i]) || +reader.words[i] > 130) return false;
  let open = i - 1;
  while (open >= 0 && (reader.isNumber(open) || reader.lang.joiners.includes(reader.words[open]))) open--;
  if (reader.words[open] !== '(') return false;
  // «(38 و82 و85)» holds minutes only; «(52 هدفا)» is a count with its noun.
  let close = p.end;
  while (close < reader.tokens.length && (reader.isNumber(close) || reader.lang.joiners.includes(reader.words[close]))) close++;
  if (reader.words[close] !== ')') return false;
  for (let j = Math.max(0, open - MINUTE_CUE_REACH); j < Math.min(reader.tokens.length, p.end + MINUTE_CUE_REACH); j++) if (reader.inSet(j, reader.lang.minuteCues)) return true;
  return false;
}

/** Digits-only forms: models, phones, clock times, numeric dates, match scores and minutes. */
function digitKind(reader: Reader, i: number, p: ParsedNumber): FigureKind | undefined {
  const w = reader.words[i], t = reader.tokens[i], prev = i - 1, next = p.end;
  if (isModel(reader, i, p)) return 'model';
  if (/^0\d{2,}/.test(w) || (reader.words[prev] === '+' && t.glued) || reader.inSet(prev, reader.lang.phoneCues)) return 'phone';
  if (reader.words[next] === ':' && reader.isNumber(next + 1)) return 'time';
  if (reader.words[prev] === ':' && reader.isNumber(prev - 1)) return 'time';
  if (isNumericDate(reader, i, p)) return 'date';
  if (isScore(reader, i, p)) return 'score';
  if (isMinute(reader, i, p)) return 'time';
  // «الـ71», «القمة الـ55»: the article on a number makes it an edition or a rank, unless a unit follows («الـ60 دولار»).
  if (reader.words[prev] === reader.lang.article && t.glued && !p.scaled && !p.percent && !nounAfter(reader, next)) return 'clause';
  return undefined;
}

/** A month after the number, past a list of days («9 و10 نيسان») and «من» («19 من الشهر نفسه»). */
function monthAfter(reader: Reader, next: number): boolean {
  const lang = reader.lang;
  let k = next;
  while (lang.joiners.includes(reader.words[k]) && reader.isNumber(k + 1)) k += 2;
  if (reader.inSet(k, lang.months)) return true;
  if (lang.partitives.has(reader.words[k])) k++;
  return reader.inSet(k, lang.months) || !!reader.phraseAt(lang.monthWords, k);
}

/** A year: a four-digit number from 1900 to 2100 that counts nothing («مونديال 2014», «في 2017 ارتفعت»), a year in
 * words after «عام», a short year with its suffix («93م»). */
function isYear(reader: Reader, i: number, p: ParsedNumber, before: number): boolean {
  const lang = reader.lang, w = reader.words[i], next = p.end;
  if (p.fromWords) return p.value >= 1900 && p.value <= 2100 && reader.inSet(before, lang.yearCues);
  if (/^\d{2}$/.test(w) && reader.tokens[next]?.glued && reader.inSet(next, lang.yearSuffixes)) return true;
  if (!/^\d{4}$/.test(w) || p.value < 1900 || p.value > 2100) return false;
  if (reader.inSet(before, lang.yearCues) || reader.inSet(next, lang.yearSuffixes)) return true;
  return !nounAfter(reader, next);
}

export function nonClaimKind(reader: Reader, i: number, p: ParsedNumber): FigureKind | undefined {
  const lang = reader.lang;
  const prev = i - 1, next = p.end;
  if (!p.fromWords) {
    const k = digitKind(reader, i, p);
    if (k) return k;
  }
  let before = prev;
  while (before >= 0 && (lang.bareClitics.has(reader.words[before]) || lang.numberLabels.has(reader.words[before]))) before--;
  if (reader.inSet(before, lang.timeCues)) return 'time';
  if (reader.inSet(before, lang.clauseCues) || reader.inSet(prev, lang.numberLabels)) return 'clause';
  if (p.scaled || p.percent || p.vague || p.fraction) return undefined;
  if (monthAfter(reader, next) || reader.inSet(prev, lang.months)) return /^\d{4}$/.test(reader.words[i]) ? 'year' : 'date';
  if (reader.inSet(next, lang.timeSuffixes) && p.value <= 24 && !/^\d{4}$/.test(reader.words[i])) return 'time';
  if (isYear(reader, i, p, before)) return 'year';
  if (!p.fromWords && bracketedName(reader, i, p)) return 'model';
  return undefined;
}
