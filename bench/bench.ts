// npm run bench: isnad at newsroom scale, on the ANT corpus (31,523 articles) plus the bundled seeds.
// Prints a table (or, with --json, one JSON object). Never part of npm test.
// ANT corpus: A. Chouigui, O. Ben Khiroun, B. Elayeb, "An Arabic Multi-source News Corpus: Experimenting on
// Single-document Extractive Summarization", Arabian Journal for Science and Engineering 46(8), 2021.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { spawnSync } from 'child_process';
import { createRequire } from 'module';
import { analyze, openCorpus, MemoryIndex, loadLanguage, readText, cacheFileFor, CorpusArticle, readCorpus, isProblem } from '../server/src/core/api';
import { THRESHOLDS } from '../server/src/core/check/same-fact';
import { norm } from '../server/src/core/normalize';
import { startClient } from '../test/helpers/lsp-client';
import { extractionQuality, plantedConflicts } from './reading';
import { pairFeatures, crossValidate, fit } from './pairs';
import { noise, labelledPrecision, plantedErrors } from './archive-quality';
import { writeTermWeights } from './term-weights';
import { databaseBench } from './database';
import { longDraftRows, longDraftChild } from './long-drafts';
import { tuneEngine } from '../server/src/engine';

// As the CLI and the language server run (see engine.ts), so the rows measure what ships.
tuneEngine();

const ROOT = path.resolve(__dirname, '../..');
const args = process.argv.slice(2);
const JSON_OUT = args.includes('--json');
const ANT = path.resolve(ROOT, args.find(a => a.startsWith('--corpus='))?.slice(9) ?? '../shared/corpora/ant-2018.jsonl.gz');
const SEEDS = path.join(ROOT, 'seeds');
const RUNS = 60;
/** --database: also the shared archive's rows; --scale=N: its copies of ANT (default 10). */
const DATABASE = args.includes('--database') || args.includes('--only=database');
const SCALE = Number(args.find(a => a.startsWith('--scale='))?.slice(8) ?? 10);
/** Distinct drafts the database rows check (each checked once, then again). */
const DB_DRAFTS = 30;
const log = (s: string) => { if (!JSON_OUT) process.stderr.write(s + '\n'); };

const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const p50p95 = (xs: number[]) => ({ p50: +pct(xs, 0.5).toFixed(2), p95: +pct(xs, 0.95).toFixed(2) });
const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;

/** A deterministic pseudo-random sequence, so every run uses the same drafts and queries. */
function rng(seed: number) { return () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff); }

function readAnt(): CorpusArticle[] {
  const lines = zlib.gunzipSync(fs.readFileSync(ANT)).toString('utf8').split('\n').filter(Boolean);
  return lines.map((l, i) => { const o = JSON.parse(l); return { key: `${ANT}#${o.id ?? i}`, file: ANT, id: String(o.id ?? i), line: i + 1, title: o.title, outlet: o.outlet, date: o.date, url: o.url, text: o.text }; });
}

/** Drafts of about 1,000 words made from real corpus sentences that carry figures, some figures changed. */
function makeDrafts(articles: CorpusArticle[], n: number): string[] {
  const lang = loadLanguage();
  const rand = rng(7);
  const pool: string[] = [];
  for (let i = 0; pool.length < 3000 && i < 4000; i++) {
    const a = articles[Math.floor(rand() * articles.length)];
    const an = readText(a.text, lang);
    for (const s of an.sentences) {
      const t = a.text.slice(s.start, s.end);
      if (an.figures.some(f => f.start >= s.start && f.end <= s.end && (f.kind === 'count' || f.kind === 'percent')) || /قال|ذكر|حسب|وفق/.test(t)) pool.push(t);
    }
  }
  const drafts: string[] = [];
  for (let d = 0; d < n; d++) {
    const parts: string[] = [];
    let words = 0;
    while (words < 1000) {
      let s = pool[Math.floor(rand() * pool.length)];
      if (rand() < 0.3) s = s.replace(/\d+/, x => String(Math.round(Number(x) * 1.5) + 1));
      parts.push(s);
      words += s.split(/\s+/).length;
    }
    drafts.push(parts.join('\n'));
  }
  return drafts;
}

