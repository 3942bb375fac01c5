// Reads one number at a token, with the value a journalist means: digits with their separators and scale word
// («32,500», «1.250.000», «15,8 مليار», «10 آلاف و563»), number words («خمسة وعشرون», «ثلاث مئة», «مليون ونصف
// المليون»), vague quantities («عشرات», «مئات الآلاف»), fractions of a whole («نصف المنازل»), and ranges
// («بين 20 و30 ألفا», «من 5 إلى 7 آلاف», «20-25»). The caller decides what the number counts.
import type { Reader } from './reader';
import { lookupForms, type Language } from '../language';
import { stripClitics } from '../stem';
import { wordMemo, wordTest } from '../word-memo';

export interface ParsedNumber {
  value: number;
  /** An interval the words themselves give: a range or a vague quantity. */
  range?: [number, number];
  /** Token after the number (its scale word and percent sign included). */
  end: number;
  scaled: boolean;
  fromWords: boolean;
  percent: boolean;
  /** «عشرات», «آلاف»: a vague quantity. */
  vague?: boolean;
  /** «ملايين»: the highest value news uses the word for, beyond its range. */
  reach?: number;
  /** «نصف», «ثلث»: a fraction of a whole, read as a percentage. */
  fraction?: boolean;
  /** «من 18 إلى 21 عاما» (two levels, after a change verb): the first is counted by the noun after the second. */
  nounAt?: number;
  /** «12.345»: one dot and three digits, a decimal or a thousands separator; the counted noun decides. */
  ambiguousDot?: boolean;
}

/** `p` with every field present, in one order: read numbers are of one object shape wherever they are made, so
 * the code using them is not compiled again for each new set of fields (see figure-shape.ts). */
export function parsedNumber(p: ParsedNumber): ParsedNumber {
  const all: { [K in keyof Required<ParsedNumber>]: ParsedNumber[K] | undefined } = {
    value: p.value, range: p.range, end: p.end, scaled: p.scaled, fromWords: p.fromWords, percent: p.percent, vague: p.vague,
    reach: p.reach, fraction: p.fraction, nounAt: p.nounAt, ambiguousDot: p.ambiguousDot,
  };
  return all as ParsedNumber;
}

function isNumberWord(lang: Language, x: string) {
  return lang.units.has(x) || lang.tens.has(x) || lang.hundreds.has(x) || lang.scales.has(x) || lang.duals.has(x);
}

/** The value of a digits token: «32,500», «1.7», «1.250.000» (dots between three-digit groups). */
export function digitsValue(text: string): number {
  if (/^\d{1,3}(\.\d{3}){2,}$/.test(text)) return Number(text.replace(/\./g, ''));
  return parseFloat(text.replace(/,/g, ''));
}

/** The scale word at token j («ألف», «مليون», «ألفا»), if any. */
function scaleAt(reader: Reader, j: number): number | undefined {
  if (!reader.isWord(j)) return undefined;
  return reader.lang.scales.get(reader.words[j]) ?? lookupForms(reader.lang.scales, reader.forms(j));
}

/** After a scaled number: «ونصف (المليون)» adds half the scale, «و563» a smaller remainder, «و157 ألف» a smaller
 * remainder with its own scale. */
function remainder(reader: Reader, j: number, scale: number): { add: number; end: number } | undefined {
  const half = reader.lang.halfAfterScale.match(reader.words, j);
  if (half) {
    let end = j + half.length;
    // «ونصف المليون», «ونصف مليون»: the scale said again.
    if (reader.isWord(end) && (reader.words[end].startsWith(reader.lang.article) ? scaleAt(reader, end) : scaleAt(reader, end) === scale)) end++;
    return { add: half.value * scale, end };
  }
  if (reader.lang.joiners.includes(reader.words[j]) && reader.isNumber(j + 1)) {
    const v = digitsValue(reader.words[j + 1]), own = scaleAt(reader, j + 2);
    if (!Number.isInteger(v)) return undefined;
    if (own && own < scale && v * own < scale) return { add: v * own, end: j + 3 };
    if (v < scale && !own) return { add: v, end: j + 2 };
  }
  return undefined;
}

/** The word forms of token j that may be a number word: the first word after clitic stripping, later words
 * after a joining «و» («خمسة وعشرون») or as they are («ثلاثة آلاف»). */
