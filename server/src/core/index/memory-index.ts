// The corpus index: every article read once into sentences (as term ids), figures and attributions, kept in
// growable typed-array columns. Figures are also listed by what they measure, so checking a figure looks only at
// figures of the same quantity. snapshot()/fromSnapshot() are what the persisted index writes and reads.
import type { CorpusArticle } from '../corpus/loader';
import { readText, Reading, FigureKind, RateKind } from '../read/read-text';
import type { EntityMention } from '../read/entities';
import type { Language, HedgeKind } from '../language';
import { Column, IdLists, FlatLists } from './columns';
import { SentenceSearch, SearchOptions } from './sentence-search';
import { articleCredits } from './credits';
import { StoryClusters, HASHES } from './near-duplicates';
import { CandidateStore, ArticleRecord, StoredFigure, Credits, SentenceHit, SentenceFacts, fingerprint, figureKey } from './store';
import { articleRows, ArticleRows, FigureRow, SentenceRow } from './article-rows';
import { sentenceFacts } from './sentence-facts';
import { shapedFigure } from '../read/figure-shape';

const HEDGES: (HedgeKind | undefined)[] = [undefined, 'over', 'about', 'under'];
const KINDS: FigureKind[] = ['count', 'percent', 'year', 'date', 'time', 'clause', 'phone', 'model', 'source-count', 'score'];
const RATES: (RateKind | undefined)[] = [undefined, 'share', 'level', 'change'];
/** Figure flags, one bit each. */
const FLAGS = ['change', 'vague', 'zero', 'converted', 'lengthStated', 'part', 'running', 'incident', 'continues'] as const;
/** No period: the smallest int. */
const NONE = -0x80000000;

/** The integer columns, by name (the persisted index stores them under these names). */
export const INT_COLUMNS = ['df', 'sArticle', 'sTermStart', 'sStart', 'sEnd', 'sEntStart', 'entFlat', 'entPos', 'sFigStart', 'termsFlat', 'fSentence', 'fStart', 'fEnd', 'fPhrase', 'fTermPos', 'fClauseFrom', 'fClauseTo',
  'fHedge', 'fKind', 'fMeasure', 'fUnit', 'fGroup', 'fWhole', 'fNoun', 'fRate', 'fFlags', 'fWhenFrom', 'fWhenTo', 'fPlaceStart', 'placesFlat'] as const;
export type IntColumn = typeof INT_COLUMNS[number];
/** The float columns: a figure's value and the high end of its range (NaN: none). */
export const FLOAT_COLUMNS = ['fValue', 'fHi'] as const;
export type FloatColumn = typeof FLOAT_COLUMNS[number];

/** Everything the index holds, as flat arrays and records. */
export interface IndexSnapshot {
  vocab: string[];
  ints: Record<IntColumn, Int32Array>;
  floats: Record<FloatColumn, Float64Array>;
  postings: FlatLists;
  figureKeys: FlatLists;
  articles: ArticleRecord[];
  /** The articles' MinHash signatures, HASHES values each (as int32 bit patterns), kept out of the records: a
   * typed column loads in no time, tens of thousands of small JSON arrays do not. */
  signatures: Int32Array;
}

export class MemoryIndex implements CandidateStore {
  // Vocabulary: terms, measure/group/place ids and figure keys share one string table.
  private vocab: string[] = [];
  private readonly vocabIds = new Map<string, number>();
  /** Which vocabulary ids have been a sentence's term: only those are terms to the checks (a measure or place id,
   * a figure key, an entity are in the vocabulary too), as in every other store. */
  private isTerm = new Uint8Array(64);
  private readonly col = Object.fromEntries(INT_COLUMNS.map(n => [n, Column.ints()])) as Record<IntColumn, Column<Int32Array>>;
  private readonly flt = Object.fromEntries(FLOAT_COLUMNS.map(n => [n, Column.floats()])) as Record<FloatColumn, Column<Float64Array>>;
  /** Sentence ids per term id, and figure ids per figure-key id. */
  private readonly postings = new IdLists();
  private readonly figuresByKey = new IdLists();
  private articles: ArticleRecord[] = [];
  private readonly byKey = new Map<string, number>();
  private liveSentences = 0;
  private totalLength = 0;
  /** Reads a persisted article's text (set by the loader). */
  textSource?: (a: ArticleRecord) => string;
  private readonly searcher: SentenceSearch;
  /** Near-duplicate buckets, built on the first change after a load: a loaded index keeps its articles' stories
   * as they were saved, and only an added or removed article needs the buckets. */
  private stories?: StoryClusters;
  private storyIndex(): StoryClusters {
    if (!this.stories) {
      this.stories = new StoryClusters();
      this.articles.forEach((a, i) => { if (a.alive && a.signature) this.stories!.register(i, a.signature, a.story ?? i); });
    }
    return this.stories;
  }