function timeChecks(index: MemoryIndex, drafts: string[], runs: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    analyze(drafts[i % drafts.length], index);
    times.push(ms(t));
  }
  return times;
}

/** Edits and hovers through the real language server (in-process, over a stream pair, as the LSP tests run it). */
async function lspTimings(corpusPaths: string[], cacheDir: string, draft: string) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-bench-ws-'));
  const c = await startClient({ corpus: SEEDS, folder, cacheDir, debounceMs: 0, config: { corpus: { paths: corpusPaths } } });
  const uri = await c.open(path.join(folder, 'draft.txt'), draft);
  await c.pull(uri);
  const lines = draft.split('\n');
  const edit: number[] = [], hover: number[] = [];
  const rand = rng(11);
  for (let i = 0, version = 1; i < RUNS; i++) {
    const line = Math.floor(rand() * lines.length);
    const ch = Math.floor(rand() * Math.max(1, lines[line].length));
    version++;
    const t = process.hrtime.bigint();
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: { start: { line, character: ch }, end: { line, character: ch } }, text: 'ا' }] });
    lines[line] = lines[line].slice(0, ch) + 'ا' + lines[line].slice(ch);
    await c.pull(uri);
    edit.push(ms(t));
  }
  const figLines = lines.map((l, i) => [i, l.search(/\d/)] as const).filter(([, col]) => col >= 0);
  for (let i = 0; i < RUNS; i++) {
    const [line, character] = figLines[i % figLines.length];
    const t = process.hrtime.bigint();
    await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } });
    hover.push(ms(t));
  }
  await c.close();
  fs.rmSync(folder, { recursive: true, force: true });
  return { edit: p50p95(edit), hover: p50p95(hover) };
}

/**
 * How often isnad is right, on real sentences: a sentence from a corpus article whose figure other articles
 * also report (same quantity, whatever value) is checked against the rest of the corpus as it stands — a
 * figure-conflict there is a false alarm or a real disagreement between outlets, so the rate is an upper bound
 * — and, when it was not flagged, with the figure changed to a wrong one (x2.5): flagging that (conflict or
 * disputed) is a detection.
 */
function quality(index: MemoryIndex, articles: CorpusArticle[], rand: () => number) {
  const lang = loadLanguage();
  let tried = 0, alarms = 0, detected = 0, changedTried = 0;
  for (let i = 0; tried < 200 && i < 20000; i++) {
    const a = articles[Math.floor(rand() * articles.length)];
    const an = readText(a.text, lang);
    const f = an.figures.find(x => (x.kind === 'count' || x.kind === 'percent') && x.measure && x.value >= 3);
    if (!f) continue;
    const s = an.sentences[f.sentence];
    const sentence = a.text.slice(s.start, s.end);
    const digits = /[0-9٠-٩۰-۹][0-9٠-٩۰-۹.,٬٫]*/.exec(a.text.slice(f.start, f.end));
    if (!digits) continue;
    // As of the article's own day: the sentence is checked as its outlet published it.
    const own = { draftKey: a.key, today: a.date };
    const before = analyze(sentence, index, {}, own);
    const rep = before.figures.find(x => x.start === f.start - s.start);
    if (!rep || rep.stance === 'none') continue;
    tried++;
    if (before.findings.some(x => x.code === 'figure-conflict' && x.start === rep.start)) { alarms++; continue; }
    changedTried++;
    const n = Number(norm(digits[0]).replace(/,/g, ''));
    const wrong = String(+(n * 2.5).toFixed(Number.isInteger(n) ? 0 : 1));
    const at = f.start - s.start + digits.index;
    const changed = sentence.slice(0, at) + wrong + sentence.slice(at + digits[0].length);
    const after = analyze(changed, index, {}, own);
    if (after.findings.some(x => (x.code === 'figure-conflict' || x.code === 'figure-disputed') && x.start === rep.start)) detected++;
  }
  return { sentences: tried, falseAlarmRate: +(alarms / Math.max(1, tried)).toFixed(3), detectionRate: +(detected / Math.max(1, changedTried)).toFixed(3) };
}

