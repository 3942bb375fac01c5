// Reads one text (a draft or a corpus article) into sentences, figures and attributions. The same code reads
// both sides, so a figure in a draft and the same figure in the corpus always agree on what they measure.
import { toOriginal } from '../normalize';
import { splitSentences } from '../tokens';
import type { Language, HedgeKind } from '../language';
import type { Period } from './time';
import { isoDay } from './time';
import { Reader } from './reader';
import { readFigures, SentenceTokens } from './figures';
import { readAttributions } from './attributions';
import { readEntities, EntityMention } from './entities';
import { relatedBlocks, inBlocks } from './related';

export type FigureKind = 'count' | 'percent' | 'year' | 'date' | 'time' | 'clause' | 'phone' | 'model' | 'source-count' | 'score';

/** How a percentage relates to its whole: a part of it, a rate at a time, or a change. */
export type RateKind = 'share' | 'level' | 'change';

export interface Figure {
  /** Original offsets of the number with its scale word and percent sign. */
  start: number;
  end: number;
  /** Original offset where the claim's wording starts (the hedge, if any): what a replacement replaces. */
  phraseStart: number;
  /** The number (for a range or a vague quantity, its low end). */
  value: number;
  /** The interval the words give: «بين 20 و30 ألفا», «عشرات». */
  range?: { lo: number; hi: number };
  /** A vague plural's loose upper end («ملايين المستخدمين» for 87 million): no value up to it contradicts it. */
  reach?: number;
  hedge?: HedgeKind;
  kind: FigureKind;
  measure?: string;
  /** Money and prices: the currency («USD», «EGP»); a duration: its unit («day», «week», «year»). */
  unit?: string;
  group?: string;
  places: string[];
  /** For a percentage (or a change): the whole it is taken of, or the subject whose rate or change it is
   * («سكان», «صادر نفط», «بطال»), as light stems. */
  whole?: string;
  rate?: RateKind;
  /** The size of a change («ارتفع 120 نقطة», «زادت 3 مليارات»), not a level. */
  change?: boolean;
  /** «عشرات», «آلاف»: a vague quantity. */
  vague?: boolean;
  /** «لم يقتل أي شخص»: a stated zero. */
  zero?: boolean;
  /** An amount converted from another currency («(533 مليون دولار)»): approximate. */
  converted?: boolean;
  /** A period length stated as such («لمدة 15 يوما»): comparable with the same event's. */
  lengthStated?: boolean;
  /** When the figure holds, as its sentence says («في 2017», «الأحد», «نهاية مارس»), resolved against the
   * article's date. */
  when?: Period;
  /** A running total («ارتفعت حصيلة», «منذ بدء», «رصيده»): it changes from one report to the next. */
  running?: boolean;
  /** «لا يزال نحو 711 طفلا مفصولين»: a count of what still holds — running, but it may fall as well as grow. */
  current?: boolean;
  /** Its sentence names one incident («في عملية», «بغارة»): a toll of that incident. */
  incident?: boolean;
  /** «منهم 13 طفلا»: a part of the figure before it. */
  part?: boolean;
  /** Its sentence goes on with the event the sentence before told («وأسفر الحادث عن مقتل 10 أشخاص»): what that
   * sentence says of the event (the place, the day, who) is this figure's context too. */
  continues?: boolean;
  /** How many of its sentence's terms stand before the figure: where it sits among them. */
  termAt: number;
  /** Its clause (between commas) as a range of its sentence's terms. */
  clause: [number, number];
  /** Light stem of the counted noun or unit. */
  noun?: string;
  sentence: number;
  /** Light stems of the content words around the figure, for context matching (drafts only). */
  context: string[];
}

export interface SourceSpan { id: string; start: number; end: number }

export interface Attribution {
  start: number;
  end: number;
  sentence: number;
  sources: SourceSpan[];
  /** «ذكرت الصحيفة», «ونقلت عن …» without a name: the source is the last one named before. */
  unresolved: boolean;
  count?: { n: number; kind: string; start: number; end: number };
}

export interface SentenceInfo {
  start: number;
  end: number;
  /** Light stems of content words, in order, and where each word starts in the original text (in a draft,
   * only for a sentence that holds a figure or an attribution). */
  terms: string[];
  termStarts: number[];
  /** Named entities, with their position among the terms. */
  entities: EntityMention[];
}

/** What reading a text finds in it. */
export interface Reading {
  sentences: SentenceInfo[];
  figures: Figure[];
  attributions: Attribution[];
}