function numberWordForm(reader: Reader, i: number, j: number): string | undefined {
  const w = reader.words[j];
  const joined = reader.lang.joiners.find(c => w.startsWith(c) && w.length > c.length + 1);
  const forms = j === i ? reader.forms(j) : joined ? [w.slice(joined.length), w] : [w];
  return forms.find(x => isNumberWord(reader.lang, x));
}

/** `group`: the token where the words now being added up began (after the last scale word); `orders`: which of
 * units (1), tens (2) and hundreds (4) they hold. */
interface WordState { total: number; current: number; j: number; any: boolean; sawPlural: boolean; lastScale: number; group: number; orders: number }

/** One number word at st.j folded into the running total; false when the word is not part of the number. */
function foldWord(reader: Reader, i: number, st: WordState): boolean | 'stop' {
  const lang = reader.lang;
  const f = numberWordForm(reader, i, st.j);
  if (!f) return false;
  if (st.current === 0) { st.group = st.j; st.orders = 0; }
  const unit = lang.units.get(f);
  const teen = unit !== undefined && unit < 10 && lang.teens.has(reader.words[st.j + 1] ?? '');
  // One word of each order in a number: «عشرين وثلاثين» is two («بين عشرين وثلاثين ألفا», a range).
  const order = unit !== undefined ? (teen ? 3 : 1) : lang.tens.has(f) ? 2 : lang.hundreds.has(f) ? 4 : 0;
  if (order & st.orders) return false;
  st.orders |= order;
  // «مليونا شخص», «ألفا جندي» open a count as duals; after a number («55 ألفا») they are scales.
  if (lang.duals.has(f) && (!lang.scales.has(f) || (st.current === 0 && st.total === 0))) {
    // A dual is a number of its own: «ألفين وتسعة عشر وألفين وثلاثة وعشرين» is two years.
    if (st.total > 0 || st.current > 0) return false;
    st.total += lang.duals.get(f)!; st.lastScale = lang.duals.get(f)! / 2; st.j++; return true;
  }
  if (teen) { st.current += 10 + unit!; st.j += 2; return true; }
  if (unit !== undefined) {
    if (st.j === i && lang.oneOf.has(f)) return 'stop';
    st.current += unit;
    if (unit < 10 && lang.hundredsMultiplier.has(reader.words[st.j + 1] ?? '')) { st.current += unit * 99; st.j++; } // «ثلاث مئة»
  } else if (lang.tens.has(f)) st.current += lang.tens.get(f)!;
  else if (lang.hundreds.has(f)) st.current += lang.hundreds.get(f)!;
  else {
    const scale = lang.scales.get(f)!;
    // What is added after a scale is smaller than it: «أربعة آلاف وخمسة آلاف» is two numbers («بين أربعة آلاف
    // وخمسة آلاف» a range), not 9,000, and the second starts at «وخمسة»; a conjoined scale word starts the next
    // number itself («ألف وتسعمئة وخمسين وألف …», two years). A larger scale right after one multiplies it («ألف
    // مليار»).
    if (st.total > 0 && scale >= st.lastScale) {
      const joined = reader.words[st.j] !== f;
      if (!joined && st.current === 0 && scale > st.lastScale) { st.total *= scale; st.lastScale = scale; st.j++; return true; }
      if (!joined) { st.current = 0; st.j = st.group; }
      return false;
    }
    if (st.current === 0) { if (lang.pluralScales.has(f)) st.sawPlural = true; st.current = 1; }
    st.total += st.current * scale; st.current = 0; st.lastScale = scale;
  }
  st.j++;
  return true;
}

/** An indefinite content word at j, with no clitic glued to it and not itself a number word: the noun a definite
 * number counts («السبع مراحل»), not the rest of a round's name («دور الثمانية لبطولة», «دور الأربعة بحسب»). */
function beforeIndefiniteNoun(reader: Reader, j: number): boolean {
  const w = reader.words[j];
  if (!reader.isContent(j) || w.startsWith(reader.lang.article) || reader.forms(j).length > 1) return false;
  return !isNumberWord(reader.lang, w);
}