/** Known-item retrieval: a query made of a corpus sentence's rarer words should find that sentence. */
async function retrieval(index: MemoryIndex, rand: () => number) {
  const live = index.allArticles();
  const queries: { terms: string[]; target: number }[] = [];
  while (queries.length < 300) {
    const a = live[Math.floor(rand() * live.length)];
    if (!a.sentenceCount) continue;
    const s = a.firstSentence + Math.floor(rand() * a.sentenceCount);
    const terms = [...new Set(Array.from(index.sentenceTerms(s), t => index.term(t)))];
    if (terms.length < 8) continue;
    // Six of the sentence's words, in random order: a paraphrase keeps some words, not all.
    const pick = terms.sort(() => rand() - 0.5).slice(0, 6);
    queries.push({ terms: pick, target: s });
  }
  const docs = Array.from({ length: index.sentenceTotal }, (_, s) => Array.from(index.sentenceTerms(s), t => index.term(t)).join(' '));
  const out: Record<string, { ms: number; recallAt10: number; buildSeconds: number }> = {};
  // isnad's own BM25 over its postings.
  {
    let hit = 0;
    const t = process.hrtime.bigint();
    for (const q of queries) if (index.search(Int32Array.from(q.terms.map(x => index.termId(x))), 10).some(h => h.sentence === q.target)) hit++;
    out.isnad = { ms: +(ms(t) / queries.length).toFixed(3), recallAt10: +(hit / queries.length).toFixed(3), buildSeconds: 0 };
  }
  // The comparison libraries live in bench/.deps (installed by bench/run.sh), resolved as a package would be.
  const depRequire = createRequire(path.join(ROOT, 'bench/.deps/index.js'));
  // minisearch, on the same normalised, stemmed text.
  {
    const MiniSearch = depRequire('minisearch');
    const t0 = process.hrtime.bigint();
    const mini = new MiniSearch({ fields: ['t'], idField: 'id', tokenize: (s: string) => s.split(' '), processTerm: (x: string) => x });
    mini.addAll(docs.map((t, id) => ({ id, t })));
    const build = ms(t0) / 1000;
    let hit = 0;
    const t = process.hrtime.bigint();
    for (const q of queries) if (mini.search(q.terms.join(' '), { combineWith: 'OR' }).slice(0, 10).some((r: { id: number }) => r.id === q.target)) hit++;
    out.minisearch = { ms: +(ms(t) / queries.length).toFixed(3), recallAt10: +(hit / queries.length).toFixed(3), buildSeconds: +build.toFixed(1) };
  }
  // SQLite FTS5 (better-sqlite3), same text, bm25 ranking.
  {
    const Database = depRequire('better-sqlite3');
    const db = new Database(':memory:');
    const t0 = process.hrtime.bigint();
    db.exec("CREATE VIRTUAL TABLE s USING fts5(t, tokenize = 'unicode61 remove_diacritics 0')");
    const ins = db.prepare('INSERT INTO s(rowid, t) VALUES (?, ?)');
    db.transaction(() => docs.forEach((t, id) => ins.run(id + 1, t)))();
    const build = ms(t0) / 1000;
    const sel = db.prepare('SELECT rowid FROM s WHERE s MATCH ? ORDER BY bm25(s) LIMIT 10');
    let hit = 0;
    const t = process.hrtime.bigint();
    for (const q of queries) {
      const m = q.terms.map(x => `"${x.replace(/"/g, '""')}"`).join(' OR ');
      if (sel.all(m).some((r: { rowid: number }) => r.rowid === q.target + 1)) hit++;
    }
    out.fts5 = { ms: +(ms(t) / queries.length).toFixed(3), recallAt10: +(hit / queries.length).toFixed(3), buildSeconds: +build.toFixed(1) };
    db.close();
  }
  return out;
}

