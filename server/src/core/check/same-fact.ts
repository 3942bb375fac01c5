// Do a draft figure and a corpus figure state the same fact — about the same subject, in the same event, for the
// same time? A handful of signals, read the same way on both sides, combined into one score by weights fitted on
// labelled pairs (data/same-fact.json says how). Only pairs above the warning threshold may raise a warning; the
// reasons are shown in the hover, so an editor can see why two passages were or were not compared.
import model from '../data/same-fact.json';
import termWeights from '../data/term-weights.json';
import type { Figure, Reading } from '../read/read-text';
import { UNIT_MARK } from '../read/read-text';
import type { CandidateStore, StoredFigure } from '../index/store';
import type { EntityMention } from '../read/entities';
import type { Language, MeasureEntry } from '../language';
import type { Period } from '../read/time';
import { stemsOf } from '../stem';

/** Another figure of a side's sentence: where it stands among the terms, when it holds, whether it is a running total,
 * its unit and value. */
type Peer = Pick<Figure, 'termAt' | 'when' | 'running' | 'unit' | 'value'>;

/** One side of a comparison: the figure, its sentence's terms and entities, the day of its article. */
export interface FactSide {
  figure: Pick<Figure, 'measure' | 'unit' | 'group' | 'part' | 'when' | 'termAt' | 'clause' | 'kind' | 'running' | 'incident' | 'value' | 'change' | 'rate' | 'zero' | 'whole'>;
  terms: string[];
  entities: EntityMention[];
  day?: number;
  /** The other figures of the same measure in the sentence (the next number in a list is another fact). */
  peers: Peer[];
  /** The entities of the article's title: the subject when the sentence only says «اللاعب». */
  titleEntities: EntityMention[];
  /** The title's content words: what the story is about. */
  titleTerms: string[];
  /** The words of the sentence before, when the figure's sentence goes on with its event («وأسفر الحادث عن …»):
   * what the incident word stands for. */
  lead?: string[];
}

/** The model's signals, and the cross-clause match that may stand in for the local floor (not a model input). */
export type Features = Record<(typeof model.features)[number], number> & { crossLocal: number };

export interface Reason { kind: 'same' | 'different'; what: string; detail?: string }

export interface Judgement {
  score: number;
  reasons: Reason[];
  /** The values may differ because time passed: a running total or a daily value on another day. */
  otherTime: boolean;
}

const WINDOW = 6;
/** The shorter side of an overlap weighs at least this share of the longer. */
const SHORT_SIDE = 0.4;
/** Two sentences sharing less than this, or figures whose neighbourhoods share less than LOCAL_FLOOR, tell of
 * different things whatever entities or dates they share (the labelled pairs below it are nearly all different
 * facts, and the model was fitted on pairs above it) — except a paraphrase in another word order (CROSS_FLOOR),
 * which the model then scores with a local overlap under the range it was fitted on; a refit (bench --fit) fits on
 * every pair not vetoed, these included. */
const SENTENCE_FLOOR = 0.3;
const LOCAL_FLOOR = 0.3;
/** A paraphrase may put a figure's words in another order, out of the other figure's window but inside its clause
 * («مقتل شخصين … في حادث التصادم على طريق سوهاج-أسيوط» / «لقي 20 شخصا حتفهم في حادث تصادم … على طريق
 * سوهاج-أسيوط»): when each figure's window is found in the other's clause at least this much, and the two sentences
 * also share a named entity or a specific date, the local floor is met. Higher than LOCAL_FLOOR, and not on words
 * alone: a clause is longer than a window, so more of a window is found in it by chance («على مدار 12 شهرا …
 * انتهاك» / «على مدار ثلاثة أيام … انتهاك»). */
const CROSS_FLOOR = 0.35;
/** …and the two clauses must be alike this much: a window found in a long clause of another story («20 مليون مسلم»
 * in China / «مئات» of protesters) is not enough. */
const CROSS_CLAUSE = 0.45;
/** Two sentences sharing this much are one sentence told twice (the `nearDuplicate` feature). */
const NEAR_COPY = 0.85;
/** Measures that belong to one person. */
const PERSONAL = new Set(['age', 'prison-term']);
/** Entities that are units of a figure rather than what it is about. */
const UNIT_KINDS = new Set(['currency']);
/** A toll or a tally reported without a running-total cue still grows for a while after an event; long after it,
 * the last report stands. */
