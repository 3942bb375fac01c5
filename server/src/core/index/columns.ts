// Growable typed-array columns and id lists: compact in memory, and written to and read back from the
// persisted index as they are.

/** A growable typed array. */
export class Column<T extends Int32Array | Float64Array> {
  n = 0;
  constructor(public a: T) {}
  static ints() { return new Column(new Int32Array(64)); }
  static floats() { return new Column(new Float64Array(64)); }
  push(v: number) {
    if (this.n === this.a.length) this.grow(this.n + 1);
    this.a[this.n++] = v;
  }
  private grow(min: number) {
    const bigger = new (this.a.constructor as new (n: number) => T)(Math.max(min, this.a.length * 2, 64));
    bigger.set(this.a.subarray(0, this.n) as never);
    this.a = bigger;
  }
  view(): T { return this.a.subarray(0, this.n) as T; }
}

/** Lists of ids flattened into one array: the ids of list i are ids[offsets[i] .. offsets[i + 1]). */
export interface FlatLists { offsets: Int32Array; ids: Int32Array }

/** Lists of ids by a vocabulary id (postings, figures by key): a flat base as loaded, plus lists of later
 * additions. */
export class IdLists {
  private readonly extra: (number[] | undefined)[] = [];
  private base?: FlatLists;

  /** Lists as loaded from a persisted index, before any addition. */
  setBase(base: FlatLists) { this.base = base; }

  push(id: number, value: number) { (this.extra[id] ??= []).push(value); }

  /** The parts of list `id`: the loaded ids, then the added ones. */
  parts(id: number): (Int32Array | number[])[] {
    const out: (Int32Array | number[])[] = [];
    const b = this.base;
    if (b && id + 1 < b.offsets.length && b.offsets[id + 1] > b.offsets[id]) out.push(b.ids.subarray(b.offsets[id], b.offsets[id + 1]));
    const e = this.extra[id];
    if (e) out.push(e);
    return out;
  }

  /** All lists for ids 0..size-1 in one flat array (for persisting). */
  flatten(size: number): FlatLists {
    const offsets = new Int32Array(size + 1);
    let total = 0;
    for (let id = 0; id < size; id++) {
      offsets[id] = total;
      for (const p of this.parts(id)) total += p.length;
    }
    offsets[size] = total;
    const ids = new Int32Array(total);
    let k = 0;
    for (let id = 0; id < size; id++) for (const p of this.parts(id)) { ids.set(p, k); k += p.length; }
    return { offsets, ids };
  }
}
