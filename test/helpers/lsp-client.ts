// Runs the language server in-process over a pair of streams and talks to it as an editor would.
import { PassThrough } from 'stream';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { startServer } from '../../server/src/lsp/server';

export interface TestClient {
  conn: ProtocolConnection;
  config: Record<string, unknown>;
  refreshes: number;
  statuses: { state: string; articles: number; database?: { state: string; articles?: number; message?: string } }[];
  published: Map<string, import('vscode-languageserver').Diagnostic[]>;
  /** Messages the server showed the user (window/showMessage), in order. */
  shown: string[];
  waitFor(pred: () => boolean, what: string, ms?: number): Promise<void>;
  open(file: string, text: string, languageId?: string): Promise<string>;
  change(uri: string, version: number, text: string): void;
  pull(uri: string): Promise<{ items: import('vscode-languageserver').Diagnostic[] }>;
  close(): Promise<void>;
}

export async function startClient(opts: {
  corpus: string; folder: string; config?: Record<string, unknown>; pull?: boolean; locale?: string; cacheDir?: string; debounceMs?: number;
  /** Answers the server's isnad/databasePassword requests (as the extension does from its secret storage). */
  password?: (p: { url: string; ask: boolean }) => string | null;
}): Promise<TestClient> {
  const up = new PassThrough(), down = new PassThrough();
  const server = createConnection(ProposedFeatures.all, new StreamMessageReader(up), new StreamMessageWriter(down));
  startServer(server, { defaultCorpus: opts.corpus, debounceMs: opts.debounceMs ?? 5, cacheDir: opts.cacheDir ?? null });
  const conn = createProtocolConnection(new StreamMessageReader(down), new StreamMessageWriter(up));
  const listeners: (() => void)[] = [];
  let closed = false;
  const notify = () => listeners.forEach(l => l());
  const c: TestClient = {
    conn, config: opts.config ?? {}, refreshes: 0, statuses: [], published: new Map(), shown: [],
    waitFor(pred, what, ms = 10000) {
      if (pred()) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
        listeners.push(() => { if (pred()) { clearTimeout(timer); resolve(); } });
      });
    },
    async open(file, text, languageId = 'plaintext') {
      const uri = pathToFileURL(file).toString();
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
      return uri;
    },
    change(uri, version, text) {
      void conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    },
    pull(uri) { return conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } }) as Promise<{ items: import('vscode-languageserver').Diagnostic[] }>; },
    async close() {
      if (closed) return;
      closed = true;
      await conn.sendRequest('shutdown').catch(() => undefined);
      conn.dispose(); server.dispose(); up.destroy(); down.destroy();
    },
  };
  conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => c.config));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onRequest('workspace/diagnostic/refresh', () => { c.refreshes++; notify(); return null; });
  conn.onNotification('isnad/status', (s: TestClient['statuses'][number]) => { c.statuses.push(s); notify(); });
  if (opts.password) conn.onRequest('isnad/databasePassword', opts.password);
  conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: import('vscode-languageserver').Diagnostic[] }) => { c.published.set(p.uri, p.diagnostics); notify(); });
  conn.onNotification('window/logMessage', () => undefined);
  conn.onNotification('window/showMessage', (p: { message: string }) => { c.shown.push(p.message); notify(); });
  conn.onRequest('window/showMessageRequest', (p: { message: string }) => { c.shown.push(p.message); notify(); return null; });
  conn.listen();
  const pull = opts.pull ?? true;
  await conn.sendRequest('initialize', {
    processId: null, rootUri: pathToFileURL(opts.folder).toString(), locale: opts.locale ?? 'ar',
    workspaceFolders: [{ uri: pathToFileURL(opts.folder).toString(), name: path.basename(opts.folder) }],
    capabilities: {
      textDocument: pull ? { diagnostic: { dynamicRegistration: false } } : {},
      workspace: { configuration: true, diagnostics: { refreshSupport: true } },
      window: { workDoneProgress: true },
    },
  });
  await conn.sendNotification('initialized', {});
  return c;
}
