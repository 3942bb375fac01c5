// The fact sheet view (Explorer, and the command «isnad: Show fact sheet»): every figure and attribution of the
// active draft in reading order with its state, and under each the passages it rests on. Selecting an item reveals
// it in the draft; selecting a passage opens its article at the sentence, beside the draft. The sheet comes from
// the server (isnad/factSheet) and is asked for again whenever the draft's diagnostics change.
//
// Corpus text is untrusted: it is only ever shown as plain-text labels, descriptions and tooltips (never as a
// MarkdownString). Arabic strings are wrapped in a right-to-left isolate so that they read right to left inside
// the left-to-right tree; states have their own icon shapes, not colour alone.
import * as vscode from 'vscode';
import { FactSheet, FactSheetItem, FactSheetPassage, FactState, URI_SCHEME_CORPUS } from '../../server/src/lsp/protocol';

export const VIEW_ID = 'isnad.factSheet';
export const REVEAL_COMMAND = 'isnad.factSheet.reveal';

type Where = { uri: string; range: FactSheetItem['range'] };
type Node =
  | { kind: 'item'; item: FactSheetItem; uri: string }
  | { kind: 'contradiction'; label: string; at: Where }
  | { kind: 'passage'; passage: FactSheetPassage };

const STATE_ICON: Record<FactState, [icon: string, color: string]> = {
  agrees: ['pass', 'testing.iconPassed'],
  uncited: ['quote', 'editorInfo.foreground'],
  conflicts: ['error', 'problemsErrorIcon.foreground'],
  disputed: ['question', 'problemsWarningIcon.foreground'],
  outdated: ['history', 'problemsWarningIcon.foreground'],
  none: ['circle-slash', 'descriptionForeground'],
};
const STANCE_ICON: Record<FactSheetPassage['stance'], string> = { agrees: 'check', conflicts: 'close', neutral: 'circle-small' };

/** Right-to-left isolate: «12 رقما: 9 موثقة» keeps its order inside a left-to-right row. */
const rtl = (s: string) => `\u2067${s}\u2069`;
const icon = (id: string, color?: string) => new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
const toRange = (r: Where['range']) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

export interface FactSheetApi {
  /** The sheet shown now. */
  current(): FactSheet | undefined;
  /** Fires each time a sheet (or none) is shown. */
  readonly onDidUpdate: vscode.Event<FactSheet | undefined>;
  readonly provider: vscode.TreeDataProvider<unknown>;
}

export class FactSheetView implements vscode.TreeDataProvider<Node> {
  private sheet: FactSheet | undefined;
  private asked = 0;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly updated = new vscode.EventEmitter<FactSheet | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly onDidUpdate = this.updated.event;
  private readonly view: vscode.TreeView<Node>;
  /** The draft the sheet is about: the last active editor of a checked language (not a corpus article). */
  private draft: vscode.TextDocument | undefined;

  constructor(context: vscode.ExtensionContext, private readonly ask: (uri: string) => Promise<FactSheet | null>) {
    this.view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    context.subscriptions.push(this.view, this.changed, this.updated,
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh()),
      vscode.languages.onDidChangeDiagnostics(e => { if (this.draft && e.uris.some(u => u.toString() === this.draft!.uri.toString())) void this.refresh(); }),
      this.view.onDidChangeVisibility(e => { if (e.visible) void this.refresh(); }),
      vscode.commands.registerCommand(REVEAL_COMMAND, (at: Where, beside?: boolean) => reveal(at, !!beside)),
      vscode.commands.registerCommand('isnad.showFactSheet', async () => {
        await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
        await this.refresh();
      }),
    );
    void this.refresh();
  }

  current() { return this.sheet; }

  /** Asks the server for the sheet of the active draft; a later request or a newer version wins. */
  async refresh(): Promise<void> {
    this.draft = draftOf(vscode.window.activeTextEditor) ?? (this.draft && !this.draft.isClosed ? this.draft : undefined);
    const doc = this.draft;
    if (!doc) return this.show(undefined);
    if (!this.view.visible) return;
    const mine = ++this.asked;
    const sheet = await this.ask(doc.uri.toString()).catch(() => null);
    // Overtaken (another draft, or typing since): the next diagnostics change asks again.
    if (mine !== this.asked || !sheet || sheet.version !== doc.version) return;
    this.show(sheet);
  }

  private show(sheet: FactSheet | undefined) {
    this.sheet = sheet;
    this.view.message = sheet ? rtl(sheet.header) : vscode.l10n.t('Open an Arabic draft to see every figure and attribution with its sources.');
    this.changed.fire();
    this.updated.fire(sheet);
  }

  getChildren(node?: Node): Node[] {
    if (!this.sheet) return [];
    const uri = this.sheet.uri;
    if (!node) return this.sheet.items.map(item => ({ kind: 'item', item, uri }));
    if (node.kind !== 'item') return [];
    return [
      ...node.item.inconsistentWith.map(c => ({ kind: 'contradiction' as const, label: c.label, at: { uri, range: c.range } })),
      ...node.item.passages.map(passage => ({ kind: 'passage' as const, passage })),
    ];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'item') return itemNode(node.item, node.uri, this.sheet!);
    if (node.kind === 'contradiction') {
      const t = new vscode.TreeItem(rtl(node.label));
      t.iconPath = icon('warning', 'problemsWarningIcon.foreground');
      t.command = { command: REVEAL_COMMAND, title: node.label, arguments: [node.at] };
      return t;
    }
    return passageNode(node.passage);
  }
}

