// Ingest under stress, through the built CLI: killed with SIGKILL mid-way and run again (nothing lost, nothing
// twice), two ingests of overlapping inputs at once, and checks running while an ingest writes.
import * as assert from 'assert';
import { spawn, ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadLanguage, MemoryIndex, readCorpus, isProblem } from '../../server/src/core/api';
import { languageKey } from '../../server/src/core/language';
import { contentHash } from '../../server/src/archive/ingest';
import { Archive } from '../../server/src/archive/archive';
import { testArchive, TestArchive, antSample, withClient, inconsistencies } from '../helpers/archive-db';
import { ROOT, SEEDS } from '../helpers/seeds';

const CLI = path.join(ROOT, 'dist/cli.js');
const SAMPLE = 1000;

function ingestProcess(url: string, paths: string[], extra: string[] = []): { child: ChildProcess; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }> } {
  const child = spawn(process.execPath, [CLI, 'ingest', '--database', url, ...paths.flatMap(p => ['--corpus', p]), ...extra], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '', err = '';
  child.stdout!.on('data', d => { out += d; });
  child.stderr!.on('data', d => { err += d; });
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }>(res => child.on('exit', (code, signal) => res({ code, signal, out, err })));
  return { child, done };
}

const count = (url: string) => withClient(url, async c => Number((await c.query('SELECT count(*) AS n FROM article')).rows[0].n));

/** The archive's keys with their hashes, and the corpus counts, against the files themselves. */
async function expectExactly(url: string, paths: string[]) {
  const index = new MemoryIndex(loadLanguage());
  const want = new Map<string, string>();
  for await (const x of readCorpus(paths)) if (!isProblem(x)) { index.add(x); want.set(x.key, contentHash(x, languageKey())); }
  const got = await withClient(url, async c => ({
    hashes: new Map((await c.query<{ key: string; content_hash: string }>('SELECT key, content_hash FROM article')).rows.map(r => [r.key, r.content_hash])),
    state: (await c.query('SELECT articles::int, live_sentences::int AS "liveSentences", total_terms::int AS "totalLength" FROM archive_state')).rows[0],
  }));
  assert.deepStrictEqual([...got.hashes].sort(), [...want].sort(), 'every article exactly once, with its content hash');
  assert.deepStrictEqual(got.state, index.stats());
  assert.deepStrictEqual(await inconsistencies(url), []);
}

describe('shared archive: ingest killed, resumed and run concurrently', function () {
  this.timeout(600_000);
  let tmp: string, sample: string, part: string;
  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-resume-'));
    // Two batches of 500 (--batch): a kill after the first commit lands in the second.
    sample = await antSample(path.join(tmp, 'sample.jsonl'), SAMPLE);
    part = await antSample(path.join(tmp, 'part.jsonl'), 600, 2000);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('SIGKILL during ingest, then ingest again: nothing lost, nothing duplicated', async () => {
    const a: TestArchive = await testArchive('resume');
    const run = ingestProcess(a.writerUrl, [sample], ['--batch', '500']);
    let n = 0;
    while ((n = await count(a.writerUrl)) === 0) await new Promise(r => setTimeout(r, 10));
    run.child.kill('SIGKILL');
    const killed = await run.done;
    assert.strictEqual(killed.signal, 'SIGKILL');
    const atKill = await count(a.writerUrl);
    assert.ok(atKill >= n && atKill < SAMPLE, `${atKill} articles when killed: whole batches only`);
    assert.deepStrictEqual(await inconsistencies(a.writerUrl), [], 'the batch in flight was rolled back whole');
    assert.strictEqual(await withClient(a.writerUrl, async c => (await c.query('SELECT first_load FROM archive_state')).rows[0].first_load), true, 'an interrupted first load');
    const again = await ingestProcess(a.writerUrl, [sample]).done;
    assert.strictEqual(again.code, 0, again.err);
    assert.match(again.out, new RegExp(`${SAMPLE} articles read: ${SAMPLE - atKill} added, 0 replaced, ${atKill} unchanged`));
    await expectExactly(a.writerUrl, [sample]);
    const keyed = await withClient(a.writerUrl, async c => (await c.query("SELECT count(*)::int AS n FROM pg_constraint WHERE conname = 'posting_pkey'")).rows[0].n);
    assert.strictEqual(keyed, 1, 'the run that finished the first load built the postings\' index');
  });

  it('two ingests of overlapping inputs at once: every article once', async () => {
    const a = await testArchive('overlap');
    const [x, y] = await Promise.all([ingestProcess(a.writerUrl, [SEEDS, part]).done, ingestProcess(a.writerUrl, [part, SEEDS]).done]);
    assert.deepStrictEqual([x.code, y.code], [0, 0], x.err + y.err);
    await expectExactly(a.writerUrl, [SEEDS, part]);
  });

  it('checks running while an ingest writes never fail, and see only whole batches', async () => {
    const a = await testArchive('busy');
    const archive = new Archive({ url: a.readerUrl, timeoutMs: 30_000 }, 4);
    const run = ingestProcess(a.writerUrl, [part]);
    let running = true, checks = 0;
    void run.done.then(() => { running = false; });
    const draft = fs.readFileSync(path.join(SEEDS, fs.readdirSync(SEEDS)[0]), 'utf8');
    const checker = async () => {
      while (running) {
        await archive.check(draft, {}, { today: '2024-01-20' }).catch(e => { if (!/no isnad archive|schema/.test(String(e))) throw e; });
        checks++;
      }
    };
    try {
      await Promise.all([checker(), checker(), checker(), checker()]);
      assert.strictEqual((await run.done).code, 0);
      assert.ok(checks > 4, `${checks} checks`);
      await expectExactly(a.writerUrl, [part]);
    } finally {
      await archive.close();
    }
  });
});
