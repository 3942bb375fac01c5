// The one entry point: analyze(text, index, settings) reads a draft, finds the same facts in the corpus and
// reports where they disagree. The LSP handlers and the CLI are thin layers over this.
import { analyzeText, Analyzed, Figure, Attribution, CLAIM_KINDS } from './extract';
import { interval, overlaps } from './interval';
import { loadLanguage, Language, LanguageExtension } from './language';
import { CandidateStore, ArticleRecord, StoredFigure, fingerprint, figureKey } from './index-store';
import { norm } from './normalize';
import { message, Locale } from './messages';
import { renderCitation } from './citation';

export type Code = 'figure-conflict' | 'figure-disputed' | 'attribution-conflict' | 'source-count-conflict' | 'figure-uncited';
export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type Stance = 'agrees' | 'conflicts' | 'neutral';

export const DEFAULT_SEVERITY: Record<Code, Severity> = {
  'figure-conflict': 'warning',
  'figure-disputed': 'information',
  'attribution-conflict': 'warning',
  'source-count-conflict': 'warning',
  'figure-uncited': 'hint',
};

export interface AnalysisSettings {
  /** Scales the ±10% a hedge allows (1 = the newsroom default reading). */
  tolerance: number;
  /** Passages kept per finding and per hover. */
  maxMatches: number;
  locale: Locale;
  severity: Partial<Record<Code, Severity | 'off'>>;
  /** Citation inserted by the quick fix; {source} is replaced by the source's name. */
  citationTemplate: string;
  language?: LanguageExtension;
  /** Ignore keys (see ignoreKey) of findings the editor chose to silence. */
  ignore?: string[];
}

export const DEFAULT_SETTINGS: AnalysisSettings = {
  tolerance: 1, maxMatches: 5, locale: 'ar', severity: {}, citationTemplate: '، بحسب {source}',
};

export interface Passage {
  articleKey: string;
  file: string;
  id?: string;
  line?: number;
  title?: string;
  outlet?: string;
  date?: string;
  url?: string;
  /** The sentence in the article text (offsets into the article). */
  start: number;
  end: number;
  /** The matching figure or source inside the sentence. */
  markStart?: number;
  markEnd?: number;
  excerpt: string;
  stance: Stance;
  value?: number;
  /** The corpus wording of the figure («ما يقرب من 32,500»). */
  wording?: string;
  /** Display names of the sources the passage credits. */
  credits: string[];
  score: number;
}

export interface FixData {
  code: Code;
  /** Draft range the «use the corpus figure» fix replaces, and what with. */
  figure?: { start: number; end: number; wording: string; value: number };
  /** Where «cite the source» inserts, and the citation text. */
  cite?: { at: number; text: string; sourceId: string; sourceName: string };
  /** The credited source in the draft, and the source the corpus gives. */
  attribution?: { start: number; end: number; replacement: string; sourceId: string };
  /** Key for the ignore list. */
  ignoreKey: string;
}

export interface Finding {
  code: Code;
  severity: Severity;
  start: number;
  end: number;
  message: string;
  related: Passage[];
  data: FixData;
}

export interface FigureReport {
  start: number; end: number; phraseStart: number; value: number;
  stance: 'agrees' | 'conflicts' | 'disputed' | 'none';
  passages: Passage[];
}

export interface AttributionReport { start: number; end: number; sources: string[]; passages: Passage[] }

export interface AnalysisResult { findings: Finding[]; figures: FigureReport[]; attributions: AttributionReport[] }

export interface AnalyzeOptions {
  /** The draft's own path/key: it never matches itself if it is also in the corpus. */
  draftKey?: string;
  /** Checked between steps; analysis stops early (returns what it has) once it says true. */
  isCancelled?: () => boolean;
  /** A previous reading of the same text. */
  analyzed?: Analyzed;
  /** Fingerprint of the whole draft when this text is a part of it (self-matching is judged on the whole). */
  draftFingerprint?: string;
  /** Sources named earlier in the draft, for «ذكرت الصحيفة» when this text is a part of it. */
  priorSources?: string[];
}

// How much of a figure's context (idf-weighted) a corpus passage must share to count as the same fact.
// Event measures (killed, displaced …) already say a lot; a bare unit («مليون دولار») needs more context.
const MIN_SIM_EVENT = 0.2;
const MIN_SIM_OTHER = 0.4;
// Attributions: the claim around the attribution must be largely the same.
const MIN_SIM_CLAIM = 0.45;
const MIN_SIM_SAME_REPORT = 0.3;
const RETRIEVE = 60;

