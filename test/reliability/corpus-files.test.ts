// Corpus files that used to hang the reader or lose articles silently: named pipes, link loops, UTF-16,
// long lines counted in bytes, damaged .gz archives, repeated or odd ids, empty texts.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { readCorpus, isProblem, decodeText, CorpusArticle, LoadProblem, describeProblem } from '../../server/src/core/api';
import { tmpDir, put, mkfifo, collect } from '../helpers/tmp';

const QUAKE = 'قتل 2900 شخص في زلزال الحوز بالمغرب.';
const split = (items: (CorpusArticle | LoadProblem)[]) => ({
  articles: items.filter(x => !isProblem(x)) as CorpusArticle[],
  problems: (items.filter(isProblem) as LoadProblem[]).map(describeProblem),
});
const read = async (...paths: string[]) => split(await collect(readCorpus(paths)));
const jsonl = (rows: unknown[]) => rows.map(r => JSON.stringify(r)).join('\n') + '\n';

describe('reliability: corpus files', () => {
  let dir: string;
  before(() => { dir = tmpDir('files'); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a named pipe in a corpus folder is reported, not opened (no hang)', async function () {
    const c = path.join(dir, 'fifo');
    put(c, 'a.txt', QUAKE);
    if (!mkfifo(path.join(c, 'b.txt')) || !mkfifo(path.join(c, 'c.jsonl'))) this.skip();
    const { articles, problems } = await read(c);
    assert.deepStrictEqual(articles.map(a => path.basename(a.file)), ['a.txt']);
    assert.ok(problems.some(p => /b\.txt: a named pipe, not a regular file; skipped/.test(p)), problems.join('\n'));
    assert.ok(problems.some(p => /c\.jsonl: a named pipe/.test(p)), problems.join('\n'));
  });

  it('a named pipe given as the corpus path, or read directly, is refused', async function () {
    const p = path.join(dir, 'direct.jsonl');
    if (!mkfifo(p)) this.skip();
    assert.match((await read(p)).problems.join('\n'), /corpus path is a named pipe/);
    const { readTextArticle } = await import('../../server/src/core/api');
    assert.match(readTextArticle(p).problems[0].message, /named pipe, not a regular file/);
  });

  it('a symbolic link loop is called one, not "does not exist"', async function () {
    if (process.platform === 'win32') this.skip();
    const c = path.join(dir, 'loop');
    fs.mkdirSync(c);
    fs.symlinkSync('x.txt', path.join(c, 'y.txt'));
    fs.symlinkSync('y.txt', path.join(c, 'x.txt'));
    fs.symlinkSync(path.join(c, 'x.txt'), path.join(dir, 'loop-top.txt'));
    const inner = (await read(c)).problems.join('\n');
    assert.match(inner, /x\.txt: symbolic link: symbolic link loop/);
    const top = (await read(path.join(dir, 'loop-top.txt'))).problems.join('\n');
    assert.match(top, /symbolic link loop/);
    assert.doesNotMatch(top, /does not exist/);
  });

  it('UTF-16 files are read (with or without a byte-order mark), binary is still binary', () => {
    const le = Buffer.from(QUAKE, 'utf16le');
    const be = Buffer.from(le).swap16();
    assert.strictEqual(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), le])).text, QUAKE);
    assert.strictEqual(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be])).text, QUAKE);
    assert.strictEqual(decodeText(le).text, QUAKE);
    assert.strictEqual(decodeText(be).text, QUAKE);
    assert.match(decodeText(Buffer.from([1, 0, 2, 0, 3, 0, 4, 0])).problem!, /binary/);
    assert.match(decodeText(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff])).problem!, /binary/);
  });

  it('the 5 MB line limit counts bytes: a 2.7-million-letter Arabic line (5.4 MB) is skipped, the next read', async () => {
    const long = JSON.stringify({ id: 'long', text: 'ا'.repeat(2_700_000) });
    assert.ok(long.length < 5 * 1024 * 1024 && Buffer.byteLength(long) > 5 * 1024 * 1024);
    const f = put(dir, 'long.jsonl', long + '\n' + JSON.stringify({ id: 'ok', text: QUAKE }) + '\n');
    const { articles, problems } = await read(f);
    assert.deepStrictEqual(articles.map(a => a.id), ['ok']);
    assert.deepStrictEqual(problems, [`${f}:1: line longer than 5 MB; skipped`]);
  });

  it('a .jsonl.gz with trailing garbage keeps every line, then says where it broke', async () => {
    const rows = Array.from({ length: 100 }, (_, i) => ({ id: `a${i}`, text: `${QUAKE} ${i}` }));
    const gz = zlib.gzipSync(jsonl(rows));
    const f = put(dir, 'garbage.jsonl.gz', Buffer.concat([gz, Buffer.from('this is not gzip')]));
    const { articles, problems } = await read(f);
    assert.strictEqual(articles.length, 100);
    assert.strictEqual(articles[99].text, `${QUAKE} 99`);
    assert.deepStrictEqual(problems, [`${f}: archive is damaged: trailing bytes that are not gzip data at byte ${gz.length} of ${gz.length + 16}; every complete line before it was read`]);
  });

  it('a truncated .jsonl.gz keeps its complete lines and names the cut one', async () => {
    const rows = Array.from({ length: 400 }, (_, i) => ({ id: `a${i}`, text: `${QUAKE} ${i} ${'ك'.repeat(i % 37)}` }));
    const gz = zlib.gzipSync(jsonl(rows));
    const f = put(dir, 'cut.jsonl.gz', gz.subarray(0, Math.floor(gz.length * 0.6)));
    const { articles, problems } = await read(f);
    assert.ok(articles.length > 100, `${articles.length} articles`);
    articles.forEach((a, i) => assert.strictEqual(a.id, `a${i}`));
    assert.strictEqual(problems.length, 1);
    assert.match(problems[0], new RegExp(`:${articles.length + 1}: archive is damaged: truncated .*; line ${articles.length + 1} is incomplete and skipped`));
  });

  it('two lines with one id are both kept, the warning names both lines', async () => {
    const f = put(dir, 'dup.jsonl', jsonl([{ id: 'a', text: QUAKE }, { id: 'b', text: 'نص' }, { id: 'a', text: QUAKE + ' ثانية' }]));
    const { articles, problems } = await read(f);
    assert.deepStrictEqual(articles.map(a => a.key), [`${f}#a`, `${f}#b`, `${f}#a@3`]);
    assert.deepStrictEqual(problems, [`${f}:3: id "a" is also on line 1; both kept, this one as "a@3"`]);
  });

  it('ids that are not strings keep their article: objects by line, numbers as written, no collisions', async () => {
    const f = put(dir, 'ids.jsonl', jsonl([{ id: { x: 1 }, text: 'أ' }, { id: { x: 2 }, text: 'ب' }, { id: 4, text: 'ج' }, { text: 'د' }, { id: null, text: 'ه' }]));
    const { articles, problems } = await read(f);
    assert.deepStrictEqual(articles.map(a => a.id), ['1', '2', '4', '4', '5']);
    assert.strictEqual(new Set(articles.map(a => a.key)).size, 5);
    assert.strictEqual(problems.filter(p => /"id" is not a string or a number/.test(p)).length, 2);
    assert.ok(problems.some(p => /:4: id "4" is also on line 3/.test(p)), problems.join('\n'));
  });

  it('an empty "text" is reported like an empty .txt file', async () => {
    const f = put(dir, 'empty.jsonl', jsonl([{ id: 'e', text: '' }, { id: 's', text: '  \n ' }, { id: 'ok', text: QUAKE }]));
    const t = put(dir, 'empty-dir/empty.txt', '');
    const { articles, problems } = await read(f, path.dirname(t));
    assert.deepStrictEqual(articles.map(a => a.id), ['ok']);
    assert.deepStrictEqual(problems, [`${f}:1: empty "text"; skipped`, `${f}:2: empty "text"; skipped`, `${t}: empty file; skipped`]);
  });

  it('a valid U+FFFD in an archive line is text, invalid bytes are not', async () => {
    const f = put(dir, 'fffd.jsonl', Buffer.concat([Buffer.from(jsonl([{ id: 'r', text: 'رمز \uFFFD ' + QUAKE }])), Buffer.from([0x7b, 0xff, 0x7d, 0x0a])]));
    const { articles, problems } = await read(f);
    assert.deepStrictEqual(articles.map(a => a.id), ['r']);
    assert.deepStrictEqual(problems, [`${f}:2: not valid UTF-8; skipped`]);
  });
});
