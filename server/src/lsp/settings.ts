// Settings per resource, fetched from the client once and cached until the configuration changes. Each
// setting is checked (settings-check.ts) and used as far as it is valid; what is dropped is shown to the
// user once per configuration change, and logged.
import type { Connection } from 'vscode-languageserver';
import { AnalysisSettings, Code, Severity, pickLocale, Locale } from '../core/api';
import { checkLanguage, checkSeverity, checkCorpusPaths, stringList } from './settings-check';

export interface ServerSettings {
  corpusPaths: string[];
  /** The shared archive: a postgres:// URL without password, and how long to wait for it. */
  database?: { url: string; timeoutMs: number };
  languages: string[];
  analysis: Partial<AnalysisSettings>;
  /** What was wrong with the settings as written (each names its setting). */
  problems: string[];
}

type Raw = Record<string, unknown>;

export const DEFAULT_LANGUAGES = ['plaintext', 'markdown'];
export const DEFAULT_DATABASE_TIMEOUT_MS = 3000;

export class SettingsCache {
  private readonly cache = new Map<string, Promise<ServerSettings>>();
  private readonly shown = new Set<string>();
  constructor(private readonly connection: Connection, private readonly hasConfiguration: () => boolean, private readonly clientLocale: () => string | undefined,
    private readonly warn: (message: string) => void = () => undefined) {}

  get(uri: string): Promise<ServerSettings> {
    let s = this.cache.get(uri);
    if (!s) {
      s = this.fetch(uri);
      this.cache.set(uri, s);
    }
    return s;
  }

  /** A configuration change: settings are fetched again, and their problems shown again. */
  clear() { this.cache.clear(); this.shown.clear(); }
  forget(uri: string) { this.cache.delete(uri); }

  private async fetch(uri: string): Promise<ServerSettings> {
    let raw: unknown = {};
    if (this.hasConfiguration()) {
      try { raw = (await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'isnad' })) ?? {}; }
      catch { raw = {}; }
    }
    const s = toServerSettings(raw, this.clientLocale());
    // Every document asks for its settings; the user hears about a problem once.
    for (const p of s.problems) if (!this.shown.has(p)) { this.shown.add(p); this.warn(p); }
    return s;
  }
}

const obj = (v: unknown): Raw => (v && typeof v === 'object' && !Array.isArray(v) ? v as Raw : {});

/** A number setting in range, or undefined (named in `problems` when it was set to something else). */
function numberSetting(v: unknown, at: string, ok: (n: number) => boolean, what: string, problems: string[]): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number' && ok(v)) return v;
  problems.push(`${at}: expected ${what}, got ${JSON.stringify(v)}; the default is used`);
  return undefined;
}

export function toServerSettings(rawValue: unknown, clientLocale: string | undefined): ServerSettings {
  const problems: string[] = [];
  const raw = obj(rawValue);
  const msgLang = obj(raw.messages).language;
  const chosen = msgLang === 'ar' || msgLang === 'en';
  if (msgLang !== undefined && msgLang !== 'auto' && !chosen) problems.push(`isnad.messages.language: expected auto, ar or en, got ${JSON.stringify(msgLang)}; auto is used`);
  const locale: Locale = pickLocale(chosen ? msgLang : clientLocale);
  const analysis: Partial<AnalysisSettings> = {
    locale, severity: checkSeverity(raw.severity, problems) as Partial<Record<Code, Severity | 'off'>>, language: checkLanguage(raw.language, problems),
  };
  const tolerance = numberSetting(raw.hedgeTolerance, 'isnad.hedgeTolerance', n => n > 0 && n <= 100, 'a positive number', problems);
  if (tolerance !== undefined) analysis.tolerance = tolerance;
  const maxMatches = numberSetting(obj(raw.hover).maxMatches, 'isnad.hover.maxMatches', n => Number.isInteger(n) && n > 0, 'a whole number from 1', problems);
  if (maxMatches !== undefined) analysis.maxMatches = maxMatches;
  const template = raw.citationTemplate;
  if (typeof template === 'string' && template.trim()) analysis.citationTemplate = template;
  else if (template !== undefined && template !== null && typeof template !== 'string') problems.push(`isnad.citationTemplate: expected text, got ${JSON.stringify(template)}; the default is used`);
  const languages = stringList(raw.languages, 'isnad.languages', problems);
  return { corpusPaths: checkCorpusPaths(obj(raw.corpus).paths, problems), database: databaseSetting(obj(raw.corpus), problems), languages: languages ?? DEFAULT_LANGUAGES, analysis, problems };
}

/** The shared archive's URL (no password in it) and how long to wait for it. */
function databaseSetting(corpus: Raw, problems: string[]): ServerSettings['database'] {
  const url = corpus.database;
  if (url !== undefined && url !== null && typeof url !== 'string') problems.push(`isnad.corpus.database: expected a postgres:// URL, got ${JSON.stringify(url)}; the archive is not used`);
  if (typeof url !== 'string' || !url.trim()) return undefined;
  const timeout = numberSetting(corpus.databaseTimeout, 'isnad.corpus.databaseTimeout', n => n > 0, 'a positive number of milliseconds', problems);
  return { url: url.trim(), timeoutMs: timeout ?? DEFAULT_DATABASE_TIMEOUT_MS };
}
