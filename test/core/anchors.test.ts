// Where a figure's candidates are looked for: the sentences holding one of its anchor words. Checked with the
// document counts of the real archive (ANT), which no small corpus of a test reaches.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadLanguage, readText } from '../../server/src/core/api';
import { anchorTerms } from '../../server/src/core/check/figure-check';
import { candidateRequest } from '../../server/src/core/prefetch/draft-needs';
import { figureKey } from '../../server/src/core/index/store';
import type { TermInfo } from '../../server/src/core/prefetch/requests';
import { FIXTURES } from '../helpers/seeds';

interface AnchorFixture { draft: string; date: string; figure: string; df: Record<string, number>; anchors: string[] }

describe('anchor words of a figure', () => {
  const lang = loadLanguage();
  // bug: one-rare-word-to-find-by.
  it('are never fewer than the three rarest, however common: one rare word alone finds no passage', () => {
    const fx = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'retrieval/one-rare-word-to-find-by.json'), 'utf8')) as AnchorFixture;
    const f = readText(fx.draft, lang, { date: fx.date }).figures.find(x => fx.draft.slice(x.start, x.end) === fx.figure)!;
    const df = new Map(Object.entries(fx.df).filter(([k]) => !k.startsWith('$')));
    // The counts are of the stems the reader gives today: a stemmer change shows here, not as a silent pass.
    assert.deepStrictEqual([...new Set(f.context)].sort(), [...df.keys()].sort());
    const byDf = [...df.keys()].sort((a, b) => df.get(a)! - df.get(b)!);
    assert.deepStrictEqual(anchorTerms(byDf, t => df.get(t)!), fx.anchors);
    // The shared archive's prefetch asks for the same anchors.
    const info: TermInfo = { df, stats: { liveSentences: 349162, totalLength: 349162 * 12, articles: 31523 } };
    assert.deepStrictEqual(candidateRequest({ key: figureKey(f)!, group: f.group, places: f.places, context: f.context }, info).anchors, fx.anchors);
  });
  it('are the rarer words, at most eight, when there are enough of them', () => {
    const words = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
    assert.deepStrictEqual(anchorTerms(words, () => 10), words.slice(0, 8));
    const df = (t: string) => (t < 'e' ? 100 : 5000);
    assert.deepStrictEqual(anchorTerms(words, df), ['a', 'b', 'c', 'd']);
    assert.deepStrictEqual(anchorTerms(words, () => 5000), ['a', 'b', 'c']);
  });
});
