// The same-fact judgement against the labelled ANT pairs (../shared/labelled/ant-figure-pairs.jsonl: a draft figure
// and an archive figure, labelled same fact or different fact by reading both sentences). Features are computed
// by the checker's own code; a logistic model is fitted and cross-validated by draft (5 folds: no draft's pairs
// in both the fitting and the testing part), so the reported precision is not the fit on the training pairs.
import * as fs from 'fs';
import * as path from 'path';
import { MemoryIndex, loadLanguage, readText, CorpusArticle, interval, overlaps } from '../server/src/core/api';
import { features, draftSide, corpusSide, vetoed, Features } from '../server/src/core/check/same-fact';
import { sameQuantity } from '../server/src/core/check/figure-check';
import { isoDay } from '../server/src/core/read/time';
import { readTitle } from '../server/src/core/read/entities';
import model from '../server/src/core/data/same-fact.json';

export const PAIRS = path.resolve(__dirname, '../../../shared/labelled/ant-figure-pairs.jsonl');

export interface Pair {
  draft_id: string; draft_line: number; draft_start: number; draft_end: number; draft_figure: string; draft_sentence: string;
  corpus_id: string; corpus_sentence: string; corpus_figure: string; label: string; relation: string | null; isnad_code: string; why: string;
}
export interface PairRow {
  pair: Pair; x?: Features;
  /** The same fact, at whatever time (agree, conflict or update): what the model learns. */
  same: boolean;
  /** The same fact at the same time (agree or conflict): what a warning needs. */
  sameTime: boolean;
  conflict: boolean; otherTime?: boolean; valuesAgree?: boolean; vetoed?: boolean; missing?: string;
}

function lineOffset(text: string, line: number): number {
  let at = 0;
  for (let i = 0; i < line; i++) { const nl = text.indexOf('\n', at); if (nl < 0) return -1; at = nl + 1; }
  return at;
}

/** Features of every labelled pair, computed the way the checker computes them. */
export function pairFeatures(byId: Map<string, CorpusArticle>): PairRow[] {
  const lang = loadLanguage();
  const pairs: Pair[] = fs.readFileSync(PAIRS, 'utf8').split('\n').filter(Boolean).map(l => JSON.parse(l));
  const index = new MemoryIndex(lang);
  for (const id of new Set(pairs.map(p => p.corpus_id))) index.add(byId.get(id)!);
  const drafts = new Map<string, ReturnType<typeof readText>>();
  return pairs.map(pair => {
    const same = pair.label === 'same_fact', sameTime = same && pair.relation !== 'update', conflict = same && pair.relation === 'conflict';
    const d = byId.get(pair.draft_id)!;
    let reading = drafts.get(pair.draft_id);
    if (!reading) { reading = readText(d.text, lang, { date: d.date }); drafts.set(pair.draft_id, reading); }
    const at = lineOffset(d.text, pair.draft_line) + pair.draft_start, to = at + (pair.draft_end - pair.draft_start);
    const df = reading.figures.find(f => f.start < to && at < f.end);
    const a = index.article(byId.get(pair.corpus_id)!.key)!;
    const text = index.articleText(a);
    const s = text.indexOf(pair.corpus_sentence), c0 = s < 0 ? -1 : text.indexOf(pair.corpus_figure, s);
    const cf = c0 < 0 ? undefined : figureAt(index, a.firstSentence, a.sentenceCount, c0, c0 + pair.corpus_figure.length);
    if (!df || !cf) return { pair, same, sameTime, conflict, missing: !df ? 'draft figure not read' : 'corpus figure not read' };
    if (!sameQuantity(df, cf, lang)) return { pair, same, sameTime, conflict, x: undefined, missing: 'not the same quantity (never compared)' };
    const r = features(draftSide(reading, df, isoDay(d.date), readTitle(d.title ?? '', lang)), corpusSide(index, cf), lang);
    const valuesAgree = overlaps(interval(df.value, df.hedge, 1, df.range), interval(cf.value, cf.hedge, 1, cf.range));
    return { pair, x: r.features, same, sameTime, conflict, otherTime: r.otherTime, valuesAgree, vetoed: vetoed(r.features) };
  });
}

