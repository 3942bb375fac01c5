// The analysis core's public surface (editor-free: no vscode, no LSP).
export { analyze, ignoreKey, clauseEnd, sourceLabel, DEFAULT_SETTINGS, DEFAULT_SEVERITY } from './analyze';
export type { AnalysisSettings, AnalysisResult, Finding, FigureReport, AttributionReport, Passage, FixData, Code, Severity, Stance } from './analyze';
export { MemoryIndex, fingerprint } from './index-store';
export type { CandidateStore, ArticleRecord } from './index-store';
export { readCorpus, readTextArticle, decodeText, isProblem, describeProblem, MAX_FILE_BYTES } from './corpus-loader';
export type { CorpusArticle, LoadProblem } from './corpus-loader';
export { loadLanguage } from './language';
export type { LanguageExtension } from './language';
export { analyzeText } from './extract';
export { LineIndex } from './positions';
export { message, pickLocale } from './messages';
export type { Locale } from './messages';
export { openCorpus, defaultCacheDir, cacheFileFor } from './corpus-cache';
export type { OpenedCorpus, OpenOptions } from './corpus-cache';
export { saveIndex, loadIndex, FORMAT_VERSION } from './persist';
export { analyzeByLine, LineCache } from './incremental';
