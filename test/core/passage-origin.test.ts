// How a passage's origin is named: outlet · date · title, whom it credits, the file and line short.
import * as assert from 'assert';
import { passageOrigin, originLabel, originLine, shortPlace, Passage } from '../../server/src/core/api';

function passage(article: Partial<Passage['article']>, credits: string[] = []): Passage {
  return {
    article: { key: 'k', file: '/archive/2024/reuters-gaza.md', fingerprint: 'f', ...article },
    start: 0, end: 10, excerpt: { text: 'قتل أكثر من 32 ألف فلسطيني.' }, stance: 'agrees', credits, score: 1,
  };
}

describe('passage origin', () => {
  it('outlet · date · title first, then whom the passage credits', () => {
    const p = passage({ outlet: 'رويترز', date: '2024-03-20', title: 'حصيلة الحرب في غزة' }, ['وزارة الصحة في غزة', 'رويترز']);
    assert.strictEqual(originLine(p, 'ar'), 'رويترز · 2024-03-20 · حصيلة الحرب في غزة (نقلاً عن وزارة الصحة في غزة)');
    assert.strictEqual(originLine(p, 'en'), 'رويترز · 2024-03-20 · حصيلة الحرب في غزة (citing وزارة الصحة في غزة)');
  });
  it('an article with no outlet says «مصدر غير معروف», and its first line is only a (shortened) title', () => {
    const first = 'ويعكف البنتاغون على مناقشة إمكانية نشر قوات حفظ السلام في غزة، التي دمرتها الهجمات الإسرائيلية المتواصلة.';
    const o = passageOrigin(passage({ title: first }), 'ar');
    assert.strictEqual(o.outlet, 'مصدر غير معروف');
    assert.ok(o.title!.length <= 60 && o.title!.endsWith('…') && first.startsWith(o.title!.slice(0, -1)));
    assert.strictEqual(passageOrigin(passage({}), 'en').outlet, 'unknown outlet');
    assert.strictEqual(originLabel(passageOrigin(passage({}), 'ar')), 'مصدر غير معروف');
  });
  it('an outlet code is named as the gazetteer names it; a title that repeats the outlet is dropped', () => {
    const o = passageOrigin(passage({ outlet: 'skynews', outletId: 'skynews-arabia', title: 'سكاي نيوز عربية' }, ['سكاي نيوز عربية']), 'ar');
    assert.strictEqual(o.outlet, 'سكاي نيوز عربية');
    assert.strictEqual(o.credit, undefined, 'the publisher is not also «citing» itself');
    assert.strictEqual(o.title, undefined);
  });
  it('the place: the file\'s own name and line; an archive article by its id', () => {
    assert.strictEqual(shortPlace(passage({}), 17), 'reuters-gaza.md:17');
    assert.strictEqual(shortPlace(passage({ file: '/wires/ant.jsonl.gz', id: 'SK-1', line: 4 })), 'ant.jsonl.gz#SK-1');
    assert.strictEqual(shortPlace(passage({ file: 'C:\\\\news\\\\a.txt' })), 'a.txt');
  });
});
