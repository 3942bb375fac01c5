// The isnad command line: `isnad check`, `isnad index`, `isnad ingest`, `isnad lsp --stdio`. Exit codes: 0 no
// conflicts, 1 conflicts, 2 bad usage, unreadable input or an unusable database (what could be read is still checked).
import * as fs from 'fs';
import * as path from 'path';
import { openCorpus, defaultCacheDir, decodeText, describeProblem, pickLocale, AnalysisSettings } from '../core/api';
import { BUNDLED_SEEDS } from '../bundled-seeds';
import { progressBar } from './progress';
import { toJson, toText, relative, FileReport } from './output';
import { parse, helpText, Args, UsageError } from './args';
import { ingestCommand, openArchive, checkDraft, dbTimeout } from './archive';

function corpusPaths(args: Args) { return args.values.corpus?.length ? args.values.corpus : [BUNDLED_SEEDS]; }
function cacheDir(args: Args) { return args.values['no-cache'] ? undefined : args.values['cache-dir'] ?? defaultCacheDir(); }

function checkSettings(args: Args): Partial<AnalysisSettings> {
  const settings: Partial<AnalysisSettings> = { locale: pickLocale(args.values.lang ?? process.env.ISNAD_LANG ?? 'ar') };
  if (args.values.tolerance !== undefined) {
    const t = Number(args.values.tolerance);
    if (!(t > 0)) throw new UsageError('--tolerance needs a positive number');
    settings.tolerance = t;
  }
  return settings;
}

/** The drafts' texts (an unreadable one is a problem, and skipped). */
function readDrafts(files: string[], problem: (m: string) => void): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const file of files) {
    let buf: Buffer;
    try { buf = fs.readFileSync(file); }
    catch (e) { problem(`${file}: cannot read: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`); continue; }
    const d = decodeText(buf);
    if (d.problem) { problem(`${file}: ${d.problem}`); continue; }
    out.push({ file, text: d.text! });
  }
  return out;
}

async function check(args: Args): Promise<number> {
  const format = args.values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`unknown format "${format}" (text or json)`);
  if (!args.positionals.length) throw new UsageError('no draft to check');
  const settings = checkSettings(args);
  dbTimeout(args);
  let unreadable = false;
  const problem = (msg: string) => { unreadable = true; process.stderr.write(`isnad: ${msg}\n`); };
  // With a database, the local corpus is only what --corpus names (the bundled seeds are not added to it).
  const local = !args.values.database || args.values.corpus?.length
    ? (await openCorpus(corpusPaths(args), { cacheDir: cacheDir(args), onProblem: p => problem(describeProblem(p)) })).index : undefined;
  const archive = args.values.database ? await openArchive(args, problem) : undefined;
  const reports: FileReport[] = [];
  try {
    for (const d of readDrafts(args.positionals, problem)) {
      reports.push({ file: relative(d.file), text: d.text, ...await checkDraft(d.text, path.resolve(d.file), settings, local, archive, problem) });
    }
  } finally {
    await archive?.close();
  }
  process.stdout.write(format === 'json' ? JSON.stringify(toJson(reports)) + '\n' : toText(reports));
  if (unreadable) return 2;
  return reports.some(r => r.findings.some(f => f.severity === 'warning' || f.severity === 'error')) ? 1 : 0;
}

async function buildPersisted(args: Args): Promise<number> {
  const dir = cacheDir(args);
  if (!dir) throw new UsageError('index needs a cache (drop --no-cache)');
  if (args.positionals.length) throw new UsageError(`unexpected argument ${args.positionals[0]} (use --corpus PATH)`);
  let unreadable = false;
  const bar = progressBar(process.stderr);
  const say = (m: string) => { bar.clear(); process.stderr.write(`isnad: ${m}\n`); };
  const t0 = Date.now();
  const opened = await openCorpus(corpusPaths(args), {
    cacheDir: dir,
    onProblem: p => { unreadable = true; say(describeProblem(p)); },
    onProgress: (done, total, phase) => bar.update(phase === 'index' ? `indexing ${done} articles` : phase === 'save' ? 'writing index' : 'loading', done, phase === 'index' ? 0 : total),
    onLog: say,
  });
  bar.clear();
  const state = opened.fromCache ? `persisted index up to date (${opened.reindexedFiles} file(s) re-read)` : 'indexed';
  process.stdout.write(`${opened.index.articleCount} articles, ${state} in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${opened.cacheFile}\n`);
  opened.close();
  return unreadable ? 2 : 0;
}

export async function main(argv: string[]): Promise<number> {
  try {
    if (argv[0] === 'lsp') {
      // The server reads its own flags (--stdio, --clientProcessId …) from process.argv.
      const { runStdioServer } = await import('../lsp/stdio');
      runStdioServer();
      return -1; // keeps running
    }
    const args = parse(argv);
    if (args.values.help || args.command === 'help') { process.stdout.write(helpText()); return 0; }
    if (!args.command) { process.stdout.write(helpText()); return 2; }
    if (args.command === 'check') return await check(args);
    if (args.command === 'index') return await buildPersisted(args);
    if (args.command === 'ingest') return await ingestCommand(args);
    throw new UsageError(`unknown command "${args.command}"`);
  } catch (e) {
    if (e instanceof UsageError) { process.stderr.write(`isnad: ${e.message}\nRun "isnad --help" for usage.\n`); return 2; }
    process.stderr.write(`isnad: internal error: ${(e as Error).message}\n`);
    return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(code => { if (code >= 0) process.exitCode = code; });
}
