// The extension's own requests and notifications on top of LSP, typed once for the server and the VS Code
// client (also usable from other editors).
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';

export const URI_SCHEME_CORPUS = 'isnad-corpus';
export const IGNORE_COMMAND = 'isnad.ignoreFinding';

export interface StatusParams { state: 'indexing' | 'ready'; articles: number; paths: string[]; version: number; fromCache?: boolean }
export interface ArticleTextParams { uri: string }
/** A corpus article as the «open corpus article» picker lists it. */
export interface ArticleInfo { key: string; title?: string; outlet?: string; date?: string; file: string; id?: string; line?: number }

export const STATUS_NOTIFICATION = new NotificationType<StatusParams>('isnad/status');
export const ARTICLE_TEXT_REQUEST = new RequestType<ArticleTextParams, string | null, void>('isnad/articleText');
export const REINDEX_REQUEST = new RequestType0<number, void>('isnad/reindex');
export const LIST_ARTICLES_REQUEST = new RequestType0<ArticleInfo[], void>('isnad/listArticles');

/** encodeURIComponent, and also the characters it leaves (!'()*), which end links in markdown. */
const encodeStrict = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, c => '%' + c.charCodeAt(0).toString(16).toUpperCase());

/** Where an article can be opened: its file, or for an archive line a read-only isnad-corpus: document. */
export function articleUri(a: { key: string; file: string; line?: number }, fileUri: (file: string) => string): string {
  return a.line !== undefined ? `${URI_SCHEME_CORPUS}:/${encodeStrict(a.key)}` : fileUri(a.file);
}

export function keyFromCorpusUri(uri: string): string | undefined {
  const prefix = `${URI_SCHEME_CORPUS}:/`;
  return uri.startsWith(prefix) ? decodeURIComponent(uri.slice(prefix.length).replace(/\?.*$/, '')) : undefined;
}

interface Range { start: { line: number; character: number }; end: { line: number; character: number } }

/** The diagnostic's data: everything the quick fixes need, in LSP positions of the document version it was made for. */
export interface DiagnosticData {
  uri: string;
  version: number;
  code: string;
  ignoreKey: string;
  cite?: { position: { line: number; character: number }; text: string; sourceName: string };
  figure?: { range: Range; wording: string };
  attribution?: { range: Range; replacement: string };
}