const GROWING_DAYS = 60;
const ENTITY_WINDOW = 10;
const N = termWeights.sentences;
const DF = termWeights.df as Record<string, number>;
/** A word in fewer than 20 sentences of the reference corpus is rare: weigh it as if it were in 10. */
const RARE_DF = 10;

const weights = new Map<string, number>();
/** How much a shared word says: its inverse document frequency in Arabic news. */
export function termWeight(t: string): number {
  let w = weights.get(t);
  if (w === undefined) {
    const df = DF[t] ?? RARE_DF;
    w = t.startsWith(UNIT_MARK) ? 0 : Math.log(1 + (N - df + 0.5) / (df + 0.5));
    // Bounded: a long-running server meets an open vocabulary.
    if (weights.size > 200_000) weights.clear();
    weights.set(t, w);
  }
  return w;
}

interface Bag { words: Set<string>; weight: number }
const bagOf = (terms: string[]): Bag => {
  const words = new Set(terms);
  let weight = 0;
  for (const t of words) weight += termWeight(t);
  return { words, weight };
};
/** Bags of stretches of a sentence's words, kept while the word array lives: a draft figure meets dozens of
 * candidates, and a corpus sentence's words are cached by its store. */
const spanBags = new WeakMap<string[], Map<number, Bag>>();
function span(terms: string[], from: number, to: number): Bag {
  from = Math.max(0, from); to = Math.min(terms.length, to);
  let bags = spanBags.get(terms);
  if (!bags) { bags = new Map(); spanBags.set(terms, bags); }
  const key = from * 0x200000 + to; // exact for sentences of up to two million words
  let bag = bags.get(key);
  if (!bag) { bag = bagOf(terms.slice(from, to)); bags.set(key, bag); }
  return bag;
}
const whole = (terms: string[]) => span(terms, 0, terms.length);

/** The weighted share of the smaller side's words that the other side also has. */
function overlap(A: Bag, B: Bag): number {
  let shared = 0;
  for (const t of A.words) if (B.words.has(t)) shared += termWeight(t);
  const ta = A.weight, tb = B.weight;
  // Of the shorter side, but a four-word fragment does not match a long sentence just by being short.
  const m = Math.max(Math.min(ta, tb), SHORT_SIDE * Math.max(ta, tb));
  return m ? shared / m : 0;
}

const TIGHT = 3;
const windowAt = (s: FactSide, at: number, width: number) => span(s.terms, at - width, at + width);
const window = (s: FactSide, width: number) => windowAt(s, s.figure.termAt, width);
const clauseOf = (s: FactSide) => span(s.terms, s.figure.clause[0], s.figure.clause[1]);
/** How much of each figure's window the other figure's clause has: the lesser of the two. */
const crossLocal = (d: FactSide, c: FactSide) => Math.min(overlap(window(d, WINDOW), clauseOf(c)), overlap(clauseOf(d), window(c, WINDOW)));

/** The other figures of a side's sentence that could be the draft's: of the same measure and unit. «400 مليون جنيه
 * (22 مليون دولار)» is one sum told twice, and the dollars are never the draft's pounds. */
const rivalsOf = (s: FactSide) => s.peers.filter(p => p.unit === s.figure.unit);
/** Which of its sentence's figures of its measure and unit the figure is, in reading order. */
const rankOf = (s: FactSide, rivals: Peer[]) => rivals.filter(p => p.termAt < s.figure.termAt).length;

/** The values of a list of figures, ordered by value or by where they stand. */
const valuesBy = (xs: Peer[], key: 'value' | 'termAt') => xs.slice().sort((x, y) => x[key] - y[key]).map(x => x.value);
/** Whether two lists of figures (of one length) hold the same values, in any order. */
const sameValues = (a: Peer[], b: Peer[]) => { const y = valuesBy(b, 'value'); return valuesBy(a, 'value').every((v, i) => v === y[i]); };
/** Whether two lists of figures (of one length), in reading order, hold one value at the same place: «134 … مقابل
 * 65» and «143 … مقابل 65» are one list with its first figure changed. */
