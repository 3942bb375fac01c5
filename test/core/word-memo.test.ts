// Word-level answers remembered per word: right for every word, also past the vocabulary's bound (a text with
// more distinct words than it holds, as a cold index build of a large archive reads).
import * as assert from 'assert';
import { loadLanguage } from '../../server/src/core/api';
import { vocabularyOf, wordMemo, wordTest } from '../../server/src/core/word-memo';
import { stripClitics } from '../../server/src/core/stem';
import { PhraseTable } from '../../server/src/core/language';

describe('word memo', () => {
  const lang = loadLanguage();
  it('answers once per word and remembers undefined', () => {
    let calls = 0;
    const len = wordMemo((w: string) => { calls++; return w.length > 3 ? w.length : undefined; });
    assert.deepStrictEqual([len('قتل', lang), len('القتلى', lang), len('قتل', lang), len('القتلى', lang)], [undefined, 6, undefined, 6]);
    assert.strictEqual(calls, 2);
  });
  it('gives a word in a text the id of the same word on its own, and other words other ids', () => {
    const vocab = vocabularyOf(lang);
    const text = 'قتل 12 شخصا وأصيب 30 آخرون، ثم قتل شخص';
    const words = text.match(/[\p{L}]+/gu)!;
    const ids = words.map(w => vocab.idOf(w));
    let at = 0;
    for (const [k, w] of words.entries()) {
      at = text.indexOf(w, at);
      assert.strictEqual(vocab.idIn(text, at, at + w.length), ids[k], w);
      at += w.length;
    }
    // «قتل» twice, then its prefixes and extensions: one id per distinct word.
    assert.strictEqual(ids[0], ids[5]);
    assert.notStrictEqual(ids[1], ids[6]);
    const forms = ['ق', 'قت', 'قتل', 'قتلى', 'القتلى', ''];
    assert.strictEqual(new Set(forms.map(w => vocab.idOf(w))).size, forms.length);
  });
  it('answers «is one of the word\'s clitic forms in this list» by its mask as a test of the list would, for every list of the language data', () => {
    const vocab = vocabularyOf(lang);
    // SK-middleEast (ANT): months, hedges, negations, event verbs and clitics.
    const text = 'وقال المرصد السوري إن نحو 20 مدنيا قتلوا في فبراير، ولم يسفر القصف عن إصابات بين الجنود، بحسب وزارة الصحة.';
    const words = text.match(/[\p{L}]+/gu)!;
    const lists = Object.values(lang).filter(v => v instanceof Set || v instanceof PhraseTable) as (Set<string> | PhraseTable<unknown>)[];
    assert.ok(lists.length > 32, 'more lists than one 32-bit word holds');
    let hits = 0;
    for (const list of lists) {
      const bit = lang.wordLists.bitOf(list);
      assert.ok(bit >= 0);
      for (const w of words) {
        const forms = stripClitics(w, lang);
        const expected = list instanceof Set ? forms.some(f => list.has(f)) : forms.some(f => list.starts(f));
        assert.strictEqual(lang.wordLists.has(vocab, vocab.idOf(w), w, bit), expected, w);
        if (expected) hits++;
      }
    }
    assert.ok(hits > 10);
    assert.strictEqual(lang.wordLists.bitOf(new Set(['فبراير'])), -1, 'a list of its own is not the language data\'s');
  });
  it('stays right when one vocabulary passes its bound', () => {
    const vocab = vocabularyOf(lang);
    const even = wordTest((w: string) => Number(w.slice(1)) % 2 === 0);
    const double = wordMemo((w: string) => 2 * Number(w.slice(1)));
    // 310,000 new words in the same vocabulary, each asked twice.
    for (let k = 0; k < 310_000; k++) {
      const w = `w${k}`, id = vocab.idOf(w);
      for (let twice = 0; twice < 2; twice++) {
        assert.strictEqual(even.at(vocab, id, w), k % 2 === 0);
        assert.strictEqual(double.at(vocab, id, w), 2 * k);
      }
    }
    assert.ok(vocab.size >= 310_000);
    assert.notStrictEqual(vocabularyOf(lang), vocab, 'the next reader starts a new vocabulary');
  });
});
