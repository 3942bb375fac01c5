import * as assert from 'assert';
import { normalize, norm, toOriginal } from '../../server/src/core/normalize';
import { LineIndex } from '../../server/src/core/positions';

describe('normalize', () => {
  it('makes the diacritised and plain spellings of a claim identical', () => {
    assert.strictEqual(norm('قُتِلَ أكثرُ من 32 ألفَ فلسطينيٍّ'), norm('قتل أكثر من 32 ألف فلسطيني'));
  });
  it('folds alef, hamza, yeh, Persian letters and removes tatweel', () => {
    assert.strictEqual(norm('إسرائيل آلاف أكثر'), 'اسراءيل الاف اكثر');
    assert.strictEqual(norm('مستشفى'), norm('مستشفي'));
    assert.strictEqual(norm('الولایات'), norm('الولايات')); // Persian yeh, as in the seeds
    assert.strictEqual(norm('کتاب'), norm('كتاب'));
    assert.strictEqual(norm('الــ60'), 'ال60');
    assert.strictEqual(norm('مسؤول'), norm('مسئول'));
  });
  it('turns Arabic-Indic and Persian digits and separators into western ones', () => {
    assert.strictEqual(norm('٣٢٬٥٠٠'), '32,500');
    assert.strictEqual(norm('١٫٧'), '1.7');
    assert.strictEqual(norm('۸۵٪'), '85%');
  });
  it('maps every normalised range back onto the original characters', () => {
    const original = 'قُتِلَ أكثرُ من ٣٢ ألفَ\u200F فلسطينيٍّ';
    const n = normalize(original);
    const i = n.text.indexOf('32 الف');
    const r = toOriginal(n, i, i + '32 الف'.length);
    assert.strictEqual(original.slice(r.start, r.end), '٣٢ ألفَ');
    const w = n.text.indexOf('فلسطيني');
    const r2 = toOriginal(n, w, w + 'فلسطيني'.length);
    assert.strictEqual(original.slice(r2.start, r2.end), 'فلسطينيٍّ');
  });
});

describe('LineIndex', () => {
  it('counts CRLF, LF and CR line ends alike and columns in UTF-16 units', () => {
    const li = new LineIndex('أ\r\nب\nج\rد 😀x');
    assert.deepStrictEqual(li.position(3), { line: 1, character: 0 });
    assert.deepStrictEqual(li.position(5), { line: 2, character: 0 });
    assert.deepStrictEqual(li.position(7), { line: 3, character: 0 });
    assert.deepStrictEqual(li.position(11), { line: 3, character: 4 });
    assert.strictEqual(li.offset({ line: 3, character: 4 }), 11);
  });
});
