// Quick fixes, computed only from the diagnostic's data (never by re-running the analysis). Every text a fix
// inserts comes from the corpus or the gazetteer, so it passes through stripInvisible here, the one place all
// edits go through: no bidi control or invisible character from an archive ends up in the draft, and a fix
// whose text is empty once cleaned (a passage the index could not vouch for) is not offered.
import { CodeAction, CodeActionKind, CodeActionParams, TextEdit, Diagnostic } from 'vscode-languageserver';
import { message, Locale, stripInvisible } from '../core/api';
import { DiagnosticData, IGNORE_COMMAND } from './protocol';

/** The fixes that edit the text, cleaned, with their titles. */
function editFixes(d: Diagnostic, data: DiagnosticData, locale: Locale): { title: string; edits: TextEdit[]; preferred: boolean }[] {
  const out: { title: string; edits: TextEdit[]; preferred: boolean }[] = [];
  const cite = data.cite && data.code !== 'source-count-conflict' && stripInvisible(data.cite.text).trim() ? data.cite : undefined;
  const citeEdit = cite && TextEdit.insert(cite.position, stripInvisible(cite.text));
  const source = cite && stripInvisible(cite.sourceName).trim();
  const replacement = data.attribution && stripInvisible(data.attribution.replacement).trim();
  if (data.attribution && replacement) {
    out.push({ title: message(locale, 'fixAttribution', { source: replacement }), edits: [TextEdit.replace(data.attribution.range, replacement)], preferred: true });
  }
  const wording = data.figure && stripInvisible(data.figure.wording).trim();
  if (data.figure && wording) {
    out.push({ title: message(locale, 'fixUseFigure', { wording }), edits: [TextEdit.replace(data.figure.range, wording), ...(citeEdit ? [citeEdit] : [])], preferred: data.code === 'figure-conflict' });
  }
  if (citeEdit) out.push({ title: message(locale, 'fixCite', { source: source ?? '' }), edits: [citeEdit], preferred: data.code === 'figure-uncited' });
  return out;
}

export function codeActions(params: CodeActionParams, locale: Locale, currentVersion: number | undefined): CodeAction[] {
  const out: CodeAction[] = [];
  const uri = params.textDocument.uri;
  for (const d of params.context.diagnostics) {
    if (d.source !== 'isnad' || !d.data) continue;
    const data = d.data as DiagnosticData;
    // A fix made for an older version of the text would edit the wrong characters.
    if (currentVersion !== undefined && data.version !== currentVersion) continue;
    for (const f of editFixes(d, data, locale)) {
      out.push({ title: f.title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { changes: { [uri]: f.edits } }, isPreferred: f.preferred });
    }
    out.push({
      title: message(locale, 'fixIgnore'), kind: CodeActionKind.QuickFix, diagnostics: [d],
      command: { title: message(locale, 'fixIgnore'), command: IGNORE_COMMAND, arguments: [uri, data.ignoreKey] },
    });
  }
  return out;
}
