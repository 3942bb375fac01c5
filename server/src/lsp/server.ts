// The language server: wires documents, settings, the corpora and the features (diagnostics, hover, code
// actions) to a connection. startServer(connection) is all a test needs to run it over a stream pair.
import * as path from 'path';
import { fileURLToPath } from 'url';
import {
  Connection, TextDocuments, TextDocumentSyncKind, DocumentDiagnosticReportKind, ResponseError, LSPErrorCodes,
  InitializeParams, InitializeResult, CancellationToken, Diagnostic, DidChangeConfigurationNotification, DocumentDiagnosticReport,
  ShowMessageNotification, MessageType,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultCacheDir } from '../core/api';
import { CorpusRegistry } from './corpus-registry';
import { DatabaseRegistry } from './database-registry';
import { checkTarget } from './check-target';
import { DocumentStates, DocState } from './documents';
import { SettingsCache } from './settings';
import { toDiagnostics } from './diagnostics';
import { hoverAt } from './hover';
import { codeActions } from './code-actions';
import { IgnoreLists } from './ignore-list';
import { PushScheduler } from './push';
import { ARTICLE_TEXT_REQUEST, REINDEX_REQUEST, LIST_ARTICLES_REQUEST, FACT_SHEET_REQUEST, IGNORE_COMMAND, keyFromCorpusUri, ArticleInfo } from './protocol';
import { factSheetFor } from './fact-sheet';

export interface ServerOptions {
  /** Corpus used when the settings name none (the bundled seeds). */
  defaultCorpus: string;
  /** Debounce before analysing a changed document. */
  debounceMs?: number;
  /** Where persisted corpus indexes live; null: none. Default: the client's storage folder, else ~/.cache/isnad. */
  cacheDir?: string | null;
}

interface ClientFeatures { configuration: boolean; pull: boolean; refresh: boolean; progress: boolean; locale?: string }

/** The request was overtaken by an edit: the client asks again for the new version. */
const overtaken = () => new ResponseError(LSPErrorCodes.ServerCancelled, 'document changed', { retriggerRequest: true });

export function startServer(connection: Connection, options: ServerOptions): void {
  new IsnadServer(connection, options).listen();
}

class IsnadServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly states = new DocumentStates();
  private readonly ignoreLists = new IgnoreLists(m => this.warn(m));
  private readonly client: ClientFeatures = { configuration: false, pull: false, refresh: false, progress: false };
  private folders: string[] = [];
  /** After shutdown no corpus is opened again: a request or push still in flight would start indexing and
   * watching that nothing would ever stop. */
  private shutDown = false;
  private cacheDir: string | undefined;
  private readonly settings: SettingsCache;
  private readonly corpora: CorpusRegistry;
  private readonly databases: DatabaseRegistry;
  private readonly push: PushScheduler;
  private readonly debounceMs: number;

  constructor(private readonly connection: Connection, private readonly options: ServerOptions) {
    this.cacheDir = options.cacheDir === null ? undefined : options.cacheDir ?? defaultCacheDir();
    this.debounceMs = options.debounceMs ?? 150;
    this.settings = new SettingsCache(connection, () => this.client.configuration, () => this.client.locale, m => this.warn(m));
    this.corpora = new CorpusRegistry({
      connection, defaultCorpus: options.defaultCorpus, cacheDir: () => this.cacheDir, hasProgress: () => this.client.progress,
      log: m => this.log(m), changed: () => this.refreshAll(),
    });
    this.databases = new DatabaseRegistry({ connection, log: m => this.log(m), changed: () => this.refreshAll() });
    this.push = new PushScheduler(connection, this.documents, this.debounceMs, doc => this.diagnosticsFor(doc));
  }

  private log(m: string) { this.connection.console.log(`[isnad] ${m}`); }
  /** Something the user must know (their file or setting is not used as written): shown and logged. */
  private warn(m: string) {
    this.log(m);
    // A notification, not a request: nothing waits on the user's answer.
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `isnad: ${m}` });
  }

  private folderOf(uri: string): string | undefined {
    if (!uri.startsWith('file:')) return this.folders[0];
    const p = fileURLToPath(uri);
    return this.folders.filter(f => p === f || p.startsWith(f + path.sep)).sort((a, b) => b.length - a.length)[0] ?? this.folders[0];
  }

  /** Checks a document's current version; undefined when it went stale, was cancelled, or is not checked. */
  private async checkDocument(doc: TextDocument, token?: CancellationToken): Promise<DocState | undefined> {
    try {
      const s = await this.settings.get(doc.uri);
      if (!s.languages.includes(doc.languageId)) return undefined;
      const folder = this.folderOf(doc.uri);
      if (this.shutDown) return undefined;
      const target = await checkTarget(s, folder, this.corpora, this.databases);
      const version = doc.version;
      const isStale = () => !!token?.isCancellationRequested || this.documents.get(doc.uri)?.version !== version;
      const draftKey = doc.uri.startsWith('file:') ? fileURLToPath(doc.uri) : undefined;
      return await this.states.run(doc.uri, version, doc.getText(), target, { ...s.analysis, ignore: this.ignoreLists.of(folder) }, draftKey, isStale);
    } catch (e) {
      // An internal error must never take the editor down: no findings, and a log line to fix it from.
      this.log(`analysis failed for ${doc.uri}: ${(e as Error).stack ?? e}`);
      return undefined;
    }
  }

  private async diagnosticsFor(doc: TextDocument, token?: CancellationToken): Promise<Diagnostic[] | undefined> {
    const state = await this.checkDocument(doc, token);
    if (!state) return undefined;
    const s = await this.settings.get(doc.uri);
    return toDiagnostics(state, state.store, s.analysis.locale ?? 'ar');
  }

  private refreshAll() {
    if (this.client.pull) { if (this.client.refresh) void this.connection.languages.diagnostics.refresh(); }
    else for (const d of this.documents.all()) this.push.schedule(d);
  }

  private initialize(params: InitializeParams): InitializeResult {
    const caps = params.capabilities, client = this.client;
    client.configuration = !!caps.workspace?.configuration;
    client.pull = !!caps.textDocument?.diagnostic;
    client.refresh = !!caps.workspace?.diagnostics?.refreshSupport;
    client.progress = !!caps.window?.workDoneProgress;
    const init = params.initializationOptions as { locale?: string; storagePath?: string } | undefined;
    client.locale = init?.locale ?? params.locale;
    if (init?.storagePath && this.options.cacheDir === undefined) this.cacheDir = path.join(init.storagePath, 'index');
    this.folders = (params.workspaceFolders ?? []).filter(f => f.uri.startsWith('file:')).map(f => fileURLToPath(f.uri));
    if (!this.folders.length && params.rootUri?.startsWith('file:')) this.folders = [fileURLToPath(params.rootUri)];
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        executeCommandProvider: { commands: [IGNORE_COMMAND] },
        diagnosticProvider: client.pull ? { interFileDependencies: false, workspaceDiagnostics: false } : undefined,
      },
      serverInfo: { name: 'isnad' },
    };
  }

  private configurationChanged() {
    this.settings.clear();
    this.ignoreLists.clear();
    this.states.clear();
    // Corpus paths may have changed; the indexes still wanted are reopened from their persisted index, the
    // archives still wanted reconnect.
    this.corpora.clear();
    this.databases.clear();
    this.refreshAll();
  }

  private async pullDiagnostics(uri: string, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const doc = this.documents.get(uri);
    if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const version = doc.version;
    const isCurrent = () => !token.isCancellationRequested && this.documents.get(doc.uri)?.version === version;
    // Typing: wait for a pause unless this version is already analysed.
    if (this.states.get(doc.uri)?.version !== version) await pause(this.debounceMs, token);
    if (!isCurrent()) throw overtaken();
    const items = await this.diagnosticsFor(doc, token);
    if (!items && !isCurrent()) throw overtaken();
    return { kind: DocumentDiagnosticReportKind.Full, items: items ?? [] };
  }

  private async ignore(args: unknown[] | undefined) {
    const [uri, key] = (args ?? []) as [string, string];
    const folder = this.folderOf(uri);
    if (!folder || typeof key !== 'string') { this.warn('open a folder to keep an ignore list.'); return; }
    const problem = this.ignoreLists.add(folder, key);
    if (problem) { this.warn(problem); return; }
    this.states.delete(uri);
    this.refreshAll();
  }

  listen() {
    const { connection, documents } = this;
    connection.onInitialize(p => this.initialize(p));
    connection.onInitialized(() => {
      if (this.client.configuration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'isnad' }).catch(() => undefined);
    });
    connection.onDidChangeConfiguration(() => this.configurationChanged());
    documents.onDidChangeContent(e => { if (!this.client.pull) this.push.schedule(e.document); });
    documents.onDidClose(e => {
      this.states.delete(e.document.uri);
      this.settings.forget(e.document.uri);
      if (!this.client.pull) this.push.closed(e.document.uri);
    });
    connection.languages.diagnostics.on((params, token) => this.pullDiagnostics(params.textDocument.uri, token));
    connection.onHover(async params => {
      const doc = documents.get(params.textDocument.uri);
      const state = doc && await this.checkDocument(doc);
      if (!state) return null;
      const s = await this.settings.get(state.uri);
      return hoverAt(state, state.lines.offset(params.position), state.store, s.analysis.locale ?? 'ar');
    });
    connection.onCodeAction(async params => {
      const s = await this.settings.get(params.textDocument.uri);
      // The text as it is now (after the await): fixes are checked against it.
      return codeActions(params, s.analysis.locale ?? 'ar', documents.get(params.textDocument.uri));
    });
    connection.onRequest(FACT_SHEET_REQUEST, async (params, token) => {
      const doc = documents.get(params.uri);
      const state = doc && await this.checkDocument(doc, token);
      if (!state) return null;
      const s = await this.settings.get(state.uri);
      return factSheetFor(state, state.store, s.analysis.locale ?? 'ar');
    });
    connection.onExecuteCommand(params => (params.command === IGNORE_COMMAND ? this.ignore(params.arguments) : undefined));
    registerCorpusRequests(connection, this.corpora, this.databases, this.states);
    connection.onShutdown(() => { this.shutDown = true; this.corpora.clear(); this.databases.clear(); });
    documents.listen(connection);
    connection.listen();
  }
}

