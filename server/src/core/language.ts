// The language data (number words, hedges, measures, currencies, sources, attribution phrases, stemmer lists,
// how figures are written) loaded from the JSON files in data/, normalised once, and extended by a newsroom's own
// entries from settings.
import numbers from './data/numbers.json';
import nonclaims from './data/nonclaims.json';
import measures from './data/measures.json';
import sources from './data/sources.json';
import attribution from './data/attribution.json';
import stemming from './data/stemming.json';
import reading from './data/reading.json';
import currencies from './data/currencies.json';
import time from './data/time.json';
import entities from './data/entities.json';
import { createHash } from 'crypto';
import { norm } from './normalize';
import { stripClitics } from './stem';
import { WordLists } from './word-lists';

export type HedgeKind = 'over' | 'about' | 'under';

export interface SourceEntry { id: string; kind: 'outlet' | 'agency' | 'body'; ar: string; en: string; names: string[] }
export interface MeasureEntry {
  id: string; ar: string; en: string; type: 'event' | 'unit' | 'noun'; comparable?: boolean; cues: string[];
  /** Words naming the event after the counted noun («لقي 35 عاملا حتفهم»). */
  after?: string[];
  /** The cue means this measure only in a sentence holding one of these words. */
  context?: string[];
  /** A value that changes every day (prices, indices): compared only for the same day. */
  daily?: boolean;
  /** What a count of people under this event counts: «أحكاما بالمؤبد على ست نساء» are six prisoners. */
  persons?: string;
  /** A value that holds at one time (an age): a period of more than a year is not its time. */
  instant?: boolean;
  /** The measure whose units its figures are lengths in (an age, a prison term: 'duration', years): a duration
   * named after its words is its value, and its words name that length rather than things counted, so their dual
   * is no value of it («سنان», «عمران» are names, not two ages). */
  measuredIn?: string;
}
export interface CueEntry { id: string; cues: string[] }
/** A named entity a name stands for; `ambiguous` when the name also means something else; `adjective` when the
 * entry is a nisba adjective of the entity («الجزائرية»), not its name. */
export interface EntityEntry { id: string; kind: string; ambiguous?: boolean; categories?: string[]; adjective?: boolean }
export interface CurrencyEntry { code: string; qualified: Map<string, string> }

/** What a newsroom may add from settings (`isnad.language`): same shapes as the data files. */
export interface LanguageExtension {
  sources?: SourceEntry[];
  measures?: MeasureEntry[];
  attributionVerbs?: string[];
  places?: CueEntry[];
  groups?: CueEntry[];
  numberWords?: Record<string, number>;
  protectedPrefixes?: string[];
}

/** A phrase lexicon: normalised multi-word phrases, looked up by their first word. */
/** The value `map` gives the first of `forms` it holds (a word's clitic forms against a lexicon). A loop, not
 * forms.map(…).find(…): no array per lookup, and no array whose kind depends on which compiler made it. */
export function lookupForms<T>(map: ReadonlyMap<string, T>, forms: readonly string[]): T | undefined {
  for (const f of forms) {
    const v = map.get(f);
    if (v !== undefined) return v;
  }
  return undefined;
}

