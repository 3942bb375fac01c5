// A light Arabic stemmer for matching context words (not for linguistics): strips the article, clitic
// conjunctions/prepositions and common suffixes. Words whose first letter is a root letter that looks like a
// clitic (وزارة، وكالة، فلسطيني …) are protected: stemmers that strip them (snowball-arabic does) make
// «وزارة» match «زيارة».
import type { Language } from './language';

// Newsroom text repeats its vocabulary: stems and clitic forms are cached per word, per language data.
const MAX_CACHE = 300_000;
interface Caches { stems: Map<string, string>; forms: Map<string, string[]> }
const caches = new WeakMap<Language, Caches>();
let last: { lang: Language; c: Caches } | undefined; // nearly always the same language: skip the WeakMap

function cachesOf(lang: Language): Caches {
  if (last?.lang !== lang) {
    let c = caches.get(lang);
    if (!c) { c = { stems: new Map(), forms: new Map() }; caches.set(lang, c); }
    last = { lang, c };
  }
  const c = last.c;
  if (c.stems.size > MAX_CACHE) c.stems.clear();
  if (c.forms.size > MAX_CACHE) c.forms.clear();
  return c;
}

export function stem(word: string, lang: Language): string {
  const cache = cachesOf(lang).stems;
  let s = cache.get(word);
  if (s === undefined) { s = computeStem(word, lang); cache.set(word, s); }
  return s;
}

function computeStem(word: string, lang: Language): string {
  let w = word;
  // Long entries protect every word they start; three-letter roots (وقت، فرض) only the word itself and its
  // suffixed forms, or «وقتل» would keep its conjunction.
  const protectedFrom = (s: string) => lang.protectedPrefixes.some(p =>
    s.startsWith(p) && (p.length >= 4 || s.length === p.length || lang.suffixes.includes(s.slice(p.length))));
  if (!protectedFrom(w)) {
    let stripped = false;
    for (const p of lang.articlePrefixes) {
      if (w.startsWith(p) && w.length - p.length >= 2) { w = w.slice(p.length); stripped = true; break; }
    }
    if (!stripped && w.length >= 4 && lang.singlePrefixes.includes(w[0]) && !protectedFrom(w)) {
      const rest = w.slice(1);
      // «وال…» is handled above; a bare clitic is stripped only when what remains is still a plausible word.
      if (rest.length >= 3) w = rest.startsWith('ال') && rest.length >= 5 ? rest.slice(2) : rest;
    }
  }
  // Suffixes stack («فلسطينيين» → «فلسطيني» → «فلسطين» …): strip until none is left, so every form of a word
  // ends on the same stem.
  for (let pass = 0; pass < 4; pass++) {
    const s = lang.suffixes.find(x => w.endsWith(x) && w.length - x.length >= 3);
    if (!s) break;
    w = w.slice(0, w.length - s.length);
  }
  return w;
}

/** Strip only clitic prefixes (و، ب، ل، ال …) to look a word up in a lexicon of full forms. */
export function stripClitics(word: string, lang: Language): string[] {
  const cache = cachesOf(lang).forms;
  let f = cache.get(word);
  if (!f) { f = computeForms(word, lang); cache.set(word, f); }
  return f;
}

function computeForms(word: string, lang: Language): string[] {
  const forms = [word];
  for (const p of lang.articlePrefixes) if (word.startsWith(p) && word.length > p.length + 1) forms.push(word.slice(p.length));
  for (const p of lang.singlePrefixes) {
    if (word.startsWith(p) && word.length > 2) {
      const rest = word.slice(1);
      forms.push(rest);
      if (rest.startsWith('ال') && rest.length > 3) forms.push(rest.slice(2));
    }
  }
  return forms;
}
