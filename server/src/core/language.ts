// The language data (number words, hedges, measures, sources, attribution phrases, stemmer lists) loaded from
// the JSON files in data/, normalised once, and extended by a newsroom's own entries from settings.
import numbers from './data/numbers.json';
import nonclaims from './data/nonclaims.json';
import measures from './data/measures.json';
import sources from './data/sources.json';
import attribution from './data/attribution.json';
import stemming from './data/stemming.json';
import { createHash } from 'crypto';
import { norm } from './normalize';

export type HedgeKind = 'over' | 'about' | 'under';

export interface SourceEntry { id: string; kind: 'outlet' | 'agency' | 'body'; ar: string; en: string; names: string[] }
export interface MeasureEntry { id: string; ar: string; en: string; type: 'event' | 'unit' | 'noun'; comparable?: boolean; cues: string[] }
export interface CueEntry { id: string; cues: string[] }

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
  /** Longest phrase starting at words[i] (words already in lookup form). */
  match(words: string[], i: number, firstForms?: string[]): { length: number; value: T; form: string } | undefined {
    for (const first of firstForms ?? [words[i]]) {
      for (const e of this.byFirst.get(first) ?? []) {
        let ok = true;
        for (let k = 1; k < e.words.length && ok; k++) ok = words[i + k] === e.words[k];
        if (ok) return { length: e.words.length, value: e.value, form: first };
      }
    }
    return undefined;
  }
}

export interface Language {
  units: Map<string, number>;
  tens: Map<string, number>;
  hundreds: Map<string, number>;
  scales: Map<string, number>;
  duals: Map<string, number>;
  teens: Set<string>;
  hedges: PhraseTable<HedgeKind>;
  hedgesAfter: PhraseTable<HedgeKind>;
  /** Plural scale words that alone are vague («آلاف الفلسطينيين»), not a count. */
  pluralScales: Set<string>;
  /** «أحد» / «إحدى»: "one of", not a count, when they open a number. */
  oneOf: Set<string>;
  /** «من» between a number and what it counts («20 ألفا من عناصر الأمن»). */
  partitives: Set<string>;
  /** «و» joining number words («خمسة وعشرون»). */
  joiners: string[];
  /** The definite article («ال»). */
  article: string;
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
  measures: MeasureEntry[];
  measureCues: PhraseTable<MeasureEntry>;
  genericNouns: Set<string>;
  groups: PhraseTable<string>;
  places: PhraseTable<string>;
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
  articlePrefixes: string[];
  singlePrefixes: string[];
  suffixes: string[];
  stopwords: Set<string>;
}

const normMap = (o: Record<string, unknown>) => {
  const m = new Map<string, number>();
  for (const [k, v] of Object.entries(o)) if (!k.startsWith('$') && typeof v === 'number') m.set(norm(k), v);
  return m;
};
const normSet = (a: string[]) => new Set(a.map(norm));

const cache = new Map<string, Language>();

/** Identifies the language data (bundled files and a newsroom's extension): a persisted index made with
 * other data is rebuilt. */
export function languageKey(ext: LanguageExtension = {}): string {
  return createHash('sha1').update(JSON.stringify([numbers, nonclaims, measures, sources, attribution, stemming, ext])).digest('hex').slice(0, 16);
}

export function loadLanguage(ext: LanguageExtension = {}): Language {
  const key = JSON.stringify(ext);
  const hit = cache.get(key);
  if (hit) return hit;
  const units = normMap(numbers.units);
  for (const [k, v] of Object.entries(ext.numberWords ?? {})) units.set(norm(k), v);
  const phrases = <T>(entries: [string, T][]) => { const t = new PhraseTable<T>(); for (const [p, v] of entries) t.add(p, v); return t; };
  const allMeasures: MeasureEntry[] = [...(measures.measures as MeasureEntry[]), ...(ext.measures ?? [])];
  const allSources: SourceEntry[] = [...(sources.sources as SourceEntry[]), ...(ext.sources ?? [])];
  const anonymous = new Map<string, string>();
  for (const [kind, words] of Object.entries(sources.anonymous)) if (Array.isArray(words)) for (const w of words) anonymous.set(norm(w), kind);
  const lang: Language = {
    units,
    tens: normMap(numbers.tens),
    hundreds: normMap(numbers.hundreds),
    scales: normMap(numbers.scales),
    duals: normMap(numbers.duals),
    teens: normSet(numbers.teens_marker),
    hedges: phrases(Object.entries(numbers.hedges) as [string, HedgeKind][]),
    hedgesAfter: phrases(Object.entries(numbers.hedges_after) as [string, HedgeKind][]),
    pluralScales: normSet(numbers.plural_scales),
    oneOf: normSet(numbers.one_of),
    partitives: normSet(numbers.partitives),
    joiners: numbers.joiners.map(norm),
    article: norm(stemming.article),
    percentWords: phrases(numbers.percent_words.map(w => [w, true as const])),
    sharedScaleLinks: phrases(numbers.shared_scale_links.map(w => [w, true as const])),
    months: normSet(nonclaims.months),
    yearCues: normSet(nonclaims.year_cues),
    yearSuffixes: normSet(nonclaims.year_suffixes),
    timeCues: normSet(nonclaims.time_cues),
    timeSuffixes: normSet(nonclaims.time_suffixes),
    clauseCues: normSet(nonclaims.clause_cues),
    numberLabels: normSet(nonclaims.number_labels),
    phoneCues: normSet(nonclaims.phone_cues),
    measures: allMeasures,
    measureCues: phrases(allMeasures.flatMap(m => m.cues.map(c => [c, m] as [string, MeasureEntry]))),
    genericNouns: normSet(measures.generic_nouns),
    groups: phrases([...measures.groups, ...(ext.groups ?? [])].flatMap(g => g.cues.map(c => [c, g.id] as [string, string]))),
    places: phrases([...measures.places, ...(ext.places ?? [])].flatMap(g => g.cues.map(c => [c, g.id] as [string, string]))),
    sources: new Map(allSources.map(s => [s.id, s])),
    sourceNames: phrases(allSources.flatMap(s => s.names.map(n => [n, s] as [string, SourceEntry]))),
    descriptors: phrases(sources.descriptors.map(d => [d, true as const])),
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
    bareClitics: normSet([...stemming.single_prefixes, stemming.article]),
    protectedPrefixes: [...stemming.protected_prefixes, ...(ext.protectedPrefixes ?? [])].map(norm),
    articlePrefixes: stemming.prefixes_with_article.map(norm),
    singlePrefixes: stemming.single_prefixes.map(norm),
    suffixes: stemming.suffixes.map(norm).sort((a, b) => b.length - a.length),
    stopwords: normSet(stemming.stopwords),
  };
  cache.set(key, lang);
  return lang;
}
