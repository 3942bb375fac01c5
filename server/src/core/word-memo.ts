// Newsroom text repeats its vocabulary (a 5 MB draft: 480,000 words, 64,000 distinct): what depends only on a
// word and the language data is computed once per word. A reader looks each of its words up once, in the
// vocabulary, and reads every word-level value by that id from an array: a million string lookups fewer per
// 5 MB than one lookup per value. Bounded: once past MAX_WORDS, the next reader starts a new vocabulary (readers
// keep theirs; a vocabulary outgrows the bound by one text's new words at most).
import type { Language } from './language';

const MAX_WORDS = 300_000;
/** A remembered undefined. */
const NONE: unique symbol = Symbol('none');

/** Word ids for one language data, and the values of each memo by id. A word is looked up by its characters in
 * a text, not as a string: each token of a text is a new string whose hash the engine computes on its first
 * lookup (a seventh of a long draft's profile as a Map); an open-addressing table of its own reads the characters
 * once and compares them against its pool (the 5 MB draft's reading about 4% faster, alternated runs). */
export class Vocabulary {
  /** Open addressing, four ints a slot: the id (-1: empty), the hash, where the word's characters start in the
   * pool and its length — a probe reads one slot and the pool, not four arrays indexed by id. */
  private slots = new Int32Array(4 << 12).fill(-1);
  private pool = new Uint16Array(1 << 14);
  private used = 0;
  private count = 0;
  readonly values = new Map<unknown, unknown[]>();
  readonly flags = new Map<unknown, Uint8Array>();
  /** Each word's mask of the language data's word lists (see WordLists), and whether it is worked out yet. */
  masks = new Uint32Array(0);
  maskReady = new Uint8Array(0);
  constructor(readonly lang: Language) {}
  growMasks(words: number, width: number) {
    const masks = new Uint32Array(words * width), ready = new Uint8Array(words);
    masks.set(this.masks); ready.set(this.maskReady);
    this.masks = masks; this.maskReady = ready;
  }
  get size() { return this.count; }
  idOf(word: string): number { return this.idIn(word, 0, word.length); }
  /** The id of the word text[from..to). */
  idIn(text: string, from: number, to: number): number {
    let h = 0x811c9dc5 | 0;
    for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    const len = to - from, slots = this.slots, mask = (slots.length >> 2) - 1;
    let s = h & mask;
    for (let id = slots[s << 2]; id >= 0; s = (s + 1) & mask, id = slots[s << 2]) {
      if (slots[(s << 2) + 1] !== h || slots[(s << 2) + 3] !== len) continue;
      const p = slots[(s << 2) + 2];
      let k = 0;
      while (k < len && this.pool[p + k] === text.charCodeAt(from + k)) k++;
      if (k === len) return id;
    }
    return this.add(text, from, to, h, s);
  }
  private add(text: string, from: number, to: number, h: number, slot: number): number {
    const id = this.count++, len = to - from;
    if (this.used + len > this.pool.length) this.pool = grown(this.pool, 2 * (this.used + len));
    for (let k = 0; k < len; k++) this.pool[this.used + k] = text.charCodeAt(from + k);
    const at = slot << 2;
    this.slots[at] = id; this.slots[at + 1] = h; this.slots[at + 2] = this.used; this.slots[at + 3] = len;
    this.used += len;
    // At most half full, so a probe ends soon.
    if (2 * this.count > this.slots.length >> 2) this.rehash();
    return id;
  }
  private rehash() {
    const old = this.slots, slots = new Int32Array(old.length * 2).fill(-1), mask = (slots.length >> 2) - 1;
    for (let at = 0; at < old.length; at += 4) {
      if (old[at] < 0) continue;
      let s = old[at + 1] & mask;
      while (slots[s << 2] >= 0) s = (s + 1) & mask;
      slots.set(old.subarray(at, at + 4), s << 2);
    }
    this.slots = slots;
  }
}

function grown<T extends Int32Array | Uint16Array>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
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
