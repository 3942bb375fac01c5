// Figures: every number in a text, read as the quantity a journalist means — its value or interval, hedge,
// what it measures (killed, money in a currency, an age …), the counted group, the places around it, for a
// percentage or a change the whole or subject it is about, and for a draft the context words of its sentence.
import type { HedgeKind, Language } from '../language';
import { QUOTES, type Reader } from './reader';
import { parseNumberAt, sharedScale, rangeFrom, ParsedNumber, mayStartNumber } from './numbers';
import { nonClaimKind } from './nonclaims';
import { quantityOf, phraseBefore, CountedNoun } from './quantity';
import { zeroAt } from './zero';
import { dualAt, afterNounAt, singularOfDual } from './nouns-as-numbers';
import { wordTest } from '../word-memo';
import { timeOf, soleTime, isRunning, isIncident, type Period } from './time';
import { termIndex, clauseTerms } from './entities';
import type { Figure, FigureKind } from './read-text';
import { shapedFigure } from './figure-shape';

const CONTEXT_WINDOW = 10;
const PLACE_WINDOW = 12;
const HEDGE_REACH = 5;
const NOT_CLAIMS = new Set<FigureKind>(['year', 'date', 'time', 'clause', 'score']);
/** Figures that are times themselves have no period of their own. */
const NOT_TIMED = new Set<FigureKind>(['year', 'date', 'time']);

/** Sentence token ranges and a token → sentence lookup. */
export interface SentenceTokens { ranges: [number, number][]; of(tok: number): number }

/** A hedge phrase that ends right before `tok` («أكثر من», «نحو»): its kind and first token. */
function hedgeBefore(reader: Reader, tok: number, sentenceStart: number): { hedge?: HedgeKind; phraseTok: number } {
  for (let j = tok - 1; j >= Math.max(sentenceStart, tok - HEDGE_REACH); j--) {
    const h = reader.phraseAt(reader.lang.hedges, j);
    if (h && j + h.length === tok) return { hedge: h.value, phraseTok: j };
  }
  return { phraseTok: tok };
}

/** The counted noun: up to three words after the number, skipping a partitive «من» («20 ألفًا من عناصر الأمن»). */
function countedNoun(reader: Reader, p: ParsedNumber, sentenceEnd: number, shared: boolean): CountedNoun {
  let k = p.nounAt ?? p.end, partitive = false;
  const only = reader.phraseAt(reader.lang.restrictives, k);
  if (only && reader.inSet(k + only.length, reader.lang.partitives)) k += only.length;
  // «بنسبة 28% من 195 مليار ريال إلى نحو 140»: «من» before a number starts a change, not a whole.
  if (reader.inSet(k, reader.lang.partitives) && !shared && !reader.isNumber(k + 1)) { partitive = true; k++; }
  const tokens: number[] = [];
  for (let j = k; j < sentenceEnd && tokens.length < 3; j++) {
    if (reader.isNumber(j) || (reader.isPunct(j) && !QUOTES.has(reader.words[j]))) break;
    if (reader.inSet(j, reader.lang.stopwords) && tokens.length) break;
    if (reader.isWord(j) && !reader.lang.bareClitics.has(reader.words[j])) tokens.push(j);
  }
  return { tokens, partitive, borrowed: p.nounAt !== undefined || undefined };
}

function placesAround(reader: Reader, i: number, end: number, range: [number, number], wholePlace?: string): string[] {
  const places = new Set<string>(wholePlace ? [wholePlace] : []);
  for (let j = Math.max(range[0], i - PLACE_WINDOW); j < Math.min(range[1], end + PLACE_WINDOW); j++) {
    if (!reader.isWord(j)) continue;
    const pl = reader.phraseAt(reader.lang.places, j);
    if (pl) places.add(pl.value);
  }
  return [...places].sort();
}

function contextAround(reader: Reader, i: number, phraseTok: number, end: number, range: [number, number]): string[] {
  const context: string[] = [];
  for (let j = Math.max(range[0], i - CONTEXT_WINDOW); j < Math.min(range[1], end + CONTEXT_WINDOW); j++) {
    if ((j < phraseTok || j >= end) && reader.isContent(j)) context.push(reader.stem(j));
  }
  return context;
}

const PRICE_REACH = 6;
/** The longest period a value that holds at one time (an age) may be stated for: a year (a leap year's days). */
const INSTANT_DAYS = 366;