export function ignoreKey(code: Code, phrase: string, sentence: string): string {
  return `${code}:${norm(phrase)}:${fingerprint(norm(sentence))}`;
}

export function analyze(text: string, index: CandidateStore, settings: Partial<AnalysisSettings> = {}, opts: AnalyzeOptions = {}): AnalysisResult {
  const s: AnalysisSettings = { ...DEFAULT_SETTINGS, ...settings };
  const lang = loadLanguage(s.language);
  const an = opts.analyzed ?? analyzeText(text, lang);
  return new Checker(text, an, index, s, lang, opts).run();
}

class Checker {
  private readonly findings: Finding[] = [];
  private readonly figures: FigureReport[] = [];
  private readonly attributions: AttributionReport[] = [];
  private readonly draftFp: string;
  private readonly ignored: Set<string>;

  constructor(private readonly text: string, private readonly an: Analyzed, private readonly index: CandidateStore,
    private readonly s: AnalysisSettings, private readonly lang: Language, private readonly opts: AnalyzeOptions) {
    this.draftFp = opts.draftFingerprint ?? fingerprint(text);
    this.ignored = new Set(s.ignore ?? []);
  }

  run(): AnalysisResult {
    for (const f of this.an.figures) {
      if (this.opts.isCancelled?.()) break;
      this.checkFigure(f);
    }
    for (const a of this.an.attributions) {
      if (this.opts.isCancelled?.()) break;
      this.checkAttribution(a);
    }
    this.findings.sort((a, b) => a.start - b.start || a.code.localeCompare(b.code));
    return { findings: this.findings, figures: this.figures, attributions: this.attributions };
  }

  private ids(terms: string[]): Int32Array { return Int32Array.from(terms.map(t => this.index.termId(t))); }

  /** Query terms with their idf weights; a term the corpus never saw weighs the most and matches nothing. */
  private weights(terms: string[]): Map<number, number> {
    const m = new Map<number, number>();
    let unseen = -2;
    for (const t of terms) {
      const id = this.index.termId(t);
      if (id >= 0) m.set(id, this.index.idf(id)); else m.set(unseen--, this.index.idf(-1));
    }
    return m;
  }

  /** idf-weighted share of the query's terms that the sentence also has. */
  private coverage(query: Map<number, number>, sentence: number): number {
    return this.index.score(query, sentence).coverage;
  }

  private sameQuantity(d: Figure, c: StoredFigure): boolean {
    if (c.kind !== d.kind) return false;
    if (d.measure !== c.measure) return false;
    if (d.group && c.group && d.group !== c.group) return false;
    if (d.places.length && c.places.length && !d.places.some(p => c.places.includes(p))) return false;
    if (d.kind === 'percent' && d.whole !== c.whole) return false;
    if (!d.measure && (!d.noun || d.noun !== c.noun)) return false;
    return true;
  }

  private comparable(f: Figure): boolean {
    if (!CLAIM_KINDS.has(f.kind)) return false;
    const m = f.measure ? this.lang.measures.find(x => x.id === f.measure) : undefined;
    if (m && m.comparable === false) return false;
    if (!m && f.kind === 'count' && (!f.noun || f.value < 11)) return false; // «اثنان من وزارة الدفاع»
    if (!m && f.kind === 'percent' && !f.whole) return false;
    return true;
  }

  private passage(a: ArticleRecord, sentence: number, score: number, stance: Stance, mark?: { start: number; end: number }, extra: Partial<Passage> = {}): Passage {
    const { start, end } = this.index.sentenceRange(sentence);
    const credits = this.index.credits(sentence);
    return {
      articleKey: a.meta.key, file: a.meta.file, id: a.meta.id, line: a.meta.line, title: a.meta.title, outlet: a.meta.outlet,
      date: a.meta.date, url: a.meta.url, start, end, markStart: mark?.start, markEnd: mark?.end,
      excerpt: excerpt(this.index.articleText(a), start, end, mark), stance,
      credits: [...credits.primary, ...credits.relays].map(id => credits.names.get(id) ?? id), score, ...extra,
    };
  }

