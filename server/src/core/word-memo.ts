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
  readonly values = new Map<WordMemo<unknown>, unknown[]>();
  readonly flags = new Map<WordMemo<boolean>, Uint8Array>();
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

/** `compute`, remembered per language data and word. */
export function wordMemo<T>(compute: (word: string, lang: Language) => T): WordMemo<T> {
  const memo = ((word: string, lang: Language) => {
    const vocab = vocabularyOf(lang);
    return memo.at(vocab, vocab.idOf(word), word);
  }) as WordMemo<T>;
  // The table of the vocabulary last used, kept at hand: nearly every call is for the same vocabulary, and a
  // reader asks millions of these per long draft.
  let lastVocab: Vocabulary | undefined, lastTable: unknown[] | undefined;
  memo.at = (vocab, id, word) => {
    let table = vocab === lastVocab ? lastTable : vocab.values.get(memo);
    // Grown by doubling and filled with holes, so ids written in any order keep it a fast array.
    if (!table || id >= table.length) {
      const grown = new Array(Math.max(1024, 2 * (table?.length ?? 0), id + 1));
      if (table) for (let k = 0; k < table.length; k++) grown[k] = table[k];
      table = grown;
      vocab.values.set(memo, table);
    }
    lastVocab = vocab; lastTable = table;
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
  let lastVocab: Vocabulary | undefined, lastTable: Uint8Array | undefined;
  test.at = (vocab, id, word) => {
    let table = vocab === lastVocab ? lastTable : vocab.flags.get(test);
    if (!table || id >= table.length) {
      const grown = new Uint8Array(Math.max(1024, 2 * (table?.length ?? 0), id + 1));
      if (table) grown.set(table);
      table = grown;
      vocab.flags.set(test, table);
    }
    lastVocab = vocab; lastTable = table;
    if (!table[id]) table[id] = compute(word, vocab.lang) ? 2 : 1;
    return table[id] === 2;
  };
  return test;
}
