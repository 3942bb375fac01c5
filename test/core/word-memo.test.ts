// Word-level answers remembered per word: right for every word, also past the vocabulary's bound (a text with
// more distinct words than it holds, as a cold index build of a large archive reads).
import * as assert from 'assert';
import { loadLanguage } from '../../server/src/core/api';
import { vocabularyOf, wordMemo, wordTest } from '../../server/src/core/word-memo';

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
