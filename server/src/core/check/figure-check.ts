// The figure check: corpus figures of the same quantity, judged one by one — is it the same fact, about the same
// subject, for the same time? — then the stance over the same-fact reports (agrees / conflicts / disputed), a
// newer running total (outdated), and what to report. Weaker matches are kept for the hover as similar reports.
import { Figure, CLAIM_KINDS } from '../read/read-text';
import { interval, overlaps } from '../interval';
import { figureKey, sameWhole, ArticleRecord, StoredFigure } from '../index/store';
import { message } from '../messages';
import { renderCitation, stripInvisible } from '../citation';
import type { Checker } from './checker';
import type { FigureReport, Passage } from './result';
import { makePassage, sourceLabel, byDateThenScore, clauseEnd } from './passages';
import { judge, draftSide, corpusSide, THRESHOLDS, Reason } from './same-fact';
import { isoDay } from '../read/time';
import type { Language } from '../language';

/** Candidates ranked by the words they share with the figure's sentence; this many are judged in full. */
const RETRIEVE = 60;
const ANCHORS = 8;
const MIN_ANCHORS = 3;
const ANCHOR_MAX_DF = 2000;

/** The anchor terms of a figure's context words, given rarest first: a candidate sentence holds one of them. They
 * are the rarer words (in at most ANCHOR_MAX_DF sentences, at most ANCHORS of them), and never fewer than the
 * MIN_ANCHORS rarest, however common: one rare word alone would leave out every sentence sharing the rest («قتل
 * حينها 61 فلسطينيا» against «حيث قتل حينها 62 فلسطينيا», with «السفارة» and «القدس» just over the count). */
export function anchorTerms<T>(byDf: T[], df: (t: T) => number): T[] {
  const rare = byDf.filter(t => df(t) <= ANCHOR_MAX_DF).length;
  return byDf.slice(0, Math.min(ANCHORS, Math.max(MIN_ANCHORS, rare)));
}

interface Match {
  fig: StoredFigure; article: ArticleRecord; sentence: number; score: number; reasons: Reason[];
  /** The same fact at another time: a running total or a daily value of another day. */
  otherTime: boolean; agrees: boolean; day?: number;
}
type Ranked = Match & { p: Passage };

/** The values a figure allows: its range, or what its hedge and rounding allow (a converted amount is
 * approximate). */
export function figureInterval(f: Pick<Figure, 'value' | 'hedge' | 'range' | 'converted' | 'reach'>, tolerance: number) {
  const range = f.range && f.reach !== undefined ? { lo: f.range.lo, hi: f.reach } : f.range;
  return interval(f.value, f.hedge ?? (f.converted ? 'about' : undefined), tolerance, range);
}

/** What says which quantity a figure measures: a draft's figure or a stored one. */
type Quantity = Pick<Figure, 'kind' | 'measure' | 'unit' | 'rate' | 'change' | 'group' | 'places' | 'whole' | 'noun' | 'lengthStated'>;

/** Whether a corpus figure may measure the same quantity at all: its kind, measure, currency or unit, rate, whole and group. */
export function sameQuantity(d: Figure, c: Quantity, lang: Language): boolean {
  if (c.kind !== d.kind) return false;
  if (d.measure !== c.measure || d.unit !== c.unit || d.rate !== c.rate || !!d.change !== !!c.change) return false;
  // Groups of one kind differ (Palestinians / Israelis, children / soldiers); a nationality and a role do not.
  const role = (g: string) => lang.groupMeasures.has(g) || g === 'civilians';
  if (d.group && c.group && d.group !== c.group && role(d.group) === role(c.group)) return false;
  if (d.places.length && c.places.length && !d.places.some(p => c.places.includes(p))) return false;
  if ((d.kind === 'percent' || d.change) && !sameWhole(d.whole, c.whole)) return false;
  if (d.kind === 'count' && !d.measure && (!d.noun || d.noun !== c.noun)) return false;
  // A length compares only with a length (in the same unit, checked above): «منذ سبع سنوات» counts from another time.
  if (d.measure === 'duration' && !c.lengthStated) return false;
  return true;
}

/** Whether a figure can be compared at all: a claim, of a measure that compares, a percentage of something. */
export function comparable(f: Figure, lang: Language): boolean {
  if (!CLAIM_KINDS.has(f.kind)) return false;
  const m = f.measure ? lang.measureById.get(f.measure) : undefined;
  if (m && m.comparable === false && !(m.id === 'duration' && f.lengthStated)) return false;
  if (!m && f.kind === 'count' && (!f.noun || f.value < 11)) return false; // «اثنان من وزارة الدفاع»
  if (f.kind === 'percent' && !f.whole) return false;
  return true;
}

