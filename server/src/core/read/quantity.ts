// What a figure measures: the unit after it, the event named before or after it («قتل 35 …», «لقي 35 عاملا
// حتفهم»), an age or a duration, money in its currency or a unit price, and for a percentage or a change the
// whole or the subject it is about («ارتفعت صادرات النفط بنسبة 12%», «نسبة البطالة 9.8%»).
import { lookupForms, type MeasureEntry, type PhraseTable } from '../language';
import { stemsOf } from '../stem';
import { QUOTES, type Reader } from './reader';
import { parseNumberAt, mayStartNumber, type ParsedNumber } from './numbers';
import { inName } from './nonclaims';
import { namesTime } from './time';
import type { RateKind } from './read-text';

const EVENT_REACH = 7;
const AFTER_REACH = 3;
const SUBJECT_REACH = 8;
/** How far back in its clause «بنسبة» finds the verb of the change it measures. */
const CHANGE_REACH = 20;

/** `borrowed`: the noun after the other end of a pair («من 18 إلى 21 عاما»), not a noun of the figure's own. */
export interface CountedNoun { tokens: number[]; partitive: boolean; borrowed?: boolean }

export interface Quantity {
  measure?: string; unit?: string; group?: string; whole?: string; rate?: RateKind;
  change?: boolean; converted?: boolean; lengthStated?: boolean;
  /** The country or city a whole names («صادرات الجزائر»): a place of the figure, not a word of its whole. */
  wholePlace?: string;
}

/** Filled by the whole's reader with the place the whole names. */
interface WholePlace { id?: string }

const isClauseBreak = (reader: Reader, j: number) => reader.isPunct(j) && /[،,؛;:]/.test(reader.words[j]);

/** The nearest event or counted noun before the figure (or the nearest that `wanted` accepts); units there
 * («اليوم الإضافي») name something else. */
function measureBefore(reader: Reader, phraseTok: number, range: [number, number], wanted?: (m: MeasureEntry) => boolean, reach = EVENT_REACH): { m: MeasureEntry; tok: number } | undefined {
  for (let j = phraseTok - 1; j >= Math.max(range[0], phraseTok - reach); j--) {
    if (reader.isNumber(j) && otherEnd(reader, j)) continue;
    if (reader.isNumber(j) || isClauseBreak(reader, j)) break;
    const x = reader.measureAt(j, range);
    if (!x) continue;
    const h = coveringMeasure(reader, j, range) ?? { m: x.m, tok: j };
    if (wanted ? wanted(h.m) : h.m.type !== 'unit') return h;
  }
  return undefined;
}

/** A cue of two or three words that ends at j, a cue itself, read backwards from the number: «القتلى والجرحى» is
 * casualties, not the injured its last word names alone. */
function coveringMeasure(reader: Reader, j: number, range: [number, number]): { m: MeasureEntry; tok: number } | undefined {
  for (let k = j - 1; k >= Math.max(range[0], j - 2); k--) {
    const x = reader.measureAt(k, range);
    if (x && k + x.len === j + 1) return { m: x.m, tok: k };
  }
  return undefined;
}

/** The number at j opens a pair the figure after it closes («عدد موظفيها من 700 إلى 1500»): what is named before
 * the pair counts both. */
function otherEnd(reader: Reader, j: number): boolean {
  return !!reader.phraseAt(reader.lang.rangeOpeners, j - 1) && !!reader.lang.rangeLinks.match(reader.words, j + 1);
}

/** An age or a prison term: a length of time its words name (measures.json 'measuredIn'). */
const AGE_OR_TERM = (m: MeasureEntry) => m.measuredIn === 'duration';

/** How far an event verb that opens its clause reaches, past a long subject, to the people it counts: «وقتل سائق
 * الشاحنة الصغيرة التي دهست المارة في تورنتو الاثنين 15 شخصا». */
const OPENING_EVENT_REACH = 14;

