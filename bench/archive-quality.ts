// Warnings an editor can trust, measured on the real archive (ANT) with a fixed, seeded sample:
//  - noise: published articles, each checked against the rest of the archive (itself and its near-duplicates
//    excluded): warnings per 1,000 words and the share of articles with any warning;
//  - the labelled pairs (../shared/labelled): precision of figure-conflict and figure-disputed, per pair and per
//    warning, over the passages the set holds;
//  - planted errors: sentences whose figure other articles state as the same fact, with the figure changed the way
//    real mistakes happen; the share the check flags.
import * as fs from 'fs';
import { analyze, CorpusArticle, MemoryIndex, LineIndex, Finding, readText, loadLanguage } from '../server/src/core/api';
import { PAIRS, Pair } from './pairs';

/** A deterministic pseudo-random sequence: every run uses the same sample. */
function rng(seed: number) { return () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff); }
const words = (t: string) => t.split(/\s+/).filter(Boolean).length;
const WARNING = new Set(['error', 'warning']);

/** The ANT article as a draft: its own text, written on its own date. */
function check(index: MemoryIndex, a: CorpusArticle, text = a.text): Finding[] {
  return analyze(text, index, {}, { draftKey: a.key, today: a.date }).findings;
}

export function noise(index: MemoryIndex, articles: CorpusArticle[], n = 200) {
  const rand = rng(20261201);
  const pool = articles.filter(a => words(a.text) >= 150);
  const sample = new Set<CorpusArticle>();
  while (sample.size < n) sample.add(pool[Math.floor(rand() * pool.length)]);
  let totalWords = 0, warnings = 0, withAny = 0;
  const byCode: Record<string, number> = {};
  const examples: { id?: string; code: string; text: string; message: string }[] = [];
  for (const a of sample) {
    const ws = check(index, a).filter(f => WARNING.has(f.severity));
    totalWords += words(a.text);
    warnings += ws.length;
    if (ws.length) withAny++;
    for (const f of ws) { byCode[f.code] = (byCode[f.code] ?? 0) + 1; examples.push({ id: a.id, code: f.code, text: a.text.slice(f.start, f.end), message: f.message }); }
  }
  return { articles: sample.size, words: totalWords, warnings, perThousandWords: +(1000 * warnings / totalWords).toFixed(2), articlesWithWarning: +(withAny / sample.size).toFixed(3), byCode, examples };
}

function lineCol(li: LineIndex, offset: number) { return li.position(offset); }

/** figure-conflict and figure-disputed against the labelled pairs: each finding's related passages looked up in
 * the set (same draft figure, same corpus figure, by overlapping ranges). */
export function labelledPrecision(index: MemoryIndex, byId: Map<string, CorpusArticle>) {
  const pairs: Pair[] = fs.readFileSync(PAIRS, 'utf8').split('\n').filter(Boolean).map(l => JSON.parse(l));
  const out: Record<string, { pairs: number; samePairs: number; warnings: number; trueWarnings: number; unlabelledWarnings: number; passages: number }> = {};
  for (const code of ['figure-conflict', 'figure-disputed']) out[code] = { pairs: 0, samePairs: 0, warnings: 0, trueWarnings: 0, unlabelledWarnings: 0, passages: 0 };
  for (const draftId of new Set(pairs.map(p => p.draft_id))) {
    const d = byId.get(draftId)!;
    const li = new LineIndex(d.text);
    const mine = pairs.filter(p => p.draft_id === draftId);
    for (const f of check(index, d)) {
      const o = out[f.code];
      if (!o) continue;
      const s = lineCol(li, f.start), e = lineCol(li, f.end);
      const found: Pair[] = [];
      for (const p of f.related) {
        o.passages++;
        const at = p.mark ?? p;
        const text = index.articleText(index.article(p.article.key)!);
        found.push(...mine.filter(x => x.corpus_id === p.article.id && x.draft_line === s.line && x.draft_start < e.character && s.character < x.draft_end &&
          text.indexOf(x.corpus_figure, Math.max(0, at.start - x.corpus_figure.length)) >= 0 && text.slice(at.start, at.end).length > 0 &&
          overlapsText(text, at.start, at.end, x.corpus_figure)));
      }
      const uniq = [...new Set(found)];
      o.warnings++;
      o.pairs += uniq.length;
      o.samePairs += uniq.filter(x => x.label === 'same_fact' && x.relation === 'conflict').length;
      if (!uniq.length) o.unlabelledWarnings++;
      else if (uniq.some(x => x.label === 'same_fact' && x.relation === 'conflict')) o.trueWarnings++;
    }
  }
  return out;
}

/** Whether the labelled corpus figure text lies at (or overlaps) [start, end) of the article. */
function overlapsText(text: string, start: number, end: number, figure: string): boolean {
  for (let at = text.indexOf(figure, Math.max(0, start - figure.length)); at >= 0 && at <= end; at = text.indexOf(figure, at + 1)) {
    if (at < end && start < at + figure.length) return true;
  }
  return false;
}

