// The corpus index: every article read once into sentences (as term ids), figures and attributions.
// Sentences, terms and figures live in growable typed-array columns (compact in memory, and written to and
// read back from the persisted index without conversion); figures are also indexed by what they measure, so
// checking a figure looks only at figures of the same quantity. The analysis talks to the CandidateStore
// interface only, so a database-backed store can stand in for this one.
import { createHash } from 'crypto';
import type { CorpusArticle } from './corpus-loader';
import { analyzeText, Analyzed, Attribution, FigureKind } from './extract';
import type { Language, HedgeKind } from './language';
import { norm } from './normalize';

export interface ArticleMeta {
  key: string; file: string; id?: string; line?: number; title?: string; outlet?: string; outletId?: string;
  date?: string; url?: string; fingerprint: string;
}

export interface SectionOutlet { sentence: number; id?: string; name: string }

/** A corpus figure, materialised on demand from the columns. Offsets are into its article's text. */
export interface StoredFigure {
  id: number; start: number; end: number; phraseStart: number; value: number; hedge?: HedgeKind; kind: FigureKind;
  measure?: string; group?: string; places: string[]; whole?: string; noun?: string; sentence: number;
}

export interface ArticleRecord {
  meta: ArticleMeta;
  firstSentence: number;
  sentenceCount: number;
  attributions: Attribution[];
  sectionOutlets: SectionOutlet[];
  alive: boolean;
  /** The text, when held in memory; otherwise read through the store's text source. */
  text?: string;
  /** Where the text lives in the persisted index's text blob. */
  blob?: { offset: number; length: number };
}

export interface SentenceHit { sentence: number; score: number }
/** Lists of ids by a vocabulary id, growable (in memory) or flat (as persisted). */
export type Lists = (number[] | undefined)[];
export interface FlatLists { offsets: Int32Array; ids: Int32Array }
export interface FigureCandidate { figure: number; sentence: number }

/** Who a corpus passage credits: named sources in it or next to it, and the outlet that relays it. */
export interface Credits { primary: string[]; relays: string[]; names: Map<string, string> }

export interface CandidateStore {
  readonly articleCount: number;
  article(key: string): ArticleRecord | undefined;
  articleText(a: ArticleRecord): string;
  termId(term: string): number;
  idf(termId: number): number;
  /** BM25 over sentences, scored on the query's rarest terms (at most `terms`, each in at most `maxDfShare` of
   * the sentences once something matched). */
  search(query: Int32Array, k: number, opts?: { terms?: number; maxDfShare?: number }): SentenceHit[];
  /** Figures that may measure the same quantity as a draft figure with this key (see figureKey), less those
   * whose counted group or place rule them out. */
  figureCandidates(key: string, filter?: { group?: string; places?: string[]; sentence?: (s: number) => boolean }): number[];
  /** A test for "this sentence contains one of these terms" (built from the postings). */
  sentencesWithAny(terms: number[]): (sentence: number) => boolean;
  /** idf-weighted coverage of the query by the sentence's terms, and the sentence's BM25 score. */
  score(query: Map<number, number>, sentence: number): { coverage: number; bm25: number };
  figure(id: number): StoredFigure;
  figureSentence(id: number): number;
  sentenceArticle(sentence: number): ArticleRecord;
  sentenceRange(sentence: number): { start: number; end: number };
  sentenceTerms(sentence: number): Int32Array;
  credits(sentence: number): Credits;
  isSelf(article: ArticleRecord, draftKey: string | undefined, draftFingerprint: string): boolean;
}

export function fingerprint(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 16);
}

/** What a figure is indexed under: its measure, or (without one) a percentage's whole or the counted noun. */
export function figureKey(f: { kind: FigureKind; measure?: string; whole?: string; noun?: string }): string | undefined {
  if (f.measure) return `m:${f.measure}:${f.kind}`;
  if (f.kind === 'percent' && f.whole) return `w:${f.whole}`;
  if (f.kind === 'count' && f.noun) return `n:${f.noun}`;
  return undefined;
}

/** A growable typed array. */
export class Column<T extends Int32Array | Float64Array> {
  n = 0;
  constructor(public a: T) {}
  push(v: number) {
    if (this.n === this.a.length) this.grow(this.n + 1);
    this.a[this.n++] = v;
  }
  private grow(min: number) {
    const bigger = new (this.a.constructor as new (n: number) => T)(Math.max(min, this.a.length * 2, 64));
    bigger.set(this.a.subarray(0, this.n) as never);
    this.a = bigger;
  }
  get(i: number) { return this.a[i]; }
  view(): T { return this.a.subarray(0, this.n) as T; }
}
const ints = () => new Column(new Int32Array(64));
const floats = () => new Column(new Float64Array(64));

