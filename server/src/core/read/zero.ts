// A stated zero: «لم يقتل أي شخص», «لم يصب أحد», «لا إصابات», «لم تسجل أي وفيات», «دون وقوع إصابات». Read as a figure
// of value 0 for the event (killed, injured, missing), so a draft that says no one died conflicts with a
// reported toll of the same incident.
import type { Reader } from './reader';
import type { Figure } from './read-text';
import { termIndex, clauseTerms } from './entities';
import { timeOf } from './time';

const REACH = 6;

interface Scan { event?: { id: string; tok: number; len: number }; anyTok?: number; skipped: boolean }

/** The zero figure that a negation at token i states, and the token after it. */
export function zeroAt(reader: Reader, i: number, range: [number, number], withContext: boolean): { figure: Omit<Figure, 'sentence'>; end: number } | undefined {
  const lang = reader.lang;
  const neg = reader.isWord(i) ? reader.phraseAt(lang.negations, i) : undefined;
  if (!neg) return undefined;
  const scan: Scan = { skipped: false };
  for (let j = i + neg.length, steps = 0; j < range[1] && steps < REACH; steps++) {
    if (!reader.isWord(j)) return undefined;
    const skip = reader.phraseAt(lang.negationSkip, j);
    if (skip) { scan.skipped = true; j += skip.length; continue; }
    if (reader.inSet(j, lang.negationAny)) {
      if (scan.anyTok !== undefined) return undefined;
      scan.anyTok = j;
      // «لم يصب أحد»: «أحد» after the event verb is the count itself.
      if (scan.event && !reader.isWord(j + 1)) return zero(reader, j, j, scan.event.id, withContext, range);
      j++; continue;
    }
    const cue = reader.measureAt(j, range);
    if (cue?.m.type === 'event' && lang.zeroMeasures.has(cue.m.id)) {
      // The event as a noun is what is counted: «لا إصابات», «لم تسجل أي وفيات», «دون وقوع إصابات».
      if (scan.event === undefined && (neg.value !== 'verb' || scan.skipped || scan.anyTok !== undefined)) return zero(reader, scan.anyTok ?? j, j + cue.len - 1, cue.m.id, withContext, range);
      if (scan.event !== undefined) return undefined;
      scan.event = { id: cue.m.id, tok: j, len: cue.len };
      j += cue.len; continue;
    }
    // «لم يقتل أي شخص»: after the event verb, a person stands for the count.
    if (scan.event && (scan.anyTok !== undefined || reader.inSet(j, lang.genericNouns)) && (reader.inSet(j, lang.genericNouns) || j === scan.anyTok! + 1)) {
      return zero(reader, scan.anyTok ?? j, j, scan.event.id, withContext, range);
    }
    return undefined;
  }
  if (scan.event && scan.anyTok !== undefined) return zero(reader, scan.anyTok, scan.anyTok, scan.event.id, withContext, range);
  return undefined;
}

function zero(reader: Reader, from: number, to: number, measure: string, withContext: boolean, range: [number, number]) {
  const o = reader.orig(from, to);
  // «لم يسفر عن مقتل أي مدني» is no civilian, not no one; «ولم يُقتل أي منهم», none of them: a group or a part, as
  // a count of them is.
  const lang = reader.lang, noun = to > from ? to : undefined;
  const nounMeasure = noun !== undefined ? reader.nounMeasureAt(noun, range)?.m.id : undefined;
  const group = noun === undefined ? undefined : reader.phraseAt(lang.groups, noun)?.value ?? (nounMeasure && lang.groupMeasures.has(nounMeasure) ? nounMeasure : undefined);
  const part = noun !== undefined && !!reader.phraseAt(lang.partAfter, noun);
  const context: string[] = [];
  for (let j = Math.max(range[0], from - 10); withContext && j < Math.min(range[1], to + 10); j++) if ((j < from || j > to) && reader.isContent(j)) context.push(reader.stem(j));
  // A zero holds when its sentence says, as a count does: «ذكرت الشرطة، الأحد، أن مسجدا … دون وقوع إصابات».
  const when = timeOf(reader, from, range, reader.today)?.period;
  return {
    figure: { start: o.start, end: o.end, phraseStart: o.start, value: 0, kind: 'count' as const, measure, group, zero: true, part: part || undefined, places: [], context, when, termAt: termIndex(reader, range, from), clause: clauseTerms(reader, range, from) },
    end: to + 1,
  };
}