/** «12.345 ريالا» is twelve thousand riyals: a counted noun after one dot and three digits makes them thousands;
 * with no noun to say, two trailing zeros do («السوريين (102.400)»: a decimal is not written 102.400). */
function resolveDot(reader: Reader, p: ParsedNumber, noun: CountedNoun, tok: number, range: [number, number]): void {
  if (!p.ambiguousDot || p.percent) return;
  // «معدل سعر البرميل الواحد بلغ (69.593) دولارا»: a price keeps its decimals.
  for (let d = 1; d <= PRICE_REACH; d++) if (reader.inSet(tok - d, reader.lang.priceNouns)) return;
  const j = noun.tokens[0];
  if (j !== undefined && exchangeRate(reader, j, tok, range)) return;
  const counted = j !== undefined && (reader.measureAt(j)?.m.type === 'noun' || reader.measureAt(j)?.m.id === 'money' || reader.inSet(j, reader.lang.genericNouns));
  // A price is quoted with decimals («3.750 ريال للدولار»); a count is not.
  if (counted ? !reader.phraseAt(reader.lang.perUnit, j + 1) : reader.words[tok].endsWith('00')) p.value = Math.round(p.value * 1000);
}

/** «هبط أمام الريال السعودي، إلى 2.866 ريال»: the amount is in the currency the sentence quotes against. */
function exchangeRate(reader: Reader, nounTok: number, tok: number, range: [number, number]): boolean {
  if (reader.measureAt(nounTok)?.m.id !== 'money') return false;
  const currency = new Set(reader.forms(nounTok));
  for (let m = range[0]; m < tok; m++) {
    if (!reader.inSet(m, reader.lang.exchangeMarkers)) continue;
    for (let k = m + 1; k <= m + 2 && k < tok; k++) if (reader.forms(k).some(f => currency.has(f))) return true;
  }
  return false;
}

interface Start {
  tok: number; opened: boolean;
  /** Where the figure's wording starts when not at tok: a range opener («بين 20 و30»). */
  phraseTok?: number;
  /** The counted noun when it is not after the number: the dual itself, or the noun before «الأربعة». */
  nounTok?: number;
  /** For a dual: the singular whose measure it has. */
  measureFrom?: string;
  /** The kind of a list the number continues («عام 1958 و1962», «الدقيقتين 59 و65»). */
  kind?: FigureKind;
}

/** The number at a start token, with a range and a shared scale folded in. */
function numberAt(reader: Reader, start: Start, range: [number, number]): ParsedNumber | undefined {
  const p = parseNumberAt(reader, start.tok);
  if (!p) return undefined;
  const r = rangeFrom(reader, start.tok, p, start.opened);
  if (r) {
    if (!changeBefore(reader, start.phraseTok ?? start.tok, range[0])) return r;
    // Two levels («من 18 إلى 21 عاما»): the first is counted by the noun after the second.
    if (reader.lang.rangeLinks.match(reader.words, p.end)) p.nounAt = r.end;
  }
  const shared = sharedScale(reader, p);
  if (shared) p.value *= shared;
  return p;
}

/** How far back in its clause a change verb makes «من X إلى Y» two levels. */
const CHANGE_VERB_REACH = 8;

/** A change verb before the figure in its clause: «ارتفع من 5 إلى 7 آلاف», «ورفع السن القانونية لحيازة السلاح من 18
 * إلى 21 عاما» state two levels, not a range. */
function changeBefore(reader: Reader, tok: number, sentenceStart: number): boolean {
  for (let j = tok - 1; j >= Math.max(sentenceStart, tok - CHANGE_VERB_REACH); j--) {
    if (reader.isClauseBreak(j)) return false;
    if (reader.phraseAt(reader.lang.changeVerbs, j)) return true;
  }
  return false;
}

function figureKind(reader: Reader, i: number, p: ParsedNumber, isSourceCount: boolean): FigureKind {
  if (isSourceCount) return 'source-count';
  return nonClaimKind(reader, i, p) ?? (p.percent ? 'percent' : 'count');
}

