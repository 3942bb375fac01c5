// Reads one text (a draft or a corpus article) into figures, attributions and sentence terms.
// The same code reads both sides, so a figure in a draft and the same figure in the corpus always agree on
// what they measure.
import { normalize, Normalized, toOriginal } from './normalize';
import { tokenize, splitSentences, Token } from './tokens';
import type { Language, HedgeKind, MeasureEntry } from './language';
import { stem, stripClitics } from './stem';

export type FigureKind = 'count' | 'percent' | 'year' | 'date' | 'time' | 'clause' | 'phone' | 'model' | 'source-count';

export interface Figure {
  /** Original offsets of the number with its scale word and percent sign. */
  start: number;
  end: number;
  /** Original offset where the claim's wording starts (the hedge, if any): what a replacement replaces. */
  phraseStart: number;
  value: number;
  hedge?: HedgeKind;
  kind: FigureKind;
  measure?: string;
  group?: string;
  places: string[];
  /** For a percentage: the whole it is taken of («سكان», «البنية»). */
  whole?: string;
  /** Light stem of the counted noun or unit. */
  noun?: string;
  sentence: number;
  /** Light stems of the content words around the figure, for context matching. */
  context: string[];
}

export interface SourceSpan { id: string; start: number; end: number }

export interface Attribution {
  start: number;
  end: number;
  sentence: number;
  sources: SourceSpan[];
  /** «ذكرت الصحيفة», «ونقلت عن …» without a name: the source is the last one named before. */
  unresolved: boolean;
  count?: { n: number; kind: string; start: number; end: number };
}

export interface SentenceInfo {
  start: number;
  end: number;
  /** Light stems of content words, in order, and where each word starts in the original text. */
  terms: string[];
  termStarts: number[];
}

export interface Analyzed {
  text: string;
  sentences: SentenceInfo[];
  figures: Figure[];
  attributions: Attribution[];
}

const CONTEXT_WINDOW = 10;
const PLACE_WINDOW = 12;

class Reader {
  readonly n: Normalized;
  readonly tokens: Token[];
  readonly words: string[];
  private readonly formsCache = new Map<number, string[]>();
  private readonly stemCache = new Map<number, string>();
  constructor(readonly original: string, readonly lang: Language) {
    this.n = normalize(original);
    this.tokens = tokenize(this.n.text);
    this.words = this.tokens.map(t => t.text);
  }
  forms(i: number): string[] {
    let f = this.formsCache.get(i);
    if (!f) { f = this.tokens[i]?.kind === 'word' ? stripClitics(this.words[i], this.lang) : [this.words[i] ?? '']; this.formsCache.set(i, f); }
    return f;
  }
  stem(i: number): string {
    let s = this.stemCache.get(i);
    if (s === undefined) { s = stem(this.words[i], this.lang); this.stemCache.set(i, s); }
    return s;
  }
  isWord(i: number) { return this.tokens[i]?.kind === 'word'; }
  isNumber(i: number) { return this.tokens[i]?.kind === 'number'; }
  isContent(i: number) {
    const t = this.tokens[i];
    if (!t || t.kind !== 'word' || t.text.length < 2) return false;
    return !this.forms(i).some(f => this.lang.stopwords.has(f));
  }
  inSet(i: number, set: Set<string>) { return this.isWord(i) && this.forms(i).some(f => set.has(f)); }
  orig(fromTok: number, toTok: number) {
    return toOriginal(this.n, this.tokens[fromTok].start, this.tokens[toTok].end);
  }
  measureAt(i: number): { m: MeasureEntry; len: number } | undefined {
    if (!this.isWord(i)) return undefined;
    const hit = this.lang.measureCues.match(this.words, i, this.forms(i));
    if (hit) return { m: hit.value, len: hit.length };
    return undefined;
  }
}

const BARE_CLITICS = new Set(['ل', 'ب', 'ال', 'و', 'ف', 'ك']);
const QUOTES = new Set(['"', "'", '“', '”', '(', ')', '«', '»', '‘', '’', '-', '–']);

interface ParsedNumber { value: number; end: number; scaled: boolean; fromWords: boolean; percent: boolean }