export const CLAIM_KINDS: ReadonlySet<FigureKind> = new Set<FigureKind>(['count', 'percent']);

/** Token ranges per sentence, and each token's sentence. */
function sentenceTokens(reader: Reader, sents: { start: number; end: number }[]): SentenceTokens {
  const ranges: [number, number][] = [];
  const ofTok = new Int32Array(reader.tokens.length);
  let t = 0;
  sents.forEach((s, idx) => {
    while (t < reader.tokens.length && reader.tokens[t].end <= s.start) { ofTok[t] = Math.max(0, idx - 1); t++; }
    const from = t;
    while (t < reader.tokens.length && reader.tokens[t].start < s.end) { ofTok[t] = idx; t++; }
    ranges.push([from, t]);
  });
  return { ranges, of: tok => ofTok[tok] };
}

/** A unit's words («كيلومترات مربعة», «دولار») are terms marked as such: search and a claim's words use them as any
 * other, but the same-fact judgement gives them no weight — two figures are compared only when their measures
 * are the same, so their units say nothing more of the fact (the area of a shelter and of a city shared two of
 * their four words by them). */
export const UNIT_MARK = '#u:';

/** The words that name an event are one term whichever of them a writer chose: «قتل», «لقي حتفه» and «أودى بحياة»
 * all read «#killed», so two tellings of one toll share it; so does the word that closes a split idiom after its
 * count («لقي 20 شخصا حتفهم»). A unit at k: how many words it has (see UNIT_MARK). */
function cueTerm(reader: Reader, k: number, range: [number, number]): { event?: string; unitLength?: number } {
  const h = reader.measureAt(k, range);
  if (h) return h.m.type === 'event' ? { event: `#${h.m.id}` } : h.m.type === 'unit' ? { unitLength: h.len } : {};
  const after = reader.phraseAt(reader.lang.afterCues, k)?.value;
  return after?.type === 'event' ? { event: `#${after.id}` } : {};
}

export interface ReadOptions {
  /** false (corpus articles) skips what only a draft's figures need: the context words of each figure. */
  draft?: boolean;
  /** The article's date (YYYY-MM-DD), for relative dates («أمس», «الأحد»). */
  date?: string;
  /** false when the caller has already left out the links to other stories (analyze, for the whole draft). */
  related?: boolean;
}

export function readText(original: string, lang: Language, opts: ReadOptions = {}): Reading {
  const reader = new Reader(original, lang, isoDay(opts.date));
  const draft = opts.draft ?? true;
  const sents = splitSentences(reader.n.text);
  const st = sentenceTokens(reader, sents);
  const { list, countToks } = readAttributions(reader, st.ranges);
  const related = opts.related === false ? [] : relatedBlocks(original, lang);
  const figures = readFigures(reader, st, countToks, draft).filter(f => !inBlocks(related, f.start));
  const attributions = list.filter(a => !inBlocks(related, a.start));
  // A draft's sentence is compared only when it holds a figure or an attribution: the others keep no words (a
  // pasted book reads in half the time). An index keeps every sentence's words for search.
  let used: Set<number> | undefined;
  if (draft) {
    used = new Set();
    for (const f of figures) { used.add(f.sentence); if (f.continues) used.add(f.sentence - 1); }
    for (const a of attributions) used.add(a.sentence);
  }
  // Pushed, not mapped (see the words in Reader): one kind of array whichever compiler made it.
  const sentences: SentenceInfo[] = [];
  sents.forEach((s, idx) => sentences.push(sentenceInfo(reader, s, st.ranges[idx], !used || used.has(idx))));
  return { sentences, figures, attributions };
}

/** A sentence's place, and (when `compared`) its terms and named entities; `range` is its tokens. */
function sentenceInfo(reader: Reader, s: { start: number; end: number }, range: [number, number], compared: boolean): SentenceInfo {
  const where = toOriginal(reader.n, s.start, s.end);
  if (!compared) return { ...where, terms: [], termStarts: [], entities: [] };
  const [a, b] = range;
  const terms: string[] = [], termStarts: number[] = [];
  for (let k = a, unitEnd = a; k < b; k++) {
    if (!reader.isContent(k)) continue;
    const cue = k < unitEnd ? {} : cueTerm(reader, k, [a, b]);
    if (cue.unitLength) unitEnd = k + cue.unitLength;
    terms.push(cue.event ?? (k < unitEnd ? UNIT_MARK + reader.stem(k) : reader.stem(k))); termStarts.push(reader.origStart(k));
  }
  return { ...where, terms, termStarts, entities: readEntities(reader, range) };
}
