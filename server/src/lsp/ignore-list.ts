// The per-workspace ignore list (.isnad-ignore.json). Chosen over an inline marker because a draft is pasted
// into the CMS as it stands: a marker would travel with the text and be published; this file stays behind.
import * as fs from 'fs';
import * as path from 'path';

export const IGNORE_FILE = '.isnad-ignore.json';

export function readIgnoreList(folder: string): string[] {
  try {
    const j = JSON.parse(fs.readFileSync(path.join(folder, IGNORE_FILE), 'utf8'));
    return Array.isArray(j.ignore) ? j.ignore.filter((x: unknown) => typeof x === 'string') : [];
  } catch { return []; }
}

export function addToIgnoreList(folder: string, key: string): void {
  const list = readIgnoreList(folder);
  if (list.includes(key)) return;
  list.push(key);
  fs.writeFileSync(path.join(folder, IGNORE_FILE), JSON.stringify({
    $comment: 'Findings silenced with the isnad "Ignore" quick fix (code:figure:sentence fingerprint).', ignore: list,
  }, null, 2) + '\n');
}

/** The workspace ignore lists, read once per folder (not on every keystroke); the Ignore fix updates them. */
export class IgnoreLists {
  private readonly lists = new Map<string, string[]>();
  of(folder: string | undefined): string[] {
    if (!folder) return [];
    let l = this.lists.get(folder);
    if (!l) { l = readIgnoreList(folder); this.lists.set(folder, l); }
    return l;
  }
  add(folder: string, key: string) { addToIgnoreList(folder, key); this.lists.delete(folder); }
  clear() { this.lists.clear(); }
}
