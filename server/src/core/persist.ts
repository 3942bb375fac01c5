// The persisted corpus index: one file holding the index's typed-array columns as they are in memory, the
// vocabulary and article records as JSON, and the article texts as a UTF-8 blob that is read on demand
// (never loaded whole, so a big archive does not sit in memory). A format version and the corpus's file
// stamps decide whether it can be used; anything odd about the file means it is rebuilt, never trusted.
import * as fs from 'fs';
import * as path from 'path';
import { MemoryIndex, Column, ArticleRecord, Lists, FlatLists } from './index-store';
import type { Language } from './language';

export const FORMAT_VERSION = 5;
const MAGIC = 'ISNADIX1';
const END = 'ISNADEND';

/** What a corpus file looked like when it was indexed. */
export interface SourceStamp { file: string; size: number; mtimeMs: number }

interface Header {
  format: number;
  languageKey: string;
  stamps: SourceStamp[];
  arrays: { name: string; type: 'i32' | 'f64'; offset: number; length: number }[];
  meta: { offset: number; length: number };
  texts: { offset: number; length: number };
  fileLength: number;
}

const INT_COLUMNS = ['df', 'sArticle', 'sTermStart', 'sStart', 'sEnd', 'termsFlat', 'fSentence', 'fStart', 'fEnd', 'fPhrase',
  'fHedge', 'fKind', 'fMeasure', 'fGroup', 'fWhole', 'fNoun', 'fPlaceStart', 'placesFlat'] as const;
type IntColumn = typeof INT_COLUMNS[number];

function flatten(lists: Lists, base: FlatLists | undefined, size: number): FlatLists {
  const offsets = new Int32Array(size + 1);
  let total = 0;
  const byId: (Int32Array | number[])[][] = [];
  for (let id = 0; id < size; id++) {
    const parts: (Int32Array | number[])[] = [];
    if (base && id + 1 < base.offsets.length) parts.push(base.ids.subarray(base.offsets[id], base.offsets[id + 1]));
    const extra = lists[id];
    if (extra) parts.push(extra);
    byId.push(parts);
    offsets[id] = total;
    for (const p of parts) total += p.length;
  }
  offsets[size] = total;
  const ids = new Int32Array(total);
  let k = 0;
  for (const parts of byId) for (const p of parts) { ids.set(p, k); k += p.length; }
  return { offsets, ids };
}

