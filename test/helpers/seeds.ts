// A seeds index shared by the core tests (built once per process).
import * as path from 'path';
import { openCorpus, MemoryIndex } from '../../server/src/core/api';

export const ROOT = path.resolve(__dirname, '../../..');
export const SEEDS = path.join(ROOT, 'seeds');
export const FIXTURES = path.join(ROOT, 'test/fixtures');
let seeds: Promise<MemoryIndex> | undefined;
export function seedsIndex(): Promise<MemoryIndex> {
  return (seeds ??= openCorpus([SEEDS]).then(o => o.index));
}
