// Where a corpus passage lives, as a URI an editor can open: the article's file, or for an archive line a
// read-only virtual document (isnad-corpus:) that the extension serves.
import { URI_SCHEME_CORPUS } from './protocol';
import type { Passage, CandidateStore } from '../core';
import { articleLineIndex } from '../core/positions';
import type { Location } from 'vscode-languageserver';
import { pathToFileURL } from 'url';

export function articleUri(p: { file: string; id?: string; line?: number; articleKey: string }): string {
  if (p.line !== undefined) return `${URI_SCHEME_CORPUS}:/${encodeURIComponent(p.articleKey)}`;
  return pathToFileURL(p.file).toString();
}

export function keyFromCorpusUri(uri: string): string | undefined {
  const m = new RegExp(`^${URI_SCHEME_CORPUS}:/(.*)$`).exec(uri);
  return m ? decodeURIComponent(m[1].replace(/\?.*$/, '')) : undefined;
}

export function passageLocation(store: CandidateStore, p: Passage): Location | undefined {
  const a = store.article(p.articleKey);
  if (!a) return undefined;
  const li = articleLineIndex(a, () => store.articleText(a));
  return { uri: articleUri(p), range: li.range(p.markStart ?? p.start, p.markEnd ?? p.end) };
}
