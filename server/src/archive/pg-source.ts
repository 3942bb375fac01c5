// The shared archive as a CorpusSource (core/prefetch): the requests of one check answered by a few statements in
// one read-only snapshot. Candidates and search hits are ranked in the database, by the same weights the check
// uses, and only the best (with ties, see bestWithTies) come back; the check then ranks them exactly.
import type { ClientBase } from 'pg';
import { K1, B } from '../core/index/sentence-search';
import {
  CorpusSource, TermInfo, CandidateRequest, SearchRequest, FigureRef, SentenceRef, FetchedRows, SCORE_EPSILON,
} from '../core/prefetch/requests';
import type { FigureRow } from '../core/index/article-rows';
import { RowCache, CachedSentence, CachedArticle, sentenceCacheKey } from './row-cache';

/** The best `retrieve` candidates of each request by the summed weights of the query words their sentence holds
 * (all of them when retrieve is null), in sentences holding an anchor word, with the key, group and places rules
 * of figureCandidates (core/index/memory-index.ts). */
const CANDIDATES_SQL = `
SELECT coalesce(json_agg(json_build_array(r.ord, c.article_id, c.idx, c.sentence_idx) ORDER BY r.ord, c.article_id, c.idx), '[]') AS found
FROM json_to_recordset($1::json) AS r(ord int, key text, grp text, places text[], anchors int[], qt int[], qw float8[], retrieve int)
JOIN figure_key k ON k.text = r.key
CROSS JOIN LATERAL (
  WITH cand AS MATERIALIZED (
    SELECT f.article_id, f.idx, f.sentence_idx, f.anchors FROM figure f
    WHERE f.key_id IS NOT NULL AND f.anchors && ARRAY(SELECT k.id::bigint << 32 | a FROM unnest(r.anchors) a)
      AND (r.grp IS NULL OR f.grp IS NULL OR f.grp = r.grp)
      AND (cardinality(r.places) = 0 OR cardinality(f.places) = 0 OR f.places && r.places)
  ), q AS (SELECT k.id::bigint << 32 | t AS p, w FROM unnest(r.qt, r.qw) AS x(t, w)),
  -- Every candidate holds an anchor, and anchors are query words: a join loses none.
  scored AS MATERIALIZED (
    SELECT c.article_id, c.idx, c.sentence_idx, sum(q.w) AS num
    FROM cand c CROSS JOIN LATERAL unnest(c.anchors) AS a(p) JOIN q ON q.p = a.p
    GROUP BY c.article_id, c.idx, c.sentence_idx
  ), floor AS (SELECT num FROM scored ORDER BY num DESC OFFSET greatest(r.retrieve, 1) - 1 LIMIT 1)
  SELECT scored.* FROM scored
  WHERE r.retrieve IS NULL OR NOT EXISTS (SELECT 1 FROM floor)
     OR scored.num >= (SELECT num - $2::float8 * greatest(1, abs(num)) FROM floor)
) c`;

/** BM25 over each request's words (all sentences when k is null): the best k and their ties. */
const SEARCH_SQL = `
SELECT coalesce(json_agg(json_build_array(r.ord, s.article_id, s.idx) ORDER BY r.ord, s.article_id, s.idx), '[]') AS found
FROM json_to_recordset($1::json) AS r(ord int, terms int[], idf float8[], k int, avg float8)
CROSS JOIN LATERAL (
  WITH acc AS MATERIALIZED (
    SELECT p.sentence_id, sum(w.idf * ($3::float8 + 1) / (1 + $3::float8 * (1 - $4::float8 + $4::float8 * p.length / r.avg))) AS score
    FROM unnest(r.terms, r.idf) AS w(t, idf) JOIN posting p ON p.term_id = w.t
    GROUP BY p.sentence_id
  ), floor AS (SELECT score FROM acc ORDER BY score DESC OFFSET greatest(r.k, 1) - 1 LIMIT 1)
  SELECT acc.sentence_id FROM acc
  WHERE r.k IS NULL OR NOT EXISTS (SELECT 1 FROM floor)
     OR acc.score >= (SELECT score - $2::float8 * greatest(1, abs(score)) FROM floor)
) c
-- A lookup per hit (OFFSET 0 keeps the planner from turning it into a join over every sentence).
CROSS JOIN LATERAL (SELECT s.article_id, s.idx FROM sentence s WHERE s.id = c.sentence_id OFFSET 0) s`;

