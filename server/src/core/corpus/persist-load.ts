// Reading a persisted index (format in persist.ts): the header and every section are checked against their
// CRC-32, every id and offset is bounds-checked (persist-check.ts), and each article's text is checked when it
// is read. A text that fails its check is never shown: it is read again from its corpus file when that file
// still holds the same text, else it is empty, and the cache file is dropped so the next start rebuilds it.
import * as fs from 'fs';
import { crc32 } from 'zlib';
import { MemoryIndex, IndexSnapshot, INT_COLUMNS, IntColumn, FLOAT_COLUMNS, FloatColumn } from '../index/memory-index';
import { fingerprint, type ArticleRecord } from '../index/store';
import type { Language } from '../language';
import { snapshotProblem } from './persist-check';
import { readTextArticle } from './loader';
import { FORMAT_VERSION, MAGIC, END, HEAD_BYTES, Header, Meta } from './persist';
import type { SourceStamp } from './stamps';

/** Recently read article texts kept decoded: a check shows a handful of articles many times over. */
const RECENT_TEXTS = 256;

export interface Loaded {
  index: MemoryIndex; stamps: SourceStamp[]; stampedAt: number; close(): void;
  /** Whether a stored text failed its check (then the index must not be saved again from these texts). */
  damaged(): boolean;
}
export interface LoadOptions {
  /** An article's text failed its check after loading: the file has been dropped and will be rebuilt. */
  onDamage?: (message: string) => void;
}

/** Exactly `length` bytes at `at`, or undefined at the end of the file. */
function read(fd: number, length: number, at: number): Buffer | undefined {
  const b = Buffer.alloc(length);
  for (let n = 0, got: number; n < length; n += got) if ((got = fs.readSync(fd, b, n, length - n, at + n)) <= 0) return undefined;
  return b;
}

/** The header, after the checks that need no more than the first bytes and the file's size. */
function readHeader(fd: number, languageKey: string): { header?: Header; reason?: string } {
  const size = fs.fstatSync(fd).size;
  const head = read(fd, HEAD_BYTES, 0);
  if (!head || head.toString('latin1', 0, 8) !== MAGIC) return { reason: 'not an isnad index' };
  const hlen = head.readUInt32LE(8);
  const hbuf = hlen > 0 && HEAD_BYTES + hlen <= size ? read(fd, hlen, HEAD_BYTES) : undefined;
  if (!hbuf) return { reason: 'corrupt header' };
  let header: Header | undefined;
  try { header = JSON.parse(hbuf.toString('utf8')) as Header; } catch { /* reported below */ }
  if (header && header.format !== FORMAT_VERSION) return { reason: `format ${header.format}, expected ${FORMAT_VERSION}` };
  if (!header || crc32(hbuf) !== head.readUInt32LE(12)) return { reason: 'header checksum mismatch' };
  if (header.languageKey !== languageKey) return { reason: 'language data changed' };
  if (!Array.isArray(header.stamps) || !Array.isArray(header.arrays) || !header.meta || !header.texts) return { reason: 'corrupt header' };
  if (header.fileLength !== size) return { reason: 'truncated or padded file' };
  const { meta, texts } = header;
  if (meta.offset + meta.length !== texts.offset || texts.offset + texts.length + END.length !== size) return { reason: 'corrupt section table' };
  if (read(fd, END.length, size - END.length)?.toString('latin1') !== END) return { reason: 'corrupt end marker' };
  return { header };
}

/** The typed arrays of the body, each checked against its CRC (views into `body`, not copies). */
function readArrays(body: Buffer, header: Header): { arrays?: Map<string, Int32Array | Float64Array>; reason?: string } {
  const arrays = new Map<string, Int32Array | Float64Array>();
  for (const e of header.arrays) {
    const width = e.type === 'f64' ? 8 : e.type === 'i32' ? 4 : 0;
    if (!width || e.offset % 8 || !Number.isInteger(e.length) || e.length < 0 || e.offset < HEAD_BYTES || e.offset + e.length * width > header.meta.offset) return { reason: `corrupt array table (${e.name})` };
    const bytes = body.subarray(e.offset, e.offset + e.length * width);
    if (crc32(bytes) !== e.crc) return { reason: `checksum mismatch in ${e.name}` };
    arrays.set(e.name, width === 8 ? new Float64Array(body.buffer, body.byteOffset + e.offset, e.length) : new Int32Array(body.buffer, body.byteOffset + e.offset, e.length));
  }
  return { arrays };
}

