// The persisted index never decides a check when it is damaged: bit flips and truncations in every section are
// caught (rebuilt, or for a stored text, replaced by the corpus file's own text), ids and offsets that point
// outside what they index are refused even when the checksums agree, killed writes leave no temporary files
// behind, and a file changed without a new size or time is found.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { spawn } from 'child_process';
import { analyze, openCorpus, loadIndex, loadLanguage, saveIndex, MemoryIndex, AnalysisResult } from '../../server/src/core/api';
import { cleanStaleTemps, HEAD_BYTES, Header, Meta } from '../../server/src/core/corpus/persist';
import { languageKey } from '../../server/src/core/language';
import { snapshotProblem } from '../../server/src/core/corpus/persist-check';
import { tmpDir, put } from '../helpers/tmp';

const ARTICLES: Record<string, string> = {
  'a.txt': 'ارتفعت حصيلة زلزال الحوز في المغرب إلى 2900 قتيل، حسب وزارة الداخلية.\nوأصيب 5500 شخص بجروح.',
  'b.md': '---\noutlet: رويترز\n---\nقتل 2950 شخصا في زلزال الحوز الذي ضرب المغرب.\n',
  'c.txt': 'قالت وكالة الأنباء إن زلزال الحوز في المغرب أودى بحياة 2946 شخصا وأصاب 5674 آخرين.',
};
const ARCHIVE = [{ id: 'w1', outlet: 'AFP', text: 'أعلنت السلطات أن عدد قتلى زلزال الحوز في المغرب بلغ 2960 قتيلا.' }];
const DRAFT = 'قتل 5000 شخص في زلزال الحوز بالمغرب وأصيب 9000 آخرون.';

/** Findings as they would be shown: codes, places, messages and every passage with its excerpt. */
const shown = (r: AnalysisResult) => r.findings.map(f => ({ code: f.code, start: f.start, end: f.end, message: f.message, related: f.related.map(p => ({ key: p.article.key, excerpt: p.excerpt.text })) }));

/** The sections of an index file: [name, offset, length] of every byte range a flip must be caught in. */
function sections(buf: Buffer): [string, number, number][] {
  const hlen = buf.readUInt32LE(8);
  const json = buf.subarray(HEAD_BYTES, HEAD_BYTES + hlen).toString('utf8');
  const header = JSON.parse(json) as Header;
  const meta = JSON.parse(buf.toString('utf8', header.meta.offset, header.meta.offset + header.meta.length)) as Meta;
  const width = (t: string) => (t === 'f64' ? 8 : 4);
  return [
    ['head', 0, HEAD_BYTES], ['header', HEAD_BYTES, Buffer.byteLength(json.trimEnd())],
    ...header.arrays.filter(e => e.length).map(e => [`array ${e.name}`, e.offset, e.length * width(e.type)] as [string, number, number]),
    ['meta', header.meta.offset, header.meta.length],
    ...meta.articles.filter(a => a.blob && a.blob.length).map(a => [`text ${path.basename(a.meta.key)}`, header.texts.offset + a.blob!.offset, a.blob!.length] as [string, number, number]),
    ['end', header.fileLength - 8, 8],
  ];
}