export class PhraseTable<T> {
  private readonly byFirst = new Map<string, { words: string[]; value: T }[]>();
  add(phrase: string, value: T) {
    const words = norm(phrase).split(' ').filter(Boolean);
    // «وفقا ل» / «كشف تقرير ل»: the ل is glued to the next word in text, where clitic stripping finds it.
    while (words.length > 1 && words[words.length - 1] === 'ل') words.pop();
    if (!words.length) return;
    const list = this.byFirst.get(words[0]) ?? [];
    list.push({ words, value });
    list.sort((a, b) => b.words.length - a.words.length); // longest match first
    this.byFirst.set(words[0], list);
  }
  /** Whether a phrase starts with this word. */
  starts(word: string): boolean { return this.byFirst.has(word); }
  /** The words phrases start with. */
  firstWords(): Iterable<string> { return this.byFirst.keys(); }
  /** Longest phrase starting at words[i] (words already in lookup form). */
  match(words: string[], i: number, firstForms?: string[]): { length: number; value: T; form: string } | undefined {
    // Asked past the end (as readers do at a sentence's end) without reading there: see Reader.idAt.
    if (i < 0 || i >= words.length) return undefined;
    if (!firstForms) return this.matchFrom(words, i, words[i]);
    for (const first of firstForms) {
      const hit = this.matchFrom(words, i, first);
      if (hit) return hit;
    }
    return undefined;
  }
  private matchFrom(words: string[], i: number, first: string): { length: number; value: T; form: string } | undefined {
    const list = this.byFirst.get(first);
    if (!list) return undefined;
    for (const e of list) {
      if (i + e.words.length > words.length) continue;
      let ok = true;
      for (let k = 1; k < e.words.length && ok; k++) ok = words[i + k] === e.words[k];
      if (ok) return { length: e.words.length, value: e.value, form: first };
    }
    return undefined;
  }
}

/** How figures are written around the number (data/reading.json). */
export interface WritingData {
  rangeOpeners: PhraseTable<true>;
  /** Words between the ends of a range: 'opened' only after «بين»/«من», 'bare' anywhere, 'or' for «أربعة أو خمسة». */
  rangeLinks: PhraseTable<'opened' | 'bare' | 'or'>;
  /** [lo, hi] as the words say, and for a bare plural scale how far news stretches it (its reach). */
  vague: PhraseTable<[number, number, number?]>;
  fractions: Map<string, number>;
  fractionAmbiguous: Set<string>;
  /** «نصف النهائي»: a fraction word in a name. */
  fractionIdioms: Set<string>;
  halfAfterScale: PhraseTable<number>;
  /** Negations and what may follow them: a verb («لم يقتل»), a noun («دون إصابات») or either («لا»). */
  negations: PhraseTable<'verb' | 'noun' | 'any'>;
  negationAny: Set<string>;
  negationSkip: PhraseTable<true>;
  changeVerbs: PhraseTable<true>;
  changeMarkers: PhraseTable<true>;
  /** «بفارق 14 نقطة»: the gap between two tallies. */
  marginMarkers: PhraseTable<true>;
  /** «يتسع», «بسعة»: what a place or a vehicle can hold; a verb or a noun of capacity. */
  capacityMarkers: PhraseTable<'verb' | 'noun'>;
  /** «لكن», «بينما»: a contrast between two statements of a sentence. */
  contrastWords: PhraseTable<true>;
  levelMarkers: PhraseTable<true>;
  rateNouns: Set<string>;
  /** «بلغت», «سجل»: a level is stated; its subject is the clause's. */
  levelVerbs: Set<string>;
  shareVerbs: PhraseTable<true>;
  conversionMarkers: PhraseTable<true>;
  perUnit: PhraseTable<true>;
  priceNouns: Set<string>;
  /** «أمام الريال»: the currency a rate is quoted against. */
  exchangeMarkers: Set<string>;
  ageBefore: Set<string>;
  /** «عن» is an age only after a death («توفي عن 76 عاما»). */
  ageAfterDeath: Set<string>;
  deathVerbs: Set<string>;
  /** Words that head a whole without naming it («من إجمالي الأصوات»). */
  wholeHeads: Set<string>;
  /** Words that point back at a country named elsewhere («سكان البلاد»): a whole ends before them. */
  placeReferents: string[];
  /** Measures a negated count may state as zero («لم يقتل أي شخص»). */
  zeroMeasures: Set<string>;
  durationMarkers: PhraseTable<true>;
  /** «ل», «لل»: «for» a length («لعشرة أيام»), or a purpose before a verbal noun («30 يوما لتقديم …»). */
  purposePrefixes: string[];
  /** Verbal nouns of the derived forms («تقديم», «مغادرة», «إعداد»), as patterns of a whole word. */
  verbalNoun: RegExp;
  /** A duration's unit word → its unit («أيام» → day): a length compares only with one in the same unit. */
  durationUnits: Map<string, string>;
  /** «انطلاق», «انتهاء»: the time until a moment, counted from the article's day. */
  countdownNouns: Set<string>;
  /** «منذ», «قبل», «خلال»: a duration right after one is counted from another time. */
  relativeMarkers: Set<string>;
  scoreCues: Set<string>;
  scoreZero: Set<string>;
  /** Dual endings («ان», «ين», «تان», «تين»): a known noun with one of them counts two («جنديين», «مسؤولان»). */
  dualSuffixes: string[];
  dualExclude: Set<string>;
  /** «نصفها», «ثلثهم»: a fraction of what a pronoun refers to. */
  pronounSuffixes: string[];
  /** «مركزا واحدا»: one, after the counted noun. */
  postNominalOne: Set<string>;
  /** «مركزا», «مراتب»: places in a ranking, not centres, in a sentence holding one of rankWords. */
  rankNouns: Set<string>;
  rankWords: string[];
  /** «فقط» between a number and its «من»: «8% فقط من خريجي …». */
  restrictives: PhraseTable<true>;
  /** Words that mark a goal's minute in parentheses: «هيغواين (64)». */
  minuteCues: Set<string>;
  /** «في 19 من الشهر نفسه»: a day of a month named without the month. */
  monthWords: PhraseTable<true>;
  /** «منهم 13 طفلا»: a part of the figure before it. */
  partMarkers: PhraseTable<true>;
  /** After a number: it counts some of the figure before («اثنان منهم»). */
  partAfter: PhraseTable<true>;
  /** People counted, then what happened to them: the words of a place between, and the forms an event word there takes. */
  peopleThenEvent: { placeWords: Set<string>; prefixes: string[]; suffixes: string[] };
  /** «حصيلة»: the figure after it counts the event before it. */
  tollWords: Set<string>;
  /** Words of market news: a change next to them is a daily value («برنت», «الأسهم», «سعر»). */
  marketWords: string[];
  /** «مقالات مشابهة», «اقرأ أيضاً»: headings of links to other stories (read/related.ts). */
  relatedHeadings: string[];
  /** Words that put a market value at a point in the day rather than at the close. */
  intradayWords: string[];
  /** «أو», «أي» after a comma: the figure restates the one before it («17 سنتا، أو 0.3 بالمئة»). */
  restateWords: Set<string>;
}

