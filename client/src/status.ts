// Status bar: corpus size and indexing state; a click shows the sources of the figure under the cursor.
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/lsp/protocol';

export class StatusItem {
  private readonly item = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);

  constructor(context: vscode.ExtensionContext) {
    this.item.command = 'isnad.showSources';
    this.item.text = '$(sync~spin) isnad';
    this.item.tooltip = vscode.l10n.t('isnad: starting');
    this.item.show();
    context.subscriptions.push(this.item);
  }

  update(p: StatusParams) {
    const n = p.articles.toLocaleString();
    this.item.text = p.state === 'indexing' ? `$(sync~spin) isnad ${n}` : `$(book) isnad ${n}`;
    this.item.tooltip = p.state === 'indexing'
      ? vscode.l10n.t('isnad: indexing corpus ({0} articles so far)', n)
      : vscode.l10n.t('isnad: {0} articles in the corpus. Click: sources of the figure under the cursor', n);
  }

  stopped() {
    this.item.text = '$(error) isnad';
    this.item.tooltip = vscode.l10n.t('isnad: the language server is not running');
  }
}
