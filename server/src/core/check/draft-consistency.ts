// A draft that agrees with itself: the same fact stated twice with values that cannot both hold (the lede says
// «أكثر من 32 ألف», the fifth paragraph «30 ألفا») is reported as figure-inconsistent. It needs no corpus.
//
// The draft is checked line by line (with a line cache), so each line's result keeps the little this check needs
// of its reading (draftFacts); after the lines are assembled, analyze() runs checkConsistency over all of them:
// no line is read again. Two figures are the same fact by the same judgement the corpus check uses (judge in
// same-fact.ts, both sides from the draft), and cannot both hold when their intervals do not overlap.
import type { Figure, Reading } from '../read/read-text';
import type { Language } from '../language';
import { overlaps } from '../interval';
import { figureKey } from '../index/store';
import { message } from '../messages';
import { isoDay } from '../read/time';
import { norm } from '../normalize';
import { stem } from '../stem';
import type { DraftContext } from './checker';
import { ignoreKey } from './checker';
import { comparable, figureInterval, sameQuantity } from './figure-check';
import { judge, draftSide, FactSide, THRESHOLDS } from './same-fact';
import type { AnalysisSettings, Finding, DraftMention } from './result';
import { DEFAULT_SEVERITY } from './result';

const CODE = 'figure-inconsistent';
/** Within one draft the writer states both figures knowingly: a hedge or a rounding allows half the margin it
 * allows between two outlets. «أكثر من 32 ألف» in the lede and «30 ألفا» in the fifth paragraph cannot both hold
 * (32000–33600 and 28500–31500), though an outlet's «30 ألفا» would not contradict another's «أكثر من 32 ألف»;
 * «32 ألفا» and «32,500» still agree. */
const IN_DRAFT_TOLERANCE = 0.5;
/** Two sentences of one story look alike to the corpus judgement far more often than two articles do: in 200
 * published ANT articles, pairs between its warning threshold and this one were all different facts. */
const IN_DRAFT_WARN = Math.max(THRESHOLDS.warn, 0.9);
/** The share of the two clauses' named entities they must have in common. */
const SAME_SUBJECTS = 0.5;

/** What the whole-draft pass keeps of one figure of a line's reading. Offsets are into the line until shifted. */
export interface DraftFact {
  /** The figure as the same-fact judgement and the interval need it. */
  figure: Figure;
  side: FactSide;
  /** Its wording (hedge included) and the sentence it stands in, for the message, the fix and the ignore key. */
  wording: string;
  sentence: { start: number; end: number; text: string };
  /** What every pair it is in would otherwise work out again: the victims it counts and the subjects it names. */
  victims?: string;
  subjects: Set<string>;
}


/** The facts of one line's reading (what checkLine keeps for the whole-draft pass). */
export function draftFacts(line: string, reading: Reading, lang: Language, draft: DraftContext): DraftFact[] {
  const day = isoDay(draft.date);
  const title = { entities: draft.titleEntities, terms: draft.titleTerms };
  return reading.figures.filter(f => comparable(f, lang) && figureKey(f)).map(f => {
    const s = reading.sentences[f.sentence];
    const side = draftSide(reading, f, day, title);
    return {
      figure: f, side, wording: line.slice(f.phraseStart, f.end),
      sentence: { start: s.start, end: s.end, text: line.slice(s.start, s.end) },
      victims: victims(f, lang), subjects: subjects(side),
    };
  });
}

/** Moves a line's facts to where the line starts in the draft. */
export function shiftFacts(facts: DraftFact[], by: number): DraftFact[] {
  if (!by) return facts;
  return facts.map(x => ({
    ...x,
    figure: { ...x.figure, start: x.figure.start + by, end: x.figure.end + by, phraseStart: x.figure.phraseStart + by },
    sentence: { ...x.sentence, start: x.sentence.start + by, end: x.sentence.end + by },
  }));
}

const victimStems = new WeakMap<Language, Map<string, string>>();
/** The victim group its counted noun names («طفل» → children), else its group when that is one. The reading lets a
 * nationality after the noun set the group («13 ألف طفل فلسطيني» → palestinians); the noun still says that these
 * are children, a part of the toll, not the toll. */
function victims(f: Figure, lang: Language): string | undefined {
  let stems = victimStems.get(lang);
  if (!stems) {
    stems = new Map(lang.measures.filter(m => lang.groupMeasures.has(m.id)).flatMap(m => m.cues.map(c => [stem(norm(c), lang), m.id] as [string, string])));
    victimStems.set(lang, stems);
  }
  return (f.noun && stems.get(f.noun)) || (f.group && lang.groupMeasures.has(f.group) ? f.group : undefined);
}

/** The entities a figure's clause names (its sentence's, when the clause names none); currencies are units. */
function subjects(s: FactSide): Set<string> {
  const named = s.entities.filter(e => e.kind !== 'currency');
  const [from, to] = s.figure.clause;
  const inClause = named.filter(e => e.at >= from && e.at < to);
  return new Set((inClause.length ? inClause : named).map(e => e.id));
}

