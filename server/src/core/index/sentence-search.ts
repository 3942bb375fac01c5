// Sentence retrieval and scoring over the index's columns: BM25 (with idf from sentence document frequencies)
// for search, and idf-weighted coverage of a query for deciding how much two sentences share.
import type { Column, IdLists } from './columns';
import type { SentenceHit } from './store';

/** BM25 parameters (exported for a database that ranks by the same formula). */
export const K1 = 1.2, B = 0.75;

export interface SearchOptions {
  /** Score at most this many of the query's terms, the rarest (default 12). */
  terms?: number;
  /** Once something matched, skip terms in more than this share of the sentences (default 0.05). */
  maxDfShare?: number;
}

/** The query terms search scores, rarest first: at most `opts.terms` of them, and a very common one only while
 * nothing has matched yet. A function of the query and the document frequencies alone, so a store that fetches
 * postings ahead of a check (the shared archive) knows which lists search will read. */
export function scannedTerms(query: ArrayLike<number>, df: ArrayLike<number>, liveSentences: number, opts: SearchOptions = {}): number[] {
  const seen = new Set<number>();
  const terms = Array.from(query).filter(t => t >= 0 && !seen.has(t) && seen.add(t)).sort((a, b) => df[a] - df[b]).slice(0, opts.terms ?? 12);
  const maxDf = Math.max(50, liveSentences * (opts.maxDfShare ?? 0.05));
  const out: number[] = [];
  let matched = false;
  for (const t of terms) {
    if (df[t] > maxDf && matched) continue;
    out.push(t);
    if (df[t] > 0) matched = true;
  }
  return out;
}

/** A term's inverse document frequency among `liveSentences` sentences (BM25's, never negative). */
export function idfOf(df: number, liveSentences: number): number {
  const n = Math.max(1, liveSentences);
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** The mean number of terms of a sentence. */
export const meanLength = (totalLength: number, liveSentences: number) => totalLength / Math.max(1, liveSentences);

/** BM25's term-frequency saturation and length normalisation for a matched term (tf = 1: sentences are short). */
export function lengthNorm(len: number, avg: number) {
  return (K1 + 1) / (1 + K1 * (1 - B + B * len / avg));
}

/** What search reads from the index. */
export interface SearchColumns {
  df: Column<Int32Array>;
  /** Where each sentence's term ids start in `terms`. */
  termStart: Column<Int32Array>;
  terms: Column<Int32Array>;
  postings: IdLists;
  vocabSize(): number;
  liveSentences(): number;
  totalLength(): number;
  alive(sentence: number): boolean;
}

export class SentenceSearch {
  private acc?: Float64Array;
  private mark = new Int32Array(0);
  private markStamp = 0;
  // The current query's weights by term id, so scoring a candidate sentence is array reads, not map lookups:
  // a figure of a common measure has thousands of candidates.
  private qWeights = new Float64Array(0);
  private qStamp = new Int32Array(0);
  private stamp = 0;
  private lastQuery?: Map<number, number>;
  private qTotal = 0;
  private qIds: number[] = [];

  constructor(private readonly c: SearchColumns) {}

  idf(termId: number): number {
    return idfOf(termId >= 0 && termId < this.c.df.n ? this.c.df.a[termId] : 0, this.c.liveSentences());
  }

  private termEnd(s: number) { return s + 1 < this.c.termStart.n ? this.c.termStart.a[s + 1] : this.c.terms.n; }
  sentenceTerms(s: number): Int32Array { return this.c.terms.a.subarray(this.c.termStart.a[s], this.termEnd(s)); }

  avgLength() { return meanLength(this.c.totalLength(), this.c.liveSentences()); }

  sentencesWithAny(terms: number[]): (sentence: number) => boolean {
    const n = this.c.termStart.n;
    if (this.mark.length < n) this.mark = new Int32Array(Math.max(1024, n * 1.25 | 0));
    const stamp = ++this.markStamp, mark = this.mark;
    for (const t of terms) {
      if (t < 0) continue;
      for (const list of this.c.postings.parts(t)) for (let i = 0; i < list.length; i++) mark[list[i]] = stamp;
    }
    return s => mark[s] === stamp;
  }

  private setQuery(query: Map<number, number>) {
    for (const t of this.qIds) this.qWeights[t] = 0;
    const size = this.c.vocabSize();
    if (this.qWeights.length < size) { this.qWeights = new Float64Array(size * 1.25 | 0); this.qStamp = new Int32Array(this.qWeights.length); }
    this.qIds = []; this.qTotal = 0;
    for (const [t, w] of query) { this.qTotal += w; if (t >= 0) { this.qWeights[t] = w; this.qIds.push(t); } }
    this.lastQuery = query;
  }

  score(query: Map<number, number>, sentence: number): { coverage: number; bm25: number } {
    if (query !== this.lastQuery) this.setQuery(query);
    const flat = this.c.terms.a, from = this.c.termStart.a[sentence], to = this.termEnd(sentence);
    const stamp = ++this.stamp;
    let num = 0;
    for (let i = from; i < to; i++) {
      const t = flat[i];
      const w = this.qWeights[t];
      if (w === 0 || this.qStamp[t] === stamp) continue;
      this.qStamp[t] = stamp;
      num += w;
    }
    return { coverage: this.qTotal ? num / this.qTotal : 0, bm25: num * lengthNorm(to - from, this.avgLength()) };
  }

  search(query: Int32Array, k: number, opts: SearchOptions = {}): SentenceHit[] {
    const n = this.c.termStart.n;
    if (!this.acc || this.acc.length < n) this.acc = new Float64Array(Math.max(n, 1024) * 1.5 | 0);
    const acc = this.acc;
    const touched: number[] = [];
    const avg = this.avgLength();
    for (const t of scannedTerms(query, this.c.df.a, this.c.liveSentences(), opts)) {
      const idf = this.idf(t);
      for (const list of this.c.postings.parts(t)) {
        for (let i = 0; i < list.length; i++) {
          const s = list[i];
          if (acc[s] === 0) touched.push(s);
          acc[s] += idf * lengthNorm(this.termEnd(s) - this.c.termStart.a[s], avg);
        }
      }
    }
    return this.topK(touched, k);
  }

  /** Top k of the touched sentences by score, then sentence number: by selection, not by sorting them all (common
   * words touch tens of thousands); clears the accumulator. */
  private topK(touched: number[], k: number): SentenceHit[] {
    const acc = this.acc!;
    const hits: SentenceHit[] = [];
    let floor = -Infinity;
    for (const s of touched) {
      const score = acc[s];
      acc[s] = 0;
      // A tie with the k-th best is kept: the final order (score, then sentence) decides, whatever the order the
      // sentences were touched in, so a store holding only part of the postings ranks the same.
      if (score < floor || !this.c.alive(s)) continue;
      hits.push({ sentence: s, score });
      if (hits.length > k * 4) {
        hits.sort((x, y) => y.score - x.score || x.sentence - y.sentence);
        hits.length = k;
        floor = hits[k - 1].score;
      }
    }
    hits.sort((x, y) => y.score - x.score || x.sentence - y.sentence);
    return hits.slice(0, k);
  }
}
