// A local corpus (the in-memory index) as a CorpusSource, so it can be checked together with the shared archive as
// one corpus: it answers the same requests from its own columns, ranking by the combined corpus's weights.
import type { MemoryIndex } from '../index/memory-index';
import type { ArticleRecord } from '../index/store';
import { lengthNorm } from '../index/sentence-search';
import { sentenceSpan } from '../index/article-rows';
import { lineStarts } from '../positions';
import {
  CorpusSource, TermInfo, CandidateRequest, SearchRequest, FigureRef, SentenceRef, FetchedRows, FetchedArticle, FetchedSentence,
  FetchedFigure, bestWithTies,
} from './requests';

const lines = new WeakMap<ArticleRecord, number[]>();

export class MemorySource implements CorpusSource {
  constructor(readonly index: MemoryIndex, readonly source: number, readonly name = 'local') {}

  async terms(texts: string[]): Promise<TermInfo> {
    const df = new Map<string, number>();
    for (const t of texts) { const id = this.index.termId(t); if (id >= 0) df.set(t, this.index.termDf(id)); }
    return { stats: this.index.stats(), df };
  }

  private figureRef(id: number): FigureRef {
    const s = this.index.figureSentence(id), a = this.index.sentenceArticle(s);
    return { source: this.source, order: a.firstSentence, idx: id - this.index.firstFigureOf(a), sentence: s - a.firstSentence };
  }

  private candidates(r: CandidateRequest): FigureRef[] {
    const ix = this.index;
    const anchors = r.anchors.map(t => ix.termId(t)).filter(t => t >= 0);
    const ids = ix.figureCandidates(r.key, { group: r.group, places: r.places, sentence: ix.sentencesWithAny(anchors) });
    const query = new Map<number, number>();
    r.query.terms.forEach((t, i) => { const id = ix.termId(t); if (id >= 0) query.set(id, r.query.weights[i]); });
    const coverage = new Map(ids.map(id => [id, ix.score(query, ix.figureSentence(id)).coverage]));
    return bestWithTies(ids, id => coverage.get(id)!, r.retrieve).map(id => this.figureRef(id));
  }

  /** BM25 as SentenceSearch scores it, with the request's (combined corpus) idf and mean length. */
  private search(r: SearchRequest): SentenceRef[] {
    const ix = this.index, acc = new Map<number, number>();
    r.terms.forEach((t, i) => {
      for (const list of ix.postingsOf(ix.termId(t))) {
        for (const s of list) if (ix.isAlive(s)) acc.set(s, (acc.get(s) ?? 0) + r.idf[i] * lengthNorm(ix.sentenceTerms(s).length, r.avgLength));
      }
    });
    return bestWithTies([...acc.keys()], s => acc.get(s)!, r.k).sort((a, b) => a - b).map(s => {
      const a = ix.sentenceArticle(s);
      return { source: this.source, order: a.firstSentence, idx: s - a.firstSentence };
    });
  }

  async retrieve(figures: CandidateRequest[], searches: SearchRequest[]) {
    return { figures: figures.map(r => this.candidates(r)), searches: searches.map(r => this.search(r)) };
  }

  private article(a: ArticleRecord): FetchedArticle {
    let ls = lines.get(a);
    const text = this.index.articleText(a);
    if (!ls) { ls = lineStarts(text); lines.set(a, ls); }
    return {
      source: this.source, order: a.firstSentence, meta: a.meta, sentenceCount: a.sentenceCount, attributions: a.attributions,
      sectionOutlets: a.sectionOutlets, ...(a.titleEntities ? { titleEntities: a.titleEntities, titleTerms: a.titleTerms } : {}),
      ...(a.signature ? { signature: a.signature } : {}), lineStarts: ls, textLength: text.length,
    };
  }

  private sentence(a: ArticleRecord, idx: number, out: FetchedRows) {
    const ix = this.index, s = a.firstSentence + idx;
    const facts = ix.factsOf(s), range = ix.sentenceRange(s);
    const figures = ix.figuresOfSentence(s).map(id => ix.figure(id));
    const span = sentenceSpan(range, figures, a.attributions.filter(x => x.sentence === idx));
    out.sentences.push({
      source: this.source, order: a.firstSentence, idx, start: range.start, end: range.end, terms: facts.terms, entities: facts.entities,
      span: { start: span.start, text: ix.articleText(a).slice(span.start, span.end) },
    } satisfies FetchedSentence);
    for (const f of figures) {
      const { id, ...row } = f;
      out.figures.push({ ...this.figureRef(id), row: { ...row, sentence: idx } } satisfies FetchedFigure);
    }
  }

  async rows(refs: SentenceRef[]): Promise<FetchedRows> {
    const out: FetchedRows = { articles: [], sentences: [], figures: [] };
    const byOrder = new Map<number, ArticleRecord>();
    for (const r of refs) {
      let a = byOrder.get(r.order);
      if (!a) {
        a = this.index.sentenceArticle(r.order);
        if (!a || a.firstSentence !== r.order || !a.alive) continue;
        byOrder.set(r.order, a);
        out.articles.push(this.article(a));
      }
      if (r.idx < a.sentenceCount) this.sentence(a, r.idx, out);
    }
    return out;
  }
}
