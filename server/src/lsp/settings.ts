// Settings per resource, fetched from the client once and cached until the configuration changes.
import type { Connection } from 'vscode-languageserver';
import { AnalysisSettings, Code, Severity, LanguageExtension, pickLocale, Locale } from '../core/api';

export interface ServerSettings {
  corpusPaths: string[];
  /** The shared archive: a postgres:// URL without password, and how long to wait for it. */
  database?: { url: string; timeoutMs: number };
  languages: string[];
  analysis: Partial<AnalysisSettings>;
}

interface RawSettings {
  corpus?: { paths?: string[]; database?: string; databaseTimeout?: number };
  languages?: string[];
  severity?: Partial<Record<Code, Severity | 'off'>>;
  hedgeTolerance?: number;
  hover?: { maxMatches?: number };
  citationTemplate?: string;
  messages?: { language?: string };
  language?: LanguageExtension;
}

export const DEFAULT_LANGUAGES = ['plaintext', 'markdown'];
export const DEFAULT_DATABASE_TIMEOUT_MS = 3000;

export class SettingsCache {
  private readonly cache = new Map<string, Promise<ServerSettings>>();
  constructor(private readonly connection: Connection, private readonly hasConfiguration: () => boolean, private readonly clientLocale: () => string | undefined) {}

  get(uri: string): Promise<ServerSettings> {
    let s = this.cache.get(uri);
    if (!s) {
      s = this.fetch(uri);
      this.cache.set(uri, s);
    }
    return s;
  }

  clear() { this.cache.clear(); }
  forget(uri: string) { this.cache.delete(uri); }

  private async fetch(uri: string): Promise<ServerSettings> {
    let raw: RawSettings = {};
    if (this.hasConfiguration()) {
      try { raw = (await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'isnad' })) ?? {}; }
      catch { raw = {}; }
    }
    return toServerSettings(raw, this.clientLocale());
  }
}

export function toServerSettings(raw: RawSettings, clientLocale: string | undefined): ServerSettings {
  const msgLang = raw.messages?.language;
  const locale: Locale = pickLocale(msgLang && msgLang !== 'auto' ? msgLang : clientLocale);
  const analysis: Partial<AnalysisSettings> = { locale, severity: raw.severity ?? {}, language: raw.language };
  if (typeof raw.hedgeTolerance === 'number' && raw.hedgeTolerance > 0) analysis.tolerance = raw.hedgeTolerance;
  if (typeof raw.hover?.maxMatches === 'number' && raw.hover.maxMatches > 0) analysis.maxMatches = raw.hover.maxMatches;
  if (typeof raw.citationTemplate === 'string' && raw.citationTemplate.trim()) analysis.citationTemplate = raw.citationTemplate;
  const url = typeof raw.corpus?.database === 'string' ? raw.corpus.database.trim() : '';
  const timeout = raw.corpus?.databaseTimeout;
  const database = url ? { url, timeoutMs: typeof timeout === 'number' && timeout > 0 ? timeout : DEFAULT_DATABASE_TIMEOUT_MS } : undefined;
  return { corpusPaths: raw.corpus?.paths ?? [], database, languages: raw.languages ?? DEFAULT_LANGUAGES, analysis };
}
