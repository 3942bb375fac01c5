// The persisted corpus index: one file holding the index's typed-array columns as they are in memory, the
// vocabulary and article records as JSON, and the article texts as a UTF-8 blob that is read on demand
// (never loaded whole, so a big archive does not sit in memory). A format version and the corpus's file
// stamps decide whether it can be used; anything odd about the file means it is rebuilt, never trusted.
import * as fs from 'fs';
import * as path from 'path';
import { MemoryIndex, IndexSnapshot, INT_COLUMNS, IntColumn, FLOAT_COLUMNS, FloatColumn } from '../index/memory-index';
import type { ArticleRecord } from '../index/store';
import type { Language } from '../language';

export const FORMAT_VERSION = 6;
const MAGIC = 'ISNADIX1';
const END = 'ISNADEND';
/** Recently read article texts kept decoded: a check shows a handful of articles many times over. */
const RECENT_TEXTS = 256;

/** What a corpus file looked like when it was indexed. */
export interface SourceStamp { file: string; size: number; mtimeMs: number }

interface ArrayEntry { name: string; type: 'i32' | 'f64'; offset: number; length: number }
interface Header {
  format: number;
  languageKey: string;
  stamps: SourceStamp[];
  arrays: ArrayEntry[];
  meta: { offset: number; length: number };
  texts: { offset: number; length: number };
  fileLength: number;
}

type Arrays = [string, Int32Array | Float64Array][];

function snapshotArrays(s: IndexSnapshot): Arrays {
  return [
    ...INT_COLUMNS.map(n => [n, s.ints[n]] as [string, Int32Array]),
    ...FLOAT_COLUMNS.map(n => [n, s.floats[n]] as [string, Float64Array]),
    ['postingsOffsets', s.postings.offsets], ['postingsIds', s.postings.ids],
    ['figKeyOffsets', s.figureKeys.offsets], ['figKeyIds', s.figureKeys.ids],
  ];
}

/** Article records without their texts, and the texts of live articles one after another. */
function textBlob(index: MemoryIndex, articles: ArticleRecord[]): { records: ArticleRecord[]; parts: Buffer[]; length: number } {
  const parts: Buffer[] = [];
  let length = 0;
  const records = articles.map(a => {
    const r: ArticleRecord = { ...a, text: undefined, blob: undefined };
    if (a.alive) {
      const b = Buffer.from(index.articleText(a), 'utf8');
      r.blob = { offset: length, length: b.length };
      parts.push(b);
      length += b.length;
    }
    return r;
  });
  return { records, parts, length };
}