function readFigure(reader: Reader, start: Start, p: ParsedNumber, sentence: number, range: [number, number], isSourceCount: boolean, withContext: boolean): Figure {
  const i = start.tok;
  const kind = start.kind ?? figureKind(reader, i, p, isSourceCount);
  let { hedge, phraseTok } = hedgeBefore(reader, start.phraseTok ?? i, range[0]);
  const noun = start.nounTok !== undefined ? { tokens: [start.nounTok], partitive: false } : countedNoun(reader, p, range[1], false);
  resolveDot(reader, p, noun, i, range);
  if (!hedge && noun.tokens.length) {
    // After the number, its noun, or the word closing an idiom round them («لقي 16 شخصا حتفهم على الأقل»).
    const closer = reader.phraseAt(reader.lang.afterCues, noun.tokens[0] + 1);
    for (const j of [p.end, noun.tokens[0] + 1, ...(closer ? [noun.tokens[0] + 1 + closer.length] : [])]) {
      const h = reader.phraseAt(reader.lang.hedgesAfter, j);
      if (h) { hedge = h.value; break; }
    }
  }
  if (p.fraction && !hedge) hedge = 'about'; // «ثلث» is a third, roughly
  const q = quantityOf(reader, p, phraseTok, noun, range, start.measureFrom);
  const firstNoun = noun.tokens[0];
  const o = reader.orig(i, p.end - 1);
  const time = NOT_TIMED.has(kind) ? undefined : timeOf(reader, i, range, reader.today, q.measure && reader.lang.measureById.get(q.measure)?.instant ? INSTANT_DAYS : undefined);
  const incident = isIncident(reader, range);
  // A count «منذ 30 مارس» runs to the day it is reported: a running total, as «منذ بدء» is — unless its sentence
  // names one incident («5 فلسطينيين في غارة على قطاع غزة المحاصر منذ 2007»: the «منذ» is the siege's).
  const current = phraseBefore(reader, phraseTok, reader.lang.stillCues, STILL_REACH);
  const running = (!!time?.since && !incident) || current || isRunning(reader, i, range);
  return shapedFigure({
    start: o.start, end: o.end, phraseStart: reader.origStart(phraseTok),
    value: p.value, range: p.range && { lo: p.range[0], hi: p.range[1] }, reach: p.reach, hedge, kind,
    ...q, vague: p.vague, places: placesAround(reader, i, p.end, range, q.wholePlace),
    when: time?.period, running: running || undefined, current: current || undefined, incident: incident || undefined,
    noun: firstNoun !== undefined && !reader.inSet(firstNoun, reader.lang.genericNouns) ? reader.stem(firstNoun) : undefined,
    sentence, context: withContext ? contextAround(reader, i, phraseTok, p.end, range) : [], termAt: termIndex(reader, range, i), clause: clauseTerms(reader, range, i),
  });
}


/** How far before a figure «حصيلة» makes it the toll of the event before it. */
const TOLL_REACH = 5;

/** How far before a figure, in its clause, «لا يزال» may stand to make it a count of what still holds: «لا يزال نحو
 * 711 طفلا», «ولا يزال مصير 2300 طفل». */
const STILL_REACH = 4;

/** Whether the figure at phraseTok is joined to the one before by «و» (alone or glued to it): the next of a list. */
const joined = (reader: Reader, phraseTok: number) =>
  reader.lang.joiners.some(c => reader.words[phraseTok - 1] === c || reader.words[phraseTok].startsWith(c));

/** «قتل 34، من بينهم 25 طفلا وثلاثة معلمين», «قتل 5 فلسطينيين و3 إسرائيليين»: a part of the figure before, or the
 * next item of its list, counts what it counts (killed), the noun saying whom. */
function inheritEvent(reader: Reader, f: Figure, prev: Figure | undefined, phraseTok: number, endTok: number, range: [number, number]): void {
  if (!prev || prev.sentence !== f.sentence || prev.kind !== 'count' || f.kind !== 'count' || !prev.measure) return;
  const event = reader.lang.measureById.get(prev.measure);
  const own = f.measure ? reader.lang.measureById.get(f.measure) : undefined;
  if (event?.type !== 'event' || own?.type === 'unit') return;
  // «أصيب خمسة من الصحافيين اثنان منهم بالرصاص الحي»: «N منهم» is N of the figure before when it counts the same
  // event — of the people the sentence speaks of otherwise («قتل أربعة فلسطينيين وأصاب المئات منهم»: the injured
  // of the Palestinians, not of the four dead); unless a number follows, which is then the part («قتل 10 منهم 3
  // أطفال»).
  const ofThem = (own?.type !== 'event' || own.id === event.id) && endTok < range[1] && !!reader.phraseAt(reader.lang.partAfter, endTok)
    && !(endTok + 1 < range[1] && (reader.isNumber(endTok + 1) || parseNumberAt(reader, endTok + 1)));
  if (ofThem) f.part = true;
  if (own?.type === 'event') return;
  let part = ofThem;
  for (let j = phraseTok - 1; j >= Math.max(range[0], phraseTok - 3) && !part; j--) part = !!reader.phraseAt(reader.lang.partMarkers, j);
  const listed = joined(reader, phraseTok);
  // «إلى مقتل 29 مدنيا، لترتفع بذلك حصيلة هذا القصف إلى 1517 مدنيا»: the toll of the same event.
  let toll = false;
  for (let j = phraseTok - 1; j >= Math.max(range[0], phraseTok - TOLL_REACH) && !toll; j--) toll = reader.inSet(j, reader.lang.tollWords);
  if (!part && !listed && !toll) return;
  if (own && reader.lang.groupMeasures.has(own.id)) f.group ??= own.id;
  f.measure = prev.measure;
  if (part) f.part = true;
}