/** The rows of the wanted sentences (by article and position), their figures, and the articles not yet cached. */
const ROWS_SQL = `
WITH want AS MATERIALIZED (
  SELECT s.id, s.article_id, s.idx, s.terms, s.row, s.span_start, s.span_text
  FROM unnest($1::int[], $2::int[]) AS w(a, i) JOIN sentence s ON s.article_id = w.a AND s.idx = w.i)
SELECT
  (SELECT coalesce(json_agg(json_build_array(id, article_id, idx, terms, row, span_start, span_text)), '[]') FROM want) AS sentences,
  (SELECT coalesce(json_agg(json_build_array(f.sentence_id, f.idx, f.row) ORDER BY f.sentence_id, f.idx), '[]')
     FROM figure f WHERE f.sentence_id IN (SELECT id FROM want)) AS figures,
  (SELECT coalesce(json_agg(json_build_array(a.id, a.record, a.sentence_count, a.line_starts, a.text_length)), '[]')
     FROM article a WHERE a.id = ANY($3::int[])) AS articles`;

type SentenceJson = [number, number, number, number[], CachedSentence['row'], number, string];
type ArticleJson = [number, Pick<CachedArticle, 'meta' | 'attributions' | 'sectionOutlets' | 'titleEntities' | 'titleTerms' | 'signature'>, number, number[], number];

const finite = (n: number) => (Number.isFinite(n) ? n : null);
/** Below this many sentences, a second connection is not worth it. */
const SPLIT_ROWS = 200;

export class PgSource implements CorpusSource {
  /** Term ids of the words looked up in this check. */
  private readonly ids = new Map<string, number>();

  /** `helper`: a second connection, outside the snapshot, that fetches half of the rows meanwhile (rows never
   * change under their ids; one that a concurrent ingest deleted is asked of the snapshot again). */
  constructor(private readonly c: ClientBase, readonly source: number, private readonly cache: RowCache, private readonly helper?: ClientBase, readonly name = 'archive') {}

  async terms(texts: string[]): Promise<TermInfo> {
    const { rows } = await this.c.query<{ state: { live: number; total: number; articles: number }; terms: [string, number, number][] }>(`
      SELECT (SELECT json_build_object('live', live_sentences, 'total', total_terms, 'articles', articles) FROM archive_state) AS state,
             (SELECT coalesce(json_agg(json_build_array(text, id, df)), '[]') FROM term WHERE text = ANY($1::text[])) AS terms`, [texts]);
    const df = new Map<string, number>();
    for (const [text, id, n] of rows[0].terms) { df.set(text, n); this.ids.set(text, id); this.cache.termText.set(id, text); }
    const s = rows[0].state;
    return { stats: { liveSentences: Number(s.live), totalLength: Number(s.total), articles: Number(s.articles) }, df };
  }

  private id = (t: string) => this.ids.get(t);

  async retrieve(figures: CandidateRequest[], searches: SearchRequest[]) {
    const figs: FigureRef[][] = figures.map(() => []), hits: SentenceRef[][] = searches.map(() => []);
    const fReq = figures.map((r, ord) => {
      const q = r.query.terms.map((t, i) => [this.id(t), r.query.weights[i]] as const).filter(([id]) => id !== undefined);
      return { ord, key: r.key, grp: r.group ?? null, places: r.places, anchors: r.anchors.map(this.id).filter(x => x !== undefined), qt: q.map(x => x[0]), qw: q.map(x => x[1]), retrieve: finite(r.retrieve) };
    });
    const sReq = searches.map((r, ord) => {
      const w = r.terms.map((t, i) => [this.id(t), r.idf[i]] as const).filter(([id]) => id !== undefined);
      return { ord, terms: w.map(x => x[0]), idf: w.map(x => x[1]), k: finite(r.k), avg: r.avgLength };
    });
    if (fReq.length) {
      const { rows } = await this.c.query<{ found: [number, number, number, number][] }>(CANDIDATES_SQL, [JSON.stringify(fReq), SCORE_EPSILON]);
      for (const [ord, article, idx, sentence] of rows[0].found) figs[ord].push({ source: this.source, order: article, idx, sentence });
    }
    if (sReq.length) {
      const { rows } = await this.c.query<{ found: [number, number, number][] }>(SEARCH_SQL, [JSON.stringify(sReq), SCORE_EPSILON, K1, B]);
      for (const [ord, article, idx] of rows[0].found) hits[ord].push({ source: this.source, order: article, idx });
    }
    return { figures: figs, searches: hits };
  }

