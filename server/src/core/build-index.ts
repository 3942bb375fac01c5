// Builds an index from corpus paths, reporting problems and progress as it goes.
import { readCorpus, isProblem, LoadProblem } from './corpus-loader';
import { MemoryIndex } from './index-store';
import type { Language } from './language';

export interface BuildOptions {
  onProblem?: (p: LoadProblem) => void;
  onProgress?: (articles: number) => void;
  isCancelled?: () => boolean;
}

export async function buildIndex(paths: string[], lang: Language, opts: BuildOptions = {}): Promise<MemoryIndex> {
  const index = new MemoryIndex(lang);
  let n = 0;
  for await (const item of readCorpus(paths)) {
    if (opts.isCancelled?.()) break;
    if (isProblem(item)) { opts.onProblem?.(item); continue; }
    index.add(item);
    if (++n % 500 === 0) opts.onProgress?.(n);
  }
  opts.onProgress?.(n);
  return index;
}
