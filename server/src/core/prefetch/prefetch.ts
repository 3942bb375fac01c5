// Checks a draft against corpora that answer requests (the shared archive, a local index beside it): works out what
// the check will ask (draft-needs.ts), fetches it from every source in a few round trips (words; candidates and
// searches; sentence rows, and the sentence before a candidate that goes on with its event; the sentences of counted
// attributions), builds a PrefetchedStore and runs analyze() on it. If the check asked for something not fetched,
// that is fetched and the check runs again, so the findings are always those of the whole corpus.
import { analyze, AnalyzeOptions, LineCache } from '../check/analyze';
import type { AnalysisResult, AnalysisSettings } from '../check/result';
import { loadLanguage } from '../language';
import { draftNeeds, candidateRequest, searchRequest, DraftNeeds } from './draft-needs';
import { PrefetchedStore, Prefetched } from './prefetched-store';
import type { Misses } from './misses';
import {
  CorpusSource, CandidateRequest, SearchRequest, SentenceRef, FigureRef, FetchedRows, candidateKey, searchKey, sentenceRefKey, articleRefKey,
  figureRefKey, compareRefs,
} from './requests';

/** Runs after the first, should the check ask for more than was fetched (each run fetches what the last one
 * missed; a check asks in at most four layers: words, candidates and searches, sentences, counted attributions). */
const MAX_REFETCHES = 5;

export interface SourcesCheck {
  /** Milliseconds per step: reading the draft, words, candidates and searches, rows, analysis. */
  timings: Record<string, number>;
  result: AnalysisResult;
  store: PrefetchedStore;
  /** Runs of the check: 1 when everything it asked for was fetched ahead. */
  passes: number;
  /** What the first pass asked for that was not fetched ahead (empty when the prefetch was complete). */
  missed: string;
}

/** Fetched rows and lists, gathered from every source. */
class Gathered {
  readonly data: Prefetched;
  private readonly have = new Set<string>();
  private readonly articlesSeen = new Set<string>();
  private readonly figuresSeen = new Set<string>();
  private statsTaken = false;
  /** Time spent in the sources' retrieve(), the rest of retrieve() being rows. */
  retrieveMs = 0;

  constructor(private readonly sources: CorpusSource[]) {
    this.data = {
      info: { stats: { liveSentences: 0, totalLength: 0, articles: 0 }, df: new Map() }, lookedUp: new Set(),
      articles: [], sentences: [], figures: [], candidates: new Map(), searches: new Set(),
    };
  }

  /** Document frequencies summed over the sources; the corpus counts are taken with the first words looked up. */
  async lookUp(terms: string[]) {
    const fresh = terms.filter(t => !this.data.lookedUp.has(t));
    if (!fresh.length && this.statsTaken) return;
    const answers = await Promise.all(this.sources.map(s => s.terms(fresh)));
    const first = !this.statsTaken;
    this.statsTaken = true;
    for (const a of answers) {
      if (first) { const st = this.data.info.stats; st.liveSentences += a.stats.liveSentences; st.totalLength += a.stats.totalLength; st.articles += a.stats.articles; }
      for (const [t, df] of a.df) this.data.info.df.set(t, (this.data.info.df.get(t) ?? 0) + df);
    }
    fresh.forEach(t => this.data.lookedUp.add(t));
  }

  /** Candidate lists and search hits; returns the sentences they name. */
  async retrieve(figures: CandidateRequest[], searches: SearchRequest[]): Promise<SentenceRef[][]> {
    const t0 = performance.now();
    const answers = await Promise.all(this.sources.map(s => s.retrieve(figures, searches)));
    this.retrieveMs += performance.now() - t0;
    const wanted: SentenceRef[] = [];
    const candidates: FigureRef[] = [];
    const hits: SentenceRef[][] = searches.map(() => []);
    figures.forEach((r, i) => {
      const key = candidateKey(r.key, r.group, r.places, r.anchors);
      const refs = answers.flatMap(a => a.figures[i]);
      const complete = !Number.isFinite(r.retrieve) || answers.every(a => a.figures[i].length <= r.retrieve);
      const entry = this.data.candidates.get(key) ?? { refs: [], complete: false, queries: [] };
      const known = new Set(entry.refs.map(figureRefKey));
      entry.refs = [...entry.refs, ...refs.filter(x => !known.has(figureRefKey(x)))].sort(compareRefs);
      entry.complete ||= complete;
      entry.queries.push(new Map(r.query.terms.map((t, j) => [t, r.query.weights[j]])));
      this.data.candidates.set(key, entry);
      wanted.push(...refs.map(x => ({ source: x.source, order: x.order, idx: x.sentence })));
      candidates.push(...refs);
    });
    searches.forEach((r, i) => {
      this.data.searches.add(searchKey(r.terms, r.k));
      for (const a of answers) hits[i].push(...a.searches[i]);
      wanted.push(...hits[i]);
    });
    await this.rows(wanted);
    // same-fact.ts corpusSide(): a candidate whose sentence goes on with the event before is judged with that
    // sentence's words too.
    const fetched = new Map(this.data.figures.map(f => [figureRefKey(f), f.row]));
    await this.rows(candidates.filter(x => fetched.get(figureRefKey(x))?.continues).map(x => ({ source: x.source, order: x.order, idx: x.sentence - 1 })));
    return hits;
  }

