// The workspace's .isnad-ignore.json is the newsroom's file: read like VS Code reads JSON (BOM, comments,
// trailing commas), edited in place, never overwritten when it could not be read, never followed out of the
// workspace through a link, and never waited on when it is a pipe.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { startClient, TestClient } from '../helpers/lsp-client';
import { SEEDS } from '../helpers/seeds';
import { tmpDir, put, mkfifo } from '../helpers/tmp';
import { readIgnoreFile, addToIgnoreList, IGNORE_FILE } from '../../server/src/lsp/ignore-list';

const GAZA = 'قُتل أكثر من 50 ألف فلسطيني في غزة منذ بداية الحرب.';

describe('reliability: the ignore file', () => {
  let root: string, c: TestClient | undefined;
  before(() => { root = tmpDir('ignore'); });
  after(() => fs.rmSync(root, { recursive: true, force: true }));
  afterEach(async () => { await c?.close(); c = undefined; });

  /** Opens the Gaza draft in a fresh workspace and chooses Ignore on its figure conflict. */
  async function ignoreInEditor(ws: string): Promise<{ key: string; before: Diagnostic[]; after: Diagnostic[] }> {
    c = await startClient({ corpus: SEEDS, folder: ws });
    const uri = await c.open(path.join(ws, 'draft.txt'), GAZA);
    const before = (await c.pull(uri)).items;
    const d = before.find(x => x.code === 'figure-conflict')!;
    const actions = (await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
    const ignore = actions.find(a => a.command)!.command!;
    await c.conn.sendRequest('workspace/executeCommand', { command: ignore.command, arguments: ignore.arguments });
    return { key: ignore.arguments![1] as string, before, after: (await c.pull(uri)).items };
  }

  it('a file with a BOM, comments and a trailing comma is read, and Ignore keeps all of it', async () => {
    const ws = path.join(root, 'jsonc');
    const original = '\uFEFF// Reviewed by the desk, 3 March.\n{\n\t"ignore": [\n\t\t"kept-entry", // the Rafah toll\n\t],\n}\n';
    const file = put(ws, IGNORE_FILE, original);
    assert.deepStrictEqual(readIgnoreFile(ws).entries, ['kept-entry']);
    const { key, after } = await ignoreInEditor(ws);
    assert.ok(!after.some(d => d.code === 'figure-conflict'), 'the finding is silenced');
    const text = fs.readFileSync(file, 'utf8');
    assert.ok(text.startsWith('\uFEFF// Reviewed by the desk, 3 March.\n{\n\t"ignore": [\n\t\t"kept-entry",'), text);
    assert.ok(text.includes('// the Rafah toll') && text.includes(`\t\t"${key}"`), text);
    assert.deepStrictEqual(readIgnoreFile(ws).entries, ['kept-entry', key]);
  });

  it('a file that cannot be parsed is left byte for byte as it was, and the user is told', async () => {
    const ws = path.join(root, 'broken');
    const original = '{\n  "ignore": [\n    "a"\n    "b"\n  ]\n}\n';
    const file = put(ws, IGNORE_FILE, original);
    await ignoreInEditor(ws);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), original);
    await c!.waitFor(() => c!.shown.some(m => /not valid JSON \(CommaExpected at line 4, column 5\).*not changed/.test(m)), 'a warning naming the error');
  });

  it('a symbolic link is not followed: the file it points to outside the workspace is untouched', async function () {
    if (process.platform === 'win32') this.skip();
    const ws = path.join(root, 'linked');
    const outside = put(root, 'outside.json', '{"ignore": ["x"]}\n');
    fs.mkdirSync(ws);
    fs.symlinkSync(outside, path.join(ws, IGNORE_FILE));
    const { after } = await ignoreInEditor(ws);
    assert.strictEqual(fs.readFileSync(outside, 'utf8'), '{"ignore": ["x"]}\n');
    assert.ok(fs.lstatSync(path.join(ws, IGNORE_FILE)).isSymbolicLink());
    assert.ok(after.some(d => d.code === 'figure-conflict'), 'not silenced: the entry was not written');
    await c!.waitFor(() => c!.shown.some(m => /symbolic link, which isnad does not follow/.test(m)), 'a warning about the link');
  });

  it('"ignore" that is not a list, or a file that is a named pipe, is refused without waiting', function () {
    const ws = path.join(root, 'shapes');
    put(ws, IGNORE_FILE, '{"ignore": "all of them"}');
    assert.match(addToIgnoreList(ws, 'k')!, /"ignore" is not a list; it was not changed/);
    assert.strictEqual(fs.readFileSync(path.join(ws, IGNORE_FILE), 'utf8'), '{"ignore": "all of them"}');
    const pipe = path.join(root, 'pipe');
    fs.mkdirSync(pipe);
    if (!mkfifo(path.join(pipe, IGNORE_FILE))) this.skip();
    assert.match(readIgnoreFile(pipe).problem!, /named pipe/);
    assert.match(addToIgnoreList(pipe, 'k')!, /named pipe/);
  });

  it('an added entry follows the file\'s indentation and line ends; a missing list is created', () => {
    const ws = path.join(root, 'crlf');
    const file = put(ws, IGNORE_FILE, '{\r\n    "ignore": [\r\n        "a"\r\n    ]\r\n}\r\n');
    assert.strictEqual(addToIgnoreList(ws, 'b'), undefined);
    assert.strictEqual(fs.readFileSync(file, 'utf8'), '{\r\n    "ignore": [\r\n        "a",\r\n        "b"\r\n    ]\r\n}\r\n');
    const other = path.join(root, 'nolist');
    const f2 = put(other, IGNORE_FILE, '{\n  // ours\n  "owner": "desk"\n}\n');
    assert.strictEqual(addToIgnoreList(other, 'k'), undefined);
    assert.strictEqual(fs.readFileSync(f2, 'utf8'), '{\n  // ours\n  "owner": "desk",\n  "ignore": [\n    "k"\n  ]\n}\n');
    assert.deepStrictEqual(fs.readdirSync(other), [IGNORE_FILE], 'no temporary file left');
  });
});