/** The event that opens the figure's clause, when the figure counts people. */
function openingEvent(reader: Reader, phraseTok: number, range: [number, number]): MeasureEntry | undefined {
  const e = measureBefore(reader, phraseTok, range, m => m.type === 'event', OPENING_EVENT_REACH);
  if (!e) return undefined;
  let k = e.tok - 1;
  while (k >= range[0] && reader.lang.bareClitics.has(reader.words[k])) k--;
  return k < range[0] || isClauseBreak(reader, k) ? e.m : undefined;
}

/** How far before a number a word of capacity may stand, past «لـ» and a hedge («يتسع لنحو 60 ألف»). */
const CAPACITY_REACH = 4;

/** A word of capacity right before the number, with no other number between («ملعب بسعة 60 ألفا حضره 40 ألف
 * مشجع»: the 40,000 came). */
function capacityBefore(reader: Reader, phraseTok: number, range: [number, number]): 'verb' | 'noun' | undefined {
  for (let j = phraseTok - 1; j >= Math.max(range[0], phraseTok - CAPACITY_REACH); j--) {
    if (isClauseBreak(reader, j) || reader.isNumber(j) || parseNumberAt(reader, j)) return undefined;
    const h = reader.phraseAt(reader.lang.capacityMarkers, j);
    if (h && j + h.length <= phraseTok) return h.value;
  }
  return undefined;
}

/** How far back in its clause «عدد» and the event noun after it name what a count of people counts. */
const COUNT_OF_REACH = 12;

/** «سقفا لعدد اللاجئين الذين يمكن لألمانيا استقبالهم كل سنة ويتراوح بين 180 و220 ألف شخص»: people counted as
 * «عدد …» (or «إجمالي …») of an event's people earlier in the clause are those people, however far back. */
function countOfBefore(reader: Reader, phraseTok: number, range: [number, number]): MeasureEntry | undefined {
  for (let j = phraseTok - 2; j >= Math.max(range[0], phraseTok - COUNT_OF_REACH); j--) {
    if (reader.isNumber(j) || isClauseBreak(reader, j) || reader.phraseAt(reader.lang.contrastWords, j)) return undefined;
    if (!reader.inSet(j, reader.lang.wholeHeads)) continue;
    const h = reader.measureAt(j + 1, range);
    if (h?.m.type === 'event') return h.m;
  }
  return undefined;
}

/** An event named after the counted noun: «لقي 35 عاملا حتفهم», «أصيب 5 جنود بجروح». */
function eventAfter(reader: Reader, from: number, range: [number, number]): MeasureEntry | undefined {
  for (let j = from; j < Math.min(range[1], from + AFTER_REACH); j++) {
    if (reader.isNumber(j) || isClauseBreak(reader, j)) break;
    const h = reader.phraseAt(reader.lang.afterCues, j);
    if (h) return h.value;
  }
  return afterTheirOrigin(reader, from, range);
}

/** How far the «من …» saying whom a counted noun belongs to may run before the comma that closes it. */
const ORIGIN_REACH = 12;

/** «أكثر من 40 عنصرا من ميليشيات الحوثي الانقلابية، قُتلوا أو أصيبوا», «أكثر من 30 عنصراً من ميليشيات الحوثي في
 * جبهة الميمنة (شمال مديرية نهم)، لقوا مصرعهم»: past the «من …» of the counted noun, the verb right after the comma
 * that closes it is what happened to them. */
function afterTheirOrigin(reader: Reader, from: number, range: [number, number]): MeasureEntry | undefined {
  if (!reader.inSet(from, reader.lang.partitives)) return undefined;
  for (let j = from + 1; j < Math.min(range[1], from + ORIGIN_REACH); j++) {
    if (reader.isNumber(j)) return undefined;
    if (isClauseBreak(reader, j)) return reader.phraseAt(reader.lang.afterCues, j + 1)?.value;
  }
  return undefined;
}

/** People counted, then what happened to them, in the next word: «نحو 270 ألف شخص فروا من منازلهم», «45 ألف شخص
 * للنزوح», past one place («9 موظفين في "لافارج" للخطف»). Only a verb or «ل» and a verbal noun: «تظاهر 3000 شخص ضد
 * اعتقال الناشطين» and «حضر 400 شخص تشييع الضحايا» count the demonstrators and the mourners, not the detained or
 * the dead (reading.json people_then_event). */
