// isnad ingest into a throwaway PostgreSQL cluster: the archive holds what the local index holds, re-ingesting is
// idempotent, a changed article is replaced and a removed one deleted, and the schema is versioned.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Client } from 'pg';
import { openCorpus, MemoryIndex } from '../../server/src/core/api';
import { languageKey } from '../../server/src/core/language';
import { contentHash } from '../../server/src/archive/ingest';
import { migrate, schemaVersion, requireSchema, SCHEMA_VERSION } from '../../server/src/archive/schema';
import { testArchive, TestArchive, ingestInto, withClient } from '../helpers/archive-db';
import { SEEDS } from '../helpers/seeds';

/** What the archive holds, as numbers a local index also has. */
async function archiveFacts(url: string) {
  return withClient(url, async c => {
    const state = (await c.query('SELECT articles::int, live_sentences::int AS sentences, total_terms::int AS terms, version::int FROM archive_state')).rows[0];
    const counts = (await c.query(`SELECT (SELECT count(*)::int FROM article) AS articles, (SELECT count(*)::int FROM sentence) AS sentences,
      (SELECT count(*)::int FROM figure) AS figures, (SELECT count(*)::int FROM posting) AS postings, (SELECT coalesce(sum(df), 0)::int FROM term) AS df`)).rows[0];
    const df = new Map((await c.query<{ text: string; df: number }>('SELECT text, df FROM term WHERE df > 0')).rows.map(r => [r.text, r.df]));
    const hashes = new Map((await c.query<{ key: string; content_hash: string }>('SELECT key, content_hash FROM article')).rows.map(r => [r.key, r.content_hash]));
    const ids = (await c.query<{ id: number }>('SELECT id FROM article ORDER BY id')).rows.map(r => r.id);
    return { state, counts, df, hashes, ids };
  });
}

/** The same numbers from a local index of the same files. */
function indexFacts(index: MemoryIndex) {
  const snap = index.snapshot();
  const df = new Map<string, number>();
  snap.vocab.forEach((t, id) => { const n = index.termDf(index.termId(t)); if (index.termId(t) === id && n > 0) df.set(t, n); });
  const figures = index.allArticles().reduce((n, a) => n + Array.from({ length: a.sentenceCount }, (_, i) => index.figuresOfSentence(a.firstSentence + i).length).reduce((x, y) => x + y, 0), 0);
  return { ...index.stats(), df, figures };
}

async function expectSameAsIndex(a: TestArchive, dir: string) {
  const want = indexFacts((await openCorpus([dir])).index);
  const got = await archiveFacts(a.writerUrl);
  assert.deepStrictEqual([got.state.articles, got.counts.articles], [want.articles, want.articles]);
  assert.deepStrictEqual([got.state.sentences, got.counts.sentences], [want.liveSentences, want.liveSentences]);
  assert.strictEqual(got.state.terms, want.totalLength);
  assert.strictEqual(got.counts.figures, want.figures);
  assert.deepStrictEqual(got.df, want.df, 'every word\'s document frequency');
  assert.strictEqual(got.counts.postings, got.counts.df, 'one posting per sentence and word');
  return got;
}

describe('shared archive: ingest', function () {
  this.timeout(120_000);
  let a: TestArchive, tmp: string;
  before(async () => {
    a = await testArchive('ingest');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-ingest-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('migrations create a versioned schema once; a reader is refused an archive that does not exist', async () => {
    await withClient(a.writerUrl, async c => {
      assert.strictEqual(await schemaVersion(c), SCHEMA_VERSION);
      assert.deepStrictEqual(await migrate(c), [], 'a second migration applies nothing');
      await requireSchema(c);
    });
    await a.cluster.createDatabase(`${a.name}_empty`);
    await withClient(a.cluster.url('reader', 'socket', `${a.name}_empty`), c => assert.rejects(requireSchema(c), /isnad ingest --migrate/));
  });

  it('the seeds ingested hold the local index\'s sentences, figures, words and counts', async () => {
    const r = await ingestInto(a, { paths: [SEEDS] });
    assert.deepStrictEqual([r.read, r.added, r.replaced, r.unchanged, r.problems], [5, 5, 0, 0, 0]);
    const got = await expectSameAsIndex(a, SEEDS);
    const reader = languageKey();
    for (const f of fs.readdirSync(SEEDS)) {
      const key = path.join(SEEDS, f);
      assert.strictEqual(got.hashes.get(key), contentHash({ key, file: key, text: fs.readFileSync(key, 'utf8') }, reader), f);
    }
  });

  it('re-ingesting unchanged articles changes nothing: no new version, the same rows', async () => {
    const before = await archiveFacts(a.writerUrl);
    const r = await ingestInto(a, { paths: [SEEDS] });
    assert.deepStrictEqual([r.added, r.replaced, r.unchanged, r.version], [0, 0, 5, 0]);
    const after = await archiveFacts(a.writerUrl);
    assert.deepStrictEqual(after, before);
  });

  it('a changed article replaces its rows in one transaction; --delete removes what the source no longer has', async () => {
    const dir = path.join(tmp, 'archive');
    fs.cpSync(SEEDS, dir, { recursive: true });
    const b = await testArchive('ingest-change');
    await ingestInto(b, { paths: [dir] });
    const [first, second] = fs.readdirSync(dir).sort();
    const changed = path.join(dir, first);
    fs.writeFileSync(changed, fs.readFileSync(changed, 'utf8').replace(/\d+/, '987654'));
    fs.rmSync(path.join(dir, second));
    const versions: string[] = [];
    const listener = new Client({ connectionString: b.readerUrl });
    await listener.connect();
    listener.on('notification', m => versions.push(m.payload ?? ''));
    await listener.query('LISTEN isnad_archive');
    const r = await ingestInto(b, { paths: [dir + '/'], delete: true });
    assert.deepStrictEqual([r.added, r.replaced, r.unchanged, r.deleted], [0, 1, 3, 1]);
    const got = await expectSameAsIndex(b, dir);
    assert.ok(!got.hashes.has(path.join(dir, second)));
    const spans = await withClient(b.readerUrl, c => c.query('SELECT count(*)::int AS n FROM sentence WHERE span_text LIKE $1', ['%987654%']));
    assert.ok(spans.rows[0].n >= 1, 'the new text is archived');
    for (let i = 0; i < 100 && versions.length < 2; i++) await new Promise(res => setTimeout(res, 20));
    await listener.end();
    assert.deepStrictEqual(versions.map(Number), [got.state.version - 1, got.state.version], 'one notification per committed change');
  });
});
