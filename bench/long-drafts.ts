// The long-draft rows: a page pasted as one 1 MB line with no sentence break, and a 5 MB draft, checked against
// the bundled seeds (as `isnad check` does by default), and the longest the language server's event loop waits
// between two pieces of the 5 MB check (what any other request waits behind it).
//
// Timed in a fresh process holding only the two texts, as `isnad check` runs: the full bench's process holds all
// of ANT and its index, and a collector walking that heap made the same check 1.5–2 s slower there. Three fresh
// processes, and each row is their median with the range beside it: this shared machine's speed moves by a fifth
// from one run to the next, and a check repeated in one process is warm (its words already read), so not the same
// measurement.
import { spawnSync } from 'child_process';
import { analyze, analyzeAsync, openCorpus, CorpusArticle } from '../server/src/core/api';

const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6;

/** ANT texts joined to `bytes` bytes: as one line with its full stops and line breaks gone, or as paragraphs. */
function page(articles: CorpusArticle[], bytes: number, oneLine: boolean): string {
  const out: string[] = [];
  for (let n = 0, i = 0; n < bytes; i++) {
    const t = articles[(i * 37) % articles.length].text;
    const x = oneLine ? t.replace(/[.!?؟\r\n]+/g, ' ') : t;
    out.push(x); n += Buffer.byteLength(x) + 1;
  }
  const all = out.join(oneLine ? ' ' : '\n');
  return Buffer.from(all).subarray(0, bytes).toString('utf8').replace(/\uFFFD$/, '');
}

type Rows = [string, string, string][];
/** What one child measured: the 1 MB line and the 5 MB draft in ms, and the longest wait in ms. */
type Times = [number, number, number];
const RUNS = 3;

/** Child process (`--long-drafts-child`): builds the two texts, lets the archive go, then times the checks. */
export async function longDraftChild(readArticles: () => CorpusArticle[], seeds: string): Promise<void> {
  let articles: CorpusArticle[] | undefined = readArticles();
  const line = page(articles, 1 << 20, true), draft = page(articles, 5 << 20, false);
  articles = undefined;
  global.gc?.();
  const { index } = await openCorpus([seeds], { cacheDir: undefined });
  let t = process.hrtime.bigint();
  analyze(line, index, {}, { today: '2018-12-31' });
  const lineMs = ms(t);
  t = process.hrtime.bigint();
  analyze(draft, index, {}, { today: '2018-12-31' });
  const draftMs = ms(t);
  // The longest gap between two turns of the event loop while the 5 MB draft is checked as the server does.
  let last = performance.now(), longest = 0, on = true;
  const tick = () => { const now = performance.now(); longest = Math.max(longest, now - last); last = now; if (on) setImmediate(tick); };
  setImmediate(tick);
  await analyzeAsync(draft, index, {}, { today: '2018-12-31' });
  on = false;
  const times: Times = [lineMs, draftMs, longest];
  process.stdout.write(JSON.stringify(times));
}

/** The long-draft rows: the median of RUNS fresh processes running this bench as `--long-drafts-child`. */
export function longDraftRows(benchScript: string, benchArgs: string[]): Rows {
  const runs: Times[] = [];
  for (let r = 0; r < RUNS; r++) {
    const child = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', benchScript, '--long-drafts-child', ...benchArgs], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (child.status !== 0) throw new Error(`long-draft rows: the child process failed: ${child.stderr}`);
    runs.push(JSON.parse(child.stdout));
  }
  const row = (k: number, show: (ms: number) => string) => {
    const xs = runs.map(t => t[k]).sort((a, b) => a - b);
    return `${show(xs[Math.floor(xs.length / 2)])} (median of ${xs.length} fresh runs: ${show(xs[0])}–${show(xs[xs.length - 1])})`;
  };
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`, m = (ms: number) => `${ms.toFixed(0)} ms`;
  return [
    ['check of a 1 MB line with no sentence break (seeds)', row(0, s), '≤ 3 s'],
    ['check of a 5 MB draft (seeds)', row(1, s), '≤ 3 s'],
    ['longest wait of another request during it (language server)', row(2, m), '≤ 200 ms'],
  ];
}
