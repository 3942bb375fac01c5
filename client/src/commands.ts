// isnad: Reindex corpus · Show sources for figure · Open corpus article.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { URI_SCHEME_CORPUS } from '../../server/src/lsp/protocol';

interface ArticleInfo { key: string; title?: string; outlet?: string; date?: string; file: string; id?: string; line?: number }
interface Deps { client(): LanguageClient | undefined; reindex(): Promise<number>; listArticles(): Promise<unknown> }

function articleUri(a: ArticleInfo): vscode.Uri {
  return a.line !== undefined ? vscode.Uri.parse(`${URI_SCHEME_CORPUS}:/${encodeURIComponent(a.key)}`) : vscode.Uri.file(a.file);
}

export function registerCommands(context: vscode.ExtensionContext, deps: Deps) {
  context.subscriptions.push(
    vscode.commands.registerCommand('isnad.reindex', async () => {
      const n = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'isnad' }, () => deps.reindex());
      void vscode.window.setStatusBarMessage(vscode.l10n.t('isnad: {0} articles indexed', n), 5000);
      return n;
    }),
    vscode.commands.registerCommand('isnad.showSources', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return;
      // The hover already carries the passages; showing it keeps one rendering of untrusted corpus text.
      await vscode.commands.executeCommand('editor.action.showHover');
    }),
    vscode.commands.registerCommand('isnad.openArticle', async (target?: string | vscode.Uri) => {
      let uri: vscode.Uri | undefined = typeof target === 'string' ? vscode.Uri.parse(target) : target;
      if (!uri) {
        const articles = (await deps.listArticles()) as ArticleInfo[];
        const pick = await vscode.window.showQuickPick(articles.map(a => ({
          label: a.title ?? a.key, description: [a.outlet, a.date].filter(Boolean).join(' · '), detail: a.key, a,
        })), { placeHolder: vscode.l10n.t('Open a corpus article'), matchOnDescription: true, matchOnDetail: true });
        if (!pick) return;
        uri = articleUri(pick.a);
      }
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc, { preview: true });
      return doc;
    }),
  );
}