/** Waits ms, or less if the request is cancelled. */
function pause(ms: number, token?: CancellationToken) {
  return new Promise<void>(resolve => {
    const t = setTimeout(resolve, ms);
    token?.onCancellationRequested(() => { clearTimeout(t); resolve(); });
  });
}

/** The newest archived articles an «open corpus article» list shows (an archive is too large to list whole). */
const ARCHIVE_LIST = 2000;

/** isnad/articleText, isnad/listArticles and isnad/reindex. */
function registerCorpusRequests(connection: Connection, corpora: CorpusRegistry, databases: DatabaseRegistry, states: DocumentStates) {
  connection.onRequest(ARTICLE_TEXT_REQUEST, async p => {
    const key = keyFromCorpusUri(p.uri);
    if (!key) return null;
    for (const c of corpora.all()) { const a = c.index.article(key); if (a) return c.index.articleText(a); }
    for (const db of databases.all()) { const t = await db.articleText(key); if (t !== undefined) return t; }
    return null;
  });
  connection.onRequest(LIST_ARTICLES_REQUEST, async () => {
    const out: ArticleInfo[] = [];
    const info = (meta: ArticleInfo, archived?: boolean) => ({ key: meta.key, title: meta.title, outlet: meta.outlet, date: meta.date, file: meta.file, id: meta.id, line: meta.line, archived });
    for (const c of corpora.all()) for (const { meta } of c.index.allArticles()) out.push(info(meta));
    for (const db of databases.all()) for (const meta of await db.recentArticles(ARCHIVE_LIST)) out.push(info(meta, true));
    return out;
  });
  connection.onRequest(REINDEX_REQUEST, async () => {
    for (const c of corpora.all()) await c.reindex();
    states.clear();
    return corpora.all().reduce((n, c) => n + c.index.articleCount, 0);
  });
}
