// A malformed setting used to switch checking off without a word (a string where a list belongs, a measure
// without cues). Now each setting is used as far as it is valid, and the rest is named to the user once.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { toServerSettings } from '../../server/src/lsp/settings';
import { loadLanguage } from '../../server/src/core/api';
import { startClient, TestClient } from '../helpers/lsp-client';
import { SEEDS } from '../helpers/seeds';
import { tmpDir, put } from '../helpers/tmp';

const MEASURE = { id: 'votes', ar: 'أصوات', en: 'votes', type: 'noun', cues: ['صوت', 'أصوات'] };

describe('reliability: settings', () => {
  it('isnad.language keeps its valid entries and names every dropped one', () => {
    const s = toServerSettings({
      language: {
        measures: [MEASURE, { id: 'x', ar: 'س', en: 'x', type: 'noun' }, { ...MEASURE, id: 'y', type: 'weird' }, 'not an entry'],
        sources: [{ id: 'desk', kind: 'outlet', ar: 'المكتب', en: 'Desk', names: ['المكتب', 7] }],
        numberWords: { 'دزينة': 12, 'كثير': 'many' },
        attributionVerbs: 'صرّح',
        places: [{ id: 'p', cues: ['حي النصر'] }],
        colours: ['red'],
      },
    }, 'ar');
    assert.deepStrictEqual(s.analysis.language, {
      measures: [MEASURE],
      sources: [{ id: 'desk', kind: 'outlet', ar: 'المكتب', en: 'Desk', names: ['المكتب'] }],
      numberWords: { 'دزينة': 12 },
      places: [{ id: 'p', cues: ['حي النصر'] }],
    });
    assert.deepStrictEqual(s.problems, [
      'isnad.language.measures[1]: "cues" is missing; entry ignored',
      'isnad.language.measures[2]: "type" must be one of event, unit, noun; entry ignored',
      'isnad.language.measures[3]: expected an object, got "not an entry"; entry ignored',
      'isnad.language.sources[0].names[1]: expected non-empty text, got 7; ignored',
      'isnad.language.numberWords."كثير": expected a number, got "many"; ignored',
      'isnad.language.attributionVerbs: expected a list of text, got "صرّح"; ignored',
      'isnad.language.colours: unknown key (known: sources, measures, places, groups, attributionVerbs, protectedPrefixes, numberWords); ignored',
    ]);
    assert.ok(loadLanguage(s.analysis.language).measures.some(m => m.id === 'votes'), 'what is kept loads');
  });

  it('other settings: a path as text, unknown codes, bad numbers and levels are named; the rest is used', () => {
    const s = toServerSettings({
      corpus: { paths: 'archive' }, severity: { 'figure-conflict': 'error', 'figure-typo': 'hint', 'figure-uncited': 'loud' },
      hedgeTolerance: 'wide', hover: { maxMatches: 2.5 }, languages: ['markdown', null], messages: { language: 'fr' }, citationTemplate: 5,
    }, 'en');
    assert.deepStrictEqual(s.corpusPaths, ['archive']);
    assert.deepStrictEqual(s.analysis.severity, { 'figure-conflict': 'error' });
    assert.deepStrictEqual(s.languages, ['markdown']);
    assert.strictEqual(s.analysis.tolerance, undefined);
    assert.strictEqual(s.analysis.locale, 'en');
    for (const name of ['corpus.paths', 'severity.figure-typo', 'severity.figure-uncited', 'hedgeTolerance', 'hover.maxMatches', 'languages[1]', 'messages.language', 'citationTemplate']) {
      assert.ok(s.problems.some(p => p.startsWith(`isnad.${name}:`)), `${name} not named: ${s.problems.join('\n')}`);
    }
    assert.deepStrictEqual(toServerSettings(undefined, 'ar').problems, []);
  });

  describe('through the language server', () => {
    let dir: string, c: TestClient | undefined;
    before(() => { dir = tmpDir('settings'); });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));
    afterEach(async () => { await c?.close(); c = undefined; });

    it('a malformed isnad.language and a path given as text keep checking on, with one warning per problem per change', async () => {
      const corpus = path.join(dir, 'quake');
      put(corpus, 'a.txt', 'ارتفعت حصيلة زلزال الحوز في المغرب إلى 2900 قتيل.\n');
      c = await startClient({ corpus: SEEDS, folder: dir, config: { corpus: { paths: corpus }, language: { measures: 'votes', numberWords: { 'دزينة': 'twelve' } } } });
      const first = await c.open(path.join(dir, 'a.txt'), 'قتل 5000 شخص في زلزال الحوز بالمغرب.');
      assert.ok((await c.pull(first)).items.some(d => d.code === 'figure-conflict'), 'still checking, against the corpus named as text');
      const second = await c.open(path.join(dir, 'b.txt'), 'قتل 5000 شخص في زلزال الحوز بالمغرب.');
      await c.pull(second);
      const warnings = () => c!.shown.filter(m => /isnad\.(language|corpus)/.test(m));
      assert.deepStrictEqual(warnings().map(m => m.split(':')[1].trim()).sort(), ['isnad.corpus.paths', 'isnad.language.measures', 'isnad.language.numberWords."دزينة"']);
      await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
      await c.pull(first);
      await c.waitFor(() => warnings().length === 6, 'the warnings again after a configuration change');
    });
  });
});
