// What a document is checked against, from its settings: the local corpus (corpus.paths, or the bundled seeds
// when neither paths nor a database are set), the shared archive (corpus.database), or both as one corpus. When the
// archive cannot be used, the check falls back to the local corpus (none: no findings); the status bar says why.
import { analyze, loadLanguage, MemoryIndex, AnalysisResult } from '../core/api';
import type { CheckTarget } from './documents';
import type { CorpusRegistry } from './corpus-registry';
import type { DatabaseRegistry } from './database-registry';
import type { ServerSettings } from './settings';

const EMPTY: AnalysisResult = { findings: [], figures: [], attributions: [] };
let nothing: MemoryIndex | undefined;

export async function checkTarget(s: ServerSettings, folder: string | undefined, corpora: CorpusRegistry, databases: DatabaseRegistry): Promise<CheckTarget> {
  const local = !s.database || s.corpusPaths.length ? corpora.get(corpora.paths(s, folder), s) : undefined;
  await local?.ready;
  if (!s.database) return { version: `${local!.version}`, index: local!.index };
  const db = databases.get(s.database.url, s.database.timeoutMs);
  const index = local?.index;
  return {
    version: `${local?.version ?? '-'}:${db.version}`,
    index,
    check: async (text, settings, opts) => {
      try {
        const r = await db.check(text, settings, opts, index);
        return { result: r.result, store: r.store };
      } catch {
        // Not usable now (DatabaseCorpus logged why and told the status bar): the local corpus alone.
        if (!index) return { result: EMPTY, store: (nothing ??= new MemoryIndex(loadLanguage())) };
        return { result: analyze(text, index, settings, { ...opts, cache: opts.freshCache() }), store: index };
      }
    },
  };
}
