// Findings → LSP diagnostics, with related information pointing at each corpus passage and typed data for
// the quick fixes.
import { Diagnostic, DiagnosticSeverity, DiagnosticRelatedInformation } from 'vscode-languageserver';
import { sourceLabel, CandidateStore, Finding, Severity, stripInvisible } from '../core/api';
import type { DocState } from './documents';
import { passageLocation } from './locations';
import type { DiagnosticData } from './protocol';

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
    // Corpus text, shown as it stands but without invisible characters that could reorder it.
    related.push({ location, message: stripInvisible(`${where}: ${p.excerpt.text}`).replace(/\s+/g, ' ').trim() });
  }
  const data: DiagnosticData = { uri: state.uri, version: state.version, code: f.code, ignoreKey: f.data.ignoreKey };
  if (f.data.cite) data.cite = { position: li.position(f.data.cite.at), text: f.data.cite.text, sourceName: f.data.cite.sourceName };
  if (f.data.figure) data.figure = { range: li.range(f.data.figure.start, f.data.figure.end), wording: f.data.figure.wording };
  if (f.data.attribution) data.attribution = { range: li.range(f.data.attribution.start, f.data.attribution.end), replacement: f.data.attribution.replacement };
  return {
    range: li.range(f.start, f.end), severity: SEVERITY[f.severity], code: f.code, source: 'isnad',
    message: f.message, relatedInformation: related, data,
  };
}