const valueInPlace = (a: Peer[], b: Peer[]) => { const y = valuesBy(b, 'termAt'); return valuesBy(a, 'termAt').some((v, i) => v === y[i]); };

/** Whether the corpus figure is, of the figures of its measure and unit in its sentence, the one whose close
 * neighbours best match the draft figure's: «30 كم من السلط … و85 كم من إربد». */
function alignment(d: FactSide, c: FactSide): { tight: number; aligned: number } {
  // The figure stated for the draft's own period, or as a running total when the draft's is one (or not), is the
  // one, whatever its neighbours: «69,7 مليار درهم مقابل 64,2 مليار درهم في 2016» for a draft's «64,2 مليار درهم
  // في 2016»; «مقتل 29 مدنيا، لترتفع بذلك حصيلة هذا القصف إلى 1517 مدنيا» for a total since the offensive began.
  const dw = window(d, TIGHT);
  const tight = overlap(dw, window(c, TIGHT));
  const rivals = rivalsOf(c);
  if (rivals.length) {
    const when = d.figure.when;
    const fit = (x: Peer) => (when && x.when && overlapsPeriod(when, x.when) ? 2 : 0) + (!!x.running === !!d.figure.running ? 1 : 0);
    const mine = fit(c.figure), peer = Math.max(...rivals.map(fit));
    if (mine !== peer) return { tight, aligned: mine > peer ? 1 : 0 };
  }
  if (!rivals.length) return { tight, aligned: 1 };
  // Two tellings of one list with the same numbers: each figure is its equal, whatever words stand nearer another
  // («134 صوتا مقابل 65 صوتا فقط حصل عليها ملف المغرب» / «بواقع 134 صوتا مقابل 65 للمغرب»).
  const draftRivals = rivalsOf(d);
  const draftList = [d.figure, ...draftRivals], corpusList = [c.figure, ...rivals];
  if (draftRivals.length === rivals.length && sameValues(draftList, corpusList)) return { tight, aligned: d.figure.value === c.figure.value ? 1 : 0 };
  // In two tellings of one list — one sentence told again («78 من أصل 130»), or a list with one value in the same
  // place — the n-th figure matches the n-th, counted in the one unit: «100 مليون دولار (620 مليون ريال)» lists its
  // figures in another order.
  if (draftRivals.length === rivals.length && (valueInPlace(draftList, corpusList) || overlap(whole(d.terms), whole(c.terms)) >= 0.6)) {
    return { tight, aligned: rankOf(d, draftRivals) === rankOf(c, rivals) ? 1 : 0 };
  }
  const best = Math.max(...rivals.map(p => overlap(dw, windowAt(c, p.termAt, TIGHT))));
  return { tight, aligned: tight >= best ? 1 : 0 };
}

/** Kinds of entity a figure is about («اللاعب البالغ 24 عاما» is about the article's player); a title's place is
 * often only a dateline, so it stands in only for a sentence that names no place at all (see nearestByKind). */
const SUBJECT_KINDS = new Set(['person', 'club', 'company']);
const PLACE_KINDS = new Set(['country', 'city']);

/** The entity of each kind nearest the figure (the subject slot): «ورفع الريال رصيده» / «ورفع فالنسيا رصيده»; for a
 * person, club or company the sentence does not name, the one its article's title names, and for a sentence that
 * names no place, the title's country. */
function nearestByKind(s: FactSide): Map<string, EntityMention> {
  const out = new Map<string, EntityMention>();
  const [from, to] = s.figure.clause;
  // Nearest in the figure's clause first, else in its sentence.
  const dist = (e: EntityMention) => Math.abs(e.at - s.figure.termAt) + (e.at >= from && e.at < to ? 0 : ENTITY_WINDOW);
  for (const e of s.entities) {
    if (UNIT_KINDS.has(e.kind)) continue;
    const cur = out.get(e.kind);
    if (!cur || dist(e) < dist(cur)) out.set(e.kind, e);
  }
  for (const e of s.titleEntities) if (SUBJECT_KINDS.has(e.kind) && !out.has(e.kind) && !s.entities.some(x => x.kind === e.kind)) out.set(e.kind, e);
  // A sentence that names no place at all is about its title's country: «مقاعد البرلمان، البالغ عددها 222 مقعدا»
  // under a title on Malaysia's election.
  if (!s.entities.some(e => PLACE_KINDS.has(e.kind))) {
    const country = s.titleEntities.find(e => e.kind === 'country');
    if (country) out.set('country', country);
  }
  return out;
}

