import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Hover, MarkupContent, TextEdit } from 'vscode-languageserver';
import { assertInertHover } from '../helpers/inert-hover';
import { startClient, TestClient } from '../helpers/lsp-client';
import { stillReads } from '../../server/src/lsp/code-actions';
import { SEEDS } from '../helpers/seeds';

const GAZA = 'قُتل أكثر من 50 ألف فلسطيني في غزة منذ بداية الحرب.';
const COUNT = 'ونقلت بوليتيكو عن خمسة مسؤولين أن البنتاغون يبحث تمويل قوة متعددة الجنسيات لحفظ السلام في غزة.';
const GUARDIAN = 'وقالت صحيفة الغارديان إن وزارة الدفاع الأمريكية تجري محادثات مبكرة لتمويل مهمة لحفظ السلام في غزة.';
const DRAFT = [GAZA, COUNT, GUARDIAN, 'في عام 2023 بدأت الحرب، ويعقد الوفد اجتماعه الساعة 10 صباحا.'].join('\n');

let tmp: string;
let c: TestClient;

const text = (doc: string, d: { range: Diagnostic['range'] }) => {
  const t = TextDocument.create('x', 'plaintext', 1, doc);
  return t.getText(d.range);
};
const apply = (doc: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create('x', 'plaintext', 1, doc), edits);
const actionsFor = async (uri: string, d: Diagnostic) =>
  (await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];

