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
  private readonly stemCache = new Map<number, string>();

  constructor(readonly original: string, readonly lang: Language) {
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

  /** Original range of the tokens fromTok..toTok (inclusive). */
  orig(fromTok: number, toTok: number) {
    return toOriginal(this.n, this.tokens[fromTok].start, this.tokens[toTok].end);
  }

  /** Original offset where token i starts. */
  origStart(i: number) { return this.n.starts[this.tokens[i].start]; }

  measureAt(i: number): { m: MeasureEntry; len: number } | undefined {
    if (!this.isWord(i)) return undefined;
    const hit = this.lang.measureCues.match(this.words, i, this.forms(i));
    return hit ? { m: hit.value, len: hit.length } : undefined;
  }
}
