// Status bar: which corpus is in use and its size (the local index, the shared archive, or both), indexing state,
// and whether the archive is reachable; a click shows the sources of the figure under the cursor.
import * as vscode from 'vscode';
import type { StatusParams, DatabaseStatus } from '../../server/src/lsp/protocol';

export class StatusItem {
  private readonly item = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  private local?: StatusParams;
  private database?: DatabaseStatus;

  constructor(context: vscode.ExtensionContext) {
    this.item.command = 'isnad.showSources';
    this.item.text = '$(sync~spin) isnad';
    this.item.tooltip = vscode.l10n.t('isnad: starting');
    this.item.show();
    context.subscriptions.push(this.item);
  }

  update(p: StatusParams) {
    if (p.database) this.database = p.database; else this.local = p;
    const parts: string[] = [], tips: string[] = [];
    if (this.local && (this.local.paths.length || !this.database)) {
      const n = this.local.articles.toLocaleString();
      parts.push(this.local.state === 'indexing' ? `$(sync~spin) isnad ${n}` : `$(book) isnad ${n}`);
      tips.push(this.local.state === 'indexing' ? vscode.l10n.t('isnad: indexing corpus ({0} articles so far)', n) : vscode.l10n.t('isnad: {0} articles in the corpus. Click: sources of the figure under the cursor', n));
    }
    if (this.database) {
      const d = this.database, n = (d.articles ?? 0).toLocaleString();
      parts.push(d.state === 'connected' ? `$(database) ${n}` : d.state === 'connecting' ? '$(sync~spin) $(database)' : `$(warning) $(database) ${d.state === 'slow' ? vscode.l10n.t('slow') : vscode.l10n.t('unreachable')}`);
      tips.push(d.state === 'connected' ? vscode.l10n.t('Shared archive {0}: {1} articles', d.url, n)
        : vscode.l10n.t('Shared archive {0}: {1}. Checking against the local corpus only until it answers.', d.url, d.message ?? d.state));
    }
    this.item.text = parts.join('  ') || '$(book) isnad';
    this.item.tooltip = tips.join('\n');
  }

  stopped() {
    this.item.text = '$(error) isnad';
    this.item.tooltip = vscode.l10n.t('isnad: the language server is not running');
  }
}