function eventAfterPeople(reader: Reader, from: number, range: [number, number]): MeasureEntry | undefined {
  const { placeWords, prefixes, suffixes } = reader.lang.peopleThenEvent;
  // Quotes around a name are not words between.
  const next = (j: number) => { while (j < range[1] && reader.isPunct(j) && QUOTES.has(reader.words[j])) j++; return j; };
  let j = next(from);
  if (j < range[1] && reader.isWord(j) && placeWords.has(reader.words[j])) j = next(next(j + 1) + 1);
  if (j >= range[1] || !reader.isWord(j)) return undefined;
  const w = reader.words[j];
  if (!prefixes.some(p => w.startsWith(p)) && !suffixes.some(x => w.endsWith(x))) return undefined;
  const h = reader.measureAt(j, range);
  return h?.m.type === 'event' ? h.m : undefined;
}

/** An event named later in the clause, before another number: «85% من سكان غزة إلى النزوح», «1.4 مليون فلسطيني عن
 * ملجأ»; not «أجبرت 13 بلدية … آلاف اللاجئين», where the refugees are the thousands. A number in words may be a
 * part of the figure or the next of a list told of the same event: «4 فلسطينيين بينهم ثلاثة أطفال أصيبوا», «32
 * رضيعا وطفلا، وخمس سيدات، توفوا». */
function eventLater(reader: Reader, p: ParsedNumber, range: [number, number]): MeasureEntry | undefined {
  const lang = reader.lang;
  const ofFigure = (j: number) => !!reader.phraseAt(lang.partMarkers, j - 1) || lang.joiners.some(c => reader.words[j].startsWith(c));
  for (let j = p.end; j < Math.min(range[1], p.end + 8); j++) {
    if (reader.isNumber(j)) break;
    if (reader.word(mayStartNumber, j) && !ofFigure(j) && parseNumberAt(reader, j)) break;
    const h = j === p.end ? reader.nounMeasureAt(j, range) : reader.measureAt(j, range);
    if (h && h.m.type === 'event') return h.m;
  }
  return undefined;
}

/** «توفي عن 76 عاما», «(32 عاما)», «إيما غونزاليز، 18 عاما،», «ابن الـ17 عاما», «البالغ 25 عاما»: years of age,
 * not a duration. */
const COMMAS = ['،', ','];
/** How far before «عن» the death verb may stand. */
const DEATH_REACH = 14;
function isAge(reader: Reader, phraseTok: number, p: ParsedNumber, range: [number, number]): boolean {
  const lang = reader.lang;
  let j = phraseTok - 1;
  while (j >= 0 && lang.bareClitics.has(reader.words[j])) j--;
  // Set apart after a name, in brackets or between commas.
  const around = (open: string[], close: string[]) => open.includes(reader.words[phraseTok - 1]) && close.includes(reader.words[p.end + 1]);
  if (around(['('], [')']) || (around(COMMAS, COMMAS) && reader.isWord(phraseTok - 2))) return true;
  if (!reader.inSet(j, lang.ageBefore)) return false;
  if (!reader.inSet(j, lang.ageAfterDeath)) return true;
  // «عن» is an age only after a death: «توفي عن 76 عاما», «وتوفي هنري ميشيل، المدرب السابق لمنتخب فرنسا، الثلاثاء
  // عن 77 عاما».
  for (let k = j - 1; k >= Math.max(range[0], j - DEATH_REACH); k--) if (reader.inSet(k, lang.deathVerbs)) return true;
  return false;
}

export function phraseBefore(reader: Reader, tok: number, table: PhraseTable<true>, reach: number): boolean {
  for (let j = tok - 1; j >= Math.max(0, tok - reach); j--) {
    if (isClauseBreak(reader, j)) return false;
    const h = reader.phraseAt(table, j);
    if (h && j + h.length <= tok) return true;
  }
  return false;
}

