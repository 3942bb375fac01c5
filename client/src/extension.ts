// The VS Code extension: starts the isnad language server, shows the corpus state in the status bar, serves
// archive articles as read-only isnad-corpus: documents, and adds the isnad commands.
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind, State, CloseAction, ErrorAction, ErrorHandler, Message } from 'vscode-languageclient/node';
import { URI_SCHEME_CORPUS, STATUS_NOTIFICATION, ARTICLE_TEXT_REQUEST, REINDEX_REQUEST, LIST_ARTICLES_REQUEST, FACT_SHEET_REQUEST } from '../../server/src/lsp/protocol';
import { registerCommands } from './commands';
import { StatusItem } from './status';
import { registerFactSheet, FactSheetApi } from './fact-sheet';
import { registerDatabasePassword } from './database-password';

let client: LanguageClient | undefined;

/** Restart a crashed server a few times, then stop and say so: a server that keeps dying helps no one. */
const MAX_RESTARTS = 4;
function errorHandler(output: vscode.OutputChannel): ErrorHandler {
  const restarts: number[] = [];
  return {
    error: (_e: Error, _m: Message | undefined, count: number | undefined) => ({ action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown }),
    closed: () => {
      const now = Date.now();
      restarts.push(now);
      while (restarts.length && now - restarts[0] > 3 * 60_000) restarts.shift();
      if (restarts.length <= MAX_RESTARTS) { output.appendLine(`isnad: server stopped; restarting (${restarts.length}/${MAX_RESTARTS})`); return { action: CloseAction.Restart }; }
      void vscode.window.showErrorMessage('isnad: the language server keeps stopping; it will not be restarted. See the "isnad" output.');
      return { action: CloseAction.DoNotRestart };
    },
  };
}

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient; status: StatusItem; factSheet: FactSheetApi }> {
  const output = vscode.window.createOutputChannel('isnad');
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const languages = vscode.workspace.getConfiguration('isnad').get<string[]>('languages') ?? ['plaintext', 'markdown'];
  const clientOptions: LanguageClientOptions = {
    documentSelector: languages.flatMap(language => [{ scheme: 'file', language }, { scheme: 'untitled', language }]),
    synchronize: { configurationSection: 'isnad' },
    initializationOptions: { locale: vscode.env.language, storagePath: context.globalStorageUri.fsPath },
    outputChannel: output,
    errorHandler: errorHandler(output),
  };
  client = new LanguageClient('isnad', 'isnad', serverOptions, clientOptions);
  const status = new StatusItem(context);
  context.subscriptions.push(client.onNotification(STATUS_NOTIFICATION, p => status.update(p)));
  registerDatabasePassword(context, client);
  context.subscriptions.push(client.onDidChangeState(e => { if (e.newState === State.Stopped) status.stopped(); }));

  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(URI_SCHEME_CORPUS, {
    provideTextDocumentContent: async uri => (await client?.sendRequest(ARTICLE_TEXT_REQUEST, { uri: uri.toString() })) ?? '',
  }));
  registerCommands(context, {
    reindex: () => client!.sendRequest(REINDEX_REQUEST),
    listArticles: () => client!.sendRequest(LIST_ARTICLES_REQUEST),
  });
  try {
    await client.start();
  } catch (e) {
    void vscode.window.showErrorMessage(`isnad: the language server failed to start: ${(e as Error).message}`);
    throw e;
  }
  // After the start: the sheet is asked of a running server (a stopped one answers none).
  const running = client;
  const factSheet = registerFactSheet(context, async uri => (running.isRunning() ? running.sendRequest(FACT_SHEET_REQUEST, { uri }) : null));
  return { client, status, factSheet };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