/** Time words (data/time.json). */
export interface TimeData {
  monthNames: PhraseTable<number>;
  weekdays: Map<string, number>;
  relativeDays: PhraseTable<number>;
  relativePeriods: PhraseTable<['week' | 'month' | 'year' | 'season', number]>;
  pastMarkers: Set<string>;
  /** «منذ»: a period from a date to the article's day. */
  sinceWords: Set<string>;
  /** A span of time: «بين آب/أغسطس 2014 ونهاية نيسان/ابريل 2018». */
  spanOpeners: Set<string>;
  spanLinks: Set<string>;
  spanEdges: Set<string>;
  /** «مقابل», «مقارنة»: what follows is what the figure is compared with, at its own time. */
  compareMarkers: Set<string>;
  yearWords: Set<string>;
  runningCues: PhraseTable<true>;
  /** «لا يزال»: right before a number, a count of what still holds. */
  stillCues: PhraseTable<true>;
  /** One incident (an attack, a crash): a toll of it is not a running total. */
  incidentWords: Set<string>;
}

export interface Language extends WritingData, TimeData {
  units: Map<string, number>;
  tens: Map<string, number>;
  hundreds: Map<string, number>;
  /** «مئة» after a unit word multiplies it («ثلاث مئة»). */
  hundredsMultiplier: Set<string>;
  scales: Map<string, number>;
  duals: Map<string, number>;
  teens: Set<string>;
  /** Plural scale words that alone are vague («آلاف الفلسطينيين»), not a count. */
  pluralScales: Set<string>;
  /** «أحد» / «إحدى»: "one of", not a count, when they open a number. */
  oneOf: Set<string>;
  /** «من» between a number and what it counts («20 ألفا من عناصر الأمن»). */
  partitives: Set<string>;
  /** «و» joining number words («خمسة وعشرون»). */
  joiners: string[];
  /** «51 مقعدا مقابل 49»: words setting a number against the one before (see inheritCounterpart). */
  counterpartLinks: Set<string>;
  /** The definite article («ال»). */
  article: string;
  hedges: PhraseTable<HedgeKind>;
  hedgesAfter: PhraseTable<HedgeKind>;
  percentWords: PhraseTable<true>;
  sharedScaleLinks: PhraseTable<true>;
  months: Set<string>;
  yearCues: Set<string>;
  yearSuffixes: Set<string>;
  timeCues: Set<string>;
  timeSuffixes: Set<string>;
  clauseCues: Set<string>;
  /** «رقم» between a label and its number («القرار رقم 5»). */
  numberLabels: Set<string>;
  phoneCues: Set<string>;
  /** «ميت 20», «بوينغ 737»: a model's line before its number, and «برو» after it. */
  modelLines: Set<string>;
  modelSuffixes: Set<string>;
  measures: MeasureEntry[];
  measureById: Map<string, MeasureEntry>;
  /** Cue → the measures it may name (several when a cue is shared, e.g. «نقطة»). */
  measureCues: PhraseTable<MeasureEntry[]>;
  afterCues: PhraseTable<MeasureEntry>;
  /** Counted nouns that name a group of an event's victims («قتل 5 أطفال»). */
  groupMeasures: Set<string>;
  /** «البرازيليين»: endings of a plural of belonging, which counts people (see measures.json). */
  peopleEndings: string[];
  /** Measures that keep growing from one report to the next (tolls, a season's goals and points). */
  accumulating: Set<string>;
  /** Measures whose figures in market news are one day's values (a settlement price, a rise in cents). */
  dailyInMarketNews: Set<string>;
  /** Units a fraction can be a part of («نصف طن», «ربع ساعة»). */
  partOfUnit: Set<string>;
  genericNouns: Set<string>;
  groups: PhraseTable<string>;
  places: PhraseTable<string>;
  /** Named entities and their kind (country, city, club, company, person, org …). */
  entities: PhraseTable<EntityEntry>;
  /** An entity's name as the data first spells it («غزة» for gaza), for showing why two figures differ. */
  entityNames: Map<string, string>;
  /** The entities each entity lies in, nearest first («copenhagen» → denmark; «manchester» → england, uk). */
  containers: Map<string, string[]>;
  /** Words that place a sentence in a news category (sport, economy): an ambiguous name of that category there
   * means its entity («الريال» in a sentence about points is Real Madrid). */
  categoryWords: Map<string, Set<string>>;
  currencies: PhraseTable<CurrencyEntry>;
  sources: Map<string, SourceEntry>;
  sourceNames: PhraseTable<SourceEntry>;
  descriptors: PhraseTable<true>;
  anonymous: Map<string, string>;
  outletLinePrefixes: string[];
  attributionVerbs: PhraseTable<'verb' | 'preposition' | 'relay'>;
  /** «أن», «بأنه»: the reported claim starts; the source list has ended. */
  complementizers: Set<string>;
  /** «عن», «من», «بينهم»: words that link the sources of one chain. */
  chainLinks: Set<string>;
  /** Clitics that stand alone as tokens («ل» before a number, «ال» before a glued digit). */
  bareClitics: Set<string>;
  protectedPrefixes: string[];
  /** Names (and nisba adjectives) of one word that begin with a clitic-like letter: after its clitics, the word
   * is the name. A map, not a Set, so that it is not one more of the word lists every word is looked up in. */
  protectedNames: ReadonlyMap<string, string>;
  articlePrefixes: string[];
  /** «لل» (ل + ال with the alif dropped) and the article it stands for: a gazetteer form of «للجزائر» is «الجزائر». */
  contractedArticles: [string, string][];
  singlePrefixes: string[];
  /** «و», «ف»: a word that needs one of these taken off to be a noun is not the noun a number counts («وفر»). */
  conjunctions: string[];
  suffixes: string[];
  /** The ta marbuta written ت before a suffix, or a verb's feminine ت: dropped from a stem this long or longer. */
  feminineEnding: { letter: string; minLength: number };
  stopwords: Set<string>;
  /** Every word list and phrase table above, as bits of one mask per word (see WordLists). */
  readonly wordLists: WordLists;
}