describe('language server (in-process)', () => {
  before(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-lsp-')); });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  afterEach(async () => { await c?.close(); });
  it('publishes diagnostics with codes, ranges and related passages on open', async () => {
    c = await startClient({ corpus: SEEDS, folder: tmp });
    const uri = await c.open(path.join(tmp, 'draft.txt'), DRAFT);
    const { items } = await c.pull(uri);
    const byCode = (code: string) => items.find(d => d.code === code)!;
    assert.strictEqual(text(DRAFT, byCode('figure-conflict')), '50 ألف');
    assert.strictEqual(text(DRAFT, byCode('source-count-conflict')), 'خمسة مسؤولين');
    assert.strictEqual(text(DRAFT, byCode('attribution-conflict')), 'وقالت صحيفة الغارديان');
    assert.ok(items.every(d => d.source === 'isnad' && d.range.start.line !== 3));
    const rel = byCode('figure-conflict').relatedInformation!;
    assert.ok(rel.length >= 2);
    for (const r of rel) {
      assert.match(r.location.uri, /^file:\/\/.*seeds\/00\d_[0-9a-f]+\.txt$/);
      const lines = fs.readFileSync(new URL(r.location.uri), 'utf8').split('\n');
      assert.ok(/\d/.test(lines[r.location.range.start.line].slice(r.location.range.start.character, r.location.range.end.character)));
    }
  });

  it('hover on a figure returns the passages with their outlets; no match says so', async () => {
    c = await startClient({ corpus: SEEDS, folder: tmp, config: { messages: { language: 'en' } } });
    const doc = GAZA + '\nاشترى أحمد 3 كتب.';
    const uri = await c.open(path.join(tmp, 'hover.txt'), doc);
    const h = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 16 } })) as Hover;
    const v = (h.contents as MarkupContent).value;
    assert.match(v, /What other sources say/);
    assert.match(v, /وزارة الصحة في غزة/);
    assert.match(v, /\*\*أكثر من 21 ألف\*\*|\*\*21 ألف\*\*/);
    assert.match(v, /conflicts/);
    const none = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 11 } })) as Hover;
    assert.match((none.contents as MarkupContent).value, /No other source/);
  });

  it('each quick fix produces the exact edit', async () => {
    c = await startClient({ corpus: SEEDS, folder: tmp });
    const uri = await c.open(path.join(tmp, 'fix.txt'), DRAFT);
    const { items } = await c.pull(uri);
    const fc = await actionsFor(uri, items.find(d => d.code === 'figure-conflict')!);
    const use = fc.find(a => a.title.startsWith('استخدم'))!;
    const after = apply(DRAFT, use.edit!.changes![uri]);
    assert.ok(after.startsWith('قُتل ' + (items.find(d => d.code === 'figure-conflict')!.data as { figure: { wording: string } }).figure.wording + ' فلسطيني في غزة منذ بداية الحرب، بحسب '), after.split('\n')[0]);
    assert.strictEqual(after.split('\n').slice(1).join('\n'), DRAFT.split('\n').slice(1).join('\n'), 'nothing else changes');
    const cite = fc.find(a => a.title.startsWith('أضف الإسناد'))!;
    assert.match(apply(DRAFT, cite.edit!.changes![uri]).split('\n')[0], /^قُتل أكثر من 50 ألف فلسطيني في غزة منذ بداية الحرب، بحسب .+\.$/);
    const ac = await actionsFor(uri, items.find(d => d.code === 'attribution-conflict')!);
    const fixAttr = ac.find(a => a.title.startsWith('صحّح'))!;
    assert.strictEqual(apply(DRAFT, fixAttr.edit!.changes![uri]).split('\n')[2], GUARDIAN.replace('الغارديان', 'بوليتيكو'));
    const sc = await actionsFor(uri, items.find(d => d.code === 'source-count-conflict')!);
    assert.strictEqual(apply(DRAFT, sc.find(a => a.title.startsWith('استخدم'))!.edit!.changes![uri]).split('\n')[1], COUNT.replace('خمسة مسؤولين', 'أربعة مسؤولين'));
    assert.ok(fc.some(a => a.command?.command === 'isnad.ignoreFinding'));
  });

  it('a fix stays offered after edits elsewhere and is withdrawn once its text or positions change', async () => {
    c = await startClient({ corpus: SEEDS, folder: tmp });
    const uri = await c.open(path.join(tmp, 'later.txt'), DRAFT);
    const { items } = await c.pull(uri); // made for version 1; the editor goes on typing
    const fc = items.find(d => d.code === 'figure-conflict')!, ac = items.find(d => d.code === 'attribution-conflict')!;
    const titles = async (d: Diagnostic) => (await actionsFor(uri, d)).filter(a => a.edit).map(a => a.title.split(' ')[0]).sort();
    const lines = DRAFT.split('\n');
    let version = 1;
    // The server takes the change before the code action request that follows it (one ordered connection);
    // the diagnostics asked about stay the ones made for version 1.
    const edit = async (text: string) => { c.change(uri, ++version, text); return text; };

    // (a) An edit on a later line, and one on the figure's line after its clause: fixes offered, edits exact.
    let now = await edit([lines[0] + ' وأضاف مسؤول.', lines[1], lines[2], lines[3].replace('10 صباحا', 'العاشرة صباحا'), 'سطر جديد'].join('\n'));
    assert.deepStrictEqual(await titles(fc), ['أضف', 'استخدم']);
    const use = (await actionsFor(uri, fc)).find(a => a.title.startsWith('استخدم'))!;
    const wording = (fc.data as { figure: { wording: string } }).figure.wording;
    assert.strictEqual(apply(now, use.edit!.changes![uri]).split('\n')[0].replace(/، بحسب [^.]+\./, '.'),
      lines[0].replace('أكثر من 50 ألف', wording) + ' وأضاف مسؤول.');
    const cite = (await actionsFor(uri, fc)).find(a => a.title.startsWith('أضف الإسناد'))!;
    assert.match(apply(now, cite.edit!.changes![uri]).split('\n')[0], /^قُتل أكثر من 50 ألف فلسطيني في غزة منذ بداية الحرب، بحسب [^.]+\. وأضاف مسؤول\.$/);
    const fix = (await actionsFor(uri, ac)).find(a => a.title.startsWith('صحّح'))!;
    assert.strictEqual(apply(now, fix.edit!.changes![uri]), now.replace('الغارديان', 'بوليتيكو'));

    // (b) The figure's own text changed (same length, same positions): its fixes go, the attribution's stays.
    now = await edit(DRAFT.replace('50 ألف', '51 ألف'));
    assert.deepStrictEqual(await titles(fc), []);
    assert.deepStrictEqual(await titles(ac), ['صحّح']);
    assert.ok((await actionsFor(uri, fc)).some(a => a.command?.command === 'isnad.ignoreFinding'), 'ignoring needs no positions');
    // Words typed between the figure and the end of its clause: the citation would no longer close the clause.
    await edit(DRAFT.replace('بداية الحرب.', 'بداية الحرب الأخيرة.'));
    assert.deepStrictEqual(await titles(fc), []);
    // The clause ran to the line end (no full stop): text typed after it moves the clause end.
    const bare = DRAFT.replace('بداية الحرب.', 'بداية الحرب');
    await edit(bare);
    const fcBare = (await c.pull(uri)).items.find(d => d.code === 'figure-conflict')!;
    assert.deepStrictEqual(await titles(fcBare), ['أضف', 'استخدم']);
    await edit(bare.replace('بداية الحرب', 'بداية الحرب في القطاع'));
    assert.deepStrictEqual(await titles(fcBare), []);

    // (c) Positions shifted: text inserted earlier on the figure's line, or a line inserted above.
    await edit(DRAFT.replace('قُتل', 'وقد قُتل'));
    assert.deepStrictEqual(await titles(fc), []);
    assert.deepStrictEqual(await titles(ac), ['صحّح'], 'the attribution is on another line');
    now = await edit('موجز\n' + DRAFT);
    assert.deepStrictEqual(await titles(fc), []);
    assert.deepStrictEqual(await titles(ac), []);
    // The diagnostics for the current version bring the fixes back, at the new positions.
    const fresh = (await c.pull(uri)).items;
    const again = (await actionsFor(uri, fresh.find(d => d.code === 'attribution-conflict')!)).find(a => a.title.startsWith('صحّح'))!;
    assert.strictEqual(apply(now, again.edit!.changes![uri]), now.replace('الغارديان', 'بوليتيكو'));
  });

  it('stillReads: the exact range must read the expected text', () => {
    const doc = TextDocument.create('x', 'plaintext', 1, 'أ 50 ألف.\r\nب');
    const range = (a: number, b: number, line = 0) => ({ start: { line, character: a }, end: { line, character: b } });
    assert.ok(stillReads(doc, { range: range(2, 8), text: '50 ألف' }));
    assert.ok(!stillReads(doc, { range: range(2, 8), text: '51 ألف' }));
    assert.ok(!stillReads(doc, { range: range(3, 9), text: '50 ألف' }));
    // A range's end past the line's length reads as the line end (the CR LF is not part of the line).
    assert.ok(stillReads(doc, { range: range(2, 10), text: '50 ألف.' }));
    assert.ok(stillReads(doc, { range: range(0, 2, 1), text: 'ب' }));
    assert.ok(!stillReads(doc, undefined));
  });

  it('edits are exact with diacritics, tatweel, RTL marks and CRLF', async () => {
    c = await startClient({ corpus: SEEDS, folder: tmp });
    const doc = 'مقدمة\r\n\u200Fوقالت صحيـــفة الغارديان إن وزارةُ الدفاع الأمريكية تجري محادثات مبكرة لتمويل مهمة لحفظ السلام في غزة.\r\nخاتمة';
    const uri = await c.open(path.join(tmp, 'crlf.txt'), doc);
    const { items } = await c.pull(uri);
    const d = items.find(x => x.code === 'attribution-conflict')!;
    assert.strictEqual(text(doc, d), 'وقالت صحيـــفة الغارديان');
    const a = (await actionsFor(uri, d)).find(x => x.title.startsWith('صحّح'))!;
    assert.strictEqual(apply(doc, a.edit!.changes![uri]), doc.replace('الغارديان', 'بوليتيكو'));
  });

  it('the ignore quick fix silences the finding through the workspace ignore list', async () => {
    const ws = fs.mkdtempSync(path.join(tmp, 'ws-'));
    c = await startClient({ corpus: SEEDS, folder: ws });
    const uri = await c.open(path.join(ws, 'ign.txt'), GAZA);
    const d = (await c.pull(uri)).items.find(x => x.code === 'figure-conflict')!;
    const ign = (await actionsFor(uri, d)).find(a => a.command)!;
    await c.conn.sendRequest('workspace/executeCommand', { command: ign.command!.command, arguments: ign.command!.arguments });
    assert.ok(fs.existsSync(path.join(ws, '.isnad-ignore.json')));
    assert.ok(!(await c.pull(uri)).items.some(x => x.code === 'figure-conflict'));
  });

  it('an edit updates diagnostics and a stale version is never returned', async () => {
    c = await startClient({ corpus: SEEDS, folder: tmp });
    const uri = await c.open(path.join(tmp, 'edit.txt'), GAZA);
    assert.ok((await c.pull(uri)).items.some(d => d.code === 'figure-conflict'));
    const fixed = GAZA.replace('50 ألف', '32 ألف');
    c.change(uri, 2, fixed.replace('32', '3'));
    const stale = c.pull(uri); // asked while more typing follows
    c.change(uri, 3, fixed);
    await assert.rejects(stale, (e: { code: number }) => e.code === -32802); // ServerCancelled: retrigger
    const now = await c.pull(uri);
    assert.ok(!now.items.some(d => d.code === 'figure-conflict'));
    for (const d of now.items) assert.strictEqual((d.data as { version: number }).version, 3);
  });

  it('a corpus file added on disk appears in results without a restart', async () => {
    const corpus = fs.mkdtempSync(path.join(tmp, 'corpus-'));
    fs.writeFileSync(path.join(corpus, 'a.txt'), 'ارتفعت حصيلة زلزال الحوز في المغرب إلى 2900 قتيل.\n');
    c = await startClient({ corpus: SEEDS, folder: tmp, config: { corpus: { paths: [corpus] } } });
    const uri = await c.open(path.join(tmp, 'quake.txt'), 'قتل 5000 شخص في زلزال الحوز بالمغرب.');
    const first = await c.pull(uri);
    assert.strictEqual(first.items.filter(d => d.code === 'figure-conflict').length, 1);
    await c.waitFor(() => c.statuses.some(s => s.state === 'ready'), 'index ready');
    const before = c.refreshes;
    fs.writeFileSync(path.join(corpus, 'b.md'), '---\noutlet: رويترز\n---\nقتل 4900 شخص في زلزال الحوز الذي ضرب المغرب.\n');
    await c.waitFor(() => c.refreshes > before, 'diagnostic refresh after the new article');
    const d = (await c.pull(uri)).items[0];
    assert.strictEqual(d.code, 'figure-disputed');
    assert.ok(d.relatedInformation!.some(r => r.location.uri.endsWith('b.md')));
  });

  it('hover markdown with hostile corpus text is inert', async () => {
    const corpus = fs.mkdtempSync(path.join(tmp, 'hostile-'));
    fs.writeFileSync(path.join(corpus, 'evil.txt'),
      'قتل 2900 شخص في زلزال الحوز في المغرب <img src=x onerror=alert(1)> `rm -rf` **عريض** [انقر](command:rm).\n');
    c = await startClient({ corpus: SEEDS, folder: tmp, config: { corpus: { paths: [corpus] } } });
    const uri = await c.open(path.join(tmp, 'q.txt'), 'قتل 5000 شخص في زلزال الحوز بالمغرب.');
    const h = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 5 } })) as Hover;
    const html = assertInertHover(h);
    assert.ok(html.includes('`rm -rf`') && html.includes('**عريض**') && html.includes('[انقر](command:rm)'), 'shown as typed');
  });

  it('a second start on the same corpus loads the persisted index', async () => {
    const cacheDir = fs.mkdtempSync(path.join(tmp, 'cache-'));
    for (const expected of [false, true]) {
      c = await startClient({ corpus: SEEDS, folder: tmp, cacheDir });
      const uri = await c.open(path.join(tmp, 'persisted.txt'), GAZA);
      assert.ok((await c.pull(uri)).items.some(d => d.code === 'figure-conflict'));
      await c.waitFor(() => c.statuses.some(s => s.state === 'ready'), 'index ready');
      assert.strictEqual((c.statuses.find(s => s.state === 'ready') as { fromCache?: boolean }).fromCache, expected);
      await c.close();
    }
  });

  it('pushes diagnostics to clients without pull support', async () => {
    c = await startClient({ corpus: SEEDS, folder: tmp, pull: false });
    const uri = await c.open(path.join(tmp, 'push.txt'), GAZA);
    await c.waitFor(() => !!c.published.get(uri)?.length, 'published diagnostics');
    assert.strictEqual(c.published.get(uri)![0].code, 'figure-conflict');
  });
});