  constructor(readonly lang: Language) {
    this.searcher = new SentenceSearch({
      df: this.col.df, termStart: this.col.sTermStart, terms: this.col.termsFlat, postings: this.postings,
      vocabSize: () => this.vocab.length, liveSentences: () => this.liveSentences, totalLength: () => this.totalLength,
      alive: s => this.alive(s),
    });
  }

  static fromSnapshot(lang: Language, snap: IndexSnapshot): MemoryIndex {
    const index = new MemoryIndex(lang);
    index.vocab = snap.vocab;
    for (const n of INT_COLUMNS) { const c = index.col[n]; c.a = snap.ints[n] as Int32Array<ArrayBuffer>; c.n = snap.ints[n].length; }
    for (const n of FLOAT_COLUMNS) { const c = index.flt[n]; c.a = snap.floats[n] as Float64Array<ArrayBuffer>; c.n = snap.floats[n].length; }
    index.postings.setBase(snap.postings);
    index.figuresByKey.setBase(snap.figureKeys);
    snap.articles.forEach((a, i) => { if (a.alive) a.signature = Array.from(snap.signatures.subarray(i * HASHES, (i + 1) * HASHES), v => v >>> 0); });
    index.restore(snap.articles);
    return index;
  }

  snapshot(): IndexSnapshot {
    const ints = Object.fromEntries(INT_COLUMNS.map(n => [n, this.col[n].view()])) as Record<IntColumn, Int32Array>;
    const floats = Object.fromEntries(FLOAT_COLUMNS.map(n => [n, this.flt[n].view()])) as Record<FloatColumn, Float64Array>;
    const signatures = new Int32Array(this.articles.length * HASHES);
    this.articles.forEach((a, i) => { if (a.alive && a.signature) signatures.set(a.signature.map(v => v | 0), i * HASHES); });
    return {
      vocab: this.vocab, ints, floats,
      postings: this.postings.flatten(this.vocab.length), figureKeys: this.figuresByKey.flatten(this.vocab.length), articles: this.articles, signatures,
    };
  }

  get articleCount() { return this.byKey.size; }
  /** Corpus-wide counts: what idf and BM25's length normalisation use. */
  stats() { return { liveSentences: this.liveSentences, totalLength: this.totalLength, articles: this.articleCount }; }
  get sentenceTotal() { return this.col.sArticle.n; }
  allArticles(): ArticleRecord[] { return this.articles.filter(a => a.alive); }
  article(key: string): ArticleRecord | undefined { const i = this.byKey.get(key); return i === undefined ? undefined : this.articles[i]; }
  articleText(a: ArticleRecord): string { return a.text ?? this.textSource?.(a) ?? ''; }
  termId(term: string): number { const id = this.idOf(term); return id >= 0 && this.isTerm[id] ? id : -1; }
  /** Any vocabulary string's id (terms, keys, groups, places). */
  private idOf(s: string): number { return this.vocabIds.get(s) ?? -1; }
  term(id: number): string { return this.vocab[id]; }
  idf(termId: number): number { return this.searcher.idf(termId); }
  termDf(termId: number): number { return termId >= 0 && termId < this.col.df.n ? this.col.df.a[termId] : 0; }

