// figure-inconsistent: the draft against itself, with no corpus and with the seeds. Real Arabic drafts, and the
// ones that must stay silent: the same number for two different facts, different numbers for different facts.
import * as assert from 'assert';
import { analyze, LineCache, MemoryIndex, Finding, loadLanguage } from '../../server/src/core/api';
import { seedsIndex } from '../helpers/seeds';

/** No corpus at all. */
const empty = new MemoryIndex(loadLanguage());
const inconsistent = (text: string, store = empty, settings = {}) =>
  analyze(text, store, { locale: 'en', ...settings }).findings.filter(f => f.code === 'figure-inconsistent');
const surface = (text: string, f: { start: number; end: number }) => text.slice(f.start, f.end);

/** The example: the lede says «أكثر من 32 ألف», the fifth paragraph «30 ألفا». */
const WAR = [
  'غزة: الحرب تدخل شهرها السادس',
  'قُتل أكثر من 32 ألف فلسطيني في قطاع غزة منذ بدء الحرب في السابع من أكتوبر، وفق وزارة الصحة في القطاع.',
  'وتواصلت الغارات الإسرائيلية الليلة الماضية على مدينة رفح جنوبي القطاع، حيث يحتمي نحو 1.4 مليون نازح.',
  'وقالت الأمم المتحدة إن ربع سكان القطاع على بعد خطوة من المجاعة.',
  'ونقلت بوليتيكو عن أربعة مسؤولين أن البنتاغون يبحث تمويل قوة متعددة الجنسيات لحفظ السلام في غزة.',
  'وبحسب الأرقام الرسمية، قتل 30 ألفا من الفلسطينيين في غزة منذ بدء الحرب، أغلبهم من النساء والأطفال.',
].join('\n');

