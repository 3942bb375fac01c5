// `npm run bench -- --database` (with the other rows) or `-- --only=database`: the shared archive on PostgreSQL 15,
// in a throwaway cluster (test/helpers/pg-cluster.ts), against the local index in the same run. Ingest of ANT (with
// the seeds, as the local rows index them); full checks of 1,000-word drafts against both, findings compared; the
// archive at --scale=N times ANT (copies with new ids and shifted dates; default 10); 20 checkers while an ingest
// runs. Cluster settings: the harness's (fsync off: a benchmark, not a newsroom) with more memory.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawn } from 'child_process';
import { Client } from 'pg';
import { analyze, MemoryIndex, CorpusArticle } from '../server/src/core/api';
import { startCluster, Cluster } from '../test/helpers/pg-cluster';
import { migrate } from '../server/src/archive/schema';
import { ingest, IngestReport } from '../server/src/archive/ingest';
import { Archive } from '../server/src/archive/archive';

export interface DatabaseBenchInput {
  ant: string; seeds: string;
  /** The local index of [ant, seeds], for the comparison. */
  index: MemoryIndex;
  /** ANT's articles (copied for the scale rows). */
  articles: CorpusArticle[];
  drafts: string[];
  scale: number;
  log(s: string): void;
}
export type Row = [string, string, string];

const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const p50p95 = (xs: number[]) => ({ p50: +pct(xs, 0.5).toFixed(1), p95: +pct(xs, 0.95).toFixed(1) });
const since = (t: number) => performance.now() - t;
const seen = (r: ReturnType<typeof analyze>) => JSON.stringify([r.findings, r.figures, r.attributions]);

async function freshDatabase(cluster: Cluster, name: string) {
  await cluster.createDatabase(name);
  const urls = { writer: cluster.url('writer', 'socket', name), reader: cluster.url('reader', 'socket', name) };
  const c = new Client({ connectionString: urls.writer });
  await c.connect();
  await migrate(c);
  await c.end();
  return urls;
}

async function timedIngest(url: string, paths: string[], log: (s: string) => void): Promise<IngestReport> {
  const write = new Client({ connectionString: url }), look = new Client({ connectionString: url });
  await write.connect(); await look.connect();
  let last = 0;
  try {
    return await ingest(write, look, { paths, onProgress: p => { if (p.read - last >= 20_000) { last = p.read; log(`  ${p.read} articles…`); } } });
  } finally {
    await write.end(); await look.end();
  }
}

async function databaseSize(url: string): Promise<{ totalMB: number; tables: Record<string, number> }> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const total = (await c.query('SELECT pg_database_size(current_database()) AS b')).rows[0].b;
    const { rows } = await c.query(`SELECT relname, pg_total_relation_size(oid) AS b FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace`);
    return { totalMB: Math.round(Number(total) / 1e6), tables: Object.fromEntries(rows.map(r => [r.relname, Math.round(Number(r.b) / 1e6)])) };
  } finally {
    await c.end();
  }
}

/** Each draft checked locally and against the archive, alternately (load on the machine hits both alike). */
async function compareChecks(archive: Archive, index: MemoryIndex, drafts: string[]) {
  const local: number[] = [], first: number[] = [], again: number[] = [];
  let differences = 0;
  for (const d of drafts) {
    let t = performance.now();
    const want = analyze(d, index, {}, { today: '2018-12-31' });
    local.push(since(t));
    t = performance.now();
    const got = await archive.check(d, {}, { today: '2018-12-31' });
    first.push(since(t));
    if (seen(got.result) !== seen(want)) differences++;
  }
  for (const d of drafts) {
    const t = performance.now();
    await archive.check(d, {}, { today: '2018-12-31' });
    again.push(since(t));
  }
  return { local: p50p95(local), first: p50p95(first), again: p50p95(again), differences, drafts: drafts.length };
}

/** ANT again as copy k: new ids, dates k years on. */
function writeCopy(articles: CorpusArticle[], k: number, dir: string): string {
  const file = path.join(dir, `ant-copy-${k}.jsonl`);
  const shift = (d?: string) => (d && /^\d{4}-/.test(d) ? `${Number(d.slice(0, 4)) + k}${d.slice(4)}` : d);
  fs.writeFileSync(file, articles.map(a => JSON.stringify({ id: `${a.id}~${k}`, outlet: a.outlet, url: a.url, title: a.title, date: shift(a.date), text: a.text })).join('\n') + '\n');
  return file;
}

/** `n` editors, each its own process with its own connection (bench/checker.ts), checking drafts until `until`
 * settles: in one process their analyses would starve the ingest of its event loop. */
async function checkers(url: string, drafts: string[], n: number, until: Promise<unknown>, tmp: string) {
  const file = path.join(tmp, 'checker-drafts.json');
  fs.writeFileSync(file, JSON.stringify(drafts));
  const editors = Array.from({ length: n }, (_, i) => spawn(process.execPath, [path.join(__dirname, 'pg-checker.js'), url, file, String(i)], { stdio: ['pipe', 'pipe', 'inherit'] }));
  const reports = editors.map(p => new Promise<{ times: number[]; errors: string[] }>(resolve => {
    let out = '';
    p.stdout!.on('data', d => { out += d; });
    p.on('close', code => { try { resolve(JSON.parse(out)); } catch { resolve({ times: [], errors: [`checker exited ${code} with no report`] }); } });
  }));
  await until.catch(() => undefined);
  for (const p of editors) p.stdin!.end();
  const all = await Promise.all(reports);
  const times = all.flatMap(r => r.times), errors = all.flatMap(r => r.errors);
  return { checks: times.length, errors, latency: times.length ? p50p95(times) : { p50: NaN, p95: NaN } };
}

