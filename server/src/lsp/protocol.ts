// The extension's own requests and notifications on top of LSP, typed once for the server and the VS Code
// client (also usable from other editors).
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { FactState } from '../core/report/fact-sheet';

export const URI_SCHEME_CORPUS = 'isnad-corpus';
export const IGNORE_COMMAND = 'isnad.ignoreFinding';

export interface StatusParams {
  state: 'indexing' | 'ready'; articles: number; paths: string[]; version: number; fromCache?: boolean;
  /** Set on a notification about the shared archive (the other fields then describe it as a corpus). */
  database?: DatabaseStatus;
}
/** The shared archive: its URL (without password), whether it can be used, its size, and why not. */
export interface DatabaseStatus { url: string; state: 'connecting' | 'connected' | 'unreachable' | 'slow'; articles?: number; message?: string }
/** The server asks the editor for the archive's password: the stored one, or (ask) the user's, then stored. */
export interface DatabasePasswordParams { url: string; ask: boolean }
export interface ArticleTextParams { uri: string }
/** A corpus article as the «open corpus article» picker lists it; `archived`: held by the shared archive. */
export interface ArticleInfo { key: string; title?: string; outlet?: string; date?: string; file: string; id?: string; line?: number; archived?: boolean }

export const STATUS_NOTIFICATION = new NotificationType<StatusParams>('isnad/status');
export const ARTICLE_TEXT_REQUEST = new RequestType<ArticleTextParams, string | null, void>('isnad/articleText');
export const REINDEX_REQUEST = new RequestType0<number, void>('isnad/reindex');
export const LIST_ARTICLES_REQUEST = new RequestType0<ArticleInfo[], void>('isnad/listArticles');
export const DATABASE_PASSWORD_REQUEST = new RequestType<DatabasePasswordParams, string | null, void>('isnad/databasePassword');

export type { FactState };

/** A corpus passage under a fact-sheet item. Its texts are corpus text: show them as plain text only. */
export interface FactSheetPassage {
  stance: 'agrees' | 'conflicts' | 'neutral';
  /** A similar report, not judged the same fact: shown, never counted. */
  similar: boolean;
  /** «سبوتنيك · 2024-03-20 · title» and whom the passage credits («نقلاً عن وزارة الصحة في غزة»). */
  origin: string;
  credit?: string;
  /** The sentence (cut around its figure) and the figure inside it. */
  sentence: string;
  mark?: { start: number; end: number };
  /** The file's own name and the line: «000_95dd….txt:17». */
  place: string;
  /** Where it opens, at the sentence; none when the article is no longer in the corpus. */
  location?: { uri: string; range: Range };
}

/** A figure or an attribution of the draft, in reading order. */
export interface FactSheetItem {
  kind: 'figure' | 'attribution';
  /** The draft's wording and where it stands. */
  text: string;
  range: Range;
  state: FactState;
  /** The state in words with the independent sources that agree: «موثق · 3 مصادر». */
  label: string;
  sources: number;
  /** The draft's other statements of the same fact that cannot hold with this one. */
  inconsistentWith: { range: Range; text: string; label: string }[];
  passages: FactSheetPassage[];
}

export interface FactSheet {
  uri: string;
  /** The document version the sheet was made for. */
  version: number;
  /** «12 رقما: 9 موثقة، 1 متعارض، 2 بلا مصدر», in the messages' language. */
  header: string;
  counts: Record<FactState | 'inconsistent', number>;
  /** The state names in the messages' language, for tooltips and legends. */
  stateNames: Record<FactState, string>;
  items: FactSheetItem[];
}

/** The fact sheet of an open document (null: not checked, or it changed while being checked: ask again). */
export const FACT_SHEET_REQUEST = new RequestType<{ uri: string }, FactSheet | null, void>('isnad/factSheet');

/** encodeURIComponent, and also the characters it leaves (!'()*), which end links in markdown. */
const encodeStrict = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, c => '%' + c.charCodeAt(0).toString(16).toUpperCase());

/** Where an article can be opened: its file, or for an archive line or an article of the shared archive (whose
 * files are on the machine that ingested them) a read-only isnad-corpus: document. */
export function articleUri(a: { key: string; file: string; line?: number; archived?: boolean }, fileUri: (file: string) => string): string {
  return a.line !== undefined || a.archived ? `${URI_SCHEME_CORPUS}:/${encodeStrict(a.key)}` : fileUri(a.file);
}

export function keyFromCorpusUri(uri: string): string | undefined {
  const prefix = `${URI_SCHEME_CORPUS}:/`;
  return uri.startsWith(prefix) ? decodeURIComponent(uri.slice(prefix.length).replace(/\?.*$/, '')) : undefined;
}

interface Range { start: Position; end: Position }

/**
 * The diagnostic's data: everything the quick fixes need, in LSP positions of the document version it was made
 * for. Each edit carries `expect`: a stretch of that version's text (its range and what it read) that must read
 * the same, at the same positions, in the document a fix is asked for (see `stillReads` in code-actions.ts),
 * so a fix stays offered after edits elsewhere and is refused once its text or positions changed.
 */
export interface DiagnosticData {
  uri: string;
  version: number;
  code: string;
  ignoreKey: string;
  /** expect: from the figure to the insertion point and the one character after it on that line (none at a line end). */
  cite?: { position: Position; text: string; sourceName: string; expect: ExpectedText };
  /** expect: the figure's own wording at `range`. */
  figure?: { range: Range; wording: string; expect: ExpectedText };
  /** expect: the credited source's text at `range`. */
  attribution?: { range: Range; replacement: string; expect: ExpectedText };
  /** figure-inconsistent: the earlier statement of the same fact, and what «make them equal» writes there (this
   * figure's wording; `figure` is the other direction). expect: the earlier figure's own wording at `range`. */
  twin?: { range: Range; wording: string; expect: ExpectedText };
}
export interface ExpectedText { range: Range; text: string }
interface Position { line: number; character: number }