/** Candidate corpus figures: of the same quantity, in sentences holding one of the figure's rarer words, ranked by
 * the words their sentences share with it. */
function candidates(c: Checker, f: Figure): { id: number; sentence: number }[] {
  const query = c.weights(f.context);
  const byDf = [...query.keys()].filter(t => t >= 0).sort((a, b) => c.store.termDf(a) - c.store.termDf(b));
  const anchors = anchorTerms(byDf, t => c.store.termDf(t));
  const ids = c.store.figureCandidates(figureKey(f)!, { group: f.group, places: f.places, sentence: c.store.sentencesWithAny(anchors) });
  const scored = ids.map(id => { const sentence = c.store.figureSentence(id); return { id, sentence, coarse: c.store.score(query, sentence).coverage }; });
  scored.sort((x, y) => y.coarse - x.coarse);
  return scored.slice(0, RETRIEVE);
}

/** Judged matches above the hover threshold, one per story and value (an article that repeats a figure, or the
 * same wire story in several outlets, is one source), best first. */
function matches(c: Checker, f: Figure): Match[] {
  const d = figureInterval(f, c.settings.tolerance);
  const draft = draftSide(c.reading, f, isoDay(c.draft.date), { entities: c.draft.titleEntities, terms: c.draft.titleTerms });
  const best = new Map<string, Match>();
  for (const { id, sentence } of candidates(c, f)) {
    const article = c.store.sentenceArticle(sentence);
    if (c.isSelf(article)) continue;
    const fig = c.store.figure(id);
    if (!sameQuantity(f, fig, c.lang)) continue;
    const side = corpusSide(c.store, fig);
    const j = judge(draft, side, c.lang);
    if (j.score < THRESHOLDS.hover) continue;
    // One story (the same wire copy in several outlets) is one source.
    const key = `${article.story ?? article.meta.key}\u0000${fig.value}`;
    const prev = best.get(key);
    if (prev && prev.score >= j.score) continue;
    best.set(key, { fig, article, sentence, score: j.score, reasons: j.reasons, otherTime: j.otherTime, day: side.day, agrees: overlaps(d, figureInterval(fig, c.settings.tolerance)) });
  }
  // The draft's own story may be learnt only when its own article comes up among the candidates.
  return [...best.values()].filter(m => !c.ownStory(m.article)).sort((a, b) => b.score - a.score);
}

/** The citation «cite the source» inserts after the figure's clause, from the passage's credited source. */
function citation(c: Checker, f: Figure, x: Ranked) {
  const credits = c.store.credits(x.sentence);
  const id = credits.primary[0] ?? credits.relays[0];
  if (!id) return undefined;
  const name = credits.names.get(id) ?? id;
  return { at: clauseEnd(c.text, f.end), text: renderCitation(c.settings.citationTemplate, name), sourceId: id, sourceName: name };
}

function rank(c: Checker, x: Match, similar: boolean): Ranked {
  // Corpus text: without invisible characters that could reorder it where it is shown or inserted.
  const wording = stripInvisible(c.store.articleText(x.article).slice(x.fig.phraseStart, x.fig.end));
  return { ...x, p: makePassage(c.store, x.sentence, x.score, x.agrees ? 'agrees' : 'conflicts', { start: x.fig.start, end: x.fig.end },
    { value: x.fig.value, wording, sameFact: { score: +x.score.toFixed(2), reasons: x.otherTime && !x.reasons.some(r => r.what === 'day') ? [...x.reasons, { kind: 'different', what: 'report date' }] : x.reasons }, similar: similar || undefined }) };
}

/** A running total the draft repeats while newer reports of the same fact give another, larger figure. */
function outdated(c: Checker, f: Figure, later: Ranked[]): Ranked | undefined {
  // A count of what still holds is not left behind by a larger one: «لا يزال 711 طفلا مفصولين» falls as children
  // return; nor is a change or a gap («بفارق نقطة واحدة»), which goes either way.
  if (f.current || f.change) return undefined;
  const today = isoDay(c.draft.date);
  const dated = later.filter(x => x.day !== undefined && (today === undefined || x.day <= today));
  if (!dated.length) return undefined;
  const newest = Math.max(...dated.map(x => x.day!));
  const latest = dated.filter(x => x.day === newest);
  if (latest.some(x => x.agrees)) return undefined;
  const top = latest.sort((a, b) => b.score - a.score)[0];
  // A newer, larger figure in the draft is not contradicted by older reports.
  return top.fig.value > f.value ? top : undefined;
}