  private intern(term: string): number {
    let id = this.vocabIds.get(term);
    if (id === undefined) { id = this.vocab.length; this.vocab.push(term); this.vocabIds.set(term, id); }
    while (this.col.df.n <= id) this.col.df.push(0);
    return id;
  }
  private markTerm(id: number) {
    if (id >= this.isTerm.length) { const bigger = new Uint8Array(Math.max(id + 1, this.isTerm.length * 2)); bigger.set(this.isTerm); this.isTerm = bigger; }
    this.isTerm[id] = 1;
  }
  private optId(s: string | undefined) { return s === undefined ? -1 : this.intern(s); }
  private str(id: number) { return id < 0 ? undefined : this.vocab[id]; }
  /** When figure `id` holds, as stored. */
  private whenOf(id: number) { const c = this.col; return c.fWhenFrom.a[id] === NONE ? undefined : { from: c.fWhenFrom.a[id], to: c.fWhenTo.a[id] }; }
  /** One of the figure's flags (change, running …). */
  private flag(id: number, name: (typeof FLAGS)[number]) { return (this.col.fFlags.a[id] & (1 << FLAGS.indexOf(name))) !== 0 || undefined; }

  /** Adds or replaces an article; returns false when it was already indexed unchanged. */
  add(a: CorpusArticle, reading?: Reading): boolean {
    const fp = fingerprint(a.text);
    const old = this.byKey.get(a.key);
    if (old !== undefined) {
      if (this.articles[old].meta.fingerprint === fp) return false;
      this.remove(a.key);
    }
    this.addRows(articleRows(a, reading ?? readText(a.text, this.lang, { draft: false, date: a.date }), this.lang), a.text);
    return true;
  }

  /** Appends an article's rows (see articleRows): each sentence, then its figures, so a sentence's figures are
   * consecutive. */
  private addRows(rows: ArticleRows, text: string) {
    const idx = this.articles.length;
    const first = this.col.sArticle.n;
    let f = 0;
    rows.sentences.forEach((s, i) => {
      this.pushSentence(idx, first + i, s);
      for (; f < rows.figures.length && rows.figures[f].sentence === i; f++) this.pushFigure(rows.figures[f], first + i);
    });
    this.liveSentences += rows.sentences.length;
    const { meta, attributions, sectionOutlets, titleEntities, titleTerms, signature } = rows;
    this.articles.push({
      meta, firstSentence: first, sentenceCount: rows.sentences.length, attributions, sectionOutlets, alive: true, text,
      ...(titleEntities ? { titleEntities, titleTerms } : {}), signature, story: this.storyIndex().add(idx, signature),
    });
    this.byKey.set(meta.key, idx);
  }

  private pushSentence(article: number, sentence: number, s: SentenceRow) {
    const c = this.col, terms = s.terms;
    c.sArticle.push(article);
    c.sTermStart.push(c.termsFlat.n);
    c.sStart.push(s.start); c.sEnd.push(s.end);
    c.sEntStart.push(c.entFlat.n);
    c.sFigStart.push(c.fSentence.n);
    for (const e of s.entities) { c.entFlat.push(this.intern(`${e.kind}\u0002${e.id}${e.ambiguous ? '\u0002a' : ''}`)); c.entPos.push(e.at); }
    const seen = new Set<number>();
    for (const t of terms) {
      const id = this.intern(t);
      this.markTerm(id);
      c.termsFlat.push(id);
      if (!seen.has(id)) { seen.add(id); c.df.a[id]++; this.postings.push(id, sentence); }
    }
    this.totalLength += terms.length;
  }

