// Writes articles into the shared archive, one batch per transaction under the ingest lock: an unchanged article
// (same key and content hash) is left alone, a changed one has its rows replaced, a new one is added; postings,
// document frequencies and the corpus counts change in the same transaction, which ends by notifying editors.
// A batch is all or nothing, so an ingest killed at any moment leaves whole articles, and a rerun carries on.
import type { ClientBase } from 'pg';
import type { CorpusArticle } from '../core/corpus/loader';
import type { ArticleRows } from '../core/index/article-rows';
import { sentenceSpan } from '../core/index/article-rows';
import { figureKey } from '../core/index/store';
import { lineStarts } from '../core/positions';
import { insertRows, inTransaction } from './sql';
import { CHANNEL, INGEST_LOCK, POSTING_KEY } from './schema';

/** An article read and ready to write. */
export interface PreparedArticle { article: CorpusArticle; source: string; hash: string; rows: ArticleRows }

export interface BatchResult { added: number; replaced: number; unchanged: number; version: number }

interface Ids { article: number; sentence: number; figure: number }

export class ArchiveWriter {
  /** Term and figure-key ids known committed (ids never change); ids of this transaction join them on commit. */
  private readonly termIds = new Map<string, number>();
  private readonly keyIds = new Map<string, number>();

  constructor(private readonly c: ClientBase, private readonly reader: string) {}

  /** Content hashes of the archived articles among `keys` (a first look, outside the lock). */
  async hashes(keys: string[]): Promise<Map<string, string>> {
    const { rows } = await this.c.query<{ key: string; content_hash: string }>('SELECT key, content_hash FROM article WHERE key = ANY($1::text[])', [keys]);
    return new Map(rows.map(r => [r.key, r.content_hash]));
  }

  /** The keys of the archived articles of these sources. */
  async keysOf(sources: string[]): Promise<string[]> {
    const { rows } = await this.c.query<{ key: string }>('SELECT key FROM article WHERE source = ANY($1::text[])', [sources]);
    return rows.map(r => r.key);
  }

  async write(batch: PreparedArticle[]): Promise<BatchResult> {
    const fresh = { terms: new Map<string, number>(), keys: new Map<string, number>() };
    const result = await inTransaction(this.c, 'BEGIN', async () => {
      await this.c.query('SELECT pg_advisory_xact_lock($1)', [INGEST_LOCK]);
      // Looked at again under the lock: another ingest may have written some of these meanwhile.
      const { rows } = await this.c.query<{ id: number; key: string; content_hash: string }>(
        'SELECT id, key, content_hash FROM article WHERE key = ANY($1::text[])', [batch.map(b => b.article.key)]);
      const old = new Map(rows.map(r => [r.key, r]));
      const seen = new Set<string>();
      const todo = batch.filter(b => old.get(b.article.key)?.content_hash !== b.hash && !seen.has(b.article.key) && seen.add(b.article.key));
      const replaced = todo.map(b => old.get(b.article.key)?.id).filter((x): x is number => x !== undefined);
      const unchanged = batch.length - todo.length;
      // Nothing to write: no new version, so editors have nothing to re-check.
      if (!todo.length) return { added: 0, replaced: 0, unchanged, version: 0 };
      await this.deleteRows(replaced);
      await this.insert(todo, fresh);
      return { added: todo.length - replaced.length, replaced: replaced.length, unchanged, version: await this.bump() };
    });
    for (const [t, id] of fresh.terms) this.termIds.set(t, id);
    for (const [t, id] of fresh.keys) this.keyIds.set(t, id);
    return result;
  }

  /** Starts a first load if the archive is empty (or carries on one that was interrupted): the postings are
   * written without their index until finishFirstLoad(). Checks meanwhile work, slowly. */
  async startFirstLoad(): Promise<boolean> {
    return inTransaction(this.c, 'BEGIN', async () => {
      await this.c.query('SELECT pg_advisory_xact_lock($1)', [INGEST_LOCK]);
      const s = (await this.c.query<{ articles: string; first_load: boolean }>('SELECT articles, first_load FROM archive_state')).rows[0];
      if (s.first_load) return true;
      if (Number(s.articles) > 0) return false;
      await this.c.query('ALTER TABLE posting DROP CONSTRAINT posting_pkey');
      await this.c.query('UPDATE archive_state SET first_load = true');
      return true;
    });
  }

