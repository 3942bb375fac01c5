// Opening untrusted paths without hanging: only regular files are read. A named pipe blocks a plain open or
// read until a writer appears (forever, in a corpus folder), and a device such as /dev/zero never ends, so
// files are opened non-blocking and checked on the descriptor itself (no window between a check and the read).
import * as fs from 'fs';

// Windows has neither flag; there a pipe is not a path in a folder.
const O_NONBLOCK = fs.constants.O_NONBLOCK ?? 0;
const O_NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;

/** What a non-regular file is, in words. */
export function kindOf(st: fs.Stats | fs.Dirent): string {
  if (st.isFIFO()) return 'a named pipe';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isDirectory()) return 'a folder';
  if (st.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

/** A file-system error, in words. */
export function describeError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT': return 'no such file or folder';
    case 'ELOOP': return 'symbolic link loop (or a link where none is followed)';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a folder';
    case 'ENOTDIR': return 'a part of the path is not a folder';
    default: return code ?? (e as Error).message ?? String(e);
  }
}

export type Opened = { fd: number; size: number; problem?: undefined } | { fd?: undefined; size?: undefined; problem: string };

/** Opens `file` for reading if it is a regular file (the caller closes the descriptor). `noFollow`: refuse a
 * symbolic link instead of following it. */
export function openRegular(file: string, opts: { noFollow?: boolean } = {}): Opened {
  let fd: number;
  try { fd = fs.openSync(file, fs.constants.O_RDONLY | O_NONBLOCK | (opts.noFollow ? O_NOFOLLOW : 0)); }
  catch (e) { return { problem: `cannot read: ${describeError(e)}` }; }
  try {
    const st = fs.fstatSync(fd);
    if (st.isFile()) return { fd, size: st.size };
    fs.closeSync(fd);
    return { problem: `${kindOf(st)}, not a regular file; skipped` };
  } catch (e) {
    fs.closeSync(fd);
    return { problem: `cannot read: ${describeError(e)}` };
  }
}

/** The whole of a regular file of at most `maxBytes` (a larger one is refused before it is read). */
export function readRegular(file: string, maxBytes: number, opts: { noFollow?: boolean } = {}): { data?: Buffer; problem?: string } {
  const o = openRegular(file, opts);
  if (o.problem !== undefined) return { problem: o.problem };
  const tooBig = { problem: `file is larger than ${maxBytes / 1024 / 1024} MB; skipped` };
  try {
    if (o.size > maxBytes) return tooBig;
    // Read to the end rather than to the size seen: the file may grow while it is read.
    const buf = Buffer.alloc(Math.min(maxBytes + 1, o.size + 65536));
    let n = 0, got: number;
    while (n < buf.length && (got = fs.readSync(o.fd, buf, n, buf.length - n, n)) > 0) n += got;
    return n > maxBytes ? tooBig : { data: buf.subarray(0, n) };
  } catch (e) {
    return { problem: `cannot read: ${describeError(e)}` };
  } finally {
    fs.closeSync(o.fd);
  }
}
