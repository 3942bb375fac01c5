// The figure check: corpus figures of the same quantity whose sentences share the draft figure's context,
// ranked, then the stance (agrees / conflicts / disputed) and what to report.
import { Figure, CLAIM_KINDS } from '../read/read-text';
import { interval, overlaps } from '../interval';
import { figureKey, ArticleRecord, StoredFigure } from '../index/store';
import { message } from '../messages';
import { renderCitation } from '../citation';
import type { Checker } from './checker';
import type { FigureReport } from './result';
import { makePassage, sourceLabel, byDateThenScore, clauseEnd } from './passages';

// How much of a figure's context (idf-weighted) a corpus passage must share to count as the same fact.
// Event measures (killed, displaced …) already say a lot; a bare unit («مليون دولار») needs more context.
const MIN_SIM_EVENT = 0.2;
const MIN_SIM_OTHER = 0.4;
/** Candidates materialised and checked in full, at most. */
const RETRIEVE = 60;

interface Match { fig: StoredFigure; score: number; article: ArticleRecord; sentence: number; agrees: boolean }
type Ranked = Match & { p: ReturnType<typeof makePassage> };

function sameQuantity(d: Figure, c: StoredFigure): boolean {
  if (c.kind !== d.kind) return false;
  if (d.measure !== c.measure) return false;
  if (d.group && c.group && d.group !== c.group) return false;
  if (d.places.length && c.places.length && !d.places.some(p => c.places.includes(p))) return false;
  if (d.kind === 'percent' && d.whole !== c.whole) return false;
  if (!d.measure && (!d.noun || d.noun !== c.noun)) return false;
  return true;
}

function comparable(c: Checker, f: Figure): boolean {
  if (!CLAIM_KINDS.has(f.kind)) return false;
  const m = f.measure ? c.lang.measures.find(x => x.id === f.measure) : undefined;
  if (m && m.comparable === false) return false;
  if (!m && f.kind === 'count' && (!f.noun || f.value < 11)) return false; // «اثنان من وزارة الدفاع»
  if (!m && f.kind === 'percent' && !f.whole) return false;
  return true;
}

/** Corpus figures of the same quantity whose sentence shares enough of the figure's context, best first, one per
 * article and value (an article that repeats a figure is one source, not several). */
function matches(c: Checker, f: Figure): Match[] {
  const d = interval(f.value, f.hedge, c.settings.tolerance);
  const query = c.weights(f.context);
  const minSim = c.lang.measures.find(m => m.id === f.measure)?.type === 'event' ? MIN_SIM_EVENT : MIN_SIM_OTHER;
  // A candidate must share enough of the context to reach minSim, so it contains at least one of the query's
  // rarer terms: only sentences holding one of those are looked at (their postings are short).
  const byWeight = [...query].sort((x, y) => y[1] - x[1]);
  const total = byWeight.reduce((n, [, w]) => n + w, 0);
  const needed: number[] = [];
  let rest = total;
  for (const [t, w] of byWeight) { if (rest < minSim * total) break; needed.push(t); rest -= w; }
  const candidates = c.store.figureCandidates(figureKey(f)!, { group: f.group, places: f.places, sentence: c.store.sentencesWithAny(needed) });
  const scored: { id: number; sentence: number; score: number }[] = [];
  const sentenceScores = new Map<number, { coverage: number; bm25: number }>();
  for (const id of candidates) {
    const sentence = c.store.figureSentence(id);
    let sc = sentenceScores.get(sentence);
    if (!sc) { sc = c.store.score(query, sentence); sentenceScores.set(sentence, sc); }
    if (sc.coverage >= minSim) scored.push({ id, sentence, score: sc.coverage * 10 + sc.bm25 });
  }
  scored.sort((x, y) => y.score - x.score);
  const best = new Map<string, Match>();
  for (const { id, sentence, score } of scored.slice(0, RETRIEVE)) {
    const article = c.store.sentenceArticle(sentence);
    if (c.isSelf(article)) continue;
    const fig = c.store.figure(id);
    if (!sameQuantity(f, fig)) continue;
    const key = `${article.meta.key}\u0000${fig.value}`;
    if (best.has(key)) continue; // sorted: the first is the best
    best.set(key, { fig, score, article, sentence, agrees: overlaps(d, interval(fig.value, fig.hedge, c.settings.tolerance)) });
  }
  return [...best.values()];
}

