// The one entry point: analyze(text, store, settings) reads a draft, finds the same facts in the corpus and
// reports where they disagree. The LSP handlers and the CLI are thin layers over this.
//
// A draft is checked line by line: sentences never cross a line break, so a line is a unit of analysis, and
// what a line borrows from the lines before it (the source «ذكرت الصحيفة» refers to) is part of its cache key.
// With a LineCache (the language server keeps one per document), typing in one paragraph re-checks that
// paragraph only.
import { readText } from '../read/read-text';
import { splitFrontMatter } from '../corpus/front-matter';
import { readTitle } from '../read/entities';
import { relatedBlocks, inBlocks } from '../read/related';
import { loadLanguage, Language } from '../language';
import { fingerprint, CandidateStore } from '../index/store';
import { Checker, DraftContext } from './checker';
import { AnalysisResult, AnalysisSettings, DEFAULT_SETTINGS } from './result';
import { LineIndex } from '../positions';
import { checkConsistency, draftFacts, shiftFacts, DraftFact } from './draft-consistency';

export interface AnalyzeOptions {
  /** The draft's own path/key: it never matches itself if it is also in the corpus. */
  draftKey?: string;
  /** Checked between steps; analysis stops early (returns what it has) once it says true. */
  isCancelled?: () => boolean;
  /** Line results of earlier runs on this draft, with the same store and settings. */
  cache?: LineCache;
  /** The date a draft without a front-matter date is written on (default: today). */
  today?: string;
}

/** `facts`: what the whole-draft consistency pass needs of the line's reading (see draft-consistency.ts). */
interface LineResult { result: AnalysisResult; lastSources: string[]; facts: DraftFact[] }

export class LineCache {
  private entries = new Map<string, LineResult>();
  private used = new Set<string>();
  get(key: string) { const e = this.entries.get(key); if (e) this.used.add(key); return e; }
  set(key: string, v: LineResult) { this.entries.set(key, v); this.used.add(key); }
  /** Drops lines that the last analysis did not use (deleted or edited away). */
  sweep() { for (const k of this.entries.keys()) if (!this.used.has(k)) this.entries.delete(k); this.used.clear(); }
  get size() { return this.entries.size; }
}

/** Moves a line's result to where the line starts in the draft. */
function shift(r: AnalysisResult, by: number): AnalysisResult {
  if (!by) return r;
  const mv = <T extends { start: number; end: number }>(x: T): T => ({ ...x, start: x.start + by, end: x.end + by });
  return {
    findings: r.findings.map(f => ({
      ...mv(f),
      data: {
        ...f.data,
        figure: f.data.figure && mv(f.data.figure),
        attribution: f.data.attribution && mv(f.data.attribution),
        cite: f.data.cite && { ...f.data.cite, at: f.data.cite.at + by },
      },
    })),
    figures: r.figures.map(f => ({ ...mv(f), phraseStart: f.phraseStart + by })),
    attributions: r.attributions.map(mv),
  };
}

function checkLine(line: string, store: CandidateStore, settings: AnalysisSettings, lang: Language, draft: DraftContext, isCancelled?: () => boolean): LineResult {
  const reading = readText(line, lang, { date: draft.date, related: false });
  const checker = new Checker(line, reading, store, settings, lang, draft, isCancelled);
  return { result: checker.run(), lastSources: checker.lastSources(), facts: draftFacts(line, reading, lang, draft) };
}

/** The lines of a text: [start, end) without the line break; a line longer than LONG_LINE (a page pasted
 * without line breaks) in pieces of about that length, cut after a full stop where there is one, else at a space,
 * so no piece costs more than an ordinary paragraph and the language server can answer between pieces. */
function* lines(text: string): Generator<[number, number]> {
  const re = /\r\n|\r|\n/g;
  let start = 0, m: RegExpExecArray | null;
  while ((m = re.exec(text))) { yield* pieces(text, start, m.index); start = m.index + m[0].length; }
  yield* pieces(text, start, text.length);
}

const LONG_LINE = 8000;
function* pieces(text: string, start: number, end: number): Generator<[number, number]> {
  while (end - start > LONG_LINE) {
    const window = text.slice(start, start + LONG_LINE);
    const stop = Math.max(window.lastIndexOf('. '), window.lastIndexOf('؟ '), window.lastIndexOf('! '), window.lastIndexOf('? '));
    const space = window.lastIndexOf(' ');
    const cut = stop > LONG_LINE / 2 ? stop + 1 : space > LONG_LINE / 2 ? space : LONG_LINE;
    yield [start, start + cut];
    start += cut;
  }
  yield [start, end];
}