type Row = [string, string, string];
const printRows = (rows: Row[]) => { for (const [a, b, c] of rows) console.log(`| ${a} | ${b} | ${c} |`); };
const pctRow = (x: { ok: number; n: number }) => `${x.ok}/${x.n} (${(100 * x.ok / Math.max(1, x.n)).toFixed(1)}%)`;
const dumpFile = args.find(a => a.startsWith('--dump='))?.slice(7);

/** The reading rows: the labelled extraction set and the planted one-article corpora (issue targets beside). */
function readingRows(articles: CorpusArticle[]) {
  const ex = extractionQuality(new Map(articles.map(a => [a.id!, a])));
  const pl = plantedConflicts();
  if (dumpFile) fs.writeFileSync(dumpFile, JSON.stringify({ extraction: ex.rows, planted: pl.results }, null, 1));
  const rows: Row[] = [
    [`figures found (${ex.figures} labelled figures, ${ex.sentences} sentences)`, `${(ex.recall * 100).toFixed(1)}%`, '≥ 97%'],
    ['value or interval right, when found', `${(ex.valueAccuracy * 100).toFixed(1)}%`, '≥ 97%'],
    ['kind right (claim or not), when found', `${(ex.kindAccuracy * 100).toFixed(1)}%`, ''],
    ['measure right (counts), when found', `${(ex.measureAccuracy * 100).toFixed(1)}%`, '≥ 90%'],
    [`percentages with a whole or subject (${ex.percents})`, `${(ex.percentsWithWhole * 100).toFixed(1)}%`, '≥ 80%'],
    ['planted conflicts found (one-article corpora)', pctRow(pl.conflicts), '≥ 90%'],
    ['planted agreeing drafts with no conflict', pctRow(pl.agree), 'all'],
    ['planted look-alikes left silent', pctRow(pl.silent), 'all'],
  ];
  return { rows, json: { extraction: { ...ex, rows: undefined }, planted: { ...pl, results: undefined } } };
}