const K1 = 1.2, B = 0.75;
const HEDGES: (HedgeKind | undefined)[] = [undefined, 'over', 'about', 'under'];
const KINDS: FigureKind[] = ['count', 'percent', 'year', 'date', 'time', 'clause', 'phone', 'model', 'source-count'];

export class MemoryIndex implements CandidateStore {
  // Vocabulary: terms, measure/group/place ids and figure keys share one string table.
  readonly vocab: string[] = [];
  private readonly vocabIds = new Map<string, number>();
  df = ints();
  // Sentences.
  sArticle = ints(); sTermStart = ints(); sStart = ints(); sEnd = ints();
  termsFlat = ints();
  // Figures.
  fSentence = ints(); fStart = ints(); fEnd = ints(); fPhrase = ints(); fValue = floats(); fHedge = ints(); fKind = ints();
  fMeasure = ints(); fGroup = ints(); fWhole = ints(); fNoun = ints(); fPlaceStart = ints(); placesFlat = ints();
  /** Postings (sentence ids per term id) and figures per key id: flat after loading, plus lists for later
   * additions. */
  postings: Lists = [];
  basePostings?: FlatLists;
  figuresByKey: Lists = [];
  baseFigKeys?: FlatLists;
  articles: ArticleRecord[] = [];
  private readonly byKey = new Map<string, number>();
  private liveSentences = 0;
  private totalLength = 0;
  /** Reads a persisted article's text (set by the loader). */
  textSource?: (a: ArticleRecord) => string;
  private scratch?: Float64Array;

  constructor(readonly lang: Language) {}

  get articleCount() { return this.byKey.size; }
  get sentenceCount() { return this.liveSentences; }
  allArticles(): ArticleRecord[] { return this.articles.filter(a => a.alive); }
  article(key: string): ArticleRecord | undefined { const i = this.byKey.get(key); return i === undefined ? undefined : this.articles[i]; }
  articleText(a: ArticleRecord): string { return a.text ?? this.textSource?.(a) ?? ''; }

  termId(term: string): number { return this.vocabIds.get(term) ?? -1; }
  intern(term: string): number {
    let id = this.vocabIds.get(term);
    if (id === undefined) { id = this.vocab.length; this.vocab.push(term); this.vocabIds.set(term, id); }
    while (this.df.n <= id) this.df.push(0);
    return id;
  }
  private optId(s: string | undefined) { return s === undefined ? -1 : this.intern(s); }
  private str(id: number) { return id < 0 ? undefined : this.vocab[id]; }

