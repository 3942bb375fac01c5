// Spawns the built CLI the way a pipeline would.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { ROOT, FIXTURES } from '../helpers/seeds';
import { bugFixtures, materialiseCorpus, expectedRows } from '../helpers/fixtures';

const CLI = path.join(ROOT, 'dist/cli.js');
const DRAFT = path.join(FIXTURES, 'drafts/gaza-briefing.txt');
function run(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ISNAD_LANG: 'en', ISNAD_CACHE_DIR: path.join(tmp, 'cache') } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
let tmp: string;
const write = (name: string, data: string | Buffer) => { const p = path.join(tmp, name); fs.mkdirSync(path.dirname(p), { recursive: true }); fs.writeFileSync(p, data); return p; };

describe('isnad check', () => {
  before(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-cli-')); });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  it('reports the sample draft against the bundled seeds and exits 1', () => {
    const r = run(['check', DRAFT]);
    assert.strictEqual(r.code, 1, r.err);
    assert.match(r.out, /gaza-briefing\.txt:3:\d+: warning figure-conflict: /);
    assert.match(r.out, /source-count-conflict/);
    assert.match(r.out, /attribution-conflict/);
    assert.match(r.out, /^ {4}conflicts — /m);
  });
  it('prints exactly the JSON shape with LSP positions', () => {
    const r = run(['check', '--format', 'json', DRAFT]);
    const j = JSON.parse(r.out);
    assert.deepStrictEqual(Object.keys(j), ['diagnostics']);
    const text = fs.readFileSync(DRAFT, 'utf8').split('\n');
    for (const d of j.diagnostics) {
      assert.deepStrictEqual(Object.keys(d).sort(), ['code', 'file', 'message', 'range', 'related', 'severity']);
      assert.ok(['error', 'warning', 'information', 'hint'].includes(d.severity));
      for (const rel of d.related) assert.deepStrictEqual(Object.keys(rel).sort(), ['date', 'excerpt', 'file', 'outlet', 'range']);
    }
    const fc = j.diagnostics.find((d: { code: string }) => d.code === 'figure-conflict');
    assert.strictEqual(fc.range.start.line, 2);
    assert.strictEqual(text[2].slice(fc.range.start.character, fc.range.end.character), '50 ألف');
    const sc = j.diagnostics.find((d: { code: string }) => d.code === 'source-count-conflict');
    assert.strictEqual(text[sc.range.start.line].slice(sc.range.start.character, sc.range.end.character), 'خمسة مسؤولين');
    const rel = fc.related[0];
    const art = fs.readFileSync(path.resolve(ROOT, rel.file), 'utf8').split(/\r?\n/)[rel.range.start.line];
    assert.ok(art.slice(rel.range.start.character).length > 0);
    assert.ok(!j.diagnostics.some((d: { range: { start: { line: number } } }) => d.range.start.line === 6), 'year and time lines are silent');
  });
  it('exits 0 on a draft with no conflicts', () => {
    const p = write('clean.txt', 'قُتل أكثر من 32 ألف فلسطيني في غزة، حسب وزارة الصحة في غزة.\n');
    assert.strictEqual(run(['check', p]).code, 0);
  });
  it('CRLF and a BOM do not shift columns', () => {
    const body = 'سطر أول\r\nقُتل أكثر من 50 ألف فلسطيني في غزة.\r\n';
    const plain = JSON.parse(run(['check', '--format', 'json', write('lf.txt', body.replace(/\r\n/g, '\n'))]).out).diagnostics[0].range;
    const crlf = JSON.parse(run(['check', '--format', 'json', write('crlf.txt', '\uFEFF' + body)]).out).diagnostics[0].range;
    assert.deepStrictEqual(crlf, plain);
    assert.deepStrictEqual(plain.start, { line: 1, character: 13 });
  });
  it('reads folder and JSONL corpora, with front matter and outlet lines', () => {
    const dir = path.join(tmp, 'archive');
    write('archive/a/report.md', '---\ntitle: تقرير\noutlet: رويترز\ndate: 2024-04-01\n---\nقتل 900 شخص في زلزال ضرب إقليم الحوز بالمغرب.\n');
    const gz = path.join(tmp, 'wires.jsonl.gz');
    fs.writeFileSync(gz, zlib.gzipSync(JSON.stringify({ id: 'w1', outlet: 'AFP', date: '2024-04-02', text: 'ارتفعت حصيلة زلزال الحوز في المغرب إلى 2900 قتيل.' }) + '\n'));
    // Written the day after the reports (a draft without a date is written today, years after them).
    const draft = write('d.txt', '---\ndate: 2024-04-02\n---\nقتل 5000 شخص في زلزال الحوز بالمغرب.');
    const r = run(['check', '--corpus', dir, '--corpus', gz, '--format', 'json', draft]);
    assert.strictEqual(r.code, 1, r.err);
    const d = JSON.parse(r.out).diagnostics[0];
    assert.strictEqual(d.code, 'figure-conflict');
    const files = d.related.map((x: { file: string }) => x.file);
    assert.ok(files.some((f: string) => f.endsWith('report.md')) && files.some((f: string) => f.endsWith('wires.jsonl.gz#w1')), files.join());
    assert.ok(d.related.some((x: { outlet: string; date: string }) => x.outlet === 'رويترز' && x.date === '2024-04-01'));
  });
  it('bad input: a clear message per file, the rest still checked, exit 2, no stack trace', () => {
    const big = write('big.txt', Buffer.alloc(5 * 1024 * 1024 + 10, 'ا'));
    const bin = write('bin.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]));
    const bad = write('bad.txt', Buffer.from([0xd9, 0x82, 0xff, 0xfe, 0x20]));
    const empty = write('empty.txt', '');
    const jsonl = write('broken.jsonl', '{"text":"قتل 900 شخص في زلزال الحوز"}\n{not json\n{"id":"x"}\n');
    const good = write('good.txt', 'قتل 5000 شخص في زلزال الحوز بالمغرب.');
    const r = run(['check', '--corpus', jsonl, '--corpus', path.join(tmp, 'missing-dir'), '--format', 'json', big, bin, bad, empty, good, path.join(tmp, 'nope.txt')]);
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /broken\.jsonl:2: malformed JSON/);
    assert.match(r.err, /broken\.jsonl:3: no "text" field/);
    assert.match(r.err, /missing-dir: corpus path does not exist/);
    assert.match(r.err, /big\.txt: file is larger than 5 MB/);
    assert.match(r.err, /bin\.txt: binary file/);
    assert.match(r.err, /bad\.txt: not valid UTF-8/);
    assert.match(r.err, /nope\.txt: cannot read: no such file/);
    assert.doesNotMatch(r.err, /at .*\.js:\d+/);
    const j = JSON.parse(r.out);
    assert.ok(j.diagnostics.some((d: { file: string; code: string }) => d.file.endsWith('good.txt') && d.code === 'figure-conflict'));
    assert.ok(!r.err.includes('empty.txt'), 'an empty draft has nothing to check: not an input error');
  });
  it('bad usage exits 2 with a message', () => {
    assert.strictEqual(run(['check']).code, 2);
    assert.strictEqual(run(['check', '--format', 'xml', DRAFT]).code, 2);
    assert.strictEqual(run(['frobnicate']).code, 2);
    assert.match(run(['frobnicate']).err, /unknown command/);
  });
  it('--help explains commands, options, codes and exit status', () => {
    const r = run(['--help']);
    assert.strictEqual(r.code, 0);
    for (const w of ['--corpus', '--format', '.jsonl.gz', 'figure-conflict', 'source-count-conflict', 'Exit status', 'lsp --stdio']) assert.ok(r.out.includes(w), w);
  });
  it('isnad index persists the corpus; check reuses it and re-reads only a changed file', () => {
    const dir = path.join(tmp, 'persist');
    write('persist/a.txt', 'ارتفعت حصيلة زلزال الحوز في المغرب إلى 2900 قتيل.');
    const first = run(['index', '--corpus', dir]);
    assert.strictEqual(first.code, 0, first.err);
    assert.match(first.out, /1 articles, indexed in .* s: .*\.isnad-index/);
    const again = run(['index', '--corpus', dir]);
    assert.match(again.out, /persisted index up to date \(0 file\(s\) re-read\)/);
    write('persist/b.txt', 'قتل 4900 شخص في زلزال الحوز الذي ضرب المغرب.');
    assert.match(run(['index', '--corpus', dir]).out, /2 articles, persisted index up to date \(1 file\(s\) re-read\)/);
    const draft = write('persist-draft.txt', 'قتل 5000 شخص في زلزال الحوز بالمغرب.');
    const j = JSON.parse(run(['check', '--corpus', dir, '--format', 'json', draft]).out);
    assert.strictEqual(j.diagnostics[0].code, 'figure-disputed');
  });
  it('a corrupt persisted index is rebuilt, not trusted', () => {
    const dir = path.join(tmp, 'corrupt');
    write('corrupt/a.txt', 'ارتفعت حصيلة زلزال الحوز في المغرب إلى 2900 قتيل.');
    const out = run(['index', '--corpus', dir]).out;
    const file = /: (\S+\.isnad-index)/.exec(out)![1];
    const buf = fs.readFileSync(file);
    fs.writeFileSync(file, buf.subarray(0, buf.length - 100));
    const r = run(['index', '--corpus', dir]);
    assert.match(r.err, /not used \(truncated or padded file\); rebuilding/);
    assert.match(r.out, /1 articles, indexed/);
    const draft = write('corrupt-draft.txt', 'قتل 5000 شخص في زلزال الحوز بالمغرب.');
    assert.strictEqual(run(['check', '--corpus', dir, draft]).code, 1);
  });
  it('isnad lsp --stdio speaks LSP on stdin/stdout (for Neovim, Emacs, Helix, Zed)', async () => {
    const { spawn } = await import('child_process');
    const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = await import('vscode-languageserver-protocol/node');
    const proc = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { env: { ...process.env, ISNAD_CACHE_DIR: path.join(tmp, 'cache') } });
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout), new StreamMessageWriter(proc.stdin));
    const published = new Promise<{ diagnostics: { code: string }[] }>(resolve => conn.onNotification('textDocument/publishDiagnostics', (p: { diagnostics: { code: string }[] }) => { if (p.diagnostics.length) resolve(p); }));
    conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
    conn.listen();
    try {
      const init = await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } } }) as { capabilities: { hoverProvider: boolean } };
      assert.ok(init.capabilities.hoverProvider);
      await conn.sendNotification('initialized', {});
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///tmp/nvim-draft.txt', languageId: 'plaintext', version: 1, text: 'قُتل أكثر من 50 ألف فلسطيني في غزة.' } });
      assert.strictEqual((await published).diagnostics[0].code, 'figure-conflict');
      await conn.sendRequest('shutdown');
    } finally {
      conn.dispose();
      proc.kill();
    }
  });
  it('a draft that is inside the corpus never matches itself', () => {
    const dir = path.join(tmp, 'self');
    const p = write('self/draft.txt', 'قتل 5000 شخص في زلزال الحوز بالمغرب.');
    write('self/other.txt', 'ارتفعت حصيلة زلزال الحوز في المغرب إلى 2900 قتيل.');
    const j = JSON.parse(run(['check', '--corpus', dir, '--format', 'json', p]).out);
    for (const d of j.diagnostics) for (const rel of d.related) assert.ok(!rel.file.endsWith('draft.txt'));
    assert.ok(j.diagnostics.length > 0);
  });
  for (const fx of bugFixtures()) {
    it(`bug fixture ${fx.name}`, () => {
      const draft = write(`bugs/${fx.name}.txt`, fx.draft);
      const r = run(['check', '--no-cache', '--corpus', materialiseCorpus(fx, path.join(tmp, 'bug-corpora')), '--format', 'json', draft]);
      const diags: { code: string; range: { start: { line: number; character: number }; end: { character: number } }; related: { outlet: string | null }[] }[] = JSON.parse(r.out).diagnostics;
      const lines = fx.draft.split('\n');
      assert.deepStrictEqual(diags.map(d => `${d.code} «${lines[d.range.start.line].slice(d.range.start.character, d.range.end.character)}»`), expectedRows(fx));
      fx.findings.forEach((want, i) => { if (want.outlet) assert.ok(diags[i].related.some(x => x.outlet === want.outlet)); });
    });
  }
});
