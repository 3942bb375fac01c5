// Where a corpus passage lives, as a location an editor can open: the article's file, or for an archive line
// a read-only virtual document (isnad-corpus:) that the extension serves.
import { pathToFileURL } from 'url';
import type { Location } from 'vscode-languageserver';
import { Passage, CandidateStore, articleLineIndex } from '../core/api';
import { articleUri } from './protocol';

export const fileUri = (file: string) => pathToFileURL(file).toString();

export function passageLocation(store: CandidateStore, p: Passage): Location | undefined {
  const a = store.article(p.article.key);
  if (!a) return undefined;
  const li = articleLineIndex(a, () => store.articleText(a));
  const span = p.mark ?? p;
  return { uri: articleUri({ ...p.article, archived: a.archived }, fileUri), range: li.range(span.start, span.end) };
}
