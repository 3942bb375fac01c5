// figure-inconsistent through the language server: the diagnostic, related information at the draft's other
// statement, and «make them equal» either way, exact and withdrawn once the text it edits changed.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver';
import { startClient, TestClient } from '../helpers/lsp-client';
import { SEEDS } from '../helpers/seeds';

const DRAFT = [
  'غزة: الحرب تدخل شهرها السادس',
  'قُتل أكثر من 32 ألف فلسطيني في قطاع غزة منذ بدء الحرب في السابع من أكتوبر، وفق وزارة الصحة في القطاع.',
  'وتواصلت الغارات الإسرائيلية على مدينة رفح جنوبي القطاع.',
  'وبحسب الأرقام الرسمية، قتل 30 ألفا من الفلسطينيين في غزة منذ بدء الحرب، أغلبهم من النساء والأطفال.',
].join('\n');

let tmp: string;
let c: TestClient;
const read = (doc: string, r: Diagnostic['range']) => TextDocument.create('x', 'plaintext', 1, doc).getText(r);
const apply = (doc: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create('x', 'plaintext', 1, doc), edits);
const actionsFor = async (uri: string, d: Diagnostic) =>
  (await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];

describe('figure-inconsistent in the language server', () => {
  before(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-lsp-self-')); });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  afterEach(async () => { await c?.close(); });

  it('is reported with no corpus, with related information at the other statement in the draft', async () => {
    const none = fs.mkdtempSync(path.join(tmp, 'empty-corpus-'));
    c = await startClient({ corpus: SEEDS, folder: tmp, config: { corpus: { paths: [none] } } });
    const uri = await c.open(path.join(tmp, 'war.txt'), DRAFT);
    const { items } = await c.pull(uri);
    assert.deepStrictEqual(items.map(d => d.code), ['figure-inconsistent']);
    const d = items[0];
    assert.strictEqual(read(DRAFT, d.range), '30 ألفا');
    assert.strictEqual(d.severity, 2);
    const [rel, ...more] = d.relatedInformation!;
    assert.strictEqual(more.length, 0);
    assert.strictEqual(rel.location.uri, uri);
    assert.strictEqual(read(DRAFT, rel.location.range), 'أكثر من 32 ألف');
    assert.strictEqual(rel.message, 'الواقعة نفسها في السطر 2: «أكثر من 32 ألف»');
  });

  it('«make them equal» either way, each an exact edit; the ignore fix too', async () => {
    c = await startClient({ corpus: SEEDS, folder: tmp, config: { messages: { language: 'en' } } });
    const uri = await c.open(path.join(tmp, 'fix.txt'), DRAFT);
    const d = (await c.pull(uri)).items.find(x => x.code === 'figure-inconsistent')!;
    const actions = await actionsFor(uri, d);
    assert.deepStrictEqual(actions.map(a => a.title), [
      'Make them equal: write "أكثر من 32 ألف" here', 'Make them equal: write "30 ألفا" on line 2', 'Ignore this finding']);
    assert.ok(actions[0].isPreferred);
    assert.strictEqual(apply(DRAFT, actions[0].edit!.changes![uri]), DRAFT.replace('قتل 30 ألفا', 'قتل أكثر من 32 ألف'));
    const there = apply(DRAFT, actions[1].edit!.changes![uri]);
    assert.strictEqual(there, DRAFT.replace('قُتل أكثر من 32 ألف', 'قُتل 30 ألفا'));
    // Either way the draft agrees with itself.
    c.change(uri, 2, there);
    assert.ok(!(await c.pull(uri)).items.some(x => x.code === 'figure-inconsistent'));
  });

  it('a fix is withdrawn once the figure it rewrites was edited', async () => {
    c = await startClient({ corpus: SEEDS, folder: tmp });
    const uri = await c.open(path.join(tmp, 'later.txt'), DRAFT);
    const d = (await c.pull(uri)).items.find(x => x.code === 'figure-inconsistent')!;
    c.change(uri, 2, DRAFT.replace('أكثر من 32 ألف', 'أكثر من 33 ألف'));
    const titles = (await actionsFor(uri, d)).filter(a => a.edit).map(a => a.title);
    assert.deepStrictEqual(titles, ['وحّد الرقمين: اكتب «أكثر من 32 ألف» هنا'], 'only the edit of the unchanged figure');
  });
});