function parseWords(reader: Reader, i: number, allowDefinite: boolean): ParsedNumber | undefined {
  const first = reader.words[i];
  // «الأربعة» (definite) is an adjective after its noun, not a count; «ألف» only looks definite. Before an
  // indefinite noun it counts it: «في السبع مراحل الأخيرة», «خلال الثلاثة أعوام المقبلة»; after a word that
  // numbers what follows it names a round or an edition: «دور الثمانية», «دور الستة عشر».
  if (!allowDefinite && first.startsWith(reader.lang.article) && !isNumberWord(reader.lang, first) && !beforeIndefiniteNoun(reader, i + 1)
    && !reader.inSet(i - 1, reader.lang.clauseCues)) return undefined;
  const st: WordState = { total: 0, current: 0, j: i, any: false, sawPlural: false, lastScale: 0, group: i, orders: 0 };
  while (st.j < reader.tokens.length && reader.isWord(st.j)) {
    const r = foldWord(reader, i, st);
    if (r === 'stop') return undefined;
    if (!r) break;
    st.any = true;
  }
  if (!st.any || (st.sawPlural && st.j === i + 1)) return undefined; // «آلاف» alone is vague: see vagueAt
  let value = st.total + st.current, end = st.j;
  if (st.lastScale && !st.current) {
    const rest = remainder(reader, end, st.lastScale);
    if (rest) { value += rest.add; end = rest.end; }
  }
  return parsedNumber({ value, end, scaled: st.total > 0, fromWords: true, percent: false });
}

function parseDigits(reader: Reader, i: number): ParsedNumber {
  const text = reader.words[i];
  let value = digitsValue(text), j = i + 1;
  // «15,8 مليار», «11،3%», «53,2 نقطة»: a comma and one or two digits before a scale word, a percent or what is
  // measured is a decimal comma; also with a space after the comma before a percent, as a typing aid leaves it
  // («و96، 3 في المئة»).
  if ((reader.words[j] === ',' || reader.words[j] === '،') && reader.tokens[j].glued && reader.isNumber(j + 1) && (reader.tokens[j + 1].glued || spacedBeforePercent(reader, j)) &&
      /^\d{1,2}$/.test(reader.words[j + 1]) && /^\d+$/.test(text) && (scaleAt(reader, j + 2) || percentAt(reader, j + 2) || (reader.tokens[j + 1].glued && reader.nounMeasureAt(j + 2)))) {
    value = parseFloat(`${text}.${reader.words[j + 1]}`);
    j += 2;
  }
  // «0.764» is a decimal whatever follows.
  const ambiguousDot = /^[1-9]\d{0,2}\.\d{3}$/.test(text) || undefined;
  const scale = scaleAt(reader, j);
  if (!scale) return parsedNumber({ value, end: j, scaled: false, fromWords: false, percent: false, ambiguousDot });
  value *= scale; j++;
  const rest = remainder(reader, j, scale);
  if (rest) { value += rest.add; j = rest.end; }
  return parsedNumber({ value, end: j, scaled: true, fromWords: false, percent: false });
}

/** One space between the comma at j and the digits after it, and a percent after them. */
function spacedBeforePercent(reader: Reader, j: number): boolean {
  return reader.n.text.slice(reader.tokens[j].end, reader.tokens[j + 1].start) === ' ' && percentAt(reader, j + 2) > 0;
}

/** «عشرات», «مئات الآلاف», «بضعة آلاف»: an interval, not a number. */
function vagueAt(reader: Reader, i: number): ParsedNumber | undefined {
  const v = reader.phraseAt(reader.lang.vague, i);
  if (!v) return undefined;
  return parsedNumber({ value: v.value[0], range: [v.value[0], v.value[1]], reach: v.value[2], end: i + v.length, scaled: false, fromWords: true, percent: false, vague: true });
}

/** The fraction a word names: «نصف», or «نصفها» (half of what the pronoun refers to). */
function fractionWord(reader: Reader, i: number): { part: number; word: string; pronoun: boolean; len: number } | undefined {
  const lang = reader.lang;
  // «ثلاثة أرباع»: two words.
  const two = reader.isWord(i + 1) && twoWordFractionStarts(lang).has(reader.words[i]) ? lang.fractions.get(`${reader.words[i]} ${reader.words[i + 1]}`) : undefined;
  if (two !== undefined) return { part: two, word: `${reader.words[i]} ${reader.words[i + 1]}`, pronoun: false, len: 2 };
  return reader.word(fractionOfWord, i);
}

const firstWords = new WeakMap<Language, Set<string>>();
/** The words a two-word fraction starts with («ثلاثة» of «ثلاثة أرباع»): only after one is the pair looked up. */
function twoWordFractionStarts(lang: Language): Set<string> {
  let set = firstWords.get(lang);
  if (!set) { set = new Set([...lang.fractions.keys()].filter(k => k.includes(' ')).map(k => k.split(' ')[0])); firstWords.set(lang, set); }
  return set;
}