describe('reliability: persisted index', () => {
  let dir: string, corpus: string, cacheDir: string, cacheFile: string, good: Buffer, fresh: ReturnType<typeof shown>;
  let truth: Map<string, string>;
  before(async () => {
    dir = tmpDir('persist');
    corpus = path.join(dir, 'corpus');
    for (const [name, text] of Object.entries(ARTICLES)) put(corpus, name, text);
    put(corpus, 'wires.jsonl', ARCHIVE.map(a => JSON.stringify(a)).join('\n') + '\n');
    cacheDir = path.join(dir, 'cache');
    const built = await openCorpus([corpus], { cacheDir });
    cacheFile = built.cacheFile!;
    good = fs.readFileSync(cacheFile);
    const plain = await openCorpus([corpus]);
    fresh = shown(analyze(DRAFT, plain.index));
    truth = new Map(plain.index.allArticles().map(a => [a.meta.key, plain.index.articleText(a)]));
    assert.ok(fresh.length >= 2 && fresh.every(f => f.related.length), 'the draft reaches the corpus');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Opens the corpus through a damaged cache file and checks that nothing wrong is ever shown. */
  async function openDamaged(bytes: Buffer, what: string) {
    fs.writeFileSync(cacheFile, bytes);
    const warnings: string[] = [];
    const o = await openCorpus([corpus], { cacheDir, onWarning: m => warnings.push(m) });
    const got = shown(analyze(DRAFT, o.index));
    // A stored text that failed its check comes back from the corpus file or empty, never altered.
    for (const a of o.index.allArticles()) {
      const t = o.index.articleText(a);
      assert.ok(t === truth.get(a.meta.key) || t === '', `${what}: text of ${a.meta.key} altered`);
    }
    // A text that failed its check and could not be read again comes back empty, and the analysis makes no
    // passage of it: a finding may lose that passage (or, resting on it alone, be gone). Nothing else changes.
    const emptied = new Set(o.index.allArticles().filter(a => o.index.articleText(a) === '').map(a => a.meta.key));
    if (!emptied.size) assert.deepStrictEqual(got, fresh, `${what}: findings changed`);
    for (const f of got) {
      const was = fresh.find(x => x.code === f.code && x.start === f.start && x.end === f.end);
      assert.ok(was, `${what}: a new finding`);
      for (const p of f.related) {
        assert.ok(!emptied.has(p.key), `${what}: a passage of an emptied text`);
        assert.ok(was!.related.some(x => x.key === p.key && x.excerpt === p.excerpt), `${what}: excerpt altered`);
      }
    }
    for (const f of fresh) {
      if (!got.some(x => x.code === f.code && x.start === f.start)) assert.ok(f.related.some(p => emptied.has(p.key)), `${what}: a finding lost`);
    }
    o.close();
    return { o, warnings };
  }

  it('a bit flipped anywhere in any section is caught: rebuilt, or the text taken from the corpus', async function () {
    this.timeout(120000);
    let rebuilt = 0, textsCaught = 0;
    for (const [name, offset, length] of sections(good)) {
      const spots = [...new Set([0, 1, length >> 2, length >> 1, (3 * length) >> 2, length - 1])].filter(i => i >= 0 && i < length);
      for (const [k, at] of spots.entries()) {
        const bad = Buffer.from(good);
        bad[offset + at] ^= 1 << ((at + k) % 8);
        const { o, warnings } = await openDamaged(bad, `${name} +${at}`);
        if (name.startsWith('text ')) {
          assert.ok(warnings.some(w => /fails its checksum/.test(w)), `${name} +${at}: damage not reported`);
          assert.ok(!fs.existsSync(cacheFile), `${name} +${at}: a damaged cache is kept`);
          textsCaught++;
        } else {
          assert.strictEqual(o.fromCache, false, `${name} +${at}: a damaged cache was used`);
          assert.ok(warnings.some(w => /not used/.test(w)), `${name} +${at}: not reported`);
          rebuilt++;
        }
      }
    }
    assert.ok(rebuilt > 60 && textsCaught >= 10, `${rebuilt} rebuilt, ${textsCaught} texts caught`);
  });

  it('a damaged text of a text file is shown from the file itself; of an archive line, left empty', async () => {
    const blobs = sections(good).filter(([n]) => n.startsWith('text '));
    for (const [name, offset, length] of blobs) {
      const bad = Buffer.from(good);
      bad[offset + (length >> 1)] ^= 0x10;
      fs.writeFileSync(cacheFile, bad);
      const o = await openCorpus([corpus], { cacheDir, onWarning: () => undefined });
      assert.ok(o.fromCache);
      const a = o.index.allArticles().find(x => name.endsWith(path.basename(x.meta.key)))!;
      assert.strictEqual(o.index.articleText(a), a.meta.line === undefined ? truth.get(a.meta.key) : '', name);
      o.close();
    }
  });

  it('an index cut short anywhere is rebuilt', async function () {
    this.timeout(60000);
    const cuts = new Set([0, 7, 15, 16, 100, good.length - 9, good.length - 1]);
    for (const [, offset, length] of sections(good)) { cuts.add(offset); cuts.add(offset + (length >> 1)); }
    for (const n of cuts) {
      const { o } = await openDamaged(good.subarray(0, n), `cut at ${n}`);
      assert.strictEqual(o.fromCache, false, `cut at ${n}`);
    }
  });

  it('ids and offsets outside what they index are refused even with matching checksums', async () => {
    const lang = loadLanguage(), key = languageKey();
    const tamper: [string, (s: ReturnType<MemoryIndex['snapshot']>) => void, RegExp][] = [
      ['posting id', s => { s.postings.ids[0] = 1e6; }, /postings: id 1000000/],
      ['posting offsets', s => { s.postings.offsets[1] = s.postings.ids.length + 5; }, /postings: offsets|postings: .*offsets/],
      ['term offsets', s => { s.ints.sTermStart[1] = -3; }, /sTermStart/],
      ['figure sentence', s => { s.ints.fSentence[0] = s.ints.sArticle.length; }, /fSentence/],
      ['figure key id', s => { s.figureKeys.ids[0] = s.ints.fSentence.length + 1; }, /figure keys: id/],
      ['article sentences', s => { s.articles[0].sentenceCount = 1e6; }, /article 0: sentences/],
      ['sentence span', s => { s.ints.sEnd[0] = 1e7; }, /sentence 0: span outside/],
    ];
    for (const [what, change, reason] of tamper) {
      const { index } = await openCorpus([corpus]);
      const snapshot = index.snapshot.bind(index);
      index.snapshot = () => { const s = snapshot(); change(s); return s; };
      const file = path.join(dir, `tampered-${what.replace(/ /g, '-')}.isnad-index`);
      saveIndex(index, file, [], key);
      const r = loadIndex(file, lang, key);
      assert.ok(!r.loaded, `${what}: loaded`);
      assert.match(r.reason!, reason, what);
    }
  });

  it('an article text outside the blob is refused', async () => {
    const { index } = await openCorpus([corpus]);
    const s = index.snapshot();
    const records = s.articles.map(a => ({ ...a, blob: { offset: 0, length: 1000 } }));
    assert.strictEqual(snapshotProblem({ ...s, articles: records }, 2000), undefined);
    records[1] = { ...records[1], blob: { offset: 1001, length: 1000 } };
    assert.match(snapshotProblem({ ...s, articles: records }, 2000)!, /article 1: text outside the blob/);
  });

  it('a write is flushed to disk before it is renamed into place, and a failed write leaves no temporary file', async () => {
    const { index } = await openCorpus([corpus]);
    const calls: string[] = [];
    // The module object itself (an import binding cannot be reassigned); the code under test reads through it.
    const live = require('fs') as typeof fs;
    const { fsyncSync, renameSync, writeSync } = live;
    live.fsyncSync = fd => { calls.push('fsync'); fsyncSync(fd); };
    live.renameSync = (a, b) => { calls.push('rename'); renameSync(a, b); };
    const target = path.join(dir, 'flushed', 'x.isnad-index');
    try {
      saveIndex(index, target, [], languageKey());
      assert.deepStrictEqual(calls.slice(0, 2), ['fsync', 'rename']);
      (live as { writeSync: unknown }).writeSync = () => { throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }); };
      assert.throws(() => saveIndex(index, target, [], languageKey()), /no space/);
    } finally {
      Object.assign(live, { fsyncSync, renameSync, writeSync });
    }
    assert.deepStrictEqual(fs.readdirSync(path.dirname(target)), ['x.isnad-index']);
  });

  it('temporary files of killed writes are cleaned on start; a live writer\'s are kept', async () => {
    const cache = path.join(dir, 'temps');
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise(r => dead.on('exit', r));
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      const deadTmp = put(cache, `abc.isnad-index.${dead.pid}.tmp`, 'x');
      const liveTmp = put(cache, `abc.isnad-index.${live.pid}.tmp`, 'x');
      const oldLive = put(cache, `def.isnad-index.${live.pid}.tmp`, 'x');
      const old = new Date(Date.now() - 3600_000);
      fs.utimesSync(oldLive, old, old);
      const other = put(cache, 'notes.tmp', 'x');
      await openCorpus([corpus], { cacheDir: cache });
      assert.ok(!fs.existsSync(deadTmp), 'a dead writer\'s temporary file is removed');
      assert.ok(!fs.existsSync(oldLive), 'a temporary file untouched for an hour is removed');
      assert.ok(fs.existsSync(liveTmp), 'a live writer\'s temporary file is kept');
      assert.ok(fs.existsSync(other), 'other files are not touched');
      cleanStaleTemps(path.join(dir, 'no-such-folder'));
    } finally {
      live.kill();
    }
  });
});

