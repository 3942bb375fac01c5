// npm run bench:pg: PostgreSQL 15 measurements for the shared-archive design (see PG-NOTES.md), on throwaway
// clusters from test/helpers/pg-cluster.ts. Never part of npm test.
//   cluster start/stop; bulk ingest from Node (multi-row INSERT, INSERT … SELECT FROM unnest(arrays), COPY
//   through pg-copy-streams and through a few lines on pg's own connection); LISTEN/NOTIFY round trips;
//   sentences containing any of a few terms: a GIN index on an int[] column vs a postings table.
// Options: --quick (a tenth of the rows, one repetition), --only=start,ingest,notify,retrieval,
//   --durable (ingest also on a cluster with fsync, full_page_writes, synchronous_commit and wal_level=replica).
// Prints a report on stdout and writes the numbers to bench/results/pg-<time>.json.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { once } from 'events';
import { createRequire } from 'module';
import { Readable, Writable } from 'stream';
import { pipeline } from 'stream/promises';
import { Client, Submittable } from 'pg';
import { startCluster } from '../test/helpers/pg-cluster';

const ROOT = path.resolve(__dirname, '../..');
const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const DURABLE = args.includes('--durable');
const ONLY = new Set((args.find(a => a.startsWith('--only='))?.slice(7) ?? 'start,ingest,notify,retrieval').split(','));
const SCALE = QUICK ? 0.1 : 1;
const REPS = QUICK ? 1 : 5;
const results: Record<string, unknown> = { machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version }, quick: QUICK };
const out = (s = '') => process.stdout.write(s + '\n');
const now = () => Number(process.hrtime.bigint()) / 1e6;
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const f1 = (x: number) => x.toFixed(1);
const f2 = (x: number) => x.toFixed(2);

// Seeded generator (mulberry32): the same data on every run.
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Arabic words from the bundled seeds, for sentences of about 100 characters.
const WORDS = (() => {
  const set = new Set<string>();
  for (const f of fs.readdirSync(path.join(ROOT, 'seeds'))) {
    for (const w of fs.readFileSync(path.join(ROOT, 'seeds', f), 'utf8').split(/\s+/)) if (/^[\u0621-\u064a]{2,}$/.test(w)) set.add(w);
  }
  return [...set];
})();
function sentence(r: () => number, i: number): string {
  let s = '';
  while (s.length < 95) s += (s ? ' ' : '') + WORDS[Math.floor(r() * WORDS.length)];
  // Now and then the characters that COPY's text format must escape, and a quote for array literals.
  return i % 997 === 0 ? s + ' \\ «"» \t' : s;
}

// ---- tables and loaders ----------------------------------------------------------------------------
interface Table { name: string; ddl: string; cols: string[]; types: string[]; n: number; gen(): unknown[][] /* column-wise */ }

function tableA(n: number): Table {
  return {
    name: 'sent_a', n, cols: ['id', 'article_id', 'pos', 'text'], types: ['int4', 'int4', 'int4', 'text'],
    ddl: 'CREATE TABLE sent_a (id int PRIMARY KEY, article_id int NOT NULL, pos int NOT NULL, text text NOT NULL)',
    gen() {
      const r = rng(1); const id: number[] = [], art: number[] = [], pos: number[] = [], text: string[] = [];
      for (let i = 0; i < n; i++) { id.push(i + 1); art.push(Math.floor(i / 20) + 1); pos.push(i % 20); text.push(sentence(r, i)); }
      return [id, art, pos, text];
    },
  };
}
function tableB(n: number): Table {
  return {
    name: 'fig_b', n, cols: ['sentence_id', 'article_id', 'value', 'measure', 'unit'], types: ['int4', 'int4', 'float8', 'int2', 'int4'],
    ddl: 'CREATE TABLE fig_b (sentence_id int NOT NULL, article_id int NOT NULL, value float8 NOT NULL, measure smallint NOT NULL, unit int NOT NULL)',
    gen() {
      const r = rng(2); const c: number[][] = [[], [], [], [], []];
      for (let i = 0; i < n; i++) {
        c[0].push(1 + Math.floor(r() * 500_000)); c[1].push(1 + Math.floor(r() * 25_000));
        c[2].push(r() < 0.5 ? Math.floor(r() * 100_000) : Math.round(r() * 1e6) / 100); c[3].push(Math.floor(r() * 40)); c[4].push(Math.floor(r() * 12));
      }
      return c;
    },
  };
}

