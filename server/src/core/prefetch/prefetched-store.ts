// A CandidateStore over exactly the rows fetched for one draft (from the shared archive, or from several corpora
// checked as one), with the whole corpus's document frequencies and sentence counts: analyze() runs on it
// unchanged and finds what it would find on the whole corpus held in memory.
//
// Numbering: the fetched articles, in corpus order (source, then position), each get a block of sentence numbers
// as long as the article, so `firstSentence + position` names a sentence as in the in-memory index, and every
// tie the checks break by sentence or figure number breaks the same way. Anything asked for that was not fetched
// is recorded as a miss (and answered as if absent): the caller fetches the misses and runs the check again.
import type { Language } from '../language';
import { Column, IdLists } from '../index/columns';
import { SentenceSearch, SearchOptions, scannedTerms, idfOf } from '../index/sentence-search';
import { articleCredits } from '../index/credits';
import { StoryClusters } from '../index/near-duplicates';
import { sentenceFacts } from '../index/sentence-facts';
import type { CandidateStore, ArticleRecord, StoredFigure, Credits, SentenceHit, SentenceFacts } from '../index/store';
import type { EntityMention } from '../read/entities';
import { shapedFigure } from '../read/figure-shape';
import type { FigureRow } from '../index/article-rows';
import { Misses, CandidateMiss } from './misses';
import { sparseText } from './sparse-text';
import {
  TermInfo, FetchedArticle, FetchedSentence, FetchedFigure, FigureRef, SentenceRef, candidateKey, searchKey, articleRefKey,
  compareRefs, figureRefKey,
} from './requests';

/** A candidate list as fetched: complete, or the best by each of `queries` (see CandidateRequest; two draft
 * figures may share the key and the anchors but not the query, and the union of their bests serves both). */
export interface FetchedCandidates { refs: FigureRef[]; complete: boolean; queries: Map<string, number>[] }

/** Everything fetched for one draft. */
export interface Prefetched {
  info: TermInfo;
  /** Every word looked up, whether the corpus knows it or not. */
  lookedUp: Set<string>;
  articles: FetchedArticle[];
  sentences: FetchedSentence[];
  figures: FetchedFigure[];
  candidates: Map<string, FetchedCandidates>;
  /** The searches fetched (by searchKey): their hits are among the fetched sentences. */
  searches: Set<string>;
}

interface SentenceData { start: number; end: number; entities: EntityMention[]; figures: number[] }
/** A figure as fetched; its StoredFigure is made when the check asks for it (most are only a sentence's peers). */
interface FigureEntry { row: FigureRow; sentence: number; stored?: StoredFigure }

export class PrefetchedStore implements CandidateStore {
  readonly misses = new Misses();
  private readonly vocab: string[] = [];
  private readonly vocabIds = new Map<string, number>();
  /** Per vocabulary id: 1 when the corpus knows the word and its document frequency was fetched. */
  private dfKnown = new Uint8Array(0);
  private readonly df = Column.ints();
  private readonly termStart = Column.ints();
  private readonly terms = Column.ints();
  private readonly postings = new IdLists();
  private readonly searcher: SentenceSearch;
  private readonly articles: ArticleRecord[] = [];
  private readonly fetchedArticles: FetchedArticle[] = [];
  private readonly byKey = new Map<string, ArticleRecord>();
  /** Per sentence number: its article's position in `articles`, and its rows when fetched. */
  private sArticle = new Int32Array(0);
  private readonly sentences: (SentenceData | undefined)[] = [];
  private readonly spans = new Map<ArticleRecord, { start: number; text: string }[]>();
  private readonly figureList: FigureEntry[] = [];
  private readonly figureIds = new Map<string, number>();
  private readonly anchorsOf = new WeakMap<object, number[]>();
  /** A ranked (incomplete) candidate list was just handed out: the next score() shows the query it is ranked by. */
  private pendingRank?: { entry: FetchedCandidates; request: CandidateMiss };
  private readonly texts = new Map<ArticleRecord, string>();
  private readonly fetchedOf = new Map<ArticleRecord, FetchedArticle>();

  constructor(readonly lang: Language, private readonly data: Prefetched) {
    this.searcher = new SentenceSearch({
      df: this.df, termStart: this.termStart, terms: this.terms, postings: this.postings,
      vocabSize: () => this.vocab.length, liveSentences: () => data.info.stats.liveSentences, totalLength: () => data.info.stats.totalLength,
      alive: () => true,
    });
    for (const [t, d] of data.info.df) { const id = this.intern(t); this.df.a[id] = d; this.dfKnown[id] = 1; }
    this.placeArticles();
    this.placeSentences();
    this.placeFigures();
    this.indexSearchedTerms();
  }

