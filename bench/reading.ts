// Reading quality: how well isnad reads the figures a newsroom writes.
//  - the labelled extraction set (bench/quality/figures-labelled.jsonl: 360 ANT sentences drawn at random, every
//    figure marked by reading it): figures found, value or interval right, kind right, measure right, and the
//    share of percentages read with a whole or subject;
//  - planted conflicts on one-article corpora (bench/quality/planted-conflicts.jsonl): a corpus article states a
//    fact; a draft states the same fact with a wrong value (must conflict), the same value written another way
//    (must agree), or a look-alike that is another quantity (must stay silent).
import * as fs from 'fs';
import * as path from 'path';
import { analyze, MemoryIndex, loadLanguage, readText, CorpusArticle, interval } from '../server/src/core/api';

const QUALITY = path.join(__dirname, '../../bench/quality');

interface LabelledFigure {
  text: string; kind: string; value?: number | null; lo?: number; hi?: number; hedge?: string; measure?: string | null;
  currency?: string; whole?: string; pct?: string; delta?: boolean;
}
interface LabelledSentence { n: number; id: string; start: number; end: number; figures: LabelledFigure[] }

const QUANTITY = new Set(['count', 'percent', 'source-count']);
/** isnad's kinds that are not claims, by the label kind they stand for. */
const KIND_OF: Record<string, string> = { clause: 'identifier', phone: 'identifier', model: 'identifier' };

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-4 * Math.max(1, Math.abs(a), Math.abs(b));

function labelInterval(f: LabelledFigure) {
  if (f.lo !== undefined && f.hi !== undefined) return { lo: f.lo, hi: f.hi };
  return interval(f.value ?? NaN, (f.hedge ?? undefined) as never);
}

export interface ExtractionRow { n: number; label: LabelledFigure; found: boolean; valueOk?: boolean; kindOk?: boolean; measureOk?: boolean; got?: unknown }

const LETTER = /[\p{L}\p{M}]/u;
/** Where a labelled figure's text stands in its sentence: the first occurrence that ends a word (a clitic may be
 * glued before it, «بستة»), else the first at all — «ست» is the number in «منذ ست سنوات», not the letters of
 * «المستوى» before it. */
function locate(text: string, label: string, from: number): number {
  for (let at = text.indexOf(label, from); at >= 0; at = text.indexOf(label, at + 1)) {
    if (!LETTER.test(text[at + label.length] ?? '')) return at;
  }
  return text.indexOf(label, from);
}

export function extractionQuality(byId: Map<string, CorpusArticle>) {
  const lang = loadLanguage();
  const rows: ExtractionRow[] = [];
  const sentences: LabelledSentence[] = fs.readFileSync(path.join(QUALITY, 'figures-labelled.jsonl'), 'utf8').split('\n').filter(Boolean).map(l => JSON.parse(l));
  let percents = 0, percentsWithWhole = 0;
  for (const s of sentences) {
    const a = byId.get(s.id);
    if (!a) throw new Error(`labelled article ${s.id} not in the corpus`);
    const text = a.text.slice(s.start, s.end);
    const figures = readText(text, lang, { date: a.date }).figures;
    let from = 0;
    for (const label of s.figures) {
      const at = locate(text, label.text, from);
      if (at < 0) throw new Error(`#${s.n}: «${label.text}» not in its sentence`);
      from = at + label.text.length;
      const got = figures.find(f => f.start < at + label.text.length && at < f.end);
      if (!got) { rows.push({ n: s.n, label, found: false }); continue; }
      const row: ExtractionRow = { n: s.n, label, found: true, got: { text: text.slice(got.start, got.end), value: got.value, range: got.range, hedge: got.hedge, kind: got.kind, measure: got.measure, unit: got.unit, whole: got.whole, rate: got.rate } };
      const gotKind = KIND_OF[got.kind] ?? got.kind;
      row.kindOk = QUANTITY.has(label.kind) ? gotKind === label.kind : !QUANTITY.has(gotKind);
      if (QUANTITY.has(label.kind)) {
        const want = labelInterval(label), have = interval(got.value, got.hedge, 1, got.range);
        row.valueOk = gotKind === label.kind && close(want.lo, have.lo) && close(want.hi, have.hi);
      }
      if (label.kind === 'count' && label.measure !== undefined) {
        row.measureOk = label.measure === 'other' || label.measure === null ? !got.measure : got.measure === label.measure;
      }
      if (label.kind === 'percent') { percents++; if (got.kind === 'percent' && got.whole) percentsWithWhole++; }
      rows.push(row);
    }
  }
  const share = (xs: (boolean | undefined)[]) => { const d = xs.filter(x => x !== undefined); return +(d.filter(Boolean).length / Math.max(1, d.length)).toFixed(3); };
  return {
    sentences: sentences.length, figures: rows.length,
    recall: share(rows.map(r => r.found)),
    valueAccuracy: share(rows.map(r => r.valueOk)), kindAccuracy: share(rows.map(r => r.kindOk)), measureAccuracy: share(rows.map(r => r.measureOk)),
    percentsWithWhole: +(percentsWithWhole / Math.max(1, percents)).toFixed(3), percents,
    rows,
  };
}

interface PlantedCase {
  id: string; family: string; expect: 'conflict' | 'agree' | 'silent';
  corpus: { title: string; outlet: string; date: string; text: string }; draft: string; draft_date: string; figure: string; corpus_figure: string;
}

const CONFLICT_CODES = new Set(['figure-conflict', 'source-count-conflict']);

export function plantedConflicts() {
  const cases: PlantedCase[] = fs.readFileSync(path.join(QUALITY, 'planted-conflicts.jsonl'), 'utf8').split('\n').filter(Boolean).map(l => JSON.parse(l));
  const lang = loadLanguage();
  const results: { id: string; family: string; expect: string; ok: boolean; got: string[] }[] = [];
  for (const c of cases) {
    const index = new MemoryIndex(lang);
    index.add({ key: `planted/${c.id}.txt`, file: `planted/${c.id}.txt`, title: c.corpus.title, outlet: c.corpus.outlet, date: c.corpus.date, text: c.corpus.text });
    const header = `---\ndate: ${c.draft_date}\n---\n`;
    const draft = header + c.draft;
    // In the draft's own text, not in the date of its front matter.
    const at = header.length + c.draft.indexOf(c.figure);
    const r = analyze(draft, index, {});
    const on = r.findings.filter(f => f.start < at + c.figure.length && at < f.end);
    const conflict = on.some(f => CONFLICT_CODES.has(f.code));
    const ok = c.expect === 'conflict' ? conflict : c.expect === 'agree' ? !conflict && !on.some(f => f.code === 'figure-disputed') : !on.length;
    results.push({ id: c.id, family: c.family, expect: c.expect, ok, got: on.map(f => f.code) });
  }
  const rate = (e: string) => { const xs = results.filter(x => x.expect === e); return { n: xs.length, ok: xs.filter(x => x.ok).length }; };
  return { conflicts: rate('conflict'), agree: rate('agree'), silent: rate('silent'), results };
}