function itemNode(item: FactSheetItem, uri: string, sheet: FactSheet): vscode.TreeItem {
  const open = item.passages.length + item.inconsistentWith.length;
  const t = new vscode.TreeItem(rtl(item.text), open ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  const [id, color] = item.inconsistentWith.length && item.state === 'agrees' ? ['warning', 'problemsWarningIcon.foreground'] : STATE_ICON[item.state];
  t.iconPath = icon(id, color);
  const contradiction = item.inconsistentWith[0]?.label;
  t.description = rtl([item.label, contradiction].filter(Boolean).join(' — '));
  t.tooltip = [sheet.stateNames[item.state], item.label, ...item.inconsistentWith.map(c => c.label)].filter((x, i, a) => a.indexOf(x) === i).join('\n');
  t.id = `${uri}#${item.range.start.line}:${item.range.start.character}:${item.text}`;
  t.contextValue = `isnad.${item.kind}.${item.state}`;
  t.command = { command: REVEAL_COMMAND, title: item.text, arguments: [{ uri, range: item.range }] };
  return t;
}

function passageNode(p: FactSheetPassage): vscode.TreeItem {
  const t = new vscode.TreeItem(rtl(p.origin));
  t.iconPath = icon(p.similar ? 'circle-outline' : STANCE_ICON[p.stance], p.similar ? undefined : p.stance === 'agrees' ? 'testing.iconPassed' : p.stance === 'conflicts' ? 'problemsErrorIcon.foreground' : undefined);
  t.description = `${rtl(p.sentence)} — ${p.place}`;
  t.tooltip = [p.origin, p.credit, `«${p.sentence}»`, p.place].filter(Boolean).join('\n');
  if (p.location) t.command = { command: REVEAL_COMMAND, title: p.origin, arguments: [p.location, true] };
  return t;
}

/** A text editor whose document isnad checks; a corpus article opened from the sheet is not a draft. */
function draftOf(editor: vscode.TextEditor | undefined): vscode.TextDocument | undefined {
  const doc = editor?.document;
  if (!doc || doc.uri.scheme === URI_SCHEME_CORPUS || !['file', 'untitled'].includes(doc.uri.scheme)) return undefined;
  const languages = vscode.workspace.getConfiguration('isnad').get<string[]>('languages') ?? ['plaintext', 'markdown'];
  return languages.includes(doc.languageId) ? doc : undefined;
}

/** Selects the range: in the draft's own editor, or (a passage) in an editor beside it, keeping the draft active. */
async function reveal(at: Where, beside: boolean): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.parse(at.uri);
  const range = toRange(at.range);
  const open = vscode.window.visibleTextEditors.find(e => e.document.uri.toString() === uri.toString());
  const doc = open?.document ?? await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(doc, beside
    ? { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: true, selection: range }
    : { viewColumn: open?.viewColumn, selection: range });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

export function registerFactSheet(context: vscode.ExtensionContext, ask: (uri: string) => Promise<FactSheet | null>): FactSheetApi {
  const view = new FactSheetView(context, ask);
  return { current: () => view.current(), onDidUpdate: view.onDidUpdate, provider: view as vscode.TreeDataProvider<unknown> };
}