/** The same-fact judgement on the labelled pairs, cross-validated by draft; --fit writes the weights. */
function pairsRows(articles: CorpusArticle[], print: boolean) {
  const rows = pairFeatures(new Map(articles.map(a => [a.id!, a])));
  const usable = rows.filter(r => r.x);
  const cv = crossValidate(rows);
  const missing = rows.filter(r => r.missing);
  const sameTimeAll = rows.filter(r => r.x && r.sameTime).length;
  const at = (t: number) => {
    const pick = rows.map((r, i) => ({ r, s: cv[i] })).filter(x => x.r.x && x.s >= t && !x.r.otherTime);
    const tp = pick.filter(x => x.r.sameTime).length;
    const conf = pick.filter(x => !x.r.valuesAgree);
    const later = rows.map((r, i) => ({ r, s: cv[i] })).filter(x => x.r.x && x.s >= t && x.r.otherTime && !x.r.valuesAgree);
    return { threshold: t, judged: pick.length, precision: +(tp / Math.max(1, pick.length)).toFixed(3), recall: +(tp / Math.max(1, sameTimeAll)).toFixed(3),
      wouldWarn: conf.length, labelledConflict: conf.filter(x => x.r.conflict).length, otherTime: later.length, otherTimeSame: later.filter(x => x.r.same).length };
  };
  const table = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9].map(at);
  if (print) {
    console.log(`pairs: ${rows.length}, read on both sides: ${usable.length} (${missing.length} not read: ${[...new Set(missing.map(r => r.missing))].join(', ')})`);
    console.log('| threshold | judged the same fact at the same time | precision (CV) | recall (CV) | would warn (values differ) | of which labelled conflict | other time, values differ | of which labelled same fact |\n|---|---|---|---|---|---|---|---|\n' +
      table.map(x => `| ${x.threshold} | ${x.judged} | ${x.precision} | ${x.recall} | ${x.wouldWarn} | ${x.labelledConflict} | ${x.otherTime} | ${x.otherTimeSame} |`).join('\n'));
  }
  if (args.includes('--fit')) {
    const m = fit(usable.filter(r => !r.vetoed).map(r => ({ x: r.x!, y: r.same ? 1 : 0 })));
    const file = path.join(ROOT, 'server/src/core/data/same-fact.json');
    const current = JSON.parse(fs.readFileSync(file, 'utf8'));
    fs.writeFileSync(file, JSON.stringify({ ...current, bias: m.bias, weights: m.weights }, null, 1) + '\n');
    console.log('weights written to', file, JSON.stringify(m));
  }
  if (dumpFile) fs.writeFileSync(dumpFile, JSON.stringify(rows.map((r, i) => ({ ...r, cv: cv[i] })), null, 1));
  const warn = at(THRESHOLDS.warn);
  const out: Row[] = [
    [`labelled pairs judged the same fact at warn ${THRESHOLDS.warn} (${usable.length} of ${rows.length} read)`, `precision ${warn.precision}, recall ${warn.recall} (5-fold CV by draft)`, ''],
    ['labelled pairs that would warn (values differ)', `${warn.wouldWarn}, of which labelled conflict ${warn.labelledConflict}`, ''],
  ];
  return { rows: out, json: { read: usable.length, pairs: rows.length, table } };
}

/** The database rows (bench/database.ts), against `index` (the local index of ANT and the seeds). */
async function databaseRows(articles: CorpusArticle[], index: MemoryIndex): Promise<{ rows: Row[]; result: Record<string, unknown> }> {
  return databaseBench({ ant: ANT, seeds: SEEDS, index, articles, drafts: makeDrafts(articles, DB_DRAFTS), scale: SCALE, log });
}

function printTable(rows: [string, string, string][]) {
  const w = Math.max(...rows.map(r => r[0].length));
  console.log(`| measure${' '.repeat(w - 7)} | result | target |\n|${'-'.repeat(w + 2)}|---|---|`);
  for (const [a, b, c] of rows) console.log(`| ${a.padEnd(w)} | ${b} | ${c} |`);
}

/** Noise on published articles, the labelled pairs per warning, planted realistic errors. */
function archiveRows(index: MemoryIndex, articles: CorpusArticle[]) {
  const n = noise(index, articles);
  const lp = labelledPrecision(index, new Map(articles.map(a => [a.id!, a])));
  const pe = plantedErrors(index, articles);
  if (dumpFile) fs.writeFileSync(dumpFile, JSON.stringify({ noise: n, labelled: lp, planted: pe }, null, 1));
  const rows: Row[] = [
    [`warnings per 1,000 words on ${n.articles} published ANT articles (${n.words} words)`, `${n.perThousandWords} (${n.warnings} warnings: ${JSON.stringify(n.byCode)})`, '≤ 0.3'],
    ['published articles with any warning', `${(n.articlesWithWarning * 100).toFixed(1)}%`, '≤ 10%'],
    ...Object.entries(lp).map(([code, o]) => [`${code} on the labelled drafts`,
      `${o.warnings} warnings, ${o.warnings - o.unlabelledWarnings} with a labelled passage, ${o.trueWarnings} true (per warning ${o.trueWarnings}/${o.warnings - o.unlabelledWarnings}); labelled passages ${o.pairs}, same-fact conflicts ${o.samePairs}`, '≥ 90%'] as Row),
    ['planted realistic errors detected', `${(pe.share * 100).toFixed(1)}% (${pe.detected}/${pe.tried} from ${pe.sentences} sentences; ${Object.entries(pe.perKind).map(([k, v]) => `${k} ${v.detected}/${v.tried}`).join(', ')})`, '≥ 90%'],
  ];
  return { rows, json: { noise: { ...n, examples: undefined }, labelled: lp, planted: pe } };
}