/** The unit a duration is counted in («أيام», «يوما», «يومين» → day): its unit word, or the singular of its dual. */
function durationUnit(reader: Reader, unit: number | undefined, dualOf?: string): string | undefined {
  const units = reader.lang.durationUnits;
  if (dualOf !== undefined && units.has(dualOf)) return units.get(dualOf);
  if (unit === undefined) return undefined;
  return lookupForms(units, reader.cueForms(unit));
}

/** «حالة الطوارئ لعشرة أيام», «لـ10 أيام», «لأكثر من ساعتين»: «ل» on the number or its hedge states a length, as «لمدة» does. */
function forLength(reader: Reader, phraseTok: number): boolean {
  const w = reader.words[phraseTok], lang = reader.lang;
  if (phraseTok > 0 && lang.purposePrefixes.includes(reader.words[phraseTok - 1])) return true;
  return reader.isWord(phraseTok) && lang.purposePrefixes.some(p => w.startsWith(p)) && reader.forms(phraseTok).some(f => f.length < w.length && !f.startsWith('ل'));
}

/** «30 يوما فقط لتقديم إثبات الملكية», «مهلة 48 ساعة لمغادرة البلاد»: a duration whose unit (at `unit`) is followed,
 * past a restrictive, by «ل» and a verbal noun is the time given or taken to do something, a stated length; not
 * after a word that counts it from another time («منذ ثلاثة أشهر لتشابه اسمه», «قبل شهرين لإخراج …»). */
function purposeAfter(reader: Reader, phraseTok: number, unit: number | undefined): boolean {
  const lang = reader.lang;
  if (unit === undefined || unit < phraseTok || (phraseTok > 0 && reader.forms(phraseTok - 1).some(f => lang.relativeMarkers.has(f)))) return false;
  let j = unit + 1;
  const only = reader.phraseAt(lang.restrictives, j);
  if (only) j += only.length;
  if (!reader.isWord(j) || reader.phraseAt(lang.entities, j)) return false;
  const w = reader.words[j], at = reader.tokens[j].start;
  return lang.purposePrefixes.some(p => {
    if (!w.startsWith(p)) return false;
    const rest = w.slice(p.length);
    // A derived form's verbal noun never starts with «أ» (folded to «ا» by normalisation, so asked of the letter in
    // the original): «لأسباب», «لأطفال» are plurals, not the pattern of «إعداد».
    return reader.original[reader.n.starts[at + p.length]] !== 'أ' && lang.verbalNoun.test(rest) && !lang.countdownNouns.has(rest);
  });
}

/** Money: the currency (with a qualifier such as «سعودي»), a unit price («للبرميل», «سعر»), a conversion. */
function money(reader: Reader, phraseTok: number, nounTok: number, range: [number, number]): Quantity {
  const lang = reader.lang;
  const c = lang.currencies.match(reader.words, nounTok, reader.cueForms(nounTok));
  let unit = c?.value.code, after = nounTok + (c?.length ?? 1);
  const q = c && reader.isWord(after) ? c.value.qualified.get(reader.words[after]) ?? lookupForms(c.value.qualified, reader.cueForms(after)) : undefined;
  if (q) { unit = q; after++; }
  const perUnit = reader.phraseAt(lang.perUnit, after);
  let price = !!perUnit;
  for (let j = phraseTok - 1; j >= Math.max(range[0], phraseTok - 5) && !price; j--) price = reader.inSet(j, lang.priceNouns);
  const paren = reader.words[phraseTok - 1] === '(';
  const converted = phraseBefore(reader, phraseTok, lang.conversionMarkers, 3) || (paren && [2, 3, 4, 5].some(d => reader.measureAt(phraseTok - d, range)?.m.id === 'money'));
  return { measure: price ? 'price' : 'money', unit, converted: converted || undefined };
}

/** Whether the word at j points back at a country named elsewhere, in any form («البلاد», «بلاده», «الدولة»). */
const isPlaceReferent = (reader: Reader, j: number) => stemsOf(reader.lang.placeReferents, reader.lang).has(reader.stem(j));

const PLACE_KINDS = new Set(['country', 'city']);
/** A country's or a city's name («الجزائر»), not its adjective («الخام الأمريكي» is another crude than «خام برنت»),
 * nor a word that is a name only sometimes («العجز المالي» is no Mali). */
