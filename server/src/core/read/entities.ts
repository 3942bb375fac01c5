// Named entities in a sentence — places, countries, cities, clubs, companies, people, organisations — from the
// gazetteer, with where they stand among the sentence's content words. Two figures about different entities of
// the same kind (two clubs, two countries) state different facts.
import { Reader } from './reader';
import { splitSentences } from '../tokens';
import type { Language } from '../language';

export interface EntityMention { id: string; kind: string; at: number; ambiguous?: boolean }

/** The entities of the sentence tokens [range[0], range[1]); `at` counts the content words before each. */
export function readEntities(reader: Reader, range: [number, number]): EntityMention[] {
  const out: EntityMention[] = [];
  let at = 0, categories: Set<string> | undefined;
  for (let j = range[0]; j < range[1]; j++) {
    const e = reader.nameAt(j);
    if (e && !out.some(x => x.id === e.value.id && x.at === at)) {
      // An ambiguous name is its entity in a sentence of the entity's category.
      categories ??= sentenceCategories(reader, range);
      const plain = !e.value.ambiguous || e.value.categories?.some(c => categories!.has(c));
      out.push({ id: e.value.id, kind: e.value.kind, at, ...(plain ? {} : { ambiguous: true }) });
    }
    if (reader.isContent(j)) at++;
  }
  return out;
}

function sentenceCategories(reader: Reader, range: [number, number]): Set<string> {
  const out = new Set<string>();
  for (const [category, words] of reader.lang.categoryWords) {
    for (let j = range[0]; j < range[1] && !out.has(category); j++) if (reader.inSet(j, words)) out.add(category);
  }
  return out;
}

/** How many content words of the sentence stand before token `tok`. */
export function termIndex(reader: Reader, range: [number, number], tok: number): number {
  return reader.contentBetween(range[0], Math.min(tok, range[1]));
}

/** What a title (or a draft's first line) says the story is about: its entities and its content words. The
 * entities of a headline are read whole — «بمقتضى "صفقة".. مدرب الأرجنتين مستعد للرحيل» is about Argentina's coach
 * past its «..» —; its words, and all of a first line standing in for a title, to the first sentence's end (the
 * same-fact model's «story» signal was fitted on those). */
export function readTitle(title: string, lang: Language, whole = true): { entities: EntityMention[]; terms: string[] } {
  const reader = new Reader(title, lang);
  const s = splitSentences(reader.n.text)[0];
  if (!s) return { entities: [], terms: [] };
  let from = 0, to = reader.tokens.length;
  while (from < to && reader.tokens[from].end <= s.start) from++;
  while (to > from && reader.tokens[to - 1].start >= s.end) to--;
  const terms: string[] = [];
  for (let j = from; j < to; j++) if (reader.isContent(j)) terms.push(reader.stem(j));
  return { entities: readEntities(reader, whole ? [0, reader.tokens.length] : [from, to]), terms };
}

/** The clause around token `tok` (between the commas and semicolons of its sentence), as a range of the
 * sentence's content-word positions. */
export function clauseTerms(reader: Reader, range: [number, number], tok: number): [number, number] {
  const [from, to] = reader.clauseAround(tok, range[0], range[1]);
  return [termIndex(reader, range, from), termIndex(reader, range, to)];
}
