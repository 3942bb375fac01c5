// Rows already fetched from the archive, kept between checks. Safe without invalidation: an article's rows never
// change under its id (a changed article is written again under a new id, and a deleted one is never named by a
// later query), and a term's text never changes. Bounded, oldest first out.
import type { FigureRow } from '../core/index/article-rows';
import type { FetchedArticle } from '../core/prefetch/requests';
import type { EntityMention } from '../core/read/entities';

export interface CachedSentence {
  id: number;
  terms: number[];
  row: { start: number; end: number; entities: EntityMention[] };
  span: { start: number; text: string };
  /** The sentence's figures: their positions among the article's figures, and their rows. */
  figures: [number, FigureRow][];
}

export type CachedArticle = Omit<FetchedArticle, 'source'>;

/** A Map that forgets its oldest entries beyond `max`. */
export class Bounded<K, V> {
  private readonly m = new Map<K, V>();
  constructor(private readonly max: number) {}
  get(k: K): V | undefined { return this.m.get(k); }
  has(k: K) { return this.m.has(k); }
  set(k: K, v: V) {
    this.m.set(k, v);
    if (this.m.size > this.max) this.m.delete(this.m.keys().next().value as K);
  }
  get size() { return this.m.size; }
}

export class RowCache {
  readonly termText = new Bounded<number, string>(2_000_000);
  readonly sentences = new Bounded<string, CachedSentence>(200_000);
  readonly articles = new Bounded<number, CachedArticle>(50_000);
}

export const sentenceCacheKey = (article: number, idx: number) => `${article}:${idx}`;