function parseWords(r: Reader, i: number, allowDefinite: boolean): ParsedNumber | undefined {
  const L = r.lang;
  let total = 0, current = 0, j = i, any = false, sawPlural = false;
  while (j < r.tokens.length && r.isWord(j)) {
    const w = r.words[j];
    let forms: string[];
    if (j === i) {
      forms = r.forms(j);
      const isNumberWord = (x: string) => L.units.has(x) || L.tens.has(x) || L.hundreds.has(x) || L.scales.has(x) || L.duals.has(x);
      // «الأربعة» (definite) is an adjective after its noun, not a count; «ألف» only looks definite.
      if (!allowDefinite && w.startsWith('ال') && !isNumberWord(w)) return undefined;
    } else {
      // Later words join with «و» («خمسة وعشرون») or follow directly as a scale («ثلاثة آلاف»).
      forms = w.startsWith('و') && w.length > 2 ? [w.slice(1), w] : [w];
    }
    const f = forms.find(x => L.units.has(x) || L.tens.has(x) || L.hundreds.has(x) || L.scales.has(x) || L.duals.has(x));
    if (!f) break;
    // «مليونا شخص», «ألفا جندي» open a count as duals; after a number («55 ألفا») they are scales.
    if (L.duals.has(f) && (!L.scales.has(f) || (current === 0 && total === 0))) { total += L.duals.get(f)!; any = true; j++; continue; }
    if (L.units.has(f) && L.teens.has(r.words[j + 1] ?? '') && (L.units.get(f) ?? 0) < 10) {
      current += 10 + (L.units.get(f) ?? 0); j += 2; any = true; continue;
    }
    if (L.units.has(f)) {
      // «أحد» / «إحدى» alone means "one of", not a count.
      if (j === i && (f === 'احد' || f === 'احدي')) return undefined;
      current += L.units.get(f)!;
    } else if (L.tens.has(f)) current += L.tens.get(f)!;
    else if (L.hundreds.has(f)) current += L.hundreds.get(f)!;
    else if (L.duals.has(f)) total += L.duals.get(f)!;
    else {
      const s = L.scales.get(f)!;
      if (current === 0) { if (f === 'الاف' || f === 'ملايين' || f === 'مليارات') sawPlural = true; current = 1; }
      total += current * s; current = 0;
    }
    any = true;
    j++;
  }
  if (!any || (sawPlural && j === i + 1)) return undefined; // «آلاف الفلسطينيين» is not a count
  return { value: total + current, end: j, scaled: total > 0, fromWords: true, percent: false };
}

function parseNumberAt(r: Reader, i: number, allowDefinite = false): ParsedNumber | undefined {
  const L = r.lang;
  if (r.isNumber(i)) {
    let value = parseFloat(r.words[i].replace(/,/g, ''));
    let j = i + 1, scaled = false, percent = false;
    const sc = r.isWord(j) ? (L.scales.get(r.words[j]) ?? r.forms(j).map(f => L.scales.get(f)).find(Boolean)) : undefined;
    if (sc) { value *= sc; j++; scaled = true; }
    if (r.words[j] === '%') { percent = true; j++; }
    else {
      const pw = L.percentWords.match(r.words, j, r.forms(j));
      if (pw) { percent = true; j += pw.length; }
    }
    return { value, end: j, scaled, fromWords: false, percent };
  }
  if (r.isWord(i)) {
    const p = parseWords(r, i, allowDefinite);
    if (!p) return undefined;
    const pw = L.percentWords.match(r.words, p.end, r.forms(p.end));
    if (r.words[p.end] === '%') { p.percent = true; p.end++; } else if (pw) { p.percent = true; p.end += pw.length; }
    return p;
  }
  return undefined;
}

/** «1.7 من أصل 2.4 مليون»: the first number borrows the scale of the second. */
function sharedScale(r: Reader, p: ParsedNumber): number | undefined {
  if (p.scaled || p.fromWords || p.percent || p.value >= 1000) return undefined;
  const link = r.lang.sharedScaleLinks.match(r.words, p.end);
  if (!link) return undefined;
  const k = p.end + link.length;
  if (!r.isNumber(k)) return undefined;
  const next = parseNumberAt(r, k);
  if (!next?.scaled) return undefined;
  const scale = next.value / parseFloat(r.words[k].replace(/,/g, ''));
  return scale >= 1000 && p.value * scale <= next.value * 1.0001 + scale ? scale : undefined;
}