function figureAt(index: MemoryIndex, first: number, count: number, start: number, end: number) {
  for (let s = first; s < first + count; s++) {
    const { start: ss, end: se } = index.sentenceRange(s);
    if (start < ss || start >= se) continue;
    for (const id of index.figuresOfSentence(s)) { const f = index.figure(id); if (f.start < end && start < f.end) return f; }
  }
  return undefined;
}

const NAMES = model.features as (keyof Features)[];
/** Signals that can only say "the same" or only "different": their weights keep that sign, so a fit on a few
 * hundred pairs cannot learn that sharing more words makes two figures less alike. */
const SAME_SIGN = new Set(['local', 'sentence', 'clause', 'nearDuplicate', 'entityShared', 'timeMatch', 'tight', 'story']);
const DIFFERENT_SIGN = new Set(['dayGap', 'part', 'siblings']);
const signed = (n: string, v: number) => SAME_SIGN.has(n) ? Math.max(0, v) : DIFFERENT_SIGN.has(n) ? Math.min(0, v) : v;

/** Logistic regression with a little L2, by projected gradient descent on standardised features. */
export function fit(rows: { x: Features; y: number }[], l2 = 0.01, steps = 3000): { bias: number; weights: Record<string, number> } {
  const mean = NAMES.map(n => rows.reduce((s, r) => s + r.x[n], 0) / rows.length);
  const sd = NAMES.map((n, k) => Math.sqrt(rows.reduce((s, r) => s + (r.x[n] - mean[k]) ** 2, 0) / rows.length) || 1);
  const X = rows.map(r => NAMES.map((n, k) => (r.x[n] - mean[k]) / sd[k]));
  const w = NAMES.map(() => 0);
  let b = 0;
  const pos = rows.filter(r => r.y).length, wPos = rows.length / (2 * Math.max(1, pos)), wNeg = rows.length / (2 * Math.max(1, rows.length - pos));
  for (let step = 0; step < steps; step++) {
    const gw = w.map(() => 0);
    let gb = 0;
    X.forEach((x, i) => {
      const z = b + x.reduce((s, v, k) => s + v * w[k], 0);
      const err = (1 / (1 + Math.exp(-z)) - rows[i].y) * (rows[i].y ? wPos : wNeg);
      gb += err; x.forEach((v, k) => { gw[k] += err * v; });
    });
    b -= 0.5 * gb / rows.length;
    w.forEach((_, k) => { w[k] = signed(NAMES[k], w[k] - 0.5 * (gw[k] / rows.length + l2 * w[k])); });
  }
  // Back to the features' own scale.
  const weights: Record<string, number> = {};
  let bias = b;
  NAMES.forEach((n, k) => { weights[n] = +(w[k] / sd[k]).toFixed(4); bias -= w[k] * mean[k] / sd[k]; });
  return { bias: +bias.toFixed(4), weights };
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
export function predict(m: { bias: number; weights: Record<string, number> }, x: Features) {
  return sigmoid(NAMES.reduce((s, n) => s + (m.weights[n] ?? 0) * x[n], m.bias));
}

/** Cross-validated scores: each pair scored by a model fitted on the other folds' drafts. */
export function crossValidate(rows: PairRow[], folds = 5): number[] {
  const drafts = [...new Set(rows.map(r => r.pair.draft_id))].sort();
  const foldOf = new Map(drafts.map((d, i) => [d, i % folds]));
  const scores = rows.map(() => NaN);
  for (let k = 0; k < folds; k++) {
    const train = rows.filter(r => r.x && !r.vetoed && foldOf.get(r.pair.draft_id) !== k).map(r => ({ x: r.x!, y: r.same ? 1 : 0 }));
    const m = fit(train);
    rows.forEach((r, i) => { if (r.x && foldOf.get(r.pair.draft_id) === k) scores[i] = r.vetoed ? 0 : predict(m, r.x); });
  }
  return scores;
}
