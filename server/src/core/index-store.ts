// The corpus index: every article read once into sentences (as term ids), figures and attributions, with an
// inverted index over sentences for BM25 retrieval. The analysis only talks to the CandidateStore interface,
// so a database-backed store can stand in for this in-memory one.
import { createHash } from 'crypto';
import type { CorpusArticle } from './corpus-loader';
import { analyzeText, Analyzed, Figure, Attribution } from './extract';
import type { Language } from './language';
import { norm } from './normalize';

export interface ArticleMeta {
  key: string; file: string; id?: string; line?: number; title?: string; outlet?: string; outletId?: string;
  date?: string; url?: string; fingerprint: string;
}

export interface StoredFigure extends Omit<Figure, 'context'> { context: Int32Array }

export interface StoredArticle {
  meta: ArticleMeta;
  text: string;
  /** Global id of the article's first sentence; its sentences are consecutive. */
  firstSentence: number;
  sentenceRanges: Int32Array; // start,end pairs (original offsets)
  figures: StoredFigure[];
  attributions: Attribution[];
  /** Sentence index → the outlet that publishes that part of the text (an «المصدر:» or agency line above it). */
  sectionOutlets: { sentence: number; id?: string; name: string }[];
  alive: boolean;
}

export interface SentenceHit { sentence: number; score: number }

/** Who a corpus passage credits: named sources in it or next to it, and the outlet that relays it. */
export interface Credits { primary: string[]; relays: string[]; names: Map<string, string> }

export interface CandidateStore {
  readonly articleCount: number;
  article(key: string): StoredArticle | undefined;
  termId(term: string): number;
  idf(termId: number): number;
  search(query: Int32Array, k: number): SentenceHit[];
  sentenceArticle(sentence: number): StoredArticle;
  sentenceTerms(sentence: number): Int32Array;
  figuresOf(sentence: number): StoredFigure[];
  attributionsOf(sentence: number): Attribution[];
  credits(sentence: number): Credits;
  isSelf(article: StoredArticle, draftKey: string | undefined, draftFingerprint: string): boolean;
}

export function fingerprint(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 16);
}

const K1 = 1.2, B = 0.75;

export class MemoryIndex implements CandidateStore {
  private readonly terms = new Map<string, number>();
  private readonly df: number[] = [];
  private readonly postings: number[][] = [];
  private readonly sentTerms: Int32Array[] = [];
  private readonly sentArticle: number[] = [];
  private readonly articles: StoredArticle[] = [];
  private readonly byKey = new Map<string, number>();
  private liveSentences = 0;
  private totalLength = 0;

  constructor(readonly lang: Language) {}

  get articleCount() { return this.byKey.size; }
  get sentenceCount() { return this.liveSentences; }
  allArticles(): StoredArticle[] { return this.articles.filter(a => a.alive); }
  article(key: string): StoredArticle | undefined { const i = this.byKey.get(key); return i === undefined ? undefined : this.articles[i]; }

  termId(term: string): number { return this.terms.get(term) ?? -1; }
  private internTerm(term: string): number {
    let id = this.terms.get(term);
    if (id === undefined) { id = this.df.length; this.terms.set(term, id); this.df.push(0); this.postings.push([]); }
    return id;
  }

