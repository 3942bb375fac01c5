// The language data's word lists and phrase tables, asked of nearly every word of a text («is it a month?», «does a
// hedge start here?»): which of them hold one of a word's clitic forms is worked out once per word for all of them,
// as one bit each in the word's mask, so a reader's question is a bit test and a new word costs one lookup per
// form instead of one per form and list.
import type { Language, PhraseTable } from './language';
import { vocabularyOf, Vocabulary, WordMemo } from './word-memo';

export class WordLists {
  private readonly bits = new Map<object, number>();
  private readonly formMasks = new Map<string, Uint32Array>();
  /** 32-bit words per mask. */
  readonly width: number;
  constructor(lists: { list: object; words: Iterable<string> }[], private readonly formsOf: WordMemo<string[]>) {
    this.width = Math.max(1, Math.ceil(lists.length / 32));
    lists.forEach(({ list, words }, b) => {
      this.bits.set(list, b);
      for (const w of words) {
        let m = this.formMasks.get(w);
        if (!m) { m = new Uint32Array(this.width); this.formMasks.set(w, m); }
        m[b >>> 5] |= 1 << (b & 31);
      }
    });
  }

  /** The list's bit; -1 for a list that is not the language data's. */
  bitOf(list: object): number { return this.bits.get(list) ?? -1; }

  /** Whether one of the word's clitic forms is in `list` (a phrase table: starts one of its phrases). */
  hasWord(word: string, lang: Language, list: Set<string> | PhraseTable<unknown>): boolean {
    const vocab = vocabularyOf(lang);
    return this.holds(vocab, vocab.idOf(word), word, list);
  }

  /** hasWord for the word `id` of `vocab`: by its mask, or for a list of a caller's own by asking it directly. */
  holds(vocab: Vocabulary, id: number, word: string, list: Set<string> | PhraseTable<unknown>): boolean {
    const bit = this.bitOf(list);
    if (bit >= 0) return this.has(vocab, id, word, bit);
    return this.formsOf.at(vocab, id, word).some(list instanceof Set ? f => list.has(f) : f => list.starts(f));
  }

  /** Whether one of the clitic forms of the word `id` of `vocab` is in the list of `bit`. */
  has(vocab: Vocabulary, id: number, word: string, bit: number): boolean {
    const w = this.width;
    if (id >= vocab.maskReady.length) vocab.growMasks(Math.max(1024, 2 * vocab.maskReady.length, id + 1), w);
    const masks = vocab.masks, at = id * w;
    if (!vocab.maskReady[id]) {
      for (const f of this.formsOf.at(vocab, id, word)) {
        const m = this.formMasks.get(f);
        if (m) for (let k = 0; k < w; k++) masks[at + k] |= m[k];
      }
      vocab.maskReady[id] = 1;
    }
    return ((masks[at + (bit >>> 5)] >>> (bit & 31)) & 1) === 1;
  }
}