function placeName(reader: Reader, j: number): string | undefined {
  const e = reader.nameAt(j)?.value;
  if (!e || !PLACE_KINDS.has(e.kind) || e.adjective || e.ambiguous) return undefined;
  // Not a city inside a longer name («ريال مدريد», a club).
  const before = reader.nameAt(j - 1);
  return before && before.length > 1 ? undefined : e.id;
}

/** Up to two content words from `from` on (forwards or backwards), as the stems of a whole or subject. */
function subjectWords(reader: Reader, from: number, step: 1 | -1, range: [number, number], place?: WholePlace): string | undefined {
  const words: string[] = [];
  for (let j = from, n = 0; j >= range[0] && j < range[1] && n < 5 && words.length < 2; j += step, n++) {
    if (reader.isNumber(j) || isClauseBreak(reader, j)) break;
    if (!reader.isContent(j)) { if (words.length) break; continue; }
    // «من إجمالي الأصوات» is a share of the votes.
    if (reader.inSet(j, reader.lang.wholeHeads)) continue;
    // «سكان البلاد» is «سكان» of the country the text names, as «سكان» alone is; «صادرات الجزائر من النفط» is
    // «صادرات» in the place named, a place of the figure («صادرات النفط» there is the same whole).
    if (words.length && step === 1 && isPlaceReferent(reader, j)) break;
    const named = words.length && step === 1 ? placeName(reader, j) : undefined;
    if (named) { if (place) place.id = named; break; }
    const s = reader.stem(j);
    if (reader.phraseAt(reader.lang.changeMarkers, j) || reader.phraseAt(reader.lang.changeVerbs, j)) { if (words.length) break; continue; }
    words.push(s);
  }
  if (step === -1) words.reverse();
  return words.length ? words.join(' ') : undefined;
}

/** The subject of a verb at j: the words after it (VSO, «ارتفعت صادرات النفط») or before it («الصادرات ارتفعت»),
 * or for a clause that opens with it, the subject of the clause before (leadSubject). */
function subjectOf(reader: Reader, j: number, len: number, phraseTok: number, range: [number, number], place: WholePlace): string | undefined {
  return subjectWords(reader, j + len, 1, [range[0], phraseTok], place) ?? subjectWords(reader, j - 1, -1, range) ?? leadSubject(reader, j, range, place);
}

/** «وأنهى السهم أولى جلساته، متراجعا بنسبة 1.9%», «وفتحت الأسهم عند 165.90 دولار، بزيادة 25 في المئة»: a change
 * that opens a clause (a participle or «بزيادة» right after the comma) is said of the subject of the clause before:
 * the words after its opening verb, or its opening words when they are a definite noun (subject first). */
function leadSubject(reader: Reader, j: number, range: [number, number], place: WholePlace): string | undefined {
  const comma = j - 1;
  if (comma <= range[0] || !isClauseBreak(reader, comma)) return undefined;
  let c0 = comma - 1;
  while (c0 > range[0] && !isClauseBreak(reader, c0 - 1)) c0--;
  while (c0 < comma && !reader.isWord(c0)) c0++;
  if (c0 >= comma) return undefined;
  const w = reader.words[c0], lang = reader.lang;
  const conjunction = lang.conjunctions.find(c => w.startsWith(c)) ?? '';
  const subjectFirst = w.slice(conjunction.length).startsWith(lang.article);
  return subjectWords(reader, subjectFirst ? c0 : c0 + 1, 1, [c0, comma], place);
}

/** «وبلغت نسبة البطالة … 12 في المئة فيما تتجاوز النسبة في قطاع غزة 47 في المئة»: a definite rate noun alone
 * («النسبة», never in construct) is the rate named earlier in the sentence, of the same subject. */
function restatedWhole(reader: Reader, j: number, range: [number, number], place: WholePlace): string | undefined {
  if (!reader.words[j].startsWith(reader.lang.article)) return undefined;
  for (let k = j - 1; k >= range[0]; k--) {
    if (reader.inSet(k, reader.lang.rateNouns) && !reader.words[k].startsWith(reader.lang.article)) return subjectWords(reader, k + 1, 1, range, place);
  }
  return undefined;
}

