// Findings → LSP diagnostics, with related information pointing at each corpus passage and typed data for
// the quick fixes.
import { Diagnostic, DiagnosticSeverity, DiagnosticRelatedInformation } from 'vscode-languageserver';
import { sourceLabel, CandidateStore, Finding, Severity } from '../core/api';
import type { DocState } from './documents';
import { passageLocation } from './locations';
import type { DiagnosticData, ExpectedText } from './protocol';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint,
};

export function toDiagnostics(state: DocState, store: CandidateStore): Diagnostic[] {
  return state.result.findings.map(f => toDiagnostic(f, state, store));
}

function toDiagnostic(f: Finding, state: DocState, store: CandidateStore): Diagnostic {
  const li = state.lines;
  const related: DiagnosticRelatedInformation[] = [];
  for (const p of f.related) {
    const location = passageLocation(store, p);
    if (!location) continue;
    const where = [sourceLabel(p), p.article.date].filter(Boolean).join(' · ');
    related.push({ location, message: `${where}: ${p.excerpt.text.replace(/\s+/g, ' ').trim()}` });
  }
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
  if (f.data.attribution) {
    const { start, end, replacement } = f.data.attribution;
    data.attribution = { range: li.range(start, end), replacement, expect: expect(start, end) };
  }
  return {
    range: li.range(f.start, f.end), severity: SEVERITY[f.severity], code: f.code, source: 'isnad',
    message: f.message, relatedInformation: related, data,
  };
}
