// The fact sheet: every figure and attribution of a draft in reading order, with its state and its sources.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze, factSheet, sheetHeader, stateCounts, counted, AnalysisResult, FigureReport, Passage } from '../../server/src/core/api';
import { seedsIndex, FIXTURES } from '../helpers/seeds';

const BRIEFING = fs.readFileSync(path.join(FIXTURES, 'drafts/gaza-briefing.txt'), 'utf8');

function passage(outlet: string | undefined, key: string, stance: Passage['stance'] = 'agrees', similar?: boolean): Passage {
  return { article: { key, file: key, outlet, fingerprint: key }, start: 0, end: 1, excerpt: { text: 'x' }, stance, credits: [], score: 1, similar };
}
const figure = (start: number, stance: FigureReport['stance'], passages: Passage[] = []): FigureReport => ({ start, end: start + 2, phraseStart: start, value: 10, stance, passages });

describe('fact sheet', () => {
  it('the sample briefing: every figure and attribution in reading order, with its state', async () => {
    const result = analyze(BRIEFING, await seedsIndex(), { locale: 'ar' });
    const rows = factSheet(result, BRIEFING).map(e => `${e.kind} ${e.state}${e.inconsistentWith.length ? ' ≠' : ''} «${BRIEFING.slice(e.start, e.end)}»`);
    assert.deepStrictEqual(rows, [
      'figure conflicts ≠ «أكثر من 50 ألف»',
      'figure disputed ≠ «نحو 32 ألف»',
      'attribution agrees «حسب وزارة الصحة في غزة»',
      'attribution conflicts «ونقلت بوليتيكو عن خمسة مسؤولين»',
      'attribution conflicts «وقالت صحيفة الغارديان»',
    ]);
    const sheet = factSheet(result, BRIEFING);
    assert.strictEqual(BRIEFING.slice(sheet[0].inconsistentWith[0].start, sheet[0].inconsistentWith[0].end), 'نحو 32 ألف', 'the earlier figure is told too');
    assert.strictEqual(sheetHeader(sheet, 'ar'), 'رقمان و3 إسنادات: 1 موثق، 3 متعارضة، 1 مختلف عليه، 2 تناقض المسودة');
    assert.strictEqual(sheetHeader(sheet, 'en'), '2 figures and 3 attributions: 1 sourced, 3 conflicting, 1 disputed, 2 inconsistent within the draft');
  });

  it('uncited: agrees with the corpus, but the draft does not say who said it; none: nothing in the corpus', async () => {
    const t = 'رفح\nيبحث حوالي 1.4 مليون فلسطيني عن ملجأ في رفح.\nووزعت البلدية 500 خيمة على العائلات النازحة في المدينة.';
    const sheet = factSheet(analyze(t, await seedsIndex()), t);
    assert.deepStrictEqual(sheet.map(e => [t.slice(e.start, e.end), e.state]), [['حوالي 1.4 مليون', 'uncited'], ['500', 'none']]);
    assert.ok(sheet[0].sources >= 1 && sheet[0].passages.some(p => p.stance === 'agrees'));
  });

  it('each stance maps to its state; independent sources are distinct outlets among agreeing same-fact passages', () => {
    const agreeing = [passage('رويترز', 'a'), passage('رويترز', 'b'), passage(undefined, 'c'), passage(undefined, 'd'), passage('AFP', 'e', 'agrees', true), passage('BBC', 'f', 'conflicts')];
    const result: AnalysisResult = {
      figures: [figure(0, 'agrees', agreeing), figure(10, 'outdated'), figure(20, 'disputed'), figure(30, 'none'), figure(40, 'conflicts')],
      attributions: [{ start: 50, end: 60, sources: ['x'], passages: [passage('رويترز', 'a', 'neutral')] }],
      findings: [],
    };
    const sheet = factSheet(result, ' '.repeat(60));
    assert.deepStrictEqual(sheet.map(e => e.state), ['agrees', 'outdated', 'disputed', 'none', 'conflicts', 'none']);
    assert.strictEqual(sheet[0].sources, 3, 'رويترز twice is one source; two articles with no outlet are two; a similar report and a conflicting one are none');
    assert.deepStrictEqual(stateCounts(sheet), { agrees: 1, uncited: 0, conflicts: 1, disputed: 1, outdated: 1, none: 2, inconsistent: 0 });
  });

  it('counts agree in Arabic: 1, 2, 3–10, 11–99, 100', () => {
    assert.deepStrictEqual([1, 2, 3, 10, 11, 12, 99, 100, 103, 111].map(n => counted('ar', 'figures', n)),
      ['رقم واحد', 'رقمان', '3 أرقام', '10 أرقام', '11 رقما', '12 رقما', '99 رقما', '100 رقم', '103 أرقام', '111 رقما']);
    assert.strictEqual(sheetHeader([], 'ar'), 'لا أرقام ولا إسناد في المسودة');
  });
});
