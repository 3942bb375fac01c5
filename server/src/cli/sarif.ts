// `isnad check --format sarif`: one SARIF 2.1.0 run for CI pipelines and code-scanning tools. Rules carry their
// help in the messages' language; results point at the draft (1-based lines, UTF-16 columns, as columnKind says),
// with related locations at the corpus passages and at the draft's other statements of the same fact.
import * as path from 'path';
import { pathToFileURL } from 'url';
import { DEFAULT_SEVERITY, LineIndex, message, originLine, articleLineIndex, CandidateStore, Code, Finding, Locale, MessageId, Passage, Range, Severity } from '../core/api';
import { version } from '../../../package.json';
import type { FileReport } from './output';

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };
const RULE_TEXT: Record<Code, [MessageId, MessageId]> = {
  'figure-conflict': ['ruleFigureConflict', 'helpFigureConflict'],
  'figure-disputed': ['ruleFigureDisputed', 'helpFigureDisputed'],
  'figure-outdated': ['ruleFigureOutdated', 'helpFigureOutdated'],
  'attribution-conflict': ['ruleAttributionConflict', 'helpAttributionConflict'],
  'source-count-conflict': ['ruleSourceCountConflict', 'helpSourceCountConflict'],
  'figure-uncited': ['ruleFigureUncited', 'helpFigureUncited'],
  'figure-inconsistent': ['ruleFigureInconsistent', 'helpFigureInconsistent'],
};
const CODES = Object.keys(RULE_TEXT) as Code[];

/** A file as a URI reference: relative to the working directory (the run's %SRCROOT%) when inside it. */
function artifact(file: string): { uri: string; uriBaseId?: string } {
  const rel = path.relative(process.cwd(), path.resolve(file));
  if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
  return { uri: pathToFileURL(path.resolve(file)).href };
}

/** SARIF regions are 1-based; endColumn is the column after the region. */
const region = (r: Range) => ({ startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 });

function rule(code: Code, locale: Locale) {
  const [short, help] = RULE_TEXT[code];
  return {
    id: code, name: code.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()).replace(/^\w/, c => c.toUpperCase()),
    shortDescription: { text: message(locale, short) }, fullDescription: { text: message(locale, help) }, help: { text: message(locale, help) },
    defaultConfiguration: { level: LEVEL[DEFAULT_SEVERITY[code]] },
  };
}

/** A corpus passage: its file at the sentence's figure; an archive's article by its line in a plain .jsonl. */
function passageLocation(p: Passage, store: CandidateStore | undefined, id: number, locale: Locale) {
  const a = store?.article(p.article.key);
  const span = p.mark ?? p;
  const inFile = a && p.article.line === undefined ? region(articleLineIndex(a, () => store!.articleText(a)).range(span.start, span.end)) : undefined;
  const inArchive = p.article.line !== undefined && !/\.gz$/i.test(p.article.file) ? { startLine: p.article.line } : undefined;
  const r = inFile ?? inArchive;
  return {
    id, message: { text: `${originLine(p, locale)}: «${p.excerpt.text.replace(/\s+/g, ' ').trim()}»` },
    physicalLocation: { artifactLocation: artifact(p.article.file), ...(r ? { region: r } : {}) },
    ...(p.article.id !== undefined ? { properties: { articleId: p.article.id } } : {}),
  };
}

function result(f: Finding, r: FileReport, li: LineIndex, store: CandidateStore | undefined, locale: Locale) {
  const draft = artifact(r.file);
  const related = [
    ...f.related.map((p, i) => passageLocation(p, store, i + 1, locale)),
    ...(f.data.elsewhere ?? []).map((m, i) => ({
      id: f.related.length + i + 1, message: { text: message(locale, 'sameFactHere', { line: String(li.position(m.start).line + 1), wording: m.wording }) },
      physicalLocation: { artifactLocation: draft, region: region(li.range(m.start, m.end)) },
    })),
  ];
  return {
    ruleId: f.code, ruleIndex: CODES.indexOf(f.code), level: LEVEL[f.severity], message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation: draft, region: { ...region(li.range(f.start, f.end)), snippet: { text: r.text.slice(f.start, f.end) } } } }],
    ...(related.length ? { relatedLocations: related } : {}),
    // The ignore key identifies a finding by its figure and sentence, not its position: stable across edits elsewhere.
    partialFingerprints: { 'isnadFinding/v1': f.data.ignoreKey },
  };
}

export function toSarif(reports: FileReport[], locale: Locale) {
  const results = reports.flatMap(r => { const li = new LineIndex(r.text); return r.findings.map(f => result(f, r, li, r.store, locale)); });
  return {
    $schema: SCHEMA, version: '2.1.0' as const,
    runs: [{
      tool: { driver: { name: 'isnad', semanticVersion: version, language: locale, rules: CODES.map(c => rule(c, locale)) } },
      originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(process.cwd() + path.sep).href } },
      columnKind: 'utf16CodeUnits' as const,
      results,
    }],
  };
}
