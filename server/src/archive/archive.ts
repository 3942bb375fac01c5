// A connection to the shared archive for checking: a small pool of read connections, the rows fetched so far,
// and the archive's own questions (its size and version, an article's full text, a list of articles). A check
// reads one consistent snapshot (REPEATABLE READ, READ ONLY): an ingest committing meanwhile is seen by the next
// check, never by half of this one.
import type { Pool, PoolClient } from 'pg';
import { pg } from './pg-module';
import type { AnalysisSettings } from '../core/check/result';
import type { MemoryIndex } from '../core/index/memory-index';
import { MemorySource } from '../core/prefetch/memory-source';
import { analyzeFromSources, SourcesCheck, SourcesOptions } from '../core/prefetch/prefetch';
import type { CorpusSource } from '../core/prefetch/requests';
import { clientConfig, ConnectOptions } from './connect';
import { PgSource } from './pg-source';
import { RowCache } from './row-cache';
import { requireSchema } from './schema';
import { inTransaction } from './sql';

export interface ArchiveState { articles: number; version: number; sentences: number }

export class Archive {
  private readonly pool: Pool;
  readonly cache = new RowCache();
  private schemaChecked = false;

  constructor(readonly options: ConnectOptions, private readonly maxConnections = 4) {
    this.pool = new (pg().Pool)({ ...clientConfig(options), max: maxConnections, idleTimeoutMillis: 30_000 });
    // An idle connection the server dropped: the pool discards it; the next check connects again.
    this.pool.on('error', () => undefined);
  }

  /** A pooled connection for `work`; after a failure the connection is discarded, not pooled again (a statement
   * that timed out on the client may leave it mid-transaction). */
  private async withClient<T>(work: (c: PoolClient) => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    try {
      if (!this.schemaChecked) { await requireSchema(c); this.schemaChecked = true; }
      const out = await work(c);
      c.release();
      return out;
    } catch (e) {
      c.release(e as Error);
      throw e;
    }
  }

  /** Checks a draft against the archive (and, when given, a local index as part of the same corpus). */
  async check(text: string, settings: Partial<AnalysisSettings>, opts: SourcesOptions = {}, local?: MemoryIndex): Promise<SourcesCheck> {
    return this.withClient(async c => {
      const helper = await this.spare();
      let failed: Error | undefined;
      try {
        return await inTransaction(c, 'BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY', () => {
          const sources: CorpusSource[] = local ? [new MemorySource(local, 0), new PgSource(c, 1, this.cache, helper)] : [new PgSource(c, 0, this.cache, helper)];
          return analyzeFromSources(text, sources, settings, opts);
        });
      } catch (e) {
        failed = e as Error;
        throw e;
      } finally {
        helper?.release(failed);
      }
    });
  }

  /** A second connection for fetching rows, when one is free (never waits for one). */
  private async spare(): Promise<PoolClient | undefined> {
    if (this.maxConnections < 2 || (!this.pool.idleCount && this.pool.totalCount >= this.maxConnections)) return undefined;
    return this.pool.connect().catch(() => undefined);
  }

  async state(): Promise<ArchiveState> {
    return this.withClient(async c => {
      const { rows } = await c.query<{ articles: string; version: string; sentences: string }>('SELECT articles, version, live_sentences AS sentences FROM archive_state');
      return { articles: Number(rows[0].articles), version: Number(rows[0].version), sentences: Number(rows[0].sentences) };
    });
  }

  /** An archived article's full text (to open it in the editor). */
  async articleText(key: string): Promise<string | undefined> {
    return this.withClient(async c => (await c.query<{ text: string }>('SELECT text FROM article WHERE key = $1', [key])).rows[0]?.text);
  }

  /** The newest archived articles (an archive is too large to list whole). */
  async recentArticles(limit: number) {
    return this.withClient(async c => (await c.query<{ record: { meta: { key: string; title?: string; outlet?: string; date?: string; file: string; id?: string; line?: number } } }>(
      'SELECT record FROM article ORDER BY id DESC LIMIT $1', [limit])).rows.map(r => r.record.meta));
  }

  async close() { await this.pool.end().catch(() => undefined); }
}