function nonClaimKind(r: Reader, i: number, p: ParsedNumber): FigureKind | undefined {
  const L = r.lang;
  const w = r.words[i], prev = i - 1, next = p.end;
  const t = r.tokens[i];
  if (!p.fromWords) {
    // Model names and codes: «اس-300», «F-16», «A320», «5G».
    if ((r.words[prev] === '-' || r.words[prev] === '/') && t.glued && r.tokens[prev].glued && r.isWord(prev - 1)) return 'model';
    if (t.glued && r.isWord(prev) && /[a-z]/.test(r.words[prev])) return 'model';
    if (r.tokens[next]?.glued && r.isWord(next) && /^[a-z]/.test(r.words[next])) return 'model';
    // Phone numbers and codes: a leading zero, a plus sign, or a phone word before.
    if (/^0\d{2,}/.test(w) || (r.words[prev] === '+' && t.glued) || r.inSet(prev, L.phoneCues)) return 'phone';
    // Times: «10:30», «الساعة 10», «10 صباحا».
    if (r.words[next] === ':' && r.isNumber(next + 1)) return 'time';
    if (r.words[prev] === ':' && r.isNumber(prev - 1)) return 'time';
    // Dates: «7/10/2023», «2023-10-07».
    if ((r.words[next] === '/' || r.words[next] === '-') && r.tokens[next].glued && r.isNumber(next + 1) && r.tokens[next + 1].glued && !p.scaled) return 'date';
    if ((r.words[prev] === '/' || r.words[prev] === '-') && t.glued && r.isNumber(prev - 1) && r.tokens[prev].glued) return 'date';
  }
  let before = prev;
  while (before >= 0 && (BARE_CLITICS.has(r.words[before]) || r.words[before] === 'رقم')) before--;
  if (r.inSet(before, L.timeCues)) return 'time';
  if (r.inSet(before, L.clauseCues)) return 'clause';
  if (!p.scaled && !p.percent) {
    if (r.inSet(next, L.months) || r.inSet(prev, L.months)) return /^\d{4}$/.test(w) ? 'year' : 'date';
    if (r.inSet(next, L.timeSuffixes) && p.value <= 24 && !/^\d{4}$/.test(w)) return 'time';
    if (!p.fromWords && /^\d{4}$/.test(w) && p.value >= 1900 && p.value <= 2100) {
      if (r.inSet(before, L.yearCues) || r.inSet(next, L.yearSuffixes) || !r.isWord(next) ||
          r.inSet(next, L.stopwords) || r.inSet(next, L.months) || r.inSet(prev, L.stopwords)) return 'year';
    }
  }
  return undefined;
}