/** The snapshot in the file's body (everything but the texts, in one read), and each article's text CRC. */
function readSnapshot(fd: number, header: Header): { snap?: IndexSnapshot; textCrcs?: number[]; reason?: string } {
  const body = read(fd, header.texts.offset, 0);
  if (!body) return { reason: 'short read' };
  const { arrays, reason } = readArrays(body, header);
  if (!arrays) return { reason };
  const metaBytes = body.subarray(header.meta.offset, header.meta.offset + header.meta.length);
  if (crc32(metaBytes) !== header.meta.crc) return { reason: 'checksum mismatch in the article records' };
  const meta = JSON.parse(metaBytes.toString('utf8')) as Meta;
  if (!Array.isArray(meta.articles) || !Array.isArray(meta.textCrcs) || meta.textCrcs.length !== meta.articles.length) return { reason: 'corrupt article records' };
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
  const [po, pi, fo, fi, sg] = ['postingsOffsets', 'postingsIds', 'figKeyOffsets', 'figKeyIds', 'signatures'].map(n => arrays.get(n));
  if (!(po instanceof Int32Array) || !(pi instanceof Int32Array) || !(fo instanceof Int32Array) || !(fi instanceof Int32Array) || !(sg instanceof Int32Array)) return { reason: 'missing column' };
  const snap: IndexSnapshot = { vocab: meta.vocab ? meta.vocab.split('\u0001') : [], ints, floats, postings: { offsets: po, ids: pi }, figureKeys: { offsets: fo, ids: fi }, articles: meta.articles, signatures: sg };
  const bad = snapshotProblem(snap, header.texts.length);
  return bad ? { reason: `inconsistent index: ${bad}` } : { snap, textCrcs: meta.textCrcs };
}

/** The text of an article whose stored copy failed its check: from its corpus file if that still holds the
 * very text that was indexed (an archive line is not looked up again), else nothing. */
function textFromCorpus(a: ArticleRecord): string {
  if (a.meta.line !== undefined) return '';
  const r = readTextArticle(a.meta.file);
  return r.article && fingerprint(r.article.text) === a.meta.fingerprint ? r.article.text : '';
}

/** Drops the cache file (if it is still the one open here), so the next start rebuilds it. */
function dropCache(file: string, fd: number) {
  try {
    const open = fs.fstatSync(fd), now = fs.statSync(file);
    if (open.ino === now.ino && open.dev === now.dev) fs.rmSync(file, { force: true });
  } catch { /* already gone or replaced */ }
}

/** Reads article texts from the blob, checking each, and keeps the most recent few decoded. */
function textReader(fd: number, file: string, header: Header, crcs: Map<ArticleRecord, number>, opts: LoadOptions) {
  const recent = new Map<string, string>();
  let damaged = false;
  const fromDisk = (a: ArticleRecord): string => {
    const b = read(fd, a.blob!.length, header.texts.offset + a.blob!.offset);
    if (b && crc32(b) === crcs.get(a)) return b.toString('utf8');
    if (!damaged) {
      damaged = true;
      dropCache(file, fd);
      opts.onDamage?.(`persisted index ${file}: the stored text of ${a.meta.key} fails its checksum; the index is dropped to be rebuilt (until then, passages are read from their corpus files, or left empty)`);
    }
    return textFromCorpus(a);
  };
  const text = (a: ArticleRecord): string => {
    if (!a.blob) return '';
    const hit = recent.get(a.meta.key);
    if (hit !== undefined) { recent.delete(a.meta.key); recent.set(a.meta.key, hit); return hit; }
    let t: string;
    try { t = fromDisk(a); } catch { t = textFromCorpus(a); }
    recent.set(a.meta.key, t);
    if (recent.size > RECENT_TEXTS) recent.delete(recent.keys().next().value!);
    return t;
  };
  return { text, damaged: () => damaged };
}

/** Reads a persisted index; undefined (with the reason) if it is missing, of another format, or damaged. */
export function loadIndex(file: string, lang: Language, languageKey: string, opts: LoadOptions = {}): { loaded?: Loaded; reason?: string } {
  let fd: number;
  try { fd = fs.openSync(file, 'r'); } catch { return { reason: 'no persisted index' }; }
  let keepOpen = false;
  try {
    const { header, reason } = readHeader(fd, languageKey);
    if (!header) return { reason };
    const { snap, textCrcs, reason: bad } = readSnapshot(fd, header);
    if (!snap) return { reason: bad };
    const crcs = new Map(snap.articles.map((a, i) => [a, textCrcs![i]]));
    const index = MemoryIndex.fromSnapshot(lang, snap);
    const reader = textReader(fd, file, header, crcs, opts);
    index.textSource = reader.text;
    keepOpen = true;
    const close = () => { try { fs.closeSync(fd); } catch { /* already closed */ } };
    return { loaded: { index, stamps: header.stamps, stampedAt: header.stampedAt, close, damaged: reader.damaged } };
  } catch (e) {
    return { reason: `unreadable: ${(e as Error).message}` };
  } finally {
    if (!keepOpen) fs.closeSync(fd);
  }
}
