// When a figure holds: the time expressions of its sentence — years, months, dates, weekdays, «أمس», «الأسبوع
// الماضي» — resolved against the article's date to a period of days, the one nearest the figure in its clause
// winning. Two reports of a figure for explicitly different periods state different facts.
import { Reader, firstAtOrAfter, aloneInQuotes } from './reader';
import { lookupForms, type Language } from '../language';
import { stripClitics } from '../stem';
import { wordMemo, wordTest } from '../word-memo';

/** A period as days since 1970-01-01 (UTC), both ends included. */
export interface Period { from: number; to: number }

const DAY = 86_400_000;
/** The month a sports season starts. */
const SEASON_START = 8;
export const dayOf = (y: number, m: number, d: number) => Math.floor(Date.UTC(y, m - 1, d) / DAY);
const monthPeriod = (y: number, m: number): Period => ({ from: dayOf(y, m, 1), to: dayOf(y, m + 1, 1) - 1 });
const yearPeriod = (y: number): Period => ({ from: dayOf(y, 1, 1), to: dayOf(y, 12, 31) });

/** The last date isoDay read: a draft asks for its own date for every line and every figure. */
let last: { date: string | undefined; day: number | undefined } = { date: undefined, day: undefined };

/** An ISO date (YYYY-MM-DD…) as a day number. */
export function isoDay(date: string | undefined): number | undefined {
  if (date === last.date) return last.day;
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})/.exec(date) : null;
  last = { date, day: m ? dayOf(+m[1], +m[2], +m[3]) : undefined };
  return last.day;
}

/** A time expression from token `tok` to before `end`, and the period it names; `since`: «منذ …», running to the
 * article's day. */
interface TimeHit { tok: number; end: number; period: Period; specific: number; since?: true }

/** A month name at j, with a day before it and a year after it when they are there. */
function monthAt(reader: Reader, j: number, today: number): TimeHit | undefined {
  const lang = reader.lang;
  const m = reader.phraseAt(lang.monthNames, j);
  if (!m) return undefined;
  let k = j + m.length;
  for (let alt; reader.words[k] === '/' && (alt = lang.monthNames.match(reader.words, k + 1)); ) k += 1 + alt.length;
  const now = new Date(today * DAY);
  let year = now.getUTCFullYear();
  let end = k;
  if (reader.isNumber(k) && /^\d{4}$/.test(reader.words[k])) { year = +reader.words[k]; end++; }
  else if (m.value > now.getUTCMonth() + 1 || (reader.inSet(k, lang.pastMarkers) && m.value >= now.getUTCMonth() + 1)) year--;
  const day = reader.isNumber(j - 1) && /^\d{1,2}$/.test(reader.words[j - 1]) ? +reader.words[j - 1] : undefined;
  if (day && day <= 31) { const d = dayOf(year, m.value, day); return { tok: j, end, period: { from: d, to: d }, specific: 3 }; }
  return { tok: j, end, period: monthPeriod(year, m.value), specific: 2 };
}

/** Whether a time expression may start at this word: a month's name, a weekday, «أمس» or «الأسبوع الماضي». */
const mayStartTime = wordTest((word: string, lang: Language) => lang.wordLists.hasWord(word, lang, lang.monthNames) || weekdayOf(word, lang) !== undefined
  || lang.wordLists.hasWord(word, lang, lang.relativeDays) || lang.wordLists.hasWord(word, lang, lang.relativePeriods));

/** Whether the word at j names a time (a month, a weekday, «أمس», «الأسبوع الماضي»): not a noun a number counts. */
export function namesTime(reader: Reader, j: number): boolean {
  return reader.word(mayStartTime, j) === true;
}

const weekdayOf = wordMemo((word: string, lang: Language) => lookupForms(lang.weekdays, stripClitics(word, lang)));