  private intern(t: string): number {
    let id = this.vocabIds.get(t);
    if (id !== undefined) return id;
    id = this.vocab.length;
    this.vocab.push(t);
    this.vocabIds.set(t, id);
    this.df.push(0);
    if (id >= this.dfKnown.length) { const b = new Uint8Array(Math.max(64, id * 2)); b.set(this.dfKnown); this.dfKnown = b; }
    return id;
  }

  /** Articles in corpus order, each with a block of sentence numbers as long as the article. */
  private placeArticles() {
    const sorted = [...this.data.articles].sort(compareRefs);
    // Stories among the fetched articles, in corpus order as the index adds them: copies of one wire story that a
    // check meets are one source here too.
    const stories = new StoryClusters();
    let next = 0;
    for (const a of sorted) {
      const record: ArticleRecord = {
        meta: a.meta, firstSentence: next, sentenceCount: a.sentenceCount, attributions: a.attributions, sectionOutlets: a.sectionOutlets,
        alive: true, ...(a.titleEntities ? { titleEntities: a.titleEntities, titleTerms: a.titleTerms } : {}), ...(a.archived ? { archived: true } : {}),
        ...(a.signature ? { signature: a.signature, story: stories.add(this.articles.length, a.signature) } : {}),
      };
      this.articles.push(record);
      this.fetchedArticles.push(a);
      this.fetchedOf.set(record, a);
      this.byKey.set(a.meta.key, record);
      next += a.sentenceCount;
    }
    this.sArticle = new Int32Array(next);
    this.articles.forEach((r, i) => this.sArticle.fill(i, r.firstSentence, r.firstSentence + r.sentenceCount));
    this.sentences.length = next;
  }

  private articleIndex = new Map<string, number>();
  private recordOf(ref: { source: number; order: number }): ArticleRecord | undefined {
    if (!this.articleIndex.size) this.fetchedArticles.forEach((a, i) => this.articleIndex.set(articleRefKey(a), i));
    const i = this.articleIndex.get(articleRefKey(ref));
    return i === undefined ? undefined : this.articles[i];
  }

  /** Sentence rows at their numbers; term columns for every number (empty where nothing was fetched). */
  private placeSentences() {
    const rows: (FetchedSentence | undefined)[] = new Array(this.sentences.length);
    for (const s of this.data.sentences) {
      const a = this.recordOf(s);
      if (!a) continue;
      rows[a.firstSentence + s.idx] = s;
      this.sentences[a.firstSentence + s.idx] = { start: s.start, end: s.end, entities: s.entities, figures: [] };
      (this.spans.get(a) ?? this.spans.set(a, []).get(a)!).push(s.span);
    }
    for (let n = 0; n < rows.length; n++) {
      this.termStart.push(this.terms.n);
      for (const t of rows[n]?.terms ?? []) this.terms.push(this.intern(t));
    }
  }

  /** Figures numbered in corpus order, each listed under its sentence. */
  private placeFigures() {
    for (const f of [...this.data.figures].sort(compareRefs)) {
      const a = this.recordOf(f);
      const sentence = a && this.sentences[a.firstSentence + f.sentence];
      if (!a || !sentence || this.figureIds.has(figureRefKey(f))) continue;
      const id = this.figureList.length;
      this.figureList.push({ row: f.row, sentence: a.firstSentence + f.sentence });
      this.figureIds.set(figureRefKey(f), id);
      sentence.figures.push(id);
    }
  }

  /** Postings of the words the fetched searches score, over the fetched sentences. */
  private indexSearchedTerms() {
    const wanted = new Set<number>();
    for (const k of this.data.searches) for (const t of (JSON.parse(k) as [string[], number])[0]) wanted.add(this.intern(t));
    for (let s = 0; s < this.sentences.length; s++) {
      if (!this.sentences[s]) continue;
      const seen = new Set<number>();
      for (const t of this.searcher.sentenceTerms(s)) if (wanted.has(t) && !seen.has(t)) { seen.add(t); this.postings.push(t, s); }
    }
  }

  private fetched(s: number, why: string): SentenceData | undefined {
    const d = this.sentences[s];
    if (!d) {
      const a = this.articles[this.sArticle[s]];
      const ref = a && this.fetchedArticles[this.sArticle[s]];
      this.misses.sentence(ref ? { source: ref.source, order: ref.order, idx: s - a.firstSentence } : undefined, why);
    }
    return d;
  }

  get articleCount() { return this.data.info.stats.articles; }
  article(key: string) { return this.byKey.get(key); }

