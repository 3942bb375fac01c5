// isnad/factSheet: the items of an open draft from its cached analysis, their states, labels and passages.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startClient, TestClient } from '../helpers/lsp-client';
import { SEEDS, FIXTURES } from '../helpers/seeds';
import { FACT_SHEET_REQUEST, FactSheet } from '../../server/src/lsp/protocol';

const BRIEFING = fs.readFileSync(path.join(FIXTURES, 'drafts/gaza-briefing.txt'), 'utf8');
let tmp: string;
let c: TestClient;
const sheet = (uri: string) => c.conn.sendRequest(FACT_SHEET_REQUEST, { uri }) as Promise<FactSheet | null>;

describe('isnad/factSheet', () => {
  before(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-lsp-sheet-')); });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  afterEach(async () => { await c?.close(); });

  it('lists every figure and attribution in reading order with its state, label and passages', async () => {
    c = await startClient({ corpus: SEEDS, folder: tmp });
    const uri = await c.open(path.join(tmp, 'briefing.txt'), BRIEFING);
    const s = (await sheet(uri))!;
    assert.strictEqual(s.version, 1);
    assert.strictEqual(s.header, 'رقمان و3 إسنادات: 1 موثق، 3 متعارضة، 1 مختلف عليه، 2 تناقض المسودة');
    const doc = TextDocument.create(uri, 'plaintext', 1, BRIEFING);
    assert.deepStrictEqual(s.items.map(i => [doc.getText(i.range), i.text, i.state]), [
      ['أكثر من 50 ألف', 'أكثر من 50 ألف', 'conflicts'], ['نحو 32 ألف', 'نحو 32 ألف', 'disputed'],
      ['حسب وزارة الصحة في غزة', 'حسب وزارة الصحة في غزة', 'agrees'],
      ['ونقلت بوليتيكو عن خمسة مسؤولين', 'ونقلت بوليتيكو عن خمسة مسؤولين', 'conflicts'], ['وقالت صحيفة الغارديان', 'وقالت صحيفة الغارديان', 'conflicts']]);
    const [toll, , ministry] = s.items;
    assert.strictEqual(toll.label, 'يخالف الأرشيف');
    assert.match(ministry.label, /^موثق · (مصدر واحد|مصدران|\d+ مصادر)$/);
    assert.deepStrictEqual(toll.inconsistentWith.map(x => [doc.getText(x.range), x.label]), [['نحو 32 ألف', 'يناقض السطر 4: «نحو 32 ألف»']]);
    assert.ok(toll.passages.length >= 2);
    for (const p of toll.passages) {
      assert.match(p.origin, /^(سبوتنيك|صدى البلد|مصدر غير معروف)( · |$)/);
      assert.match(p.place, /^\d{3}_[0-9a-f]{16}\.txt:\d+$/);
      const lines = fs.readFileSync(new URL(p.location!.uri), 'utf8').split('\n');
      assert.strictEqual(String(p.location!.range.start.line + 1), p.place.split(':')[1]);
      assert.ok(lines[p.location!.range.start.line].includes(p.sentence.slice(p.mark!.start, p.mark!.end)), 'opens at the sentence of its figure');
    }
    assert.strictEqual(s.stateNames.none, 'لا مصدر له في الأرشيف');
  });

  it('follows edits: the sheet of the new version; null for a document that is not open', async () => {
    c = await startClient({ corpus: SEEDS, folder: tmp, config: { messages: { language: 'en' } } });
    const uri = await c.open(path.join(tmp, 'edit.txt'), BRIEFING);
    assert.strictEqual((await sheet(uri))!.items[0].state, 'conflicts');
    c.change(uri, 2, BRIEFING.replace('أكثر من 50 ألف', 'أكثر من 32 ألف'));
    const s = (await sheet(uri))!;
    assert.strictEqual(s.version, 2);
    assert.deepStrictEqual(s.items.slice(0, 2).map(i => i.inconsistentWith.length), [0, 0], 'the draft agrees with itself now');
    assert.notStrictEqual(s.items[0].state, 'conflicts');
    assert.match(s.header, /^2 figures and 3 attributions: /);
    assert.strictEqual(await sheet(uri.replace('edit.txt', 'not-open.txt')), null);
  });
});
