// A long draft is checked a piece at a time: the language server (analyzeAsync) answers other requests meanwhile,
// and a page pasted as one line (no line breaks, no full stops) is cut into pieces rather than read as one sentence.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { SEEDS, seedsIndex } from '../helpers/seeds';
import { analyze, analyzeAsync, MemoryIndex } from '../../server/src/core/api';

/** Real sentences from the seeds, repeated into a draft of about `bytes` bytes (`numbered`: each line made
 * different, so no line's result comes from the cache of an earlier one). */
function longText(bytes: number, joiner: string, numbered = false): string {
  const seed = fs.readdirSync(SEEDS).filter(f => f.endsWith('.txt') || f.endsWith('.md')).map(f => fs.readFileSync(path.join(SEEDS, f), 'utf8'))
    .join('\n').split('\n').filter(l => /\d/.test(l) && l.length > 40 && !l.startsWith('---') && !/^\w+:/.test(l));
  const out: string[] = [];
  for (let n = 0, i = 0; n < bytes; i++) {
    const l = numbered ? `${seed[i % seed.length]} (الفقرة ${i + 1})` : seed[i % seed.length];
    out.push(l); n += Buffer.byteLength(l) + 1;
  }
  return out.join(joiner);
}

describe('reliability: long drafts', () => {
  let index: MemoryIndex;
  before(async () => { index = await seedsIndex(); });

  it('a page pasted as one line, its full stops gone, is still checked: most findings of the same text in lines', () => {
    const lines = longText(40_000, '\n');
    const oneLine = lines.split('\n').map(l => l.replace(/[.؟!]\s*$/, '')).join(' ');
    const codes = (t: string) => analyze(t, index, {}, { today: '2024-03-20' }).findings.map(f => `${f.code} ${t.slice(f.start, f.end)}`);
    const inLines = codes(lines.replace(/[.؟!]\s*$/gm, ''));
    assert.ok(inLines.length > 10, 'the repeated seed sentences are checked');
    // Without full stops its sentences run together (so clauses and neighbours differ), and pieces are cut at
    // spaces; still, more than half of the findings must stay, figures compared with the corpus among them.
    const found = codes(oneLine);
    const kept = found.filter(x => inLines.includes(x)).length;
    assert.ok(kept > inLines.length / 2, `${kept} of ${inLines.length} findings kept`);
    assert.ok(found.some(x => /^figure-(conflict|disputed) /.test(x)), 'figures still compared with the corpus');
  });

  it('analyzeAsync gives the same result as analyze, and stops at a newer version', async () => {
    const text = longText(60_000, '\n');
    const want = analyze(text, index, {}, { today: '2024-03-20' });
    assert.deepStrictEqual(await analyzeAsync(text, index, {}, { today: '2024-03-20', sliceMs: 0 }), want);
    let steps = 0;
    const cut = await analyzeAsync(text, index, {}, { today: '2024-03-20', sliceMs: 0, isCancelled: () => ++steps > 20 });
    assert.ok(cut.findings.length < want.findings.length, 'stopped early');
  });

  it('analyzeAsync lets other work run between the pieces of a long draft', async () => {
    const order: string[] = [];
    const done = analyzeAsync(longText(100_000, '\n', true), index, {}, { today: '2024-03-20', sliceMs: 0 }).then(() => order.push('the long draft'));
    // Queued after the check started: a check that never gave the event loop a turn would finish first.
    setImmediate(() => order.push('another request'));
    await done;
    assert.deepStrictEqual(order, ['another request', 'the long draft']);
  });
});
