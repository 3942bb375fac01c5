// Every bug fixture, through the language server as an editor sees it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startClient, TestClient } from '../helpers/lsp-client';
import { SEEDS } from '../helpers/seeds';
import { bugFixtures, materialiseCorpus, expectedRows } from '../helpers/fixtures';

describe('bug fixtures (language server)', () => {
  let tmp: string;
  let c: TestClient | undefined;
  before(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-lsp-bugs-')); });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  afterEach(async () => { await c?.close(); c = undefined; });
  for (const fx of bugFixtures()) {
    it(`${fx.name}`, async () => {
      const corpus = materialiseCorpus(fx, tmp);
      c = await startClient({ corpus: SEEDS, folder: tmp, config: { corpus: { paths: [corpus] }, messages: { language: 'en' } } });
      const uri = await c.open(path.join(tmp, `${fx.name}.txt`), fx.draft);
      const { items } = await c.pull(uri);
      const doc = TextDocument.create(uri, 'plaintext', 1, fx.draft);
      assert.deepStrictEqual(items.map(d => `${d.code} «${doc.getText(d.range)}»`), expectedRows(fx));
      fx.findings.forEach((want, i) => {
        if (want.outlet) assert.ok(items[i].relatedInformation!.some(r => r.message.startsWith(want.outlet!)), JSON.stringify(items[i].relatedInformation));
      });
    });
  }
});
