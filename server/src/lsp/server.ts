// The language server: wires documents, settings, the corpus and the features (diagnostics, hover, code
// actions) to a connection. startServer(connection) is all a test needs to run it over a stream pair.
import * as path from 'path';
import { fileURLToPath } from 'url';
import {
  Connection, TextDocuments, TextDocumentSyncKind, DocumentDiagnosticReportKind, ResponseError, LSPErrorCodes,
  InitializeParams, InitializeResult, CancellationToken, Diagnostic, WorkDoneProgressServerReporter, DidChangeConfigurationNotification,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Corpus } from './corpus';
import { Analyses, DocState } from './documents';
import { SettingsCache, ServerSettings } from './settings';
import { toDiagnostics } from './diagnostics';
import { hoverAt } from './hover';
import { codeActions } from './code-actions';
import { keyFromCorpusUri } from './locations';
import { readIgnoreList, addToIgnoreList } from './ignore-list';
import { defaultCacheDir } from '../core';
import { STATUS_NOTIFICATION, ARTICLE_TEXT_REQUEST, REINDEX_REQUEST, LIST_ARTICLES_REQUEST, IGNORE_COMMAND, StatusParams, ArticleTextParams } from './protocol';

export interface ServerOptions {
  /** Corpus used when the settings name none (the bundled seeds). */
  defaultCorpus: string;
  /** Debounce before analysing a changed document. */
  debounceMs?: number;
  /** Where persisted corpus indexes live; null: none. Default: the client's storage folder, else ~/.cache/isnad. */
  cacheDir?: string | null;
}

export const BUNDLED_SEEDS = path.resolve(__dirname, '..', 'seeds');