function weekdayAt(reader: Reader, j: number, today: number): TimeHit | undefined {
  const w = reader.word(weekdayOf, j);
  if (w === undefined) return undefined;
  // News names a weekday of the week it reports: the last such day on or before the article's date.
  const back = (new Date(today * DAY).getUTCDay() - w + 7) % 7;
  const d = today - back;
  return { tok: j, end: j + 1, period: { from: d, to: d }, specific: 3 };
}

function relativeAt(reader: Reader, j: number, today: number): TimeHit | undefined {
  const lang = reader.lang;
  const rd = reader.phraseAt(lang.relativeDays, j);
  if (rd) return { tok: j, end: j + rd.length, period: { from: today + rd.value, to: today + rd.value }, specific: 3 };
  const rp = reader.phraseAt(lang.relativePeriods, j);
  if (!rp) return undefined;
  const [unit, n] = rp.value, end = j + rp.length;
  const now = new Date(today * DAY), y = now.getUTCFullYear(), mo = now.getUTCMonth() + 1;
  if (unit === 'year') return { tok: j, end, period: yearPeriod(y + n), specific: 1 };
  if (unit === 'season') {
    // A football season: August to July.
    const first = (mo >= SEASON_START ? y : y - 1) + n;
    return { tok: j, end, period: { from: dayOf(first, SEASON_START, 1), to: dayOf(first + 1, SEASON_START, 1) - 1 }, specific: 1 };
  }
  if (unit === 'month') return { tok: j, end, period: monthPeriod(y, mo + n), specific: 2 };
  const start = today - now.getUTCDay() + 7 * n;
  return { tok: j, end, period: { from: start, to: start + 6 }, specific: 2 };
}

function yearAt(reader: Reader, j: number): TimeHit | undefined {
  if (!reader.isNumber(j) || !/^\d{4}$/.test(reader.words[j])) return undefined;
  const y = +reader.words[j];
  if (y < 1900 || y > 2100) return undefined;
  // «مارس 2018» is read with its month.
  if (reader.lang.monthNames.match(reader.words, j - 1) || reader.inSet(j - 1, reader.lang.months)) return undefined;
  const cue = reader.inSet(j - 1, reader.lang.yearWords) || !reader.isWord(j + 1) || !reader.measureAt(j + 1);
  // «"متحدون 2026"», «"رؤية 2030"», «"سيناء 2018"»: a year alone with one word in quotes names a bid, a plan or an
  // operation, and is not when the figures beside it hold; «(عام 2016)», «(في 2018)» still say when.
  if (cue && aloneInQuotes(reader, j, j + 1) && reader.isContent(j - 1) && !reader.inSet(j - 1, reader.lang.yearWords)) return undefined;
  return cue ? { tok: j, end: j + 1, period: yearPeriod(y), specific: 1 } : undefined;
}

/** The time expression at token j, if any; «منذ أغسطس 2014» runs to the article's day. */
function timeHitAt(reader: Reader, j: number, today: number): TimeHit | undefined {
  const h = monthAt(reader, j, today) ?? weekdayAt(reader, j, today) ?? relativeAt(reader, j, today) ?? yearAt(reader, j);
  if (!h) return undefined;
  const before = reader.isNumber(j - 1) ? j - 2 : j - 1;
  if (reader.inSet(before, reader.lang.sinceWords)) return { ...h, period: { from: h.period.from, to: today }, specific: 0, since: true };
  return reader.inSet(before, reader.lang.spanOpeners) ? spanFrom(reader, h, today) : h;
}

/** «بين آب/أغسطس 2014 ونهاية نيسان/ابريل 2018», «من يناير إلى مارس»: after an opener, a link («و», «إلى»),
 * maybe an edge («نهاية») and a second time make one span, from the first to the end of the second. */