  private severity(code: Code): Severity | undefined {
    const v = this.s.severity[code] ?? DEFAULT_SEVERITY[code];
    return v === 'off' ? undefined : v;
  }

  private report(code: Code, start: number, end: number, msg: string, related: Passage[], data: Omit<FixData, 'code' | 'ignoreKey'>, sentence: number) {
    const severity = this.severity(code);
    if (!severity) return;
    const sent = this.an.sentences[sentence];
    const key = ignoreKey(code, this.text.slice(start, end), this.text.slice(sent.start, sent.end));
    if (this.ignored.has(key)) return;
    this.findings.push({ code, severity, start, end, message: msg, related, data: { code, ignoreKey: key, ...data } });
  }

  private checkFigure(f: Figure) {
    if (!CLAIM_KINDS.has(f.kind)) return;
    if (!this.comparable(f)) {
      // Still hoverable: «no other source» is worth knowing.
      this.figures.push({ start: f.start, end: f.end, phraseStart: f.phraseStart, value: f.value, stance: 'none', passages: [] });
      return;
    }
    const d = interval(f.value, f.hedge, this.s.tolerance);
    const query = this.weights(f.context);
    const minSim = this.lang.measures.find(m => m.id === f.measure)?.type === 'event' ? MIN_SIM_EVENT : MIN_SIM_OTHER;
    // A candidate must share enough of the context to reach minSim, so it contains at least one of the
    // query's rarer terms: only sentences holding one of those are looked at (their postings are short).
    const byWeight = [...query].sort((x, y) => y[1] - x[1]);
    const total = byWeight.reduce((n, [, w]) => n + w, 0);
    const needed: number[] = [];
    let rest = total;
    for (const [t, w] of byWeight) { if (rest < minSim * total) break; needed.push(t); rest -= w; }
    const candidates = this.index.figureCandidates(figureKey(f)!, { group: f.group, places: f.places, sentence: this.index.sentencesWithAny(needed) });
    const scored: { id: number; sentence: number; sim: number; bm25: number }[] = [];
    const sentenceScores = new Map<number, { coverage: number; bm25: number }>();
    for (const id of candidates) {
      const sentence = this.index.figureSentence(id);
      let sc = sentenceScores.get(sentence);
      if (!sc) { sc = this.index.score(query, sentence); sentenceScores.set(sentence, sc); }
      if (sc.coverage >= minSim) scored.push({ id, sentence, sim: sc.coverage, bm25: sc.bm25 });
    }
    // Only the best-matching candidates are materialised and checked in full. Best match per article and
    // value: an article that repeats a figure is one source, not several.
    scored.sort((x, y) => (y.sim * 10 + y.bm25) - (x.sim * 10 + x.bm25));
    const best = new Map<string, { fig: StoredFigure; score: number; article: ArticleRecord; sentence: number; agrees: boolean }>();
    for (const { id, sentence, sim, bm25 } of scored.slice(0, RETRIEVE)) {
      const a = this.index.sentenceArticle(sentence);
      if (this.index.isSelf(a, this.opts.draftKey, this.draftFp)) continue;
      const c = this.index.figure(id);
      if (!this.sameQuantity(f, c)) continue;
      const key = `${a.meta.key}\u0000${c.value}`;
      if (best.has(key)) continue; // sorted: the first is the best
      best.set(key, { fig: c, score: sim * 10 + bm25, article: a, sentence, agrees: overlaps(d, interval(c.value, c.hedge, this.s.tolerance)) });
    }
    const ranked = [...best.values()].slice(0, Math.max(this.s.maxMatches, 8)).map(x => ({
      ...x,
      p: this.passage(x.article, x.sentence, x.score, x.agrees ? 'agrees' : 'conflicts', { start: x.fig.start, end: x.fig.end },
        { value: x.fig.value, wording: this.index.articleText(x.article).slice(x.fig.phraseStart, x.fig.end) }),
    }));
    const agree = ranked.filter(x => x.p.stance === 'agrees');
    const conflict = ranked.filter(x => x.p.stance === 'conflicts');
    const stance: FigureReport['stance'] = !ranked.length ? 'none' : !agree.length ? 'conflicts' : conflict.length ? 'disputed' : 'agrees';
    this.figures.push({ start: f.start, end: f.end, phraseStart: f.phraseStart, value: f.value, stance, passages: ranked.slice(0, this.s.maxMatches).map(x => x.p) });
    if (stance === 'none') return;
    const L = this.s.locale;
    const draftWording = this.text.slice(f.phraseStart, f.end);
    const cite = (x: typeof ranked[number]) => {
      const cr = this.index.credits(x.sentence);
      const id = cr.primary[0] ?? cr.relays[0];
      if (!id) return undefined;
      const name = cr.names.get(id) ?? id;
      return { at: clauseEnd(this.text, f.end), text: renderCitation(this.s.citationTemplate, name), sourceId: id, sourceName: name };
    };
    const draftAttributed = this.an.attributions.some(a => a.sentence === f.sentence && (a.sources.length || a.unresolved));
    if (stance === 'conflicts') {
      // The figure to offer is the best one whose source is known, so the fix can cite it.
      const top = conflict.find(x => cite(x)) ?? conflict[0];
      const related = byDateThenScore(conflict).slice(0, this.s.maxMatches).map(x => x.p);
      this.report('figure-conflict', f.start, f.end,
        message(L, 'figureConflict', { draft: draftWording, corpus: top.p.wording!, outlet: sourceLabel(top.p) }),
        related, { figure: { start: f.phraseStart, end: f.end, wording: top.p.wording!, value: top.fig.value }, cite: cite(top) }, f.sentence);
    } else if (stance === 'disputed') {
      const sides = byDateThenScore(ranked).slice(0, this.s.maxMatches);
      const top = agree[0], other = conflict[0];
      this.report('figure-disputed', f.start, f.end,
        message(L, 'figureDisputed', { agree: top.p.wording!, conflict: other.p.wording!, n: String(agree.length), m: String(conflict.length) }),
        sides.map(x => x.p), { figure: { start: f.phraseStart, end: f.end, wording: byDateThenScore(ranked)[0].p.wording!, value: byDateThenScore(ranked)[0].fig.value }, cite: cite(top) }, f.sentence);
    } else if (!draftAttributed) {
      const c = agree.map(cite).find(Boolean);
      if (c) this.report('figure-uncited', f.start, f.end, message(L, 'figureUncited', { source: c.sourceName }), agree.slice(0, this.s.maxMatches).map(x => x.p), { cite: c }, f.sentence);
    }
  }

