// How a journalist reads a hedged or rounded figure, as a closed interval of values.
//   «أكثر من X»   X … X + max(one unit of X's last significant digit, 10% of X)
//   «أقل من X»    X − max(that unit, 10%) … X
//   «نحو X»       X ± 10%
//   exact X       X ± half a unit of its last significant digit (1400 is 1350…1450; 32,500 is 32,450…32,550)
// `tolerance` scales the 10% (a newsroom setting; 1 is the default reading).
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

export function interval(value: number, hedge: HedgeKind | undefined, tolerance = 1): Interval {
  const unit = lastDigitUnit(value);
  const pct = 0.1 * tolerance * Math.abs(value);
  switch (hedge) {
    case 'over': return { lo: value, hi: value + Math.max(unit, pct) };
    case 'under': return { lo: Math.max(0, value - Math.max(unit, pct)), hi: value };
    case 'about': return { lo: value - pct, hi: value + pct };
    default: return { lo: value - unit / 2, hi: value + unit / 2 };
  }
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.lo <= b.hi && b.lo <= a.hi;
}
