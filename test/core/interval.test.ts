import * as assert from 'assert';
import { interval, overlaps, lastDigitUnit } from '../../server/src/core/interval';

const agree = (a: [number, Parameters<typeof interval>[1]], b: [number, Parameters<typeof interval>[1]]) =>
  overlaps(interval(a[0], a[1]), interval(b[0], b[1]));

describe('interval: how a journalist reads a figure', () => {
  it('finds the last significant digit', () => {
    assert.strictEqual(lastDigitUnit(32000), 1000);
    assert.strictEqual(lastDigitUnit(32500), 100);
    assert.strictEqual(lastDigitUnit(1.7e6), 1e5);
    assert.strictEqual(lastDigitUnit(1.5), 0.1);
  });
  it('«ما يقرب من 32,500» agrees with «أكثر من 32 ألف»', () => assert.ok(agree([32500, 'about'], [32000, 'over'])));
  it('«أكثر من 45 ألف» conflicts with both', () => {
    assert.ok(!agree([45000, 'over'], [32500, 'about']));
    assert.ok(!agree([45000, 'over'], [32000, 'over']));
  });
  it('«أكثر من مليون» agrees with «حوالي 1.4 مليون»', () => assert.ok(agree([1e6, 'over'], [1.4e6, 'about'])));
  it('«نحو 30 ألفا» conflicts with «نحو 20 ألفًا»', () => assert.ok(!agree([30000, 'about'], [20000, 'about'])));
  it('exact 1400 conflicts with 1200; exact 32 ألف agrees with 32,500 (rounding)', () => {
    assert.ok(!agree([1400, undefined], [1200, undefined]));
    assert.ok(agree([32000, undefined], [32500, undefined]));
  });
  it('«أقل من 100» agrees with 95 and not with 120', () => {
    assert.ok(agree([100, 'under'], [95, undefined]));
    assert.ok(!agree([100, 'under'], [120, undefined]));
  });
  it('tolerance widens «نحو»', () => {
    assert.ok(!overlaps(interval(30000, 'about'), interval(25000, undefined)));
    assert.ok(overlaps(interval(30000, 'about', 2), interval(25000, undefined)));
  });
});
