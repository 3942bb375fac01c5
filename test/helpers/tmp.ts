// Scratch folders and files for tests that build corpora on disk.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';

export function tmpDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `isnad-${prefix}-`));
}

/** Writes `data` at `dir/name` (creating folders) and returns the path. */
export function put(dir: string, name: string, data: string | Buffer): string {
  const p = path.join(dir, name);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, data);
  return p;
}

/** Makes a named pipe; false where there are none (Windows). */
export function mkfifo(p: string): boolean {
  if (process.platform === 'win32') return false;
  execFileSync('mkfifo', [p]);
  return true;
}

/** Everything an async generator yields. */
export async function collect<T>(g: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of g) out.push(x);
  return out;
}
