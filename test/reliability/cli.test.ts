// The reliability cases as a pipeline meets them: the built CLI, spawned, with a bounded wait so that a hang
// fails the test instead of stalling the run.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { spawnSync } from 'child_process';
import { ROOT } from '../helpers/seeds';
import { tmpDir, put, mkfifo } from '../helpers/tmp';
import { HEAD_BYTES, Header } from '../../server/src/core/corpus/persist';

const CLI = path.join(ROOT, 'dist/cli.js');
/** Far longer than any of these runs takes; only a hang reaches it. */
const HANG_MS = 15000;
const QUAKE = 'قتل 2900 شخص في زلزال الحوز الذي ضرب المغرب.';
const DRAFT = 'قتل 5000 شخص في زلزال الحوز بالمغرب.';

describe('reliability: the command line', () => {
  let dir: string;
  const run = (args: string[]) => {
    const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: HANG_MS, env: { ...process.env, ISNAD_LANG: 'en', ISNAD_CACHE_DIR: path.join(dir, 'cache') } });
    assert.strictEqual(r.signal, null, `isnad ${args.join(' ')} hung`);
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  before(() => { dir = tmpDir('cli-rel'); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a named pipe in the corpus or given as a draft is reported; the rest is checked', function () {
    const corpus = path.join(dir, 'fifo');
    put(corpus, 'a.txt', QUAKE);
    if (!mkfifo(path.join(corpus, 'pipe.txt')) || !mkfifo(path.join(dir, 'pipe-draft.txt'))) this.skip();
    const draft = put(dir, 'd1.txt', DRAFT);
    const r = run(['check', '--corpus', corpus, '--format', 'json', draft, path.join(dir, 'pipe-draft.txt')]);
    assert.strictEqual(r.code, 2, r.err);
    assert.match(r.err, /pipe\.txt: a named pipe, not a regular file; skipped/);
    assert.match(r.err, /pipe-draft\.txt: a named pipe, not a regular file; skipped/);
    assert.strictEqual(JSON.parse(r.out).diagnostics[0].code, 'figure-conflict');
    assert.strictEqual(run(['index', '--corpus', corpus]).code, 2);
  });

  it('one flipped bit in the article column: isnad index rebuilds instead of saying "up to date", and checks work', () => {
    const corpus = path.join(dir, 'flip');
    put(corpus, 'a.txt', QUAKE);
    put(corpus, 'b.txt', 'ارتفعت حصيلة زلزال الحوز في المغرب إلى 2950 قتيلا.');
    const file = /: (\S+\.isnad-index)/.exec(run(['index', '--corpus', corpus]).out)![1];
    const buf = fs.readFileSync(file);
    const header = JSON.parse(buf.toString('utf8', HEAD_BYTES, HEAD_BYTES + buf.readUInt32LE(8))) as Header;
    const col = header.arrays.find(e => e.name === 'sArticle')!;
    buf[col.offset] ^= 0x04;
    fs.writeFileSync(file, buf);
    const r = run(['index', '--corpus', corpus]);
    assert.match(r.err, /not used \(checksum mismatch in sArticle\); rebuilding/);
    assert.match(r.out, /2 articles, indexed/);
    const draft = put(dir, 'd2.txt', DRAFT);
    const j = JSON.parse(run(['check', '--corpus', corpus, '--format', 'json', draft]).out);
    assert.strictEqual(j.diagnostics[0].code, 'figure-conflict');
  });

  it('a flipped bit in a stored text: check shows the corpus file\'s own text and says so; isnad index rebuilds', () => {
    const corpus = path.join(dir, 'text-flip');
    const truth = put(corpus, 'a.txt', QUAKE);
    const file = /: (\S+\.isnad-index)/.exec(run(['index', '--corpus', corpus]).out)![1];
    const flip = () => {
      const buf = fs.readFileSync(file);
      const header = JSON.parse(buf.toString('utf8', HEAD_BYTES, HEAD_BYTES + buf.readUInt32LE(8))) as Header;
      buf[header.texts.offset + 5] ^= 0x01; // inside «2900»
      fs.writeFileSync(file, buf);
    };
    flip();
    const draft = put(dir, 'd4.txt', DRAFT);
    const r = run(['check', '--corpus', corpus, '--format', 'json', draft]);
    assert.match(r.err, /stored text of .*a\.txt fails its checksum/);
    assert.strictEqual(r.code, 1, 'a damaged cache is not an input error');
    const rel = JSON.parse(r.out).diagnostics[0].related[0];
    assert.strictEqual(rel.excerpt, fs.readFileSync(truth, 'utf8'));
    run(['index', '--corpus', corpus]);
    flip();
    const again = run(['index', '--corpus', corpus]);
    assert.match(again.err, /not used \(a stored text fails its checksum\); rebuilding/);
    assert.match(again.out, /1 articles, indexed/);
  });

  it('--verify finds a file changed with its size and time kept', () => {
    const corpus = path.join(dir, 'verify');
    const f = put(corpus, 'a.txt', QUAKE);
    const then = new Date('2020-05-01T00:00:00Z');
    fs.utimesSync(f, then, then);
    run(['index', '--corpus', corpus]);
    fs.writeFileSync(f, QUAKE.replace('2900', '2100'));
    fs.utimesSync(f, then, then);
    assert.match(run(['index', '--corpus', corpus]).out, /up to date \(0 file\(s\) re-read\)/);
    assert.match(run(['index', '--verify', '--corpus', corpus]).out, /up to date \(1 file\(s\) re-read\)/);
    assert.match(run(['--help']).out, /--verify/);
  });

  it('repeated archive ids keep both articles, named apart; a .gz with trailing garbage is read to its end', () => {
    const wires = put(dir, 'wires.jsonl', [{ id: 'a', text: QUAKE }, { id: 'a', text: 'قتل 2950 شخصا في زلزال الحوز.' }].map(x => JSON.stringify(x)).join('\n') + '\n');
    const gz = put(dir, 'more.jsonl.gz', Buffer.concat([zlib.gzipSync(JSON.stringify({ id: 'g', text: 'بلغ عدد قتلى زلزال الحوز في المغرب 2960.' }) + '\n'), Buffer.from('junk')]));
    const draft = put(dir, 'd3.txt', DRAFT);
    const r = run(['check', '--no-cache', '--corpus', wires, '--corpus', gz, '--format', 'json', draft]);
    assert.strictEqual(r.code, 2, r.err);
    assert.match(r.err, /wires\.jsonl:2: id "a" is also on line 1; both kept/);
    assert.match(r.err, /more\.jsonl\.gz: archive is damaged: trailing bytes that are not gzip data/);
    const files = JSON.parse(r.out).diagnostics[0].related.map((x: { file: string }) => path.basename(x.file)).sort();
    assert.deepStrictEqual(files, ['more.jsonl.gz#g', 'wires.jsonl#a', 'wires.jsonl#a@2']);
    const dupOnly = run(['check', '--no-cache', '--corpus', wires, draft]);
    assert.strictEqual(dupOnly.code, 1, 'a repeated id loses nothing: a warning, not an unreadable input');
    assert.match(dupOnly.err, /isnad: warning: .*wires\.jsonl:2: id "a" is also on line 1/);
  });
});
