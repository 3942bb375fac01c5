// `isnad ingest`: reads the same inputs as --corpus, through isnad's own reading (so the archive holds what a local
// index would), and writes them in batches (writer.ts). Reading runs on worker threads while the previous batch is
// written. Idempotent (an article's key plus a hash of its content and of the reader decide whether it changed),
// resumable (each batch commits on its own; a rerun skips what is there before reading it), and with --delete it
// removes the articles of a source that the source no longer has.
import { createHash } from 'crypto';
import type { ClientBase } from 'pg';
import { readCorpus, isProblem, LoadProblem, CorpusArticle } from '../core/corpus/loader';
import { ReadingPool } from '../core/corpus/worker-pool';
import { readText, Reading } from '../core/read/read-text';
import { loadLanguage, languageKey } from '../core/language';
import { articleRows } from '../core/index/article-rows';
import { ArchiveWriter, PreparedArticle } from './writer';
import { requireSchema } from './schema';

export interface IngestProgress { read: number; added: number; replaced: number; unchanged: number; deleted: number }
export interface IngestReport extends IngestProgress { problems: number; seconds: number; version: number }

export interface IngestOptions {
  /** Folders, .txt/.md files, .jsonl(.gz) archives: each is a source (--delete works per source). */
  paths: string[];
  /** Remove archived articles of these sources that the sources no longer hold. */
  delete?: boolean;
  batchSize?: number;
  onProgress?: (p: IngestProgress) => void;
  onProblem?: (p: LoadProblem) => void;
}

/** Articles per transaction: larger batches write faster; smaller ones reach editors sooner. */
export const DEFAULT_BATCH = 1000;
/** After writing this many articles, VACUUM (ANALYZE) the tables: the planner needs their new statistics, and the
 * postings' index-only scans the visibility map (autovacuum would get there, later). */
const VACUUM_AFTER = 2000;
/** Batches read ahead of the one being written. */
const AHEAD = 2;
const DELETE_BATCH = 1000;

/** What decides whether an archived article is still current: its content, its metadata and the reader's build
 * and language data (a new reader re-reads the archive once, as it rebuilds a local index). */
export function contentHash(a: CorpusArticle, reader: string): string {
  return createHash('sha1').update(JSON.stringify([reader, a.text, a.title ?? null, a.outlet ?? null, a.date ?? null, a.url ?? null, a.id ?? null])).digest('hex');
}

/** The source an input path names, as stored (so --delete finds its articles on the next run). */
const sourceName = (p: string) => p.replace(/\/+$/, '') || p;

interface Pending { source: string; article: CorpusArticle; hash: string }

class Ingest {
  readonly progress: IngestProgress = { read: 0, added: 0, replaced: 0, unchanged: 0, deleted: 0 };
  problems = 0;
  version = 0;
  private readonly lang = loadLanguage();
  private readonly reader = languageKey();
  private readonly writer: ArchiveWriter;
  private readonly look: ArchiveWriter;
  private pool?: ReadingPool;
  private inFlight: Promise<void>[] = [];
  private writing: Promise<void> = Promise.resolve();

  /** `write` holds the transactions; `look` (another connection) answers "is it there already?" meanwhile. */
  constructor(write: ClientBase, look: ClientBase, private readonly opts: IngestOptions) {
    this.writer = new ArchiveWriter(write, this.reader);
    this.look = new ArchiveWriter(look, this.reader);
  }

  async run(): Promise<void> {
    // Before the reading pool: a role that may not write fails here, and no worker is left to keep the process up.
    const firstLoad = await this.writer.startFirstLoad();
    this.pool = ReadingPool.create();
    try {
      const clean: string[] = [];
      const seen = new Set<string>();
      for (const path of this.opts.paths) {
        if (await this.readSource(path, seen)) clean.push(sourceName(path));
      }
      await Promise.all(this.inFlight);
      await this.writing;
      if (firstLoad) await this.writer.finishFirstLoad();
      if (this.opts.delete) await this.deleteGone(clean, seen);
      const p = this.progress;
      if (p.added + p.replaced + p.deleted >= VACUUM_AFTER) await this.writer.vacuum();
    } finally {
      await this.pool?.close();
    }
  }

  /** Reads one source in batches; true when it was read without a problem. */
  private async readSource(path: string, seen: Set<string>): Promise<boolean> {
    const source = sourceName(path);
    let ok = true, batch: Pending[] = [];
    for await (const item of readCorpus([path])) {
      if (isProblem(item)) { ok = false; this.problems++; this.opts.onProblem?.(item); continue; }
      seen.add(item.key);
      batch.push({ source, article: item, hash: contentHash(item, this.reader) });
      if (batch.length >= (this.opts.batchSize ?? DEFAULT_BATCH)) { await this.submit(batch); batch = []; }
    }
    if (batch.length) await this.submit(batch);
    return ok;
  }

  /** Starts reading a batch and queues its write after the previous ones (ids follow the input order). */
  private async submit(batch: Pending[]) {
    const prepared = this.prepare(batch);
    prepared.catch(() => undefined); // handled where the write awaits it
    const written = this.writing.then(async () => {
      const todo = await prepared;
      this.count(batch.length, todo.length ? await this.writer.write(todo) : { added: 0, replaced: 0, version: 0 });
    });
    written.catch(() => undefined); // a failed write surfaces where it is awaited, once
    this.writing = written;
    this.inFlight.push(written);
    if (this.inFlight.length > AHEAD) await this.inFlight.shift();
  }

  /** `n` articles read; those neither added nor replaced were archived unchanged. */
  private count(n: number, r: { added: number; replaced: number; version: number }) {
    const p = this.progress;
    p.added += r.added; p.replaced += r.replaced; p.unchanged += n - r.added - r.replaced; p.read += n;
    if (r.version) this.version = r.version;
    this.opts.onProgress?.({ ...p });
  }

  /** Skips what the archive holds unchanged, reads the rest into rows. */
  private async prepare(batch: Pending[]): Promise<PreparedArticle[]> {
    const have = await this.look.hashes(batch.map(b => b.article.key));
    const todo = batch.filter(b => have.get(b.article.key) !== b.hash);
    const readings: Reading[] = this.pool
      ? await this.pool.read(todo.map(b => ({ text: b.article.text, date: b.article.date })))
      : todo.map(b => readText(b.article.text, this.lang, { draft: false, date: b.article.date }));
    return todo.map((b, i) => ({ ...b, rows: articleRows(b.article, readings[i], this.lang) }));
  }

  /** Articles of the cleanly read sources that they no longer hold. */
  private async deleteGone(sources: string[], seen: Set<string>) {
    if (!sources.length) return;
    const gone = (await this.look.keysOf(sources)).filter(k => !seen.has(k));
    for (let i = 0; i < gone.length; i += DELETE_BATCH) {
      const r = await this.writer.remove(gone.slice(i, i + DELETE_BATCH));
      this.progress.deleted += r.deleted;
      if (r.version) this.version = r.version;
      this.opts.onProgress?.({ ...this.progress });
    }
  }
}

/** Ingests `opts.paths` into the archive behind `write` (its schema must be current); `look` is a second
 * connection to the same database. */
export async function ingest(write: ClientBase, look: ClientBase, opts: IngestOptions): Promise<IngestReport> {
  const t0 = Date.now();
  await requireSchema(write);
  const run = new Ingest(write, look, opts);
  await run.run();
  return { ...run.progress, problems: run.problems, seconds: (Date.now() - t0) / 1000, version: run.version };
}
