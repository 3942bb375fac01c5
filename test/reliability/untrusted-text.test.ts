// Corpus text is untrusted on its way to the editor and the terminal: quick fixes insert no bidi controls or
// invisible characters into the draft, hover links survive a ")" in a file name or an archive id, and the
// CLI's text output shows terminal escape sequences as text instead of obeying them.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { marked } from 'marked';
import type { CodeAction, Hover, MarkupContent, TextEdit } from 'vscode-languageserver';
import { stripInvisible } from '../../server/src/core/api';
import { escapeTerminal } from '../../server/src/cli/output';
import { keyFromCorpusUri } from '../../server/src/lsp/protocol';
import { startClient, TestClient } from '../helpers/lsp-client';
import { SEEDS, ROOT } from '../helpers/seeds';
import { tmpDir, put } from '../helpers/tmp';

/** Every invisible or control character a corpus could smuggle in. */
const HIDDEN = /[\p{Cf}\p{Cc}\u2028\u2029]/u;
const DRAFT = 'قتل 5000 شخص في زلزال الحوز بالمغرب.';

describe('reliability: untrusted corpus text', () => {
  let dir: string, c: TestClient | undefined;
  before(() => { dir = tmpDir('untrusted'); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterEach(async () => { await c?.close(); c = undefined; });

  it('stripInvisible drops bidi controls and invisible format characters, keeps visible Arabic signs', () => {
    const s = 'أ\u202Eب\u202Cت\u2067ث\u2069ج\u200Fح\u061Cخ\u200Dد\u200Bذ\uFEFFر\u00ADز\u{E0041}س\u2028ش';
    assert.strictEqual(stripInvisible(s), 'أبتثجحخدذرزسش');
    assert.strictEqual(stripInvisible('\u0600١٢ ٣\t٤\x1b[2J'), '\u0600١٢ ٣ ٤ [2J');
  });

  it('no quick fix inserts a bidi control or an invisible character from the corpus', async () => {
    const corpus = path.join(dir, 'bidi');
    put(corpus, 'a.md', '---\noutlet: "\u202Eرويترز\u202C\u200B"\n---\nقتل \u2067نحو\u2069 2900\u200F شخص في زلزال الحوز الذي ضرب المغرب.\n');
    c = await startClient({ corpus: SEEDS, folder: dir, config: { corpus: { paths: [corpus] } } });
    const uri = await c.open(path.join(dir, 'draft.txt'), DRAFT);
    const d = (await c.pull(uri)).items.find(x => x.code === 'figure-conflict');
    assert.ok(d, 'the corpus figure is read through the controls');
    const data = d!.data as { figure?: { wording: string }; cite?: { text: string } };
    // The analysis cleans the corpus wording it hands over, and the code-actions layer cleans every edit again.
    assert.doesNotMatch(data.figure!.wording, HIDDEN);
    const actions = (await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d!.range, context: { diagnostics: [d] } })) as CodeAction[];
    const edits: TextEdit[] = actions.flatMap(a => a.edit?.changes?.[uri] ?? []);
    assert.ok(edits.length >= 2, 'the figure and citation fixes are offered');
    for (const e of edits) assert.doesNotMatch(e.newText, HIDDEN, JSON.stringify(e.newText));
    for (const a of actions) assert.doesNotMatch(a.title, HIDDEN, JSON.stringify(a.title));
    const use = edits.find(e => /2900/.test(e.newText))!;
    assert.strictEqual(use.newText, 'نحو 2900');
    assert.ok(edits.some(e => e.newText === '، بحسب رويترز'), edits.map(e => e.newText).join(' | '));
    for (const r of d!.relatedInformation ?? []) assert.doesNotMatch(r.message, HIDDEN);
  });

  it('hover links keep a ")" in a file name or an archive id inside the link', async () => {
    const corpus = path.join(dir, 'parens');
    const file = put(corpus, 'report final).txt', 'قتل 2900 شخص في زلزال الحوز الذي ضرب المغرب.\n');
    put(corpus, 'wires (x).jsonl', JSON.stringify({ id: 'afp)1(', text: 'أعلنت السلطات مقتل 2960 شخصا في زلزال الحوز بالمغرب.' }) + '\n');
    c = await startClient({ corpus: SEEDS, folder: dir, config: { corpus: { paths: [corpus] } } });
    const uri = await c.open(path.join(dir, 'draft2.txt'), DRAFT);
    await c.pull(uri);
    const h = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 5 } })) as Hover;
    const html = marked.parse((h.contents as MarkupContent).value, { async: false });
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map(m => m[1].replace(/&amp;/g, '&'));
    assert.strictEqual(hrefs.length, 2, html);
    const fileLink = hrefs.find(x => x.startsWith('file:'))!;
    assert.strictEqual(decodeURIComponent(new URL(fileLink).pathname), file);
    const archive = hrefs.find(x => x.startsWith('isnad-corpus:'))!;
    assert.strictEqual(keyFromCorpusUri(archive.replace(/#L\d+$/, '')), `${path.join(corpus, 'wires (x).jsonl')}#afp)1(`);
  });

  it('terminal escape sequences in corpus text, front matter and file names are shown as text by isnad check', () => {
    const corpus = path.join(dir, 'escapes');
    const ESC = '\x1b';
    put(corpus, 'a.md', `---\ntitle: "clear ${ESC}[2J${ESC}[H"\noutlet: "${ESC}]8;;https://evil.example${ESC}\\\\رويترز${ESC}]8;;${ESC}\\\\"\n---\nقتل 2900 شخص ${ESC}[8mمخفي${ESC}[0m في زلزال الحوز الذي ضرب المغرب.\n`);
    put(corpus, `b${ESC}[31m.txt`, 'قتل 2950 شخصا في زلزال الحوز بالمغرب.\x07\n');
    put(corpus, `c${ESC}.md`, '---\ntitle: [unclosed\n---\nنص.\n');
    const draft = put(dir, 'draft3.txt', DRAFT);
    const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'check', '--no-cache', '--corpus', corpus, draft], { encoding: 'utf8', env: { ...process.env, ISNAD_LANG: 'en' } });
    assert.strictEqual(r.status, 2, r.stderr);
    for (const [name, out] of [['stdout', r.stdout], ['stderr', r.stderr]]) {
      assert.doesNotMatch(out, /[\x00-\x08\x0b-\x1f\x7f-\x9f]/, `${name} carries raw control characters: ${JSON.stringify(out)}`);
    }
    assert.match(r.stdout, /\\x1b\[8mمخفي\\x1b\[0m/);
    assert.match(r.stdout, /\\x1b\]8;;https:\/\/evil\.example/);
    assert.match(r.stdout, /b\\x1b\[31m\.txt/);
    assert.match(r.stderr, /c\\x1b\.md: malformed front matter/);
  });

  it('escapeTerminal makes every control character visible and drops invisible ones', () => {
    assert.strictEqual(escapeTerminal('a\x1b[2Jb\x9b1mc\td\u202Ee\u0007'), 'a\\x1b[2Jb\\x9b1mc\\tde\\x07');
  });
});
