// Counts written as nouns rather than numerals: a dual («جنديين», «مسؤولان», «مباراتين» — two), a number after its
// noun («السنوات الأربعة», «الضباط الثمانية», «مركزا واحدا»). The counted noun is the word itself or the one
// before the number.
import type { Reader } from './reader';
import { parseNumberAt, parsedNumber, ParsedNumber } from './numbers';
import type { Language } from '../language';
import { stripClitics } from '../stem';
import { wordMemo } from '../word-memo';

export interface NounCount { p: ParsedNumber; nounTok: number; measureFrom?: string }

/** The singular a dual word is the dual of, when it is a known counted noun: a measure cue, an unnamed source
 * («مسؤول») or a person («شخص»). A word that is itself a known plural («مدنيين», «مسؤولين») is not a dual. A word
 * naming a length, not a thing counted (an age: «سن», «عمر»; measures.json 'measuredIn'), has no dual that is a
 * value: two ages are no age of 2, and «سنان», «عمران», «السنين» are a name, a place and a plural. */
export const singularOfDual = wordMemo((word: string, lang: Language): string | undefined => {
  const cue = (w: string) => lang.measureCues.match([w], 0)?.value;
  const known = (w: string) => !!cue(w) || lang.anonymous.has(w) || lang.genericNouns.has(w);
  const counted = (w: string) => !!cue(w)?.some(m => !m.measuredIn) || lang.anonymous.has(w) || lang.genericNouns.has(w);
  const forms = stripClitics(word, lang);
  const dualEnding = (f: string) => lang.dualSuffixes.some(suffix => f.endsWith(suffix) && f.length - suffix.length >= 2);
  // Most words have no dual ending in any form: told so before any lexicon lookup (each new word of a long draft asks).
  if (!forms.some(dualEnding)) return undefined;
  // Any form excluded or known as it is settles it («السنين» is «سنين», a plural, not a dual of «السن»).
  if (forms.some(f => lang.dualExclude.has(f) || known(f))) return undefined;
  for (const f of forms) {
    for (const suffix of lang.dualSuffixes) {
      if (!f.endsWith(suffix) || f.length - suffix.length < 2) continue;
      // «مباراتين» is the dual of «مباراة»: the feminine ending comes back as ة (ه once normalised).
      const stem = suffix.length > 2 ? f.slice(0, -suffix.length) + 'ه' : f.slice(0, -suffix.length);
      if (counted(stem)) return stem;
    }
  }
  return undefined;
});

export function dualAt(reader: Reader, i: number): NounCount | undefined {
  if (!reader.isWord(i) || reader.isNumber(i - 1)) return undefined;
  const singular = reader.word(singularOfDual, i);
  // «مدنيين اثنين»: the number word after the noun is the figure. A name the gazetteer knows is no dual:
  // «حركة طالبان» are not two students, «ميلان» not two miles.
  if (!singular || parseNumberAt(reader, i + 1, true) || reader.nameAt(i)) return undefined;
  return { p: parsedNumber({ value: 2, end: i + 1, scaled: false, fromWords: true, percent: false }), nounTok: i, measureFrom: singular };
}

/** «السنوات الأربعة», «الدول الثلاث» (a definite number after a definite noun), «مركزا واحدا». */
export function afterNounAt(reader: Reader, i: number): NounCount | undefined {
  const lang = reader.lang, prev = i - 1;
  // «بعد يوم واحد»: a unit counts though it is too common a word to carry meaning for matching.
  if (!reader.isWord(i) || !reader.isWord(prev) || !(reader.isContent(prev) || reader.measureAt(prev))) return undefined;
  if (reader.inSet(i, lang.postNominalOne) && !reader.words[prev].startsWith(lang.article)) {
    return { p: parsedNumber({ value: 1, end: i + 1, scaled: false, fromWords: true, percent: false }), nounTok: prev };
  }
  if (!reader.words[i].startsWith(lang.article) || !reader.words[prev].startsWith(lang.article)) return undefined;
  const p = parseNumberAt(reader, i, true);
  if (!p || p.scaled || p.vague || p.fraction || p.percent || p.value < 2) return undefined;
  return { p, nounTok: prev };
}
