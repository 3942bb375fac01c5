// The shared archive's password: kept in VS Code's secret storage (never in settings.json), asked of the editor
// once when the database refuses the login, and handed to the language server when it connects.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DATABASE_PASSWORD_REQUEST } from '../../server/src/lsp/protocol';

const secretKey = (url: string) => `isnad.database.password:${url}`;

export function registerDatabasePassword(context: vscode.ExtensionContext, client: LanguageClient) {
  context.subscriptions.push(client.onRequest(DATABASE_PASSWORD_REQUEST, async ({ url, ask }) => {
    if (!ask) return (await context.secrets.get(secretKey(url))) ?? null;
    const password = await vscode.window.showInputBox({
      password: true, ignoreFocusOut: true,
      title: vscode.l10n.t('isnad: shared archive'),
      prompt: vscode.l10n.t('Password for {0} (kept in VS Code\'s secret storage)', url),
    });
    if (password === undefined) return null;
    await context.secrets.store(secretKey(url), password);
    return password;
  }));
}