  private pushFigure(f: FigureRow, sentence: number) {
    const c = this.col;
    const id = c.fSentence.n;
    c.fSentence.push(sentence);
    c.fStart.push(f.start); c.fEnd.push(f.end); c.fPhrase.push(f.phraseStart); c.fTermPos.push(f.termAt); c.fClauseFrom.push(f.clause[0]); c.fClauseTo.push(f.clause[1]);
    this.flt.fValue.push(f.value);
    // The highest value the figure allows: what a comparison needs.
    this.flt.fHi.push(f.range ? f.reach ?? f.range.hi : NaN);
    c.fHedge.push(HEDGES.indexOf(f.hedge));
    c.fKind.push(KINDS.indexOf(f.kind));
    c.fMeasure.push(this.optId(f.measure)); c.fUnit.push(this.optId(f.unit)); c.fGroup.push(this.optId(f.group));
    c.fWhole.push(this.optId(f.whole)); c.fNoun.push(this.optId(f.noun));
    c.fRate.push(RATES.indexOf(f.rate));
    c.fFlags.push(FLAGS.reduce((bits, name, b) => (f[name] ? bits | (1 << b) : bits), 0));
    c.fWhenFrom.push(f.when?.from ?? NONE); c.fWhenTo.push(f.when?.to ?? NONE);
    c.fPlaceStart.push(c.placesFlat.n);
    for (const p of f.places) c.placesFlat.push(this.intern(p));
    const key = figureKey(f);
    if (key) this.figuresByKey.push(this.intern(key), id);
  }

  remove(key: string): boolean {
    const idx = this.byKey.get(key);
    if (idx === undefined) return false;
    const a = this.articles[idx];
    a.alive = false;
    a.text = undefined;
    for (let s = a.firstSentence; s < a.firstSentence + a.sentenceCount; s++) {
      const terms = this.searcher.sentenceTerms(s);
      const seen = new Set<number>();
      for (const t of terms) if (!seen.has(t)) { seen.add(t); this.col.df.a[t]--; }
      this.totalLength -= terms.length;
    }
    this.liveSentences -= a.sentenceCount;
    this.byKey.delete(key);
    this.storyIndex().remove(idx);
    return true;
  }

  /** Rebuilds the index-wide lookups after loading (byKey, sentence counts, vocabulary ids). */
  private restore(articles: ArticleRecord[]) {
    this.articles = articles;
    this.byKey.clear();
    this.liveSentences = 0; this.totalLength = 0;
    articles.forEach((a, i) => {
      if (!a.alive) return;
      this.byKey.set(a.meta.key, i);
      this.liveSentences += a.sentenceCount;
      if (!a.sentenceCount) return;
      const ts = this.col.sTermStart, lastEnd = a.firstSentence + a.sentenceCount < ts.n ? ts.a[a.firstSentence + a.sentenceCount] : this.col.termsFlat.n;
      this.totalLength += lastEnd - ts.a[a.firstSentence];
    });
    for (let i = 0; i < this.vocab.length; i++) this.vocabIds.set(this.vocab[i], i);
    const flat = this.col.termsFlat;
    for (let i = 0; i < flat.n; i++) this.markTerm(flat.a[i]);
  }

  sentenceTerms(s: number): Int32Array { return this.searcher.sentenceTerms(s); }
  /** The sentences holding a term (removed articles' too: check alive). */
  postingsOf(termId: number) { return termId < 0 ? [] : this.postings.parts(termId); }
  isAlive(s: number) { return this.alive(s); }
  /** The id of an article's first figure: its figures are numbered on from there, sentence by sentence. */
  firstFigureOf(a: ArticleRecord): number { return a.sentenceCount ? this.col.sFigStart.a[a.firstSentence] : 0; }
  sentenceArticle(s: number): ArticleRecord { return this.articles[this.col.sArticle.a[s]]; }
  sentenceRange(s: number) { return { start: this.col.sStart.a[s], end: this.col.sEnd.a[s] }; }
  private alive(s: number) { return this.articles[this.col.sArticle.a[s]].alive; }

  sentencesWithAny(terms: number[]) { return this.searcher.sentencesWithAny(terms); }
  score(query: Map<number, number>, sentence: number) { return this.searcher.score(query, sentence); }
  search(query: Int32Array, k: number, opts?: SearchOptions): SentenceHit[] { return this.searcher.search(query, k, opts); }

  private placesOf(f: number): Int32Array {
    const c = this.col;
    const pe = f + 1 < c.fPlaceStart.n ? c.fPlaceStart.a[f + 1] : c.placesFlat.n;
    return c.placesFlat.a.subarray(c.fPlaceStart.a[f], pe);
  }

