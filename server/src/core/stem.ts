// A light Arabic stemmer for matching context words (not for linguistics): strips the article, clitic
// conjunctions/prepositions, common suffixes and the feminine ت a suffix or a verb leaves («زيارته», «قالت»).
// Words whose first letter is a root letter that looks like a clitic (وزارة، وكالة، فلسطيني …) are protected:
// stemmers that strip them (snowball-arabic does) make «وزارة» match «زيارة».
import type { Language } from './language';
import { wordMemo } from './word-memo';

export const stem = wordMemo(computeStem);

function computeStem(word: string, lang: Language): string {
  let w = word;
  // Long entries protect every word they start; three-letter roots (وقت، فرض) only the word itself and its
  // suffixed forms, or «وقتل» would keep its conjunction.
  const protectedFrom = (s: string) => lang.protectedPrefixes.some(p =>
    s.startsWith(p) && (p.length >= 4 || s.length === p.length || lang.suffixes.includes(s.slice(p.length))));
  // A name after its clitics is the name, whatever its first letter looks like: «لليفربول» and «ليفربول», «ببرلين»
  // and «برلين» are one word. Only the name itself: «بالوان» is no «بالو» (Palu), «كيانا» no «كيا».
  const name = stripClitics(w, lang).find(f => lang.protectedNames.has(f));
  if (name) w = name;
  else if (!protectedFrom(w)) {
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
  // «زيارته» and «زيارة», «عبوتين» and «عبوة», «تسببت» and «تسبب»: the ta marbuta before a suffix and the verb's
  // feminine ending are the same word's (a name's ت is its own: «برنت»).
  const fem = lang.feminineEnding;
  if (!name && w.length >= fem.minLength && w.endsWith(fem.letter)) w = w.slice(0, -fem.letter.length);
  return w;
}

/** Strip only clitic prefixes (و، ب، ل، ال …) to look a word up in a lexicon of full forms. */
export const stripClitics = wordMemo(computeForms);

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

/** stripClitics(word), and each form without the accusative ending («قتيلا», «شخصا», «عاما» as «قتيل», «شخص»,
 * «عام») or an object pronoun («بسجنه», «أصابته»): for lexicons of counted nouns, units and events. */
export const cueForms = wordMemo((word, lang) => computeCueForms(stripClitics(word, lang), lang));

/** stripClitics(word), and each form without the accusative ending: for names in the gazetteer, which take no
 * object pronoun — «غرامة مالية» (normalised «ماليه») is not Mali with a pronoun «ه». A name spelt with the article
 * («الجزائر», «السيسي») after the preposition ل loses the article's alif («للجزائر», «وللسيسي»): the form with the
 * article back is the gazetteer's. */
export const nameForms = wordMemo((word, lang) => {
  const forms = stripClitics(word, lang), bare = withoutAccusative(forms);
  const out = bare.length ? [...forms, ...bare] : forms;
  for (const [p, article] of lang.contractedArticles) if (word.startsWith(p) && word.length > p.length + 1) return [...out, article + word.slice(p.length)];
  return out;
});

/** cueForms(word) for the noun right after a number: never a conjunction taken off, since a counted noun does not
 * take one — «وفر» after «عشرات الآلاف» is «and fled», not refugees; «3 فناجين» are not survivors («ناجين»). */
export const nounCueForms = wordMemo((word, lang) =>
  lang.conjunctions.some(c => word.startsWith(c)) ? computeCueForms([word], lang) : cueForms(word, lang));

const listStems = new WeakMap<string[], Set<string>>();
/** The stems of the words of a word list of the language data (phrases split into words), worked out once per list. */
export function stemsOf(list: string[], lang: Language): Set<string> {
  let set = listStems.get(list);
  if (!set) { set = new Set(list.flatMap(w => w.split(' ')).map(w => stem(w, lang))); listStems.set(list, set); }
  return set;
}

/** «قتيلا», «طناً» as «قتيل», «طن»: each form that ends in the accusative alef, without it. */
function withoutAccusative(forms: string[]): string[] {
  let out: string[] | undefined;
  for (const x of forms) if (x.length >= 3 && x.endsWith('ا')) (out ??= []).push(x.slice(0, -1));
  return out ?? NONE;
}
const NONE = Object.freeze([]) as unknown as string[];

// Loops rather than filter and map: every new word of a draft comes here, and most add no form.
function computeCueForms(forms: string[], lang: Language): string[] {
  const bare = withoutAccusative(forms);
  // A word with the article takes no possessive pronoun: the «ه» of «العامة» (normalised «العامه») is its ta
  // marbuta, and «العامة» is no «عام».
  const definite = forms.some(x => x.startsWith(lang.article) && x.length > lang.article.length + 2);
  const pronoun: string[] = [];
  if (!definite) for (const x of forms) for (const p of lang.pronounSuffixes) if (x.length - p.length >= 3 && x.endsWith(p)) pronoun.push(x.slice(0, -p.length));
  // A plural in construct drops its «ن»: «موظفي الوزارة», «عدد موظفيها» are «موظفين».
  const construct: string[] = [];
  for (const x of forms) if (x.length >= 4 && x.endsWith('ي')) construct.push(x + 'ن');
  for (const x of pronoun) if (x.length >= 4 && x.endsWith('ي')) construct.push(x + 'ن');
  return bare.length || pronoun.length || construct.length ? [...forms, ...bare, ...pronoun, ...construct] : forms;
}
