// The database tests' archive: one throwaway PostgreSQL cluster per test run (each test file is its own bundle, so
// the cluster is shared through globalThis), a fresh database per test file with the archive's schema, and ingest
// through the library (or the CLI, where a test needs a process to kill).
import * as fs from 'fs';
import * as path from 'path';
import * as readline from 'readline';
import * as zlib from 'zlib';
import { Client } from 'pg';
import { startCluster, Cluster } from './pg-cluster';
import { migrate } from '../../server/src/archive/schema';
import { ingest, IngestOptions, IngestReport } from '../../server/src/archive/ingest';
import { ROOT } from './seeds';

export const ANT = path.resolve(ROOT, '../shared/corpora/ant-2018.jsonl.gz');

const KEY = Symbol.for('isnad.test.cluster');
type Global = { [KEY]?: Promise<Cluster> };

function shared(): Promise<Cluster> {
  const g = globalThis as Global;
  // TCP too: a login over TCP needs a password (the editor's secret storage is tested that way).
  return (g[KEY] ??= startCluster({ tcp: true, settings: { shared_buffers: '128MB' } }));
}

// Root hook: after every test file has run, the cluster goes (clients are closed by then).
after(async () => {
  const g = globalThis as Global;
  const c = g[KEY];
  g[KEY] = undefined;
  await (await c?.catch(() => undefined))?.stop();
});

export interface TestArchive { cluster: Cluster; name: string; writerUrl: string; readerUrl: string; adminUrl: string }

let count = 0;
/** A new database with the archive's tables (`name` says which test file it serves). */
export async function testArchive(name: string): Promise<TestArchive> {
  const cluster = await shared();
  const db = `${name.replace(/\W/g, '_')}_${process.pid}_${++count}`;
  await cluster.createDatabase(db);
  const a = { cluster, name: db, writerUrl: cluster.url('writer', 'socket', db), readerUrl: cluster.url('reader', 'socket', db), adminUrl: cluster.url('admin', 'socket', db) };
  await withClient(a.writerUrl, c => migrate(c));
  return a;
}

export async function withClient<T>(url: string, work: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try { return await work(c); } finally { await c.end(); }
}

/** Ingests through the library, on two writer connections. */
export async function ingestInto(a: TestArchive, opts: IngestOptions): Promise<IngestReport> {
  const write = new Client({ connectionString: a.writerUrl }), look = new Client({ connectionString: a.writerUrl });
  await write.connect(); await look.connect();
  try { return await ingest(write, look, opts); } finally { await write.end(); await look.end(); }
}

/** The first `n` articles of the ANT corpus (read streaming from ../shared, never copied into the repository),
 * written to `file` as a JSONL archive. */
export async function antSample(file: string, n: number, from = 0): Promise<string> {
  const lines = readline.createInterface({ input: fs.createReadStream(ANT).pipe(zlib.createGunzip()), crlfDelay: Infinity });
  const out: string[] = [];
  let i = 0;
  for await (const line of lines) {
    if (i++ < from || !line.trim()) continue;
    out.push(line);
    if (out.length >= n) break;
  }
  lines.close();
  fs.writeFileSync(file, out.join('\n') + '\n');
  return file;
}

/** What does not add up in an archive (empty when consistent): every article whole, postings and document
 * frequencies those of its sentences, the corpus counts those of its rows. */
export async function inconsistencies(url: string): Promise<string[]> {
  return withClient(url, async c => {
    const q = async (sql: string) => Number((await c.query(sql)).rows[0].n);
    const out: string[] = [];
    const check = (what: string, n: number) => { if (n) out.push(`${what}: ${n}`); };
    check('articles missing sentences', await q('SELECT count(*) AS n FROM article a WHERE a.sentence_count <> (SELECT count(*) FROM sentence s WHERE s.article_id = a.id)'));
    const words = 'SELECT DISTINCT t, s.id FROM sentence s, unnest(s.terms) t';
    check('postings not of a sentence word', await q(`SELECT count(*) AS n FROM (SELECT term_id, sentence_id FROM posting EXCEPT ${words}) x`));
    check('sentence words without a posting', await q(`SELECT count(*) AS n FROM (${words} EXCEPT SELECT term_id, sentence_id FROM posting) x`));
    check('wrong document frequencies', await q(`SELECT count(*) AS n FROM term t LEFT JOIN (SELECT term_id, count(*) AS n FROM posting GROUP BY term_id) p
      ON p.term_id = t.id WHERE t.df <> coalesce(p.n, 0)`));
    check('figures without their sentence', await q('SELECT count(*) AS n FROM figure f WHERE NOT EXISTS (SELECT 1 FROM sentence s WHERE s.id = f.sentence_id AND s.article_id = f.article_id)'));
    check('corpus counts off', await q(`SELECT (s.articles <> (SELECT count(*) FROM article))::int + (s.live_sentences <> (SELECT count(*) FROM sentence))::int
      + (s.total_terms <> (SELECT coalesce(sum(cardinality(terms)), 0) FROM sentence))::int AS n FROM archive_state s`));
    return out;
  });
}