// COPY's text format: tab-separated, \N for null, backslash escapes.
const copyText = (v: unknown): string => {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return `{${v.join(',')}}`; // int arrays only
  const s = String(v);
  return /[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, c => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : s;
};
function* copyChunks(cols: unknown[][], n: number, rowsPerChunk = 2000): Generator<Buffer> {
  for (let i = 0; i < n; i += rowsPerChunk) {
    let s = '';
    for (let j = i; j < Math.min(n, i + rowsPerChunk); j++) {
      for (let k = 0; k < cols.length; k++) s += (k ? '\t' : '') + copyText(cols[k][j]);
      s += '\n';
    }
    yield Buffer.from(s, 'utf8');
  }
}

// COPY … FROM STDIN on pg's own connection, without pg-copy-streams: pg runs any object with submit() as a
// query and hands it the protocol messages (CopyInResponse, CommandComplete, ErrorResponse, ReadyForQuery).
interface CopyConnection { query(text: string): void; sendCopyFromChunk(b: Buffer): void; endCopyFrom(): void; sendCopyFail(msg: string): void; stream: Writable }
class CopyIn implements Submittable {
  readonly done: Promise<number>;
  private resolve!: (n: number) => void;
  private reject!: (e: Error) => void;
  private rows = 0;
  constructor(private readonly sql: string, private readonly chunks: Iterable<Buffer> | AsyncIterable<Buffer>) {
    this.done = new Promise((res, rej) => { this.resolve = res; this.reject = rej; });
  }
  submit(connection: unknown): void { (connection as CopyConnection).query(this.sql); }
  handleCopyInResponse(connection: unknown): void { void this.pump(connection as CopyConnection); }
  private async pump(con: CopyConnection): Promise<void> {
    try {
      for await (const chunk of this.chunks) {
        con.sendCopyFromChunk(chunk);
        if (con.stream.writableNeedDrain) await once(con.stream, 'drain');
      }
      con.endCopyFrom();
    } catch (e) {
      con.sendCopyFail(String((e as Error).message ?? e)); // the server answers with an error: handleError
    }
  }
  handleCommandComplete(msg: { text?: string }): void { const m = /^COPY (\d+)/.exec(msg.text ?? ''); if (m) this.rows = Number(m[1]); }
  handleReadyForQuery(): void { this.resolve(this.rows); }
  handleError(e: Error): void { this.reject(e); }
  handleCopyData(): void { /* COPY FROM only */ }
}
function copyIn(c: Client, sql: string, chunks: Iterable<Buffer> | AsyncIterable<Buffer>): Promise<number> {
  const q = new CopyIn(sql, chunks);
  c.query(q);
  return q.done;
}

// pg-copy-streams is installed into bench/.deps-pg by bench/pg.sh (not a project dependency).
const depRequire = createRequire(path.join(ROOT, 'bench/.deps-pg/index.js'));
let copyStreams: { from(sql: string): Submittable & Writable } | undefined;
try { copyStreams = depRequire('pg-copy-streams'); } catch { /* measured only when installed */ }

type Loader = { name: string; load(c: Client, t: Table, cols: unknown[][]): Promise<void> };
const loaders: Loader[] = [
  ...[1000, 5000].map(batch => ({
    name: `multi-row INSERT, ${batch} rows/stmt`,
    async load(c: Client, t: Table, cols: unknown[][]) {
      const k = cols.length;
      const text = (m: number) => `INSERT INTO ${t.name} (${t.cols.join(', ')}) VALUES ` +
        Array.from({ length: m }, (_, i) => `(${Array.from({ length: k }, (_, j) => `$${i * k + j + 1}`).join(', ')})`).join(', ');
      const full = text(batch);
      for (let i = 0; i < t.n; i += batch) {
        const m = Math.min(batch, t.n - i);
        const params: unknown[] = new Array(m * k);
        for (let r = 0; r < m; r++) for (let j = 0; j < k; j++) params[r * k + j] = cols[j][i + r];
        if (m === batch) await c.query({ name: `ins_${t.name}_${batch}`, text: full, values: params });
        else await c.query(text(m), params);
      }
    },
  })),
  ...[10_000, 100_000].map(batch => ({
    name: `INSERT … SELECT unnest(arrays), ${batch / 1000}k rows/stmt`,
    async load(c: Client, t: Table, cols: unknown[][]) {
      const sql = `INSERT INTO ${t.name} (${t.cols.join(', ')}) SELECT * FROM unnest(${t.types.map((ty, j) => `$${j + 1}::${ty}[]`).join(', ')})`;
      for (let i = 0; i < t.n; i += batch) await c.query({ name: `unnest_${t.name}`, text: sql, values: cols.map(col => col.slice(i, i + batch)) });
    },
  })),
  ...(copyStreams ? [{
    name: 'COPY FROM STDIN, pg-copy-streams',
    async load(c: Client, t: Table, cols: unknown[][]) {
      const stream = c.query(copyStreams!.from(`COPY ${t.name} (${t.cols.join(', ')}) FROM STDIN`));
      await pipeline(Readable.from(copyChunks(cols, t.n)), stream);
    },
  }] : []),
  {
    name: 'COPY FROM STDIN, on pg\'s connection',
    async load(c: Client, t: Table, cols: unknown[][]) {
      const n = await copyIn(c, `COPY ${t.name} (${t.cols.join(', ')}) FROM STDIN`, copyChunks(cols, t.n));
      if (n !== t.n) throw new Error(`COPY reported ${n} rows`);
    },
  },
];

async function checksum(c: Client, t: Table): Promise<string> {
  const textCol = t.types.indexOf('text');
  const agg = textCol >= 0 ? `sum(length(${t.cols[textCol]}))` : `sum(${t.cols[2]}::numeric)`; // numeric: a float sum depends on the order
  const { rows } = await c.query(`SELECT count(*)::text AS n, (${agg})::text AS s, sum(${t.cols[0]})::text AS ids FROM ${t.name}`);
  return `${rows[0].n}/${rows[0].s}/${rows[0].ids}`;
}

async function ingest(label: string, settings: Record<string, string | number>): Promise<unknown> {
  const cluster = await startCluster({ settings });
  const c = new Client(cluster.config('writer')), admin = new Client(cluster.config('admin'));
  await c.connect(); await admin.connect();
  const tables = [tableA(Math.round(500_000 * SCALE)), tableB(Math.round(300_000 * SCALE))];
  const res: Record<string, Record<string, unknown>> = {};
  try {
    for (const t of tables) {
      await c.query(t.ddl);
      const cols = t.gen();
      const bytes = Buffer.concat([...copyChunks(cols, t.n)]).length;
      out(`\n${label}: ${t.n.toLocaleString('en')} rows into ${t.name} (${t.types.join(', ')}${t.name === 'sent_a' ? ', primary key on id' : ', no index'}); ${f1(bytes / 2 ** 20)} MB as COPY text`);
      out('| method | median s | rows/s | MB/s | Node CPU s | all runs s |');
      out('|---|---:|---:|---:|---:|---|');
      let expected: string | undefined;
      res[t.name] = {};
      // Round robin (every method once, then again): load from elsewhere on the machine hits all alike.
      const times = loaders.map(() => [] as number[]), cpu = loaders.map(() => [] as number[]);
      for (let rep = 0; rep < REPS; rep++) {
        for (const [i, l] of loaders.entries()) {
          await c.query(`TRUNCATE ${t.name}`);
          await admin.query('CHECKPOINT'); // the previous run's dirty pages are not this one's work
          const u0 = process.cpuUsage(); const t0 = now();
          await c.query('BEGIN');
          await l.load(c, t, cols);
          await c.query('COMMIT');
          times[i].push((now() - t0) / 1000);
          const u = process.cpuUsage(u0); cpu[i].push((u.user + u.system) / 1e6);
          const sum = await checksum(c, t);
          if (expected === undefined) expected = sum;
          else if (sum !== expected) throw new Error(`${l.name}: checksum ${sum}, expected ${expected}`);
        }
      }
      for (const [i, l] of loaders.entries()) {
        const m = median(times[i]);
        res[t.name][l.name] = { seconds: times[i], rowsPerSecond: Math.round(t.n / m), nodeCpuSeconds: median(cpu[i]) };
        out(`| ${l.name} | ${f2(m)} | ${Math.round(t.n / m).toLocaleString('en')} | ${f1(bytes / 2 ** 20 / m)} | ${f2(median(cpu[i]))} | ${times[i].map(f2).join(', ')} |`);
      }
    }
  } finally {
    await c.end(); await admin.end();
    await cluster.stop();
  }
  return res;
}

async function startStop(): Promise<void> {
  out('\n## Cluster start and stop');
  const runs: { initdbMs: number; startMs: number; setupMs: number; totalMs: number; stopMs: number }[] = [];
  for (let i = 0; i < (QUICK ? 2 : 5); i++) {
    const t0 = now();
    const cl = await startCluster();
    const totalMs = now() - t0;
    const t1 = now();
    await cl.stop();
    runs.push({ ...cl.timings, totalMs: Math.round(totalMs), stopMs: Math.round(now() - t1) });
  }
  const med = (k: keyof typeof runs[0]) => Math.round(median(runs.map(r => r[k])));
  out(`startCluster() median ${med('totalMs')} ms (initdb ${med('initdbMs')} ms, postgres to first connection ${med('startMs')} ms, database and roles ${med('setupMs')} ms); stop() median ${med('stopMs')} ms. Runs: ${runs.map(r => `${r.totalMs}+${r.stopMs}`).join(', ')} ms`);
  results.startStop = runs;
}

async function notifyRoundTrips(): Promise<void> {
  out('\n## LISTEN/NOTIFY');
  const cluster = await startCluster();
  const listener = new Client(cluster.config('reader')), sender = new Client(cluster.config('writer'));
  await listener.connect(); await sender.connect();
  try {
    await listener.query('LISTEN archive_changed');
    let wake: ((payload: string) => void) | undefined;
    listener.on('notification', m => wake?.(m.payload ?? ''));
    const lat: number[] = [];
    const n = QUICK ? 200 : 2000;
    for (let i = 0; i < n; i++) {
      const got = new Promise<string>(r => { wake = r; });
      const t0 = now();
      await sender.query('SELECT pg_notify($1, $2)', ['archive_changed', JSON.stringify({ article: i })]);
      const payload = await got;
      lat.push(now() - t0);
      if (JSON.parse(payload).article !== i) throw new Error('notification out of order');
    }
    // Also: NOTIFY sent from the writer's transaction is delivered only at its commit.
    const burstN = QUICK ? 1000 : 10_000;
    let seen = 0;
    const all = new Promise<void>(r => { wake = () => { if (++seen === burstN) r(); }; });
    const t0 = now();
    await sender.query('BEGIN');
    await sender.query('SELECT pg_notify($1, i::text) FROM generate_series(1, $2::int) i', ['archive_changed', burstN]);
    await sender.query('COMMIT');
    await all;
    const burstMs = now() - t0;
    out(`round trip (pg_notify by one client until another's notification event), ${n} sequential: p50 ${f2(pct(lat, 0.5))} ms, p95 ${f2(pct(lat, 0.95))} ms, p99 ${f2(pct(lat, 0.99))} ms, max ${f2(Math.max(...lat))} ms`);
    out(`${burstN} notifications in one transaction, all delivered ${f1(burstMs)} ms after BEGIN (${Math.round(burstN / burstMs * 1000).toLocaleString('en')}/s)`);
    results.notify = { p50: pct(lat, 0.5), p95: pct(lat, 0.95), p99: pct(lat, 0.99), max: Math.max(...lat), burst: { n: burstN, ms: burstMs } };
  } finally {
    await listener.end(); await sender.end(); await cluster.stop();
  }
}

async function retrieval(): Promise<void> {
  const N = Math.round(500_000 * SCALE), V = 100_000;
  out(`\n## Retrieval: sentences containing any of a few terms, ${N.toLocaleString('en')} sentences`);
  const cluster = await startCluster({ settings: { shared_buffers: '512MB', maintenance_work_mem: '512MB', work_mem: '16MB' } });
  const c = new Client(cluster.config('writer'));
  await c.connect();
  const timings: Record<string, number> = {};
  const time = async (what: string, sql: string, params: unknown[] = []) => { const t0 = now(); await c.query(sql, params); timings[what] = (now() - t0) / 1000; };
  try {
    // Term ids follow a Zipf law (weight 1/(rank+20): the stop words are gone); 8–16 distinct terms a sentence.
    const cdf = new Float64Array(V);
    let acc = 0;
    for (let r = 0; r < V; r++) { acc += 1 / (r + 21); cdf[r] = acc; }
    const r = rng(3), df = new Int32Array(V + 1);
    const sample = () => { const x = r() * acc; let lo = 0, hi = V - 1; while (lo < hi) { const mid = (lo + hi) >> 1; if (cdf[mid] < x) lo = mid + 1; else hi = mid; } return lo + 1; };
    let postings = 0;
    function* rows(): Generator<Buffer> {
      const tr = rng(4);
      for (let i = 0; i < N; i += 2000) {
        let s = '';
        for (let j = i; j < Math.min(N, i + 2000); j++) {
          const want = 8 + Math.floor(r() * 9), set = new Set<number>();
          while (set.size < want) set.add(sample());
          const terms = [...set].sort((a, b) => a - b);
          for (const t of terms) df[t]++;
          postings += terms.length;
          s += `${j + 1}\t${Math.floor(j / 20) + 1}\t${copyText(sentence(tr, j))}\t{${terms.join(',')}}\n`;
        }
        yield Buffer.from(s, 'utf8');
      }
    }
    await c.query('CREATE TABLE sent_r (id int PRIMARY KEY, article_id int NOT NULL, text text NOT NULL, terms int[] NOT NULL)');
    {
      const t0 = now();
      await copyIn(c, 'COPY sent_r (id, article_id, text, terms) FROM STDIN', rows());
      timings['load sentences with terms (COPY)'] = (now() - t0) / 1000;
    }
    await time('GIN index on terms', 'CREATE INDEX sent_r_terms ON sent_r USING gin (terms)');
    await c.query('CREATE TABLE posting (term_id int NOT NULL, sentence_id int NOT NULL)');
    await time('postings from terms (INSERT … SELECT unnest)', 'INSERT INTO posting (term_id, sentence_id) SELECT unnest(terms), id FROM sent_r');
    await time('postings primary key (term_id, sentence_id)', 'ALTER TABLE posting ADD PRIMARY KEY (term_id, sentence_id)');
    // A third layout: one row per term with its sentence ids as an array (compact, but appending to a
    // frequent term rewrites its whole array: measured for size and reads only).
    await time('per-term id arrays (INSERT … SELECT array_agg)', 'CREATE TABLE term_ids AS SELECT t AS term_id, array_agg(id ORDER BY id) AS ids FROM (SELECT unnest(terms) AS t, id FROM sent_r) x GROUP BY t');
    await time('per-term id arrays primary key', 'ALTER TABLE term_ids ADD PRIMARY KEY (term_id)');
    await time('VACUUM ANALYZE', 'VACUUM ANALYZE sent_r, posting, term_ids');
    const size = async (sql: string) => Number((await c.query(sql)).rows[0].b) / 2 ** 20;
    const sizes = {
      'sent_r heap (with terms)': await size("SELECT pg_table_size('sent_r') AS b"),
      'GIN index': await size("SELECT pg_relation_size('sent_r_terms') AS b"),
      'postings heap': await size("SELECT pg_table_size('posting') AS b"),
      'postings primary key': await size("SELECT pg_relation_size('posting_pkey') AS b"),
      'per-term id arrays (heap and TOAST, with key)': await size("SELECT pg_total_relation_size('term_ids') AS b"),
    };
    out(`${postings.toLocaleString('en')} postings (term, sentence); vocabulary ${V.toLocaleString('en')} terms.`);
    out('| step | seconds |\n|---|---:|');
    for (const [k, v] of Object.entries(timings)) out(`| ${k} | ${f1(v)} |`);
    out('| relation | MB |\n|---|---:|');
    for (const [k, v] of Object.entries(sizes)) out(`| ${k} | ${f1(v)} |`);

    // Query term sets by document frequency.
    const byDf = (lo: number, hi: number) => { const xs: number[] = []; for (let t = 1; t <= V; t++) if (df[t] >= lo && df[t] <= hi) xs.push(t); return xs; };
    const band = { rare: [Math.max(2, Math.round(20 * SCALE)), Math.round(300 * SCALE)], mid: [Math.round(1000 * SCALE), Math.round(5000 * SCALE)], frequent: [Math.round(20_000 * SCALE), N] };
    const rare = byDf(band.rare[0], band.rare[1]), mid = byDf(band.mid[0], band.mid[1]), frequent = byDf(band.frequent[0], band.frequent[1]);
    const k = (x: number) => (x >= 1000 ? `${x / 1000}k` : String(x));
    const qr = rng(5), pick = (xs: number[], k: number) => { const s = new Set<number>(); while (s.size < k) s.add(xs[Math.floor(qr() * xs.length)]); return [...s]; };
    const Q = QUICK ? 20 : 50;
    const classes: Record<string, number[][]> = {
      [`8 rare terms (df ${k(band.rare[0])}–${k(band.rare[1])})`]: Array.from({ length: Q }, () => pick(rare, 8)),
      [`4 mid terms (df ${k(band.mid[0])}–${k(band.mid[1])})`]: Array.from({ length: Q }, () => pick(mid, 4)),
      [`3 rare + 1 frequent (df ≥ ${k(band.frequent[0])}; ${frequent.length} such terms)`]: Array.from({ length: Q }, () => [...pick(rare, 3), ...pick(frequent, 1)]),
    };
    const rc = new Client(cluster.config('reader'));
    await rc.connect();
    const queries: Record<string, string> = {
      'GIN: ids': 'SELECT id FROM sent_r WHERE terms && $1::int[]',
      'postings: ids': 'SELECT DISTINCT sentence_id FROM posting WHERE term_id = ANY($1::int[])',
      'GIN: sentences (id, article, text)': 'SELECT id, article_id, text FROM sent_r WHERE terms && $1::int[]',
      'postings: sentences (id, article, text), IN (subquery)': 'SELECT s.id, s.article_id, s.text FROM sent_r s WHERE s.id IN (SELECT sentence_id FROM posting WHERE term_id = ANY($1::int[]))',
      'postings: sentences (id, article, text), id = ANY(ARRAY(subquery))': 'SELECT s.id, s.article_id, s.text FROM sent_r s WHERE s.id = ANY(ARRAY(SELECT DISTINCT sentence_id FROM posting WHERE term_id = ANY($1::int[])))',
      'per-term arrays: ids': 'SELECT DISTINCT unnest(ids) AS id FROM term_ids WHERE term_id = ANY($1::int[])',
      'per-term arrays: top 50 by matched terms, with text': 'SELECT s.id, s.article_id, s.text, p.hits FROM (SELECT id, count(*) AS hits FROM term_ids, unnest(ids) AS id WHERE term_id = ANY($1::int[]) GROUP BY id ORDER BY hits DESC, id LIMIT 50) p JOIN sent_r s ON s.id = p.id ORDER BY p.hits DESC, s.id',
      'GIN: top 50 by matched terms, with text': 'SELECT id, article_id, text, (SELECT count(*) FROM unnest(terms) t WHERE t = ANY($1::int[])) AS hits FROM sent_r WHERE terms && $1::int[] ORDER BY hits DESC, id LIMIT 50',
      'postings: top 50 by matched terms, with text': 'SELECT s.id, s.article_id, s.text, p.hits FROM (SELECT sentence_id, count(*) AS hits FROM posting WHERE term_id = ANY($1::int[]) GROUP BY sentence_id ORDER BY hits DESC, sentence_id LIMIT 50) p JOIN sent_r s ON s.id = p.sentence_id ORDER BY p.hits DESC, s.id',
    };
    const q: Record<string, Record<string, unknown>> = {};
    for (const [cls, sets] of Object.entries(classes)) {
      out(`\n${cls}, ${sets.length} queries (as the read-only role; warm cache, second of two passes):`);
      out('| query | p50 ms | p95 ms | mean rows |\n|---|---:|---:|---:|');
      q[cls] = {};
      for (const [name, sql] of Object.entries(queries)) {
        const lat: number[] = [];
        let rowsN = 0;
        for (let pass = 0; pass < 2; pass++) {
          for (const terms of sets) {
            const t0 = now();
            const res = await rc.query({ name: name.replace(/\W+/g, '_'), text: sql, values: [terms] });
            if (pass === 1) { lat.push(now() - t0); rowsN += res.rowCount ?? 0; }
          }
        }
        q[cls][name] = { p50: pct(lat, 0.5), p95: pct(lat, 0.95), meanRows: rowsN / sets.length };
        out(`| ${name} | ${f2(pct(lat, 0.5))} | ${f2(pct(lat, 0.95))} | ${Math.round(rowsN / sets.length).toLocaleString('en')} |`);
      }
      // The plans for one set, to see what ran.
      for (const name of Object.keys(queries)) {
        const plan = (await rc.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${queries[name]}`, [sets[0]])).rows.map(r => r['QUERY PLAN']).join('\n    ');
        q[cls][`plan ${name}`] = plan;
      }
    }
    await rc.end();
    results.retrieval = { sentences: N, vocabulary: V, postings, timings, sizesMB: sizes, queries: q };
  } finally {
    await c.end();
    await cluster.stop();
  }
}

async function main(): Promise<void> {
  out(`# PostgreSQL 15 measurements (${QUICK ? 'quick: a tenth of the rows' : 'full'}), ${os.cpus().length} cores, Node ${process.version}`);
  if (!copyStreams) out('(pg-copy-streams is not installed in bench/.deps-pg: run through `npm run bench:pg` to measure it)');
  if (ONLY.has('start')) await startStop();
  if (ONLY.has('ingest')) {
    out('\n## Bulk ingest (one transaction per load; the test cluster: fsync off, synchronous_commit off, wal_level minimal)');
    results.ingest = await ingest('test settings', { shared_buffers: '256MB' });
    if (DURABLE) {
      out('\n## Bulk ingest, durable settings (fsync on, full_page_writes on, synchronous_commit on, wal_level replica)');
      results.ingestDurable = await ingest('durable settings', { shared_buffers: '256MB', fsync: 'on', full_page_writes: 'on', synchronous_commit: 'on', wal_level: 'replica', max_wal_senders: 10, max_wal_size: '4GB' });
    }
  }
  if (ONLY.has('notify')) await notifyRoundTrips();
  if (ONLY.has('retrieval')) await retrieval();
  const dir = path.join(ROOT, 'bench/results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `pg-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, JSON.stringify(results, null, 2));
  out(`\n(numbers in ${path.relative(ROOT, file)})`);
}

main().catch(e => { console.error(e); process.exit(1); });
