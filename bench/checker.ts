// One editor of the "20 checkers while an ingest runs" row, in its own process (as editors are): checks the drafts
// of a JSON file against the archive, a check every couple of seconds, until its stdin ends; then prints its
// check times and errors as one JSON line. Usage: node pg-checker.js URL DRAFTS.json FIRST
import * as fs from 'fs';
import { Archive } from '../server/src/archive/archive';

/** An editor pauses between checks (typing, reading): a check per couple of seconds, not back to back. */
const THINK_MS = 2000;

async function main() {
  const [url, file, first] = process.argv.slice(2);
  const drafts: string[] = JSON.parse(fs.readFileSync(file, 'utf8'));
  let done = false;
  process.stdin.on('end', () => { done = true; }).resume();
  const times: number[] = [], errors: string[] = [];
  const archive = new Archive({ url, timeoutMs: 60_000 }, 1);
  try {
    for (let k = Number(first); !done; k++) {
      const t = performance.now();
      try { await archive.check(drafts[k % drafts.length], {}, { today: '2018-12-31' }); times.push(performance.now() - t); } catch (e) { errors.push((e as Error).message); }
      await new Promise(res => setTimeout(res, THINK_MS));
    }
  } finally {
    await archive.close();
  }
  process.stdout.write(JSON.stringify({ times, errors }) + '\n');
}

void main();
