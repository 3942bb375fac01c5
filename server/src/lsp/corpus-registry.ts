// The corpora the open documents use: one Corpus per set of paths and language data, resolved from settings
// relative to the document's workspace folder, with indexing progress and a status notification for the client.
import * as path from 'path';
import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver';
import { Corpus } from './corpus';
import type { ServerSettings } from './settings';
import { STATUS_NOTIFICATION, StatusParams } from './protocol';

export interface RegistryOptions {
  connection: Connection;
  /** Corpus used when the settings name none (the bundled seeds). */
  defaultCorpus: string;
  cacheDir: () => string | undefined;
  hasProgress: () => boolean;
  log(msg: string): void;
  /** A corpus finished indexing or changed on disk: documents need checking again. */
  changed(): void;
}

export class CorpusRegistry {
  private readonly corpora = new Map<string, Corpus>();
  constructor(private readonly o: RegistryOptions) {}

  all(): Corpus[] { return [...this.corpora.values()]; }

  /** The corpus paths of a document: the settings' paths relative to its folder, or the default corpus. */
  paths(s: ServerSettings, folder: string | undefined): string[] {
    if (!s.corpusPaths.length) return [this.o.defaultCorpus];
    const base = folder ?? process.cwd();
    return s.corpusPaths.map(p => path.resolve(base, p.replace(/^~(?=$|\/)/, process.env.HOME ?? '~')));
  }

  get(paths: string[], s: ServerSettings): Corpus {
    const key = JSON.stringify([paths, s.analysis.language ?? null]);
    let c = this.corpora.get(key);
    if (!c) {
      c = this.open(paths, s);
      this.corpora.set(key, c);
    }
    return c;
  }

  private open(paths: string[], s: ServerSettings): Corpus {
    const progress = this.progress();
    const corpus: Corpus = new Corpus(paths, s.analysis.language, {
      log: this.o.log,
      progress: (state, n) => {
        progress(state, n);
        if (state !== 'end') this.sendStatus(corpus, 'indexing', n);
      },
      changed: c => { this.sendStatus(c, 'ready', c.index.articleCount); this.o.changed(); },
    }, this.o.cacheDir());
    return corpus;
  }

  /** Work-done progress for one indexing run (when the client supports it). */
  private progress() {
    let reporter: WorkDoneProgressServerReporter | undefined, ended = false;
    return (state: 'begin' | 'report' | 'end', n: number) => {
      if (state === 'begin') {
        ended = false;
        if (this.o.hasProgress()) void this.o.connection.window.createWorkDoneProgress().then(p => {
          p.begin('isnad', undefined, 'indexing corpus…');
          // Indexing may have finished while the client was creating the progress.
          if (ended) p.done(); else reporter = p;
        }).catch(() => undefined);
      } else if (state === 'report') reporter?.report(`${n} articles`);
      else { ended = true; reporter?.done(); reporter = undefined; }
    };
  }

  private sendStatus(c: Corpus, state: StatusParams['state'], articles: number) {
    void this.o.connection.sendNotification(STATUS_NOTIFICATION, { state, articles, paths: c.paths, version: c.version, fromCache: c.fromCache });
  }

  /** Lets go of every index (and its watchers); the ones still wanted are reopened, from their persisted index. */
  clear() { for (const c of this.corpora.values()) c.dispose(); this.corpora.clear(); }
}