  idf(termId: number): number {
    const n = Math.max(1, this.liveSentences);
    const df = termId >= 0 ? this.df[termId] : 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** Adds or replaces an article; returns false when it was already indexed unchanged. */
  add(a: CorpusArticle, analyzed?: Analyzed): boolean {
    const fp = fingerprint(a.text);
    const old = this.byKey.get(a.key);
    if (old !== undefined) {
      if (this.articles[old].meta.fingerprint === fp && this.articles[old].alive) return false;
      this.remove(a.key);
    }
    const an = analyzed ?? analyzeText(a.text, this.lang);
    const first = this.sentTerms.length;
    const idx = this.articles.length;
    const ranges = new Int32Array(an.sentences.length * 2);
    an.sentences.forEach((s, i) => {
      const ids = new Int32Array(s.terms.length);
      const seen = new Set<number>();
      s.terms.forEach((t, k) => {
        const id = this.internTerm(t);
        ids[k] = id;
        if (!seen.has(id)) { seen.add(id); this.df[id]++; this.postings[id].push(first + i); }
      });
      this.sentTerms.push(ids);
      this.sentArticle.push(idx);
      this.totalLength += ids.length;
      ranges[i * 2] = s.start; ranges[i * 2 + 1] = s.end;
    });
    this.liveSentences += an.sentences.length;
    const sectionOutlets = detectOutlets(a, an, this.lang);
    const outlet = a.outlet ?? sectionOutlets[0]?.name;
    const outletId = outlet ? this.lang.sourceNames.match(norm(outlet).split(' '), 0)?.value.id : undefined;
    this.articles.push({
      meta: { key: a.key, file: a.file, id: a.id, line: a.line, title: a.title ?? firstLine(a.text), outlet, outletId, date: a.date, url: a.url, fingerprint: fp },
      text: a.text, firstSentence: first, sentenceRanges: ranges,
      figures: an.figures.map(f => ({ ...f, context: Int32Array.from(f.context.map(t => this.internTerm(t))) })),
      attributions: an.attributions, sectionOutlets, alive: true,
    });
    this.byKey.set(a.key, idx);
    return true;
  }

  remove(key: string): boolean {
    const idx = this.byKey.get(key);
    if (idx === undefined) return false;
    const a = this.articles[idx];
    a.alive = false;
    const n = a.sentenceRanges.length / 2;
    for (let i = 0; i < n; i++) {
      const s = a.firstSentence + i;
      const seen = new Set<number>();
      for (const t of this.sentTerms[s]) if (!seen.has(t)) { seen.add(t); this.df[t]--; }
      this.totalLength -= this.sentTerms[s].length;
      this.sentTerms[s] = new Int32Array(0);
    }
    this.liveSentences -= n;
    this.byKey.delete(key);
    return true;
  }

  search(query: Int32Array, k: number): SentenceHit[] {
    const avg = this.totalLength / Math.max(1, this.liveSentences);
    const scores = new Map<number, number>();
    const seen = new Set<number>();
    for (const t of query) {
      if (t < 0 || seen.has(t)) continue;
      seen.add(t);
      const idf = this.idf(t);
      for (const s of this.postings[t]) {
        const len = this.sentTerms[s].length;
        if (!len) continue; // removed
        scores.set(s, (scores.get(s) ?? 0) + idf * (K1 + 1) / (1 + K1 * (1 - B + B * len / avg)));
      }
    }
    const hits: SentenceHit[] = [];
    for (const [sentence, score] of scores) hits.push({ sentence, score });
    hits.sort((a, b) => b.score - a.score || a.sentence - b.sentence);
    return hits.slice(0, k);
  }

  sentenceArticle(s: number) { return this.articles[this.sentArticle[s]]; }
  sentenceTerms(s: number) { return this.sentTerms[s]; }
  figuresOf(s: number) {
    const a = this.sentenceArticle(s);
    const local = s - a.firstSentence;
    return a.figures.filter(f => f.sentence === local);
  }
  attributionsOf(s: number) {
    const a = this.sentenceArticle(s);
    const local = s - a.firstSentence;
    return a.attributions.filter(x => x.sentence === local);
  }

  credits(s: number): Credits {
    const a = this.sentenceArticle(s);
    return articleCredits(a, s - a.firstSentence, this.lang);
  }

  isSelf(a: StoredArticle, draftKey: string | undefined, draftFingerprint: string) {
    return a.meta.fingerprint === draftFingerprint || (draftKey !== undefined && a.meta.key === draftKey);
  }
}

/** How far (in sentences) an unnamed «ذكرت الصحيفة» or an unattributed sentence looks for the outlet it
 * belongs to: a report usually names its source once and then refers back. */
const CREDIT_REACH = 3;

export function articleCredits(a: StoredArticle, local: number, lang: Language): Credits {
  const names = new Map<string, string>();
  const primary = new Set<string>();
  const here = a.attributions.filter(x => x.sentence === local);
  for (const x of here) for (const s of x.sources) primary.add(s.id);
  if (!primary.size) {
    // Nearest named source, preferring the sentences before.
    for (let d = 1; d <= CREDIT_REACH && !primary.size; d++) {
      for (const at of [local - d, local + d]) {
        for (const x of a.attributions) if (x.sentence === at) for (const s of x.sources) {
          const kind = lang.sources.get(s.id)?.kind;
          if (kind === 'outlet' || kind === 'agency') primary.add(s.id);
        }
        if (primary.size) break;
      }
    }
  }
  const relays = new Set<string>();
  let section: StoredArticle['sectionOutlets'][number] | undefined;
  for (const o of a.sectionOutlets) if (o.sentence <= local) section = o;
  section ??= a.sectionOutlets[0];
  if (section) { relays.add(section.id ?? section.name); if (!section.id) names.set(section.name, section.name); }
  else if (a.meta.outletId || a.meta.outlet) relays.add(a.meta.outletId ?? a.meta.outlet!);
  for (const id of [...primary, ...relays]) if (!names.has(id)) names.set(id, lang.sources.get(id)?.ar ?? id);
  return { primary: [...primary], relays: [...relays].filter(r => !primary.has(r)), names };
}

function firstLine(text: string): string | undefined {
  const l = text.split(/\r?\n/).find(x => x.trim());
  return l ? l.trim().slice(0, 160) : undefined;
}

/** Lines that name the publisher: «المصدر: صدى البلد», or a line that is nothing but an outlet's name. */
function detectOutlets(a: CorpusArticle, an: Analyzed, lang: Language): StoredArticle['sectionOutlets'] {
  const out: StoredArticle['sectionOutlets'] = [];
  if (a.outlet) {
    const id = lang.sourceNames.match(norm(a.outlet).split(' '), 0)?.value.id;
    out.push({ sentence: 0, id, name: a.outlet });
  }
  an.sentences.forEach((s, i) => {
    const line = a.text.slice(s.start, s.end).trim();
    if (line.length > 60) return;
    let name = line;
    for (const p of lang.outletLinePrefixes) {
      if (line.startsWith(p)) { name = line.slice(p.length).replace(/^[\s:]+/, '').trim(); break; }
    }
    const words = norm(name).split(' ');
    const hit = lang.sourceNames.match(words, 0);
    const prefixed = name !== line;
    if (hit && hit.length === words.length) out.push({ sentence: i, id: hit.value.id, name: hit.value.ar });
    else if (prefixed && name && words.length <= 5) out.push({ sentence: i, name });
  });
  return out;
}