/** How far back a rate noun names the level a percentage states, past the words of its subject and a verb of
 * level («نسبة المشاركة في الانتخابات الرئاسية التي جرت الشهر الماضي بلغت 47 بالمئة»). */
const RATE_NOUN_REACH = 12;

/** The rate noun («نسبة», «معدل») whose level the percentage states, before it in its clause, with no change, share,
 * other number or «بنسبة» between: its «من أصل …» after is the base of the rate, not a whole of a share. */
function rateNounBefore(reader: Reader, phraseTok: number, range: [number, number]): number | undefined {
  const lang = reader.lang;
  for (let j = phraseTok - 1; j >= Math.max(range[0], phraseTok - RATE_NOUN_REACH); j--) {
    if (isClauseBreak(reader, j) || reader.isNumber(j)) return undefined;
    if (reader.phraseAt(lang.changeMarkers, j) || reader.phraseAt(lang.changeVerbs, j) || reader.phraseAt(lang.shareVerbs, j)) return undefined;
    if (reader.inSet(j, lang.rateNouns)) return j;
  }
  return undefined;
}

/** For a percentage or a change: share / level / change, and the whole or subject. */
function rateOf(reader: Reader, p: ParsedNumber, phraseTok: number, noun: CountedNoun, range: [number, number]): Quantity {
  const place: WholePlace = {};
  const q = rateOrChange(reader, p, phraseTok, noun, range, place);
  return place.id && q.whole ? { ...q, wholePlace: place.id } : q;
}

function rateOrChange(reader: Reader, p: ParsedNumber, phraseTok: number, noun: CountedNoun, range: [number, number], place: WholePlace): Quantity {
  const lang = reader.lang;
  const rated = p.percent && !p.fraction ? rateNounBefore(reader, phraseTok, range) : undefined;
  if (rated !== undefined) return { rate: 'level', whole: restatedWhole(reader, rated, range, place) ?? subjectWords(reader, rated + 1, 1, range, place) };
  if (p.percent && noun.partitive) return { rate: 'share', whole: subjectWords(reader, noun.tokens[0] ?? p.end + 1, 1, range, place) };
  if (p.fraction) return { rate: 'share', whole: subjectWords(reader, p.end, 1, range, place) };
  // «يتصدر سان جيرمان المسابقة بفارق 14 نقطة», «بفارق نقطة واحدة»: a lead is a difference of two tallies, not a
  // tally.
  if (!p.percent && phraseBefore(reader, phraseTok, lang.marginMarkers, 2)) return { change: true };
  const changeMarked = phraseBefore(reader, phraseTok, lang.changeMarkers, 1);
  const levelMarked = phraseBefore(reader, phraseTok, lang.levelMarkers, 2) && !changeMarked;
  // «وارتفعت واردات كوريا الجنوبية من لحوم الضأن من يناير إلى فبراير … بنسبة 20 بالمئة»: «بنسبة» names the change
  // its clause's verb made, however far back in the clause.
  const reach = changeMarked ? CHANGE_REACH : SUBJECT_REACH;
  let restated = false;
  for (let j = phraseTok - 1; j >= Math.max(range[0], phraseTok - reach); j--) {
    // «مرتفعة 17 سنتا، أو 0.3 بالمئة»: the same change restated, read with the clause (and figure) before it.
    if (isClauseBreak(reader, j) && j === phraseTok - 2 && reader.inSet(j + 1, lang.restateWords)) { restated = true; continue; }
    // A number in a name («مؤشر فوتسي 100») is a word of the subject.
    if (isClauseBreak(reader, j) || (reader.isNumber(j) && !restated && !inName(reader, j))) break;
    // «بنسبة» before the figure marks a change, not a rate noun; opening its clause, a change of the clause before.
    if (reader.phraseAt(lang.changeMarkers, j)) {
      const lead = p.percent && changeMarked && !levelMarked ? leadSubject(reader, j, range, place) : undefined;
      if (lead) return { rate: 'change', change: true, whole: lead };
      continue;
    }
    if (reader.inSet(j, lang.rateNouns)) return p.percent ? { rate: 'level', whole: restatedWhole(reader, j, range, place) ?? subjectWords(reader, j + 1, 1, range, place) } : {};
    const v = reader.phraseAt(lang.changeVerbs, j);
    if (v && !levelMarked) return { rate: p.percent ? 'change' : undefined, change: true, whole: subjectOf(reader, j, v.length, phraseTok, range, place) };
    if (!p.percent) continue;
    const share = reader.phraseAt(lang.shareVerbs, j);
    if (share) return { rate: 'share', whole: subjectOf(reader, j, share.length, phraseTok, range, place) };
    if (reader.inSet(j, lang.levelVerbs)) return { rate: 'level', whole: subjectOf(reader, j, 1, phraseTok, range, place) };
  }
  return p.percent ? { rate: 'level' } : {};
}

