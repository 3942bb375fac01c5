// The persisted corpus index: one file holding the index's typed-array columns as they are in memory, the
// vocabulary and article records as JSON, and the article texts as a UTF-8 blob that is read on demand
// (never loaded whole, so a big archive does not sit in memory). A format version and the corpus's file
// stamps decide whether it can be used. Every section carries a CRC-32 (one flipped bit in a column made
// every check fail or take a minute; one in the blob showed a wrong figure as a source), ids and offsets are
// bounds-checked on load, and each article's text is checked against its own CRC when it is read: anything
// odd means the file is rebuilt, never trusted. This file writes; persist-load.ts reads, persist-check.ts
// bounds-checks.
import * as fs from 'fs';
import * as path from 'path';
import { crc32 } from 'zlib';
import { MemoryIndex, IndexSnapshot, INT_COLUMNS, FLOAT_COLUMNS } from '../index/memory-index';
import type { ArticleRecord } from '../index/store';
import type { SourceStamp } from './stamps';

export type { SourceStamp } from './stamps';

export const FORMAT_VERSION = 8;
export const MAGIC = 'ISNADIX1';
export const END = 'ISNADEND';
/** Magic, header length, CRC-32 of the header. */
export const HEAD_BYTES = 16;

export interface ArrayEntry { name: string; type: 'i32' | 'f64'; offset: number; length: number; crc: number }
export interface Section { offset: number; length: number; crc: number }
export interface Header {
  format: number;
  languageKey: string;
  stamps: SourceStamp[];
  /** When the stamps were taken (a file modified within a clock tick of it is hashed on load). */
  stampedAt: number;
  arrays: ArrayEntry[];
  meta: Section;
  /** The texts blob; each text has its own CRC in the meta section (the blob is never read whole). */
  texts: { offset: number; length: number };
  fileLength: number;
}
/** The meta section: vocabulary, article records, and the CRC-32 of each article's text (-1: none). */
export interface Meta { vocab: string; articles: ArticleRecord[]; textCrcs: number[] }

type Arrays = [string, Int32Array | Float64Array][];

function snapshotArrays(s: IndexSnapshot): Arrays {
  return [
    ...INT_COLUMNS.map(n => [n, s.ints[n]] as [string, Int32Array]),
    ...FLOAT_COLUMNS.map(n => [n, s.floats[n]] as [string, Float64Array]),
    ['postingsOffsets', s.postings.offsets], ['postingsIds', s.postings.ids],
    ['figKeyOffsets', s.figureKeys.offsets], ['figKeyIds', s.figureKeys.ids], ['signatures', s.signatures],
  ];
}

