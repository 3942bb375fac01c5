import * as assert from 'assert';
import { readText } from '../../server/src/core/read/read-text';
import { loadLanguage } from '../../server/src/core/language';

const lang = loadLanguage();
const figs = (t: string) => readText(t, lang).figures;
const one = (t: string) => {
  const f = figs(t);
  assert.strictEqual(f.length, 1, `one figure in ${t}: ${JSON.stringify(f)}`);
  return { ...f[0], surface: t.slice(f[0].start, f[0].end), phrase: t.slice(f[0].phraseStart, f[0].end) };
};

describe('figures: numerals', () => {
  it('reads western, Arabic-Indic and Persian digits the same', () => {
    for (const t of ['قتل 1200 إسرائيلي', 'قتل ١٢٠٠ إسرائيلي', 'قتل ۱۲۰۰ إسرائيلي']) {
      const f = one(t);
      assert.strictEqual(f.value, 1200);
      assert.strictEqual(f.measure, 'killed');
      assert.strictEqual(f.group, 'israelis');
    }
  });
  it('reads thousands separators and decimals in both scripts', () => {
    assert.strictEqual(one('قُتل ما يقرب من 32,500 فلسطيني').value, 32500);
    assert.strictEqual(one('قُتل ما يقرب من ٣٢٬٥٠٠ فلسطيني').value, 32500);
    assert.strictEqual(one('نزح ١٫٧ مليون فلسطيني').value, 1.7e6);
  });
  it('applies scale words, including ألفًا with tanween and the plural آلاف', () => {
    assert.strictEqual(one('نحو 20 ألفًا من عناصر الأمن').value, 20000);
    assert.strictEqual(one('أصيب أكثر من 55 ألفا بجروح').value, 55000);
    assert.strictEqual(one('يسكنها 3 ملايين نسمة').value, 3e6);
    assert.strictEqual(one('بتكلفة 66 مليار دولار').value, 66e9);
  });
  it('shares a scale between two numbers: «1.7 من أصل 2.4 مليون» is 1.7 million', () => {
    const f = figs('وتسبّب بنزوح 1.7 من أصل 2.4 مليون نسمة');
    assert.deepStrictEqual(f.map(x => x.value), [1.7e6, 2.4e6]);
    assert.strictEqual(f[0].measure, 'displaced');
    assert.strictEqual(f[1].measure, 'population');
  });
  it('reads number words, teens, tens, hundreds and duals', () => {
    assert.strictEqual(one('مقتل سبعة فلسطينيين في جنين').value, 7);
    assert.strictEqual(one('قتل خمسة وعشرون شخصا').value, 25);
    assert.strictEqual(one('اعتقال أحد عشر شابا').value, 11);
    assert.strictEqual(one('أصيب ثلاثة عشر مدنيا').value, 13);
    assert.strictEqual(one('نزوح مئتين وخمسين عائلة').value, 250);
    assert.strictEqual(one('هدم ثلاثة آلاف منزل').value, 3000);
    assert.strictEqual(one('نزح مليونا شخص').value, 2e6);
    assert.strictEqual(one('نزح مليوني شخص').value, 2e6);
    assert.strictEqual(one('أصيب ألفان من الجنود').value, 2000);
    assert.strictEqual(one('أطلق سراح اثنين من الرهائن').value, 2);
    assert.strictEqual(one('أطلق سراح اثنتين من الرهائن').value, 2);
    assert.strictEqual(one('يبحث أكثر من مليون فلسطيني نازح عن مأوى').value, 1e6);
  });
  it('reads a vague plural as an interval, and «أحد» meaning "one of" as nothing', () => {
    const f = one('نزح آلاف الفلسطينيين');
    assert.deepStrictEqual([f.range, f.vague, f.measure], [{ lo: 2000, hi: 9999 }, true, 'displaced']);
    // News writes «آلاف» for anything short of a million: no figure below that contradicts it.
    assert.strictEqual(f.reach, 999999);
    assert.deepStrictEqual(one('نزح عشرات الآلاف').range, { lo: 20000, hi: 99999 });
    assert.strictEqual(figs('وقال أحد مسؤولي البنتاغون').length, 0);
  });
  it('reads percentages: %, ٪, بالمئة, في المائة', () => {
    for (const t of ['85% من سكان غزة', '٨٥٪ من سكان غزة', '85 بالمئة من سكان غزة', '85 في المائة من سكان غزة']) {
      const f = one(t);
      assert.strictEqual(f.kind, 'percent');
      assert.strictEqual(f.value, 85);
      assert.ok(f.whole);
    }
  });
  it('sees digits glued to words: «100عام», «ل٦٦ مليار», «الــ60 دولار»', () => {
    const a = one('احتفلت المدينة بمرور 100عام على تأسيسها');
    assert.strictEqual(a.value, 100);
    assert.strictEqual(a.noun, 'عام');
    const b = one('رفع الميزانية ل٦٦ مليار دولار');
    assert.strictEqual(b.value, 66e9);
    assert.strictEqual(b.measure, 'money');
    const c = one('تجاوز سعر البرميل الــ60 دولار');
    assert.strictEqual(c.value, 60);
    assert.strictEqual(c.measure, 'price', 'a price per barrel, not an amount of money');
    assert.strictEqual(c.unit, 'USD');
  });
});