  figureCandidates(key: string, filter: { group?: string; places?: string[]; sentence?: (s: number) => boolean } = {}): number[] {
    const id = this.idOf(key);
    if (id < 0) return [];
    const c = this.col;
    const group = filter.group ? this.idOf(filter.group) : -1;
    const places = new Set((filter.places ?? []).map(p => this.idOf(p)));
    const out: number[] = [];
    for (const list of this.figuresByKey.parts(id)) {
      for (let i = 0; i < list.length; i++) {
        const f = list[i], s = c.fSentence.a[f];
        if (filter.sentence && !filter.sentence(s)) continue;
        if (!this.alive(s)) continue;
        const g = c.fGroup.a[f];
        if (filter.group && g >= 0 && g !== group) continue;
        if (places.size) {
          const own = this.placesOf(f);
          if (own.length && !own.some(p => places.has(p))) continue;
        }
        out.push(f);
      }
    }
    return out;
  }

  figure(id: number): StoredFigure {
    const c = this.col;
    const hi = this.flt.fHi.a[id], value = this.flt.fValue.a[id], flags = c.fFlags.a[id];
    const f: StoredFigure = shapedFigure({
      id, start: c.fStart.a[id], end: c.fEnd.a[id], phraseStart: c.fPhrase.a[id], value, range: isNaN(hi) ? undefined : { lo: value, hi },
      hedge: HEDGES[c.fHedge.a[id]], kind: KINDS[c.fKind.a[id]], measure: this.str(c.fMeasure.a[id]), unit: this.str(c.fUnit.a[id]),
      group: this.str(c.fGroup.a[id]), whole: this.str(c.fWhole.a[id]), noun: this.str(c.fNoun.a[id]), rate: RATES[c.fRate.a[id]],
      places: Array.from(this.placesOf(id), p => this.vocab[p]), sentence: c.fSentence.a[id],
      when: this.whenOf(id), termAt: c.fTermPos.a[id], clause: [c.fClauseFrom.a[id], c.fClauseTo.a[id]],
    });
    FLAGS.forEach((name, b) => { if (flags & (1 << b)) f[name] = true; });
    return f;
  }

  figureSentence(id: number) { return this.col.fSentence.a[id]; }

  /** The ids of sentence s's figures (they are stored one sentence after another). */
  figuresOfSentence(s: number): number[] {
    const c = this.col, end = s + 1 < c.sFigStart.n ? c.sFigStart.a[s + 1] : c.fSentence.n;
    const out: number[] = [];
    for (let k = c.sFigStart.a[s]; k < end; k++) out.push(k);
    return out;
  }

  private readonly factCache = new Map<number, SentenceFacts>();
  factsOf(s: number): SentenceFacts {
    let f = this.factCache.get(s);
    if (f) return f;
    const c = this.col;
    const entEnd = s + 1 < c.sEntStart.n ? c.sEntStart.a[s + 1] : c.entFlat.n;
    const entities: EntityMention[] = [];
    for (let k = c.sEntStart.a[s]; k < entEnd; k++) {
      const [kind, id, ambiguous] = this.vocab[c.entFlat.a[k]].split('\u0002');
      entities.push({ id, kind, at: c.entPos.a[k], ...(ambiguous ? { ambiguous: true } : {}) });
    }
    const terms = Array.from(this.searcher.sentenceTerms(s), t => this.vocab[t]);
    f = sentenceFacts(terms, entities, this.figuresOfSentence(s).map(k => ({ measure: this.str(c.fMeasure.a[k]), unit: this.str(c.fUnit.a[k]), termAt: c.fTermPos.a[k], when: this.whenOf(k), running: this.flag(k, 'running'), value: this.flt.fValue.a[k] })), this.sentenceArticle(s));
    if (this.factCache.size > 4096) this.factCache.clear();
    this.factCache.set(s, f);
    return f;
  }

  credits(s: number): Credits {
    const a = this.sentenceArticle(s);
    return articleCredits(a, s - a.firstSentence, this.lang);
  }

  isSelf(a: ArticleRecord, draftKey: string | undefined, draftFingerprint: string) {
    return a.meta.fingerprint === draftFingerprint || (draftKey !== undefined && a.meta.key === draftKey);
  }
}
