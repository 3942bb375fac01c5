// The language server meets the same corpus files as the CLI: a named pipe in a corpus folder, present at
// start or created while the folder is watched, neither hangs indexing nor stops checking.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { startClient, TestClient } from '../helpers/lsp-client';
import { SEEDS } from '../helpers/seeds';
import { tmpDir, put, mkfifo } from '../helpers/tmp';

describe('reliability: corpus files in the language server', () => {
  let dir: string, c: TestClient | undefined;
  before(() => { dir = tmpDir('lsp-corpus'); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterEach(async () => { await c?.close(); c = undefined; });

  it('a named pipe in a watched corpus folder neither hangs indexing nor later updates', async function () {
    const corpus = path.join(dir, 'fifo');
    put(corpus, 'a.txt', 'ارتفعت حصيلة زلزال الحوز في المغرب إلى 2900 قتيل.\n');
    if (!mkfifo(path.join(corpus, 'pipe.txt'))) this.skip();
    c = await startClient({ corpus: SEEDS, folder: dir, config: { corpus: { paths: [corpus] } } });
    const uri = await c.open(path.join(dir, 'draft.txt'), 'قتل 5000 شخص في زلزال الحوز بالمغرب.');
    assert.strictEqual((await c.pull(uri)).items[0]?.code, 'figure-conflict');
    await c.waitFor(() => c!.statuses.some(s => s.state === 'ready'), 'index ready');
    const before = c.refreshes;
    mkfifo(path.join(corpus, 'pipe2.jsonl'));
    put(corpus, 'b.md', '---\noutlet: رويترز\n---\nقتل 4900 شخص في زلزال الحوز الذي ضرب المغرب.\n');
    await c.waitFor(() => c!.refreshes > before, 'the new article after the new pipe');
    assert.strictEqual((await c.pull(uri)).items[0]?.code, 'figure-disputed');
  });
});