/** The citation «cite the source» inserts after the figure's clause, from the passage's credited source. */
function citation(c: Checker, f: Figure, x: Ranked) {
  const credits = c.store.credits(x.sentence);
  const id = credits.primary[0] ?? credits.relays[0];
  if (!id) return undefined;
  const name = credits.names.get(id) ?? id;
  return { at: clauseEnd(c.text, f.end), text: renderCitation(c.settings.citationTemplate, name), sourceId: id, sourceName: name };
}

function reportStance(c: Checker, f: Figure, stance: FigureReport['stance'], ranked: Ranked[]) {
  const locale = c.settings.locale, max = c.settings.maxMatches;
  const agree = ranked.filter(x => x.p.stance === 'agrees');
  const conflict = ranked.filter(x => x.p.stance === 'conflicts');
  if (stance === 'conflicts') {
    // The figure to offer is the best one whose source is known, so the fix can cite it.
    const top = conflict.find(x => citation(c, f, x)) ?? conflict[0];
    c.report('figure-conflict', f.start, f.end,
      message(locale, 'figureConflict', { draft: c.text.slice(f.phraseStart, f.end), corpus: top.p.wording!, outlet: sourceLabel(top.p) }),
      byDateThenScore(conflict).slice(0, max).map(x => x.p),
      { figure: { start: f.phraseStart, end: f.end, wording: top.p.wording!, value: top.fig.value }, cite: citation(c, f, top) }, f.sentence);
  } else if (stance === 'disputed') {
    const sides = byDateThenScore(ranked);
    const newest = sides[0];
    c.report('figure-disputed', f.start, f.end,
      message(locale, 'figureDisputed', { agree: agree[0].p.wording!, conflict: conflict[0].p.wording!, n: String(agree.length), m: String(conflict.length) }),
      sides.slice(0, max).map(x => x.p), { figure: { start: f.phraseStart, end: f.end, wording: newest.p.wording!, value: newest.fig.value }, cite: citation(c, f, agree[0]) }, f.sentence);
  } else if (stance === 'agrees') {
    const attributed = c.reading.attributions.some(a => a.sentence === f.sentence && (a.sources.length || a.unresolved));
    const cite = attributed ? undefined : agree.map(x => citation(c, f, x)).find(Boolean);
    if (cite) c.report('figure-uncited', f.start, f.end, message(locale, 'figureUncited', { source: cite.sourceName }), agree.slice(0, max).map(x => x.p), { cite }, f.sentence);
  }
}

export function checkFigure(c: Checker, f: Figure) {
  if (!CLAIM_KINDS.has(f.kind)) return;
  if (!comparable(c, f)) {
    // Still hoverable: «no other source» is worth knowing.
    c.figures.push({ start: f.start, end: f.end, phraseStart: f.phraseStart, value: f.value, stance: 'none', passages: [] });
    return;
  }
  const ranked: Ranked[] = matches(c, f).slice(0, Math.max(c.settings.maxMatches, 8)).map(x => ({
    ...x,
    p: makePassage(c.store, x.sentence, x.score, x.agrees ? 'agrees' : 'conflicts', { start: x.fig.start, end: x.fig.end },
      { value: x.fig.value, wording: c.store.articleText(x.article).slice(x.fig.phraseStart, x.fig.end) }),
  }));
  const agree = ranked.some(x => x.agrees), conflict = ranked.some(x => !x.agrees);
  const stance: FigureReport['stance'] = !ranked.length ? 'none' : !agree ? 'conflicts' : conflict ? 'disputed' : 'agrees';
  c.figures.push({ start: f.start, end: f.end, phraseStart: f.phraseStart, value: f.value, stance, passages: ranked.slice(0, c.settings.maxMatches).map(x => x.p) });
  if (stance !== 'none') reportStance(c, f, stance, ranked);
}