const normMap = (o: Record<string, unknown>) => {
  const m = new Map<string, number>();
  for (const [k, v] of Object.entries(o)) if (!k.startsWith('$') && typeof v === 'number') m.set(norm(k), v);
  return m;
};
const normSet = (a: string[]) => new Set(a.map(norm));
const tagged = <T>(words: string[], tag: T) => words.map(w => [w, tag] as [string, T]);
const phrases = <T>(entries: [string, T][]) => { const t = new PhraseTable<T>(); for (const [p, v] of entries) t.add(p, v); return t; };
const flags = (a: string[]) => phrases(a.map(w => [w, true as const]));

const cache = new Map<string, Language>();
/** Set by the bundler: a fingerprint of the analysis code (see esbuild.mjs). */
declare const __ISNAD_BUILD__: string | undefined;
const BUILD = typeof __ISNAD_BUILD__ === 'string' ? __ISNAD_BUILD__ : 'dev';

/** Identifies the language data (bundled files and a newsroom's extension) and the build of the reader: a
 * persisted index made with other data or by other code is rebuilt, so an upgrade re-reads the corpus once. */
export function languageKey(ext: LanguageExtension = {}): string {
  return createHash('sha1').update(JSON.stringify([BUILD, numbers, nonclaims, measures, sources, attribution, stemming, reading, currencies, time, entities, ext])).digest('hex').slice(0, 16);
}