function spanFrom(reader: Reader, first: TimeHit, today: number): TimeHit {
  const lang = reader.lang;
  let k = first.end;
  const link = reader.inSet(k, lang.spanLinks);
  if (link) k++;
  // «ونهاية»: the link glued to the edge.
  if (reader.inSet(k, lang.spanEdges) && (link || lang.joiners.some(c => reader.words[k].startsWith(c)))) k++;
  else if (!link) return first;
  const second = monthAt(reader, k, today) ?? yearAt(reader, k);
  if (!second || second.period.to < first.period.from) return first;
  return { tok: first.tok, end: second.end, period: { from: first.period.from, to: second.period.to }, specific: 0 };
}

/** Every time expression of the text, in order, found once per text (and date). */
const textHits = new WeakMap<Reader, { today: number; hits: TimeHit[]; at: Int32Array }>();
function timeHits(reader: Reader, today: number): { hits: TimeHit[]; at: Int32Array } {
  let t = textHits.get(reader);
  if (!t || t.today !== today) {
    const hits: TimeHit[] = [];
    // A hit's own words are not read again: «آذار/مارس» is one month, not two hits. A word that starts none is
    // told so at one lookup (a year is a number).
    for (let j = 0; j < reader.tokens.length; j++) {
      if (!reader.isNumber(j) && !reader.word(mayStartTime, j)) continue;
      const h = timeHitAt(reader, j, today);
      if (h) { hits.push(h); j = Math.max(j, h.end - 1); }
    }
    t = { today, hits, at: Int32Array.from(hits, h => h.tok) };
    textHits.set(reader, t);
  }
  return t;
}

/** «14.570.283 عاملا في شهر يونيو»: a time this close after a figure is its own («خطة الإنقاذ الموقعة في 2015» is not). */
const AFTER_REACH = 5;
const isCompare = (reader: Reader, j: number) => reader.inSet(j, reader.lang.compareMarkers);

/** The time of the figure at token `tok` (its period, and whether it runs «since» then): a time expression right
 * after it (before the next number: «ليسجل 14.570.283 عاملا في شهر يونيو»), else the nearest in its clause, else in
 * its sentence, the more specific one winning a tie; never one across «مقابل» (the compared figure's). Undefined when the sentence names no time.
 * Positions are looked up in sorted lists, so a sentence of any length costs a figure a few searches. */
export function timeOf(reader: Reader, tok: number, range: [number, number], today: number | undefined, maxDays = Infinity): Pick<TimeHit, 'period' | 'since'> | undefined {
  if (today === undefined) return undefined;
  // Only the part of the sentence on the figure's side of a comparison.
  const markers = reader.tokensWhere('compare markers', j => isCompare(reader, j));
  const m = firstAtOrAfter(markers, tok);
  const lo = m > 0 && markers[m - 1] > range[0] ? markers[m - 1] : range[0];
  const n = firstAtOrAfter(markers, tok + 1);
  const hi = n < markers.length && markers[n] < range[1] ? markers[n] : range[1];
  const { hits, at } = timeHits(reader, today);
  // The sentence part's hits are hits[a..b), its clause's hits[c..d).
  const a = firstAtOrAfter(at, lo), b = firstAtOrAfter(at, hi);
  if (a >= b) return undefined;
  const [from, to] = reader.clauseAround(tok, lo, hi);
  const c = Math.max(a, firstAtOrAfter(at, from)), d = Math.min(b, firstAtOrAfter(at, to));
  // A day before its month and a year after it are the time expression's own numbers; only a number within
  // AFTER_REACH can stop a time right after the figure from being its own.
  const own = (j: number) => { const k = firstAtOrAfter(at, Math.max(j - 1, lo)); return k < b && at[k] <= j + 1; };
  let nextNumber = to;
  for (let j = tok + 1; j < Math.min(to, tok + AFTER_REACH + 1); j++) if (reader.isNumber(j) && !own(j)) { nextNumber = j; break; }
  // A period longer than the measure can hold over is another thing's time (see MeasureEntry.instant).
  const fits = (i: number) => hits[i].period.to - hits[i].period.from < maxDays;
  const next = Math.max(c, firstAtOrAfter(at, tok + 1));
  if (next < d && at[next] < nextNumber && at[next] - tok <= AFTER_REACH && fits(next)) return hits[next];
  // The nearest of the clause's (else the sentence part's) hits; at equal distance the more specific, then the earlier.
  const k = firstAtOrAfter(at, tok);
  const nearest = (p: number, q: number) => {
    let before = Math.min(k, q) - 1, after = Math.max(k, p);
    while (before >= p && !fits(before)) before--;
    while (after < q && !fits(after)) after++;
    const dist = (i: number) => Math.abs(at[i] - tok);
    let best = -1;
    for (const i of [before, after]) {
      if (i < p || i >= q) continue;
      if (best < 0 || dist(i) < dist(best) || (dist(i) === dist(best) && hits[i].specific > hits[best].specific)) best = i;
    }
    return best;
  };
  const inClause = c < d ? nearest(c, d) : -1;
  const best = inClause >= 0 ? inClause : nearest(a, b);
  return best >= 0 ? hits[best] : undefined;
}