  /** Builds the postings' index after a first load (whichever ingest ends first does it; later batches then keep it
   * up to date as usual). */
  async finishFirstLoad(): Promise<void> {
    await inTransaction(this.c, 'BEGIN', async () => {
      await this.c.query('SELECT pg_advisory_xact_lock($1)', [INGEST_LOCK]);
      if (!(await this.c.query<{ first_load: boolean }>('SELECT first_load FROM archive_state')).rows[0].first_load) return;
      await this.c.query(POSTING_KEY);
      await this.c.query('UPDATE archive_state SET first_load = false');
    });
  }

  /** Statistics and the visibility map brought up to date after a large write (not in a transaction). */
  async vacuum() {
    await this.c.query('VACUUM (ANALYZE) article, sentence, posting, figure, term');
  }

  /** Removes articles by key; returns how many were archived. */
  async remove(keys: string[]): Promise<{ deleted: number; version: number }> {
    return inTransaction(this.c, 'BEGIN', async () => {
      await this.c.query('SELECT pg_advisory_xact_lock($1)', [INGEST_LOCK]);
      const { rows } = await this.c.query<{ id: number }>('SELECT id FROM article WHERE key = ANY($1::text[])', [keys]);
      if (!rows.length) return { deleted: 0, version: 0 };
      await this.deleteRows(rows.map(r => r.id));
      return { deleted: rows.length, version: await this.bump() };
    });
  }

  /** Postings, document frequencies and counts of the articles' sentences, then the articles (their sentences and
   * figures go with them). */
  private async deleteRows(ids: number[]) {
    if (!ids.length) return;
    await this.c.query(`
      WITH gone AS (SELECT DISTINCT s.id, t FROM sentence s, unnest(s.terms) t WHERE s.article_id = ANY($1::int[])),
      del AS (DELETE FROM posting p USING gone g WHERE p.term_id = g.t AND p.sentence_id = g.id RETURNING p.term_id)
      UPDATE term SET df = term.df - d.n FROM (SELECT term_id, count(*) AS n FROM del GROUP BY term_id) d WHERE term.id = d.term_id`, [ids]);
    await this.c.query(`
      UPDATE archive_state SET articles = articles - $2, live_sentences = live_sentences - g.n, total_terms = total_terms - g.terms
      FROM (SELECT count(*) AS n, coalesce(sum(cardinality(terms)), 0) AS terms FROM sentence WHERE article_id = ANY($1::int[])) g`, [ids, ids.length]);
    await this.c.query('DELETE FROM article WHERE id = ANY($1::int[])', [ids]);
  }

  /** Ids for texts of a vocabulary table (term, figure_key), adding the new ones. */
  private async ensureIds(table: 'term' | 'figure_key', texts: Iterable<string>, known: Map<string, number>, fresh: Map<string, number>): Promise<(t: string) => number> {
    const want = [...new Set(texts)].filter(t => !known.has(t)).sort();
    if (want.length) {
      await this.c.query(`INSERT INTO ${table} (text) SELECT unnest($1::text[]) ON CONFLICT (text) DO NOTHING`, [want]);
      const { rows } = await this.c.query<{ id: number; text: string }>(`SELECT id, text FROM ${table} WHERE text = ANY($1::text[])`, [want]);
      for (const r of rows) fresh.set(r.text, r.id);
    }
    return t => known.get(t) ?? fresh.get(t)!;
  }

  /** The next ids, taken as one block per table under the lock: ids follow the order of ingest. */
  private async allocate(articles: number, sentences: number, figures: number): Promise<Ids> {
    const { rows } = await this.c.query<{ a: number; s: number; f: number }>(`
      UPDATE archive_state SET next_article = next_article + $1, next_sentence = next_sentence + $2, next_figure = next_figure + $3
      RETURNING next_article - $1 AS a, next_sentence - $2 AS s, next_figure - $3 AS f`, [articles, sentences, figures]);
    return { article: rows[0].a, sentence: rows[0].s, figure: rows[0].f };
  }

