// Figures: every number in a text with what it measures (killed, money, age …), the counted group, the places
// around it, its hedge, and for a draft the context words its sentence shares with the corpus.
import type { HedgeKind, MeasureEntry } from '../language';
import type { Reader } from './reader';
import { parseNumberAt, sharedScale, ParsedNumber } from './numbers';
import { nonClaimKind } from './nonclaims';
import type { Figure, FigureKind } from './read-text';

const CONTEXT_WINDOW = 10;
const PLACE_WINDOW = 12;
const HEDGE_REACH = 5;
const EVENT_REACH = 7;
/** Punctuation that may sit between a number and its counted noun. */
export const QUOTES = new Set(['"', "'", '“', '”', '(', ')', '«', '»', '‘', '’', '-', '–']);

/** Sentence token ranges and a token → sentence lookup. */
export interface SentenceTokens { ranges: [number, number][]; of(tok: number): number }

/** A hedge phrase that ends right before the number («أكثر من», «نحو»): its kind and first token. */
function hedgeBefore(reader: Reader, i: number, sentenceStart: number): { hedge?: HedgeKind; phraseTok: number } {
  for (let j = i - 1; j >= Math.max(sentenceStart, i - HEDGE_REACH); j--) {
    const h = reader.lang.hedges.match(reader.words, j, reader.forms(j));
    if (h && j + h.length === i) return { hedge: h.value, phraseTok: j };
  }
  return { phraseTok: i };
}

/** The counted noun: up to three words after the number, skipping a partitive «من» («20 ألفًا من عناصر الأمن»). */
function countedNoun(reader: Reader, p: ParsedNumber, sentenceEnd: number, shared: boolean): { tokens: number[]; partitive: boolean } {
  let k = p.end, partitive = false;
  if (reader.inSet(k, reader.lang.partitives) && !shared) { partitive = true; k++; }
  const tokens: number[] = [];
  for (let j = k; j < sentenceEnd && tokens.length < 3; j++) {
    if (reader.isNumber(j) || (reader.isPunct(j) && !QUOTES.has(reader.words[j]))) break;
    if (reader.inSet(j, reader.lang.stopwords) && tokens.length) break;
    if (reader.isWord(j) && !reader.lang.bareClitics.has(reader.words[j])) tokens.push(j);
  }
  return { tokens, partitive };
}

interface Quantity { measure?: MeasureEntry; group?: string; whole?: string }

/** What the figure measures: the unit after it, else the event named before it («قتل أكثر من …»), else an
 * event named after it («85% من سكان غزة إلى النزوح»). */
function quantityOf(reader: Reader, p: ParsedNumber, phraseTok: number, noun: { tokens: number[]; partitive: boolean }, range: [number, number]): Quantity {
  const firstNoun = noun.tokens[0];
  const nounHit = firstNoun !== undefined && !(p.percent && noun.partitive) ? reader.measureAt(firstNoun)?.m : undefined;
  // The nearest event or counted noun before the figure; units there («اليوم الإضافي») name something else.
  let beforeHit: MeasureEntry | undefined;
  for (let j = phraseTok - 1; j >= Math.max(range[0], phraseTok - EVENT_REACH); j--) {
    if (reader.isNumber(j)) break;
    const h = reader.measureAt(j);
    if (h && h.m.type !== 'unit') { beforeHit = h.m; break; }
  }
  const q: Quantity = {};
  if (p.percent && noun.partitive && firstNoun !== undefined) q.whole = reader.stem(firstNoun);
  if (nounHit?.type === 'unit' && !(nounHit.id === 'duration' && beforeHit?.type === 'event')) q.measure = nounHit;
  else if (beforeHit?.type === 'event') {
    q.measure = beforeHit;
    if (nounHit && nounHit.type === 'noun') q.group = nounHit.id; // «قتل 5 أطفال»: killed, children
  } else if (nounHit) q.measure = nounHit;
  else if (beforeHit) q.measure = beforeHit;
  else {
    for (let j = p.end; j < Math.min(range[1], p.end + 8); j++) {
      if (reader.isNumber(j)) break;
      const h = reader.measureAt(j);
      if (h && h.m.type === 'event') { q.measure = h.m; break; }
    }
  }
  for (const j of noun.tokens.slice(0, 2)) {
    const g = reader.lang.groups.match(reader.words, j, reader.forms(j));
    if (g) { q.group = g.value; break; }
  }
  return q;
}

function placesAround(reader: Reader, i: number, end: number, range: [number, number]): string[] {
  const places = new Set<string>();
  for (let j = Math.max(range[0], i - PLACE_WINDOW); j < Math.min(range[1], end + PLACE_WINDOW); j++) {
    if (!reader.isWord(j)) continue;
    const pl = reader.lang.places.match(reader.words, j, reader.forms(j));
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

function readFigure(reader: Reader, i: number, p: ParsedNumber, sentence: number, range: [number, number], isSourceCount: boolean, withContext: boolean): Figure {
  const shared = sharedScale(reader, p);
  if (shared) p.value *= shared;
  let kind: FigureKind = nonClaimKind(reader, i, p) ?? (p.percent ? 'percent' : 'count');
  if (isSourceCount) kind = 'source-count';
  let { hedge, phraseTok } = hedgeBefore(reader, i, range[0]);
  const noun = countedNoun(reader, p, range[1], !!shared);
  if (!hedge && noun.tokens.length) {
    for (const j of [p.end, noun.tokens[0] + 1]) {
      const h = reader.lang.hedgesAfter.match(reader.words, j, reader.forms(j));
      if (h) { hedge = h.value; break; }
    }
  }
  const q = quantityOf(reader, p, phraseTok, noun, range);
  const firstNoun = noun.tokens[0];
  const o = reader.orig(i, p.end - 1);
  return {
    start: o.start, end: o.end, phraseStart: reader.origStart(phraseTok),
    value: p.value, hedge, kind, measure: q.measure?.id, group: q.group, places: placesAround(reader, i, p.end, range), whole: q.whole,
    noun: firstNoun !== undefined && !reader.inSet(firstNoun, reader.lang.genericNouns) ? reader.stem(firstNoun) : undefined,
    sentence, context: withContext ? contextAround(reader, i, phraseTok, p.end, range) : [],
  };
}

export function readFigures(reader: Reader, sentences: SentenceTokens, sourceCountToks: Set<number>, withContext: boolean): Figure[] {
  const out: Figure[] = [];
  let i = 0;
  while (i < reader.tokens.length) {
    const p = parseNumberAt(reader, i);
    if (!p) { i++; continue; }
    const s = sentences.of(i);
    out.push(readFigure(reader, i, p, s, sentences.ranges[s], sourceCountToks.has(i), withContext));
    i = p.end;
  }
  return out;
}