const today = () => new Date().toISOString().slice(0, 10);

/** A draft's text after its front matter, as saved and without the line break a file ends with; worked out when a
 * candidate first asks (every edit checks the draft again, and most never meet their own article). */
function bodyFingerprints(body: string): () => string[] {
  let prints: string[] | undefined;
  return () => (prints ??= [...new Set([fingerprint(body), fingerprint(body.trimEnd())])]);
}

/** The analysis, one line at a time: it pauses (yields) after each line, and returns the result. */
function* analysisSteps(original: string, store: CandidateStore, settings: Partial<AnalysisSettings>, opts: AnalyzeOptions): Generator<void, AnalysisResult> {
  const full: AnalysisSettings = { ...DEFAULT_SETTINGS, ...settings };
  const lang = loadLanguage(full.language);
  // The front matter says when the draft is written; its lines are blanked, not checked.
  const { meta, text, bodyStart } = splitFrontMatter(original);
  const dated = !!meta.date && /^\d{4}-\d{2}-\d{2}$/.test(meta.date);
  const date = dated ? meta.date! : opts.today ?? today();
  const title = meta.title ?? /^\s*([^\r\n]{1,150})(?:\r?\n|$)/.exec(text)?.[1];
  const t = title ? readTitle(title, lang, meta.title !== undefined) : { entities: [], terms: [] };
  const draft: DraftContext = { key: opts.draftKey, fingerprint: fingerprint(text), bodyFingerprints: bodyStart !== undefined ? bodyFingerprints(original.slice(bodyStart)) : undefined, sources: [], date, titleEntities: t.entities, titleTerms: t.terms };
  const out: AnalysisResult = { findings: [], figures: [], attributions: [] };
  // Links to other stories pasted with the text are not the draft's claims.
  const related = relatedBlocks(text, lang);
  const facts: DraftFact[] = [];
  for (const [start, end] of lines(text)) {
    if (opts.isCancelled?.()) return out;
    const line = text.slice(start, end);
    if (!/\d|[\u0600-\u06FF]/.test(line) || inBlocks(related, start)) continue;
    const key = opts.cache && `${draft.sources.join(',')}\u0000${draft.key ?? ''}\u0000${draft.date}\u0000${draft.titleEntities.map(e => e.id).join(',')}\u0000${line}`;
    let hit = key ? opts.cache!.get(key) : undefined;
    if (!hit) {
      hit = checkLine(line, store, full, lang, draft, opts.isCancelled);
      if (key && !opts.isCancelled?.()) opts.cache!.set(key, hit);
      yield;
    }
    draft.sources = hit.lastSources;
    const r = shift(hit.result, start);
    out.findings.push(...r.findings); out.figures.push(...r.figures); out.attributions.push(...r.attributions);
    facts.push(...shiftFacts(hit.facts, start));
  }
  // Only a run that saw every line knows which cached lines are gone.
  if (opts.isCancelled?.()) return out;
  opts.cache?.sweep();
  // The whole draft against itself, from what each line kept of its reading (cheap: no line is read again).
  if (facts.length > 1) {
    let li: LineIndex | undefined;
    out.findings.push(...yield* checkConsistency(facts, full, lang, at => (li ??= new LineIndex(original)).position(at).line));
    out.findings.sort((a, b) => a.start - b.start || a.code.localeCompare(b.code));
  }
  return out;
}

export function analyze(original: string, store: CandidateStore, settings: Partial<AnalysisSettings> = {}, opts: AnalyzeOptions = {}): AnalysisResult {
  const steps = analysisSteps(original, store, settings, opts);
  for (;;) { const s = steps.next(); if (s.done) return s.value; }
}

/** analyze(), giving the event loop a turn every `sliceMs` (between lines): a language server keeps answering
 * other requests, and hears a newer version (isCancelled), while a long draft is checked. */
export async function analyzeAsync(original: string, store: CandidateStore, settings: Partial<AnalysisSettings> = {}, opts: AnalyzeOptions & { sliceMs?: number } = {}): Promise<AnalysisResult> {
  const steps = analysisSteps(original, store, settings, opts);
  const slice = opts.sliceMs ?? 20;
  let since = performance.now();
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
    if (performance.now() - since >= slice) { await new Promise(res => setImmediate(res)); since = performance.now(); }
  }
}