/** The entities a side names, in its sentence or title, and the countries its cities lie in: «السفارة التركية في
 * كوبنهاغن» names Denmark as «في العاصمة الدنماركية كوبنهاغن» does. */
function named(s: FactSide, lang: Language): Set<string> {
  const out = new Set<string>();
  for (const list of [s.entities, s.titleEntities]) {
    for (const e of list) { out.add(e.id); for (const p of lang.containers.get(e.id) ?? []) out.add(p); }
  }
  return out;
}

/** Entities both sides name, and kinds whose nearest entity differs on the two sides while neither sentence names
 * the other's: another club, another country. `copy`: the draft's sentence is a near copy of the corpus's, which has
 * no other figure that could be the draft's. */
function entitySignals(d: FactSide, c: FactSide, lang: Language, copy: boolean, reasons: Reason[]): { shared: number; clash: number } {
  const dIds = named(d, lang), cIds = named(c, lang);
  const shared = [...new Set(d.entities.filter(e => !UNIT_KINDS.has(e.kind)).map(e => e.id))].filter(id => c.entities.some(e => e.id === id));
  if (shared.length) reasons.push({ kind: 'same', what: 'entity', detail: shared.join('، ') });
  let clash = 0;
  const cn = nearestByKind(c);
  for (const [kind, de] of nearestByKind(d)) {
    const ce = cn.get(kind);
    // An ambiguous name («الريال») alone does not make two figures different: one side must name its entity plainly.
    // Two sentences that both name both entities («ورفع فالنسيا رصيده … عن الريال») are not told apart by them.
    // A near copy of a sentence with one such figure, keeping its subject, is about that figure, whatever else the
    // corpus names nearer it («رئيس قناة "بي إن سبورت" القطرية ناصر الخليفي … بتغريمه 400 مليون جنيه» told without
    // «القطرية»; «حزب زيهوفر، المعارض … لسياسة … ميركل، في أن يحدد … سقفا» told without the aside) — but not an entity
    // right beside the figure, which is its subject («بعد روسيا التي أنتجت 11.2 مليون برميل»), nor one the corpus names
    // only in its title. Where the corpus gives each of them a figure («أنفقت الصين 228 … وروسيا 66,3»), the nearest
    // decides.
    if (!ce || ce.id === de.id || (cIds.has(de.id) && dIds.has(ce.id)) || (de.ambiguous && ce.ambiguous)) continue;
    if (copy && Math.abs(ce.at - c.figure.termAt) > TIGHT && c.entities.some(e => e.id === de.id)) continue;
    clash++;
    reasons.push({ kind: 'different', what: 'entity', detail: `${de.id} ≠ ${ce.id}` });
  }
  return { shared: Math.min(shared.length, 3), clash: Math.min(clash, 2) };
}

const overlapsPeriod = (a: Period, b: Period) => a.from <= b.to && b.from <= a.to;

/** Explicit periods (in the sentences) and the days of the articles. */
function timeSignals(d: FactSide, c: FactSide, daily: boolean, lang: Language, reasons: Reason[]) {
  const dw = d.figure.when, cw = c.figure.when;
  const gap = d.day !== undefined && c.day !== undefined ? Math.abs(d.day - c.day) : 0;
  let match = 0, clash = 0;
  // A shared year says little (most reports of a year share it); a shared month or day says more.
  const specific = (p: Period) => p.to - p.from <= 31;
  // A running total «منذ …» runs to the day it is reported: «منذ 18 شباط» on 4 March and on 11 March are two counts.
  // (Other periods end where they say: two running totals «في مارس» reported on different days still meet.)
  const sameEnd = !(d.figure.running || c.figure.running) || dw?.to === cw?.to;
  if (dw && cw) {
    if (overlapsPeriod(dw, cw)) { if (specific(dw) && specific(cw) && sameEnd) { match = 1; reasons.push({ kind: 'same', what: 'time' }); } }
    else { clash = 1; reasons.push({ kind: 'different', what: 'time' }); }
  }
  // A value that changes every day (a price, an index) is the same fact only on the same day, and a price «by
  // 06:40 GMT» is not the close.
  const dDay = dw && dw.from === dw.to ? dw.from : d.day, cDay = cw && cw.from === cw.to ? cw.from : c.day;
  const otherDay = daily && dDay !== undefined && cDay !== undefined && dDay !== cDay ? 1 : 0;
  const otherHour = daily && !otherDay && hasAny(d, lang, 'intraday') !== hasAny(c, lang, 'intraday') ? 1 : 0;
  if (otherDay) reasons.push({ kind: 'different', what: 'day' });
  if (otherHour) reasons.push({ kind: 'different', what: 'time of day' });
  return { match, clash, gap: Math.log1p(gap), days: gap, otherDay: otherDay || otherHour };
}