function writingData(): WritingData {
  const r = reading;
  return {
    rangeOpeners: flags(r.range_openers), rangeLinks: phrases(Object.entries(r.range_links) as [string, 'opened' | 'bare' | 'or'][]),
    vague: phrases(Object.entries(r.vague).map(([k, v]) => [k, v as [number, number, number?]])),
    fractions: normMap(r.fractions), fractionAmbiguous: normSet(r.fraction_ambiguous), fractionIdioms: normSet(r.fraction_idioms),
    halfAfterScale: phrases(Object.entries(r.half_after_scale)),
    negations: phrases(Object.entries(r.negations) as [string, 'verb' | 'noun' | 'any'][]), negationAny: normSet(r.negation_any), negationSkip: flags(r.negation_skip),
    changeVerbs: flags(r.change_verbs), changeMarkers: flags(r.change_markers), marginMarkers: flags(r.margin_markers), capacityMarkers: phrases([...tagged(r.capacity_markers.verbs, 'verb' as const), ...tagged(r.capacity_markers.nouns, 'noun' as const)]), contrastWords: flags(r.contrast_words), levelMarkers: flags(r.level_markers),
    rateNouns: normSet(r.rate_nouns), levelVerbs: normSet(r.level_verbs), shareVerbs: flags(r.share_verbs),
    conversionMarkers: flags(r.conversion_markers), perUnit: flags(r.per_unit), priceNouns: normSet(r.price_nouns), exchangeMarkers: normSet(r.exchange_markers),
    ageBefore: normSet(r.age_before), ageAfterDeath: normSet(r.age_after_death), deathVerbs: normSet(r.death_verbs),
    wholeHeads: normSet(r.whole_heads), placeReferents: r.place_referents.map(norm), zeroMeasures: new Set(r.zero_measures), durationMarkers: flags(r.duration_markers),
    purposePrefixes: r.purpose_prefixes.map(norm), verbalNoun: verbalNounPattern(r.verbal_noun_patterns), relativeMarkers: normSet(r.relative_markers), countdownNouns: normSet(r.countdown_nouns), durationUnits: new Map(Object.entries(r.duration_units as Record<string, string>).map(([k, v]) => [norm(k), v])),
    scoreCues: normSet(r.score_cues), scoreZero: normSet(r.score_zero),
    dualSuffixes: r.dual_suffixes.map(norm), dualExclude: normSet(r.dual_exclude), pronounSuffixes: r.pronoun_suffixes.map(norm),
    postNominalOne: normSet(r.post_nominal_one), rankNouns: normSet(r.rank_nouns), rankWords: r.rank_words.map(norm), restrictives: flags(r.restrictives), minuteCues: normSet(r.minute_cues), monthWords: flags(r.month_words),
    partMarkers: flags(r.part_markers), partAfter: flags(r.part_after), peopleThenEvent: { placeWords: normSet(r.people_then_event.place_words), prefixes: r.people_then_event.prefixes.map(norm), suffixes: r.people_then_event.suffixes.map(norm) }, tollWords: normSet(r.toll_words), marketWords: r.market_words.map(norm),
    relatedHeadings: [...new Set(r.related_headings.map(h => norm(h).replace(/\s+/g, ' ')))], intradayWords: r.intraday_words.map(norm), restateWords: normSet(r.restate_words),
  };
}