describe('reliability: corpus files changed without a new size or time', () => {
  let dir: string;
  before(() => { dir = tmpDir('stamps'); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const text = (o: Awaited<ReturnType<typeof openCorpus>>) => o.index.articleText(o.index.allArticles()[0]);

  it('a file rewritten within a clock tick of indexing, same size and time, is re-read', async () => {
    const corpus = path.join(dir, 'racy'), cacheDir = path.join(dir, 'cache1');
    const f = put(corpus, 'a.txt', 'قتل 2900 شخص في زلزال الحوز.');
    const t = fs.statSync(f).mtime;
    (await openCorpus([corpus], { cacheDir })).close();
    fs.writeFileSync(f, 'قتل 2100 شخص في زلزال الحوز.');
    fs.utimesSync(f, t, t);
    const o = await openCorpus([corpus], { cacheDir });
    assert.strictEqual(o.reindexedFiles, 1);
    assert.match(text(o), /2100/);
    o.close();
  });

  it('an old file changed with its time restored is found with verify; a touched file is not re-read', async () => {
    const corpus = path.join(dir, 'old'), cacheDir = path.join(dir, 'cache2');
    const f = put(corpus, 'a.txt', 'قتل 2900 شخص في زلزال الحوز.');
    const then = new Date('2020-01-01T00:00:00Z');
    fs.utimesSync(f, then, then);
    (await openCorpus([corpus], { cacheDir })).close();
    const touched = new Date('2021-01-01T00:00:00Z');
    fs.utimesSync(f, touched, touched);
    const t1 = await openCorpus([corpus], { cacheDir });
    assert.strictEqual(t1.reindexedFiles, 0, 'same content under a new time: hashed, not re-read');
    t1.close();
    fs.writeFileSync(f, 'قتل 2100 شخص في زلزال الحوز.');
    fs.utimesSync(f, then, then);
    const plain = await openCorpus([corpus], { cacheDir });
    assert.strictEqual(plain.reindexedFiles, 0, 'without verify, size and time decide (documented)');
    plain.close();
    const verified = await openCorpus([corpus], { cacheDir, verify: true });
    assert.strictEqual(verified.reindexedFiles, 1);
    assert.match(text(verified), /2100/);
    verified.close();
  });
});