export function startServer(connection: Connection, options: ServerOptions = { defaultCorpus: BUNDLED_SEEDS }): void {
  const documents = new TextDocuments(TextDocument);
  const analyses = new Analyses();
  const corpora = new Map<string, Corpus>();
  const debounceMs = options.debounceMs ?? 150;
  let hasConfiguration = false, hasPull = false, hasRefresh = false, hasProgress = false;
  let clientLocale: string | undefined;
  let folders: string[] = [];
  let cacheDir: string | undefined = options.cacheDir === null ? undefined : options.cacheDir ?? defaultCacheDir();
  const settings = new SettingsCache(connection, () => hasConfiguration, () => clientLocale);
  const log = (m: string) => connection.console.log(`[isnad] ${m}`);
  // The workspace ignore lists, read once per folder (not on every keystroke); the Ignore fix updates them.
  const ignoreLists = new Map<string, string[]>();
  const ignoreListOf = (folder: string | undefined) => {
    if (!folder) return [];
    let l = ignoreLists.get(folder);
    if (!l) { l = readIgnoreList(folder); ignoreLists.set(folder, l); }
    return l;
  };

  const folderOf = (uri: string): string | undefined => {
    if (!uri.startsWith('file:')) return folders[0];
    const p = fileURLToPath(uri);
    return folders.filter(f => p === f || p.startsWith(f + path.sep)).sort((a, b) => b.length - a.length)[0] ?? folders[0];
  };

  const resolvePaths = (s: ServerSettings, uri: string): string[] => {
    if (!s.corpusPaths.length) return [options.defaultCorpus];
    const base = folderOf(uri) ?? process.cwd();
    return s.corpusPaths.map(p => path.resolve(base, p.replace(/^~(?=$|\/)/, process.env.HOME ?? '~')));
  };

  const corpusFor = (paths: string[], s: ServerSettings): Corpus => {
    const key = JSON.stringify([paths, s.analysis.language ?? null]);
    let c = corpora.get(key);
    if (!c) {
      let reporter: WorkDoneProgressServerReporter | undefined, ended = false;
      c = new Corpus(paths, s.analysis.language, {
        log,
        progress: (state, n) => {
          if (state === 'begin') {
            ended = false;
            sendStatus(c!, 'indexing', 0);
            if (hasProgress) void connection.window.createWorkDoneProgress().then(p => {
              p.begin('isnad', undefined, 'indexing corpus…');
              // Indexing may have finished while the client was creating the progress.
              if (ended) p.done(); else reporter = p;
            }).catch(() => undefined);
          } else if (state === 'report') { reporter?.report(`${n} articles`); sendStatus(c!, 'indexing', n); }
          else { ended = true; reporter?.done(); reporter = undefined; }
        },
        changed: corpus => { sendStatus(corpus, 'ready', corpus.index.articleCount); refreshAll(); },
      }, cacheDir);
      corpora.set(key, c);
    }
    return c;
  };

  const sendStatus = (c: Corpus, state: StatusParams['state'], articles: number) => {
    const p: StatusParams = { state, articles, paths: c.paths, version: c.version, fromCache: c.fromCache };
    void connection.sendNotification(STATUS_NOTIFICATION, p);
  };

  const draftKeyOf = (uri: string) => (uri.startsWith('file:') ? fileURLToPath(uri) : undefined);

  /** Analyses a document's current version; undefined when it went stale or was cancelled. */
  async function analyse(doc: TextDocument, token?: CancellationToken): Promise<{ state: DocState; corpus: Corpus } | undefined> {
    try {
      const s = await settings.get(doc.uri);
      if (!s.languages.includes(doc.languageId)) return undefined;
      const corpus = corpusFor(resolvePaths(s, doc.uri), s);
      await corpus.ready;
      const version = doc.version;
      const isStale = () => !!token?.isCancellationRequested || documents.get(doc.uri)?.version !== version;
      const state = analyses.run(doc.uri, version, doc.getText(), corpus,
        { ...s.analysis, ignore: ignoreListOf(folderOf(doc.uri)) }, draftKeyOf(doc.uri), isStale);
      return state ? { state, corpus } : undefined;
    } catch (e) {
      // An internal error must never take the editor down: no findings, and a log line to fix it from.
      log(`analysis failed for ${doc.uri}: ${(e as Error).stack ?? e}`);
      return undefined;
    }
  }

  const waitQuietly = (ms: number, token?: CancellationToken) => new Promise<void>(resolve => {
    const t = setTimeout(resolve, ms);
    token?.onCancellationRequested(() => { clearTimeout(t); resolve(); });
  });

  async function diagnosticsFor(doc: TextDocument, token?: CancellationToken): Promise<Diagnostic[] | undefined> {
    const r = await analyse(doc, token);
    return r ? toDiagnostics(r.state, r.corpus.index) : undefined;
  }

  // Push mode, for clients without pull diagnostics: debounce per document, publish only the current version.
  const pushTimers = new Map<string, NodeJS.Timeout>();
  function schedulePush(doc: TextDocument) {
    clearTimeout(pushTimers.get(doc.uri));
    pushTimers.set(doc.uri, setTimeout(async () => {
      pushTimers.delete(doc.uri);
      const current = documents.get(doc.uri);
      if (!current) return;
      const diags = await diagnosticsFor(current);
      if (diags && documents.get(doc.uri)?.version === current.version) {
        void connection.sendDiagnostics({ uri: current.uri, version: current.version, diagnostics: diags });
      }
    }, debounceMs));
  }

  function refreshAll() {
    if (hasPull) { if (hasRefresh) void connection.languages.diagnostics.refresh(); }
    else for (const d of documents.all()) schedulePush(d);
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    hasConfiguration = !!caps.workspace?.configuration;
    hasPull = !!caps.textDocument?.diagnostic;
    hasRefresh = !!caps.workspace?.diagnostics?.refreshSupport;
    hasProgress = !!caps.window?.workDoneProgress;
    const init = params.initializationOptions as { locale?: string; storagePath?: string } | undefined;
    clientLocale = init?.locale ?? params.locale;
    if (init?.storagePath && options.cacheDir === undefined) cacheDir = path.join(init.storagePath, 'index');
    folders = (params.workspaceFolders ?? []).filter(f => f.uri.startsWith('file:')).map(f => fileURLToPath(f.uri));
    if (!folders.length && params.rootUri?.startsWith('file:')) folders = [fileURLToPath(params.rootUri)];
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        executeCommandProvider: { commands: [IGNORE_COMMAND] },
        diagnosticProvider: hasPull ? { interFileDependencies: false, workspaceDiagnostics: false } : undefined,
      },
      serverInfo: { name: 'isnad' },
    };
  });

  connection.onInitialized(() => {
    if (hasConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'isnad' }).catch(() => undefined);
  });

  connection.onDidChangeConfiguration(() => {
    settings.clear();
    ignoreLists.clear();
    analyses.clear();
    // Corpus paths may have changed: let go of the indexes (and their watchers); the ones still wanted are
    // reopened from their persisted index on the next request.
    for (const c of corpora.values()) c.dispose();
    corpora.clear();
    refreshAll();
  });

  documents.onDidChangeContent(e => { if (!hasPull) schedulePush(e.document); });
  documents.onDidClose(e => {
    analyses.delete(e.document.uri);
    settings.forget(e.document.uri);
    clearTimeout(pushTimers.get(e.document.uri));
    if (!hasPull) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const version = doc.version;
    const cached = analyses.get(doc.uri);
    // Typing: wait for a pause unless this version is already analysed.
    if (!cached || cached.version !== version) await waitQuietly(debounceMs, token);
    if (token.isCancellationRequested || documents.get(doc.uri)?.version !== version) {
      throw new ResponseError(LSPErrorCodes.ServerCancelled, 'document changed', { retriggerRequest: true });
    }
    const diags = await diagnosticsFor(doc, token);
    if (!diags) {
      if (token.isCancellationRequested || documents.get(doc.uri)?.version !== version) {
        throw new ResponseError(LSPErrorCodes.ServerCancelled, 'document changed', { retriggerRequest: true });
      }
      return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    }
    return { kind: DocumentDiagnosticReportKind.Full, items: diags };
  });

  connection.onHover(async params => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const r = await analyse(doc);
    if (!r) return null;
    const s = await settings.get(doc.uri);
    return hoverAt(r.state, r.state.lines.offset(params.position), r.corpus.index, s.analysis.locale ?? 'ar');
  });

  connection.onCodeAction(async params => {
    const s = await settings.get(params.textDocument.uri);
    // The text as it is now (after the await): fixes are checked against it.
    return codeActions(params, s.analysis.locale ?? 'ar', documents.get(params.textDocument.uri));
  });

  connection.onExecuteCommand(async params => {
    if (params.command !== IGNORE_COMMAND) return;
    const [uri, key] = (params.arguments ?? []) as [string, string];
    const folder = folderOf(uri);
    if (!folder || typeof key !== 'string') { void connection.window.showWarningMessage('isnad: open a folder to keep an ignore list.'); return; }
    addToIgnoreList(folder, key);
    ignoreLists.delete(folder);
    analyses.delete(uri);
    refreshAll();
  });

  connection.onRequest(ARTICLE_TEXT_REQUEST, (p: ArticleTextParams) => {
    const key = keyFromCorpusUri(p.uri);
    for (const c of corpora.values()) { const a = key ? c.index.article(key) : undefined; if (a) return c.index.articleText(a); }
    return null;
  });

  connection.onRequest(LIST_ARTICLES_REQUEST, () => {
    const out: { key: string; title?: string; outlet?: string; date?: string; file: string; id?: string; line?: number }[] = [];
    for (const c of corpora.values()) for (const a of c.index.allArticles()) {
      out.push({ key: a.meta.key, title: a.meta.title, outlet: a.meta.outlet, date: a.meta.date, file: a.meta.file, id: a.meta.id, line: a.meta.line });
    }
    return out;
  });

  connection.onRequest(REINDEX_REQUEST, async () => {
    for (const c of corpora.values()) await c.reindex();
    analyses.clear();
    return [...corpora.values()].reduce((n, c) => n + c.index.articleCount, 0);
  });

  connection.onShutdown(() => { for (const c of corpora.values()) c.dispose(); });

  documents.listen(connection);
  connection.listen();
}