/** One pattern matching whole words of any of the templates, ف، ع، ل standing for a root letter. */
function verbalNounPattern(templates: string[]): RegExp {
  const root = '[\\u0621-\\u064A]';
  return new RegExp(`^(?:${templates.map(t => [...norm(t)].map(ch => 'فعل'.includes(ch) ? root : ch).join('')).join('|')})$`);
}

function timeData(): TimeData {
  return {
    monthNames: phrases(Object.entries(time.months)),
    weekdays: new Map(Object.entries(time.weekdays).map(([k, v]) => [norm(k), v])),
    relativeDays: phrases(Object.entries(time.relative_days)),
    relativePeriods: phrases(Object.entries(time.relative_periods) as [string, ['week' | 'month' | 'year' | 'season', number]][]),
    pastMarkers: normSet(time.past_markers), sinceWords: normSet(time.since_words), spanOpeners: normSet(time.span_openers), spanLinks: normSet(time.span_links), spanEdges: normSet(time.span_edges), compareMarkers: normSet(time.compare_markers), yearWords: normSet(time.year_words), runningCues: flags(time.running_cues), stillCues: flags(time.still_cues), incidentWords: normSet(time.incident_words),
  };
}

function measureData(ext: LanguageExtension) {
  // Each with every field, in one order (the data files set a few of the optional ones each): one object shape for
  // the code that asks a cue's measure what it is, as for figures (read/figure-shape.ts).
  const all: MeasureEntry[] = [...(measures.measures as MeasureEntry[]), ...(ext.measures ?? [])].map(m => {
    const entry: { [K in keyof Required<MeasureEntry>]: MeasureEntry[K] | undefined } = {
      id: m.id, ar: m.ar, en: m.en, type: m.type, comparable: m.comparable, cues: m.cues, after: m.after,
      context: m.context?.map(norm), daily: m.daily, persons: m.persons, instant: m.instant, measuredIn: m.measuredIn,
    };
    return entry as MeasureEntry;
  });
  const cueLists = new Map<string, MeasureEntry[]>();
  for (const m of all) for (const c of m.cues) { const k = norm(c); cueLists.set(k, [...(cueLists.get(k) ?? []), m]); }
  return {
    measures: all,
    measureById: new Map(all.map(m => [m.id, m])),
    measureCues: phrases([...cueLists]),
    afterCues: phrases(all.flatMap(m => (m.after ?? []).map(c => [c, m] as [string, MeasureEntry]))),
    groupMeasures: new Set(measures.groups_from_nouns),
    peopleEndings: measures.people_endings.map(norm),
    accumulating: new Set(measures.accumulating),
    dailyInMarketNews: new Set(measures.daily_in_market_news),
    partOfUnit: new Set(measures.part_of_unit),
    genericNouns: normSet(measures.generic_nouns),
    groups: phrases([...measures.groups, ...(ext.groups ?? [])].flatMap(g => g.cues.map(c => [c, g.id] as [string, string]))),
    places: phrases([...measures.places, ...(ext.places ?? [])].flatMap(g => g.cues.map(c => [c, g.id] as [string, string]))),
    entities: entityTable(ext), entityNames: entityNames(ext), containers: containers(),
    categoryWords: new Map(Object.entries(entities.category_words).map(([k, v]) => [k, normSet(v)])),
    currencies: phrases(currencies.currencies.flatMap(c => {
      const entry: CurrencyEntry = { code: c.default, qualified: new Map(Object.entries(c.qualified ?? {}).map(([k, v]) => [norm(k), v])) };
      return c.words.map(w => [w, entry] as [string, CurrencyEntry]);
    })),
  };
}

