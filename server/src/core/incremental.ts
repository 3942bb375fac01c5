// Re-analyses only the lines of a draft that changed. Sentences never cross a line break, so a line is a
// unit of analysis; what one line borrows from the lines before it (the source that «ذكرت الصحيفة» refers
// to) is part of its cache key. Typing in one paragraph of a long draft re-checks that paragraph only.
import { analyze, AnalysisResult, AnalysisSettings, AnalyzeOptions } from './analyze';
import { analyzeText } from './extract';
import { loadLanguage } from './language';
import type { CandidateStore } from './index-store';
import { fingerprint } from './index-store';

interface LineResult { result: AnalysisResult; lastSources: string[] }

export class LineCache {
  private entries = new Map<string, LineResult>();
  private used = new Set<string>();
  get(key: string) { const e = this.entries.get(key); if (e) this.used.add(key); return e; }
  set(key: string, v: LineResult) { this.entries.set(key, v); this.used.add(key); }
  /** Drops lines that the last analysis did not use (deleted or edited away). */
  sweep() { for (const k of this.entries.keys()) if (!this.used.has(k)) this.entries.delete(k); this.used.clear(); }
  clear() { this.entries.clear(); this.used.clear(); }
  get size() { return this.entries.size; }
}

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

export function analyzeByLine(text: string, index: CandidateStore, settings: Partial<AnalysisSettings>, cache: LineCache,
  opts: Omit<AnalyzeOptions, 'draftFingerprint' | 'priorSources' | 'analyzed'> = {}): AnalysisResult {
  const lang = loadLanguage(settings.language);
  const draftFingerprint = fingerprint(text);
  const out: AnalysisResult = { findings: [], figures: [], attributions: [] };
  let prior: string[] = [];
  const re = /[^\r\n]*(\r\n|\r|\n|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m[0].length) {
    if (opts.isCancelled?.()) break;
    const lineStart = m.index;
    const line = m[0].slice(0, m[0].length - m[1].length);
    if (/\d|[\u0600-\u06FF]/.test(line)) {
      const key = `${prior.join(',')}\u0000${opts.draftKey ?? ''}\u0000${line}`;
      let hit = cache.get(key);
      if (!hit) {
        const an = analyzeText(line, lang);
        const result = analyze(line, index, settings, { ...opts, analyzed: an, draftFingerprint, priorSources: prior });
        const named = an.attributions.filter(a => a.sources.length);
        hit = { result, lastSources: named.length ? named[named.length - 1].sources.map(s => s.id) : prior };
        if (!opts.isCancelled?.()) cache.set(key, hit);
      }
      prior = hit.lastSources;
      const r = shift(hit.result, lineStart);
      out.findings.push(...r.findings); out.figures.push(...r.figures); out.attributions.push(...r.attributions);
    }
    if (!m[1]) break;
  }
  cache.sweep();
  return out;
}