describe('figures: hedges', () => {
  const cases: [string, string][] = [
    ['قتل أكثر من 32 ألف فلسطيني', 'over'], ['قتل نحو 32 ألف فلسطيني', 'about'], ['قتل حوالي 32 ألف فلسطيني', 'about'],
    ['قتل قرابة 32 ألف فلسطيني', 'about'], ['قتل ما يقرب من 32 ألف فلسطيني', 'about'], ['قتل أقل من 32 ألف فلسطيني', 'under'],
    ['قتل زهاء 32 ألف فلسطيني', 'about'], ['قتل 32 ألف فلسطيني على الأقل', 'over'], ['ارتفع العدد لأكثر من 32 ألف قتيل', 'over'],
  ];
  for (const [t, h] of cases) it(`${h}: ${t}`, () => {
    const f = one(t);
    assert.strictEqual(f.hedge, h);
    assert.strictEqual(f.value, 32000);
  });
  it('the phrase range starts at the hedge', () => {
    assert.strictEqual(one('قُتل أكثرُ من 32 ألفَ فلسطينيٍّ').phrase, 'أكثرُ من 32 ألفَ');
  });
});

describe('figures: what is not a claim', () => {
  const kinds: [string, string][] = [
    ['في عام 2023 بدأت الحرب', 'year'], ['خلال 2024 تراجعت الأسعار', 'year'], ['في 7 أكتوبر شن هجوما', 'date'],
    ['في ٧ تشرين الأول', 'date'], ['يوم 2023/10/07 وقع الهجوم', 'date'], ['يبدأ الاجتماع الساعة 10', 'time'],
    ['يبدأ الاجتماع عند 10:30', 'time'], ['رفضه تعديل البند الـ 14 من المقترح', 'clause'], ['المادة 5 من الميثاق', 'clause'],
    ['للتواصل 01001234567', 'phone'], ['منظومة اس-300 الروسية', 'model'], ['طائرات F-16 الأمريكية', 'model'],
  ];
  for (const [t, kind] of kinds) it(`${kind}: ${t}`, () => {
    const f = figs(t);
    assert.ok(f.length >= 1, 'the number is seen');
    assert.ok(f.every(x => x.kind === kind), JSON.stringify(f.map(x => x.kind)));
  });
  it('a year-sized count with a counted noun is still a count', () => {
    assert.strictEqual(one('قتل 2000 شخص في الزلزال').kind, 'count');
  });
});

describe('figures: the same quantity', () => {
  it('tells apart killed, injured, displaced, hostages and population', () => {
    const f = figs('وقتل في غزة أكثر من 21 ألف شخص وأصيب أكثر من 55 ألفا بجروح، وتسبب بنزوح 1.7 مليون، وإطلاق سراح 10 رهائن إسرائيليين من أصل 2.4 مليون نسمة');
    assert.deepStrictEqual(f.map(x => x.measure), ['killed', 'injured', 'displaced', 'hostages', 'population']);
  });
  it('reads ages, prison terms, money and barrels', () => {
    assert.strictEqual(one('توفي عن عمر يناهز 90 عاما').measure, 'age');
    assert.strictEqual(one('قضت المحكمة بالسجن 3 سنوات').measure, 'prison-term');
    assert.strictEqual(one('غرامة قدرها 165 ألف استرليني').measure, 'money');
    assert.strictEqual(one('ينتج 3.4 مليون برميل يوميا').measure, 'oil');
  });
  it('keeps the whole of a percentage: infrastructure is not population', () => {
    const f = figs('دفعت الحرب 85% من سكان غزة إلى النزوح، ودمرت 60% من البنية التحتية');
    assert.notStrictEqual(f[0].whole, f[1].whole);
  });
  it('keeps the place: Rafah', () => {
    assert.deepStrictEqual(one('يبحث حوالي 1.4 مليون فلسطيني عن ملجأ في رفح').places, ['rafah']);
  });
});
