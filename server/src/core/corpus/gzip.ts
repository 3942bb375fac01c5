// Salvaging a damaged .gz archive. Node's gunzip stream treats bytes after the last member as the start of
// another member and fails there, dropping the output of the chunk it was decoding (with a small file: all of
// it), where zcat keeps everything and warns. This decodes member by member, keeps every byte that decodes,
// and says where and why the archive broke.
import * as zlib from 'zlib';

/** The salvage holds a member's output in memory: beyond this, the rest of the archive is reported lost. */
const MAX_OUTPUT_BYTES = 1024 * 1024 * 1024;

export interface Salvaged { data: Buffer; brokeAt?: number; reason?: string }

/** Where a gzip member's compressed body starts (RFC 1952 header), or undefined if `at` is not a member. */
function bodyStart(buf: Buffer, at: number): number | undefined {
  if (buf.length < at + 10 || buf[at] !== 0x1f || buf[at + 1] !== 0x8b || buf[at + 2] !== 8) return undefined;
  const flags = buf[at + 3];
  let p = at + 10;
  if (flags & 4) p = p + 2 <= buf.length ? p + 2 + buf.readUInt16LE(p) : buf.length + 1;
  for (const bit of [8, 16]) if (flags & bit) { const z = buf.indexOf(0, p); p = z < 0 ? buf.length + 1 : z + 1; }
  if (flags & 2) p += 2;
  return p <= buf.length ? p : undefined;
}

/** Every member of a gzip file that decodes, in order; where decoding stopped and why. */
export function salvageGzip(buf: Buffer): Salvaged {
  const out: Buffer[] = [];
  const done = (brokeAt?: number, reason?: string): Salvaged => ({ data: Buffer.concat(out), brokeAt, reason });
  let at = 0;
  while (at < buf.length) {
    // Zero padding after the last member (tape blocks) is not damage.
    if (out.length && buf.subarray(at).every(b => b === 0)) return done();
    const body = bodyStart(buf, at);
    if (body === undefined) return done(at, out.length ? 'trailing bytes that are not gzip data' : 'not gzip data');
    let r: { buffer: Buffer; engine: zlib.InflateRaw };
    try {
      r = zlib.inflateRawSync(buf.subarray(body), { finishFlush: zlib.constants.Z_SYNC_FLUSH, info: true, maxOutputLength: MAX_OUTPUT_BYTES }) as unknown as typeof r;
    } catch (e) {
      return done(at, (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'a member too large to salvage' : 'corrupt compressed data');
    }
    out.push(r.buffer);
    const end = body + r.engine.bytesWritten;
    if (end + 8 > buf.length) return done(buf.length, 'truncated');
    if (buf.readUInt32LE(end) !== zlib.crc32(r.buffer)) return done(at, 'checksum mismatch in compressed data');
    at = end + 8;
  }
  return done();
}