/** Lays out: magic, header length, header (padded), arrays (8-byte aligned), meta, texts, end magic. */
function layout(header: Header, arrays: Arrays, metaLength: number, textLength: number): Buffer {
  const place = (headerBytes: number) => {
    let off = Math.ceil((16 + headerBytes) / 8) * 8;
    header.arrays = arrays.map(([name, a]) => {
      const entry: ArrayEntry = { name, type: a instanceof Float64Array ? 'f64' : 'i32', offset: off, length: a.length };
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

/** Writes the index to `file` (through a temporary file and a rename, so a reader never sees half a file). */
export function saveIndex(index: MemoryIndex, file: string, stamps: SourceStamp[], languageKey: string): void {
  const snap = index.snapshot();
  const arrays = snapshotArrays(snap);
  const blob = textBlob(index, snap.articles);
  const meta = Buffer.from(JSON.stringify({ vocab: snap.vocab.join('\u0001'), articles: blob.records }), 'utf8');
  const header: Header = { format: FORMAT_VERSION, languageKey, stamps, arrays: [], meta: { offset: 0, length: meta.length }, texts: { offset: 0, length: blob.length }, fileLength: 0 };
  const headerBuf = layout(header, arrays, meta.length, blob.length);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    const head = Buffer.alloc(16);
    head.write(MAGIC, 0, 'latin1');
    head.writeUInt32LE(headerBuf.length, 8);
    fs.writeSync(fd, head, 0, 16, 0);
    fs.writeSync(fd, headerBuf, 0, headerBuf.length, 16);
    header.arrays.forEach((e, i) => {
      const a = arrays[i][1];
      fs.writeSync(fd, Buffer.from(a.buffer, a.byteOffset, a.byteLength), 0, a.byteLength, e.offset);
    });
    fs.writeSync(fd, meta, 0, meta.length, header.meta.offset);
    let pos = header.texts.offset;
    for (const b of blob.parts) { fs.writeSync(fd, b, 0, b.length, pos); pos += b.length; }
    fs.writeSync(fd, Buffer.from(END, 'latin1'), 0, END.length, pos);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

export interface Loaded { index: MemoryIndex; stamps: SourceStamp[]; close(): void }

/** The header, after the checks that need no more than the first bytes and the file's size. */
function readHeader(fd: number, languageKey: string): { header?: Header; reason?: string } {
  const size = fs.fstatSync(fd).size;
  const head = Buffer.alloc(16);
  if (fs.readSync(fd, head, 0, 16, 0) !== 16 || head.toString('latin1', 0, 8) !== MAGIC) return { reason: 'not an isnad index' };
  const hlen = head.readUInt32LE(8);
  if (hlen <= 0 || 16 + hlen > size) return { reason: 'corrupt header' };
  const hbuf = Buffer.alloc(hlen);
  fs.readSync(fd, hbuf, 0, hlen, 16);
  const header = JSON.parse(hbuf.toString('utf8')) as Header;
  if (header.format !== FORMAT_VERSION) return { reason: `format ${header.format}, expected ${FORMAT_VERSION}` };
  if (header.languageKey !== languageKey) return { reason: 'language data changed' };
  if (header.fileLength !== size) return { reason: 'truncated or padded file' };
  const tail = Buffer.alloc(END.length);
  fs.readSync(fd, tail, 0, END.length, size - END.length);
  if (tail.toString('latin1') !== END) return { reason: 'corrupt end marker' };
  return { header };
}

/** The snapshot in the file's body (everything but the texts, in one read; typed arrays are views into it). */
function readSnapshot(fd: number, header: Header): { snap?: IndexSnapshot; reason?: string } {
  const bodyEnd = header.texts.offset;
  const body = Buffer.alloc(bodyEnd);
  fs.readSync(fd, body, 0, bodyEnd, 0);
  const arrays = new Map<string, Int32Array | Float64Array>();
  for (const e of header.arrays) {
    if (e.offset % 8 || e.offset + e.length * (e.type === 'f64' ? 8 : 4) > bodyEnd) return { reason: 'corrupt array table' };
    arrays.set(e.name, e.type === 'f64' ? new Float64Array(body.buffer, body.byteOffset + e.offset, e.length) : new Int32Array(body.buffer, body.byteOffset + e.offset, e.length));
  }
  const meta = JSON.parse(body.toString('utf8', header.meta.offset, header.meta.offset + header.meta.length)) as { vocab: string; articles: ArticleRecord[] };
  const ints = {} as Record<IntColumn, Int32Array>;
  for (const n of INT_COLUMNS) {
    const a = arrays.get(n);
    if (!(a instanceof Int32Array)) return { reason: `missing column ${n}` };
    ints[n] = a;
  }
  const floats = {} as Record<FloatColumn, Float64Array>;
  for (const n of FLOAT_COLUMNS) {
    const a = arrays.get(n);
    if (!(a instanceof Float64Array)) return { reason: `missing column ${n}` };
    floats[n] = a;
  }
  const [po, pi, fo, fi] = ['postingsOffsets', 'postingsIds', 'figKeyOffsets', 'figKeyIds'].map(n => arrays.get(n));
  if (!(po instanceof Int32Array) || !(pi instanceof Int32Array) || !(fo instanceof Int32Array) || !(fi instanceof Int32Array)) return { reason: 'missing column' };
  const snap: IndexSnapshot = { vocab: meta.vocab ? meta.vocab.split('\u0001') : [], ints, floats, postings: { offsets: po, ids: pi }, figureKeys: { offsets: fo, ids: fi }, articles: meta.articles };
  const nS = ints.sArticle.length, nF = ints.fSentence.length;
  // Cheap consistency checks: a cache that does not add up is rebuilt.
  if (ints.df.length !== snap.vocab.length || ints.sTermStart.length !== nS || ints.sEnd.length !== nS || floats.fValue.length !== nF ||
      po.length !== snap.vocab.length + 1 || snap.articles.some(a => a.firstSentence + a.sentenceCount > nS)) {
    return { reason: 'inconsistent columns' };
  }
  return { snap };
}

/** Reads article texts from the blob, keeping the most recent few decoded. */
function textReader(fd: number, textBase: number): (a: ArticleRecord) => string {
  const recent = new Map<string, string>();
  return a => {
    if (!a.blob) return '';
    const hit = recent.get(a.meta.key);
    if (hit !== undefined) { recent.delete(a.meta.key); recent.set(a.meta.key, hit); return hit; }
    const b = Buffer.alloc(a.blob.length);
    fs.readSync(fd, b, 0, a.blob.length, textBase + a.blob.offset);
    const text = b.toString('utf8');
    recent.set(a.meta.key, text);
    if (recent.size > RECENT_TEXTS) recent.delete(recent.keys().next().value!);
    return text;
  };
}

/** Reads a persisted index; undefined (with the reason) if it is missing, of another format or corrupt. */
export function loadIndex(file: string, lang: Language, languageKey: string): { loaded?: Loaded; reason?: string } {
  let fd: number;
  try { fd = fs.openSync(file, 'r'); } catch { return { reason: 'no persisted index' }; }
  let keepOpen = false;
  try {
    const { header, reason } = readHeader(fd, languageKey);
    if (!header) return { reason };
    const { snap, reason: bad } = readSnapshot(fd, header);
    if (!snap) return { reason: bad };
    const index = MemoryIndex.fromSnapshot(lang, snap);
    index.textSource = textReader(fd, header.texts.offset);
    keepOpen = true;
    return { loaded: { index, stamps: header.stamps, close: () => { try { fs.closeSync(fd); } catch { /* already closed */ } } } };
  } catch (e) {
    return { reason: `unreadable: ${(e as Error).message}` };
  } finally {
    if (!keepOpen) fs.closeSync(fd);
  }
}
