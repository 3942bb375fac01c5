// The analysis core's public surface (editor-free: no vscode, no LSP). The language server, the CLI and the
// benchmark import from here.
export { analyze, LineCache } from './check/analyze';
export type { AnalyzeOptions } from './check/analyze';
export { ignoreKey } from './check/checker';
export { sourceLabel, clauseEnd } from './check/passages';
export { DEFAULT_SETTINGS, DEFAULT_SEVERITY } from './check/result';
export type { AnalysisSettings, AnalysisResult, Finding, FigureReport, AttributionReport, Passage, FixData, Code, Severity, Stance, Span } from './check/result';
export { MemoryIndex } from './index/memory-index';
export { fingerprint } from './index/store';
export type { CandidateStore, ArticleRecord, ArticleMeta } from './index/store';
export { readCorpus, readTextArticle, decodeText, isProblem, describeProblem, isCorpusFile, isArchive, MAX_FILE_BYTES } from './corpus/loader';
export type { CorpusArticle, LoadProblem } from './corpus/loader';
export { readRegular, openRegular } from './corpus/files';
export { splitFrontMatter } from './corpus/front-matter';
export { openCorpus, defaultCacheDir, cacheFileFor } from './corpus/open';
export type { OpenedCorpus, OpenOptions } from './corpus/open';
export { saveIndex, FORMAT_VERSION } from './corpus/persist';
export { loadIndex } from './corpus/persist-load';
export { loadLanguage } from './language';
export type { LanguageExtension } from './language';
export { readText } from './read/read-text';
export { stripInvisible, renderCitation } from './citation';
export { LineIndex, articleLineIndex } from './positions';
export type { Position, Range } from './positions';
export { message, pickLocale } from './messages';
export type { Locale } from './messages';
