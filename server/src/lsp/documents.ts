// Per-document analysis state: the last result for a (version, corpus version, settings) triple, so a hover,
// a code action or a repeated pull never re-runs the analysis, and a stale version is never returned.
import { analyze, AnalysisResult, LineIndex, AnalysisSettings, LineCache } from '../core/api';
import type { Corpus } from './corpus';

export interface DocState {
  uri: string;
  version: number;
  corpusVersion: number;
  settingsKey: string;
  text: string;
  lines: LineIndex;
  result: AnalysisResult;
}

export class DocumentStates {
  private readonly states = new Map<string, DocState>();
  /** Per document: line results, valid for one corpus version and one set of settings. */
  private readonly lineCaches = new Map<string, { cache: LineCache; corpusVersion: number; settingsKey: string }>();

  get(uri: string): DocState | undefined { return this.states.get(uri); }
  delete(uri: string) { this.states.delete(uri); this.lineCaches.delete(uri); }
  clear() { this.states.clear(); this.lineCaches.clear(); }

  private lineCache(uri: string, corpusVersion: number, settingsKey: string): LineCache {
    let lc = this.lineCaches.get(uri);
    if (!lc || lc.corpusVersion !== corpusVersion || lc.settingsKey !== settingsKey) {
      lc = { cache: new LineCache(), corpusVersion, settingsKey };
      this.lineCaches.set(uri, lc);
    }
    return lc.cache;
  }

  /** Analyses the text unless an up-to-date state exists. `isStale` is checked before and during the run. */
  run(uri: string, version: number, text: string, corpus: Corpus, settings: Partial<AnalysisSettings>, draftKey: string | undefined, isStale: () => boolean): DocState | undefined {
    const settingsKey = JSON.stringify(settings);
    const cur = this.states.get(uri);
    if (cur && cur.version === version && cur.corpusVersion === corpus.version && cur.settingsKey === settingsKey) return cur;
    if (isStale()) return undefined;
    const cache = this.lineCache(uri, corpus.version, settingsKey);
    const result = analyze(text, corpus.index, settings, { draftKey, isCancelled: isStale, cache });
    if (isStale()) return undefined;
    const state: DocState = { uri, version, corpusVersion: corpus.version, settingsKey, text, lines: new LineIndex(text), result };
    this.states.set(uri, state);
    return state;
  }
}