/** What the figure measures, from the unit after it and the events around it. */
function measureOf(reader: Reader, p: ParsedNumber, phraseTok: number, noun: CountedNoun, range: [number, number], measureFrom?: string): Quantity {
  const lang = reader.lang;
  const firstNoun = noun.tokens[0];
  const fromWord = measureFrom !== undefined ? lang.measureCues.match([measureFrom], 0)?.value.find(m => !m.context) : undefined;
  const nounHit = fromWord ?? nounMeasure(reader, p, noun, range);
  const nounFirst = firstNoun !== undefined && firstNoun < phraseTok;
  // «قتل جندي سوري واحد»: when the noun stands before the number, the event is before the noun.
  const before = measureBefore(reader, nounFirst ? firstNoun : phraseTok, range);
  if (nounFirst && before && before.m.type !== 'event') {
    const event = measureBefore(reader, before.tok, range, m => m.type === 'event');
    if (event) return { measure: event.m.id, group: lang.groupMeasures.has(before.m.id) ? before.m.id : undefined };
  }
  const after = firstNoun !== undefined ? eventAfter(reader, firstNoun + 1, range) : undefined;
  const groupOf = (m?: MeasureEntry) => (m && lang.groupMeasures.has(m.id) ? m.id : undefined);
  const countsPeople = (m?: MeasureEntry) => !!m && (m.id === 'people' || lang.groupMeasures.has(m.id));
  if (nounHit?.id === 'duration') {
    if (isAge(reader, phraseTok, p, range)) return { measure: 'age' };
    // «متوسط أعمار الفائزين بجائزة نوبل 72 عاما», «الأحكام على الجنود المدانين بين 7 سنوات و14 سنة»: the age or
    // the sentence is named before, past the nouns it is of.
    const named = measureBefore(reader, phraseTok, range, AGE_OR_TERM);
    if (named) return { measure: named.m.id };
    return { measure: 'duration', unit: durationUnit(reader, firstNoun, measureFrom), lengthStated: phraseBefore(reader, phraseTok, lang.durationMarkers, 3) || forLength(reader, phraseTok) || purposeAfter(reader, phraseTok, firstNoun) || undefined };
  }
  if (nounHit?.id === 'money' && firstNoun > phraseTok) return money(reader, phraseTok, firstNoun, range);
  if (nounHit?.type === 'unit') return { measure: nounHit.id };
  // «يتسع لـ60 ألف متفرج», «تستطيع أن تقل حتى 40 راكبا»: how many people a place or a vehicle can hold, not who
  // came; things with a noun of their own stay what they are («الطاقة الاستيعابية لخمسة ملاعب», «بسعة 6 غيغابايت»).
  const capacity = p.percent ? undefined : capacityBefore(reader, phraseTok, range);
  if (capacity && (countsPeople(nounHit) || (!nounHit && (capacity === 'verb' || !ownNoun(reader, noun))))) return { measure: 'capacity' };
  // «63 قتيلا وحوالي 200 جريحًا»: a counted noun that names an event itself wins over the event before it.
  if (nounHit?.type === 'event' && firstNoun > phraseTok) return { measure: nounHit.id };
  const event = before?.m.type === 'event' ? before.m
    : countsPeople(nounHit) && firstNoun > phraseTok ? openingEvent(reader, phraseTok, range) ?? eventAfterPeople(reader, firstNoun + 1, range) ?? countOfBefore(reader, phraseTok, range) : undefined;
  if (event) return { measure: (countsPeople(nounHit) && event.persons) || event.id, group: groupOf(nounHit) };
  if (after) return { measure: after.id, group: groupOf(nounHit) };
  if (nounHit) return { measure: nounHit.id };
  // «الناخبون … 18 مادة»: a counted noun of its own says the noun before is not what the figure counts; before a
  // definite adjective and the number, it is the counted one («المطارات الرئيسية الثلاثة»).
  const adjective = nounFirst && before?.tok === firstNoun - 1 && reader.words[firstNoun].startsWith(lang.article);
  if (before && (adjective || !ownNoun(reader, noun))) return { measure: before.m.id };
  const later = eventLater(reader, p, range)?.id;
  // «ملايين البرازيليين»: a number of a nationality or another plural of belonging, and nothing else said,
  // counts people.
  const belonging = noun.tokens.some(j => reader.phraseAt(lang.groups, j)) || (firstNoun > phraseTok && !noun.partitive && pluralOfBelonging(reader, firstNoun));
  return { measure: later ?? (belonging ? 'people' : undefined) };
}

