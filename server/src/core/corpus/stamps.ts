// What a corpus file looked like when it was indexed (size, modification time, content hash), and which files
// changed since. Size and time decide for most files; the content is hashed only where they cannot: a file
// of the same size whose time moved (perhaps only touched), one modified within a clock tick of being stamped
// (it may have changed again without its time moving: "racy" in git's sense), and every file under --verify
// (contents changed by a tool that restores times).
import * as crypto from 'crypto';
import * as fs from 'fs';
import { openRegular } from './files';

export interface SourceStamp { file: string; size: number; mtimeMs: number; hash?: string }

/** Coarsest modification-time tick the stamps allow for (FAT has 2 s). */
const RACY_MS = 2000;

/** A hash of the file's bytes; undefined when it cannot be read as a regular file. */
export function hashFile(file: string): string | undefined {
  const o = openRegular(file);
  if (o.problem !== undefined) return undefined;
  try {
    const h = crypto.createHash('sha1'), buf = Buffer.alloc(1 << 20);
    let n: number;
    while ((n = fs.readSync(o.fd, buf, 0, buf.length, null)) > 0) h.update(buf.subarray(0, n));
    return h.digest('hex');
  } catch {
    return undefined;
  } finally {
    fs.closeSync(o.fd);
  }
}

/** Size and time of each file (a file that vanished meanwhile is left out). */
export function statFiles(files: string[]): SourceStamp[] {
  const out: SourceStamp[] = [];
  for (const file of files) {
    try { const st = fs.statSync(file); out.push({ file, size: st.size, mtimeMs: st.mtimeMs }); } catch { /* vanished: not stamped */ }
  }
  return out;
}

/** Gives stamps their content hash (the file is about to be read, so the hash is of what was indexed or older). */
export function withHashes(stamps: SourceStamp[]): SourceStamp[] {
  return stamps.map(s => (s.hash ? s : { ...s, hash: hashFile(s.file) }));
}

export interface Changes { changed: string[]; gone: string[]; stamps: SourceStamp[] }

/** Compares the files now with their stamps from `stampedAt`; `stamps` are the new stamps, hashed where known. */
export function findChanges(old: SourceStamp[], stampedAt: number, now: SourceStamp[], verify = false): Changes {
  const before = new Map(old.map(s => [s.file, s]));
  const here = new Set(now.map(s => s.file));
  const changed: string[] = [];
  const stamps = now.map(s => {
    const o = before.get(s.file);
    if (!o || o.size !== s.size || !o.hash) { changed.push(s.file); return s; }
    const racy = o.mtimeMs >= stampedAt - RACY_MS;
    if (o.mtimeMs === s.mtimeMs && !racy && !verify) return { ...s, hash: o.hash };
    const hash = hashFile(s.file);
    if (hash !== o.hash) changed.push(s.file);
    return { ...s, hash };
  });
  return { changed, gone: old.map(s => s.file).filter(f => !here.has(f)), stamps };
}