/** The one time a sentence names — every time expression in it the same period, none a «منذ» — if any: what a
 * sentence going on with its event holds at. A sentence naming two times tells of two events, and which one the
 * next sentence goes on with is not known. */
export function soleTime(reader: Reader, range: [number, number], today: number | undefined): Period | undefined {
  if (today === undefined) return undefined;
  const { hits, at } = timeHits(reader, today);
  let out: Period | undefined;
  for (let k = firstAtOrAfter(at, range[0]); k < hits.length && at[k] < range[1]; k++) {
    const p = hits[k].period;
    if (hits[k].since || (out && (out.from !== p.from || out.to !== p.to))) return undefined;
    out = p;
  }
  return out;
}

/** One incident named in the figure's sentence, singular («قتل 9 في عملية عسكرية في جنين», «بغارة»): not a
 * running total, and not the same fact as one. */
export function isIncident(reader: Reader, range: [number, number]): boolean {
  return perSentence(reader, 'incident', range, () => {
    for (let j = range[0]; j < range[1]; j++) if (reader.inSet(j, reader.lang.incidentWords)) return true;
    return false;
  });
}

/** A running total: «ارتفعت حصيلة», «منذ بدء», «حتى الآن», a season's points («رصيده») — before the figure in its
 * sentence, in its clause, or in a clause of its own after it («…، بحسب أحدث حصيلة لوزارة الصحة»). A cue in a later
 * clause with its own number is that number's: «قتل 29 مدنيا، لترتفع بذلك حصيلة هذا القصف إلى 1517» is the day's
 * 29, then the total. */
export function isRunning(reader: Reader, tok: number, range: [number, number]): boolean {
  const cues = reader.tokensWhere('running cues', j => reader.isWord(j) && !!reader.phraseAt(reader.lang.runningCues, j));
  const [, clauseEnd] = reader.clauseAround(tok, range[0], range[1]);
  for (let k = firstAtOrAfter(cues, range[0]); k < cues.length && cues[k] < range[1]; k++) {
    if (cues[k] < clauseEnd) return true;
    const [from, to] = reader.clauseAround(cues[k], range[0], range[1]);
    let number = false;
    for (let j = from; j < to && !number; j++) number = reader.isNumber(j);
    if (!number) return true;
  }
  return false;
}

/** A sentence's answer, worked out once for all its figures. */
const sentenceAnswers = new WeakMap<Reader, Map<string, boolean>>();
function perSentence(reader: Reader, what: string, range: [number, number], work: () => boolean): boolean {
  let answers = sentenceAnswers.get(reader);
  if (!answers) { answers = new Map(); sentenceAnswers.set(reader, answers); }
  const key = `${what}:${range[0]}:${range[1]}`;
  let v = answers.get(key);
  if (v === undefined) { v = work(); answers.set(key, v); }
  return v;
}