/** How many words a number's noun may take before the word that sets the next number against it. */
const COUNTERPART_REACH = 3;

/** «51 مقعدا مقابل 49 للجمهوريين»: a number set against the one just before, with no measure of its own, counts
 * what that one counts. */
function inheritCounterpart(reader: Reader, f: Figure, prev: Figure | undefined, phraseTok: number, prevEnd: number | undefined): void {
  if (!prev || prevEnd === undefined || prev.sentence !== f.sentence || prev.kind !== 'count' || f.kind !== 'count' || f.measure || !prev.measure) return;
  if (!reader.inSet(phraseTok - 1, reader.lang.counterpartLinks) || phraseTok - 1 - prevEnd > COUNTERPART_REACH) return;
  f.measure = prev.measure;
  f.unit ??= prev.unit;
}

/** «80 في المئة للحمى الشوكية، و96 في المئة للحمى الصفراء»: the next item of a list of percentages, with no whole
 * of its own, is a share of the same whole. */
function inheritWhole(reader: Reader, f: Figure, prev: Figure | undefined, phraseTok: number): void {
  if (!prev || prev.sentence !== f.sentence || prev.kind !== 'percent' || f.kind !== 'percent' || !prev.whole || f.whole) return;
  if (!joined(reader, phraseTok)) return;
  f.whole = prev.whole;
  f.rate = prev.rate;
}

/** «و1962» right after a year, «و65» after a minute: the kind of the list it continues. */
function listKind(reader: Reader, i: number, last: { kind: FigureKind; endTok: number } | undefined): FigureKind | undefined {
  if (!last || !NOT_CLAIMS.has(last.kind) || !reader.isNumber(i)) return undefined;
  return reader.lang.joiners.includes(reader.words[i - 1]) && last.endTok === i - 1 ? last.kind : undefined;
}

/** Whether a figure may start at this word, by the first word each reading below needs: a negation (zeroAt), a
 * range opener, a dual noun (dualAt), «واحد» after its noun or a number word (afterNounAt, numberAt). Most words
 * are none, and skip the readings at one lookup (a 5 MB draft has 800,000 words). */
const mayStartFigure = wordTest((word: string, lang: Language) =>
  lang.wordLists.hasWord(word, lang, lang.negations) || lang.wordLists.hasWord(word, lang, lang.rangeOpeners)
  || lang.wordLists.hasWord(word, lang, lang.postNominalOne) || mayStartNumber(word, lang) || singularOfDual(word, lang) !== undefined);

/** How far into a sentence the event it takes up may stand: «وأسفر الحادث عن», «ونفذت هذه العملية». */
const CONTINUED_REACH = 3;

/** A count of what an event did (a toll, the injured): what a sentence going on with an event reports. «وفي
 * الهجوم ، يعاني زيدان … ستة لاعبين» is the attack of a football team. */
const ofEvent = (reader: Reader, f: Figure) => f.kind === 'count' && !!f.measure && reader.lang.measureById.get(f.measure)?.type === 'event';

/** Whether sentence s goes on with the event the sentence before it told, in one paragraph: it opens on a definite
 * incident word, not negated («وأسفر الحادث عن مقتل 10 أشخاص» after «حادث الدهس الذي وقع وسط مدينة تورنتو
 * الاثنين»; «ونفذت هذه العملية»; not «وليست هذه العملية الأولى»). */
