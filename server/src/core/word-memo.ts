// Newsroom text repeats its vocabulary (a 5 MB draft: 480,000 words, 64,000 distinct): what depends only on a
// word and the language data is computed once per word. A reader looks each of its words up once, in the
// vocabulary, and reads every word-level value by that id from an array: a million string lookups fewer per
// 5 MB than one lookup per value. Bounded: once past MAX_WORDS, the next reader starts a new vocabulary (readers
// keep theirs; a vocabulary outgrows the bound by one text's new words at most).
import type { Language } from './language';

const MAX_WORDS = 300_000;
/** A remembered undefined. */
const NONE: unique symbol = Symbol('none');

/** Word ids for one language data, and the values of each memo by id. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  readonly values = new Map<unknown, unknown[]>();
  readonly flags = new Map<unknown, Uint8Array>();
  constructor(readonly lang: Language) {}
  get size() { return this.ids.size; }
  idOf(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) { id = this.ids.size; this.ids.set(word, id); }
    return id;
  }
}

const current = new WeakMap<Language, Vocabulary>();
/** The vocabulary new readers of `lang` use. */
export function vocabularyOf(lang: Language): Vocabulary {
  let v = current.get(lang);
  if (!v || v.size >= MAX_WORDS) { v = new Vocabulary(lang); current.set(lang, v); }
  return v;
}

export interface WordMemo<T> {
  (word: string, lang: Language): T;
  /** The value for a word already given `id` in `vocab`. */
  at(vocab: Vocabulary, id: number, word: string): T;
}

/** A memo's table in each vocabulary: the one last used kept at hand (nearly every call is for the same
 * vocabulary, and a reader asks millions per long draft), grown by doubling to hold `id`. */
function tables<T extends { length: number }>(byVocab: (v: Vocabulary) => Map<unknown, T>, key: unknown, grow: (old: T | undefined, size: number) => T) {
  let lastVocab: Vocabulary | undefined, lastTable: T | undefined;
  return (vocab: Vocabulary, id: number): T => {
    let table = vocab === lastVocab ? lastTable : byVocab(vocab).get(key);
    if (!table || id >= table.length) {
      table = grow(table, Math.max(1024, 2 * (table?.length ?? 0), id + 1));
      byVocab(vocab).set(key, table);
    }
    lastVocab = vocab; lastTable = table;
    return table;
  };
}

/** `compute`, remembered per language data and word. */
export function wordMemo<T>(compute: (word: string, lang: Language) => T): WordMemo<T> {
  const memo = ((word: string, lang: Language) => {
    const vocab = vocabularyOf(lang);
    return memo.at(vocab, vocab.idOf(word), word);
  }) as WordMemo<T>;
  // Filled with holes, so ids written in any order keep it a fast array.
  const tableOf = tables<unknown[]>(v => v.values, memo, (old, size) => {
    const grown = new Array(size);
    if (old) for (let k = 0; k < old.length; k++) grown[k] = old[k];
    return grown;
  });
  memo.at = (vocab, id, word) => {
    const table = tableOf(vocab, id);
    const v = table[id];
    if (v !== undefined) return (v === NONE ? undefined : v) as T;
    const computed = compute(word, vocab.lang);
    table[id] = computed === undefined ? NONE : computed;
    return computed;
  };
  return memo;
}

/** A yes/no word memo, kept in bytes. */
export type WordTest = WordMemo<boolean>;

/** A yes/no question about a word, remembered in a byte per word (0 not asked, 1 no, 2 yes): cheap enough to
 * keep one per lexicon. */
export function wordTest(compute: (word: string, lang: Language) => boolean): WordTest {
  const test = ((word: string, lang: Language) => {
    const vocab = vocabularyOf(lang);
    return test.at(vocab, vocab.idOf(word), word);
  }) as WordTest;
  const tableOf = tables<Uint8Array>(v => v.flags, test, (old, size) => {
    const grown = new Uint8Array(size);
    if (old) grown.set(old);
    return grown;
  });
  test.at = (vocab, id, word) => {
    const table = tableOf(vocab, id);
    if (!table[id]) table[id] = compute(word, vocab.lang) ? 2 : 1;
    return table[id] === 2;
  };
  return test;
}