function report(c: Checker, f: Figure, stance: FigureReport['stance'], same: Ranked[], stale?: Ranked) {
  const locale = c.settings.locale, max = c.settings.maxMatches;
  const agree = same.filter(x => x.agrees), conflict = same.filter(x => !x.agrees);
  const figureFix = (x: Ranked) => ({ start: f.phraseStart, end: f.end, wording: x.p.wording!, value: x.fig.value });
  if (stance === 'conflicts') {
    // The figure to offer is the best one whose source is known, so the fix can cite it.
    const top = conflict.find(x => citation(c, f, x)) ?? conflict[0];
    // The figure the message quotes is always among the related passages.
    const related = [top, ...byDateThenScore(conflict).filter(x => x !== top)].slice(0, max);
    c.report('figure-conflict', f.start, f.end,
      message(locale, 'figureConflict', { draft: c.text.slice(f.phraseStart, f.end), corpus: top.p.wording!, outlet: sourceLabel(top.p, locale) }),
      byDateThenScore(related).map(x => x.p), { figure: figureFix(top), cite: citation(c, f, top) }, f.sentence);
  } else if (stance === 'disputed') {
    const sides = byDateThenScore(same);
    const shown = [agree[0], conflict[0], ...sides.filter(x => x !== agree[0] && x !== conflict[0])].slice(0, max);
    const stories = (xs: Ranked[]) => String(new Set(xs.map(x => x.article.story ?? x.article.meta.key)).size);
    c.report('figure-disputed', f.start, f.end,
      message(locale, 'figureDisputed', { agree: agree[0].p.wording!, conflict: conflict[0].p.wording!, n: stories(agree), m: stories(conflict) }),
      byDateThenScore(shown).map(x => x.p), { figure: figureFix(sides[0]), cite: citation(c, f, agree[0]) }, f.sentence);
  } else if (stance === 'outdated' && stale) {
    c.report('figure-outdated', f.start, f.end,
      message(locale, 'figureOutdated', { corpus: stale.p.wording!, outlet: sourceLabel(stale.p, locale), date: stale.article.meta.date ?? '' }),
      [stale.p], { figure: figureFix(stale), cite: citation(c, f, stale) }, f.sentence);
  } else if (stance === 'agrees') {
    const attributed = c.reading.attributions.some(a => a.sentence === f.sentence && (a.sources.length || a.unresolved));
    const cite = attributed ? undefined : agree.map(x => citation(c, f, x)).find(Boolean);
    if (cite) c.report('figure-uncited', f.start, f.end, message(locale, 'figureUncited', { source: cite.sourceName }), agree.slice(0, max).map(x => x.p), { cite }, f.sentence);
  }
}

export function checkFigure(c: Checker, f: Figure) {
  if (!CLAIM_KINDS.has(f.kind)) return;
  const none = () => c.figures.push({ start: f.start, end: f.end, phraseStart: f.phraseStart, value: f.value, stance: 'none', passages: [] });
  // Still hoverable: «no other source» is worth knowing.
  if (!comparable(f, c.lang)) { none(); return; }
  const all = matches(c, f).slice(0, Math.max(c.settings.maxMatches, 8) * 2);
  // The same fact now, the same fact at another time, and similar passages (shown in the hover only).
  const same: Ranked[] = [], later: Ranked[] = [], similar: Ranked[] = [];
  for (const x of all) {
    const warn = x.score >= THRESHOLDS.warn;
    const r = rank(c, x, !warn || x.otherTime);
    // A stored text the index could not vouch for comes back empty: no passage is made of it.
    if (r.p.wording) (!warn ? similar : x.otherTime ? later : same).push(r);
  }
  const agree = same.some(x => x.agrees), conflict = same.some(x => !x.agrees);
  const stale = !same.length ? outdated(c, f, later) : undefined;
  const stance: FigureReport['stance'] = same.length ? (!agree ? 'conflicts' : conflict ? 'disputed' : 'agrees') : stale ? 'outdated' : 'none';
  const passages = [...byDateThenScore(same), ...later, ...similar].slice(0, c.settings.maxMatches).map(x => x.p);
  c.figures.push({ start: f.start, end: f.end, phraseStart: f.phraseStart, value: f.value, stance, passages });
  if (stance !== 'none') report(c, f, stance, same, stale);
}
