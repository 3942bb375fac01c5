// Bounds checks on a persisted index after its checksums passed: every id and offset the checks will follow
// must point inside what it points at, so a cache written by a buggy or foreign build can neither throw in a
// check nor send it looping over garbage ranges. Columns are checked by what their values refer to; a column
// added later without a rule here is still held to the length of its table (s… sentences, f… figures).
import { HASHES } from '../index/near-duplicates';
import { INT_COLUMNS, IntColumn, FLOAT_COLUMNS, IndexSnapshot } from '../index/memory-index';
import type { FlatLists } from '../index/columns';

type Table = 'vocab' | 'sentence' | 'figure' | 'article' | 'terms' | 'places' | 'entities';
interface Rule {
  /** The table whose length this column has. */
  rows?: Table;
  /** Values lie in [min, size of `below`) (or below a number). */
  min?: number;
  below?: Table | number;
  /** Offsets into a flat list: non-decreasing, within [0, size of `below`]. */
  offsets?: boolean;
}

const RULES: Partial<Record<IntColumn, Rule>> = {
  df: { rows: 'vocab', min: 0 },
  sArticle: { rows: 'sentence', min: 0, below: 'article' },
  sTermStart: { rows: 'sentence', offsets: true, below: 'terms' },
  sStart: { rows: 'sentence', min: 0 },
  sEnd: { rows: 'sentence', min: 0 },
  termsFlat: { min: 0, below: 'vocab' },
  fSentence: { rows: 'figure', min: 0, below: 'sentence' },
  fStart: { rows: 'figure', min: 0 }, fEnd: { rows: 'figure', min: 0 }, fPhrase: { rows: 'figure', min: 0 },
  fHedge: { rows: 'figure', min: -1, below: 16 }, fKind: { rows: 'figure', min: -1, below: 16 },
  fMeasure: { rows: 'figure', min: -1, below: 'vocab' }, fGroup: { rows: 'figure', min: -1, below: 'vocab' },
  fWhole: { rows: 'figure', min: -1, below: 'vocab' }, fNoun: { rows: 'figure', min: -1, below: 'vocab' },
  fPlaceStart: { rows: 'figure', offsets: true, below: 'places' },
  placesFlat: { min: 0, below: 'vocab' },
  sEntStart: { rows: 'sentence', offsets: true, below: 'entities' },
  entFlat: { rows: 'entities', min: 0, below: 'vocab' }, entPos: { rows: 'entities', min: 0 },
  sFigStart: { rows: 'sentence', offsets: true, below: 'figure' },
  fUnit: { rows: 'figure', min: -1, below: 'vocab' }, fRate: { rows: 'figure', min: -1, below: 16 },
  fTermPos: { rows: 'figure', min: 0 }, fClauseFrom: { rows: 'figure', min: 0 }, fClauseTo: { rows: 'figure', min: 0 },
  fFlags: { rows: 'figure', min: 0 },
};

/** The table a column's rows belong to, by its rule or its name. */
function rowsOf(name: IntColumn): Table | undefined {
  return RULES[name]?.rows ?? (/^s[A-Z]/.test(name) ? 'sentence' : /^f[A-Z]/.test(name) ? 'figure' : undefined);
}

function checkValues(a: Int32Array, r: Rule, size: (t: Table | number) => number): string | undefined {
  const max = r.below === undefined ? Infinity : size(r.below);
  if (r.offsets) {
    let prev = 0;
    for (let i = 0; i < a.length; i++) { if (a[i] < prev || a[i] > max) return `offset ${a[i]} at ${i}`; prev = a[i]; }
    return undefined;
  }
  const min = r.min ?? -Infinity;
  for (let i = 0; i < a.length; i++) if (a[i] < min || a[i] >= max) return `value ${a[i]} at ${i}`;
  return undefined;
}

