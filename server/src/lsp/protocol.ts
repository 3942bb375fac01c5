// The extension's own requests and notifications on top of LSP (also usable from other editors).
export const URI_SCHEME_CORPUS = 'isnad-corpus';
export const STATUS_NOTIFICATION = 'isnad/status';
export const ARTICLE_TEXT_REQUEST = 'isnad/articleText';
export const REINDEX_REQUEST = 'isnad/reindex';
export const LIST_ARTICLES_REQUEST = 'isnad/listArticles';
export const IGNORE_COMMAND = 'isnad.ignoreFinding';

export interface StatusParams { state: 'indexing' | 'ready'; articles: number; paths: string[]; version: number; fromCache?: boolean }
export interface ArticleTextParams { uri: string }

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
}
export interface ExpectedText { range: Range; text: string }
interface Position { line: number; character: number }
interface Range { start: Position; end: Position }