type Mutation = { kind: string; apply: (s: string, at: number, end: number) => string | undefined };
const digitsIn = (s: string) => /[0-9]+/.exec(s);
/** Ways real mistakes change a figure. */
const MUTATIONS: Mutation[] = [
  { kind: 'digits swapped', apply: (s, at, end) => { const m = digitsIn(s.slice(at, end)); if (!m || m[0].length < 2 || m[0][0] === m[0][1]) return undefined; const i = at + m.index; return s.slice(0, i) + m[0][1] + m[0][0] + s.slice(i + 2); } },
  { kind: 'digit dropped', apply: (s, at, end) => { const m = digitsIn(s.slice(at, end)); if (!m || m[0].length < 2) return undefined; const i = at + m.index + m[0].length - 1; return s.slice(0, i) + s.slice(i + 1); } },
  { kind: 'digit added', apply: (s, at, end) => { const m = digitsIn(s.slice(at, end)); if (!m) return undefined; const i = at + m.index + m[0].length; return s.slice(0, i) + m[0][m[0].length - 1] + s.slice(i); } },
  { kind: '×10', apply: (s, at, end) => { const m = digitsIn(s.slice(at, end)); if (!m) return undefined; const i = at + m.index + m[0].length; return s.slice(0, i) + '0' + s.slice(i); } },
  { kind: 'مليون↔مليار', apply: (s, at, end) => { const f = s.slice(at, end); const g = f.includes('مليون') ? f.replace('مليون', 'مليار') : f.includes('مليار') ? f.replace('مليار', 'مليون') : undefined; return g && s.slice(0, at) + g + s.slice(end); } },
  { kind: 'ten↔twenty in words', apply: (s, at, end) => { const f = s.slice(at, end); const pairs: [RegExp, string][] = [[/عشرة/, 'عشرين'], [/عشرين/, 'عشرة'], [/ثلاثة/, 'ثلاثين'], [/ثلاثين/, 'ثلاثة'], [/خمسة/, 'خمسين'], [/خمسين/, 'خمسة']]; const p = pairs.find(([r]) => r.test(f)); return p && s.slice(0, at) + f.replace(p[0], p[1]) + s.slice(end); } },
];

const SWAPPED_EVENTS = new Map([['killed', 'injured'], ['injured', 'killed']]);
/** The sentence with the texts at two spans exchanged. */
function swapTexts(s: string, a: [number, number], b: [number, number]): string {
  const [x, y] = a[0] < b[0] ? [a, b] : [b, a];
  return s.slice(0, x[0]) + s.slice(y[0], y[1]) + s.slice(x[1], y[0]) + s.slice(x[0], x[1]) + s.slice(y[1]);
}

/** Planted errors in sentences whose figure another article states as the same fact (the check agrees with it
 * as written): the share flagged once the figure is changed. */
export function plantedErrors(index: MemoryIndex, articles: CorpusArticle[], target = 200) {
  const rand = rng(5);
  const lang = loadLanguage();
  const perKind: Record<string, { tried: number; detected: number }> = {};
  let tried = 0, detected = 0, sentences = 0;
  for (let i = 0; tried < target && i < 30000; i++) {
    const a = articles[Math.floor(rand() * articles.length)];
    const r = readText(a.text, lang, { date: a.date });
    const f = r.figures.find(x => (x.kind === 'count' || x.kind === 'percent') && x.measure && !x.zero);
    if (!f) continue;
    const s = r.sentences[f.sentence];
    const sentence = a.text.slice(s.start, s.end);
    const rep = analyze(sentence, index, {}, { draftKey: a.key, today: a.date }).figures.find(x => x.start === f.start - s.start);
    if (rep?.stance !== 'agrees') continue;
    sentences++;
    // Killed and injured written the other way round: the figure takes the value of the other event's.
    const other = r.figures.find(x => x.sentence === f.sentence && x !== f && SWAPPED_EVENTS.get(f.measure!) === x.measure && x.value !== f.value);
    const swap: Mutation[] = other ? [{ kind: 'killed↔injured swapped', apply: () => swapTexts(sentence, [f.start - s.start, f.end - s.start], [other.start - s.start, other.end - s.start]) }] : [];
    for (const m of [...MUTATIONS, ...swap]) {
      const changed = m.apply(sentence, f.phraseStart - s.start, f.end - s.start);
      if (!changed || changed === sentence) continue;
      const hit = analyze(changed, index, {}, { draftKey: a.key, today: a.date }).findings
        .some(x => (x.code === 'figure-conflict' || x.code === 'figure-disputed') && x.start <= f.end - s.start + 2 && f.start - s.start <= x.end);
      const k = (perKind[m.kind] ??= { tried: 0, detected: 0 });
      k.tried++; tried++;
      if (hit) { k.detected++; detected++; }
    }
  }
  return { sentences, tried, detected, share: +(detected / Math.max(1, tried)).toFixed(3), perKind };
}