function extractFigures(r: Reader, sentenceOf: (tok: number) => number, sentTok: [number, number][], sourceCountToks: Set<number>, withContext: boolean): Figure[] {
  const L = r.lang;
  const out: Figure[] = [];
  let i = 0;
  while (i < r.tokens.length) {
    const p = parseNumberAt(r, i);
    if (!p) { i++; continue; }
    const s = sentenceOf(i);
    const [sStart, sEnd] = sentTok[s];
    const shared = sharedScale(r, p);
    if (shared) p.value *= shared;
    let kind: FigureKind = nonClaimKind(r, i, p) ?? (p.percent ? 'percent' : 'count');
    if (sourceCountToks.has(i)) kind = 'source-count';
    // Hedge: a phrase that ends right before the number.
    let hedge: HedgeKind | undefined, phraseTok = i;
    for (let j = i - 1; j >= Math.max(sStart, i - 5); j--) {
      const h = L.hedges.match(r.words, j, r.forms(j));
      if (h && j + h.length === i) { hedge = h.value; phraseTok = j; break; }
    }
    // The counted noun: after the number, skipping a partitive «من» («20 ألفًا من عناصر الأمن»).
    let k = p.end;
    let partitive = false;
    if (r.words[k] === 'من' && !shared) { partitive = true; k++; }
    const nounToks: number[] = [];
    for (let j = k; j < sEnd && nounToks.length < 3; j++) {
      if (r.isNumber(j) || (r.tokens[j].kind === 'punct' && !QUOTES.has(r.words[j]))) break;
      if (r.inSet(j, L.stopwords) && nounToks.length) break;
      if (r.isWord(j) && !BARE_CLITICS.has(r.words[j])) nounToks.push(j);
    }
    if (!hedge && nounToks.length) {
      for (const j of [p.end, nounToks[0] + 1]) {
        const h = L.hedgesAfter.match(r.words, j, r.forms(j));
        if (h) { hedge = h.value; break; }
      }
    }
    let measure: MeasureEntry | undefined, whole: string | undefined, group: string | undefined;
    const firstNoun = nounToks[0];
    const nounHit = firstNoun !== undefined && !(p.percent && partitive) ? r.measureAt(firstNoun)?.m : undefined;
    // The nearest event or counted noun before the figure («قتل أكثر من …», «أودى بحياة …»); units there
    // («اليوم الإضافي») name something else.
    let beforeHit: MeasureEntry | undefined;
    for (let j = phraseTok - 1; j >= Math.max(sStart, phraseTok - 7); j--) {
      if (r.isNumber(j)) break;
      const h = r.measureAt(j);
      if (h && h.m.type !== 'unit') { beforeHit = h.m; break; }
    }
    if (p.percent && partitive && firstNoun !== undefined) whole = r.stem(firstNoun);
    if (nounHit?.type === 'unit' && !(nounHit.id === 'duration' && beforeHit?.type === 'event')) measure = nounHit;
    else if (beforeHit?.type === 'event') {
      measure = beforeHit;
      if (nounHit && nounHit.type === 'noun') group = nounHit.id; // «قتل 5 أطفال»: killed, children
    } else if (nounHit) measure = nounHit;
    else if (beforeHit) measure = beforeHit;
    else {
      // An event named after the figure: «85% من سكان غزة إلى النزوح», «1.4 مليون فلسطيني عن ملجأ».
      for (let j = p.end; j < Math.min(sEnd, p.end + 8); j++) {
        if (r.isNumber(j)) break;
        const h = r.measureAt(j);
        if (h && h.m.type === 'event') { measure = h.m; break; }
      }
    }
    for (const j of nounToks.slice(0, 2)) {
      const g = L.groups.match(r.words, j, r.forms(j));
      if (g) { group = g.value; break; }
    }
    const places = new Set<string>();
    for (let j = Math.max(sStart, i - PLACE_WINDOW); j < Math.min(sEnd, p.end + PLACE_WINDOW); j++) {
      if (!r.isWord(j)) continue;
      const pl = L.places.match(r.words, j, r.forms(j));
      if (pl) places.add(pl.value);
    }
    const context: string[] = [];
    for (let j = Math.max(sStart, i - CONTEXT_WINDOW); withContext && j < Math.min(sEnd, p.end + CONTEXT_WINDOW); j++) {
      if ((j < phraseTok || j >= p.end) && r.isContent(j)) context.push(r.stem(j));
    }
    const range = r.orig(i, p.end - 1);
    let noun: string | undefined;
    if (firstNoun !== undefined && !r.inSet(firstNoun, L.genericNouns)) noun = r.stem(firstNoun);
    out.push({
      start: range.start, end: range.end, phraseStart: r.orig(phraseTok, phraseTok).start,
      value: p.value, hedge, kind, measure: measure?.id, group, places: [...places].sort(), whole, noun,
      sentence: s, context,
    });
    i = p.end;
  }
  return out;
}

