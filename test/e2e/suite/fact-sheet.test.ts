// The fact sheet in a real VS Code: its items and header, reveal on select, a passage opened at its sentence, and
// the sheet following an edit. Every wait is on the view's own update event (or the editor's), never a sleep.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { FactSheet } from '../../../server/src/lsp/protocol';
import type { FactSheetApi } from '../../../client/src/fact-sheet';

/** Resolves with the sheet shown for the document's current version once pred holds, on the view's update event. */
function sheetFor(api: FactSheetApi, doc: vscode.TextDocument, pred: (s: FactSheet) => boolean, what: string, ms = 45000): Promise<FactSheet> {
  return new Promise((resolve, reject) => {
    const ok = (s: FactSheet | undefined) => !!s && s.uri === doc.uri.toString() && s.version === doc.version && pred(s);
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`timed out waiting for ${what}: ${JSON.stringify(api.current()?.header)} v${api.current()?.version}/${doc.version}`)); }, ms);
    const sub = api.onDidUpdate(s => { if (ok(s)) { sub.dispose(); clearTimeout(timer); resolve(s!); } });
    if (ok(api.current())) { sub.dispose(); clearTimeout(timer); resolve(api.current()!); }
  });
}

/** Resolves when the editor's selection satisfies pred, on the selection-change event. */
function selectionIn(pred: (e: vscode.TextEditor) => boolean, what: string, ms = 20000): Promise<vscode.TextEditor> {
  return new Promise((resolve, reject) => {
    const find = () => vscode.window.visibleTextEditors.find(pred);
    const timer = setTimeout(() => { sub.dispose(); reject(new Error(`timed out waiting for ${what}`)); }, ms);
    const sub = vscode.window.onDidChangeTextEditorSelection(() => { const e = find(); if (e) { sub.dispose(); clearTimeout(timer); resolve(e); } });
    const e = find();
    if (e) { sub.dispose(); clearTimeout(timer); resolve(e); }
  });
}

type Node = unknown;
const tree = (api: FactSheetApi) => api.provider as vscode.TreeDataProvider<Node>;
const children = async (api: FactSheetApi, n?: Node) => (await tree(api).getChildren(n)) ?? [];
const item = async (api: FactSheetApi, n: Node) => tree(api).getTreeItem(n) as vscode.TreeItem;
const RLI = '\u2067', PDI = '\u2069';
const plain = (s: unknown) => String(typeof s === 'object' && s ? (s as vscode.TreeItemLabel).label : s).replace(/[\u2067\u2069]/g, '');

describe('the fact sheet in a real VS Code', () => {
  let api: FactSheetApi;
  let doc: vscode.TextDocument;
  let original: string;
  const states = (s: FactSheet) => s.items.map(i => `${i.state}${i.inconsistentWith.length ? ' ≠' : ''} «${i.text}»`);

  before(async () => {
    const ext = vscode.extensions.getExtension('isnad.isnad')!;
    api = (await ext.activate()).factSheet;
    doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'drafts/war-desk.txt'));
    original = doc.getText();
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('isnad.showFactSheet');
  });
  afterEach(async () => {
    if (doc.getText() !== original) {
      const e = new vscode.WorkspaceEdit();
      e.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), original);
      assert.ok(await vscode.workspace.applyEdit(e));
    }
    await vscode.window.showTextDocument(doc);
    await sheetFor(api, doc, s => s.items.length === 6, 'the sheet of the draft as on disk');
  });

  it('lists every figure and attribution in reading order, with its state, icon and sources', async () => {
    const s = await sheetFor(api, doc, x => x.items.length === 6, 'six items');
    assert.deepStrictEqual(states(s), [
      'disputed ≠ «أكثر من 32 ألف»', 'agrees «حسب وزارة الصحة في غزة»', 'uncited «حوالي 1.4 مليون»', 'none «500»',
      'conflicts «ونقلت بوليتيكو عن خمسة مسؤولين»', 'conflicts ≠ «30 ألفا»']);
    assert.strictEqual(s.header, '4 أرقام وإسنادان: 1 موثق، 1 غير منسوب، 2 متعارضة، 1 مختلف عليه، 1 بلا مصدر، 2 تناقض المسودة');
    const nodes = await children(api);
    const items = await Promise.all(nodes.map(n => item(api, n)));
    // Arabic reads right to left inside the tree; the state is an icon shape, not a colour only.
    assert.ok(items.every(t => String(t.label).startsWith(RLI) && String(t.label).endsWith(PDI)));
    assert.deepStrictEqual(items.map(t => (t.iconPath as vscode.ThemeIcon).id), ['question', 'pass', 'quote', 'circle-slash', 'error', 'error']);
    assert.match(plain(items[1].description), /^موثق · (مصدر واحد|مصدران|\d+ مصادر)$/);
    // Under the toll: the other statement in the draft, then the passages, outlet · date · title first.
    const under = await Promise.all((await children(api, nodes[0])).map(n => item(api, n)));
    assert.strictEqual(plain(under[0].label), 'يناقض السطر 6: «30 ألفا»');
    assert.ok(under.length >= 3);
    for (const p of under.slice(1)) {
      assert.match(plain(p.label), /^(سبوتنيك|صدى البلد|مصدر غير معروف)/);
      assert.match(plain(p.description), / — \d{3}_[0-9a-f]{16}\.txt:\d+$/);
      assert.strictEqual(typeof p.tooltip, 'string', 'corpus text only as plain text');
    }
  });

  it('selecting an item reveals it in the draft', async () => {
    await sheetFor(api, doc, x => x.items.length === 6, 'six items');
    const last = (await children(api))[5];
    const t = await item(api, last);
    await vscode.commands.executeCommand(t.command!.command, ...t.command!.arguments!);
    const editor = await selectionIn(e => e.document === doc && e.document.getText(e.selection) === '30 ألفا', 'the figure selected in the draft');
    assert.strictEqual(editor.selection.start.line, 5);
    assert.strictEqual(vscode.window.activeTextEditor?.document, doc);
  });

  it('selecting a passage opens its article at the sentence, beside the draft', async () => {
    await sheetFor(api, doc, x => x.items.length === 6, 'six items');
    const passages = (await children(api, (await children(api))[0])).slice(1);
    const t = await item(api, passages[0]);
    const [target] = t.command!.arguments! as [{ uri: string; range: vscode.Range }];
    await vscode.commands.executeCommand(t.command!.command, ...t.command!.arguments!);
    const article = await selectionIn(e => e.document.uri.toString() === target.uri && !e.selection.isEmpty, 'the passage selected in its article');
    assert.match(article.document.uri.path, /\/corpus\/00\d_[0-9a-f]{16}\.txt$/);
    assert.match(article.document.getText(article.selection), /\d/, 'the figure of the sentence');
    assert.strictEqual(vscode.window.activeTextEditor?.document, doc, 'the draft stays the active editor: the sheet stays its sheet');
  });

  it('follows an edit: the contradiction goes once the two figures agree', async () => {
    await sheetFor(api, doc, x => x.items.length === 6, 'six items');
    const editor = await vscode.window.showTextDocument(doc);
    const line = doc.lineAt(5).text, at = line.indexOf('30 ألفا');
    await editor.edit(b => b.replace(new vscode.Range(5, at, 5, at + '30 ألفا'.length), 'أكثر من 32 ألف'));
    const s = await sheetFor(api, doc, x => x.items.every(i => !i.inconsistentWith.length), 'the sheet without the contradiction');
    assert.strictEqual(s.items[5].text, 'أكثر من 32 ألف');
    assert.doesNotMatch(s.header, /تناقض/);
  });
});
