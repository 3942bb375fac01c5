// The archive through the built CLI: the commands (ingest with --migrate, check --database), the
// read-only role, a missing schema and an unreachable database (exit 2, never a hang).
import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { Client } from 'pg';
import { testArchive, TestArchive, withClient } from '../helpers/archive-db';
import { ROOT, FIXTURES } from '../helpers/seeds';

const CLI = path.join(ROOT, 'dist/cli.js');
const DRAFT = path.join(FIXTURES, 'drafts/gaza-briefing.txt');

function run(args: string[]): Promise<{ code: number | null; out: string; err: string; ms: number }> {
  const t0 = Date.now();
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, ISNAD_LANG: 'en', ISNAD_CACHE_DIR: path.join(tmp, 'cache') } });
  let out = '', err = '';
  child.stdout.on('data', d => { out += d; });
  child.stderr.on('data', d => { err += d; });
  return new Promise(res => child.on('exit', code => res({ code, out, err, ms: Date.now() - t0 })));
}
let tmp: string;

/** Findings as an editor reads them, whichever corpus they came from (paths differ: as given at ingest). */
const rows = (json: string) => (JSON.parse(json).diagnostics as { code: string; range: unknown; message: string; related: { file: string; range: unknown; excerpt: string }[] }[])
  .map(d => [d.code, d.range, d.message, d.related.map(r => [path.basename(r.file), r.range, r.excerpt])]);

describe('shared archive through the CLI', function () {
  this.timeout(120_000);
  let a: TestArchive;
  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-db-cli-'));
    a = await testArchive('cli');
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('ingest --migrate into an empty database, then check --database finds what the local check finds', async () => {
    const db = `${a.name}_fresh`;
    await a.cluster.createDatabase(db);
    const w = a.cluster.url('writer', 'socket', db), r = a.cluster.url('reader', 'socket', db);
    const refused = await run(['ingest', '--database', w, '--corpus', 'seeds']);
    assert.strictEqual(refused.code, 2);
    assert.match(refused.err, /isnad ingest --migrate/);
    const ing = await run(['ingest', '--database', w, '--migrate', '--corpus', 'seeds']);
    assert.strictEqual(ing.code, 0, ing.err);
    assert.match(ing.out, /schema migrated to version 1\n5 articles read: 5 added, 0 replaced, 0 unchanged/);
    assert.doesNotMatch(ing.out, new RegExp(new URL(w).password), 'no password in the output');
    const remote = await run(['check', '--database', r, '--format', 'json', DRAFT]);
    const local = await run(['check', '--format', 'json', DRAFT]);
    assert.deepStrictEqual([remote.code, local.code], [1, 1], remote.err);
    assert.deepStrictEqual(rows(remote.out), rows(local.out));
    const text = await run(['check', '--database', r, DRAFT]);
    assert.match(text.out, /gaza-briefing\.txt:3:\d+: warning figure-conflict: /);
  });

  it('the read-only role can read and cannot write', async () => {
    await withClient(a.writerUrl, c => c.query("INSERT INTO term (text) VALUES ('غزة')"));
    const ing = await run(['ingest', '--database', a.readerUrl, '--corpus', 'seeds']);
    assert.strictEqual(ing.code, 2);
    assert.match(ing.err, /the database role may not do this: .*\(ingest needs the writer role\)/);
    const reader = new Client({ connectionString: a.readerUrl });
    await reader.connect();
    try {
      assert.strictEqual((await reader.query('SELECT count(*)::int AS n FROM article')).rows[0].n, 0, 'nothing was written');
      for (const sql of ["INSERT INTO term (text) VALUES ('x')", 'DELETE FROM term', 'UPDATE archive_state SET version = 0', 'TRUNCATE posting', 'DROP TABLE figure']) {
        await assert.rejects(reader.query(sql), (e: { code?: string }) => ['42501'].includes(e.code ?? '') || assert.fail(`${sql}: ${e.code}`));
      }
    } finally {
      await reader.end();
    }
  });

  it('an unreachable database: exit 2 with one line, within the timeout; --corpus is still checked', async () => {
    const url = 'postgresql://isnad_reader@127.0.0.1:1/archive';
    const only = await run(['check', '--database', url, '--db-timeout', '800', DRAFT]);
    assert.strictEqual(only.code, 2);
    assert.match(only.err, /^isnad: postgresql:\/\/isnad_reader@127\.0\.0\.1:1\/archive: the database is unreachable/);
    assert.strictEqual(only.out, '');
    const both = await run(['check', '--database', url, '--db-timeout', '800', '--corpus', 'seeds', DRAFT]);
    assert.strictEqual(both.code, 2);
    assert.match(both.err, /checked against the local corpus only/);
    assert.match(both.out, /warning figure-conflict/);
    // A server that accepts the connection and never answers: the timeout still ends it.
    const silent = net.createServer(() => undefined).listen(0, '127.0.0.1');
    await new Promise(res => silent.once('listening', res));
    try {
      const hung = await run(['check', '--database', `postgresql://x@127.0.0.1:${(silent.address() as net.AddressInfo).port}/archive`, '--db-timeout', '800', DRAFT]);
      assert.strictEqual(hung.code, 2);
      assert.ok(hung.ms < 8000, `${hung.ms} ms`);
    } finally {
      silent.close();
    }
  });
});
