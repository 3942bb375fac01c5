// A text as the figure and attribution readers see it: normalised, tokenised, with each word's clitic forms and
// light stem computed once. Offsets of tokens are into the normalised text; `orig` maps a token range back.
import { normalize, Normalized, toOriginal } from '../normalize';
import { tokenize, Token } from '../tokens';
import type { Language, MeasureEntry } from '../language';
import { stem, stripClitics } from '../stem';

export class Reader {
  readonly n: Normalized;
  readonly tokens: Token[];
  readonly words: string[];
  private readonly formsCache = new Map<number, string[]>();
  private readonly cueFormsCache = new Map<number, string[]>();
  private readonly stemCache = new Map<number, string>();

  /** @param today the article's date as a day number, for relative dates. */
  constructor(readonly original: string, readonly lang: Language, readonly today?: number) {
    this.n = normalize(original);
    this.tokens = tokenize(this.n.text);
    this.words = this.tokens.map(t => t.text);
  }

  /** The word at i and its forms without clitic prefixes («والقتلى» → قتلى …), for lexicon lookups. */
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
  isPunct(i: number) { return this.tokens[i]?.kind === 'punct'; }

  /** A word that carries meaning for matching: not a stopword, not a lone letter. */
  isContent(i: number) {
    const t = this.tokens[i];
    if (!t || t.kind !== 'word' || t.text.length < 2) return false;
    return !this.forms(i).some(f => this.lang.stopwords.has(f));
  }

  inSet(i: number, set: Set<string>) { return this.isWord(i) && this.forms(i).some(f => set.has(f)); }

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

  /** forms(i), and each without the accusative ending («قتيلا», «شخصا», «عاما» as «قتيل», «شخص», «عام») or an
   * object pronoun: for lexicons of counted nouns, units and events. */
  cueForms(i: number): string[] {
    let f = this.cueFormsCache.get(i);
    if (!f) {
      f = this.forms(i);
      // «طناً», «قتيلاً»: the accusative alef; «بسجنه», «أصابته»: an object pronoun.
      const bare = f.filter(x => x.length >= 3 && x.endsWith('ا')).map(x => x.slice(0, -1));
      const pronoun = f.flatMap(x => this.lang.pronounSuffixes.filter(p => x.length - p.length >= 3 && x.endsWith(p)).map(p => x.slice(0, -p.length)));
      if (bare.length || pronoun.length) f = [...f, ...bare, ...pronoun];
      this.cueFormsCache.set(i, f);
    }
    return f;
  }

  /** The measure a cue at token i names. A cue shared by several measures («نقطة») names the one whose context
   * words stand in the sentence `range` (an index's points next to «المؤشر»), else the one that needs none. */
  measureAt(i: number, range?: [number, number]): { m: MeasureEntry; len: number } | undefined {
    if (!this.isWord(i)) return undefined;
    const hit = this.lang.measureCues.match(this.words, i, this.cueForms(i));
    if (!hit) return undefined;
    const withContext = range && hit.value.find(m => m.context && this.sentenceHas(range, m.context));
    const m = withContext ?? hit.value.find(x => !x.context);
    return m ? { m, len: hit.length } : undefined;
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

/** The index of the first value ≥ x in the sorted list (its length when none). */
export function firstAtOrAfter(sorted: ArrayLike<number>, x: number): number {
  let lo = 0, hi = sorted.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (sorted[mid] < x) lo = mid + 1; else hi = mid; }
  return lo;
}
