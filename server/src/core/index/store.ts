// What the analysis needs from a corpus, as an interface: the in-memory/persisted index implements it, and a
// database-backed store can stand in for it. Records of articles and figures as the checks see them.
import { createHash } from 'crypto';
import type { Period } from '../read/time';
import type { Attribution, Figure, FigureKind } from '../read/read-text';
import type { EntityMention } from '../read/entities';

export interface ArticleMeta {
  key: string; file: string; id?: string; line?: number; title?: string; outlet?: string; outletId?: string;
  date?: string; url?: string; fingerprint: string;
}

/** A line of an article that names its publisher («المصدر: صدى البلد»), from that sentence on. */
export interface SectionOutlet { sentence: number; id?: string; name: string }

/** A corpus figure, materialised on demand: what the reader found (less the draft-only context words), with its
 * id and the index's sentence number. Offsets are into its article's text. */
export interface StoredFigure extends Omit<Figure, 'context'> { id: number }

export interface ArticleRecord {
  meta: ArticleMeta;
  firstSentence: number;
  sentenceCount: number;
  attributions: Attribution[];
  sectionOutlets: SectionOutlet[];
  alive: boolean;
  /** The text, when held in memory; otherwise read through the store's text source. */
  text?: string;
  /** Where the text lives in the persisted index's text blob. */
  blob?: { offset: number; length: number };
  /** Held by the shared archive (its file is on the machine that ingested it): opened through the server. */
  archived?: boolean;
  /** Named entities of the title: who an article is about when a sentence only says «اللاعب». */
  titleEntities?: EntityMention[];
  /** Light stems of the title's content words: what the story is about. */
  titleTerms?: string[];
  /** MinHash signature of its words, and the story it belongs to (the index of the first article of a set of
   * near-duplicates: one wire story in several outlets counts once). */
  signature?: number[];
  story?: number;
}

export interface SentenceHit { sentence: number; score: number }

/** What the same-fact judgement reads of a corpus sentence: its terms, its named entities, its article's day. */
export interface SentenceFacts {
  terms: string[];
  entities: EntityMention[];
  day?: number;
  /** What each figure of the sentence measures (and in what unit), where it stands among the terms, when it holds,
   * whether it is a running total, and its value. */
  figures: { measure?: string; unit?: string; termAt: number; when?: Period; running?: boolean; value: number }[];
  /** The entities and content words of the article's title. */
  titleEntities: EntityMention[];
  titleTerms: string[];
}

/** Who a corpus passage credits: named sources in it or next to it, and the outlet that relays it. */
export interface Credits { primary: string[]; relays: string[]; names: Map<string, string> }

export interface CandidateStore {
  readonly articleCount: number;
  article(key: string): ArticleRecord | undefined;
  articleText(a: ArticleRecord): string;
  /** The id of a word that is (or was) a term of some corpus sentence; -1 for any other string. */
  termId(term: string): number;
  idf(termId: number): number;
  /** How many sentences hold the term. */
  termDf(termId: number): number;
  /** BM25 over sentences, scored on the query's rarest terms (at most `terms`, each in at most `maxDfShare` of
   * the sentences once something matched). */
  search(query: Int32Array, k: number, opts?: { terms?: number; maxDfShare?: number }): SentenceHit[];
  /** Figures that may measure the same quantity as a draft figure with this key (see figureKey), less those
   * whose counted group or place rule them out. */
  figureCandidates(key: string, filter?: { group?: string; places?: string[]; sentence?: (s: number) => boolean }): number[];
  /** A test for "this sentence contains one of these terms" (built from the postings). */
  sentencesWithAny(terms: number[]): (sentence: number) => boolean;
  /** idf-weighted coverage of the query by the sentence's terms, and the sentence's BM25 score. */
  score(query: Map<number, number>, sentence: number): { coverage: number; bm25: number };
  figure(id: number): StoredFigure;
  factsOf(sentence: number): SentenceFacts;
  figureSentence(id: number): number;
  sentenceArticle(sentence: number): ArticleRecord;
  sentenceRange(sentence: number): { start: number; end: number };
  credits(sentence: number): Credits;
  isSelf(article: ArticleRecord, draftKey: string | undefined, draftFingerprint: string): boolean;
}

export function fingerprint(text: string): string {
  return createHash('sha1').update(text).digest('hex').slice(0, 16);
}

/** Two wholes or subjects of a percentage are the same when one says more of the other: «سكان أفغانستان» and
 * «سكان» (the country named elsewhere in the sentence), «المشاركة في الانتخابات» and «المشاركة». */
export function sameWhole(a: string | undefined, b: string | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long.startsWith(short + ' ');
}

/** What a figure is indexed under: its measure, or (without one) the first word of a percentage's whole (so
 * wholes sameWhole() calls the same meet) or the counted noun. */
export function figureKey(f: { kind: FigureKind; measure?: string; whole?: string; noun?: string }): string | undefined {
  if (f.measure) return `m:${f.measure}:${f.kind}`;
  if (f.kind === 'percent' && f.whole) return `w:${f.whole.split(' ')[0]}`;
  if (f.kind === 'count' && f.noun) return `n:${f.noun}`;
  return undefined;
}
