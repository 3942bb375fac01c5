// What analyze() will ask of the corpus for a draft, worked out before it runs, so a corpus behind a network
// (the shared archive) can answer it all in a few round trips.
//
// This MIRRORS core/check (which this module may not change): analyze.ts reads the draft line by line with the
// front matter blanked; figure-check.ts checks each comparable figure against candidates of its figure key in
// sentences holding one of its anchor words (anchorTerms, shared), ranked by coverage (RETRIEVE);
// attribution-check.ts searches for each attribution's claim words (SEARCH). If core/check asks for something
// else, the prefetched store notices the miss and the check fetches it and runs again (prefetch.ts): findings stay
// exact, only slower; test/db/identical.test.ts fails on any miss, so the mirror is brought back in line.
import { readText, Figure, CLAIM_KINDS, Reading } from '../read/read-text';
import { splitFrontMatter } from '../corpus/front-matter';
import { loadLanguage, Language } from '../language';
import { figureKey } from '../index/store';
import { scannedTerms, idfOf, meanLength } from '../index/sentence-search';
import type { AnalysisSettings } from '../check/result';
import { anchorTerms } from '../check/figure-check';
import type { AnalyzeOptions } from '../check/analyze';
import type { CandidateRequest, SearchRequest, TermInfo } from './requests';

// figure-check.ts
const RETRIEVE = 60;
// attribution-check.ts
const SEARCH = { k: 40, terms: 8, maxDfShare: 0.01 };
const MIN_CLAIM_TERMS = 3;

export interface DraftFigure { key: string; group?: string; places: string[]; context: string[] }
export interface DraftClaim { terms: string[]; countKind?: string }
export interface DraftNeeds { figures: DraftFigure[]; claims: DraftClaim[]; terms: string[] }

/** The lines of a text: [start, end) without the line break (analyze.ts). */
function* lines(text: string): Generator<[number, number]> {
  const re = /\r\n|\r|\n/g;
  let start = 0, m: RegExpExecArray | null;
  while ((m = re.exec(text))) { yield [start, m.index]; start = m.index + m[0].length; }
  yield [start, text.length];
}

/** The readings analyze() makes of the draft's lines. */
function draftReadings(original: string, lang: Language, opts: AnalyzeOptions): Reading[] {
  const { meta, text } = splitFrontMatter(original);
  const dated = !!meta.date && /^\d{4}-\d{2}-\d{2}$/.test(meta.date);
  const date = dated ? meta.date! : opts.today ?? new Date().toISOString().slice(0, 10);
  const out: Reading[] = [];
  for (const [start, end] of lines(text)) {
    const line = text.slice(start, end);
    if (/\d|[\u0600-\u06FF]/.test(line)) out.push(readText(line, lang, { date }));
  }
  return out;
}

/** figure-check.ts comparable(). */
function comparable(lang: Language, f: Figure): boolean {
  if (!CLAIM_KINDS.has(f.kind)) return false;
  const m = f.measure ? lang.measureById.get(f.measure) : undefined;
  if (m && m.comparable === false && !(m.id === 'duration' && f.lengthStated)) return false;
  if (!m && f.kind === 'count' && (!f.noun || f.value < 11)) return false;
  if (f.kind === 'percent' && !f.whole) return false;
  return true;
}

export function draftNeeds(original: string, settings: Partial<AnalysisSettings> = {}, opts: AnalyzeOptions = {}): DraftNeeds {
  const lang = loadLanguage(settings.language);
  const figures: DraftFigure[] = [], claims: DraftClaim[] = [];
  const terms = new Set<string>();
  for (const r of draftReadings(original, lang, opts)) {
    for (const f of r.figures) {
      const key = comparable(lang, f) ? figureKey(f) : undefined;
      if (!key) continue;
      figures.push({ key, group: f.group, places: f.places, context: f.context });
      f.context.forEach(t => terms.add(t));
    }
    for (const a of r.attributions) {
      const s = r.sentences[a.sentence];
      const claim = s.terms.filter((_, i) => s.termStarts[i] < a.start || s.termStarts[i] >= a.end);
      if (claim.length < MIN_CLAIM_TERMS) continue;
      claims.push({ terms: claim, countKind: a.count?.kind });
      claim.forEach(t => terms.add(t));
    }
  }
  return { figures, claims, terms: [...terms] };
}

/** Checker.weights(): each known word once, with its idf, in the order first seen (unknown words match nothing). */
function weights(terms: string[], info: TermInfo): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of terms) { const df = info.df.get(t); if (df !== undefined) m.set(t, idfOf(df, info.stats.liveSentences)); }
  return m;
}

/** figure-check.ts candidates(): the anchor words and the query the candidates are ranked by. */
export function candidateRequest(f: DraftFigure, info: TermInfo): CandidateRequest {
  const query = weights(f.context, info);
  const byDf = [...query.keys()].sort((a, b) => info.df.get(a)! - info.df.get(b)!);
  return {
    key: f.key, group: f.group, places: f.places, anchors: anchorTerms(byDf, t => info.df.get(t)!),
    query: { terms: [...query.keys()], weights: [...query.values()] }, retrieve: RETRIEVE,
  };
}

/** attribution-check.ts: the claim's search, as the words search will score. */
export function searchRequest(claim: DraftClaim, info: TermInfo): SearchRequest {
  const known = claim.terms.filter(t => info.df.has(t));
  const local = [...new Set(known)];
  const ids = known.map(t => local.indexOf(t));
  const scanned = scannedTerms(ids, local.map(t => info.df.get(t)!), info.stats.liveSentences, SEARCH).map(i => local[i]);
  return {
    terms: scanned, idf: scanned.map(t => idfOf(info.df.get(t)!, info.stats.liveSentences)), k: SEARCH.k,
    avgLength: meanLength(info.stats.totalLength, info.stats.liveSentences),
  };
}