function extractAttributions(r: Reader, sentTok: [number, number][]): { list: Attribution[]; countToks: Set<number> } {
  const L = r.lang;
  const list: Attribution[] = [];
  const countToks = new Set<number>();
  sentTok.forEach(([sStart, sEnd], s) => {
    let j = sStart;
    while (j < sEnd) {
      if (!r.isWord(j)) { j++; continue; }
      const v = L.attributionVerbs.match(r.words, j, r.forms(j));
      if (!v) { j++; continue; }
      let k = j + v.length, last = k - 1, unknown = 0, descriptor = false;
      const sources: SourceSpan[] = [];
      let count: Attribution['count'];
      while (k < sEnd && unknown <= 3) {
        const w = r.words[k];
        if (r.tokens[k].kind === 'punct') { if (QUOTES.has(w)) { k++; continue; } break; }
        if (w === 'ان' || w === 'انه' || w === 'انها' || w === 'بان' || w === 'بانه') break;
        if (BARE_CLITICS.has(w) || w === 'عن' || w === 'من' || w === 'بينهم') { k++; continue; }
        const src = L.sourceNames.match(r.words, k, r.forms(k));
        if (src) {
          const o = r.orig(k, k + src.length - 1);
          // «لبوليتيكو», «وللبنتاغون»: the span starts after the clitic, so a replacement keeps it.
          const clitic = r.words[k].length - src.form.length;
          sources.push({ id: src.value.id, start: r.n.starts[r.tokens[k].start + clitic], end: o.end });
          k += src.length; last = k - 1; unknown = 0; continue;
        }
        const d = L.descriptors.match(r.words, k, r.forms(k));
        if (d) { descriptor = true; k += d.length; last = k - 1; continue; }
        // Counted unnamed sources: «أربعة مسؤولين», «مسؤولين اثنين», «المسؤولون الأربعة».
        const anonKind = r.forms(k).map(f => L.anonymous.get(f)).find(Boolean);
        if (anonKind) {
          const after = parseNumberAt(r, k + 1, true);
          if (after && !count && !after.percent) {
            count = { n: after.value, kind: anonKind, ...r.orig(k, after.end - 1) };
            for (let x = k + 1; x < after.end; x++) countToks.add(x);
            k = after.end; last = k - 1; unknown = 0; continue;
          }
          k++; last = k - 1; descriptor = true; continue;
        }
        const num = parseNumberAt(r, k, true);
        if (num && !num.percent) {
          const at = r.words[num.end] === 'من' ? num.end + 1 : num.end; // «لاثنين من المسؤولين»
          const nk = r.forms(at).map(f => L.anonymous.get(f)).find(Boolean);
          if (nk) {
            if (!count) {
              count = { n: num.value, kind: nk, ...r.orig(k, at) };
              for (let x = k; x < num.end; x++) countToks.add(x);
            }
            k = at + 1; last = k - 1; unknown = 0; continue;
          }
          break;
        }
        const next = L.attributionVerbs.match(r.words, k, r.forms(k));
        // «ذكر موقع بوليتيكو نقلاً عن أربعة مسؤولين»: a relay continues the same chain.
        if (next?.value === 'relay' && (sources.length || descriptor)) { k += next.length; continue; }
        if (next) break;
        unknown++; k++;
      }
      if (sources.length || count || descriptor) {
        const o = r.orig(j, Math.max(j, last));
        const unique = sources.filter((x, idx) => sources.findIndex(y => y.id === x.id) === idx);
        list.push({ ...o, sentence: s, sources: unique, unresolved: !sources.length, count });
      }
      j = Math.max(j + v.length, last + 1);
    }
  });
  return { list, countToks };
}

/** `draft: false` (corpus articles) skips what only a draft's figures need: the context words of each figure. */
export function analyzeText(original: string, lang: Language, opts: { draft?: boolean } = {}): Analyzed {
  const r = new Reader(original, lang);
  const sents = splitSentences(r.n.text);
  // Token ranges per sentence.
  const sentTok: [number, number][] = [];
  const sentOfTok = new Int32Array(r.tokens.length);
  let t = 0;
  sents.forEach((s, idx) => {
    while (t < r.tokens.length && r.tokens[t].end <= s.start) { sentOfTok[t] = Math.max(0, idx - 1); t++; }
    const from = t;
    while (t < r.tokens.length && r.tokens[t].start < s.end) { sentOfTok[t] = idx; t++; }
    sentTok.push([from, t]);
  });
  const sentences: SentenceInfo[] = sents.map((s, idx) => {
    const [a, b] = sentTok[idx];
    const terms: string[] = [], termStarts: number[] = [];
    for (let k = a; k < b; k++) if (r.isContent(k)) { terms.push(r.stem(k)); termStarts.push(r.n.starts[r.tokens[k].start]); }
    return { ...toOriginal(r.n, s.start, s.end), terms, termStarts };
  });
  const { list: attributions, countToks } = extractAttributions(r, sentTok);
  const figures = extractFigures(r, tok => sentOfTok[tok], sentTok, countToks, opts.draft ?? true);
  return { text: original, sentences, figures, attributions };
}

export const CLAIM_KINDS: ReadonlySet<FigureKind> = new Set<FigureKind>(['count', 'percent']);
