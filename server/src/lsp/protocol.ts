// The extension's own requests and notifications on top of LSP (also usable from other editors).
export const URI_SCHEME_CORPUS = 'isnad-corpus';
export const STATUS_NOTIFICATION = 'isnad/status';
export const ARTICLE_TEXT_REQUEST = 'isnad/articleText';
export const REINDEX_REQUEST = 'isnad/reindex';
export const LIST_ARTICLES_REQUEST = 'isnad/listArticles';
export const IGNORE_COMMAND = 'isnad.ignoreFinding';

export interface StatusParams { state: 'indexing' | 'ready'; articles: number; paths: string[]; version: number; fromCache?: boolean }
export interface ArticleTextParams { uri: string }

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
interface Range { start: { line: number; character: number }; end: { line: number; character: number } }
