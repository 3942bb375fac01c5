// Where a passage comes from, as an editor says it: outlet · date · title first, the file and line last and short,
// in related information and hovers; «مصدر غير معروف» for an article with no outlet, never its first sentence.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Hover, MarkupContent } from 'vscode-languageserver';
import { startClient, TestClient } from '../helpers/lsp-client';
import { SEEDS } from '../helpers/seeds';

const GAZA = 'قُتل أكثر من 50 ألف فلسطيني في غزة منذ بداية الحرب.';
let tmp: string;
let c: TestClient;

describe('passage origins in the language server', () => {
  before(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-lsp-origin-')); });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  afterEach(async () => { await c?.close(); });

  it('related information starts with the outlet (or «مصدر غير معروف»), date and title', async () => {
    const corpus = fs.mkdtempSync(path.join(tmp, 'corpus-'));
    fs.writeFileSync(path.join(corpus, 'reuters.md'), '---\ntitle: حصيلة الحرب في غزة\noutlet: رويترز\ndate: 2024-03-20\n---\nقتل أكثر من 32 ألف فلسطيني في غزة منذ بداية الحرب.\n');
    fs.writeFileSync(path.join(corpus, 'bare.txt'), 'قتل في غزة أكثر من 31 ألف فلسطيني منذ بداية الحرب على القطاع.\n');
    c = await startClient({ corpus: SEEDS, folder: tmp, config: { corpus: { paths: [corpus] } } });
    // Written the day of the Reuters report (a draft without a date is written today, years after it).
    const uri = await c.open(path.join(tmp, 'draft.txt'), `---\ndate: 2024-03-20\n---\n${GAZA}`);
    const d = (await c.pull(uri)).items.find(x => x.code === 'figure-conflict')!;
    const messages = d.relatedInformation!.map(r => r.message);
    assert.ok(messages.includes('رويترز · 2024-03-20 · حصيلة الحرب في غزة: «قتل أكثر من 32 ألف فلسطيني في غزة منذ بداية الحرب.»'), messages.join('\n'));
    const bare = messages.find(m => m.includes('31 ألف'))!;
    assert.ok(bare.startsWith('مصدر غير معروف · '), bare);
  });

  it('a hover names outlet · date · title first and the file and line last, short', async () => {
    c = await startClient({ corpus: SEEDS, folder: tmp });
    const uri = await c.open(path.join(tmp, 'hover.txt'), GAZA);
    const h = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 14 } })) as Hover;
    // Passages, with the similar reports under their own heading.
    const blocks = (h.contents as MarkupContent).value.split('\n\n---\n\n').slice(1).filter(b => !b.startsWith('**'));
    assert.ok(blocks.length >= 2);
    for (const b of blocks) {
      const [head, quote, why, link] = b.split('\n\n');
      assert.match(head, /^([✓✗] \*\*[^*]+\*\* —|·) (سبوتنيك|صدى البلد|مصدر غير معروف) · /, head);
      assert.ok(quote.startsWith('> '));
      // Why it was judged the same fact or not: the score and its reasons.
      assert.match(why, /^\*الواقعة نفسها؟ \d+٪/, why);
      // The file's own name and the line, as a link to the article at that line: last.
      assert.match(link, /^\[\d{3}\\_[0-9a-f]{16}\\\.txt\\:\d+\]\(file:\/\/\/.*\/seeds\/\d{3}_[0-9a-f]{16}\.txt#L\d+\)$/, link);
    }
  });
});
