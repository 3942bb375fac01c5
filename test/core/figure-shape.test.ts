// Figures of every kind, read in a draft or kept in an index, are objects of one shape: the same fields in the same
// order (see figure-shape.ts — a new set of fields makes the engine compile the comparing code again).
import * as assert from 'assert';
import { readText } from '../../server/src/core/read/read-text';
import { loadLanguage } from '../../server/src/core/language';
import { MemoryIndex } from '../../server/src/core/index/memory-index';

const lang = loadLanguage();
// A toll with a part, a stated zero, a range, a vague quantity, a share of a whole, a dual, money, a year.
const TEXT = [
  'قتل 34 شخصا، من بينهم 25 طفلا، في الغارة على حلب يوم الأحد.',
  'ولم يصب أحد في الانفجار الثاني.',
  'وفر بين 20 و30 ألفا من سكان المدينة، وعشرات المدنيين ما زالوا تحت الأنقاض.',
  'وقالت الوزارة إن نصف المنازل دمر، وإن مسؤولين اثنين استقالا.',
  'وبلغت قيمة المساعدات 30 مليون دولار في عام 2018، وارتفعت نسبة البطالة 12%.',
].join('\n');

const shapeOf = (o: object) => Object.keys(o).join(',');

describe('figure shape', () => {
  it('every figure a draft reads has the same fields in the same order, whatever it sets', () => {
    const figures = readText(TEXT, lang).figures;
    assert.ok(figures.length >= 10, `figures read: ${figures.length}`);
    assert.ok(figures.some(f => f.zero) && figures.some(f => f.range) && figures.some(f => f.vague) && figures.some(f => f.part) && figures.some(f => f.unit),
      'the text gives figures with different optional fields');
    assert.deepStrictEqual(new Set(figures.map(f => shapeOf(f))).size, 1, figures.map(f => shapeOf(f)).join('\n'));
  });

  it('a figure kept in the index has the shape of a draft figure', () => {
    const index = new MemoryIndex(lang);
    index.add({ key: 'a.txt', file: 'a.txt', title: 'غارة على حلب', outlet: 'bbc', date: '2018-03-04', text: TEXT });
    const a = index.article('a.txt')!;
    const stored = [];
    for (let s = a.firstSentence; s < a.firstSentence + a.sentenceCount; s++) for (const id of index.figuresOfSentence(s)) stored.push(index.figure(id));
    assert.ok(stored.length >= 10, `figures kept: ${stored.length}`);
    const shapes = new Set([...stored, ...readText(TEXT, lang).figures].map(f => shapeOf(f)));
    assert.strictEqual(shapes.size, 1, [...shapes].join('\n'));
  });
});
