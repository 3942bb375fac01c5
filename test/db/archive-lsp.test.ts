// The shared archive in the language server (in-process, over a stream pair): checks against it, live updates
// from an ingest, the archive unreachable, the password from the editor, and corpus text inert in hovers.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { assertInertHover } from '../helpers/inert-hover';
import type { Hover } from 'vscode-languageserver';
import { startClient, TestClient } from '../helpers/lsp-client';
import { testArchive, TestArchive, ingestInto } from '../helpers/archive-db';
import { SEEDS, FIXTURES } from '../helpers/seeds';

const QUAKE = 'قتل 5000 شخص في زلزال الحوز بالمغرب.';
const GAZA = fs.readFileSync(path.join(FIXTURES, 'drafts/gaza-briefing.txt'), 'utf8');
const dbState = (c: TestClient) => c.statuses.filter(s => s.database).map(s => s.database!.state);

describe('shared archive in the language server', function () {
  this.timeout(120_000);
  let a: TestArchive, tmp: string, c: TestClient | undefined;
  const corpusDir = (name: string, files: Record<string, string>) => {
    const dir = fs.mkdtempSync(path.join(tmp, `${name}-`));
    for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), text);
    return dir;
  };
  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-db-lsp-'));
    a = await testArchive('lsp');
    await ingestInto(a, { paths: [corpusDir('quake', { 'a.txt': 'ارتفعت حصيلة زلزال الحوز في المغرب إلى 2900 قتيل.\n' })] });
  });
  afterEach(async () => { await c?.close(); c = undefined; });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('checks against the archive; an article ingested meanwhile reaches the open draft within 2 s', async () => {
    c = await startClient({ corpus: SEEDS, folder: tmp, config: { corpus: { database: a.readerUrl } } });
    const uri = await c.open(path.join(tmp, 'quake.txt'), QUAKE);
    const first = (await c.pull(uri)).items;
    assert.deepStrictEqual(first.map(d => d.code), ['figure-conflict']);
    assert.ok(first[0].relatedInformation!.every(r => r.location.uri.startsWith('isnad-corpus:')), 'archived articles open through the server');
    await c.waitFor(() => dbState(c!).includes('connected'), 'the archive connected');
    const before = c.refreshes;
    const t0 = Date.now();
    await ingestInto(a, { paths: [corpusDir('wire', { 'b.md': '---\noutlet: رويترز\n---\nقتل 4900 شخص في زلزال الحوز الذي ضرب المغرب.\n' })] });
    await c.waitFor(() => c!.refreshes > before, 'a diagnostics refresh after the ingest', 2000);
    const latency = Date.now() - t0;
    const d = (await c.pull(uri)).items[0];
    assert.strictEqual(d.code, 'figure-disputed');
    assert.ok(d.relatedInformation!.some(r => decodeURIComponent(r.location.uri).endsWith('b.md')));
    assert.ok(latency < 2000, `${latency} ms from ingest to refresh`);
  });

  it('the archive unreachable: the status says why, the local corpus keeps working, nothing waits past the timeout', async () => {
    const config = { corpus: { database: 'postgresql://isnad_reader@127.0.0.1:1/archive', databaseTimeout: 500, paths: [SEEDS] } };
    c = await startClient({ corpus: SEEDS, folder: tmp, config });
    const uri = await c.open(path.join(tmp, 'gaza.txt'), GAZA);
    const t0 = Date.now();
    const items = (await c.pull(uri)).items;
    assert.ok(Date.now() - t0 < 3000, `${Date.now() - t0} ms`);
    assert.ok(items.some(d => d.code === 'figure-conflict'), 'the seeds still check the draft');
    await c.waitFor(() => dbState(c!).includes('unreachable'), 'an unreachable status');
    const s = c.statuses.find(x => x.database?.state === 'unreachable')!.database!;
    assert.match(s.message ?? '', /unreachable|ECONNREFUSED/);
  });

  it('a refused login asks the editor for the password once, then connects with it', async () => {
    const full = a.cluster.url('reader', 'tcp', a.name);
    const password = decodeURIComponent(new URL(full).password);
    const asked: boolean[] = [];
    c = await startClient({
      corpus: SEEDS, folder: tmp, config: { corpus: { database: full.replace(/:[^:@/]+@/, '@') } },
      password: p => { asked.push(p.ask); return p.ask ? password : null; },
    });
    const uri = await c.open(path.join(tmp, 'quake2.txt'), QUAKE);
    await c.pull(uri); // the first check connects (and, refused, asks)
    await c.waitFor(() => dbState(c!).includes('connected'), 'connected with the editor\'s password', 10_000);
    assert.deepStrictEqual(asked, [false, true], 'the stored password first, then the user once');
    assert.ok(dbState(c).includes('unreachable'), 'the refused login was shown');
    assert.ok((await c.pull(uri)).items.some(d => String(d.code).startsWith('figure-')));
  });

  it('hostile article text from the archive stays inert in hovers', async () => {
    const b = await testArchive('lsp-hostile');
    await ingestInto(b, { paths: [corpusDir('hostile', { 'evil.txt': 'زلزال الحوز <img src=x onerror=alert(1)> قتل 2900 شخص [انقر](command:workbench.action.terminal.new) `rm -rf` **عريض** في المغرب.\n' })] });
    c = await startClient({ corpus: SEEDS, folder: tmp, config: { corpus: { database: b.readerUrl } } });
    const uri = await c.open(path.join(tmp, 'q.txt'), QUAKE);
    const h = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 5 } })) as Hover;
    const html = assertInertHover(h);
    assert.match(html, /href="isnad-corpus:/, 'the link opens the archived article through the server');
  });
});
