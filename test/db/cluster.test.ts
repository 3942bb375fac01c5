// The throwaway PostgreSQL cluster (test/helpers/pg-cluster.ts): roles, privileges, TCP auth, stop and
// the sweep of clusters whose test process died.
import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Client } from 'pg';
import { startCluster, Cluster } from '../helpers/pg-cluster';

async function connect(url: string): Promise<Client> {
  const c = new Client({ connectionString: url });
  await c.connect();
  return c;
}

async function rejectsWith(p: Promise<unknown>, code: string, what: string): Promise<void> {
  await assert.rejects(p, (e: { code?: string; message?: string }) => {
    assert.strictEqual(e.code, code, `${what}: expected SQLSTATE ${code}, got ${e.code} (${e.message})`);
    return true;
  });
}

/** A process that exists and is not a zombie (an orphan's exit may wait for its reaper). */
function processAlive(pid: number): boolean {
  try { return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8')); } catch { return false; }
}

describe('PostgreSQL test cluster', function () {
  this.timeout(60_000);
  let cluster: Cluster;
  const clients: Client[] = [];
  const open = async (url: string) => { const c = await connect(url); clients.push(c); return c; };

  before(async () => { cluster = await startCluster({ tcp: true }); });
  after(async () => {
    await Promise.all(clients.map(c => c.end().catch(() => {})));
    await cluster?.stop();
  });

  it('the writer creates a table and inserts with a parameterised query', async () => {
    const w = await open(cluster.writerUrl);
    await w.query('CREATE TABLE sentence (id int PRIMARY KEY, article int NOT NULL, text text NOT NULL)');
    const r = await w.query('INSERT INTO sentence (id, article, text) VALUES ($1, $2, $3) RETURNING id', [1, 7, 'قتل 50 شخصا في غزة']);
    assert.deepStrictEqual(r.rows, [{ id: 1 }]);
    const me = await w.query('SELECT current_user AS u, current_database() AS d');
    assert.deepStrictEqual(me.rows[0], { u: cluster.roles.writer, d: 'archive' });
  });

  it('the reader reads what the writer created, and can write nothing', async () => {
    const r = await open(cluster.readerUrl);
    const { rows } = await r.query('SELECT article, text FROM sentence WHERE id = $1', [1]);
    assert.deepStrictEqual(rows, [{ article: 7, text: 'قتل 50 شخصا في غزة' }]);
    // 42501: insufficient_privilege, for each kind of write.
    await rejectsWith(r.query('INSERT INTO sentence (id, article, text) VALUES ($1, $2, $3)', [2, 7, 'x']), '42501', 'insert');
    await rejectsWith(r.query('UPDATE sentence SET text = $1 WHERE id = $2', ['x', 1]), '42501', 'update');
    await rejectsWith(r.query('DELETE FROM sentence WHERE id = $1', [1]), '42501', 'delete');
    await rejectsWith(r.query('TRUNCATE sentence'), '42501', 'truncate');
    await rejectsWith(r.query('CREATE TABLE mine (id int)'), '42501', 'create table');
    await rejectsWith(r.query('CREATE TEMP TABLE mine (id int)'), '42501', 'create temp table');
    await rejectsWith(r.query('CREATE SCHEMA mine'), '42501', 'create schema');
    await rejectsWith(r.query('SELECT setting FROM pg_settings WHERE name = $1 AND pg_reload_conf()', ['fsync']), '42501', 'reload');
    const still = await r.query('SELECT count(*)::int AS n FROM sentence');
    assert.strictEqual(still.rows[0].n, 1);
  });

  it('tables the writer creates later, in a new schema too, are readable by the reader', async () => {
    const w = await open(cluster.writerUrl);
    await w.query('CREATE SCHEMA ingest');
    await w.query('CREATE TABLE ingest.batch (id int)');
    await w.query('INSERT INTO ingest.batch SELECT * FROM unnest($1::int[])', [[1, 2, 3]]);
    const r = await open(cluster.readerUrl);
    assert.deepStrictEqual((await r.query('SELECT sum(id)::int AS s FROM ingest.batch')).rows, [{ s: 6 }]);
    await rejectsWith(r.query('INSERT INTO ingest.batch VALUES ($1)', [4]), '42501', 'insert into a later table');
  });

  it('over TCP the roles need their passwords', async () => {
    const r = await open(cluster.url('reader', 'tcp'));
    assert.strictEqual((await r.query('SELECT inet_server_addr()::text AS a')).rows[0].a, '127.0.0.1/32');
    const bad = new Client({ host: '127.0.0.1', port: cluster.port, user: cluster.roles.writer, password: 'wrong', database: cluster.database });
    await rejectsWith(bad.connect(), '28P01', 'wrong password'); // invalid_password
    await bad.end().catch(() => {});
  });

  it('stop() shuts the server down and removes its dir', async () => {
    await Promise.all(clients.splice(0).map(c => c.end()));
    const { dir, pid } = cluster;
    assert.ok(fs.existsSync(path.join(dir, 'data', 'PG_VERSION')));
    await cluster.stop();
    assert.strictEqual(fs.existsSync(dir), false);
    assert.strictEqual(processAlive(pid), false);
    await cluster.stop(); // idempotent
  });

  it('a cluster whose test process was killed is swept by the next start', async () => {
    // A separate Node process starts a cluster and is killed with SIGKILL: its server and dir stay behind.
    const helper = path.join(__dirname, '../helpers/pg-cluster.js');
    const script = `require(${JSON.stringify(helper)}).startCluster().then(c => console.log(JSON.stringify({ dir: c.dir, pid: c.pid })))`;
    const orphan = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      orphan.stdout.on('data', d => { out += d; if (out.includes('\n')) resolve(out); });
      orphan.on('exit', code => reject(new Error(`orphan exited ${code} before starting a cluster`)));
    });
    const stale = JSON.parse(line) as { dir: string; pid: number };
    orphan.kill('SIGKILL');
    await new Promise(r => orphan.once('exit', r));
    assert.ok(fs.existsSync(stale.dir) && processAlive(stale.pid), 'the killed process left its cluster running');

    const next = await startCluster();
    try {
      assert.strictEqual(fs.existsSync(stale.dir), false);
      const c = await connect(next.adminUrl);
      assert.strictEqual((await c.query('SELECT 1 AS one')).rows[0].one, 1);
      await c.end();
    } finally {
      await next.stop();
    }
    // SIGQUIT is immediate shutdown: the stale postmaster is gone within moments.
    for (let i = 0; i < 100 && processAlive(stale.pid); i++) await new Promise(r => setTimeout(r, 20));
    assert.strictEqual(processAlive(stale.pid), false);
  });
});
