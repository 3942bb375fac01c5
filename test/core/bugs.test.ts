// Every bug fixture, through the analysis core.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyze, openCorpus, loadLanguage, readText, sourceLabel, splitFrontMatter } from '../../server/src/core/api';
import { isoDay } from '../../server/src/core/read/time';
import { bugFixtures, materialiseCorpus, findingRows, expectedRows } from '../helpers/fixtures';

describe('bug fixtures (core)', () => {
  let tmp: string;
  before(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'isnad-bugs-')); });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  for (const fx of bugFixtures()) {
    it(`${fx.name}: ${fx.what}`, async () => {
      const date = splitFrontMatter(fx.draft).meta.date;
      const figures = readText(fx.draft, loadLanguage(), { date }).figures.map(f => ({ ...f, text: fx.draft.slice(f.start, f.end) }));
      // null: no figure at all in the draft's text (its front matter's date aside).
      if (fx.figures === null) assert.deepStrictEqual(readText(splitFrontMatter(fx.draft).text, loadLanguage(), { date }).figures.map(f => fx.draft.slice(f.start, f.end)), [], 'no figure read');
      for (const want of fx.figures ?? []) {
        const got = figures.find(f => f.text === want.text);
        assert.ok(got, `figure «${want.text}» read`);
        for (const k of ['value', 'measure', 'kind', 'whole', 'group'] as const) if (want[k] !== undefined) assert.strictEqual(got[k], want[k] ?? undefined, `${want.text}: ${k}`);
        if (want.part !== undefined) assert.strictEqual(!!got.part, want.part, `${want.text}: part`);
        if (want.when) assert.deepStrictEqual(got.when, { from: isoDay(want.when.from), to: isoDay(want.when.to) }, `${want.text}: when`);
      }
      const { index } = await openCorpus([materialiseCorpus(fx, tmp)]);
      const findings = analyze(fx.draft, index, { locale: 'en' }).findings;
      assert.deepStrictEqual(findingRows(fx.draft, findings), expectedRows(fx));
      fx.findings.forEach((want, i) => {
        if (want.outlet) assert.ok(findings[i].related.some(p => sourceLabel(p) === want.outlet), `${want.outlet} among ${findings[i].related.map(p => sourceLabel(p))}`);
      });
    });
  }
});