const isChange = (s: FactSide) => !!s.figure.change || s.figure.rate === 'change';
/** Whether a side's sentence has one of the words of market news («برنت», «الأسهم») or of a point in the day. */
function hasAny(s: FactSide, lang: Language, which: 'market' | 'intraday'): boolean {
  const set = stemsOf(which === 'market' ? lang.marketWords : lang.intradayWords, lang);
  return s.terms.some(t => set.has(t));
}

/** A value of one day: a price or an index, and in market news a change, a percentage or a sum of money. */
function isDaily(d: FactSide, m: MeasureEntry | undefined, lang: Language): boolean {
  if (m?.daily) return true;
  return hasAny(d, lang, 'market') && (isChange(d) || d.figure.kind === 'percent' || (!!m && lang.dailyInMarketNews.has(m.id)));
}

/** The word overlaps the floors test: around the figures, across their clauses (only under the local floor, where
 * it can matter: 0 means «not needed», not «no match»), of the sentences and of the clauses. */
interface WordOverlaps { local: number; crossLocal: number; sentence: number; clause: number }
/** A figure's neighbourhood: the words around it; for a stated zero («دون وقوع إصابات», «لم يسفر عن إصابات»), its
 * sentence — the zero is said of the event the sentence reports, at its end as often as not, where the words
 * beside it are only the end of the sentence. */
const neighbourhood = (s: FactSide) => withLead(s.figure.zero ? whole(s.terms) : withSubject(window(s, WINDOW), s), s);
/** …and, in a sentence going on with the event before, that sentence's words: «وأسفر الحادث عن مقتل 10 أشخاص» is
 * said of «حادث الدهس الذي وقع وسط مدينة تورنتو الاثنين», whose words stand in the other report's sentence. */
const leadBags = new WeakMap<Bag, WeakMap<string[], Bag>>();
function withLead(bag: Bag, s: FactSide): Bag {
  if (!s.lead?.length) return bag;
  // Kept per bag and lead, as the windows are: a draft figure meets dozens of candidates.
  let bags = leadBags.get(bag);
  if (!bags) { bags = new WeakMap(); leadBags.set(bag, bags); }
  let out = bags.get(s.lead);
  if (!out) { out = bagOf([...bag.words, ...s.lead]); bags.set(s.lead, out); }
  return out;
}
/** …and for a percentage or a change, its whole or subject wherever it stands: «نسبة المشاركة في الانتخابات
 * الرئاسية التي جرت الشهر الماضي بلغت 47 بالمئة» is said of «المشاركة», eight words back. Only the subject's words
 * that are plain terms of the sentence: a unit's word weighs nothing there («#u:سكان»), an event word is its event
 * term. Kept per sentence, as the windows are. */