/** Writes the index to `file` (through a temporary file and a rename, so a reader never sees half a file). */
export function saveIndex(index: MemoryIndex, file: string, stamps: SourceStamp[], languageKey: string): void {
  const postings = flatten(index.postings, index.basePostings, index.vocab.length);
  const figKeys = flatten(index.figuresByKey, index.baseFigKeys, index.vocab.length);
  const arrays: [string, Int32Array | Float64Array][] = [
    ...INT_COLUMNS.map(n => [n, index[n].view()] as [string, Int32Array]),
    ['fValue', index.fValue.view()],
    ['postingsOffsets', postings.offsets], ['postingsIds', postings.ids],
    ['figKeyOffsets', figKeys.offsets], ['figKeyIds', figKeys.ids],
  ];
  // Texts of live articles, one after another.
  const textParts: Buffer[] = [];
  let textLen = 0;
  const records = index.articles.map(a => {
    const r: ArticleRecord = { ...a, text: undefined };
    if (a.alive) {
      const b = Buffer.from(index.articleText(a), 'utf8');
      r.blob = { offset: textLen, length: b.length };
      textParts.push(b);
      textLen += b.length;
    } else r.blob = undefined;
    return r;
  });
  const meta = Buffer.from(JSON.stringify({ vocab: index.vocab.join('\u0001'), articles: records }), 'utf8');
  const header: Header = { format: FORMAT_VERSION, languageKey, stamps, arrays: [], meta: { offset: 0, length: meta.length }, texts: { offset: 0, length: textLen }, fileLength: 0 };
  // Lay out: magic, header length, header (padded), arrays (8-byte aligned), meta, texts, end magic.
  const layout = (headerBytes: number) => {
    let off = 16 + headerBytes;
    off = Math.ceil(off / 8) * 8;
    header.arrays = arrays.map(([name, a]) => {
      const entry = { name, type: a instanceof Float64Array ? 'f64' as const : 'i32' as const, offset: off, length: a.length };
      off = Math.ceil((off + a.byteLength) / 8) * 8;
      return entry;
    });
    header.meta.offset = off; off += meta.length;
    header.texts.offset = off; off += textLen;
    header.fileLength = off + END.length;
  };
  let headerBuf = Buffer.alloc(0);
  for (let pass = 0, size = 4096; pass < 4; pass++) {
    layout(size);
    headerBuf = Buffer.from(JSON.stringify(header), 'utf8');
    if (headerBuf.length <= size) { headerBuf = Buffer.concat([headerBuf, Buffer.alloc(size - headerBuf.length, 0x20)]); break; }
    size = Math.ceil(headerBuf.length * 1.5 / 4096) * 4096;
  }
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
    for (const b of textParts) { fs.writeSync(fd, b, 0, b.length, pos); pos += b.length; }
    fs.writeSync(fd, Buffer.from(END, 'latin1'), 0, END.length, pos);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

export interface Loaded { index: MemoryIndex; stamps: SourceStamp[]; close(): void }

/** Reads a persisted index; undefined (with the reason) if it is missing, of another format or corrupt. */
export function loadIndex(file: string, lang: Language, languageKey: string): { loaded?: Loaded; reason?: string } {
  let fd: number;
  try { fd = fs.openSync(file, 'r'); } catch { return { reason: 'no persisted index' }; }
  let keepOpen = false;
  try {
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
    // Everything but the texts in one read; typed arrays are views into it (8-byte aligned in the file).
    const bodyEnd = header.texts.offset;
    const body = Buffer.alloc(bodyEnd);
    fs.readSync(fd, body, 0, bodyEnd, 0);
    const arrays = new Map<string, Int32Array | Float64Array>();
    for (const e of header.arrays) {
      if (e.offset % 8 || e.offset + e.length * (e.type === 'f64' ? 8 : 4) > bodyEnd) return { reason: 'corrupt array table' };
      arrays.set(e.name, e.type === 'f64' ? new Float64Array(body.buffer, body.byteOffset + e.offset, e.length) : new Int32Array(body.buffer, body.byteOffset + e.offset, e.length));
    }
    const meta = JSON.parse(body.toString('utf8', header.meta.offset, header.meta.offset + header.meta.length)) as { vocab: string; articles: ArticleRecord[] };
    const index = new MemoryIndex(lang);
    index.vocab.push(...(meta.vocab ? meta.vocab.split('\u0001') : []));
    for (const n of INT_COLUMNS) {
      const a = arrays.get(n) as Int32Array | undefined;
      if (!a) return { reason: `missing column ${n}` };
      const col = new Column(a as Int32Array<ArrayBuffer>); col.n = a.length; index[n as IntColumn] = col;
    }
    const fv = arrays.get('fValue') as Float64Array;
    index.fValue = Object.assign(new Column(fv as Float64Array<ArrayBuffer>), { n: fv.length });
    index.basePostings = { offsets: arrays.get('postingsOffsets') as Int32Array, ids: arrays.get('postingsIds') as Int32Array };
    index.baseFigKeys = { offsets: arrays.get('figKeyOffsets') as Int32Array, ids: arrays.get('figKeyIds') as Int32Array };
    // Cheap consistency checks: a cache that does not add up is rebuilt.
    const nS = index.sArticle.n, nF = index.fSentence.n;
    if (index.df.n !== index.vocab.length || index.sTermStart.n !== nS || index.sEnd.n !== nS || index.fValue.n !== nF ||
        index.basePostings.offsets.length !== index.vocab.length + 1 || meta.articles.some(a => a.firstSentence + a.sentenceCount > nS)) {
      return { reason: 'inconsistent columns' };
    }
    const textBase = header.texts.offset;
    // A check shows a handful of articles many times over (excerpt, wording, positions): keep the last few.
    const recent = new Map<string, string>();
    index.textSource = a => {
      if (!a.blob) return '';
      const hit = recent.get(a.meta.key);
      if (hit !== undefined) { recent.delete(a.meta.key); recent.set(a.meta.key, hit); return hit; }
      const b = Buffer.alloc(a.blob.length);
      fs.readSync(fd, b, 0, a.blob.length, textBase + a.blob.offset);
      const text = b.toString('utf8');
      recent.set(a.meta.key, text);
      if (recent.size > 256) recent.delete(recent.keys().next().value!);
      return text;
    };
    index.restore(meta.articles);
    keepOpen = true;
    return { loaded: { index, stamps: header.stamps, close: () => { try { fs.closeSync(fd); } catch { /* already closed */ } } } };
  } catch (e) {
    return { reason: `unreadable: ${(e as Error).message}` };
  } finally {
    if (!keepOpen) fs.closeSync(fd);
  }
}