/** The archive rows against ANT alone, with a cached index (the --only=archive mode). */
async function archiveOnly(articles: CorpusArticle[]) {
  const { index } = await openCorpus([ANT], { cacheDir: path.join(os.tmpdir(), 'isnad-bench-archive-cache') });
  printRows(archiveRows(index, articles).rows);
}

/** The edit and hover rows alone (the --only=lsp mode), the server loading a persisted index kept between runs: to
 * compare two builds run after run, as the full bench is too long to alternate. */
async function lspOnly() {
  const cacheDir = path.join(os.tmpdir(), 'isnad-bench-lsp-cache');
  fs.mkdirSync(cacheDir, { recursive: true });
  (await openCorpus([ANT, SEEDS], { cacheDir })).close();
  const { edit, hover } = await lspTimings([ANT, SEEDS], cacheDir, makeDrafts(readAnt(), 6)[0]);
  printRows([
    ['re-check after a 1-char edit (LSP)', `p50 ${edit.p50} ms, p95 ${edit.p95} ms`, 'p95 ≤ 5 ms'],
    ['hover (LSP)', `p50 ${hover.p50} ms, p95 ${hover.p95} ms`, 'p95 ≤ 10 ms'],
  ]);
}

/** Child process: reads an archive whose first line is 7.9 MB (over the 5 MB limit) and reports the time and
 * the peak memory it took. Before lines were split on bytes, this line took 675 MB. */
async function longLineChild(file: string) {
  const base = process.memoryUsage().rss;
  let peak = base;
  const sample = () => { peak = Math.max(peak, process.memoryUsage().rss); };
  const timer = setInterval(sample, 2);
  const t = process.hrtime.bigint();
  let articles = 0, problems = 0;
  for await (const x of readCorpus([file])) { sample(); if (isProblem(x)) problems++; else articles++; }
  const seconds = ms(t) / 1000;
  clearInterval(timer);
  process.stdout.write(JSON.stringify({ seconds, peakMB: (peak - base) / 1e6, articles, problems }));
}

/** The long-line row: an archive with a 7.9 MB line and a normal one, read in a fresh process. */
function longLine(dir: string): { seconds: number; peakMB: number } {
  const file = path.join(dir, 'long-line.jsonl');
  const text = 'قتل 2900 شخص في زلزال الحوز. '.repeat(168_000); // 7.9 MB of UTF-8, 4.9 million characters
  fs.writeFileSync(file, JSON.stringify({ id: 'long', text }) + '\n' + JSON.stringify({ id: 'ok', text: 'قتل 2900 شخص.' }) + '\n');
  const child = spawnSync(process.execPath, [__filename, '--long-line-child', file], { encoding: 'utf8' });
  const r = JSON.parse(child.stdout);
  if (r.articles !== 1 || r.problems !== 1) throw new Error(`long-line row: expected the long line skipped and one article, got ${child.stdout}`);
  return { seconds: +r.seconds.toFixed(3), peakMB: Math.round(r.peakMB) };
}

