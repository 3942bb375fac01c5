// One corpus index per set of corpus paths: built in the background with progress, watched on disk, and
// updated article by article when files are added, changed or removed.
import * as fs from 'fs';
import * as path from 'path';
import { openCorpus, describeProblem, loadLanguage, MemoryIndex, readCorpus, isProblem, readTextArticle, LanguageExtension, isArchive, isCorpusFile } from '../core/api';

export interface CorpusEvents {
  log(msg: string): void;
  progress(state: 'begin' | 'report' | 'end', articles: number): void;
  changed(corpus: Corpus): void;
}

export class Corpus {
  index: MemoryIndex;
  ready: Promise<void>;
  indexing = true;
  /** Whether the last build loaded the persisted index. */
  fromCache = false;
  version = 0;
  private watchers: fs.FSWatcher[] = [];
  private pending = new Map<string, NodeJS.Timeout>();
  private disposed = false;
  private forceRebuild = false;

  private closeCache = () => undefined as void;

  /** cacheDir: where the persisted index lives (undefined: none). */
  constructor(readonly paths: string[], private readonly language: LanguageExtension | undefined, private readonly events: CorpusEvents, private readonly cacheDir?: string) {
    this.index = new MemoryIndex(loadLanguage(language));
    // Started on the next tick, so whoever created the corpus holds it before the first event arrives.
    this.ready = Promise.resolve().then(() => this.build());
  }

  private async build() {
    this.events.progress('begin', 0);
    const opened = await openCorpus(this.paths, {
      language: this.language, cacheDir: this.cacheDir, rebuild: this.forceRebuild,
      onProblem: p => this.events.log(`corpus: ${describeProblem(p)}`),
      onProgress: (n, _total, phase) => { if (phase === 'index') this.events.progress('report', n); },
      onLog: m => this.events.log(m),
      isCancelled: () => this.disposed,
    });
    if (this.disposed) {
      // Disposed while indexing (a shutdown, a settings change): keep neither the file open nor a watcher,
      // which would hold the process open after its client has gone.
      opened.close();
      this.indexing = false;
      this.events.progress('end', 0);
      return;
    }
    this.closeCache();
    this.closeCache = opened.close;
    this.fromCache = opened.fromCache;
    const index = opened.index;
    this.index = index;
    this.indexing = false;
    this.version++;
    this.events.progress('end', index.articleCount);
    this.watch();
    this.events.changed(this);
  }

  /** Rebuilds from the corpus files, ignoring the persisted index. */
  async reindex() {
    this.indexing = true;
    this.forceRebuild = true;
    this.unwatch();
    this.ready = this.build();
    await this.ready;
  }

  private watch() {
    if (this.disposed) return;
    for (const p of this.paths) {
      try {
        const isDir = fs.statSync(p).isDirectory();
        // Not persistent: the connection keeps the server alive; a watcher alone must never keep a process open.
        const w = fs.watch(p, { recursive: isDir, persistent: false }, (_e, name) => {
          const file = isDir ? (name ? path.join(p, name.toString()) : undefined) : p;
          if (file) this.schedule(file);
        });
        w.on('error', e => this.events.log(`corpus watch ${p}: ${e.message}`));
        this.watchers.push(w);
      } catch (e) {
        this.events.log(`corpus watch ${p}: ${(e as Error).message}`);
      }
    }
  }

  private unwatch() { for (const w of this.watchers) w.close(); this.watchers = []; }

  /** Editors save in bursts (write, rename, chmod): wait for the file to settle. */
  private schedule(file: string) {
    if (!isCorpusFile(file)) return;
    clearTimeout(this.pending.get(file));
    this.pending.set(file, setTimeout(() => { this.pending.delete(file); void this.update(file); }, 100));
  }

  async update(file: string) {
    if (this.disposed) return;
    let changed = false;
    if (isArchive(file)) {
      for (const a of this.index.allArticles()) if (a.meta.file === file) changed = this.index.remove(a.meta.key) || changed;
      if (fs.existsSync(file)) {
        for await (const item of readCorpus([file])) {
          if (isProblem(item)) this.events.log(`corpus: ${describeProblem(item)}`);
          else changed = this.index.add(item) || changed;
        }
      }
    } else if (!fs.existsSync(file)) {
      changed = this.index.remove(file);
    } else {
      const r = readTextArticle(file);
      for (const p of r.problems) this.events.log(`corpus: ${describeProblem(p)}`);
      changed = r.article ? this.index.add(r.article) : this.index.remove(file);
    }
    if (changed) {
      this.version++;
      this.events.changed(this);
    }
  }

  dispose() {
    this.disposed = true;
    this.closeCache();
    this.unwatch();
    for (const t of this.pending.values()) clearTimeout(t);
  }
}
