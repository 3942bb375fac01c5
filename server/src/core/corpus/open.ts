// Opens a corpus through its persisted index: loads it when nothing changed, re-reads only the files that
// changed (stamps.ts decides which) and drops removed ones, and builds it from scratch when there is no usable
// cache. Stale temporary files of killed writes are cleaned on the way.
import * as os from 'os';
import * as path from 'path';
import { corpusFiles, readCorpus, isProblem, LoadProblem, CorpusArticle, isArchive } from './loader';
import type { Reading } from '../read/read-text';
import { ReadingPool } from './worker-pool';
import { MemoryIndex } from '../index/memory-index';
import { fingerprint } from '../index/store';
import { loadLanguage, languageKey, LanguageExtension, Language } from '../language';
import { saveIndex, cleanStaleTemps } from './persist';
import { loadIndex } from './persist-load';
import { SourceStamp, statFiles, withHashes, findChanges } from './stamps';

export interface OpenOptions {
  language?: LanguageExtension;
  /** Folder for persisted indexes; undefined: no persistence (tests, one-off checks). */
  cacheDir?: string;
  /** Ignore the persisted index and build afresh (then persist the result). */
  rebuild?: boolean;
  /** Hash every corpus file whose size is unchanged, to find contents changed under the same time. */
  verify?: boolean;
  /** Read every stored text once, checking it, before using a persisted index (texts are otherwise checked as
   * they are read); a damaged one means a rebuild now. `isnad index` does this, as does verify. */
  checkTexts?: boolean;
  onProblem?: (p: LoadProblem) => void;
  onProgress?: (done: number, total: number, phase: 'load' | 'index' | 'save') => void;
  onLog?: (msg: string) => void;
  /** What went wrong with the persisted index (not used, damaged, not written); default: onLog. */
  onWarning?: (msg: string) => void;
  isCancelled?: () => boolean;
}

export interface OpenedCorpus { index: MemoryIndex; fromCache: boolean; reindexedFiles: number; cacheFile?: string; close(): void }

export function defaultCacheDir(): string {
  return process.env.ISNAD_CACHE_DIR || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'isnad');
}

export function cacheFileFor(paths: string[], cacheDir: string): string {
  return path.join(cacheDir, `${fingerprint(JSON.stringify(paths.map(p => path.resolve(p))))}.isnad-index`);
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

/** The corpus from its persisted index, brought up to date; undefined when there is no usable index. */
async function fromCache(files: string[], cacheFile: string, lang: Language, key: string, opts: OpenOptions): Promise<OpenedCorpus | undefined> {
  opts.onProgress?.(0, files.length, 'load');
  const { loaded, reason } = opts.rebuild ? { loaded: undefined, reason: 'rebuild requested' } : loadIndex(cacheFile, lang, key, { onDamage: m => warn(opts, m) });
  if (!loaded) {
    if (reason !== 'no persisted index') warn(opts, `persisted index ${cacheFile} not used (${reason}); rebuilding`);
    return undefined;
  }
  if ((opts.checkTexts || opts.verify) && !textsIntact(loaded.index, loaded.damaged)) {
    loaded.close();
    warn(opts, `persisted index ${cacheFile} not used (a stored text fails its checksum); rebuilding`);
    return undefined;
  }
  const { index } = loaded;
  const stampedAt = Date.now();
  const { changed, gone, stamps } = findChanges(loaded.stamps, loaded.stampedAt, statFiles(files), opts.verify);
  if (changed.length || gone.length) {
    const hashed = withHashes(stamps);
    const drop = new Set([...changed, ...gone]);
    for (const a of index.allArticles()) if (drop.has(a.meta.file)) index.remove(a.meta.key);
    await indexFiles(index, changed, opts, changed.length);
    opts.onLog?.(`persisted index updated: ${changed.length} changed, ${gone.length} removed file(s)`);
    trySave(index, cacheFile, hashed, key, stampedAt, opts, () => (loaded.damaged() ? 'a stored text failed its check' : undefined));
  }
  return { index, fromCache: true, reindexedFiles: changed.length, cacheFile, close: loaded.close };
}

/** Reads every live article's stored text (each read checks it); false as soon as one fails. */
function textsIntact(index: MemoryIndex, damaged: () => boolean): boolean {
  for (const a of index.allArticles()) {
    index.articleText(a);
    if (damaged()) return false;
  }
  return true;
}

export async function openCorpus(paths: string[], opts: OpenOptions = {}): Promise<OpenedCorpus> {
  const lang = loadLanguage(opts.language);
  const key = languageKey(opts.language);
  const { files, problems } = corpusFiles(paths);
  problems.forEach(p => opts.onProblem?.(p));
  const cacheFile = opts.cacheDir ? cacheFileFor(paths, opts.cacheDir) : undefined;
  if (cacheFile) {
    cleanStaleTemps(opts.cacheDir!, m => warn(opts, m));
    const cached = await fromCache(files, cacheFile, lang, key, opts);
    if (cached) return cached;
  }
  // Stamped (and hashed) before reading: a file that changes meanwhile is re-read next time.
  const stampedAt = Date.now();
  const stamps = cacheFile ? withHashes(statFiles(files)) : [];
  const index = new MemoryIndex(lang);
  await indexFiles(index, files, opts, files.length);
  if (cacheFile && !opts.isCancelled?.()) trySave(index, cacheFile, stamps, key, stampedAt, opts);
  return { index, fromCache: false, reindexedFiles: files.length, cacheFile, close: () => undefined };
}

function trySave(index: MemoryIndex, file: string, stamps: SourceStamp[], key: string, stampedAt: number, opts: OpenOptions, abortIf?: () => string | undefined) {
  try {
    opts.onProgress?.(0, 1, 'save');
    saveIndex(index, file, stamps, key, { stampedAt, abortIf });
  } catch (e) {
    // A cache that cannot be written only costs time next start.
    warn(opts, `could not write the persisted index ${file}: ${(e as Error).message}`);
  }
}

function warn(opts: OpenOptions, m: string) { (opts.onWarning ?? opts.onLog)?.(m); }