  private async insert(batch: PreparedArticle[], fresh: { terms: Map<string, number>; keys: Map<string, number> }) {
    const termId = await this.ensureIds('term', batch.flatMap(b => b.rows.sentences.flatMap(s => s.terms)), this.termIds, fresh.terms);
    const keys = batch.flatMap(b => b.rows.figures.map(f => figureKey(f)).filter((k): k is string => !!k));
    const keyId = await this.ensureIds('figure_key', keys, this.keyIds, fresh.keys);
    const nS = batch.reduce((n, b) => n + b.rows.sentences.length, 0), nF = batch.reduce((n, b) => n + b.rows.figures.length, 0);
    const first = await this.allocate(batch.length, nS, nF);
    const articles: unknown[][] = [], sentences: unknown[][] = [], figures: unknown[][] = [];
    let s = first.sentence, f = first.figure, terms = 0;
    batch.forEach((b, i) => {
      const id = first.article + i, r = b.rows, text = b.article.text;
      const { meta, attributions, sectionOutlets, titleEntities, titleTerms, signature } = r;
      articles.push([id, meta.key, b.source, b.hash, JSON.stringify({ meta, attributions, sectionOutlets, titleEntities, titleTerms, signature }), r.sentences.length, lineStarts(text), text.length, text]);
      const termIds = r.sentences.map(row => row.terms.map(termId));
      r.sentences.forEach((row, idx) => {
        const { terms: words, ...rest } = row;
        const span = sentenceSpan(row, r.figures.filter(x => x.sentence === idx), attributions.filter(x => x.sentence === idx));
        sentences.push([s + idx, id, idx, termIds[idx], JSON.stringify(rest), span.start, text.slice(span.start, span.end)]);
        terms += words.length;
      });
      r.figures.forEach((row, idx) => {
        const key = figureKey(row), k = key === undefined ? null : keyId(key);
        const anchors = k === null ? [] : [...new Set(termIds[row.sentence])].map(t => k * 2 ** 32 + t);
        figures.push([f++, id, idx, s + row.sentence, row.sentence, k, row.group ?? null, row.places, anchors, JSON.stringify(row)]);
      });
      s += r.sentences.length;
    });
    await insertRows(this.c, 'article', ['id', 'key', 'source', 'content_hash', 'record', 'sentence_count', 'line_starts', 'text_length', 'text'], articles);
    await insertRows(this.c, 'sentence', ['id', 'article_id', 'idx', 'terms', 'row', 'span_start', 'span_text'], sentences);
    await insertRows(this.c, 'figure', ['id', 'article_id', 'idx', 'sentence_id', 'sentence_idx', 'key_id', 'grp', 'places', 'anchors', 'row'], figures);
    await this.derivePostings(first.sentence, s);
    await this.c.query(`UPDATE archive_state SET articles = articles + $1, live_sentences = live_sentences + $2, total_terms = total_terms + $3, reader = $4`,
      [batch.length, nS, terms, this.reader]);
  }

  /** Postings and document frequencies of the sentences [from, to), derived in the database (they never cross the
   * wire). */
  private async derivePostings(from: number, to: number) {
    if (to <= from) return;
    await this.c.query(`
      INSERT INTO posting (term_id, sentence_id, length)
      SELECT DISTINCT t, s.id, cardinality(s.terms) FROM sentence s, unnest(s.terms) t WHERE s.id >= $1 AND s.id < $2`, [from, to]);
    await this.c.query(`
      UPDATE term SET df = term.df + d.n
      FROM (SELECT t, count(DISTINCT s.id) AS n FROM sentence s, unnest(s.terms) t WHERE s.id >= $1 AND s.id < $2 GROUP BY t) d
      WHERE term.id = d.t`, [from, to]);
  }

  /** A new archive version, announced to editors when the transaction commits. */
  private async bump(): Promise<number> {
    const { rows } = await this.c.query<{ version: string }>('UPDATE archive_state SET version = version + 1 RETURNING version');
    await this.c.query('SELECT pg_notify($1, $2)', [CHANNEL, rows[0].version]);
    return Number(rows[0].version);
  }
}