  /** Draft sentence terms without the attribution's own words (verb, descriptor, source name). */
  private claimTerms(a: Attribution): string[] {
    const sent = this.an.sentences[a.sentence];
    return sent.terms.filter((_, i) => sent.termStarts[i] < a.start || sent.termStarts[i] >= a.end);
  }

  /** The draft's credited sources; «ذكرت الصحيفة» refers back to the last source the draft named. */
  private draftSources(a: Attribution): string[] {
    if (a.sources.length) return a.sources.map(x => x.id);
    const before = this.an.attributions.filter(x => x.start < a.start && x.sources.length);
    return before.length ? before[before.length - 1].sources.map(x => x.id) : (this.opts.priorSources ?? []);
  }

  private checkAttribution(a: Attribution) {
    const terms = this.claimTerms(a);
    if (terms.length < 3) return;
    const query = this.weights(terms);
    const draftSources = this.draftSources(a);
    // A claim is a whole sentence: its rarer words find the same report; common ones only cost time.
    const hits = this.index.search(this.ids(terms), 40, { terms: 8, maxDfShare: 0.01 })
      .filter(h => !this.index.isSelf(this.index.sentenceArticle(h.sentence), this.opts.draftKey, this.draftFp))
      .map(h => ({ ...h, sim: this.coverage(query, h.sentence) }))
      .filter(h => h.sim >= MIN_SIM_SAME_REPORT);
    const L = this.s.locale;
    const passages: Passage[] = [];
    // Same claim, different source.
    if (a.sources.length) {
      const claim = hits.filter(h => h.sim >= MIN_SIM_CLAIM);
      let supported = false;
      let suggestion: { id: string; name: string; hit: typeof claim[number] } | undefined;
      for (const h of claim) {
        const cr = this.index.credits(h.sentence);
        const all = [...cr.primary, ...cr.relays];
        const agrees = draftSources.some(d => all.includes(d));
        passages.push(this.passage(this.index.sentenceArticle(h.sentence), h.sentence, h.sim * 10 + h.score, agrees ? 'agrees' : (all.length ? 'conflicts' : 'neutral')));
        if (agrees) supported = true;
        const primary = cr.primary.find(id => ['outlet', 'agency'].includes(this.lang.sources.get(id)?.kind ?? '')) ?? cr.primary[0];
        if (!suggestion && primary) suggestion = { id: primary, name: cr.names.get(primary) ?? primary, hit: h };
      }
      if (!supported && suggestion) {
        const src = a.sources[0];
        this.report('attribution-conflict', a.start, a.end,
          message(L, 'attributionConflict', { draft: this.text.slice(src.start, src.end), corpus: suggestion.name }),
          passages.filter(p => p.stance !== 'agrees').slice(0, this.s.maxMatches),
          { attribution: { start: src.start, end: src.end, replacement: this.lang.sources.get(suggestion.id)?.ar ?? suggestion.name, sourceId: suggestion.id } }, a.sentence);
      }
    }
    // Same report (same source, same story), different number of sources.
    if (a.count) {
      const counts: { n: number; p: Passage }[] = [];
      const seenArticles = new Set<string>();
      for (const h of hits) {
        const art = this.index.sentenceArticle(h.sentence);
        if (seenArticles.has(art.meta.key)) continue;
        seenArticles.add(art.meta.key);
        for (const x of art.attributions) {
          if (!x.count || x.count.kind !== a.count.kind) continue;
          const sentence = art.firstSentence + x.sentence;
          const cr = this.index.credits(sentence);
          const credited = [...cr.primary, ...cr.relays, ...x.sources.map(y => y.id)];
          if (draftSources.length && !draftSources.some(d => credited.includes(d))) continue;
          // The count's own sentence decides its rank: a relayed sub-count elsewhere in the article ranks lower.
          const score = this.coverage(query, sentence) * 10 + h.sim * 5;
          counts.push({ n: x.count.n, p: this.passage(art, sentence, score, x.count.n === a.count.n ? 'agrees' : 'conflicts', x.count,
            { value: x.count.n, wording: this.index.articleText(art).slice(x.count.start, x.count.end) }) });
        }
      }
      if (counts.length && !counts.some(c => c.n === a.count!.n)) {
        counts.sort((x, y) => y.p.score - x.p.score);
        const top = counts[0];
        this.report('source-count-conflict', a.count.start, a.count.end,
          message(L, 'sourceCountConflict', { draft: this.text.slice(a.count.start, a.count.end), corpus: top.p.wording!, outlet: sourceLabel(top.p) }),
          counts.slice(0, this.s.maxMatches).map(c => c.p),
          { figure: { start: a.count.start, end: a.count.end, wording: top.p.wording!, value: top.n } }, a.sentence);
      }
      passages.push(...counts.map(c => c.p));
    }
    this.attributions.push({ start: a.start, end: a.end, sources: draftSources, passages: passages.sort((x, y) => y.score - x.score).slice(0, this.s.maxMatches) });
  }
}

