// isnad: Reindex corpus · Show sources for figure · Open corpus article.
import * as vscode from 'vscode';
import { articleUri, ArticleInfo } from '../../server/src/lsp/protocol';

interface Deps { reindex(): Promise<number>; listArticles(): Promise<ArticleInfo[]> }

export function registerCommands(context: vscode.ExtensionContext, deps: Deps) {
  context.subscriptions.push(
    vscode.commands.registerCommand('isnad.reindex', async () => {
      const n = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'isnad' }, () => deps.reindex());
      void vscode.window.setStatusBarMessage(vscode.l10n.t('isnad: {0} articles indexed', n), 5000);
      return n;
    }),
    vscode.commands.registerCommand('isnad.showSources', async () => {
      if (!vscode.window.activeTextEditor) return;
      // The hover already carries the passages; showing it keeps one rendering of untrusted corpus text.
      await vscode.commands.executeCommand('editor.action.showHover');
    }),
    vscode.commands.registerCommand('isnad.openArticle', async (target?: string | vscode.Uri) => {
      let uri: vscode.Uri | undefined = typeof target === 'string' ? vscode.Uri.parse(target) : target;
      if (!uri) {
        const articles = await deps.listArticles();
        const pick = await vscode.window.showQuickPick(articles.map(a => ({
          label: a.title ?? a.key, description: [a.outlet, a.date].filter(Boolean).join(' · '), detail: a.key, a,
        })), { placeHolder: vscode.l10n.t('Open a corpus article'), matchOnDescription: true, matchOnDetail: true });
        if (!pick) return;
        uri = vscode.Uri.parse(articleUri(pick.a, file => vscode.Uri.file(file).toString()));
      }
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc, { preview: true });
      return doc;
    }),
  );
}
