// How a journalist reads a hedged or rounded figure, as a closed interval of values.
//   «أكثر من X»   X … X + max(one unit of X's last significant digit, 10% of X)
//   «أقل من X»    X − max(that unit, 10%) … X
//   «نحو X»       X ± 10%
//   exact X       X ± half a unit of its last significant digit, at most the larger of 0.5 and 10% of X
//                 (1400 is 1350…1450; 10 is 9…11, not 5…15)
//   a range or a vague quantity («بين 20 و30 ألفا», «عشرات») is the interval its words give.
// `tolerance` scales the 10% (a newsroom setting; 1 is the default reading). Two figures agree when their
// intervals overlap; intervals that only touch («عشرة» 9…11 and «عشرين» 18…22 do not; «أكثر من 50» and «أقل من
// 50» meet at 50) do not agree.
import type { HedgeKind } from './language';

export interface Interval { lo: number; hi: number }

/** The place value of the last significant digit: 32000 → 1000, 32500 → 100, 1.7e6 → 1e5, 1.5 → 0.1. */
export function lastDigitUnit(x: number): number {
  if (x === 0) return 1;
  let unit = Math.pow(10, Math.floor(Math.log10(Math.abs(x))));
  for (let i = 0; i < 12; i++) {
    const q = x / unit;
    if (Math.abs(q - Math.round(q)) < 1e-9 * Math.max(1, Math.abs(q))) return unit;
    unit /= 10;
  }
  return unit;
}

export function interval(value: number, hedge: HedgeKind | undefined, tolerance = 1, range?: Interval): Interval {
  if (range) return { lo: range.lo, hi: range.hi };
  const unit = lastDigitUnit(value);
  const pct = 0.1 * tolerance * Math.abs(value);
  switch (hedge) {
    case 'over': return { lo: value, hi: value + Math.max(unit, pct) };
    case 'under': return { lo: Math.max(0, value - Math.max(unit, pct)), hi: value };
    case 'about': return { lo: value - pct, hi: value + pct };
    default: {
      const half = Math.min(unit / 2, Math.max(0.5, pct));
      return { lo: value - half, hi: value + half };
    }
  }
}

export function overlaps(a: Interval, b: Interval): boolean {
  return Math.max(a.lo, b.lo) < Math.min(a.hi, b.hi) || (a.lo === b.lo && a.hi === b.hi);
}