function entityNames(ext: LanguageExtension): Map<string, string> {
  const out = new Map<string, string>();
  for (const g of [...measures.places, ...(ext.places ?? [])]) if (g.cues[0]) out.set(g.id, g.cues[0]);
  for (const e of entities.entities as { id: string; names: string[] }[]) if (e.names[0]) out.set(e.id, e.names[0]);
  return out;
}

/** Each entity's chain of 'in' (a city in its country, a nation in its union), followed to its end. */
function containers(): Map<string, string[]> {
  const parent = new Map<string, string>();
  for (const e of entities.entities as { id: string; in?: string }[]) if (e.in) parent.set(e.id, e.in);
  const out = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const chain: string[] = [];
    for (let p = parent.get(id); p && !chain.includes(p) && p !== id; p = parent.get(p)) chain.push(p);
    out.set(id, chain);
  }
  return out;
}

/** The gazetteer's one-word names and nisba adjectives that begin with a letter the stemmer would take for a
 * clitic («بلجيكا», «برلين», «بوتين», «لبنان», «كرواتي»): a name's first letter is its own, so «بلجيكا», «في بلجيكا»
 * and «لبلجيكا» are one stem, and «كرواتي» still meets «كرواتيا». Ambiguous names («مالي») are words too, and keep
 * the stemmer's way. */
function nameProtections(): ReadonlyMap<string, string> {
  const clitics = new Set(stemming.single_prefixes.map(norm)), article = norm(stemming.article);
  const out: string[] = [];
  // Names of one word: a word of a longer name may be a common word («للنفط», «فريق»); a currency is a unit's word.
  for (const e of entities.entities as { kind: string; names: string[]; adjectives?: string[] }[]) {
    if (e.kind === 'currency') continue;
    for (const w of [...e.names, ...e.adjectives ?? []].map(norm)) if (w.length >= 3 && !w.includes(' ') && clitics.has(w[0]) && !w.startsWith(article)) out.push(w);
  }
  return new Map(out.map(w => [w, w]));
}

function entityTable(ext: LanguageExtension): PhraseTable<EntityEntry> {
  const rows: [string, EntityEntry][] = [];
  for (const e of entities.entities as { id: string; kind: string; names: string[]; adjectives?: string[]; ambiguous?: string[]; categories?: string[] }[]) {
    for (const n of e.names) rows.push([n, { id: e.id, kind: e.kind }]);
    for (const n of e.adjectives ?? []) rows.push([n, { id: e.id, kind: e.kind, adjective: true }]);
    for (const n of e.ambiguous ?? []) rows.push([n, { id: e.id, kind: e.kind, ambiguous: true, categories: e.categories }]);
  }
  // The places of the measures data (and a newsroom's own) are entities too.
  for (const g of [...measures.places, ...(ext.places ?? [])]) for (const c of g.cues) rows.push([c, { id: g.id, kind: 'place' }]);
  return phrases(rows);
}