/** Every sentence of a draft shares its story, so words in common say little: two statements of one fact also
 * name the same subjects («في غزة», «الفلسطينيين»), not Dubai's index and Abu Dhabi's, not Washington's tariffs and
 * Trump's next ones (published ANT articles raised 14 such warnings in 200 before this rule). */
function sameSubjects(x: Set<string>, y: Set<string>): boolean {
  if (!x.size && !y.size) return true;
  let shared = 0;
  for (const id of x) if (y.has(id)) shared++;
  return shared / (x.size + y.size - shared) >= SAME_SUBJECTS;
}

/** Judgements kept per pair of sides. The sides come from the line cache, so after an edit only the pairs with a
 * figure of an edited line are judged again: the pass stays cheap while typing. */
const judged = new WeakMap<FactSide, WeakMap<FactSide, number>>();

/** Two figures of one sentence are a list or a change («ارتفع من 30 إلى 32 ألفا»), never one fact stated twice.
 * The cheap tests come before the memo: most pairs fail one, and remembering them cost more than the tests (a
 * 5 MB draft compares a figure with up to EARLIER others). Both readings of the pair must call it the same fact
 * (the judgement is not symmetric: it reads the first side's neighbours against the second's). */
function sameFact(a: DraftFact, b: DraftFact, lang: Language): number {
  if (a.sentence.start === b.sentence.start || a.victims !== b.victims || !sameSubjects(a.subjects, b.subjects)) return 0;
  let row = judged.get(a.side);
  if (!row) { row = new WeakMap(); judged.set(a.side, row); }
  let score = row.get(b.side);
  if (score === undefined) {
    score = sameQuantity(a.figure, b.figure, lang) && sameQuantity(b.figure, a.figure, lang)
      ? Math.min(judge(a.side, b.side, lang).score, judge(b.side, a.side, lang).score) : 0;
    row.set(b.side, score);
  }
  return score;
}

const mention = (x: DraftFact): DraftMention => ({ start: x.figure.phraseStart, end: x.figure.end, wording: x.wording, value: x.figure.value });

/** How many earlier statements of its quantity a figure is compared with (the nearest before it): every one in
 * any real draft, and a bound on a pasted book. */
const EARLIER = 200;

/** One finding per figure that an earlier statement of the same fact contradicts, on the later one; `lineOf`
 * gives a draft offset's 0-based line, for the message. A generator that pauses now and then, as analysis does
 * between lines, so a language server can answer other requests during a long draft's pass. */
export function* checkConsistency(facts: DraftFact[], settings: AnalysisSettings, lang: Language, lineOf: (offset: number) => number): Generator<void, Finding[]> {
  const severity = settings.severity[CODE] ?? DEFAULT_SEVERITY[CODE];
  if (severity === 'off') return [];
  const ignored = new Set(settings.ignore ?? []);
  const tolerance = settings.tolerance * IN_DRAFT_TOLERANCE;
  const byKey = new Map<string, DraftFact[]>();
  for (const x of facts) {
    const k = figureKey(x.figure)!;
    const group = byKey.get(k);
    if (group) group.push(x); else byKey.set(k, [x]);
  }
  const out: Finding[] = [];
  let work = 0;
  for (const group of byKey.values()) {
    // Pushed, not mapped: one kind of array whichever compiler made it (see the words in Reader).
    const values: ReturnType<typeof figureInterval>[] = [];
    for (const x of group) values.push(figureInterval(x.figure, tolerance));
    for (let i = 0; i < group.length; i++) {
      const later = group[i];
      if ((work += Math.min(i, EARLIER)) >= 2000) { work = 0; yield; }
      const earlier: DraftFact[] = [];
      for (let j = Math.max(0, i - EARLIER); j < i; j++) {
        if (!overlaps(values[i], values[j]) && sameFact(later, group[j], lang) >= IN_DRAFT_WARN) earlier.push(group[j]);
      }
      if (!earlier.length) continue;
      const first = earlier[0];
      const key = ignoreKey(CODE, `${later.wording}\u0000${first.wording}`, later.sentence.text);
      if (ignored.has(key)) continue;
      const line = String(lineOf(first.figure.start) + 1);
      out.push({
        code: CODE, severity, start: later.figure.start, end: later.figure.end, related: [],
        message: message(settings.locale, 'figureInconsistent', { draft: later.wording, other: first.wording, line }),
        data: {
          code: CODE, ignoreKey: key,
          // «Make them equal»: this figure takes the earlier wording; `elsewhere` lets an editor go the other way.
          figure: { ...mention(later), wording: first.wording, value: first.figure.value },
          elsewhere: earlier.slice(0, settings.maxMatches).map(mention),
        },
      });
    }
  }
  return out;
}
