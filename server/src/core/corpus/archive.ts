// JSONL archives (.jsonl, .jsonl.gz): one article per line. Lines are split on bytes (a line over the limit is
// skipped without being held whole), each decoded strictly, and every article kept: two lines with the same id
// both stay (the later one keyed by its line, with a warning naming both lines). A damaged .gz is read up to
// where it breaks, and the break is reported.
import * as fs from 'fs';
import * as zlib from 'zlib';
import { pipeline } from 'stream';
import type { CorpusArticle, LoadProblem } from './loader';
import { isoDate } from './front-matter';
import { openRegular, readRegular } from './files';
import { LineSplitter, RawLine } from './lines';
import { salvageGzip } from './gzip';

/** Longest archive line read, in bytes (as the longest text file). */
export const MAX_LINE_BYTES = 5 * 1024 * 1024;
/** Biggest .gz salvaged after a decoding error (the salvage holds it in memory). */
const MAX_SALVAGE_BYTES = 256 * 1024 * 1024;

type Item = CorpusArticle | LoadProblem;

/** Turns an archive's lines into articles, giving every article its own key. */
class ArchiveLines {
  private readonly keys = new Map<string, number>();
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true });
  constructor(private readonly file: string) {}

  /** What one line gives: an article (after a warning about its id, if any), a problem, or nothing. */
  line({ n, bytes }: RawLine): Item[] {
    const file = this.file, skip = (message: string) => [{ file, line: n, message }];
    if (!bytes) return skip(`line longer than ${MAX_LINE_BYTES / 1024 / 1024} MB; skipped`);
    let text: string;
    try { text = this.utf8.decode(bytes); } catch { return skip('not valid UTF-8; skipped'); }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (!text.trim()) return [];
    let o: Record<string, unknown>;
    try { o = JSON.parse(text); } catch { return skip('malformed JSON; skipped'); }
    if (!o || typeof o !== 'object' || typeof o.text !== 'string') return skip('no "text" field; skipped');
    // As an empty .txt file: nothing to index, and said so.
    if (!o.text.trim()) return skip('empty "text"; skipped');
    const str = (k: string) => (o[k] === undefined || o[k] === null ? undefined : String(o[k]));
    const { id, key, problem } = this.identify(o.id, n);
    const article: CorpusArticle = { key, file, id, line: n, title: str('title'), outlet: str('outlet'), date: isoDate(o.date), url: str('url'), text: o.text };
    return problem ? [problem, article] : [article];
  }

  /** The article's id and a key no other line of the archive has, and what was wrong with its id. */
  private identify(raw: unknown, n: number): { id: string; key: string; problem?: LoadProblem } {
    const valid = typeof raw === 'string' ? raw !== '' : typeof raw === 'number' && Number.isFinite(raw);
    const id = valid ? String(raw) : String(n);
    let key = `${this.file}#${id}`;
    const first = this.keys.get(key);
    let problem: LoadProblem | undefined;
    if (raw !== undefined && raw !== null && !valid) problem = { file: this.file, line: n, message: `"id" is not a string or a number; the article is named by its line (${n})`, warning: true };
    if (first !== undefined) {
      key = `${this.file}#${id}@${n}`;
      problem = { file: this.file, line: n, message: `id "${id}" is also on line ${first}; both kept, this one as "${id}@${n}"`, warning: true };
    }
    this.keys.set(key, n);
    return { id, key, problem };
  }
}

export async function* readJsonl(file: string): AsyncGenerator<Item> {
  const opened = openRegular(file);
  if (opened.problem !== undefined) { yield { file, message: opened.problem }; return; }
  const gz = /\.gz$/i.test(file);
  const raw = fs.createReadStream('', { fd: opened.fd });
  // pipeline passes a read error on to the gunzip stream, so a failing disk ends the loop instead of hanging it.
  const source: NodeJS.ReadableStream = gz ? pipeline(raw, zlib.createGunzip(), () => undefined) : raw;
  const lines = new ArchiveLines(file), split = new LineSplitter(MAX_LINE_BYTES);
  let emitted = 0, first = true;
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      if (first && chunk.length >= 2 && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))) {
        yield { file, message: 'archive is UTF-16; only UTF-8 archives are read' };
        raw.destroy();
        return;
      }
      first = false;
      emitted += chunk.length;
      for (const l of split.push(chunk)) yield* lines.line(l);
    }
  } catch (e) {
    yield* broken(file, e as NodeJS.ErrnoException, gz, emitted, split, lines);
    return;
  }
  const last = split.end();
  if (last) yield* lines.line(last);
}

/** After a read or decoding error: the complete lines that can still be read, then where the archive broke. */
function* broken(file: string, e: NodeJS.ErrnoException, gz: boolean, emitted: number, split: LineSplitter, lines: ArchiveLines): Generator<Item> {
  const zlibError = gz && /^Z_/.test(e.code ?? '');
  let where = zlibError ? `corrupt compressed data (${e.message})` : `read error (${e.code ?? e.message})`;
  if (zlibError) {
    const whole = readRegular(file, MAX_SALVAGE_BYTES);
    if (whole.data) {
      const s = salvageGzip(whole.data);
      for (const l of split.push(s.data.subarray(emitted))) yield* lines.line(l);
      if (!s.reason) {
        // Every member decoded after all: the archive is whole.
        const last = split.end();
        if (last) yield* lines.line(last);
        return;
      }
      where = `${s.reason} at byte ${s.brokeAt} of ${whole.data.length}`;
    }
  }
  const cut = split.discard();
  const tail = cut ? `; line ${cut} is incomplete and skipped` : '';
  yield { file, line: cut, message: `archive is damaged: ${where}; every complete line before it was read${tail}` };
}