function numberData(ext: LanguageExtension) {
  const units = normMap(numbers.units);
  for (const [k, v] of Object.entries(ext.numberWords ?? {})) units.set(norm(k), v);
  return {
    units, tens: normMap(numbers.tens), hundreds: normMap(numbers.hundreds), hundredsMultiplier: normSet(numbers.hundreds_multiplier),
    scales: normMap(numbers.scales), duals: normMap(numbers.duals), teens: normSet(numbers.teens_marker),
    pluralScales: normSet(numbers.plural_scales), oneOf: normSet(numbers.one_of), partitives: normSet(numbers.partitives),
    joiners: numbers.joiners.map(norm), counterpartLinks: normSet(numbers.counterpart_links), article: norm(stemming.article),
    hedges: phrases(Object.entries(numbers.hedges) as [string, HedgeKind][]),
    hedgesAfter: phrases(Object.entries(numbers.hedges_after) as [string, HedgeKind][]),
    percentWords: flags(numbers.percent_words), sharedScaleLinks: flags(numbers.shared_scale_links),
    months: normSet(nonclaims.months), yearCues: normSet(nonclaims.year_cues), yearSuffixes: normSet(nonclaims.year_suffixes),
    timeCues: normSet(nonclaims.time_cues), timeSuffixes: normSet(nonclaims.time_suffixes), clauseCues: normSet(nonclaims.clause_cues),
    numberLabels: normSet(nonclaims.number_labels), phoneCues: normSet(nonclaims.phone_cues), modelLines: normSet(nonclaims.model_lines), modelSuffixes: normSet(nonclaims.model_suffixes),
  };
}

function sourceData(ext: LanguageExtension) {
  const allSources: SourceEntry[] = [...(sources.sources as SourceEntry[]), ...(ext.sources ?? [])];
  const anonymous = new Map<string, string>();
  for (const [kind, words] of Object.entries(sources.anonymous)) if (Array.isArray(words)) for (const w of words) anonymous.set(norm(w), kind);
  return {
    sources: new Map(allSources.map(s => [s.id, s])),
    sourceNames: phrases(allSources.flatMap(s => s.names.map(n => [n, s] as [string, SourceEntry]))),
    descriptors: flags(sources.descriptors),
    anonymous,
    outletLinePrefixes: sources.outlet_line_prefixes,
    attributionVerbs: phrases<'verb' | 'preposition' | 'relay'>([
      ...attribution.verbs.map(v => [v, 'verb'] as [string, 'verb']),
      ...(ext.attributionVerbs ?? []).map(v => [v, 'verb'] as [string, 'verb']),
      ...attribution.prepositions.map(v => [v, 'preposition'] as [string, 'preposition']),
      ...attribution.relay.map(v => [v, 'relay'] as [string, 'relay']),
    ]),
    complementizers: normSet(attribution.complementizers),
    chainLinks: normSet(attribution.chain_links),
  };
}

export function loadLanguage(ext: LanguageExtension = {}): Language {
  const key = JSON.stringify(ext);
  const hit = cache.get(key);
  if (hit) return hit;
  const lang: Language = {
    ...writingData(), ...timeData(), ...numberData(ext), ...measureData(ext), ...sourceData(ext),
    bareClitics: normSet([...stemming.single_prefixes, stemming.article]),
    protectedPrefixes: [...stemming.protected_prefixes, ...(ext.protectedPrefixes ?? [])].map(norm),
    protectedNames: nameProtections(),
    articlePrefixes: stemming.prefixes_with_article.map(norm),
    contractedArticles: Object.entries(stemming.contracted_articles).filter(([k]) => !k.startsWith('$')).map(([k, v]) => [norm(k), norm(v)]),
    singlePrefixes: stemming.single_prefixes.map(norm),
    conjunctions: stemming.conjunctions.map(norm),
    suffixes: stemming.suffixes.map(norm).sort((a, b) => b.length - a.length),
    feminineEnding: { letter: norm(stemming.feminine_ending.letter), minLength: stemming.feminine_ending.min_length },
    stopwords: normSet(stemming.stopwords),
  } as Omit<Language, 'wordLists'> as Language;
  const lists: { list: object; words: Iterable<string> }[] = [];
  for (const v of Object.values(lang)) {
    if (v instanceof Set) lists.push({ list: v, words: v as Set<string> });
    else if (v instanceof PhraseTable) lists.push({ list: v, words: v.firstWords() });
    else if (v instanceof Map) for (const x of v.values()) if (x instanceof Set) lists.push({ list: x, words: x as Set<string> });
  }
  (lang as { wordLists: WordLists }).wordLists = new WordLists(lists, stripClitics);
  cache.set(key, lang);
  return lang;
}