function checkLists(name: string, l: FlatLists, lists: number, below: number): string | undefined {
  const o = l.offsets;
  if (o.length !== lists + 1 || o[0] !== 0 || o[lists] !== l.ids.length) return `${name}: ${o.length} offsets for ${lists} lists`;
  for (let i = 1; i <= lists; i++) if (o[i] < o[i - 1]) return `${name}: offsets decrease at ${i}`;
  for (let i = 0; i < l.ids.length; i++) if (l.ids[i] < 0 || l.ids[i] >= below) return `${name}: id ${l.ids[i]} at ${i}`;
  return undefined;
}

/** Each article's sentences, in range and its own; each live article's text inside the blob. */
function checkArticles(s: IndexSnapshot, textBytes: number): string | undefined {
  const nS = s.ints.sArticle.length, keys = new Set<string>();
  for (let i = 0; i < s.articles.length; i++) {
    const a = s.articles[i];
    const { firstSentence: f, sentenceCount: n } = a;
    if (!Number.isInteger(f) || !Number.isInteger(n) || f < 0 || n < 0 || f + n > nS) return `article ${i}: sentences ${f}+${n} of ${nS}`;
    for (let k = f; k < f + n; k++) if (s.ints.sArticle[k] !== i) return `article ${i}: sentence ${k} belongs to ${s.ints.sArticle[k]}`;
    if (!a.alive) continue;
    if (typeof a.meta?.key !== 'string' || keys.has(a.meta.key)) return `article ${i}: missing or repeated key`;
    keys.add(a.meta.key);
    const b = a.blob;
    if (!b || !Number.isInteger(b.offset) || !Number.isInteger(b.length) || b.offset < 0 || b.length < 0 || b.offset + b.length > textBytes) return `article ${i}: text outside the blob`;
    if (!Array.isArray(a.attributions) || !Array.isArray(a.sectionOutlets)) return `article ${i}: malformed record`;
  }
  return undefined;
}

/** Sentence and figure offsets inside their article's text (a UTF-8 text has no more UTF-16 units than bytes). */
function checkSpans(s: IndexSnapshot): string | undefined {
  const { sArticle, sStart, sEnd, fSentence, fEnd } = s.ints;
  const bytes = (sentence: number) => s.articles[sArticle[sentence]].blob?.length ?? Infinity;
  for (let i = 0; i < sArticle.length; i++) if (sStart[i] > sEnd[i] || sEnd[i] > bytes(i)) return `sentence ${i}: span outside its article`;
  for (let i = 0; i < fSentence.length; i++) if (fEnd[i] > bytes(fSentence[i])) return `figure ${i}: span outside its article`;
  return undefined;
}

/** Why the snapshot cannot be trusted, or undefined when every reference is in bounds. */
export function snapshotProblem(s: IndexSnapshot, textBytes: number): string | undefined {
  const sizes: Record<Table, number> = {
    vocab: s.vocab.length, sentence: s.ints.sArticle.length, figure: s.ints.fSentence.length, article: s.articles.length,
    terms: s.ints.termsFlat.length, places: s.ints.placesFlat.length, entities: s.ints.entFlat.length,
  };
  const size = (t: Table | number) => (typeof t === 'number' ? t : sizes[t]);
  for (const name of FLOAT_COLUMNS) if (s.floats[name].length !== sizes.figure) return `${name}: length`;
  for (const name of INT_COLUMNS) {
    const rows = rowsOf(name);
    if (rows && s.ints[name].length !== sizes[rows]) return `${name}: ${s.ints[name].length} rows, expected ${sizes[rows]}`;
    const bad = RULES[name] && checkValues(s.ints[name], RULES[name]!, size);
    if (bad) return `${name}: ${bad}`;
  }
  if (s.signatures.length !== sizes.article * HASHES) return `signatures: ${s.signatures.length} values, expected ${sizes.article * HASHES}`;
  return checkLists('postings', s.postings, sizes.vocab, sizes.sentence)
    ?? checkLists('figure keys', s.figureKeys, sizes.vocab, sizes.figure)
    ?? checkArticles(s, textBytes) ?? checkSpans(s);
}
