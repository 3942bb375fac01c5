// A text as the figure and attribution readers see it: normalised, tokenised, with each word's clitic forms and
// light stem computed once. Offsets of tokens are into the normalised text; `orig` maps a token range back.
import { normalize, Normalized, toOriginal } from '../normalize';
import { tokenize, Token } from '../tokens';
import type { Language, MeasureEntry, PhraseTable } from '../language';
import { stem, stripClitics, cueForms, nounCueForms, nameForms } from '../stem';
import { vocabularyOf, Vocabulary, WordMemo, wordTest } from '../word-memo';

export class Reader {
  readonly n: Normalized;
  readonly tokens: Token[];
  readonly words: string[];
  /** Each word token's id in the vocabulary (-1 for numbers and punctuation): word-level values are read by it. */
  private readonly vocab: Vocabulary;
  private readonly ids: Int32Array;

  /** @param today the article's date as a day number, for relative dates. */
  constructor(readonly original: string, readonly lang: Language, readonly today?: number) {
    this.n = normalize(original);
    this.tokens = tokenize(this.n.text);
    // Pushed, not mapped: the engine's compiled map() makes a holey array where the interpreter's makes a packed
    // one, and code compiled for one kind of words array is thrown away when the other arrives.
    this.words = [];
    for (const t of this.tokens) this.words.push(t.text);
    this.vocab = vocabularyOf(lang);
    this.ids = new Int32Array(this.tokens.length);
    for (let i = 0; i < this.tokens.length; i++) this.ids[i] = this.tokens[i].kind === 'word' ? this.vocab.idIn(this.n.text, this.tokens[i].start, this.tokens[i].end) : -1;
  }

  /** fn of the word at i (computed once per word); undefined when i is not a word. */
  word<T>(fn: WordMemo<T>, i: number): T | undefined {
    const id = this.idAt(i);
    return id < 0 ? undefined : fn.at(this.vocab, id, this.words[i]);
  }

  /** The word at i and its forms without clitic prefixes («والقتلى» → قتلى …), for lexicon lookups. */
  forms(i: number): string[] {
    return this.word(stripClitics, i) ?? [this.words[i] ?? ''];
  }

  stem(i: number): string {
    return this.word(stem, i) ?? stem(this.words[i], this.lang);
  }

  /** The longest phrase of `table` at token i, its first word in any clitic form. */
  phraseAt<T>(table: PhraseTable<T>, i: number): ReturnType<PhraseTable<T>['match']> {
    if (this.isWord(i)) return this.inSet(i, table) ? table.match(this.words, i, this.forms(i)) : undefined;
    return i >= 0 && i < this.tokens.length ? table.match(this.words, i) : undefined;
  }

  /** The vocabulary id of the word at i; -1 for anything else, before the first token or past the last. Readers
   * look one word beyond a sentence's ends all the time: asked by an index the array does not hold, the engine
   * throws away the compiled caller (and the long loops it is inlined into) to compile it again. */
  private idAt(i: number): number { return i >= 0 && i < this.ids.length ? this.ids[i] : -1; }

  isWord(i: number) { return i >= 0 && i < this.tokens.length && this.tokens[i].kind === 'word'; }
  isNumber(i: number) { return i >= 0 && i < this.tokens.length && this.tokens[i].kind === 'number'; }
  isPunct(i: number) { return i >= 0 && i < this.tokens.length && this.tokens[i].kind === 'punct'; }

  /** A word that carries meaning for matching: not a stopword, not a lone letter. */
  isContent(i: number): boolean {
    return this.word(contentWord, i) === true;
  }

  /** Whether one of the clitic forms of the word at i is in `list` (a phrase table: starts one of its phrases), by
   * the word's mask for the language data's lists (see WordLists); a list of a caller's own is asked directly. */
  inSet(i: number, list: Set<string> | PhraseTable<unknown>): boolean {
    const id = this.idAt(i);
    return id >= 0 && this.lang.wordLists.holds(this.vocab, id, this.words[i], list);
  }

  private contentPrefix?: Int32Array;
  /** How many content words (isContent) are among tokens from..to-1: from a running count made once, so a
   * figure in a sentence of a million words costs no more than one in a short one. */
  contentBetween(from: number, to: number): number {
    if (!this.contentPrefix) {
      const p = new Int32Array(this.tokens.length + 1);
      for (let j = 0; j < this.tokens.length; j++) p[j + 1] = p[j] + (this.isContent(j) ? 1 : 0);
      this.contentPrefix = p;
    }
    return to <= from ? 0 : this.contentPrefix[to] - this.contentPrefix[from];
  }

  private readonly positions = new Map<string, Int32Array>();
  /** The tokens where `test` holds, in order (made once per name): commas, comparison markers… */
  tokensWhere(name: string, test: (j: number) => boolean): Int32Array {
    let out = this.positions.get(name);
    if (!out) {
      const found: number[] = [];
      for (let j = 0; j < this.tokens.length; j++) if (test(j)) found.push(j);
      out = Int32Array.from(found);
      this.positions.set(name, out);
    }
    return out;
  }

