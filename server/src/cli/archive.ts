// The command line's side of the shared archive: `isnad ingest` and the archive part of `isnad check`. A database
// that cannot be used is one line on stderr and exit status 2, never a hang (every wait is bounded by --db-timeout).
import * as fs from 'fs';
import * as readline from 'readline';
import * as zlib from 'zlib';
import type { Client } from 'pg';
import { corpusFiles } from '../core/corpus/loader';
import { analyze, AnalysisSettings, AnalysisResult, CandidateStore, MemoryIndex, describeProblem, isArchive } from '../core/api';
import { Archive } from '../archive/archive';
import { connect, describeFailure, safeUrl, DEFAULT_TIMEOUT_MS } from '../archive/connect';
import { ingest, IngestProgress } from '../archive/ingest';
import { migrate } from '../archive/schema';
import { progressBar } from './progress';
import { Args, UsageError } from './args';

export function dbTimeout(args: Args): number {
  const v = args.values['db-timeout'];
  if (v === undefined) return DEFAULT_TIMEOUT_MS;
  const n = Number(v);
  if (!(n > 0)) throw new UsageError('--db-timeout needs a positive number of milliseconds');
  return n;
}

const say = (m: string) => process.stderr.write(`isnad: ${m}\n`);

function batchSize(args: Args): number | undefined {
  const v = args.values.batch;
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError('--batch needs a positive whole number of articles');
  return n;
}

/** How many articles the inputs hold (files, and archive lines), for the progress bar: counted only on a terminal
 * (it costs a pass over the archives). */
async function countArticles(paths: string[]): Promise<number> {
  if (!process.stderr.isTTY) return 0;
  let n = 0;
  for (const file of corpusFiles(paths).files) {
    if (!isArchive(file)) { n++; continue; }
    const input = fs.createReadStream(file);
    const lines = readline.createInterface({ input: /\.gz$/i.test(file) ? input.pipe(zlib.createGunzip()) : input, crlfDelay: Infinity });
    try { for await (const l of lines) if (l.trim()) n++; } catch { /* a corrupt archive: ingest reports it */ }
  }
  return n;
}

function progressLabel(p: IngestProgress): string {
  return `${p.read} articles read: ${p.added} added, ${p.replaced} replaced, ${p.unchanged} unchanged${p.deleted ? `, ${p.deleted} deleted` : ''}`;
}

/** `isnad ingest --database URL [--migrate] [--delete] --corpus PATH...` */
export async function ingestCommand(args: Args): Promise<number> {
  const url = args.values.database;
  if (!url) throw new UsageError('ingest needs --database URL');
  const paths = args.values.corpus ?? [];
  if (!paths.length && !args.values.migrate) throw new UsageError('ingest needs --corpus PATH (or --migrate alone)');
  if (args.positionals.length) throw new UsageError(`unexpected argument ${args.positionals[0]} (use --corpus PATH)`);
  // A batch may wait for another ingest's batch (they take turns): the timeout bounds connecting only.
  const options = { url, timeoutMs: dbTimeout(args), statementTimeoutMs: 0, applicationName: 'isnad ingest' };
  let write: Client | undefined, look: Client | undefined;
  const bar = progressBar(process.stderr);
  try {
    write = await connect(options, () => undefined);
    if (args.values.migrate) {
      const applied = await migrate(write);
      process.stdout.write(applied.length ? `schema migrated to version ${applied[applied.length - 1]}\n` : 'schema up to date\n');
    }
    if (!paths.length) return 0;
    look = await connect(options, () => undefined);
    const total = await countArticles(paths);
    const r = await ingest(write, look, {
      paths, delete: args.values.delete, batchSize: batchSize(args),
      onProgress: p => bar.update(progressLabel(p), p.read, total),
      onProblem: p => { bar.clear(); say(describeProblem(p)); },
    });
    bar.clear();
    process.stdout.write(`${progressLabel(r)} in ${r.seconds.toFixed(1)} s (${safeUrl(url)}${r.version ? `, archive version ${r.version}` : ''})\n`);
    return r.problems ? 2 : 0;
  } catch (e) {
    bar.clear();
    const f = describeFailure(e);
    say(`${safeUrl(url)}: ${f.message}${f.kind === 'permission' ? ' (ingest needs the writer role)' : ''}`);
    return 2;
  } finally {
    await Promise.all([write?.end(), look?.end()].map(p => p?.catch(() => undefined)));
  }
}

/** The archive for `check`, connected and of the right schema; undefined (and a message) if it cannot be used. */
export async function openArchive(args: Args, problem: (m: string) => void): Promise<Archive | undefined> {
  const url = args.values.database!;
  const archive = new Archive({ url, timeoutMs: dbTimeout(args), applicationName: 'isnad check' }, 2);
  try {
    await archive.state();
    return archive;
  } catch (e) {
    problem(`${safeUrl(url)}: ${describeFailure(e).message}${args.values.corpus?.length ? '; checked against the local corpus only' : ''}`);
    await archive.close();
    return undefined;
  }
}

export interface DraftCheck { result: AnalysisResult; store?: CandidateStore }

/** Checks a draft against the archive (with the local index as part of the corpus), else the local index alone. */
export async function checkDraft(text: string, draftKey: string, settings: Partial<AnalysisSettings>, local: MemoryIndex | undefined, archive: Archive | undefined, problem: (m: string) => void): Promise<DraftCheck> {
  if (archive) {
    try {
      const r = await archive.check(text, settings, { draftKey }, local);
      return { result: r.result, store: r.store };
    } catch (e) {
      problem(`${safeUrl(archive.options.url)}: ${describeFailure(e).message}${local ? '; checked against the local corpus only' : ''}`);
    }
  }
  return local ? { result: analyze(text, local, settings, { draftKey }), store: local } : { result: { findings: [], figures: [], attributions: [] } };
}
