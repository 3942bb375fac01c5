// Near-duplicate articles — the same wire story in several outlets, the same article twice — found by MinHash
// over word shingles with locality-sensitive buckets, so that one story counts as one source.
import { createHash } from 'crypto';

/** Values in a signature. */
export const HASHES = 32;
const BANDS = 8;
const ROWS = HASHES / BANDS;
const SHINGLE = 3;
/** Estimated share of shingles two articles must have in common to be one story. */
export const SAME_STORY = 0.7;

// Fixed seeds: signatures are stored in the persisted index and must not change between runs.
const SEEDS = Array.from({ length: HASHES }, (_, i) => (Math.imul(i + 1, 0x9e3779b1) ^ 0x5bd1e995) >>> 0);

function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return h >>> 0;
}

/** The MinHash signature of a text's words (its content-word stems, in order). */
export function signature(terms: string[]): number[] {
  const sig = new Array<number>(HASHES).fill(0xffffffff);
  for (let i = 0; i + SHINGLE <= Math.max(terms.length, SHINGLE); i++) {
    const base = hash32(terms.slice(i, i + SHINGLE).join(' '));
    for (let k = 0; k < HASHES; k++) {
      const v = (Math.imul(base ^ SEEDS[k], 0x85ebca6b) ^ (base >>> 13)) >>> 0;
      if (v < sig[k]) sig[k] = v;
    }
  }
  return sig;
}

export function similarity(a: number[], b: number[]): number {
  let same = 0;
  for (let k = 0; k < HASHES; k++) if (a[k] === b[k]) same++;
  return same / HASHES;
}

/** Story clusters: each article joins the cluster of the first earlier article it nearly duplicates. */
export class StoryClusters {
  private readonly buckets = new Map<string, number[]>();
  private readonly sigs = new Map<number, number[]>();
  private readonly cluster = new Map<number, number>();

  private bandKeys(sig: number[]): string[] {
    const keys: string[] = [];
    for (let b = 0; b < BANDS; b++) keys.push(`${b}:${sig.slice(b * ROWS, (b + 1) * ROWS).join(',')}`);
    return keys;
  }

  /** Articles whose signature is close to `sig`. */
  near(sig: number[]): number[] {
    const out = new Set<number>();
    for (const k of this.bandKeys(sig)) for (const a of this.buckets.get(k) ?? []) if (similarity(sig, this.sigs.get(a)!) >= SAME_STORY) out.add(a);
    return [...out];
  }

  /** Adds article `id`; returns its cluster (the id of the first article of its story). */
  add(id: number, sig: number[]): number {
    const first = this.near(sig).map(a => this.cluster.get(a)!).sort((x, y) => x - y)[0];
    const c = first ?? id;
    this.register(id, sig, c);
    return c;
  }

  /** Indexes article `id` as belonging to `cluster` already (an article of a loaded index). */
  register(id: number, sig: number[], cluster: number) {
    this.sigs.set(id, sig);
    this.cluster.set(id, cluster);
    for (const k of this.bandKeys(sig)) { const l = this.buckets.get(k); if (l) l.push(id); else this.buckets.set(k, [id]); }
  }

  /** Drops article `id` (deleted or changed): it no longer joins anything to its story. */
  remove(id: number) {
    const sig = this.sigs.get(id);
    if (sig) for (const k of this.bandKeys(sig)) { const l = this.buckets.get(k); if (l) this.buckets.set(k, l.filter(x => x !== id)); }
    this.cluster.delete(id); this.sigs.delete(id);
  }
  clusterOf(id: number): number | undefined { return this.cluster.get(id); }
}

export const signatureKey = (sig: number[]) => createHash('sha1').update(sig.join(',')).digest('hex').slice(0, 8);