const fractionOfWord = wordMemo((word: string, lang: Language) => {
  for (const f of stripClitics(word, lang)) {
    if (lang.fractions.has(f)) return { part: lang.fractions.get(f)!, word: f, pronoun: false, len: 1 };
    const suffix = lang.pronounSuffixes.find(p => f.endsWith(p) && lang.fractions.has(f.slice(0, -p.length)));
    if (suffix) return { part: lang.fractions.get(f.slice(0, -suffix.length))!, word: f.slice(0, -suffix.length), pronoun: true, len: 1 };
  }
  return undefined;
});

/** How far an idafa chain may run to the definite word or name that makes its head a whole: «ربع سكان الدولة»,
 * «نصف مباني مدينة الرقة», «ثلث سكان سريلانكا». */
const CHAIN = 3;

/** Whether the words from j on name a whole: a definite noun, a partitive, a word that heads a whole, or an
 * indefinite noun in construct with one of those or with a name. */
function namesWhole(reader: Reader, j: number): boolean {
  const lang = reader.lang;
  const definite = (k: number) => { const w = reader.words[k] ?? ''; return reader.isWord(k) && w.startsWith(lang.article) && w.length > lang.article.length + 1; };
  if (definite(j) || lang.partitives.has(reader.words[j] ?? '') || reader.inSet(j, lang.wholeHeads)) return true;
  for (let k = j; k < j + CHAIN; k++) {
    if (!reader.isContent(k)) return false;
    if (k > j && (definite(k) || reader.phraseAt(lang.entities, k))) return true;
  }
  return false;
}

/** «نصف المنازل», «ثلث عدد العمال», «نصفها» (a share of a whole), «نصف مليون» (a scaled number), «نصف طن»,
 * «ربع ساعة» (a part of a unit). */
function fractionAt(reader: Reader, i: number): ParsedNumber | undefined {
  const lang = reader.lang;
  const fw = fractionWord(reader, i);
  if (!fw || lang.fractionAmbiguous.has(fw.word) || (reader.words[i].startsWith(lang.article) && !fw.pronoun && !lang.fractions.has(reader.words[i]))) return undefined;
  const next = i + fw.len;
  if (reader.inSet(next, lang.fractionIdioms)) return undefined;
  const share = parsedNumber({ value: fw.part * 100, end: next, scaled: false, fromWords: true, percent: true, fraction: true });
  if (fw.pronoun) return share;
  const scale = scaleAt(reader, next);
  if (scale) return parsedNumber({ value: fw.part * scale, end: next + 1, scaled: true, fromWords: true, percent: false });
  // «نصف طن», «ربع ساعة»: a part of a unit of measure (not «ثلث السكان», a share of a whole).
  const unit = reader.measureAt(next)?.m;
  if (unit && lang.partOfUnit.has(unit.id)) return parsedNumber({ value: fw.part, end: next, scaled: false, fromWords: true, percent: false });
  return namesWhole(reader, next) ? share : undefined;
}

/** A percent sign or word at token j: its length in tokens, or 0. */
function percentAt(reader: Reader, j: number): number {
  if (reader.words[j] === '%') return 1;
  return reader.phraseAt(reader.lang.percentWords, j)?.length ?? 0;
}

export function parseNumberAt(reader: Reader, i: number, allowDefinite = false): ParsedNumber | undefined {
  let p: ParsedNumber | undefined;
  if (reader.isNumber(i)) p = parseDigits(reader, i);
  else if (reader.word(mayStartNumber, i) && !weekdayAt(reader, i)) p = vagueAt(reader, i) ?? fractionAt(reader, i) ?? parseWords(reader, i, allowDefinite);
  if (!p) return undefined;
  const pct = p.fraction ? 0 : percentAt(reader, p.end);
  if (pct) { p.percent = true; p.end += pct; }
  return p;
}

const isWeekday = wordTest((word: string, lang: Language) => stripClitics(word, lang).some(f => lang.weekdays.has(f)));
/** Whether «الاثنين», «الأحد» at i is a day, Monday or Sunday, far more often than «the two» or «one» («أقر الكنيست
 * الاثنين قانونا», «وأسفر القصف الاثنين عن مقتل …»): unless «عشر» follows («الأحد عشر», eleven) or a definite
 * plural or dual noun stands before it («المفجرين الاثنين», «الجنديان الاثنان»). */