/** Every article exactly once, and the corpus counts those of the rows. */
async function exactlyOnce(url: string, expected: number) {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query(`SELECT (SELECT count(*) FROM article)::int AS articles, (SELECT count(DISTINCT key) FROM article)::int AS keys,
      (SELECT articles FROM archive_state)::int AS counted, (SELECT live_sentences FROM archive_state)::int AS sentences, (SELECT count(*) FROM sentence)::int AS rows`);
    const r = rows[0];
    return r.articles === expected && r.keys === expected && r.counted === expected && r.sentences === r.rows;
  } finally {
    await c.end();
  }
}

async function scaleRows(cluster: Cluster, i: DatabaseBenchInput, tmp: string) {
  const copies = Array.from({ length: i.scale - 1 }, (_, k) => writeCopy(i.articles, k + 1, tmp));
  const db = await freshDatabase(cluster, 'ant_scaled');
  i.log(`ingest ${i.scale}× ANT…`);
  const ing = await timedIngest(db.writer, [i.ant, ...copies, i.seeds], i.log);
  const size = await databaseSize(db.writer);
  const archive = new Archive({ url: db.reader, timeoutMs: 30_000 });
  const checks: number[] = [];
  for (const d of i.drafts) { const t = performance.now(); await archive.check(d, {}, { today: '2018-12-31' }); checks.push(since(t)); }
  await archive.close();
  i.log('20 checkers while another copy is ingested…');
  const extra = writeCopy(i.articles, i.scale, tmp);
  const running = timedIngest(db.writer, [extra], i.log);
  const busy = await checkers(db.reader, i.drafts, 20, running, tmp);
  const extraReport = await running;
  const once = await exactlyOnce(db.writer, ing.added + extraReport.added);
  return { articles: ing.added, ingestSeconds: ing.seconds, sizeMB: size.totalMB, check: p50p95(checks), busy, extraSeconds: extraReport.seconds, once };
}

export async function databaseBench(i: DatabaseBenchInput): Promise<{ rows: Row[]; result: Record<string, unknown> }> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-bench-db-'));
  const cluster = await startCluster({ settings: { shared_buffers: '1GB', work_mem: '32MB', maintenance_work_mem: '512MB', max_wal_size: '8GB', max_connections: 100 } });
  try {
    const db = await freshDatabase(cluster, 'ant');
    i.log('ingest ANT into PostgreSQL…');
    const ing = await timedIngest(db.writer, [i.ant, i.seeds], i.log);
    const size = await databaseSize(db.writer);
    i.log('full checks: local index and archive…');
    const archive = new Archive({ url: db.reader, timeoutMs: 30_000 });
    await archive.check(i.drafts[0], {}); // connect, warm up
    const cmp = await compareChecks(archive, i.index, i.drafts);
    await archive.close();
    const scaled = i.scale > 1 ? await scaleRows(cluster, i, tmp) : undefined;
    const ratio = (x: number) => `${(x / cmp.local.p95).toFixed(2)}× local`;
    const rows: Row[] = [
      [`db: ingest ANT (${ing.added} articles)`, `${ing.seconds.toFixed(1)} s`, '≤ 60 s'],
      ['db: database size for ANT', `${size.totalMB} MB (${Object.entries(size.tables).sort((a, b) => b[1] - a[1]).map(([t, mb]) => `${t} ${mb}`).join(', ')})`, 'reported'],
      ['db: full check, local index (same drafts)', `p50 ${cmp.local.p50} ms, p95 ${cmp.local.p95} ms`, ''],
      ['db: full check, ANT in PostgreSQL', `p50 ${cmp.first.p50} ms, p95 ${cmp.first.p95} ms (${ratio(cmp.first.p95)})`, 'p95 ≤ 50 ms, ≤ 2× local'],
      ['db: the same drafts again (rows cached)', `p50 ${cmp.again.p50} ms, p95 ${cmp.again.p95} ms (${ratio(cmp.again.p95)})`, ''],
      [`db: findings differing from the local index`, `${cmp.differences} of ${cmp.drafts} drafts`, '0'],
    ];
    if (scaled) {
      rows.push(
        [`db: ingest ${i.scale}× ANT (${scaled.articles} articles)`, `${(scaled.ingestSeconds / 60).toFixed(1)} min, ${scaled.sizeMB} MB`, '≤ 10 min'],
        [`db: full check, ${i.scale}× ANT`, `p50 ${scaled.check.p50} ms, p95 ${scaled.check.p95} ms`, 'p95 ≤ 100 ms'],
        ['db: 20 checkers while ingest runs', `${scaled.busy.checks} checks, ${scaled.busy.errors.length} errors, p95 ${scaled.busy.latency.p95} ms; every article once: ${scaled.once ? 'yes' : 'NO'}`, 'no errors; exactly once'],
      );
    }
    return { rows, result: { ingest: ing, size, checks: cmp, scaled } };
  } finally {
    await cluster.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
