// Per-document analysis state: the last result for a (version, corpus version, settings) triple, so a hover,
// a code action or a repeated pull never re-runs the analysis, and a stale version is never returned.
import { analyzeAsync, AnalysisResult, LineIndex, AnalysisSettings, LineCache, CandidateStore } from '../core/api';

export interface DocState {
  uri: string;
  version: number;
  corpusVersion: string;
  settingsKey: string;
  text: string;
  lines: LineIndex;
  result: AnalysisResult;
  /** Where the result's passages come from (their articles' texts, for locations). */
  store: CandidateStore;
}

/** What a document is checked against: the local index, or a check through the shared archive. `version` changes
 * whenever results may. */
export interface CheckTarget {
  version: string;
  index?: CandidateStore;
  check?: (text: string, settings: Partial<AnalysisSettings>, opts: { draftKey?: string; isCancelled: () => boolean; cache: LineCache; freshCache: () => LineCache }) => Promise<{ result: AnalysisResult; store: CandidateStore }>;
}

export class DocumentStates {
  private readonly states = new Map<string, DocState>();
  /** Per document: line results, valid for one corpus version and one set of settings. */
  private readonly lineCaches = new Map<string, { cache: LineCache; corpusVersion: string; settingsKey: string }>();

  get(uri: string): DocState | undefined { return this.states.get(uri); }
  delete(uri: string) { this.states.delete(uri); this.lineCaches.delete(uri); }
  clear() { this.states.clear(); this.lineCaches.clear(); }

  private lineCache(uri: string, corpusVersion: string, settingsKey: string, fresh = false): LineCache {
    let lc = this.lineCaches.get(uri);
    if (fresh || !lc || lc.corpusVersion !== corpusVersion || lc.settingsKey !== settingsKey) {
      lc = { cache: new LineCache(), corpusVersion, settingsKey };
      this.lineCaches.set(uri, lc);
    }
    return lc.cache;
  }

  /** Runs under way, by document: a hover or a second pull for the version being checked waits for that run. */
  private readonly running = new Map<string, { key: string; run: Promise<DocState | undefined> }>();

  /** Analyses the text unless an up-to-date state exists. `isStale` is checked before and during the run. */
  async run(uri: string, version: number, text: string, target: CheckTarget, settings: Partial<AnalysisSettings>, draftKey: string | undefined, isStale: () => boolean): Promise<DocState | undefined> {
    const settingsKey = JSON.stringify(settings);
    const cur = this.states.get(uri);
    if (cur && cur.version === version && cur.corpusVersion === target.version && cur.settingsKey === settingsKey) return cur;
    if (isStale()) return undefined;
    const key = `${version}\u0000${target.version}\u0000${settingsKey}`;
    const pending = this.running.get(uri);
    if (pending?.key === key) {
      // That run may stop for its own caller's reason (a cancelled pull): then this caller runs it.
      const r = await pending.run;
      if (r || isStale()) return r;
    }
    const run = this.analyse(uri, version, text, target, settings, settingsKey, draftKey, isStale);
    this.running.set(uri, { key, run });
    try {
      return await run;
    } finally {
      if (this.running.get(uri)?.run === run) this.running.delete(uri);
    }
  }

  private async analyse(uri: string, version: number, text: string, target: CheckTarget, settings: Partial<AnalysisSettings>, settingsKey: string, draftKey: string | undefined, isStale: () => boolean): Promise<DocState | undefined> {
    const cache = this.lineCache(uri, target.version, settingsKey);
    let out: { result: AnalysisResult; store: CandidateStore };
    if (target.check) {
      out = await target.check(text, settings, { draftKey, isCancelled: isStale, cache, freshCache: () => this.lineCache(uri, target.version, settingsKey, true) });
    } else {
      out = { result: await analyzeAsync(text, target.index!, settings, { draftKey, isCancelled: isStale, cache }), store: target.index! };
    }
    if (isStale()) return undefined;
    const state: DocState = { uri, version, corpusVersion: target.version, settingsKey, text, lines: new LineIndex(text), ...out };
    this.states.set(uri, state);
    return state;
  }
}