const subjectBags = new WeakMap<string[], Map<number, { whole: string; bag: Bag }>>();
function withSubject(bag: Bag, s: FactSide): Bag {
  const whole = s.figure.whole;
  if (!whole || !(s.figure.kind === 'percent' || s.figure.change)) return bag;
  let bags = subjectBags.get(s.terms);
  if (!bags) { bags = new Map(); subjectBags.set(s.terms, bags); }
  // A figure's place among the words keys it (no string built per pair); two figures at one place keep the first.
  const cached = bags.get(s.figure.termAt);
  if (cached?.whole === whole) return cached.bag;
  const missing = whole.split(' ').filter(w => !bag.words.has(w) && s.terms.includes(w));
  const out = missing.length ? bagOf([...bag.words, ...missing]) : bag;
  if (!cached) bags.set(s.figure.termAt, { whole, bag: out });
  return out;
}
const localOverlaps = (d: FactSide, c: FactSide) => {
  const local = overlap(neighbourhood(d), neighbourhood(c));
  return { local, crossLocal: local < LOCAL_FLOOR ? crossLocal(d, c) : 0 };
};
const wordOverlaps = (d: FactSide, c: FactSide, near = localOverlaps(d, c)): WordOverlaps =>
  ({ ...near, sentence: overlap(whole(d.terms), whole(c.terms)), clause: overlap(clauseOf(d), clauseOf(c)) });

export function features(d: FactSide, c: FactSide, lang: Language, words = wordOverlaps(d, c)): { features: Features; reasons: Reason[]; otherTime: boolean } {
  const reasons: Reason[] = [];
  const m = d.figure.measure ? lang.measureById.get(d.figure.measure) : undefined;
  const { local, sentence, clause } = words;
  const e = entitySignals(d, c, lang, sentence >= NEAR_COPY && !rivalsOf(c).length, reasons);
  const t = timeSignals(d, c, isDaily(d, m, lang), lang, reasons);
  const a = alignment(d, c);
  // A part is not the whole: «منهم 13 طفلا», civilians or children against everyone (a nationality alone is not a part).
  const partGroup = (s: FactSide) => !!s.figure.group && (s.figure.group === 'civilians' || lang.groupMeasures.has(s.figure.group));
  // One incident's toll is a part of a running total («قتل 9 في عملية في جنين» / «ومنذ ذلك الحين قتل 32,500»).
  const oneIncident = (s: FactSide) => !!s.figure.incident && !s.figure.running;
  const incidentOfTotal = (oneIncident(d) && !!c.figure.running && !c.figure.incident) || (oneIncident(c) && !!d.figure.running && !d.figure.incident);
  // …but a part of nothing is nothing: «لم تسفر عن أي إصابات» is contradicted by «إصابة خمسة حراس».
  const wholeZero = (s: FactSide) => !!s.figure.zero && !s.figure.part && !partGroup(s);
  const part = (!!d.figure.part !== !!c.figure.part || partGroup(d) !== partGroup(c) || incidentOfTotal) && !wholeZero(d) && !wholeZero(c) ? 1 : 0;
  if (part) reasons.push({ kind: 'different', what: 'part' });
  if (sentence >= NEAR_COPY) reasons.push({ kind: 'same', what: 'sentence' });
  const f: Features = {
    local, sentence, clause, nearDuplicate: sentence >= NEAR_COPY ? 1 : 0, entityShared: e.shared, entityClash: e.clash,
    timeMatch: t.match, timeClash: t.clash, dayGap: t.gap, otherDay: t.otherDay, part,
    siblings: Math.min(3, d.peers.length + c.peers.length), tight: a.tight, aligned: a.aligned,
    // The same story: the draft's sentence and title against the corpus article's title.
    story: c.titleTerms.length ? overlap(bagOf([...d.terms, ...d.titleTerms]), bagOf(c.titleTerms)) : 0,
    event: m?.type === 'event' ? 1 : 0, percent: d.figure.kind === 'percent' ? 1 : 0,
    // An age or a prison term belongs to one person: with no person named on both sides, two sentences alike in
    // everything else may still be about two people.
    unknownPerson: m && PERSONAL.has(m.id) && sentence < NEAR_COPY && !d.entities.some(e => e.kind === 'person' && c.entities.some(x => x.id === e.id)) ? 1 : 0,
    crossLocal: words.crossLocal,
  };
  // A running total changes between reports, unless both name the same closed period («في 2017»); so do a war's
  // or a disaster's tolls and a season's tallies reported days apart.
  const stated = !!(d.figure.running || c.figure.running);
  const accumulating = !!m && lang.accumulating.has(m.id) && t.days >= (m.type === 'event' ? 2 : 1) && t.days <= GROWING_DAYS;
  const running = stated || accumulating;
  const otherTime = (running && t.days > 0 && !t.match) || t.otherDay === 1;
  return { features: f, reasons, otherTime };
}

