// The per-workspace ignore list (.isnad-ignore.json). Chosen over an inline marker because a draft is pasted
// into the CMS as it stands: a marker would travel with the text and be published; this file stays behind.
// The file belongs to the newsroom as much as to isnad, so it is read as VS Code reads its own JSON files
// (jsonc-parser: comments, trailing commas, a byte-order mark), edited in place with that library's edit
// operations (comments and layout survive), never rewritten when it could not be parsed, and never followed
// through a symbolic link (an Ignore would write to a file outside the workspace).
import * as fs from 'fs';
import * as path from 'path';
import { parse, ParseError, printParseErrorCode, modify, applyEdits, FormattingOptions } from 'jsonc-parser';
import { readRegular, MAX_FILE_BYTES } from '../core/api';

export const IGNORE_FILE = '.isnad-ignore.json';
const COMMENT = 'Findings silenced with the isnad "Ignore" quick fix (code:figure:sentence fingerprint).';

export interface IgnoreFile {
  entries: string[];
  /** What is wrong with the file; such a file is read as far as it can be and never written. */
  problem?: string;
  /** The text as read (without its BOM), when the file exists and can be edited. */
  text?: string;
  bom?: boolean;
}

/** Where a parse error is, as line:column (1-based). */
function where(text: string, e: ParseError): string {
  const before = text.slice(0, e.offset).split(/\r\n|\r|\n/);
  return `line ${before.length}, column ${before[before.length - 1].length + 1}`;
}

/** The entries of the parsed file, and what is wrong with its shape. */
function entriesOf(j: unknown): { entries: string[]; problem?: string } {
  if (!j || typeof j !== 'object' || Array.isArray(j)) return { entries: [], problem: 'is not a JSON object' };
  const list = (j as { ignore?: unknown }).ignore;
  if (list !== undefined && !Array.isArray(list)) return { entries: [], problem: '"ignore" is not a list' };
  return { entries: (list ?? []).filter((x: unknown): x is string => typeof x === 'string') };
}

export function readIgnoreFile(folder: string): IgnoreFile {
  const file = path.join(folder, IGNORE_FILE);
  let st: fs.Stats;
  try { st = fs.lstatSync(file); } catch { return { entries: [] }; }
  if (st.isSymbolicLink()) return { entries: [], problem: 'is a symbolic link, which isnad does not follow (an Ignore would write outside the workspace)' };
  const r = readRegular(file, MAX_FILE_BYTES, { noFollow: true });
  if (r.problem) return { entries: [], problem: r.problem };
  let text: string;
  try { text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(r.data!); } catch { return { entries: [], problem: 'is not valid UTF-8' }; }
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  const errors: ParseError[] = [];
  const j = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  const { entries, problem } = entriesOf(j);
  // What could be read still silences its findings; the file is left for its owner to fix.
  if (errors.length) return { entries, problem: `is not valid JSON (${printParseErrorCode(errors[0].error)} at ${where(text, errors[0])})` };
  return problem ? { entries, problem } : { entries, text, bom };
}

/** The file's own indentation and line ends, so an added entry looks like its neighbours. */
function formatting(text: string): FormattingOptions {
  const indent = /^([ \t]+)\S/m.exec(text)?.[1] ?? '  ';
  return { insertSpaces: !indent.startsWith('\t'), tabSize: indent.startsWith('\t') ? 4 : indent.length, eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

/** The file's text with `key` added to its list. */
function withKey(f: IgnoreFile, key: string): string {
  if (f.text === undefined) return JSON.stringify({ $comment: COMMENT, ignore: [key] }, null, 2) + '\n';
  const options = { formattingOptions: formatting(f.text) };
  const hasList = Array.isArray((parse(f.text, [], { allowTrailingComma: true }) as { ignore?: unknown }).ignore);
  const edits = hasList ? modify(f.text, ['ignore', -1], key, { ...options, isArrayInsertion: true }) : modify(f.text, ['ignore'], [key], options);
  return applyEdits(f.text, edits);
}

/** Adds `key` to the folder's ignore list; returns why the file was left unchanged, if it was. */
export function addToIgnoreList(folder: string, key: string): string | undefined {
  const f = readIgnoreFile(folder);
  if (f.problem) return `${IGNORE_FILE} ${f.problem}; it was not changed, so the finding is not ignored`;
  if (f.entries.includes(key)) return undefined;
  const file = path.join(folder, IGNORE_FILE);
  const text = (f.bom ? '\uFEFF' : '') + withKey(f, key);
  // A new file renamed over the old one: never half-written, and a link put there meanwhile is replaced, not followed.
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.rmSync(tmp, { force: true });
    fs.writeFileSync(tmp, text, { flag: 'wx', mode: f.text === undefined ? 0o666 : fs.statSync(file).mode & 0o7777 });
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    return `${IGNORE_FILE} could not be written (${(e as Error).message}); the finding is not ignored`;
  }
  return undefined;
}

/** The workspace ignore lists, read once per folder (not on every keystroke); the Ignore fix updates them.
 * A file that cannot be used is reported once, until the lists are cleared (on a configuration change). */
export class IgnoreLists {
  private readonly lists = new Map<string, string[]>();
  constructor(private readonly warn: (message: string) => void = () => undefined) {}

  of(folder: string | undefined): string[] {
    if (!folder) return [];
    let l = this.lists.get(folder);
    if (!l) {
      const f = readIgnoreFile(folder);
      if (f.problem) this.warn(`${path.join(folder, IGNORE_FILE)} ${f.problem}; isnad will not change it until it is fixed`);
      l = f.entries;
      this.lists.set(folder, l);
    }
    return l;
  }

  /** Adds a key; returns why it could not be added, if it could not. */
  add(folder: string, key: string): string | undefined {
    const problem = addToIgnoreList(folder, key);
    if (!problem) this.lists.delete(folder);
    return problem;
  }

  clear() { this.lists.clear(); }
}