/** Runs one part alone when asked to (the long-line row, or a child process of the full run); false otherwise. */
async function runPart(): Promise<boolean> {
  if (args.includes('--only=reading')) { printRows(readingRows(readAnt()).rows); return true; }
  if (args.includes('--only=archive')) { await archiveOnly(readAnt()); return true; }
  if (args.includes('--only=pairs')) { pairsRows(readAnt(), true); return true; }
  if (args.includes('--only=lsp')) { await lspOnly(); return true; }
  if (args.includes('--only=database')) {
    const articles = readAnt();
    log(`local index of ${articles.length} articles…`);
    const { index } = await openCorpus([ANT, SEEDS], { cacheDir: undefined });
    const db = await databaseRows(articles, index);
    if (JSON_OUT) process.stdout.write(JSON.stringify(db.result) + '\n'); else printTable(db.rows);
    return true;
  }
  if (args.includes('--only=long')) { printRows(longDraftRows(__filename, args.filter(a => a.startsWith('--corpus=')))); return true; }
  if (args[0] === '--long-drafts-child') { await longDraftChild(readAnt, SEEDS); return true; }
  if (args.includes('--only=term-weights')) { console.log(await writeTermWeights(ANT, ROOT)); return true; }
  if (args[0] === '--long-line-child') { await longLineChild(args[1]); return true; }
  if (args[0] === '--long-line') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-bench-'));
    try { const r = longLine(dir); console.log(`| archive line of 7.9 MB (skipped) | ${r.seconds} s, peak memory +${r.peakMB} MB | ≤ 1 s, ≤ 64 MB |`); }
    finally { fs.rmSync(dir, { recursive: true, force: true }); }
    return true;
  }
  if (args[0] === '--load-only') {
    // Child process: warm load of the persisted index and the memory it takes.
    const t = process.hrtime.bigint();
    const o = await openCorpus([ANT, SEEDS], { cacheDir: args[1] });
    const loadSeconds = ms(t) / 1000;
    if (global.gc) global.gc();
    process.stdout.write(JSON.stringify({ loadSeconds, rssMB: process.memoryUsage().rss / 1e6, fromCache: o.fromCache }));
    return true;
  }
  return false;
}

