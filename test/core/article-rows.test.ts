// articleRows: what an article becomes in an index, shared by the in-memory index and the shared archive.
import * as assert from 'assert';
import { loadLanguage, MemoryIndex, readText } from '../../server/src/core/api';
import { articleRows } from '../../server/src/core/index/article-rows';
import { seedsIndex } from '../helpers/seeds';

/** A value as JSON would carry it: keys holding undefined are dropped, so two records compare on what they say. */
const plain = (x: unknown) => JSON.parse(JSON.stringify(x));

const TEXT = 'ارتفعت حصيلة ضحايا الزلزال في المغرب إلى أكثر من 2900 قتيل، حسب وزارة الصحة.\nوأصيب نحو 5500 شخص بجروح.\nالمصدر: هسبريس';

describe('article rows', () => {
  const lang = loadLanguage();

  it('holds the sentences, the figures in sentence order and the publisher line of a real article', () => {
    const a = { key: 'a.txt', file: 'a.txt', date: '2023-09-10', text: TEXT };
    const rows = articleRows(a, readText(a.text, lang, { draft: false, date: a.date }), lang);
    assert.strictEqual(rows.sentences.length, 3);
    assert.deepStrictEqual(rows.figures.map(f => [f.value, f.sentence, f.measure]), [[2900, 0, 'killed'], [5500, 1, 'injured']]);
    assert.ok(rows.figures.every(f => !('context' in f)), 'corpus figures carry no draft context words');
    assert.strictEqual(rows.figures[0].hedge, 'over');
    assert.ok(rows.sentences[0].terms.length > 5);
    assert.strictEqual(rows.meta.title, 'ارتفعت حصيلة ضحايا الزلزال في المغرب إلى أكثر من 2900 قتيل، حسب وزارة الصحة.');
    assert.deepStrictEqual(rows.sectionOutlets.map(o => [o.sentence, o.name]), [[2, 'هسبريس']]);
    assert.strictEqual(rows.meta.outlet, 'هسبريس');
    assert.ok(rows.attributions.some(x => x.sentence === 0 && x.sources.length));
  });

  it('every field of every seed figure survives the in-memory index (a field the reader adds needs a column)', async () => {
    const index: MemoryIndex = await seedsIndex();
    let checked = 0;
    for (const art of index.allArticles()) {
      const rows = articleRows({ ...art.meta, text: index.articleText(art) }, readText(index.articleText(art), lang, { draft: false, date: art.meta.date }), lang);
      assert.deepStrictEqual(plain(rows.meta), plain(art.meta));
      rows.figures.forEach(row => {
        const stored = index.figure(index.figuresOfSentence(art.firstSentence + row.sentence).find(id => index.figure(id).start === row.start)!);
        assert.deepStrictEqual(plain({ ...stored, id: undefined }), plain({ ...row, sentence: art.firstSentence + row.sentence }));
        checked++;
      });
    }
    assert.ok(checked > 20, `${checked} figures`);
  });
});