/** Signals that settle it, whatever else two sentences share: another entity of the same kind, an explicitly
 * different period, a daily value of another day, or another figure of the sentence that fits better. */
export function vetoed(f: Features): boolean {
  // A figure's clause may match where its sentence goes on about something else («…، فيما تتواصل الغارات»).
  if (Math.max(f.sentence, f.clause) < SENTENCE_FLOOR || (f.local < LOCAL_FLOOR && !crossStands(f))) return true;
  return model.vetoes.some(v => f[v as keyof Features] === (v === 'aligned' ? 0 : 1) || (v === 'entityClash' && f.entityClash > 0) || (v === 'unknownPerson' && f.unknownPerson > 0));
}

/** The model's score for a feature vector: a logistic function of the weighted sum. */
export function scoreOf(f: Features, weights: Record<string, number> = model.weights, bias = model.bias): number {
  let z = bias;
  for (const name of model.features) z += (weights[name] ?? 0) * f[name as keyof Features];
  return 1 / (1 + Math.exp(-z));
}

/** Whether a pair under the local floor meets it by the cross-clause match: each window found in the other's
 * clause, the clauses alike, and a named entity or a specific date in common. */
const crossStands = (f: Features) => f.crossLocal >= CROSS_FLOOR && f.clause >= CROSS_CLAUSE && (f.entityShared > 0 || f.timeMatch > 0);

export function judge(d: FactSide, c: FactSide, lang: Language): Judgement {
  // The word floors alone veto most candidates: the neighbourhoods first, the sentences only for those that pass,
  // and the overlaps worked out here are the features' own.
  const none = { score: 0, reasons: [], otherTime: false };
  const near = localOverlaps(d, c);
  if (near.local < LOCAL_FLOOR && near.crossLocal < CROSS_FLOOR) return none;
  const words = wordOverlaps(d, c, near);
  if (Math.max(words.sentence, words.clause) < SENTENCE_FLOOR) return none;
  const { features: f, reasons, otherTime } = features(d, c, lang, words);
  return { score: vetoed(f) ? 0 : scoreOf(f), reasons, otherTime };
}

/** The draft's side: a figure of its reading, on the draft's day. */
export function draftSide(reading: Reading, f: Figure, day: number | undefined, title: { entities: EntityMention[]; terms: string[] } = { entities: [], terms: [] }): FactSide {
  const s = reading.sentences[f.sentence];
  const same = figuresOfSentence(reading, f.sentence).filter(x => x.measure === f.measure);
  const lead = f.continues ? reading.sentences[f.sentence - 1]?.terms : undefined;
  return { figure: f, terms: s.terms, entities: s.entities, day, peers: same.filter(x => x !== f), titleEntities: title.entities, titleTerms: title.terms, lead };
}

const bySentence = new WeakMap<Reading, Map<number, Figure[]>>();
/** A reading's figures of one sentence (grouped once per reading: a draft may have thousands of figures). */
function figuresOfSentence(reading: Reading, sentence: number): Figure[] {
  let m = bySentence.get(reading);
  if (!m) {
    m = new Map();
    for (const x of reading.figures) (m.get(x.sentence) ?? m.set(x.sentence, []).get(x.sentence)!).push(x);
    bySentence.set(reading, m);
  }
  return m.get(sentence) ?? [];
}

/** A corpus figure's side, from the store. */
export function corpusSide(store: CandidateStore, f: StoredFigure): FactSide {
  const facts = store.factsOf(f.sentence);
  const same = facts.figures.filter(x => x.measure === f.measure);
  // A figure that continues is never its article's first sentence's: the one before it is its article's.
  const lead = f.continues ? store.factsOf(f.sentence - 1).terms : undefined;
  return { figure: f, terms: facts.terms, entities: facts.entities, day: facts.day, peers: same.filter(x => x.termAt !== f.termAt), titleEntities: facts.titleEntities, titleTerms: facts.titleTerms, lead };
}

/** At or above: the same fact, may raise a warning. Below it and at or above `hover`: a similar report. */
export const THRESHOLDS = model.thresholds;
