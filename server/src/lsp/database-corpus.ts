// The shared archive as the language server sees it: a connection pool for checks, a LISTEN connection that says
// whether the archive is reachable and when an ingest changed it, and the password from the editor's secret store
// (asked once when the database refuses the login). Nothing here throws into the editor: a check that cannot use
// the archive says why, and the caller checks against the local corpus alone.
import { Archive } from '../archive/archive';
import { ArchiveListener } from '../archive/listener';
import { describeFailure, safeUrl, FailureKind } from '../archive/connect';
import type { AnalysisSettings, MemoryIndex } from '../core/api';
import type { SourcesCheck, SourcesOptions } from '../core/prefetch/prefetch';
import type { DatabaseStatus } from './protocol';

export interface DatabaseEvents {
  log(msg: string): void;
  /** The archive changed (an ingest committed) or became usable again: documents need checking again. */
  changed(db: DatabaseCorpus): void;
  status(db: DatabaseCorpus): void;
  /** The password for the URL from the editor's secret store; with `ask`, asking the user (the stored one failed). */
  password(url: string, ask: boolean): Promise<string | undefined>;
}

export class DatabaseCorpus {
  state: DatabaseStatus['state'] = 'connecting';
  message?: string;
  articles?: number;
  /** Changes whenever results may: the archive changed, or became usable or unusable. */
  version = 0;
  private archive?: Archive;
  private listener?: ArchiveListener;
  private asked = false;
  private disposed = false;
  /** Whether the LISTEN connection is up: then a check is worth trying even after one failed (say, on an archive
   * not migrated yet). */
  private linkUp = false;
  /** Settles at the first answer from the database (connected or not): the first check waits for it. */
  private firstAnswer!: Promise<void>;
  private answered = () => undefined as void;

  constructor(readonly url: string, readonly timeoutMs: number, private readonly events: DatabaseEvents) {
    void this.open(false);
  }

  private async open(ask: boolean) {
    this.firstAnswer = new Promise(res => { this.answered = res; });
    const password = await this.events.password(this.url, ask).catch(() => undefined);
    if (this.disposed) return;
    const options = { url: this.url, password, timeoutMs: this.timeoutMs, applicationName: 'isnad editor' };
    this.archive = new Archive(options);
    this.listener = new ArchiveListener(options, {
      state: (s, failure) => this.linkState(s, failure),
      notified: () => this.archiveChanged(),
    });
    this.listener.start();
  }

  private linkState(s: 'connecting' | 'connected' | 'unreachable', failure?: { kind: FailureKind; message: string }) {
    if (s === 'connecting') return;
    this.linkUp = s === 'connected';
    this.answered();
    if (failure?.kind === 'auth' && !this.asked) {
      // The stored (or no) password was refused: ask the user once, then connect again with theirs.
      this.asked = true;
      void this.reopen(true);
    }
    this.setState(s === 'connected' ? 'connected' : 'unreachable', failure?.message);
    if (s === 'connected') void this.refreshSize();
  }

  private async reopen(ask: boolean) {
    await this.close();
    this.disposed = false;
    await this.open(ask);
  }

  private setState(state: DatabaseStatus['state'], message?: string) {
    const usable = (x: DatabaseStatus['state']) => x === 'connected';
    const was = this.state;
    this.state = state;
    this.message = message;
    if (was === state && !message) return;
    if (usable(was) !== usable(state)) { this.version++; if (usable(state)) this.events.changed(this); }
    this.events.status(this);
  }

  private archiveChanged() {
    this.version++;
    void this.refreshSize();
    this.events.changed(this);
  }

  private async refreshSize() {
    try {
      this.articles = (await this.archive!.state()).articles;
      if (this.state !== 'connected') this.setState('connected');
      this.events.status(this);
    } catch (e) {
      this.failed(e);
    }
  }

  private failed(e: unknown) {
    const f = describeFailure(e);
    this.events.log(`archive ${safeUrl(this.url)}: ${f.message}`);
    this.setState(f.kind === 'slow' ? 'slow' : 'unreachable', f.message);
    this.listener?.poke();
  }

  /** A check against the archive (and `local` as part of the same corpus); throws when the archive is not usable. */
  async check(text: string, settings: Partial<AnalysisSettings>, opts: SourcesOptions, local?: MemoryIndex): Promise<SourcesCheck> {
    await Promise.race([this.firstAnswer, new Promise(res => setTimeout(res, this.timeoutMs))]);
    if (!this.linkUp || !this.archive) throw new Error(this.message ?? 'the archive is not reachable');
    try {
      const r = await this.archive.check(text, settings, opts, local);
      if (this.state !== 'connected') this.setState('connected');
      return r;
    } catch (e) {
      this.failed(e);
      throw e;
    }
  }

  async articleText(key: string): Promise<string | undefined> {
    return this.state === 'connected' ? this.archive?.articleText(key).catch(() => undefined) : undefined;
  }

  async recentArticles(limit: number) {
    return this.state === 'connected' ? (await this.archive?.recentArticles(limit).catch(() => undefined)) ?? [] : [];
  }

  status(): DatabaseStatus {
    return { url: safeUrl(this.url), state: this.state, articles: this.articles, message: this.message };
  }

  private async close() {
    this.disposed = true;
    await this.listener?.stop();
    await this.archive?.close();
    this.listener = undefined;
    this.archive = undefined;
  }

  dispose() { void this.close(); }
}
