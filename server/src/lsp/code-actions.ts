// Quick fixes, computed only from the diagnostic's data (never by re-running the analysis).
import { CodeAction, CodeActionKind, CodeActionParams, Diagnostic, TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { message, Locale } from '../core/api';
import { DiagnosticData, ExpectedText, IGNORE_COMMAND } from './protocol';

/**
 * The one rule for offering a fix made for another version of the text: its edit is still right when the
 * document reads, at the exact same positions, what the fix expects there. An edit elsewhere (a later line, a
 * later clause) keeps the fix; one that changes the expected text, or shifts it (text inserted before it on its
 * line, lines inserted above), withdraws it until the next diagnostics bring positions for the new text.
 */
export function stillReads(doc: Pick<TextDocument, 'getText'>, expected: ExpectedText | undefined): boolean {
  return !!expected && doc.getText(expected.range) === expected.text;
}

/** Quick fixes for the diagnostics in params, for `doc` as the server has it now (undefined: unknown, no edits). */
export function codeActions(params: CodeActionParams, locale: Locale, doc: Pick<TextDocument, 'getText'> | undefined): CodeAction[] {
  const out: CodeAction[] = [];
  const uri = params.textDocument.uri;
  for (const d of params.context.diagnostics) {
    if (d.source !== 'isnad' || !d.data) continue;
    const data = d.data as DiagnosticData;
    const edit = (edits: TextEdit[]) => ({ changes: { [uri]: edits } });
    const action = (title: string, edits: TextEdit[], preferred = false): CodeAction =>
      ({ title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: edit(edits), isPreferred: preferred });
    // A fix whose text moved or changed since the diagnostic was made would edit the wrong characters.
    const applies = (x: { expect: ExpectedText } | undefined) => !!doc && !!x && stillReads(doc, x.expect);
    if (data.code === 'figure-inconsistent') {
      out.push(...matchFigures(data, locale, action, applies), ignore(d, uri, data, locale));
      continue;
    }
    const wantsCite = !!data.cite && data.code !== 'source-count-conflict';
    const cite = wantsCite && applies(data.cite) ? data.cite : undefined;
    if (data.attribution && applies(data.attribution)) {
      out.push(action(message(locale, 'fixAttribution', { source: data.attribution.replacement }),
        [TextEdit.replace(data.attribution.range, data.attribution.replacement)], true));
    }
    // «Use the corpus figure» also cites it: offered only when both edits still apply.
    if (data.figure && applies(data.figure) && (cite || !wantsCite)) {
      const edits = [TextEdit.replace(data.figure.range, data.figure.wording)];
      if (cite) edits.push(TextEdit.insert(cite.position, cite.text));
      out.push(action(message(locale, 'fixUseFigure', { wording: data.figure.wording }), edits, data.code === 'figure-conflict'));
    }
    if (cite) {
      out.push(action(message(locale, 'fixCite', { source: cite.sourceName }), [TextEdit.insert(cite.position, cite.text)], data.code === 'figure-uncited'));
    }
    out.push(ignore(d, uri, data, locale));
  }
  return out;
}

/** The ignore list keys findings by their content, not positions: always offered. */
function ignore(d: Diagnostic, uri: string, data: DiagnosticData, locale: Locale): CodeAction {
  return {
    title: message(locale, 'fixIgnore'), kind: CodeActionKind.QuickFix, diagnostics: [d],
    command: { title: message(locale, 'fixIgnore'), command: IGNORE_COMMAND, arguments: [uri, data.ignoreKey] },
  };
}

/** figure-inconsistent: «make them equal», either way: this figure takes the earlier wording (preferred: the
 * lede is usually the checked one), or the earlier figure takes this one. */
function matchFigures(data: DiagnosticData, locale: Locale, action: (title: string, edits: TextEdit[], preferred?: boolean) => CodeAction,
  applies: (x: { expect: ExpectedText } | undefined) => boolean): CodeAction[] {
  const out: CodeAction[] = [];
  if (data.figure && applies(data.figure)) {
    out.push(action(message(locale, 'fixMatchHere', { wording: data.figure.wording }), [TextEdit.replace(data.figure.range, data.figure.wording)], true));
  }
  if (data.twin && applies(data.twin)) {
    out.push(action(message(locale, 'fixMatchThere', { wording: data.twin.wording, line: String(data.twin.range.start.line + 1) }),
      [TextEdit.replace(data.twin.range, data.twin.wording)]));
  }
  return out;
}
