// The isnad command line: `isnad check`, `isnad lsp --stdio`. Exit codes: 0 no conflicts, 1 conflicts,
// 2 bad usage or unreadable input (what could be read is still checked).
import * as fs from 'fs';
import * as path from 'path';
import { analyze, openCorpus, defaultCacheDir, decodeText, describeProblem, pickLocale, Finding, AnalysisSettings } from '../core';
import { progressBar } from './progress';
import { toJson, toText, relative, FileReport } from './output';

const HELP = `isnad — checks the figures and attributions in Arabic drafts against a corpus of articles

Usage:
  isnad check [options] DRAFT...      check drafts (.txt, .md) against the corpus
  isnad index --corpus PATH...        build (or bring up to date) the persisted index of a corpus
  isnad lsp --stdio                   run the language server on stdin/stdout (Neovim, Emacs, Helix, Zed)
  isnad --help                        this text

Options for check:
  --corpus PATH      a folder (read recursively: .txt and .md, optional front matter title/outlet/date/url)
                     or a .jsonl / .jsonl.gz archive (one article per line: text, and optionally id, title,
                     outlet, date, url). Repeatable. Default: the bundled seeds/ corpus.
  --format FORMAT    text (default): file:line:col: severity code: message, then the corpus passages
                     (1-based lines and columns); json: {"diagnostics":[...]} with 0-based lines and UTF-16
                     columns, as in LSP.
  --lang ar|en       language of messages (default: ar, or $ISNAD_LANG)
  --tolerance N      scale the ±10% a hedge such as «نحو» allows (default 1)
  --cache-dir DIR    where persisted indexes live (default $ISNAD_CACHE_DIR or ~/.cache/isnad)
  --no-cache         neither read nor write a persisted index

A corpus is indexed once and persisted (with a format version and the size and time of every corpus
file); later runs load it, re-reading only files that changed. \`isnad index\` does this ahead of time.

Codes: figure-conflict (warning), figure-disputed (information), attribution-conflict (warning),
source-count-conflict (warning), figure-uncited (hint).

Exit status: 0 no conflicts, 1 conflicts found (any warning or error), 2 bad usage or an unreadable
input (missing file, binary, invalid UTF-8, over 5 MB, malformed archive line); readable files are still
checked and reported. A draft that is also in the corpus never matches itself.
`;

export const BUNDLED_SEEDS = path.resolve(__dirname, '..', 'seeds');

interface CheckArgs { corpus: string[]; format: 'text' | 'json'; lang?: string; tolerance?: number; drafts: string[]; cacheDir?: string }

class UsageError extends Error {}

function parseCheck(argv: string[], needDrafts = true): CheckArgs {
  const a: CheckArgs = { corpus: [], format: 'text', drafts: [], cacheDir: defaultCacheDir() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => { const v = argv[++i]; if (v === undefined) throw new UsageError(`${arg} needs a value`); return v; };
    const eq = /^(--[a-z]+)=(.*)$/.exec(arg);
    if (eq) { argv.splice(i + 1, 0, eq[2]); argv[i] = eq[1]; i--; continue; }
    if (arg === '--corpus') a.corpus.push(value());
    else if (arg === '--format') { const f = value(); if (f !== 'text' && f !== 'json') throw new UsageError(`unknown format "${f}" (text or json)`); a.format = f; }
    else if (arg === '--lang') a.lang = value();
    else if (arg === '--cache-dir') a.cacheDir = value();
    else if (arg === '--no-cache') a.cacheDir = undefined;
    else if (arg === '--tolerance') { const t = Number(value()); if (!(t > 0)) throw new UsageError('--tolerance needs a positive number'); a.tolerance = t; }
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
    else a.drafts.push(arg);
  }
  if (needDrafts && !a.drafts.length) throw new UsageError('no draft to check');
  if (!needDrafts && a.drafts.length) throw new UsageError(`unexpected argument ${a.drafts[0]} (use --corpus PATH)`);
  return a;
}

async function check(args: CheckArgs): Promise<number> {
  let unreadable = false;
  const problem = (msg: string) => { unreadable = true; process.stderr.write(`isnad: ${msg}\n`); };
  const { index } = await openCorpus(args.corpus.length ? args.corpus : [BUNDLED_SEEDS], {
    cacheDir: args.cacheDir, onProblem: p => problem(describeProblem(p)),
  });
  const settings: Partial<AnalysisSettings> = { locale: pickLocale(args.lang ?? process.env.ISNAD_LANG ?? 'ar') };
  if (args.tolerance) settings.tolerance = args.tolerance;
  const reports: FileReport[] = [];
  for (const file of args.drafts) {
    let buf: Buffer;
    try { buf = fs.readFileSync(file); }
    catch (e) { problem(`${file}: cannot read: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`); continue; }
    const d = decodeText(buf);
    if (d.problem) { problem(`${file}: ${d.problem}`); continue; }
    const findings: Finding[] = analyze(d.text!, index, settings, { draftKey: path.resolve(file) }).findings;
    reports.push({ file: relative(file), text: d.text!, findings });
  }
  process.stdout.write(args.format === 'json' ? JSON.stringify(toJson(reports, index)) + '\n' : toText(reports, index));
  if (unreadable) return 2;
  return reports.some(r => r.findings.some(f => f.severity === 'warning' || f.severity === 'error')) ? 1 : 0;
}

async function buildPersisted(args: CheckArgs): Promise<number> {
  if (!args.cacheDir) throw new UsageError('index needs a cache (drop --no-cache)');
  let unreadable = false;
  const bar = progressBar(process.stderr);
  const t0 = Date.now();
  const opened = await openCorpus(args.corpus.length ? args.corpus : [BUNDLED_SEEDS], {
    cacheDir: args.cacheDir,
    onProblem: p => { unreadable = true; bar.clear(); process.stderr.write(`isnad: ${describeProblem(p)}\n`); },
    onProgress: (done, total, phase) => bar.update(phase === 'index' ? `indexing ${done} articles` : phase === 'save' ? 'writing index' : 'loading', done, phase === 'index' ? 0 : total),
    onLog: m => { bar.clear(); process.stderr.write(`isnad: ${m}\n`); },
  });
  bar.clear();
  process.stdout.write(`${opened.index.articleCount} articles, ${opened.fromCache ? `persisted index up to date (${opened.reindexedFiles} file(s) re-read)` : 'indexed'} in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${opened.cacheFile}\n`);
  opened.close();
  return unreadable ? 2 : 0;
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') { process.stdout.write(HELP); return cmd ? 0 : 2; }
    if (cmd === 'check') return await check(parseCheck(rest));
    if (cmd === 'index') return await buildPersisted(parseCheck(rest, false));
    if (cmd === 'lsp') {
      const { runStdioServer } = await import('../lsp/stdio');
      runStdioServer();
      return -1; // keeps running
    }
    throw new UsageError(`unknown command "${cmd}"`);
  } catch (e) {
    if (e instanceof UsageError) { process.stderr.write(`isnad: ${e.message}\nRun "isnad --help" for usage.\n`); return 2; }
    process.stderr.write(`isnad: internal error: ${(e as Error).message}\n`);
    return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(code => { if (code >= 0) process.exitCode = code; });
}