  /** Rows of sentences not fetched yet, from their sources. */
  async rows(refs: SentenceRef[]) {
    const bySource = this.sources.map(() => [] as SentenceRef[]);
    for (const r of refs) {
      const k = sentenceRefKey(r);
      if (this.have.has(k)) continue;
      this.have.add(k);
      bySource[r.source].push(r);
    }
    const answers = await Promise.all(this.sources.map((s, i) => (bySource[i].length ? s.rows(bySource[i]) : undefined)));
    for (const a of answers) if (a) this.add(a);
  }

  private add(rows: FetchedRows) {
    for (const a of rows.articles) if (!this.articlesSeen.has(articleRefKey(a))) { this.articlesSeen.add(articleRefKey(a)); this.data.articles.push(a); }
    this.data.sentences.push(...rows.sentences);
    for (const f of rows.figures) if (!this.figuresSeen.has(figureRefKey(f))) { this.figuresSeen.add(figureRefKey(f)); this.data.figures.push(f); }
  }

  /** attribution-check.ts checkCount(): every counted attribution of the kind, in the articles of the search hits. */
  async countedAttributions(kinds: (string | undefined)[], hits: SentenceRef[][]) {
    const articles = new Map(this.data.articles.map(a => [articleRefKey(a), a]));
    const wanted: SentenceRef[] = [];
    kinds.forEach((kind, i) => {
      if (!kind) return;
      for (const h of hits[i]) {
        const a = articles.get(articleRefKey(h));
        for (const x of a?.attributions ?? []) if (x.count?.kind === kind) wanted.push({ source: h.source, order: h.order, idx: x.sentence });
      }
    });
    if (wanted.length) await this.rows(wanted);
  }

  /** What a check missed: the words, complete candidate lists and searches, and sentences. */
  async fill(m: Misses) {
    await this.lookUp([...m.terms]);
    const figures: CandidateRequest[] = [...m.figureLists.values()].map(c => ({ ...c, query: { terms: [], weights: [] }, retrieve: Infinity }));
    const searches: SearchRequest[] = [...m.searches.values()].map(s => ({ terms: s.terms, idf: s.terms.map(() => 1), k: Infinity, avgLength: 1 }));
    if (figures.length || searches.length) await this.retrieve(figures, searches);
    // A search fetched complete answers for the k the check asked.
    for (const s of m.searches.values()) this.data.searches.add(searchKey(s.terms, s.k));
    await this.rows([...m.sentences.values()]);
  }
}

/** Requests for the draft, each once. */
function requests(needs: DraftNeeds, g: Gathered) {
  const figures = new Map<string, CandidateRequest>();
  for (const f of needs.figures) {
    const r = candidateRequest(f, g.data.info);
    figures.set(JSON.stringify([candidateKey(r.key, r.group, r.places, r.anchors), r.query]), r);
  }
  const searches = needs.claims.map(c => searchRequest(c, g.data.info));
  return { figures: [...figures.values()], searches };
}

export interface SourcesOptions extends AnalyzeOptions {
  /** false: fetch nothing ahead, only what each run misses (slow; shows the refetching alone gets it right). */
  prefetch?: boolean;
  /** A new, empty line cache for a run after the first (a run that missed data may have cached wrong lines). */
  freshCache?: () => LineCache | undefined;
}

export async function analyzeFromSources(text: string, sources: CorpusSource[], settings: Partial<AnalysisSettings> = {}, opts: SourcesOptions = {}): Promise<SourcesCheck> {
  const lang = loadLanguage(settings.language);
  const timings: Record<string, number> = {};
  let t = performance.now();
  const lap = (step: string) => { const now = performance.now(); timings[step] = (timings[step] ?? 0) + now - t; t = now; };
  const needs = draftNeeds(text, settings, opts);
  lap('read');
  const g = new Gathered(sources);
  await g.lookUp(opts.prefetch === false ? [] : needs.terms);
  lap('words');
  if (opts.prefetch !== false) {
    const { figures, searches } = requests(needs, g);
    const hits = await g.retrieve(figures, searches);
    lap('retrieve');
    await g.countedAttributions(needs.claims.map(c => c.countKind), hits);
    lap('counts');
  }
  let store = new PrefetchedStore(lang, g.data);
  lap('store');
  let result = analyze(text, store, settings, opts);
  lap('analyze');
  const missed = store.misses.describe();
  let passes = 1;
  while (store.misses.count && passes <= MAX_REFETCHES) {
    await g.fill(store.misses);
    store = new PrefetchedStore(lang, g.data);
    result = analyze(text, store, settings, { ...opts, cache: opts.freshCache?.() });
    passes++;
    lap('again');
  }
  return { result, store, passes, missed, timings };
}