describe('figure-inconsistent: a draft that agrees with itself', () => {
  it('the lede\'s «أكثر من 32 ألف» against the fifth paragraph\'s «30 ألفا», with no corpus at all', () => {
    const [f, ...rest] = inconsistent(WAR);
    assert.strictEqual(rest.length, 0);
    assert.strictEqual(surface(WAR, f), '30 ألفا');
    assert.strictEqual(f.severity, 'warning');
    assert.match(f.message, /"30 ألفا" here, "أكثر من 32 ألف" on line 2/);
    assert.deepStrictEqual(f.related, [], 'no corpus passage: the other place is in the draft');
    const other = f.data.elsewhere![0];
    assert.strictEqual(surface(WAR, other), 'أكثر من 32 ألف');
    assert.strictEqual(other.wording, 'أكثر من 32 ألف');
    // «Make them equal»: the later figure takes the earlier wording.
    assert.deepStrictEqual(f.data.figure, { start: WAR.indexOf('30 ألفا'), end: WAR.indexOf('30 ألفا') + 7, wording: 'أكثر من 32 ألف', value: 32000 });
  });

  it('the same with the seeds corpus, alongside the corpus findings; Arabic message', async () => {
    const text = WAR.replace('وفق وزارة الصحة في القطاع', 'وفق وزارة الصحة في غزة');
    const all = analyze(text, await seedsIndex(), { locale: 'ar' }).findings;
    const f = all.find(x => x.code === 'figure-inconsistent')!;
    assert.strictEqual(surface(text, f), '30 ألفا');
    assert.strictEqual(f.message, 'المسودة تذكر الواقعة نفسها برقمين لا يجتمعان: «30 ألفا» هنا و«أكثر من 32 ألف» في السطر 2');
    assert.deepStrictEqual(all.map(x => x.start), [...all.map(x => x.start)].sort((a, b) => a - b), 'findings in reading order');
  });

  it('silent: a restatement that can hold («أكثر من 32 ألف» and «32 ألف»; «نحو 32 ألفا» and «32,500»)', () => {
    assert.deepStrictEqual(inconsistent(WAR.replace('قتل 30 ألفا', 'قتل 32 ألفا')), []);
    const t = 'حصيلة الحرب\nقُتل نحو 32 ألف فلسطيني في غزة منذ بدء الحرب.\nوبلغ عدد القتلى الفلسطينيين في غزة 32,500 منذ بدء الحرب.';
    assert.deepStrictEqual(inconsistent(t), []);
  });

  it('silent: the same number for two different facts', () => {
    const t = 'غارات على جنوب غزة\nقتل 12 شخصا في غارة إسرائيلية على رفح فجر اليوم.\nوقتل 12 شخصا في غارة أخرى على خان يونس.';
    assert.deepStrictEqual(inconsistent(t), []);
    const war = 'ستة أشهر من الحرب\nقتل 1200 إسرائيلي في هجوم السابع من أكتوبر، بحسب السلطات الإسرائيلية.\nوأصيب 1200 فلسطيني في الضفة الغربية خلال الفترة نفسها.';
    assert.deepStrictEqual(inconsistent(war), []);
  });

  it('silent: different numbers for different facts (another place, another people, a part, another year)', () => {
    const places = 'غارات على جنوب غزة\nقتل 5 أشخاص في غارة إسرائيلية على رفح فجر اليوم.\nوقتل 12 شخصا في غارة أخرى على خان يونس.';
    assert.deepStrictEqual(inconsistent(places), []);
    const peoples = WAR + '\nوقتل 1200 إسرائيلي في هجوم السابع من أكتوبر، بحسب السلطات الإسرائيلية.';
    assert.deepStrictEqual(inconsistent(peoples).map(f => surface(peoples, f)), ['30 ألفا'], 'only the toll stated twice');
    const children = 'حصيلة الحرب\nقتل أكثر من 32 ألف فلسطيني في غزة منذ بدء الحرب.\nوقتل 13 ألف طفل فلسطيني في غزة منذ بدء الحرب.';
    assert.deepStrictEqual(inconsistent(children), []);
    const years = 'التضخم في مصر\nبلغ معدل التضخم السنوي في مصر 35% في فبراير 2024.\nوكان معدل التضخم السنوي في مصر 25% في فبراير 2023.';
    assert.deepStrictEqual(inconsistent(years), []);
  });

  it('silent: two figures of one sentence are a list or a change, never one fact stated twice', () => {
    for (const t of ['غارة على رفح\nقتل 5 فلسطينيين في رفح و12 في خان يونس، وأصيب 10 آخرون.',
      'حصيلة الحرب\nارتفع عدد القتلى الفلسطينيين في غزة من 30 ألفا إلى 32 ألفا خلال شهر.']) {
      assert.deepStrictEqual(inconsistent(t), [], t);
    }
  });

  it('severity setting, the ignore list and the hedge tolerance apply', () => {
    assert.deepStrictEqual(inconsistent(WAR, empty, { severity: { 'figure-inconsistent': 'off' } }), []);
    assert.strictEqual(inconsistent(WAR, empty, { severity: { 'figure-inconsistent': 'error' } })[0].severity, 'error');
    const key = inconsistent(WAR)[0].data.ignoreKey;
    assert.deepStrictEqual(inconsistent(WAR, empty, { ignore: [key] }), []);
    // A wider newsroom tolerance lets «30 ألفا» round «أكثر من 32 ألف».
    assert.deepStrictEqual(inconsistent(WAR, empty, { tolerance: 3 }), []);
  });

  it('runs on cached lines: editing one paragraph re-reads only it, and the finding follows', () => {
    const cache = new LineCache();
    const run = (t: string) => analyze(t, empty, { locale: 'en' }, { cache }).findings.filter((f: Finding) => f.code === 'figure-inconsistent');
    assert.strictEqual(run(WAR).length, 1);
    const lines = cache.size;
    const fixed = WAR.replace('قتل 30 ألفا', 'قتل أكثر من 32 ألفا');
    assert.deepStrictEqual(run(fixed), []);
    assert.strictEqual(cache.size, lines, 'one line replaced, none added');
    assert.strictEqual(run(WAR).length, 1);
  });

  it('front matter and CRLF keep offsets exact', () => {
    const t = '---\ntitle: غزة\ndate: 2024-03-20\n---\n' + WAR.replace(/\n/g, '\r\n');
    const [f] = inconsistent(t);
    assert.strictEqual(surface(t, f), '30 ألفا');
    assert.strictEqual(surface(t, f.data.elsewhere![0]), 'أكثر من 32 ألف');
    assert.match(f.message, /on line 6/);
  });
});