const bytesOf = (a: Int32Array | Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/** Article records without their texts, the texts of live articles one after another, and their CRCs. */
function textBlob(index: MemoryIndex, articles: ArticleRecord[]) {
  const parts: Buffer[] = [], textCrcs: number[] = [];
  let length = 0;
  const records = articles.map(a => {
    const r: ArticleRecord = { ...a, text: undefined, blob: undefined, signature: undefined };
    textCrcs.push(-1);
    if (a.alive) {
      const b = Buffer.from(index.articleText(a), 'utf8');
      r.blob = { offset: length, length: b.length };
      textCrcs[textCrcs.length - 1] = crc32(b);
      parts.push(b);
      length += b.length;
    }
    return r;
  });
  return { records, parts, length, textCrcs };
}

/** Lays out: head, header (padded), arrays (8-byte aligned), meta, texts, end magic. */
function layout(header: Header, arrays: Arrays, metaLength: number, textLength: number): Buffer {
  const place = (headerBytes: number) => {
    let off = Math.ceil((HEAD_BYTES + headerBytes) / 8) * 8;
    header.arrays = arrays.map(([name, a]) => {
      const entry: ArrayEntry = { name, type: a instanceof Float64Array ? 'f64' : 'i32', offset: off, length: a.length, crc: crc32(bytesOf(a)) };
      off = Math.ceil((off + a.byteLength) / 8) * 8;
      return entry;
    });
    header.meta.offset = off; off += metaLength;
    header.texts.offset = off; off += textLength;
    header.fileLength = off + END.length;
  };
  for (let size = 4096; ; size = Math.ceil(size * 1.5 / 4096) * 4096) {
    place(size);
    const buf = Buffer.from(JSON.stringify(header), 'utf8');
    if (buf.length <= size) return Buffer.concat([buf, Buffer.alloc(size - buf.length, 0x20)]);
  }
}

function writeAll(fd: number, header: Header, headerBuf: Buffer, arrays: Arrays, meta: Buffer, parts: Buffer[]) {
  const head = Buffer.alloc(HEAD_BYTES);
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(headerBuf.length, 8);
  head.writeUInt32LE(crc32(headerBuf), 12);
  fs.writeSync(fd, head, 0, HEAD_BYTES, 0);
  fs.writeSync(fd, headerBuf, 0, headerBuf.length, HEAD_BYTES);
  header.arrays.forEach((e, i) => { const b = bytesOf(arrays[i][1]); fs.writeSync(fd, b, 0, b.length, e.offset); });
  fs.writeSync(fd, meta, 0, meta.length, header.meta.offset);
  let pos = header.texts.offset;
  for (const b of parts) { fs.writeSync(fd, b, 0, b.length, pos); pos += b.length; }
  fs.writeSync(fd, Buffer.from(END, 'latin1'), 0, END.length, pos);
}

/** Writes the index to `file` through a temporary file, flushed to disk before it is renamed into place, so
 * neither a reader nor a crash ever sees half a file. */
export function saveIndex(index: MemoryIndex, file: string, stamps: SourceStamp[], languageKey: string, opts: { stampedAt?: number; abortIf?: () => string | undefined } = {}): void {
  const snap = index.snapshot();
  const arrays = snapshotArrays(snap);
  const blob = textBlob(index, snap.articles);
  // Texts copied from a loaded index are checked as they are read: one that failed must not be written back.
  const abort = opts.abortIf?.();
  if (abort) throw new Error(abort);
  const stampedAt = opts.stampedAt ?? Date.now();
  const metaObj: Meta = { vocab: snap.vocab.join('\u0001'), articles: blob.records, textCrcs: blob.textCrcs };
  const meta = Buffer.from(JSON.stringify(metaObj), 'utf8');
  const header: Header = { format: FORMAT_VERSION, languageKey, stamps, stampedAt, arrays: [], meta: { offset: 0, length: meta.length, crc: crc32(meta) }, texts: { offset: 0, length: blob.length }, fileLength: 0 };
  const headerBuf = layout(header, arrays, meta.length, blob.length);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const fd = fs.openSync(tmp, 'w');
    try { writeAll(fd, header, headerBuf, arrays, meta, blob.parts); fs.fsyncSync(fd); } finally { fs.closeSync(fd); }
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  syncFolder(path.dirname(file));
}

/** Makes the rename itself durable (POSIX); where folders cannot be opened (Windows) there is nothing to do. */
function syncFolder(dir: string) {
  let fd: number | undefined;
  try { fd = fs.openSync(dir, 'r'); fs.fsyncSync(fd); } catch { /* not supported here */ } finally { if (fd !== undefined) fs.closeSync(fd); }
}

const TEMP = /\.isnad-index\.(\d+)\.tmp$/;
/** A temporary file untouched this long is abandoned even if its process id is in use again. */
const STALE_TEMP_MS = 15 * 60_000;

/** Removes temporary files left by a write that was killed (tens of MB each): those of processes that are
 * gone, or untouched for a quarter of an hour. */
export function cleanStaleTemps(dir: string, log?: (m: string) => void): void {
  let names: string[];
  try { names = fs.readdirSync(dir); } catch { return; }
  for (const name of names) {
    const m = TEMP.exec(name);
    if (!m) continue;
    const pid = Number(m[1]), p = path.join(dir, name);
    try {
      if (pid === process.pid) continue;
      if (processAlive(pid) && Date.now() - fs.statSync(p).mtimeMs < STALE_TEMP_MS) continue;
      fs.rmSync(p, { force: true });
      log?.(`removed ${p}, left by an index write that did not finish`);
    } catch { /* raced with its owner or another cleaner */ }
  }
}

function processAlive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
}
