// Opens a corpus through its persisted index: loads it when nothing changed, re-reads only the files whose
// size or time changed (and drops removed ones), and builds it from scratch when there is no usable cache.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { corpusFiles, readCorpus, isProblem, LoadProblem, CorpusArticle, isArchive } from './loader';
import type { Reading } from '../read/read-text';
import { ReadingPool } from './worker-pool';
import { MemoryIndex } from '../index/memory-index';
import { fingerprint } from '../index/store';
import { loadLanguage, languageKey, LanguageExtension } from '../language';
import { loadIndex, saveIndex, SourceStamp } from './persist';

export interface OpenOptions {
  language?: LanguageExtension;
  /** Folder for persisted indexes; undefined: no persistence (tests, one-off checks). */
  cacheDir?: string;
  /** Ignore the persisted index and build afresh (then persist the result). */
  rebuild?: boolean;
  onProblem?: (p: LoadProblem) => void;
  onProgress?: (done: number, total: number, phase: 'load' | 'index' | 'save') => void;
  onLog?: (msg: string) => void;
  isCancelled?: () => boolean;
}

export interface OpenedCorpus { index: MemoryIndex; fromCache: boolean; reindexedFiles: number; cacheFile?: string; close(): void }

export function defaultCacheDir(): string {
  return process.env.ISNAD_CACHE_DIR || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'isnad');
}

export function cacheFileFor(paths: string[], cacheDir: string): string {
  return path.join(cacheDir, `${fingerprint(JSON.stringify(paths.map(p => path.resolve(p))))}.isnad-index`);
}

function stampsOf(files: string[]): SourceStamp[] {
  const out: SourceStamp[] = [];
  for (const file of files) {
    try { const st = fs.statSync(file); out.push({ file, size: st.size, mtimeMs: st.mtimeMs }); } catch { /* vanished: not stamped */ }
  }
  return out;
}

const BATCH = 64;
const IN_FLIGHT = 6;

async function indexFiles(index: MemoryIndex, files: string[], opts: OpenOptions, total: number) {
  let n = 0;
  // Large corpora are read by worker threads in batches; results are added in order, on this thread.
  const pool = files.length > 20 || files.some(isArchive) ? ReadingPool.create(opts.language) : undefined;
  const pending: { articles: CorpusArticle[]; results: Promise<Reading[]> }[] = [];
  let batch: CorpusArticle[] = [];
  const drain = async (keep: number) => {
    while (pending.length > keep) {
      const { articles, results } = pending.shift()!;
      const analyzed = await results;
      articles.forEach((a, i) => index.add(a, analyzed[i]));
      n += articles.length;
      opts.onProgress?.(n, total, 'index');
    }
  };
  try {
    for await (const item of readCorpus(files)) {
      if (opts.isCancelled?.()) return;
      if (isProblem(item)) { opts.onProblem?.(item); continue; }
      if (!pool) {
        index.add(item);
        if (++n % 250 === 0) opts.onProgress?.(n, total, 'index');
        continue;
      }
      batch.push(item);
      if (batch.length === BATCH) {
        pending.push({ articles: batch, results: pool.read(batch.map(a => ({ text: a.text, date: a.date }))) });
        batch = [];
        await drain(IN_FLIGHT);
      }
    }
    if (pool && batch.length) pending.push({ articles: batch, results: pool.read(batch.map(a => ({ text: a.text, date: a.date }))) });
    await drain(0);
  } finally {
    await pool?.close();
  }
  opts.onProgress?.(n, total, 'index');
}

export async function openCorpus(paths: string[], opts: OpenOptions = {}): Promise<OpenedCorpus> {
  const lang = loadLanguage(opts.language);
  const key = languageKey(opts.language);
  const { files, problems } = corpusFiles(paths);
  problems.forEach(p => opts.onProblem?.(p));
  const stamps = stampsOf(files);
  const cacheFile = opts.cacheDir ? cacheFileFor(paths, opts.cacheDir) : undefined;
  let close = () => undefined as void;
  if (cacheFile) {
    opts.onProgress?.(0, files.length, 'load');
    const { loaded, reason } = opts.rebuild ? { loaded: undefined, reason: 'rebuild requested' } : loadIndex(cacheFile, lang, key);
    if (loaded) {
      close = loaded.close;
      const index = loaded.index;
      const old = new Map(loaded.stamps.map(s => [s.file, s]));
      const now = new Set(stamps.map(s => s.file));
      const changed = stamps.filter(s => { const o = old.get(s.file); return !o || o.size !== s.size || o.mtimeMs !== s.mtimeMs; }).map(s => s.file);
      const gone = [...old.keys()].filter(f => !now.has(f));
      if (changed.length || gone.length) {
        const drop = new Set([...changed, ...gone]);
        for (const a of index.allArticles()) if (drop.has(a.meta.file)) index.remove(a.meta.key);
        await indexFiles(index, changed, opts, changed.length);
        opts.onLog?.(`persisted index updated: ${changed.length} changed, ${gone.length} removed file(s)`);
        trySave(index, cacheFile, stamps, key, opts);
      }
      return { index, fromCache: true, reindexedFiles: changed.length, cacheFile, close };
    }
    if (reason !== 'no persisted index') opts.onLog?.(`persisted index ${cacheFile} not used (${reason}); rebuilding`);
  }
  const index = new MemoryIndex(lang);
  await indexFiles(index, files, opts, files.length);
  if (cacheFile && !opts.isCancelled?.()) trySave(index, cacheFile, stamps, key, opts);
  return { index, fromCache: false, reindexedFiles: files.length, cacheFile, close };
}

function trySave(index: MemoryIndex, file: string, stamps: SourceStamp[], key: string, opts: OpenOptions) {
  try {
    opts.onProgress?.(0, 1, 'save');
    saveIndex(index, file, stamps, key);
  } catch (e) {
    // A cache that cannot be written only costs time next start.
    opts.onLog?.(`could not write the persisted index ${file}: ${(e as Error).message}`);
  }
}