  /** The article's text where passages can show it (the fetched sentences), blanks elsewhere, line breaks kept. */
  articleText(a: ArticleRecord): string {
    let t = this.texts.get(a);
    if (t === undefined) {
      const f = this.fetchedOf.get(a);
      t = f ? sparseText(f.textLength, f.lineStarts, this.spans.get(a) ?? []) : '';
      this.texts.set(a, t);
    }
    return t;
  }

  termId(term: string): number {
    if (!this.data.lookedUp.has(term)) { this.misses.term(term); return -1; }
    const id = this.vocabIds.get(term);
    return id !== undefined && this.dfKnown[id] ? id : -1;
  }
  private knownDf(id: number): number {
    if (id < 0) return 0;
    if (!this.dfKnown[id]) this.misses.term(this.vocab[id]);
    return this.df.a[id];
  }
  idf(termId: number) { return idfOf(this.knownDf(termId), this.data.info.stats.liveSentences); }
  termDf(termId: number) { return this.knownDf(termId); }

  search(query: Int32Array, k: number, opts?: SearchOptions): SentenceHit[] {
    const terms = scannedTerms(query, this.df.a, this.data.info.stats.liveSentences, opts).map(t => this.vocab[t]);
    terms.forEach(t => this.knownDf(this.vocabIds.get(t)!));
    if (!this.data.searches.has(searchKey(terms, k))) { this.misses.search(terms, k); return []; }
    return this.searcher.search(query, k, opts);
  }

  sentencesWithAny(terms: number[]): (sentence: number) => boolean {
    const set = new Set(terms);
    const test = (s: number) => Array.from(this.searcher.sentenceTerms(s)).some(t => set.has(t));
    this.anchorsOf.set(test, terms.filter(t => t >= 0));
    return test;
  }

  figureCandidates(key: string, filter: { group?: string; places?: string[]; sentence?: (s: number) => boolean } = {}): number[] {
    this.pendingRank = undefined;
    const anchors = filter.sentence ? this.anchorsOf.get(filter.sentence) : undefined;
    const request = { key, group: filter.group, places: filter.places ?? [], anchors: (anchors ?? []).map(t => this.vocab[t]) };
    const entry = anchors && this.data.candidates.get(candidateKey(key, filter.group, request.places, request.anchors));
    if (!entry) { this.misses.candidates(request); return []; }
    const ids = entry.refs.map(r => this.figureIds.get(figureRefKey(r))).filter((x): x is number => x !== undefined);
    if (ids.length < entry.refs.length) this.misses.candidates(request);
    if (!entry.complete && ids.length) this.pendingRank = { entry, request };
    return ids.sort((a, b) => a - b);
  }

  /** A ranked candidate list is exact only for the query it was ranked by. */
  private checkRanking(query: Map<number, number>) {
    const p = this.pendingRank!;
    this.pendingRank = undefined;
    const known = [...query].filter(([t]) => t >= 0);
    const same = (q: Map<string, number>) => known.length === q.size && known.every(([t, w]) => q.get(this.vocab[t]) === w);
    if (!p.entry.queries.some(same)) this.misses.candidates(p.request);
  }

  score(query: Map<number, number>, sentence: number) {
    if (this.pendingRank) this.checkRanking(query);
    if (!this.fetched(sentence, 'score')) return { coverage: 0, bm25: 0 };
    return this.searcher.score(query, sentence);
  }

  figure(id: number): StoredFigure {
    const e = this.figureList[id];
    return (e.stored ??= shapedFigure({ ...e.row, id, sentence: e.sentence }));
  }
  figureSentence(id: number) { return this.figureList[id].sentence; }

  factsOf(s: number): SentenceFacts {
    const d = this.fetched(s, 'facts');
    const terms = Array.from(this.searcher.sentenceTerms(s), t => this.vocab[t]);
    return sentenceFacts(terms, d?.entities ?? [], (d?.figures ?? []).map(id => this.figureList[id].row), this.sentenceArticle(s));
  }

  sentenceArticle(s: number): ArticleRecord { return this.articles[this.sArticle[s]]; }
  sentenceRange(s: number) {
    const d = this.fetched(s, 'range');
    return d ? { start: d.start, end: d.end } : { start: 0, end: 0 };
  }

  credits(s: number): Credits {
    const a = this.sentenceArticle(s);
    return articleCredits(a, s - a.firstSentence, this.lang);
  }

  isSelf(a: ArticleRecord, draftKey: string | undefined, draftFingerprint: string) {
    return a.meta.fingerprint === draftFingerprint || (draftKey !== undefined && a.meta.key === draftKey);
  }

  /** Sentence refs of this store's sentence numbers (for fetching what a check showed it needs). */
  refOf(s: number): SentenceRef | undefined {
    const i = this.sArticle[s], a = this.fetchedArticles[i];
    return a && { source: a.source, order: a.order, idx: s - this.articles[i].firstSentence };
  }
}
