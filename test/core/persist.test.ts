import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyze, openCorpus, cacheFileFor } from '../../server/src/core/api';
import { SEEDS } from '../helpers/seeds';

const DRAFT = 'قُتل أكثر من 50 ألف فلسطيني في غزة.\nونقلت بوليتيكو عن خمسة مسؤولين أن البنتاغون يبحث تمويل قوة متعددة الجنسيات لحفظ السلام في غزة.\nوقالت صحيفة الغارديان إن وزارة الدفاع الأمريكية تجري محادثات مبكرة لتمويل مهمة لحفظ السلام في غزة.';

describe('persisted index', () => {
  let dir: string;
  before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-persist-')); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a loaded index gives exactly the findings of a freshly built one', async () => {
    const fresh = await openCorpus([SEEDS], { cacheDir: dir });
    assert.strictEqual(fresh.fromCache, false);
    const loaded = await openCorpus([SEEDS], { cacheDir: dir });
    assert.strictEqual(loaded.fromCache, true);
    assert.strictEqual(loaded.reindexedFiles, 0);
    const strip = (r: ReturnType<typeof analyze>) => JSON.stringify(r.findings.map(f => [f.code, f.start, f.end, f.message, f.related.map(p => [p.article.key, p.start, p.end, p.excerpt, p.stance])]));
    assert.strictEqual(strip(analyze(DRAFT, loaded.index)), strip(analyze(DRAFT, fresh.index)));
    assert.strictEqual(loaded.index.articleText(loaded.index.allArticles()[0]), fs.readFileSync(loaded.index.allArticles()[0].meta.file, 'utf8'));
    loaded.close();
  });
  it('re-reads only the files that changed and drops removed ones', async () => {
    const corpus = fs.mkdtempSync(path.join(dir, 'c-'));
    fs.writeFileSync(path.join(corpus, 'a.txt'), 'ارتفعت حصيلة زلزال الحوز في المغرب إلى 2900 قتيل.');
    fs.writeFileSync(path.join(corpus, 'b.txt'), 'قتل 4900 شخص في زلزال الحوز الذي ضرب المغرب.');
    (await openCorpus([corpus], { cacheDir: dir })).close();
    fs.rmSync(path.join(corpus, 'b.txt'));
    fs.writeFileSync(path.join(corpus, 'c.txt'), 'قتل 5100 شخص في زلزال الحوز بالمغرب.');
    const o = await openCorpus([corpus], { cacheDir: dir });
    assert.ok(o.fromCache);
    assert.strictEqual(o.reindexedFiles, 1);
    assert.deepStrictEqual(o.index.allArticles().map(a => path.basename(a.meta.file)).sort(), ['a.txt', 'c.txt']);
    o.close();
  });
  it('a cache of another format version, or garbage, is rebuilt', async () => {
    const corpus = fs.mkdtempSync(path.join(dir, 'g-'));
    fs.writeFileSync(path.join(corpus, 'a.txt'), 'ارتفعت حصيلة زلزال الحوز في المغرب إلى 2900 قتيل.');
    const file = cacheFileFor([corpus], dir);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, 'ISNADIX1 garbage that is not an index');
    const logs: string[] = [];
    const o = await openCorpus([corpus], { cacheDir: dir, onLog: m => logs.push(m) });
    assert.strictEqual(o.fromCache, false);
    assert.ok(logs.some(l => /rebuilding/.test(l)));
    assert.strictEqual(o.index.articleCount, 1);
    assert.ok((await openCorpus([corpus], { cacheDir: dir })).fromCache, 'the rebuilt index was persisted');
  });
});

describe('line-by-line analysis', () => {
  it('gives the same findings as a whole-text analysis, and re-checks only the edited line', async () => {
    const { index } = await openCorpus([SEEDS]);
    const { LineCache } = await import('../../server/src/core/api');
    const text = 'مقدمة\r\n' + DRAFT + '\nوذكرت الصحيفة أن الفريق قد يشمل نحو 20 ألفا.';
    const full = analyze(text, index);
    const cache = new LineCache();
    const byLine = analyze(text, index, {}, { cache });
    const key = (r: typeof full) => JSON.stringify(r.findings.map(f => [f.code, f.start, f.end, f.message, f.data]));
    assert.strictEqual(key(byLine), key(full));
    const lines = cache.size;
    const edited = text.replace('50 ألف', '51 ألف');
    assert.strictEqual(key(analyze(edited, index, {}, { cache })), key(analyze(edited, index)));
    assert.strictEqual(cache.size, lines, 'the old version of the edited line is dropped, the others reused');
  });
});
