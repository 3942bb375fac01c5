// Quick fixes, computed only from the diagnostic's data (never by re-running the analysis). Every text a fix
// inserts comes from the corpus or the gazetteer, so it passes through stripInvisible here, the one place all
// edits go through: no bidi control or invisible character from an archive ends up in the draft, and a fix
// whose text is empty once cleaned (a passage the index could not vouch for) is not offered.
import { CodeAction, CodeActionKind, CodeActionParams, Diagnostic, TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { message, Locale, stripInvisible } from '../core/api';
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

/** Corpus text as a fix inserts it: without invisible characters; undefined when nothing is left. */
const clean = (s: string | undefined) => (s === undefined ? undefined : stripInvisible(s).trim() || undefined);

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
    const citeText = clean(data.cite?.text);
    const cite = wantsCite && citeText && applies(data.cite) ? data.cite : undefined;
    const citeEdit = cite && TextEdit.insert(cite.position, stripInvisible(cite.text));
    const replacement = clean(data.attribution?.replacement);
    if (data.attribution && replacement && applies(data.attribution)) {
      out.push(action(message(locale, 'fixAttribution', { source: replacement }), [TextEdit.replace(data.attribution.range, replacement)], true));
    }
    // «Use the corpus figure» also cites it: offered only when both edits still apply.
    const wording = clean(data.figure?.wording);
    if (data.figure && wording && applies(data.figure) && (citeEdit || !wantsCite)) {
      const edits = [TextEdit.replace(data.figure.range, wording), ...(citeEdit ? [citeEdit] : [])];
      out.push(action(message(locale, 'fixUseFigure', { wording }), edits, data.code === 'figure-conflict'));
    }
    if (cite && citeEdit) {
      out.push(action(message(locale, 'fixCite', { source: clean(cite.sourceName) ?? '' }), [citeEdit], data.code === 'figure-uncited'));
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
 * lede is usually the checked one), or the earlier figure takes this one. Both wordings are the draft's own. */
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