async function main() {
  if (await runPart()) return;
  if (!fs.existsSync(ANT)) { console.error(`bench: ${ANT} not found (pass --corpus=PATH)`); process.exit(2); }
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-bench-'));
  try {
    log('reading the corpus…');
    const articles = readAnt();
    const megabytes = articles.reduce((n, a) => n + Buffer.byteLength(a.text), 0) / 1e6;
    log(`cold build of ${articles.length} articles…`);
    let t = process.hrtime.bigint();
    const built = await openCorpus([ANT, SEEDS], { cacheDir });
    const buildAndSave = ms(t) / 1000;
    t = process.hrtime.bigint();
    const fresh = await openCorpus([ANT, SEEDS], { cacheDir: undefined });
    const buildSeconds = ms(t) / 1000;
    const persistedMB = fs.statSync(cacheFileFor([ANT, SEEDS], cacheDir)).size / 1e6;
    built.close();
    log('warm load in a fresh process…');
    const child = spawnSync(process.execPath, ['--expose-gc', __filename, '--load-only', cacheDir, `--corpus=${ANT}`], { encoding: 'utf8' });
    const warm = JSON.parse(child.stdout);
    log('full checks…');
    const drafts = makeDrafts(articles, 6);
    timeChecks(fresh.index, drafts, 6); // warm-up
    const check = p50p95(timeChecks(fresh.index, drafts, RUNS));
    log('edits and hovers through the language server…');
    const { edit, hover } = await lspTimings([ANT, SEEDS], cacheDir, drafts[0]);
    log('scale…');
    const scale: { fraction: number; articles: number; checkP95: number }[] = [{ fraction: 1, articles: fresh.index.articleCount, checkP95: check.p95 }];
    for (const fraction of [0.25, 1 / 16]) {
      const idx = new MemoryIndex(loadLanguage());
      for (const a of articles.slice(0, Math.round(articles.length * fraction))) idx.add(a);
      timeChecks(idx, drafts, 6);
      scale.push({ fraction, articles: idx.articleCount, checkP95: p50p95(timeChecks(idx, drafts, RUNS)).p95 });
    }
    log('quality on real sentences…');
    const q = quality(fresh.index, articles, rng(5));
    log('retrieval: isnad vs minisearch vs SQLite FTS5…');
    const ret = await retrieval(fresh.index, rng(3));
    log('an archive with a 7.9 MB line…');
    const long = longLine(cacheDir);
    log('a 1 MB line and a 5 MB draft…');
    const longDrafts = longDraftRows(__filename, args.filter(a => a.startsWith('--corpus=')));
    log('reading: the labelled extraction set and the planted conflicts…');
    const reading = readingRows(articles);
    log('same fact: the labelled pairs…');
    const pairs = pairsRows(articles, false);
    log('the archive: noise on published articles, labelled drafts, planted errors…');
    const archive = archiveRows(fresh.index, articles);
    const db = DATABASE ? await databaseRows(articles, fresh.index) : undefined;
    const result = {
      ...(db ? { database: db.result } : {}),
      articles: fresh.index.articleCount, megabytes: +megabytes.toFixed(1), buildSeconds: +buildSeconds.toFixed(1),
      buildMBps: +(megabytes / buildSeconds).toFixed(1), buildAndPersistSeconds: +buildAndSave.toFixed(1),
      persistedMB: +persistedMB.toFixed(1), loadSeconds: +warm.loadSeconds.toFixed(2), rssMB: Math.round(warm.rssMB),
      check, edit, hover, scale,
      retrieval: { isnad: ret.isnad, minisearch: ret.minisearch, fts5: ret.fts5 },
      quality: q, longLine: long, longDrafts: Object.fromEntries(longDrafts.map(r => [r[0], r[1]])), reading: reading.json, pairs: pairs.json, archive: archive.json,
      machine: { cpus: os.cpus().length, node: process.version },
    };
    if (JSON_OUT) { process.stdout.write(JSON.stringify(result) + '\n'); return; }
    const rows: [string, string, string][] = [
      ['articles indexed', `${result.articles} (${result.megabytes} MB of text)`, ''],
      ['cold index build', `${result.buildSeconds} s (${result.buildMBps} MB/s)`, '≤ 10 s'],
      ['persisted size', `${result.persistedMB} MB`, ''],
      ['warm load', `${result.loadSeconds} s`, '≤ 1 s'],
      ['server RSS after load', `${result.rssMB} MB`, '≤ 400 MB'],
      ['full check, 1,000-word draft', `p50 ${check.p50} ms, p95 ${check.p95} ms`, 'p95 ≤ 20 ms'],
      ['re-check after a 1-char edit (LSP)', `p50 ${edit.p50} ms, p95 ${edit.p95} ms`, 'p95 ≤ 5 ms'],
      ['hover (LSP)', `p50 ${hover.p50} ms, p95 ${hover.p95} ms`, 'p95 ≤ 10 ms'],
      ...scale.map(s => [`check p95 at ${s.fraction === 1 ? '1' : s.fraction === 0.25 ? '1/4' : '1/16'} (${s.articles} articles)`, `${s.checkP95} ms`, ''] as [string, string, string]),
      [`figure checks on ${q.sentences} real sentences`, `false alarms ${(q.falseAlarmRate * 100).toFixed(1)}%, wrong figure flagged ${(q.detectionRate * 100).toFixed(1)}%`, ''],
      ...(['isnad', 'minisearch', 'fts5'] as const).map(k => [`retrieval: ${k}`, `${ret[k].ms} ms/query, recall@10 ${ret[k].recallAt10}`, k === 'isnad' ? 'faster, recall ≥' : ''] as [string, string, string]),
      ['archive line of 7.9 MB (skipped)', `${long.seconds} s, peak memory +${long.peakMB} MB`, '≤ 1 s, ≤ 64 MB'],
      ...longDrafts,
      ...reading.rows, ...pairs.rows, ...archive.rows,
      ...(db?.rows ?? []),
    ];
    printTable(rows);
  } finally {
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
}

main().catch(e => { console.error(e); process.exit(1); });