  /** A clause break: a comma or a semicolon. */
  isClauseBreak(j: number) { return this.isPunct(j) && /[،,؛;]/.test(this.words[j]); }

  /** The clause around token `tok` within lo..hi (between the commas and semicolons), as a token range. */
  clauseAround(tok: number, lo: number, hi: number): [number, number] {
    const breaks = this.tokensWhere('clause breaks', j => this.isClauseBreak(j));
    const k = firstAtOrAfter(breaks, tok);
    const before = k > 0 ? breaks[k - 1] : -1, after = k < breaks.length ? breaks[k] : this.tokens.length;
    return [tok > lo ? Math.max(lo, before + 1) : tok, tok < hi ? Math.min(hi, after) : tok];
  }

  /** Original range of the tokens fromTok..toTok (inclusive). */
  orig(fromTok: number, toTok: number) {
    return toOriginal(this.n, this.tokens[fromTok].start, this.tokens[toTok].end);
  }

  /** Original offset where token i starts. */
  origStart(i: number) { return this.n.starts[this.tokens[i].start]; }

  /** forms(i), and each without the accusative ending or an object pronoun (see cueForms in stem.ts). */
  cueForms(i: number): string[] {
    return this.word(cueForms, i) ?? this.forms(i);
  }

  /** The measure a cue at token i names. A cue shared by several measures («نقطة») names the one whose context
   * words stand in the sentence `range` (an index's points next to «المؤشر»), else the one that needs none. */
  measureAt(i: number, range?: [number, number], forms?: string[]): { m: MeasureEntry; len: number } | undefined {
    // Most words start no cue, and are told so once per word (every form of a noun's is one of its cue forms).
    if (!this.word(startsMeasure, i)) return undefined;
    const hit = this.lang.measureCues.match(this.words, i, forms ?? this.cueForms(i));
    if (!hit) return undefined;
    const withContext = range && hit.value.find(m => m.context && this.sentenceHas(range, m.context));
    const m = withContext ?? hit.value.find(x => !x.context);
    // «تقدمت 13 مركزا ليصبح تصنيفها 11»: places in a ranking.
    if (m && range && this.inSet(i, this.lang.rankNouns) && this.sentenceHas(range, this.lang.rankWords)) return undefined;
    return m ? { m, len: hit.length } : undefined;
  }

  /** The longest name of the gazetteer at token i, its first word in any of its name forms (see nameForms). */
  nameAt(i: number) {
    return this.word(startsName, i) ? this.lang.entities.match(this.words, i, this.word(nameForms, i)) : undefined;
  }

  /** measureAt for the noun a number counts: its forms never drop a conjunction (see nounCueForms). */
  nounMeasureAt(i: number, range?: [number, number]) {
    return this.measureAt(i, range, this.word(nounCueForms, i));
  }

  private readonly contextCache = new Map<string, boolean>();
  private sentenceHas(range: [number, number], words: string[]): boolean {
    const key = `${range[0]}:${words[0]}`;
    let v = this.contextCache.get(key);
    if (v === undefined) {
      const set = new Set(words);
      v = false;
      for (let j = range[0]; j < range[1] && !v; j++) v = this.isWord(j) && this.forms(j).some(f => set.has(f));
      this.contextCache.set(key, v);
    }
    return v;
  }
}


/** The closing mark of each quote or bracket that opens a name. */
const CLOSERS: Record<string, string> = { '(': ')', '"': '"', '«': '»' };
/** Whether one word and the number at token i (its last token before `end`) stand alone in quotes or brackets:
 * «(أوروبا 1)», «"قيام 1"», «"متحدون 2026"», «"رؤية 2030"» name something (a channel, a missile, a bid, a plan). */
export function aloneInQuotes(reader: Reader, i: number, end: number): boolean {
  const closer = CLOSERS[reader.words[i - 2]];
  return !!closer && reader.words[end] === closer && reader.isWord(i - 1);
}

/** Quotes, brackets and dashes: around a name or a number, or between a number and its counted noun, they are not
 * words of their own. */
export const QUOTES = new Set(['"', "'", '“', '”', '(', ')', '«', '»', '‘', '’', '-', '–']);

const startsMeasure = wordTest((word, lang) => cueForms(word, lang).some(f => lang.measureCues.starts(f)));
const startsName = wordTest((word, lang) => nameForms(word, lang).some(f => lang.entities.starts(f)));

const contentWord = wordTest((word, lang) => word.length >= 2 && !stripClitics(word, lang).some(f => lang.stopwords.has(f)));

/** The index of the first value ≥ x in the sorted list (its length when none). */
export function firstAtOrAfter(sorted: ArrayLike<number>, x: number): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (sorted[mid] < x) lo = mid + 1; else hi = mid; }
  return lo;
}
