import * as assert from 'assert';
import { tokenize } from '../../server/src/core/tokens';
import { norm } from '../../server/src/core/normalize';

const kinds = (text: string) => tokenize(text).map(t => `${t.kind}:${t.text}${t.glued ? '+' : ''}`);

describe('tokenize', () => {
  it('splits a real sentence into words, numbers and punctuation, numbers with their separators whole', () => {
    const text = norm('وتراجع عدد العاملين المسجلين في تركيا خلال يونيو إلى 14.750.283 عاملا، مقابل 32,500 و1.7 بالمئة (12.345) ريالا.');
    assert.deepStrictEqual(kinds(text), [
      'word:وتراجع', 'word:عدد', 'word:العاملين', 'word:المسجلين', 'word:في', 'word:تركيا', 'word:خلال', 'word:يونيو', 'word:الي',
      'number:14.750.283', 'word:عاملا', 'punct:،+', 'word:مقابل', 'number:32,500', 'word:و', 'number:1.7+', 'word:بالمءه',
      'punct:(', 'number:12.345+', 'punct:)+', 'word:ريالا', 'punct:.+',
    ]);
  });
  it('ends a number at a list comma or a decimal comma, and splits digits glued to letters', () => {
    assert.deepStrictEqual(kinds(norm('15,8 مليار و3,4،100عام ال60')), [
      'number:15', 'punct:,+', 'number:8+', 'word:مليار', 'word:و', 'number:3+', 'punct:,+', 'number:4+', 'punct:،+', 'number:100+', 'word:عام+', 'word:ال', 'number:60+',
    ]);
  });
  it('keeps combining marks in words, reads a letter outside the BMP as a letter and an emoji as one token', () => {
    assert.deepStrictEqual(kinds('café 𝐀b 😀x \ud800'), ['word:café', 'word:𝐀b', 'punct:😀', 'word:x+', 'punct:\ud800']);
  });
  it('reads a lone trailing surrogate and an Arabic-Indic digit left unnormalised as punctuation, a leading mark as a word', () => {
    assert.deepStrictEqual(kinds('\udc00ب ٣ \u064bقتل'), ['punct:\udc00', 'word:ب+', 'punct:٣', 'word:\u064bقتل']);
  });
  it('treats every kind of space as a break, not a token', () => {
    assert.deepStrictEqual(kinds('قتل\u00a05\u2003أشخاص\u3000\ufeff.'), ['word:قتل', 'number:5', 'word:أشخاص', 'punct:.']);
  });
});
