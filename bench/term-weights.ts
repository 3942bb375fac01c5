// `--only=term-weights`: rebuilds server/src/core/data/term-weights.json, how many ANT sentences hold each light
// stem (and each event term «#killed»), for the same-fact judgement's word weights. Run after changing how
// sentences are read into terms.
import * as fs from 'fs';
import * as path from 'path';
import { openCorpus } from '../server/src/core/api';

/** Stems in fewer sentences than this are weighed as rare (same-fact.ts RARE_DF), so they need no entry. */
const MIN_DF = 20;

export async function writeTermWeights(corpus: string, root: string): Promise<{ sentences: number; stems: number }> {
  const { index } = await openCorpus([corpus]);
  const snap = index.snapshot();
  const df: Record<string, number> = {};
  // Vocabulary keys with a colon are not words (entities, outlets).
  snap.vocab.forEach((t, id) => { if (!t.includes(':') && snap.ints.df[id] >= MIN_DF) df[t] = snap.ints.df[id]; });
  const sentences = snap.ints.sArticle.length;
  fs.writeFileSync(path.join(root, 'server/src/core/data/term-weights.json'), JSON.stringify({
    $comment: `How common each light stem is in Arabic news: the number of sentences holding it among ${sentences} sentences of the ANT corpus (A. Chouigui, O. Ben Khiroun, B. Elayeb, Arabian Journal for Science and Engineering 46(8), 2021), for stems in at least ${MIN_DF} sentences; written by \`node out/bench/bench.js --only=term-weights\`. The same-fact judgement weighs shared words by it (a rare shared word says more than a common one), the same whatever corpus a newsroom points isnad at.`,
    sentences, df,
  }) + '\n');
  return { sentences, stems: Object.keys(df).length };
}