function continues(reader: Reader, sentences: SentenceTokens, s: number): boolean {
  if (s === 0) return false;
  const [a, b] = sentences.ranges[s], prev = sentences.ranges[s - 1];
  if (a >= b || prev[0] >= prev[1] || reader.n.text.slice(reader.tokens[prev[1] - 1].end, reader.tokens[a].start).includes('\n')) return false;
  const lang = reader.lang;
  for (let j = a; j < Math.min(b, a + CONTINUED_REACH); j++) {
    if (reader.phraseAt(lang.negations, j)) return false;
    if (reader.inSet(j, lang.incidentWords) && reader.forms(j).some(f => f.startsWith(lang.article))) return true;
  }
  return false;
}

/** The time of a sentence that continues the one before (see continues): the one time that sentence names (see
 * soleTime), unless either names a «منذ». */
function continuedTime(reader: Reader, sentences: SentenceTokens, s: number): Period | undefined {
  const [, b] = sentences.ranges[s], prev = sentences.ranges[s - 1];
  // A toll since a time runs to the day it is reported, in either sentence: «توترا منذ أن اندلعت صدامات … في 30
  // آذار/مارس. وأسفرت هذه المواجهات عن مقتل حوالى ثلاثين» is not 30 March's.
  for (let j = prev[0]; j < b; j++) if (reader.inSet(j, reader.lang.sinceWords)) return undefined;
  return soleTime(reader, prev, reader.today);
}

/** Figures of a sentence going on with the event before are marked so; what that event did, with no time of its
 * own, holds then (after the figures have taken their event from the one before them, «مقتل 25 شخصا بينهم 9
 * صحفيين»). */
function markContinued(reader: Reader, sentences: SentenceTokens, figures: Figure[]): void {
  const bySentence = new Map<number, boolean>();
  for (const f of figures) {
    if (!bySentence.has(f.sentence)) bySentence.set(f.sentence, continues(reader, sentences, f.sentence));
    if (!bySentence.get(f.sentence)) continue;
    f.continues = true;
    if (!f.when && ofEvent(reader, f)) f.when = continuedTime(reader, sentences, f.sentence);
  }
}

export function readFigures(reader: Reader, sentences: SentenceTokens, sourceCountToks: Set<number>, withContext: boolean): Figure[] {
  const out: Figure[] = [];
  let last: { kind: FigureKind; endTok: number } | undefined;
  let i = 0;
  while (i < reader.tokens.length) {
    if (!reader.isNumber(i) && !reader.word(mayStartFigure, i)) { i++; continue; }
    const s = sentences.of(i);
    const range = sentences.ranges[s];
    const zero = zeroAt(reader, i, range, withContext);
    if (zero) { out.push(shapedFigure({ ...zero.figure, sentence: s })); i = zero.end; continue; }
    const opener = reader.isWord(i) ? reader.phraseAt(reader.lang.rangeOpeners, i) : undefined;
    const byNoun = dualAt(reader, i) ?? afterNounAt(reader, i);
    if (byNoun) {
      const f = readFigure(reader, { tok: i, opened: false, nounTok: byNoun.nounTok, measureFrom: byNoun.measureFrom }, byNoun.p, s, range, sourceCountToks.has(i), withContext);
      inheritEvent(reader, f, out[out.length - 1], i, byNoun.p.end, range);
      out.push(f);
      i = byNoun.p.end;
      continue;
    }
    let start: Start = opener && parseNumberAt(reader, i + opener.length) ? { tok: i + opener.length, opened: true, phraseTok: i } : { tok: i, opened: false };
    const p = numberAt(reader, start, range);
    if (!p) { i++; continue; }
    // A range opener («بين», «من») belongs to the figure only when a range was read: «أكثر من 50» is a hedge.
    if (!p.range) start = { tok: start.tok, opened: false, kind: listKind(reader, start.tok, last) };
    const f = readFigure(reader, start, p, s, range, sourceCountToks.has(start.tok), withContext);
    inheritEvent(reader, f, out[out.length - 1], start.phraseTok ?? start.tok, p.end, range);
    inheritWhole(reader, f, out[out.length - 1], start.phraseTok ?? start.tok);
    inheritCounterpart(reader, f, out[out.length - 1], start.phraseTok ?? start.tok, last?.endTok);
    out.push(f);
    last = { kind: f.kind, endTok: p.end };
    i = p.end;
  }
  markContinued(reader, sentences, out);
  return out;
}
