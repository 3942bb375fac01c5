// Reads one text (a draft or a corpus article) into sentences, figures and attributions. The same code reads
// both sides, so a figure in a draft and the same figure in the corpus always agree on what they measure.
import { toOriginal } from '../normalize';
import { splitSentences } from '../tokens';
import type { Language, HedgeKind } from '../language';
import { Reader } from './reader';
import { readFigures, SentenceTokens } from './figures';
import { readAttributions } from './attributions';

export type FigureKind = 'count' | 'percent' | 'year' | 'date' | 'time' | 'clause' | 'phone' | 'model' | 'source-count';

export interface Figure {
  /** Original offsets of the number with its scale word and percent sign. */
  start: number;
  end: number;
  /** Original offset where the claim's wording starts (the hedge, if any): what a replacement replaces. */
  phraseStart: number;
  value: number;
  hedge?: HedgeKind;
  kind: FigureKind;
  measure?: string;
  group?: string;
  places: string[];
  /** For a percentage: the whole it is taken of («سكان», «البنية»). */
  whole?: string;
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
  /** Light stems of content words, in order, and where each word starts in the original text. */
  terms: string[];
  termStarts: number[];
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

/** `draft: false` (corpus articles) skips what only a draft's figures need: the context words of each figure. */
export function readText(original: string, lang: Language, opts: { draft?: boolean } = {}): Reading {
  const reader = new Reader(original, lang);
  const sents = splitSentences(reader.n.text);
  const st = sentenceTokens(reader, sents);
  const sentences: SentenceInfo[] = sents.map((s, idx) => {
    const [a, b] = st.ranges[idx];
    const terms: string[] = [], termStarts: number[] = [];
    for (let k = a; k < b; k++) if (reader.isContent(k)) { terms.push(reader.stem(k)); termStarts.push(reader.origStart(k)); }
    return { ...toOriginal(reader.n, s.start, s.end), terms, termStarts };
  });
  const { list: attributions, countToks } = readAttributions(reader, st.ranges);
  const figures = readFigures(reader, st, countToks, opts.draft ?? true);
  return { sentences, figures, attributions };
}
