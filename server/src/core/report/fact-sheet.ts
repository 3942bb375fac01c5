// The fact sheet of a draft: every figure and attribution in reading order with its state — agrees (and how many
// independent sources), uncited, conflicts, disputed, outdated, no source in the corpus — whether the draft states
// it otherwise elsewhere, and the passages it rests on. Derived from an analysis result only (the editor's cached
// result, the CLI's), for the editor's panel and the HTML report alike.
import type { AnalysisResult, DraftMention, FigureReport, Finding, Passage } from '../check/result';
import { counted, message, Locale, MessageId } from '../messages';

export type FactState = 'agrees' | 'uncited' | 'conflicts' | 'disputed' | 'outdated' | 'none';
/** The order states are counted in a header: the sourced first, the problems after. */
export const FACT_STATES: readonly FactState[] = ['agrees', 'uncited', 'conflicts', 'disputed', 'outdated', 'none'];

export interface FactEntry {
  kind: 'figure' | 'attribution';
  /** The draft's wording [start, end): a figure with its hedge, an attribution phrase. */
  start: number;
  end: number;
  state: FactState;
  /** Independent sources that agree: distinct outlets among the agreeing passages (an article whose outlet is not
   * known counts on its own). */
  sources: number;
  /** figure-inconsistent: the draft's other statements of the same fact that cannot hold with this one. */
  inconsistentWith: DraftMention[];
  passages: Passage[];
}

function independentSources(passages: Passage[]): number {
  const agreeing = passages.filter(p => p.stance === 'agrees' && !p.similar);
  return new Set(agreeing.map(p => p.article.outletId ?? p.article.outlet ?? p.article.key)).size;
}

function figureState(f: FigureReport, findings: Finding[]): FactState {
  if (f.stance !== 'agrees') return f.stance === 'none' ? 'none' : f.stance;
  return findings.some(x => x.code === 'figure-uncited' && x.start === f.start) ? 'uncited' : 'agrees';
}

/** Both ends of each inconsistency: the later figure carries the finding, the earlier one is told too. */
function contradictions(result: AnalysisResult, text: string): Map<number, DraftMention[]> {
  const byStart = new Map<number, DraftMention[]>();
  const add = (at: number, m: DraftMention) => byStart.set(at, [...byStart.get(at) ?? [], m]);
  for (const x of result.findings) {
    if (x.code !== 'figure-inconsistent') continue;
    const later = result.figures.find(f => f.start === x.start);
    if (!later) continue;
    for (const m of x.data.elsewhere ?? []) {
      add(later.phraseStart, m);
      add(m.start, { start: later.phraseStart, end: later.end, wording: text.slice(later.phraseStart, later.end), value: later.value });
    }
  }
  return byStart;
}

export function factSheet(result: AnalysisResult, text: string): FactEntry[] {
  const contra = contradictions(result, text);
  const figures: FactEntry[] = result.figures.map(f => ({
    kind: 'figure', start: f.phraseStart, end: f.end, state: figureState(f, result.findings),
    sources: independentSources(f.passages), inconsistentWith: contra.get(f.phraseStart) ?? [], passages: f.passages,
  }));
  const attributions: FactEntry[] = result.attributions.map(a => {
    const conflict = result.findings.some(x => (x.code === 'attribution-conflict' || x.code === 'source-count-conflict') && x.start >= a.start && x.end <= a.end);
    const sources = independentSources(a.passages);
    return { kind: 'attribution', start: a.start, end: a.end, state: conflict ? 'conflicts' : sources ? 'agrees' : 'none', sources, inconsistentWith: [], passages: a.passages };
  });
  return [...figures, ...attributions].sort((x, y) => x.start - y.start || x.end - y.end);
}

export type StateCounts = Record<FactState, number> & { inconsistent: number };

export function stateCounts(entries: FactEntry[]): StateCounts {
  const n = { agrees: 0, uncited: 0, conflicts: 0, disputed: 0, outdated: 0, none: 0, inconsistent: 0 };
  for (const e of entries) { n[e.state]++; if (e.inconsistentWith.length) n.inconsistent++; }
  return n;
}

/** «12 رقما وإسنادان: 9 موثقة، 1 متعارض، 2 بلا مصدر» — the states that occur, in FACT_STATES order. */
export function sheetHeader(entries: FactEntry[], locale: Locale): string {
  if (!entries.length) return message(locale, 'sheetEmpty');
  const figures = entries.filter(e => e.kind === 'figure').length, attributions = entries.length - figures;
  const what = [figures ? counted(locale, 'figures', figures) : '', attributions ? counted(locale, 'attributions', attributions) : ''].filter(Boolean);
  const n = stateCounts(entries);
  const states = [...FACT_STATES.filter(s => n[s]).map(s => counted(locale, s, n[s])), ...(n.inconsistent ? [counted(locale, 'inconsistent', n.inconsistent)] : [])];
  const and = locale === 'ar' ? ' و' : ' and ', comma = locale === 'ar' ? '، ' : ', ';
  return `${what.join(and)}: ${states.join(comma)}`;
}

const STATE_MESSAGE: Record<FactState, MessageId> = {
  agrees: 'stateAgrees', uncited: 'stateUncited', conflicts: 'stateConflicts', disputed: 'stateDisputed', outdated: 'stateOutdated', none: 'stateNone',
};

export function stateName(state: FactState, locale: Locale): string {
  return message(locale, STATE_MESSAGE[state]);
}

/** The state in words, with the independent sources for what is sourced: «موثق · 3 مصادر». For a conflict the
 * agreeing sources would read as its support, so they are not counted there. */
export function factLabel(e: FactEntry, locale: Locale): string {
  const sourced = (e.state === 'agrees' || e.state === 'uncited') && e.sources;
  return [stateName(e.state, locale), sourced ? counted(locale, 'sources', e.sources) : ''].filter(Boolean).join(' · ');
}