/** «البرازيليين» right after the number; not «للجمهوريين», a preposition's object. */
function pluralOfBelonging(reader: Reader, j: number): boolean {
  const w = reader.words[j], lang = reader.lang;
  if (!reader.isContent(j) || lang.articlePrefixes.some(p => p !== lang.article && w.startsWith(p))) return false;
  const bare = w.startsWith(lang.article) ? w.slice(lang.article.length) : w;
  return bare.length >= 5 && lang.peopleEndings.some(e => bare.endsWith(e));
}

/** A word right after the number that names what it counts, though not one isnad knows («18 مادة»). */
function ownNoun(reader: Reader, noun: CountedNoun): boolean {
  const j = noun.tokens[0];
  return j !== undefined && !noun.partitive && !noun.borrowed && reader.isContent(j) && !reader.inSet(j, reader.lang.genericNouns) && !reader.phraseAt(reader.lang.groups, j)
    // «وتظاهر الآلاف الجمعة»: a day is when, not what is counted.
    && !namesTime(reader, j);
}

/** The measure of the counted noun; past a nationality or an adjective to the next word («عشرات العراقيين المحتجين»). */
function nounMeasure(reader: Reader, p: ParsedNumber, noun: CountedNoun, range: [number, number]): MeasureEntry | undefined {
  // A percentage's or a fraction's noun is its whole, not what it counts: «ثلث المنازل» is read as «30% من المنازل».
  if (p.percent && (noun.partitive || p.fraction)) return undefined;
  for (const [k, j] of noun.tokens.slice(0, 2).entries()) {
    const m = reader.nounMeasureAt(j, range)?.m;
    if (m) return m;
    if (k === 0 && !reader.phraseAt(reader.lang.groups, j)) return undefined;
  }
  return undefined;
}

export function quantityOf(reader: Reader, p: ParsedNumber, phraseTok: number, noun: CountedNoun, range: [number, number], measureFrom?: string): Quantity {
  const q = measureOf(reader, p, phraseTok, noun, range, measureFrom);
  const rate = rateOf(reader, p, phraseTok, noun, range);
  if (!p.percent && !rate.change) { delete rate.whole; delete rate.wholePlace; }
  // «13 ألف طفل فلسطيني» are children (a part of the toll), whatever their nationality; «5 فلسطينيين» are Palestinians.
  for (const j of noun.tokens.slice(0, 2)) {
    const g = reader.phraseAt(reader.lang.groups, j);
    if (g) { if (!q.group || !reader.lang.groupMeasures.has(q.group)) q.group = g.value; break; }
  }
  return { ...q, ...rate };
}