  idf(termId: number): number {
    const n = Math.max(1, this.liveSentences);
    const df = termId >= 0 && termId < this.df.n ? this.df.a[termId] : 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Adds or replaces an article; returns false when it was already indexed unchanged. */
  add(a: CorpusArticle, analyzed?: Analyzed): boolean {
    const fp = fingerprint(a.text);
    const old = this.byKey.get(a.key);
    if (old !== undefined) {
      if (this.articles[old].meta.fingerprint === fp) return false;
      this.remove(a.key);
    }
    const an = analyzed ?? analyzeText(a.text, this.lang, { draft: false });
    const idx = this.articles.length;
    const first = this.sArticle.n;
    const figsBySentence: number[][] = an.sentences.map(() => []);
    an.figures.forEach((f, i) => figsBySentence[f.sentence]?.push(i));
    an.sentences.forEach((s, i) => {
      this.sArticle.push(idx);
      this.sTermStart.push(this.termsFlat.n);
      this.sStart.push(s.start); this.sEnd.push(s.end);
      const seen = new Set<number>();
      for (const t of s.terms) {
        const id = this.intern(t);
        this.termsFlat.push(id);
        if (!seen.has(id)) { seen.add(id); this.df.a[id]++; (this.postings[id] ??= []).push(first + i); }
      }
      this.totalLength += s.terms.length;
      for (const fi of figsBySentence[i]) this.pushFigure(an.figures[fi], first + i);
    });
    this.liveSentences += an.sentences.length;
    const sectionOutlets = detectOutlets(a, an, this.lang);
    const outlet = a.outlet ?? sectionOutlets[0]?.name;
    const outletId = outlet ? this.lang.sourceNames.match(norm(outlet).split(' '), 0)?.value.id : undefined;
    this.articles.push({
      meta: { key: a.key, file: a.file, id: a.id, line: a.line, title: a.title ?? firstLine(a.text), outlet, outletId, date: a.date, url: a.url, fingerprint: fp },
      firstSentence: first, sentenceCount: an.sentences.length, attributions: an.attributions, sectionOutlets, alive: true, text: a.text,
    });
    this.byKey.set(a.key, idx);
    return true;
  }

  private pushFigure(f: Analyzed['figures'][number], sentence: number) {
    const id = this.fSentence.n;
    this.fSentence.push(sentence);
    this.fStart.push(f.start); this.fEnd.push(f.end); this.fPhrase.push(f.phraseStart);
    this.fValue.push(f.value);
    this.fHedge.push(HEDGES.indexOf(f.hedge));
    this.fKind.push(KINDS.indexOf(f.kind));
    this.fMeasure.push(this.optId(f.measure)); this.fGroup.push(this.optId(f.group));
    this.fWhole.push(this.optId(f.whole)); this.fNoun.push(this.optId(f.noun));
    this.fPlaceStart.push(this.placesFlat.n);
    for (const p of f.places) this.placesFlat.push(this.intern(p));
    const key = figureKey(f);
    if (key) (this.figuresByKey[this.intern(key)] ??= []).push(id);
  }

  remove(key: string): boolean {
    const idx = this.byKey.get(key);
    if (idx === undefined) return false;
    const a = this.articles[idx];
    a.alive = false;
    a.text = undefined;
    for (let s = a.firstSentence; s < a.firstSentence + a.sentenceCount; s++) {
      const terms = this.sentenceTerms(s);
      const seen = new Set<number>();
      for (const t of terms) if (!seen.has(t)) { seen.add(t); this.df.a[t]--; }
      this.totalLength -= terms.length;
    }
    this.liveSentences -= a.sentenceCount;
    this.byKey.delete(key);
    return true;
  }

  /** Rebuilds the index-wide lookups after loading (byKey, sentence counts). */
  restore(articles: ArticleRecord[]) {
    this.articles = articles;
    this.byKey.clear();
    this.liveSentences = 0; this.totalLength = 0;
    articles.forEach((a, i) => {
      if (!a.alive) return;
      this.byKey.set(a.meta.key, i);
      this.liveSentences += a.sentenceCount;
      if (a.sentenceCount) this.totalLength += this.sentenceTermEnd(a.firstSentence + a.sentenceCount - 1) - this.sTermStart.a[a.firstSentence];
    });
    for (let i = 0; i < this.vocab.length; i++) this.vocabIds.set(this.vocab[i], i);
  }

  private sentenceTermEnd(s: number) { return s + 1 < this.sTermStart.n ? this.sTermStart.a[s + 1] : this.termsFlat.n; }
  sentenceTerms(s: number): Int32Array { return this.termsFlat.a.subarray(this.sTermStart.a[s], this.sentenceTermEnd(s)); }
  sentenceArticle(s: number): ArticleRecord { return this.articles[this.sArticle.a[s]]; }
  sentenceRange(s: number) { return { start: this.sStart.a[s], end: this.sEnd.a[s] }; }
  private alive(s: number) { return this.articles[this.sArticle.a[s]].alive; }

  /** The base (flat, loaded) list and the list of later additions for an id. */
  private postingsOf(lists: Lists, base: FlatLists | undefined, id: number): (Int32Array | number[])[] {
    const out: (Int32Array | number[])[] = [];
    if (base && id + 1 < base.offsets.length && base.offsets[id + 1] > base.offsets[id]) out.push(base.ids.subarray(base.offsets[id], base.offsets[id + 1]));
    const extra = lists[id];
    if (extra) out.push(extra);
    return out;
  }

  private mark = new Int32Array(0);
  private markStamp = 0;

  sentencesWithAny(terms: number[]): (sentence: number) => boolean {
    if (this.mark.length < this.sArticle.n) this.mark = new Int32Array(Math.max(1024, this.sArticle.n * 1.25 | 0));
    const stamp = ++this.markStamp, mark = this.mark;
    for (const t of terms) {
      if (t < 0) continue;
      for (const list of this.postingsOf(this.postings, this.basePostings, t)) for (let i = 0; i < list.length; i++) mark[list[i]] = stamp;
    }
    return s => mark[s] === stamp;
  }

  figureCandidates(key: string, filter: { group?: string; places?: string[]; sentence?: (s: number) => boolean } = {}): number[] {
    const id = this.termId(key);
    if (id < 0) return [];
    const group = filter.group ? this.termId(filter.group) : -1;
    const places = new Set((filter.places ?? []).map(p => this.termId(p)));
    const out: number[] = [];
    for (const list of this.postingsOf(this.figuresByKey, this.baseFigKeys, id)) {
      for (let i = 0; i < list.length; i++) {
        const f = list[i];
        if (filter.sentence && !filter.sentence(this.fSentence.a[f])) continue;
        if (!this.alive(this.fSentence.a[f])) continue;
        const g = this.fGroup.a[f];
        if (filter.group && g >= 0 && g !== group) continue;
        if (places.size) {
          const pe = f + 1 < this.fPlaceStart.n ? this.fPlaceStart.a[f + 1] : this.placesFlat.n;
          let any = pe === this.fPlaceStart.a[f];
          for (let k = this.fPlaceStart.a[f]; k < pe && !any; k++) any = places.has(this.placesFlat.a[k]);
          if (!any) continue;
        }
        out.push(f);
      }
    }
    return out;
  }

  // The current query's weights by term id, so scoring a candidate sentence is array reads, not map lookups:
  // a figure of a common measure has thousands of candidates.
  private qWeights = new Float64Array(0);
  private qStamp = new Int32Array(0);
  private stamp = 0;
  private lastQuery?: Map<number, number>;
  private qTotal = 0;
  private qIds: number[] = [];

  score(query: Map<number, number>, sentence: number): { coverage: number; bm25: number } {
    if (query !== this.lastQuery) {
      for (const t of this.qIds) this.qWeights[t] = 0;
      if (this.qWeights.length < this.vocab.length) { this.qWeights = new Float64Array(this.vocab.length * 1.25 | 0); this.qStamp = new Int32Array(this.qWeights.length); }
      this.qIds = []; this.qTotal = 0;
      for (const [t, w] of query) { this.qTotal += w; if (t >= 0) { this.qWeights[t] = w; this.qIds.push(t); } }
      this.lastQuery = query;
    }
    const flat = this.termsFlat.a, from = this.sTermStart.a[sentence], to = this.sentenceTermEnd(sentence);
    const avg = this.totalLength / Math.max(1, this.liveSentences);
    const tf = (K1 + 1) / (1 + K1 * (1 - B + B * (to - from) / avg));
    const stamp = ++this.stamp;
    let num = 0;
    for (let i = from; i < to; i++) {
      const t = flat[i];
      const w = this.qWeights[t];
      if (w === 0 || this.qStamp[t] === stamp) continue;
      this.qStamp[t] = stamp;
      num += w;
    }
    return { coverage: this.qTotal ? num / this.qTotal : 0, bm25: num * tf };
  }

  figure(id: number): StoredFigure {
    const places: string[] = [];
    const pe = id + 1 < this.fPlaceStart.n ? this.fPlaceStart.a[id + 1] : this.placesFlat.n;
    for (let k = this.fPlaceStart.a[id]; k < pe; k++) places.push(this.vocab[this.placesFlat.a[k]]);
    const s = this.fSentence.a[id];
    return {
      id, start: this.fStart.a[id], end: this.fEnd.a[id], phraseStart: this.fPhrase.a[id], value: this.fValue.a[id],
      hedge: HEDGES[this.fHedge.a[id]], kind: KINDS[this.fKind.a[id]], measure: this.str(this.fMeasure.a[id]), group: this.str(this.fGroup.a[id]),
      whole: this.str(this.fWhole.a[id]), noun: this.str(this.fNoun.a[id]), places, sentence: s,
    };
  }

  figureSentence(id: number) { return this.fSentence.a[id]; }

  search(query: Int32Array, k: number, opts: { terms?: number; maxDfShare?: number } = {}): SentenceHit[] {
    const n = this.sArticle.n;
    if (!this.scratch || this.scratch.length < n) this.scratch = new Float64Array(Math.max(n, 1024) * 1.5 | 0);
    const acc = this.scratch;
    const touched: number[] = [];
    const avg = this.totalLength / Math.max(1, this.liveSentences);
    const seen = new Set<number>();
    // Rare terms carry the match; very common ones (in more than 5% of sentences) cost the most and add
    // little, so only the rarest dozen terms are scored.
    const terms = [...query].filter(t => t >= 0 && !seen.has(t) && seen.add(t)).sort((a, b) => this.df.a[a] - this.df.a[b]).slice(0, opts.terms ?? 12);
    const maxDf = Math.max(50, this.liveSentences * (opts.maxDfShare ?? 0.05));
    const starts = this.sTermStart.a, nS = this.sTermStart.n, flatN = this.termsFlat.n;
    for (const t of terms) {
      if (this.df.a[t] > maxDf && touched.length) continue;
      const idf = this.idf(t);
      for (const list of this.postingsOf(this.postings, this.basePostings, t)) {
        for (let i = 0; i < list.length; i++) {
          const s = list[i];
          const len = (s + 1 < nS ? starts[s + 1] : flatN) - starts[s];
          if (acc[s] === 0) touched.push(s);
          acc[s] += idf * (K1 + 1) / (1 + K1 * (1 - B + B * len / avg));
        }
      }
    }
    // Top k by selection, not by sorting every touched sentence (common words touch tens of thousands).
    const hits: SentenceHit[] = [];
    let floor = -Infinity;
    for (const s of touched) {
      const score = acc[s];
      acc[s] = 0;
      if (score < floor || (score === floor && hits.length >= k) || !this.alive(s)) continue;
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

  credits(s: number): Credits {
    const a = this.sentenceArticle(s);
    return articleCredits(a, s - a.firstSentence, this.lang);
  }

  isSelf(a: ArticleRecord, draftKey: string | undefined, draftFingerprint: string) {
    return a.meta.fingerprint === draftFingerprint || (draftKey !== undefined && a.meta.key === draftKey);
  }
}

/** How far (in sentences) an unnamed «ذكرت الصحيفة» or an unattributed sentence looks for the outlet it
 * belongs to: a report usually names its source once and then refers back. */
const CREDIT_REACH = 3;

export function articleCredits(a: ArticleRecord, local: number, lang: Language): Credits {
  const names = new Map<string, string>();
  const primary = new Set<string>();
  for (const x of a.attributions) if (x.sentence === local) for (const s of x.sources) primary.add(s.id);
  if (!primary.size) {
    // Nearest named outlet, preferring the sentences before.
    for (let d = 1; d <= CREDIT_REACH && !primary.size; d++) {
      for (const at of [local - d, local + d]) {
        for (const x of a.attributions) if (x.sentence === at) for (const s of x.sources) {
          const kind = lang.sources.get(s.id)?.kind;
          if (kind === 'outlet' || kind === 'agency') primary.add(s.id);
        }
        if (primary.size) break;
      }
    }
  }
  const relays = new Set<string>();
  let section: SectionOutlet | undefined;
  for (const o of a.sectionOutlets) if (o.sentence <= local) section = o;
  section ??= a.sectionOutlets[0];
  if (section) { relays.add(section.id ?? section.name); if (!section.id) names.set(section.name, section.name); }
  else if (a.meta.outletId || a.meta.outlet) relays.add(a.meta.outletId ?? a.meta.outlet!);
  for (const id of [...primary, ...relays]) if (!names.has(id)) names.set(id, lang.sources.get(id)?.ar ?? id);
  return { primary: [...primary], relays: [...relays].filter(r => !primary.has(r)), names };
}

function firstLine(text: string): string | undefined {
  const l = text.split(/\r?\n/, 4).find(x => x.trim());
  return l ? l.trim().slice(0, 160) : undefined;
}

/** Lines that name the publisher: «المصدر: صدى البلد», or a line that is nothing but an outlet's name. */
function detectOutlets(a: CorpusArticle, an: Analyzed, lang: Language): SectionOutlet[] {
  const out: SectionOutlet[] = [];
  if (a.outlet) {
    const id = lang.sourceNames.match(norm(a.outlet).split(' '), 0)?.value.id;
    out.push({ sentence: 0, id, name: a.outlet });
  }
  an.sentences.forEach((s, i) => {
    if (s.end - s.start > 60) return;
    const line = a.text.slice(s.start, s.end).trim();
    let name = line;
    for (const p of lang.outletLinePrefixes) {
      if (line.startsWith(p)) { name = line.slice(p.length).replace(/^[\s:]+/, '').trim(); break; }
    }
    const words = norm(name).split(' ');
    const hit = lang.sourceNames.match(words, 0);
    const prefixed = name !== line;
    if (hit && hit.length === words.length) out.push({ sentence: i, id: hit.value.id, name: hit.value.ar });
    else if (prefixed && name && words.length <= 5) out.push({ sentence: i, name });
  });
  return out;
}
