// Push diagnostics, for clients without pull support: debounced per document, and only the current version is
// published.
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export class PushScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  constructor(private readonly connection: Connection, private readonly documents: TextDocuments<TextDocument>,
    private readonly debounceMs: number, private readonly diagnosticsFor: (doc: TextDocument) => Promise<Diagnostic[] | undefined>) {}

  schedule(doc: TextDocument) {
    clearTimeout(this.timers.get(doc.uri));
    this.timers.set(doc.uri, setTimeout(() => void this.publish(doc.uri), this.debounceMs));
  }

  private async publish(uri: string) {
    this.timers.delete(uri);
    const current = this.documents.get(uri);
    if (!current) return;
    const diagnostics = await this.diagnosticsFor(current);
    if (diagnostics && this.documents.get(uri)?.version === current.version) {
      void this.connection.sendDiagnostics({ uri, version: current.version, diagnostics });
    }
  }

  /** The document closed: nothing pending, and its diagnostics cleared. */
  closed(uri: string) {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