/** A short name for where a passage comes from: its credited source, its outlet, or its title. */
export function sourceLabel(p: Passage): string {
  const t = p.credits[0] ?? p.outlet ?? p.title ?? p.id ?? p.file;
  return t.length > 48 ? t.slice(0, 47) + '…' : t;
}

function byDateThenScore<T extends { p: Passage }>(xs: T[]): T[] {
  return [...xs].sort((a, b) => (b.p.date ?? '').localeCompare(a.p.date ?? '') || b.p.score - a.p.score);
}

/** Where a clause ends: the next comma, semicolon or sentence end after the figure. */
export function clauseEnd(text: string, from: number): number {
  const m = /[،,؛;.!?؟\r\n]/.exec(text.slice(from));
  let at = m ? from + m.index : text.length;
  while (at > from && /\s/.test(text[at - 1])) at--;
  return at;
}

const EXCERPT_MAX = 320;
function excerpt(text: string, start: number, end: number, mark?: { start: number; end: number }): string {
  if (end - start <= EXCERPT_MAX) return text.slice(start, end);
  const centre = mark ? mark.start : start;
  const from = Math.max(start, Math.min(centre - EXCERPT_MAX / 2, end - EXCERPT_MAX));
  const to = Math.min(end, from + EXCERPT_MAX);
  return (from > start ? '…' : '') + text.slice(from, to) + (to < end ? '…' : '');
}
