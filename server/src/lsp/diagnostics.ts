// Findings → LSP diagnostics, with related information pointing at each corpus passage and typed data for
// the quick fixes.
import { Diagnostic, DiagnosticSeverity, DiagnosticRelatedInformation } from 'vscode-languageserver';
import { originLine, message, CandidateStore, Finding, Severity, Locale, stripInvisible } from '../core/api';
import type { DocState } from './documents';
import { passageLocation } from './locations';
import type { DiagnosticData, ExpectedText } from './protocol';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint,
};

export function toDiagnostics(state: DocState, store: CandidateStore, locale: Locale): Diagnostic[] {
  return state.result.findings.map(f => toDiagnostic(f, state, store, locale));
}

/** Corpus passages (outlet · date · title first: VS Code adds the file and line after the message), then the
 * draft's other statements of the same fact. */
function relatedInformation(f: Finding, state: DocState, store: CandidateStore, locale: Locale): DiagnosticRelatedInformation[] {
  const related: DiagnosticRelatedInformation[] = [];
  for (const p of f.related) {
    const location = passageLocation(store, p);
    if (!location) continue;
    // Corpus text, shown as it stands but without invisible characters that could reorder it.
    related.push({ location, message: stripInvisible(`${originLine(p, locale)}: «${p.excerpt.text}»`).replace(/\s+/g, ' ').trim() });
  }
  for (const m of f.data.elsewhere ?? []) {
    const range = state.lines.range(m.start, m.end);
    related.push({ location: { uri: state.uri, range }, message: message(locale, 'sameFactHere', { line: String(range.start.line + 1), wording: m.wording }) });
  }
  return related;
}

function toDiagnostic(f: Finding, state: DocState, store: CandidateStore, locale: Locale): Diagnostic {
  const li = state.lines;
  const related = relatedInformation(f, state, store, locale);
  const text = state.text;
  // What an edit of [start, end) expects to find there when a fix is asked for (see DiagnosticData).
  const expect = (start: number, end: number): ExpectedText => ({ range: li.range(start, end), text: text.slice(start, end) });
  const data: DiagnosticData = { uri: state.uri, version: state.version, code: f.code, ignoreKey: f.data.ignoreKey };
  if (f.data.cite) {
    const at = f.data.cite.at, from = Math.min(f.start, at);
    // The claim up to the insertion point and the character after it: «، بحسب …» goes where the clause still
    // ends, after the same figure. At a line end that character is none, and the range's end past the line's
    // length reads as the line end (LSP), so text typed after the clause later no longer matches.
    const lineEnd = /[\r\n]/.exec(text.slice(at))?.index ?? text.length - at;
    const position = li.position(at);
    data.cite = {
      position, text: f.data.cite.text, sourceName: f.data.cite.sourceName,
      expect: { range: { start: li.position(from), end: { line: position.line, character: position.character + 1 } }, text: text.slice(from, at + Math.min(1, lineEnd)) },
    };
  }
  if (f.data.figure) {
    const { start, end, wording } = f.data.figure;
    data.figure = { range: li.range(start, end), wording, expect: expect(start, end) };
  }
  const twin = f.data.elsewhere?.[0];
  if (f.code === 'figure-inconsistent' && twin) {
    data.twin = { range: li.range(twin.start, twin.end), wording: text.slice(f.data.figure!.start, f.data.figure!.end), expect: expect(twin.start, twin.end) };
  }
  if (f.data.attribution) {
    const { start, end, replacement } = f.data.attribution;
    data.attribution = { range: li.range(start, end), replacement, expect: expect(start, end) };
  }
  return {
    range: li.range(f.start, f.end), severity: SEVERITY[f.severity], code: f.code, source: 'isnad',
    message: f.message, relatedInformation: related, data,
  };
}
