// Figures are made in several places — a number read in a text, a stated zero, a row of the index, a row from the
// shared archive — each setting a different few of the optional fields, and the reader sets more afterwards (a
// part, an inherited whole). To the JavaScript engine every such set of fields is another object shape, and the
// code that compares figures, compiled for the shapes it met first, is thrown away and compiled again each time a
// new one arrives: in a first check of a 5 MB draft, most of its deoptimisations and a third of its compiling.
// Every figure is therefore made here, with all its fields, in one order.
import type { Figure } from './read-text';

/** A figure of the draft (with its context) or of the index (with its id). */
type AnyFigure = Omit<Figure, 'context'> & { context?: string[]; id?: number };
/** Every field of a figure, present (a field added to Figure and not below fails to compile). */
type AllFields<T> = { [K in keyof Required<T>]: T[K] | undefined };

/** `f` as an object of the one figure shape (absent fields present as undefined). */
export function shapedFigure<F extends AnyFigure>(f: F): F {
  const shaped: AllFields<AnyFigure> = {
    id: f.id, start: f.start, end: f.end, phraseStart: f.phraseStart, value: f.value, range: f.range, reach: f.reach,
    hedge: f.hedge, kind: f.kind, measure: f.measure, unit: f.unit, group: f.group, places: f.places, whole: f.whole,
    rate: f.rate, change: f.change, vague: f.vague, zero: f.zero, converted: f.converted, lengthStated: f.lengthStated,
    when: f.when, running: f.running, current: f.current, incident: f.incident, part: f.part, continues: f.continues, termAt: f.termAt, clause: f.clause,
    noun: f.noun, sentence: f.sentence, context: f.context,
  };
  return shaped as F;
}
