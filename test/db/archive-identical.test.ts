// The same corpus in PostgreSQL and in the local index gives the same findings, to the last passage: on the seeds
// and on a sample of the ANT corpus, for ANT articles used as drafts (as they stand and with a figure changed)
// and for the test fixtures; and with a local corpus beside the archive, as one corpus.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyze, openCorpus, MemoryIndex, loadLanguage, readCorpus, isProblem, CorpusArticle } from '../../server/src/core/api';
import { Archive } from '../../server/src/archive/archive';
import { testArchive, TestArchive, ingestInto, antSample } from '../helpers/archive-db';
import { SEEDS, FIXTURES } from '../helpers/seeds';
import { bugFixtures } from '../helpers/fixtures';

const OPTS = { today: '2018-06-01' };
const SAMPLE = 2000;
/** Everything a check returns: findings with their passages and fix data, and the hovers' passages. */
const seen = (r: ReturnType<typeof analyze>) => JSON.stringify([r.findings, r.figures, r.attributions]);

async function articlesOf(paths: string[]): Promise<CorpusArticle[]> {
  const out: CorpusArticle[] = [];
  for await (const x of readCorpus(paths)) if (!isProblem(x)) out.push(x);
  return out;
}

/** Drafts: the fixtures, and every 40th sample article as it stands and with its first number tripled. */
function drafts(sample: CorpusArticle[]): string[] {
  const out = [fs.readFileSync(path.join(FIXTURES, 'drafts/gaza-briefing.txt'), 'utf8'), ...bugFixtures().map(f => f.draft)];
  sample.filter((_, i) => i % 40 === 3).forEach(a => out.push(a.text, a.text.replace(/\d+/, n => String(Number(n) * 3))));
  return out;
}

async function compare(archive: Archive, index: MemoryIndex, texts: string[], local?: MemoryIndex) {
  let findings = 0;
  for (const t of texts) {
    const got = await archive.check(t, {}, OPTS, local);
    const want = analyze(t, index, {}, OPTS);
    assert.strictEqual(seen(got.result), seen(want), `a different result for «${t.slice(0, 60)}…»`);
    assert.deepStrictEqual([got.passes, got.missed], [1, ''], 'everything the check asked for was fetched ahead (draft-needs.ts mirrors core/check)');
    findings += want.findings.length;
  }
  return findings;
}

describe('shared archive: the same findings as the local index', function () {
  this.timeout(600_000);
  let a: TestArchive, archive: Archive, tmp: string, sampleFile: string, sample: CorpusArticle[];
  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-identical-'));
    sampleFile = await antSample(path.join(tmp, 'ant-sample.jsonl'), SAMPLE);
    sample = await articlesOf([sampleFile]);
    a = await testArchive('identical');
    await ingestInto(a, { paths: [SEEDS, sampleFile] });
    archive = new Archive({ url: a.readerUrl, timeoutMs: 60_000 });
  });
  after(async () => {
    await archive?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it(`seeds and ${SAMPLE} ANT articles: zero differences over the fixtures and ANT drafts`, async () => {
    const index = new MemoryIndex(loadLanguage());
    for (const x of await articlesOf([SEEDS, sampleFile])) index.add(x);
    const texts = drafts(sample);
    const n = await compare(archive, index, texts);
    assert.ok(texts.length > 100 && n > 100, `${texts.length} drafts, ${n} findings compared`);
  });

  it('a local corpus beside the archive is checked with it as one corpus', async () => {
    const part = await antSample(path.join(tmp, 'ant-part.jsonl'), SAMPLE / 3);
    const b = await testArchive('identical-union');
    await ingestInto(b, { paths: [part] });
    const union = new Archive({ url: b.readerUrl, timeoutMs: 60_000 });
    try {
      const seeds = (await openCorpus([SEEDS])).index;
      const both = new MemoryIndex(loadLanguage());
      for (const x of await articlesOf([SEEDS, part])) both.add(x);
      const texts = drafts(sample);
      const n = await compare(union, both, texts, seeds);
      assert.ok(n > 20, `${n} findings compared`);
    } finally {
      await union.close();
    }
  });
});
