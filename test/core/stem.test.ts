import * as assert from 'assert';
import { stem } from '../../server/src/core/stem';
import { loadLanguage } from '../../server/src/core/language';
import { norm } from '../../server/src/core/normalize';

const lang = loadLanguage();
const st = (w: string) => stem(norm(w), lang);

describe('light stemmer', () => {
  it('keeps the first letter of وزارة، وكالة، فلسطيني (snowball-arabic eats it)', () => {
    assert.ok(st('وزارة').startsWith('وزار'));
    assert.ok(st('وكالة').startsWith('وكال'));
    assert.ok(st('فلسطيني').startsWith('فلسط'));
    assert.notStrictEqual(st('وزارة'), st('زيارة'));
  });
  it('strips the article and clitics so inflected forms meet', () => {
    assert.strictEqual(st('بالوزارة'), st('وزارة'));
    assert.strictEqual(st('والفلسطينيين'), st('فلسطيني'));
    assert.strictEqual(st('وقتل'), st('قتل'));
    assert.strictEqual(st('الرهائن'), st('رهائن'));
    assert.strictEqual(st('للسلام'), st('سلام'));
  });
  // bug: a-name-losing-its-first-letter.
  it('keeps the first letter of a name in the gazetteer, bare or after a clitic', () => {
    for (const [bare, ...forms] of [['برنت', 'وبرنت', 'لبرنت'], ['برلين', 'ببرلين', 'لبرلين'], ['بلجيكا', 'لبلجيكا', 'وبلجيكا'], ['بوتين', 'لبوتين'], ['كولومبيا', 'بكولومبيا']]) {
      assert.ok(st(bare).startsWith(norm(bare).slice(0, 2)), `${bare} → ${st(bare)}`);
      for (const f of forms) assert.strictEqual(st(f), st(bare), f);
    }
    // «لليفربول» is ل + «ليفربول», not لل + «يفربول»; «كرواتي» still meets «كرواتيا».
    assert.strictEqual(st('لليفربول'), st('ليفربول'));
    assert.strictEqual(st('كرواتي'), st('كرواتيا'));
    // A name protects only itself: «بالو» (Palu) is not the start of «بالولايات», nor «كيا» of «كيانا».
    assert.strictEqual(st('بالولايات'), st('الولايات'));
    assert.strictEqual(st('بالوان'), st('الوان'));
    // An ambiguous name is a word too and keeps the stemmer's way («مالي» financial).
    assert.strictEqual(st('مالية'), st('المالية'));
  });
  // bug: feminine-t-made-two-words.
  it('meets a word across its ta marbuta written ت and a verb across its feminine ت', () => {
    for (const [a, b] of [['زيارته', 'زيارة'], ['عبوتين', 'عبوة'], ['ناسفتين', 'ناسفة'], ['حياتنا', 'الحياة'], ['تسببت', 'تسبب'], ['وخلفت', 'خلف'], ['قالت', 'قال'], ['أعلنت', 'أعلن']]) {
      assert.strictEqual(st(a), st(b), `${a} → ${st(a)}, ${b} → ${st(b)}`);
    }
    // A shorter stem keeps its ت, a root letter as often as not: «بيت» is no «بي», «صوت» no «صو», «موت» no «مو».
    for (const w of ['بيت', 'صوت', 'موت', 'بيته', 'صوتها']) assert.ok(st(w).endsWith('ت'), `${w} → ${st(w)}`);
  });
  it('does not take سكان for a verb with a future prefix', () => {
    assert.strictEqual(st('سكان'), 'سكان');
  });
});
