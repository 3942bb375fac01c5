// What a check asks of a corpus that is not in memory (the shared PostgreSQL archive, or several corpora checked as
// one), in a form any source can answer in a few round trips: words by their text, the candidate figures of each
// draft figure, the best sentences for each attribution's claim, and the rows of the sentences those name.
//
// Every source numbers its own articles; an article is identified by (source, order), where `order` is the
// article's position in its source (the order it was indexed in). The checks break ties by that order, so the
// prefetched store keeps it: articles sort by source, then order; sentences and figures by their article, then
// their position in it.
import type { Attribution } from '../read/read-text';
import type { EntityMention } from '../read/entities';
import type { ArticleMeta, SectionOutlet } from '../index/store';
import type { FigureRow } from '../index/article-rows';

/** Corpus-wide counts: what idf and BM25's length normalisation need. */
export interface CorpusStats { liveSentences: number; totalLength: number; articles: number }

/** Words a check looks up: corpus-wide document frequency of each word some sentence holds (or held). */
export interface TermInfo { stats: CorpusStats; df: Map<string, number> }

/** The figures that may state the same quantity as one draft figure (see figureCandidates in store.ts), in
 * sentences holding one of the anchor words. A source returns them all when there are at most `retrieve`; else at
 * least the `retrieve` best by the summed weights of the query words their sentences hold, and every figure tied
 * with the last of those. */
export interface CandidateRequest {
  key: string;
  group?: string;
  places: string[];
  anchors: string[];
  /** The query words (distinct, known to the corpus) and their weights. */
  query: { terms: string[]; weights: number[] };
  retrieve: number;
}

/** BM25 over sentences for the words `terms` (in the order search scores them), with their idf: a source returns
 * at least the `k` best sentences and every sentence tied with the last of those. */
export interface SearchRequest { terms: string[]; idf: number[]; k: number; avgLength: number }

export interface ArticleRef { source: number; order: number }
export interface SentenceRef extends ArticleRef { idx: number }
/** A figure: its position among its article's figures, and its sentence's position in the article. */
export interface FigureRef extends ArticleRef { idx: number; sentence: number }

export interface FetchedArticle extends ArticleRef {
  meta: ArticleMeta;
  sentenceCount: number;
  attributions: Attribution[];
  sectionOutlets: SectionOutlet[];
  titleEntities?: EntityMention[];
  titleTerms?: string[];
  /** MinHash signature of its words (see near-duplicates.ts): the store groups one story's copies with it. */
  signature?: number[];
  /** Offsets where each line of the text starts, and the text's length (UTF-16 units): enough to place a passage
   * on its line without the whole text. */
  lineStarts: number[];
  textLength: number;
  /** From a shared archive rather than a local file. */
  archived?: boolean;
}

export interface FetchedSentence extends SentenceRef {
  start: number;
  end: number;
  terms: string[];
  entities: EntityMention[];
  /** The article text around the sentence: the sentence and its figures' and attributions' wording. */
  span: { start: number; text: string };
}

export interface FetchedFigure extends FigureRef { row: FigureRow }

/** Rows a source returns for sentences: their articles, the sentences, and every figure in them. */
export interface FetchedRows { articles: FetchedArticle[]; sentences: FetchedSentence[]; figures: FetchedFigure[] }

/** One corpus that a check reads through requests. Refs in answers carry the source's own number. */
export interface CorpusSource {
  readonly name: string;
  terms(texts: string[]): Promise<TermInfo>;
  /** Candidates for each figure request and hits for each search request, in the source's order. */
  retrieve(figures: CandidateRequest[], searches: SearchRequest[]): Promise<{ figures: FigureRef[][]; searches: SentenceRef[][] }>;
  /** The rows of these sentences (each with its article and its figures). */
  rows(sentences: SentenceRef[]): Promise<FetchedRows>;
}

/** Tied scores are compared with this much room: a database sums the same weights in another order. */
export const SCORE_EPSILON = 1e-9;

export const candidateKey = (key: string, group: string | undefined, places: string[], anchors: string[]) =>
  JSON.stringify([key, group ?? null, [...places].sort(), [...anchors].sort()]);
export const searchKey = (terms: string[], k: number) => JSON.stringify([terms, k]);
export const articleRefKey = (r: ArticleRef) => `${r.source}:${r.order}`;
export const sentenceRefKey = (r: SentenceRef) => `${r.source}:${r.order}:${r.idx}`;
export const figureRefKey = (r: FigureRef) => `${r.source}:${r.order}:f${r.idx}`;

/** Source order, then position: the order of the corpus as one. */
export function compareRefs(a: ArticleRef & { idx?: number }, b: ArticleRef & { idx?: number }): number {
  return a.source - b.source || a.order - b.order || (a.idx ?? 0) - (b.idx ?? 0);
}

/** The best `n` of scored items and every item tied with the n-th (within SCORE_EPSILON): what a source returns
 * for a request ranked by a score. */
export function bestWithTies<T>(items: T[], score: (x: T) => number, n: number): T[] {
  if (items.length <= n) return items;
  const sorted = items.map(score).sort((a, b) => b - a);
  const floor = sorted[n - 1] - SCORE_EPSILON * Math.max(1, Math.abs(sorted[n - 1]));
  return items.filter(x => score(x) >= floor);
}