function weekdayAt(reader: Reader, i: number): boolean {
  if (!reader.word(isWeekday, i)) return false;
  if (reader.lang.teens.has(reader.words[i + 1] ?? '')) return false;
  const prev = reader.words[i - 1] ?? '';
  const definitePlural = reader.isWord(i - 1) && reader.forms(i - 1).some(f => f.startsWith(reader.lang.article)) && /(ين|ان)$/.test(prev);
  return !definitePlural;
}

/** Whether a number written in words may start at this word: a vague quantity, a fraction or a number word in one
 * of its forms. Most words are none, and are told so by one lookup. */
export const mayStartNumber = wordTest((word: string, lang: Language) =>
  stripClitics(word, lang).some(f => numberStarts(lang).has(f))
  || twoWordFractionStarts(lang).has(word) || fractionOfWord(word, lang) !== undefined);

const starts = new WeakMap<Language, Set<string>>();
/** The words a number in words starts with: a vague quantity's first word or a number word (one lookup a form). */
function numberStarts(lang: Language): Set<string> {
  let set = starts.get(lang);
  if (!set) {
    set = new Set([...lang.vague.firstWords(), ...lang.units.keys(), ...lang.tens.keys(), ...lang.hundreds.keys(), ...lang.scales.keys(), ...lang.duals.keys()]);
    starts.set(lang, set);
  }
  return set;
}

/** «1.7 من أصل 2.4 مليون»: the first number borrows the scale of the second. */
export function sharedScale(reader: Reader, p: ParsedNumber): number | undefined {
  if (p.scaled || p.fromWords || p.percent || p.value >= 1000) return undefined;
  const link = reader.lang.sharedScaleLinks.match(reader.words, p.end);
  if (!link) return undefined;
  const k = p.end + link.length;
  if (!reader.isNumber(k)) return undefined;
  const next = parseNumberAt(reader, k);
  if (!next?.scaled) return undefined;
  const scale = next.value / digitsValue(reader.words[k]);
  return scale >= 1000 && p.value * scale <= next.value * 1.0001 + scale ? scale : undefined;
}

/** A range from the number at i: «20 و30 ألفا» after «بين», «5 إلى 7 آلاف», «20-25», «أربعة أو خمسة». The low end
 * borrows the high end's scale. `opened`: a range opener («بين», «من») stands before i. */
export function rangeFrom(reader: Reader, i: number, p: ParsedNumber, opened: boolean): ParsedNumber | undefined {
  if (p.vague || p.fraction) return undefined;
  let at = p.end;
  // «بين 7 سنوات و14 سنة»: after an opener, each end may be said with its noun.
  const noun = opened && !reader.lang.rangeLinks.match(reader.words, at) ? reader.measureAt(at) : undefined;
  if (noun) at += noun.len;
  // «بين أربعة آلاف وخمسة آلاف»: the «و» after an opener glued to the second end's first word.
  const glued = opened && reader.isWord(at) && reader.lang.joiners.some(c => reader.words[at].startsWith(c) && reader.words[at].length > c.length + 1
    && reader.lang.rangeLinks.match([c], 0)?.value === 'opened');
  const link = glued ? { length: 0, value: 'opened' } : reader.lang.rangeLinks.match(reader.words, at);
  if (!link || (link.value === 'opened' && !opened)) return undefined;
  const k = at + link.length;
  const hi = parseNumberAt(reader, k);
  if (!hi || hi.vague || hi.fraction || hi.percent !== p.percent && !(hi.percent && !p.percent)) return undefined;
  if (noun && reader.measureAt(hi.end)?.m.id !== noun.m.id) return undefined;
  let lo = p.value;
  if (!p.scaled && !p.fromWords && hi.scaled && reader.isNumber(k)) lo *= hi.value / digitsValue(reader.words[k]);
  // «بين عشرين وثلاثين ألفا»: the scale after the second end is the first's too.
  else if (!p.scaled && p.fromWords && hi.scaled && hi.fromWords) { const scale = scaleAt(reader, hi.end - 1); if (scale && lo * scale < hi.value) lo *= scale; }
  // «أربعة أو خمسة» is a range; «3 أو 30» is a choice between two figures.
  if (!(lo < hi.value) || (link.value === 'or' && hi.value > lo * 3)) return undefined;
  return parsedNumber({ ...hi, value: lo, range: [lo, hi.value], percent: hi.percent, scaled: hi.scaled || p.scaled });
}
