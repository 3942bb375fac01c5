// Quick fixes, computed only from the diagnostic's data (never by re-running the analysis).
import { CodeAction, CodeActionKind, CodeActionParams, TextEdit } from 'vscode-languageserver';
import { message, Locale } from '../core/api';
import { DiagnosticData, IGNORE_COMMAND } from './protocol';

export function codeActions(params: CodeActionParams, locale: Locale, currentVersion: number | undefined): CodeAction[] {
  const out: CodeAction[] = [];
  const uri = params.textDocument.uri;
  for (const d of params.context.diagnostics) {
    if (d.source !== 'isnad' || !d.data) continue;
    const data = d.data as DiagnosticData;
    // A fix made for an older version of the text would edit the wrong characters.
    if (currentVersion !== undefined && data.version !== currentVersion) continue;
    const edit = (edits: TextEdit[]) => ({ changes: { [uri]: edits } });
    const action = (title: string, edits: TextEdit[], preferred = false): CodeAction =>
      ({ title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: edit(edits), isPreferred: preferred });
    if (data.attribution) {
      out.push(action(message(locale, 'fixAttribution', { source: data.attribution.replacement }),
        [TextEdit.replace(data.attribution.range, data.attribution.replacement)], true));
    }
    if (data.figure) {
      const edits = [TextEdit.replace(data.figure.range, data.figure.wording)];
      if (data.cite && data.code !== 'source-count-conflict') edits.push(TextEdit.insert(data.cite.position, data.cite.text));
      out.push(action(message(locale, 'fixUseFigure', { wording: data.figure.wording }), edits, data.code === 'figure-conflict'));
    }
    if (data.cite && data.code !== 'source-count-conflict') {
      out.push(action(message(locale, 'fixCite', { source: data.cite.sourceName }), [TextEdit.insert(data.cite.position, data.cite.text)], data.code === 'figure-uncited'));
    }
    out.push({
      title: message(locale, 'fixIgnore'), kind: CodeActionKind.QuickFix, diagnostics: [d],
      command: { title: message(locale, 'fixIgnore'), command: IGNORE_COMMAND, arguments: [uri, data.ignoreKey] },
    });
  }
  return out;
}
