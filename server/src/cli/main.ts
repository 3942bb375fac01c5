// The isnad command line: `isnad check`, `isnad report`, `isnad index`, `isnad ingest`, `isnad lsp --stdio`. Exit
// codes: 0 no conflicts, 1 conflicts, 2 bad usage, unreadable input or an unusable database (what could be read is
// still checked).
import * as fs from 'fs';
import * as path from 'path';
import { openCorpus, defaultCacheDir, decodeText, describeProblem, pickLocale, AnalysisSettings, AnalysisResult, readRegular, MAX_FILE_BYTES } from '../core/api';
import { version } from '../../../package.json';
import { BUNDLED_SEEDS } from '../bundled-seeds';
import { progressBar } from './progress';
import { toJson, toText, relative, FileReport, escapeTerminal } from './output';
import { toSarif } from './sarif';
import { reportHtml } from './html-report';
import { parse, helpText, Args, UsageError } from './args';
import { ingestCommand, openArchive, checkDraft, dbTimeout } from './archive';
import { tuneEngine } from '../engine';

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

const FORMATS = ['text', 'json', 'sarif'];

/** Opens the corpus (and the shared archive, with --database) and checks each readable draft; an unreadable input
 * is said on stderr and the rest still checked. */
async function checkDrafts(args: Args, settings: Partial<AnalysisSettings>) {
  let unreadable = false;
  const say = (msg: string) => { process.stderr.write(`isnad: ${escapeTerminal(msg)}\n`); };
  const problem = (msg: string) => { unreadable = true; say(msg); };
  dbTimeout(args);
  // With a database, the local corpus is only what --corpus names (the bundled seeds are not added to it).
  const local = !args.values.database || args.values.corpus?.length ? (await openCorpus(corpusPaths(args), {
    cacheDir: cacheDir(args), verify: args.values.verify,
    // A warning (an article kept under another name) loses nothing: said, but not an unreadable input.
    onProblem: p => (p.warning ? say(`warning: ${describeProblem(p)}`) : problem(describeProblem(p))),
    // A damaged or unusable cache is rebuilt; saying so is not an input error either.
    onWarning: say,
  })).index : undefined;
  const archive = args.values.database ? await openArchive(args, problem) : undefined;
  const reports: (FileReport & { result: AnalysisResult })[] = [];
  try {
    for (const file of args.positionals) {
      // A named pipe given as a draft would block a plain read forever.
      const r = readRegular(file, MAX_FILE_BYTES);
      if (r.problem) { problem(`${file}: ${r.problem}`); continue; }
      const d = decodeText(r.data!);
      if (d.problem) { problem(`${file}: ${d.problem}`); continue; }
      const { result, store } = await checkDraft(d.text!, path.resolve(file), settings, local, archive, problem);
      reports.push({ file: relative(file), text: d.text!, findings: result.findings, result, store });
    }
  } finally {
    await archive?.close();
  }
  return { reports, unreadable };
}

/** 0 no conflicts, 1 conflicts (any warning or error), 2 an unreadable input or an unusable database. */
const exitStatus = (reports: FileReport[], unreadable: boolean) =>
  unreadable ? 2 : reports.some(r => r.findings.some(f => f.severity === 'warning' || f.severity === 'error')) ? 1 : 0;

async function check(args: Args): Promise<number> {
  const format = args.values.format ?? 'text';
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format "${format}" (${FORMATS.join(', ')})`);
  if (!args.positionals.length) throw new UsageError('no draft to check');
  const settings = checkSettings(args);
  const { reports, unreadable } = await checkDrafts(args, settings);
  const locale = settings.locale!;
  process.stdout.write(format === 'json' ? JSON.stringify(toJson(reports)) + '\n'
    : format === 'sarif' ? JSON.stringify(toSarif(reports, locale), null, 2) + '\n' : toText(reports, undefined, locale));
  return exitStatus(reports, unreadable);
}

/** `isnad report DRAFT -o report.html`: the copy desk's page; the exit status is check's. */
async function report(args: Args): Promise<number> {
  if (args.positionals.length !== 1) throw new UsageError('report takes one draft: isnad report DRAFT -o report.html');
  const settings = checkSettings(args);
  const { reports, unreadable } = await checkDrafts(args, settings);
  const [r] = reports;
  if (!r?.store) return 2;
  const html = reportHtml({ file: r.file, text: r.text, result: r.result, store: r.store, locale: settings.locale!, version, today: new Date().toISOString().slice(0, 10) });
  const out = args.values.output;
  if (out) {
    try { fs.writeFileSync(out, html); }
    catch (e) { process.stderr.write(`isnad: ${escapeTerminal(`${out}: cannot write: ${(e as Error).message}`)}\n`); return 2; }
  } else process.stdout.write(html);
  return exitStatus(reports, unreadable);
}

async function buildPersisted(args: Args): Promise<number> {
  const dir = cacheDir(args);
  if (!dir) throw new UsageError('index needs a cache (drop --no-cache)');
  if (args.positionals.length) throw new UsageError(`unexpected argument ${args.positionals[0]} (use --corpus PATH)`);
  let unreadable = false;
  const bar = progressBar(process.stderr);
  const say = (m: string) => { bar.clear(); process.stderr.write(`isnad: ${escapeTerminal(m)}\n`); };
  const t0 = Date.now();
  const opened = await openCorpus(corpusPaths(args), {
    cacheDir: dir, verify: args.values.verify, checkTexts: true,
    onProblem: p => { unreadable ||= !p.warning; say(`${p.warning ? 'warning: ' : ''}${describeProblem(p)}`); },
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
    if (args.command === 'report') return await report(args);
    if (args.command === 'index') return await buildPersisted(args);
    if (args.command === 'ingest') return await ingestCommand(args);
    throw new UsageError(`unknown command "${args.command}"`);
  } catch (e) {
    if (e instanceof UsageError) { process.stderr.write(`isnad: ${e.message}\nRun "isnad --help" for usage.\n`); return 2; }
    process.stderr.write(`isnad: internal error: ${escapeTerminal((e as Error).message)}\n`);
    return 2;
  }
}

if (require.main === module) {
  tuneEngine();
  main(process.argv.slice(2)).then(code => { if (code >= 0) process.exitCode = code; });
}