  async rows(refs: SentenceRef[]): Promise<FetchedRows> {
    await this.fetchRows(refs.filter(r => !this.cache.sentences.has(sentenceCacheKey(r.order, r.idx))), [...new Set(refs.map(r => r.order))].filter(a => !this.cache.articles.has(a)));
    const sentences = refs.map(r => this.cache.sentences.get(sentenceCacheKey(r.order, r.idx))).map((s, i) => [refs[i], s] as const).filter(([, s]) => s) as [SentenceRef, CachedSentence][];
    await this.fetchTermTexts(sentences.flatMap(([, s]) => s.terms).filter(t => !this.cache.termText.has(t)));
    const out: FetchedRows = { articles: [], sentences: [], figures: [] };
    const articles = new Set<number>();
    for (const [r, s] of sentences) {
      const a = this.cache.articles.get(r.order);
      if (!a) continue;
      if (!articles.has(r.order)) { articles.add(r.order); out.articles.push({ ...a, source: this.source, archived: true }); }
      out.sentences.push({ source: this.source, order: r.order, idx: r.idx, ...s.row, terms: s.terms.map(t => this.cache.termText.get(t)!), span: s.span });
      for (const [idx, row] of s.figures) out.figures.push({ source: this.source, order: r.order, idx, sentence: r.idx, row });
    }
    return out;
  }

  /** Rows over two connections when there is a helper and enough of them. */
  private async fetchRows(refs: SentenceRef[], articleIds: number[]) {
    if (!this.helper || refs.length < SPLIT_ROWS) return this.fetchRowsOn(this.c, refs, articleIds);
    const half = refs.length >> 1;
    const [, late] = await Promise.all([this.fetchRowsOn(this.c, refs.slice(0, half), articleIds), this.fetchRowsOn(this.helper, refs.slice(half), [])]);
    const missing = late.filter(r => !this.cache.sentences.has(sentenceCacheKey(r.order, r.idx)));
    if (missing.length) await this.fetchRowsOn(this.c, missing, []);
  }

  /** Sentences (with their figures) and articles, each kind as one JSON document: parsed at once, not row by row. */
  private async fetchRowsOn(c: ClientBase, refs: SentenceRef[], articleIds: number[]): Promise<SentenceRef[]> {
    if (!refs.length && !articleIds.length) return refs;
    const { rows } = await c.query<{ sentences: SentenceJson[]; figures: [number, number, FigureRow][]; articles: ArticleJson[] }>(ROWS_SQL, [refs.map(r => r.order), refs.map(r => r.idx), articleIds]);
    const figures = new Map<number, [number, FigureRow][]>();
    for (const [sentence, idx, row] of rows[0].figures) (figures.get(sentence) ?? figures.set(sentence, []).get(sentence)!).push([idx, row]);
    for (const [id, article, idx, terms, row, start, text] of rows[0].sentences) {
      this.cache.sentences.set(sentenceCacheKey(article, idx), { id, terms, row, span: { start, text }, figures: figures.get(id) ?? [] });
    }
    for (const [id, record, sentenceCount, lineStarts, textLength] of rows[0].articles) {
      const { meta, attributions, sectionOutlets, titleEntities, titleTerms, signature } = record;
      this.cache.articles.set(id, { order: id, meta, sentenceCount, attributions, sectionOutlets, ...(titleEntities ? { titleEntities, titleTerms } : {}), ...(signature ? { signature } : {}), lineStarts, textLength });
    }
    return refs;
  }

  private async fetchTermTexts(ids: number[]) {
    if (!ids.length) return;
    const { rows } = await this.c.query<{ terms: [number, string][] }>(`SELECT coalesce(json_agg(json_build_array(id, text)), '[]') AS terms FROM term WHERE id = ANY($1::int[])`, [[...new Set(ids)]]);
    for (const [id, text] of rows[0].terms) this.cache.termText.set(id, text);
  }
}
