// Reads corpus articles from folders (.txt/.md with optional front matter) and JSONL archives (.jsonl, .jsonl.gz).
// Corpus files are untrusted and often messy: every problem becomes a message naming the file (and line),
// and the rest of the corpus is still read.
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import * as readline from 'readline';
import { splitFrontMatter, isoDate } from './front-matter';

export interface CorpusArticle {
  /** Stable key: the file path, or "archive.jsonl#id" for an archive line. */
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

export interface LoadProblem { file: string; line?: number; message: string }

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
const TEXT_EXT = /\.(txt|md|markdown)$/i;
const JSONL_EXT = /\.jsonl(\.gz)?$/i;

/** A JSONL archive (.jsonl, .jsonl.gz). */
export const isArchive = (file: string) => JSONL_EXT.test(file);
/** A file a corpus folder is read for: an article (.txt, .md) or an archive. */
export const isCorpusFile = (file: string) => TEXT_EXT.test(file) || JSONL_EXT.test(file);

/** Decodes a text file strictly: BOM removed, binary and invalid UTF-8 refused with a reason. */
export function decodeText(buf: Buffer): { text?: string; problem?: string } {
  if (buf.length > MAX_FILE_BYTES) return { problem: `file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB; skipped` };
  if (buf.subarray(0, 8192).includes(0)) return { problem: 'binary file (contains NUL bytes); skipped' };
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text };
  } catch {
    return { problem: 'not valid UTF-8; skipped' };
  }
}

function listFiles(dir: string, out: string[], problems: LoadProblem[]) {
  let entries: fs.Dirent[];
  try { entries = fs.readdirSync(dir, { withFileTypes: true }); }
  catch (e) { problems.push({ file: dir, message: `cannot read folder: ${(e as NodeJS.ErrnoException).code ?? e}` }); return; }
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) listFiles(p, out, problems);
    else if (isCorpusFile(e.name)) out.push(p);
  }
}

/** One article file; `problems` holds what was wrong with it (a malformed front matter still yields the article). */
export function readTextArticle(file: string): { article?: CorpusArticle; problems: LoadProblem[] } {
  let data: Buffer;
  try { data = fs.readFileSync(file); }
  catch (e) { return { problems: [{ file, message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? e}` }] }; }
  const d = decodeText(data);
  if (d.problem) return { problems: [{ file, message: d.problem }] };
  const { meta, text, problem } = splitFrontMatter(d.text!);
  const problems = problem ? [{ file, message: problem }] : [];
  if (!text.trim()) return { problems: [...problems, { file, message: 'empty file; skipped' }] };
  return { article: { key: file, file, title: meta.title, outlet: meta.outlet, date: meta.date, url: meta.url, text }, problems };
}

async function* readJsonl(file: string): AsyncGenerator<CorpusArticle | LoadProblem> {
  let stream: NodeJS.ReadableStream = fs.createReadStream(file);
  const opened = await new Promise<Error | undefined>(res => {
    (stream as fs.ReadStream).once('open', () => res(undefined)).once('error', e => res(e));
  });
  if (opened) { yield { file, message: `cannot read: ${(opened as NodeJS.ErrnoException).code ?? opened.message}` }; return; }
  if (/\.gz$/i.test(file)) stream = stream.pipe(zlib.createGunzip());
  const lines = readline.createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const raw of lines) {
      n++;
      const line = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
      if (!line.trim()) continue;
      if (line.length > MAX_FILE_BYTES) { yield { file, line: n, message: 'line longer than 5 MB; skipped' }; continue; }
      if (line.includes('\uFFFD')) { yield { file, line: n, message: 'not valid UTF-8; skipped' }; continue; }
      let obj: unknown;
      try { obj = JSON.parse(line); } catch { yield { file, line: n, message: 'malformed JSON; skipped' }; continue; }
      const o = obj as Record<string, unknown>;
      if (!o || typeof o !== 'object' || typeof o.text !== 'string') { yield { file, line: n, message: 'no "text" field; skipped' }; continue; }
      const str = (k: string) => (o[k] === undefined || o[k] === null ? undefined : String(o[k]));
      const id = str('id') ?? String(n);
      yield { key: `${file}#${id}`, file, id, line: n, title: str('title'), outlet: str('outlet'), date: isoDate(o.date), url: str('url'), text: o.text as string };
    }
  } catch (e) {
    yield { file, line: n + 1, message: `archive is corrupt or truncated (${(e as Error).message}); read ${n} lines` };
  }
}

export function isProblem(x: CorpusArticle | LoadProblem): x is LoadProblem {
  return (x as CorpusArticle).text === undefined;
}

/** The corpus files under the given paths, in a stable order, and the paths that could not be read. */
export function corpusFiles(paths: string[]): { files: string[]; problems: LoadProblem[] } {
  const files: string[] = [], problems: LoadProblem[] = [];
  for (const p of paths) {
    let st: fs.Stats;
    try { st = fs.statSync(p); } catch { problems.push({ file: p, message: 'corpus path does not exist' }); continue; }
    if (st.isDirectory()) listFiles(p, files, problems); else files.push(p);
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
