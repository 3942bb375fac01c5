// Reads corpus articles from folders (.txt/.md with optional front matter) and JSONL archives (.jsonl, .jsonl.gz,
// read in archive.ts). Only regular files are read: a named pipe or a device in a folder is reported, not opened.
// Corpus files are untrusted and often messy: every problem becomes a message naming the file (and line),
// and the rest of the corpus is still read.
import * as fs from 'fs';
import * as path from 'path';
import { splitFrontMatter } from './front-matter';
import { describeError, kindOf, readRegular } from './files';
import { readJsonl } from './archive';

export interface CorpusArticle {
  /** Stable key: the file path, or "archive.jsonl#id" for an archive line ("#id@LINE" for a repeated id). */
  key: string;
  /** The file the article lives in (for an archive, the archive). */
  file: string;
  id?: string;
  /** 1-based line of the article in a JSONL archive. */
  line?: number;
  title?: string;
  outlet?: string;
  date?: string;
  url?: string;
  text: string;
}

/** Something wrong with a corpus input. A warning was handled without losing anything (an article kept
 * under another name); anything else means something could not be read. */
export interface LoadProblem { file: string; line?: number; message: string; warning?: boolean }

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
const TEXT_EXT = /\.(txt|md|markdown)$/i;
const JSONL_EXT = /\.jsonl(\.gz)?$/i;

/** A JSONL archive (.jsonl, .jsonl.gz). */
export const isArchive = (file: string) => JSONL_EXT.test(file);
/** A file a corpus folder is read for: an article (.txt, .md) or an archive. */
export const isCorpusFile = (file: string) => TEXT_EXT.test(file) || JSONL_EXT.test(file);

/** UTF-16 text: by its byte-order mark, or (without one) by NULs in the high byte of ASCII characters only. */
function utf16(buf: Buffer): { encoding: 'utf-16le' | 'utf-16be'; bom: boolean } | undefined {
  if (buf[0] === 0xff && buf[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  if (buf.length % 2) return undefined;
  let even = 0, odd = 0;
  for (let i = 0; i < Math.min(buf.length, 8192); i++) if (buf[i] === 0) { if (i & 1) odd++; else even++; }
  if (odd && !even) return { encoding: 'utf-16le', bom: false };
  if (even && !odd) return { encoding: 'utf-16be', bom: false };
  return undefined;
}

/** Control characters that do not occur in text (what is left of a binary file decoded as UTF-16). */
const NOT_TEXT = /[\u0000-\u0008\u000E-\u001F]/;

/** Decodes a text file strictly: UTF-8 or UTF-16, BOM removed; binary and invalid text refused with a reason. */
export function decodeText(buf: Buffer): { text?: string; problem?: string } {
  if (buf.length > MAX_FILE_BYTES) return { problem: `file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB; skipped` };
  const wide = utf16(buf);
  if (wide) {
    let text: string;
    try { text = new TextDecoder(wide.encoding, { fatal: true }).decode(buf); }
    catch { return { problem: `not valid ${wide.encoding.toUpperCase()}; skipped` }; }
    if (!wide.bom && NOT_TEXT.test(text)) return { problem: 'binary file (contains NUL bytes); skipped' };
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  }
  if (buf.subarray(0, 8192).includes(0)) return { problem: 'binary file (contains NUL bytes); skipped' };
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text };
  } catch {
    return { problem: 'not valid UTF-8; skipped' };
  }
}

/** A folder entry that is neither a folder nor a regular file: a link is followed to a file (not to a folder,
 * which could loop), anything else (a named pipe, a socket, a device, a broken link) is reported. */
function linkedFile(p: string, e: fs.Dirent, problems: LoadProblem[]): boolean {
  if (!e.isSymbolicLink()) { problems.push({ file: p, message: `${kindOf(e)}, not a regular file; skipped` }); return false; }
  let st: fs.Stats;
  try { st = fs.statSync(p); } catch (err) { problems.push({ file: p, message: `symbolic link: ${describeError(err)}; skipped` }); return false; }
  if (st.isFile()) return true;
  if (!st.isDirectory()) problems.push({ file: p, message: `symbolic link to ${kindOf(st)}, not a regular file; skipped` });
  return false;
}

function listFiles(dir: string, out: string[], problems: LoadProblem[]) {
  let entries: fs.Dirent[];
  try { entries = fs.readdirSync(dir, { withFileTypes: true }); }
  catch (e) { problems.push({ file: dir, message: `cannot read folder: ${describeError(e)}` }); return; }
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) listFiles(p, out, problems);
    else if (isCorpusFile(e.name) && (e.isFile() || linkedFile(p, e, problems))) out.push(p);
  }
}

/** One article file; `problems` holds what was wrong with it (a malformed front matter still yields the article). */
export function readTextArticle(file: string): { article?: CorpusArticle; problems: LoadProblem[] } {
  const r = readRegular(file, MAX_FILE_BYTES);
  if (r.problem) return { problems: [{ file, message: r.problem }] };
  const d = decodeText(r.data!);
  if (d.problem) return { problems: [{ file, message: d.problem }] };
  const { meta, text, problem } = splitFrontMatter(d.text!);
  const problems = problem ? [{ file, message: problem }] : [];
  if (!text.trim()) return { problems: [...problems, { file, message: 'empty file; skipped' }] };
  return { article: { key: file, file, title: meta.title, outlet: meta.outlet, date: meta.date, url: meta.url, text }, problems };
}

export function isProblem(x: CorpusArticle | LoadProblem): x is LoadProblem {
  return (x as CorpusArticle).text === undefined;
}

/** The corpus files under the given paths, in a stable order, and the paths that could not be read. */
export function corpusFiles(paths: string[]): { files: string[]; problems: LoadProblem[] } {
  const files: string[] = [], problems: LoadProblem[] = [];
  for (const p of paths) {
    let st: fs.Stats;
    try { st = fs.statSync(p); }
    catch (e) { problems.push({ file: p, message: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'corpus path does not exist' : `corpus path: ${describeError(e)}` }); continue; }
    if (st.isDirectory()) listFiles(p, files, problems);
    else if (st.isFile()) files.push(p);
    else problems.push({ file: p, message: `corpus path is ${kindOf(st)}, not a regular file or a folder; skipped` });
  }
  return { files, problems };
}

/** All articles under the given paths (folders, text files, JSONL archives), in a stable order. */
export async function* readCorpus(paths: string[]): AsyncGenerator<CorpusArticle | LoadProblem> {
  const { files, problems } = corpusFiles(paths);
  yield* problems;
  for (const f of files) {
    if (isArchive(f)) yield* readJsonl(f);
    else {
      const r = readTextArticle(f);
      yield* r.problems;
      if (r.article) yield r.article;
    }
  }
}

export function describeProblem(p: LoadProblem): string {
  return `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`;
}
