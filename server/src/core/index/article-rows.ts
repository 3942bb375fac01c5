// What a corpus article becomes in an index, as plain rows: its record (meta, attributions, publisher lines, title
// facts), its sentences (terms, entities) and its figures (every field the reader gives, less the draft-only
// context words). The in-memory index and the shared PostgreSQL archive both store exactly these rows, so a field
// the reader adds reaches both stores from this one place.
import type { CorpusArticle } from '../corpus/loader';
import type { Reading, Figure, Attribution } from '../read/read-text';
import { readTitle, EntityMention } from '../read/entities';
import type { Language } from '../language';
import { detectOutlets, firstLine, outletId } from './credits';
import { ArticleMeta, SectionOutlet, fingerprint } from './store';
import { signature } from './near-duplicates';

export interface SentenceRow {
  start: number;
  end: number;
  /** Light stems of the content words, in order. */
  terms: string[];
  entities: EntityMention[];
}

/** A corpus figure as stored: the reader's figure without its context words; `sentence` is the sentence's
 * position in its article. */
export type FigureRow = Omit<Figure, 'context'>;

export interface ArticleRows {
  meta: ArticleMeta;
  sentences: SentenceRow[];
  /** In index order: sentence by sentence, and within a sentence in reading order. */
  figures: FigureRow[];
  attributions: Attribution[];
  sectionOutlets: SectionOutlet[];
  titleEntities?: EntityMention[];
  titleTerms?: string[];
  /** MinHash signature of the article's words: near-duplicates (one wire story in several outlets) are one story. */
  signature: number[];
}

/** The figure without its context words (only a draft's figures have them). */
function figureRow(f: Figure): FigureRow {
  const { context: _context, ...row } = f;
  return row;
}

/** Figures grouped under their sentences, in sentence order (a figure outside every sentence is not kept). */
function figuresInSentenceOrder(r: Reading): FigureRow[] {
  const bySentence: Figure[][] = r.sentences.map(() => []);
  for (const f of r.figures) bySentence[f.sentence]?.push(f);
  return bySentence.flat().map(figureRow);
}

export function articleRows(a: CorpusArticle, r: Reading, lang: Language): ArticleRows {
  const sectionOutlets = detectOutlets(a, r, lang);
  const outlet = a.outlet ?? sectionOutlets[0]?.name;
  const title = a.title ?? firstLine(a.text);
  const meta: ArticleMeta = {
    key: a.key, file: a.file, id: a.id, line: a.line, title, outlet, outletId: outlet ? outletId(outlet, lang) : undefined,
    date: a.date, url: a.url, fingerprint: fingerprint(a.text),
  };
  const t = title ? readTitle(title, lang, a.title !== undefined) : undefined;
  return {
    meta,
    sentences: r.sentences.map(s => ({ start: s.start, end: s.end, terms: s.terms, entities: s.entities })),
    figures: figuresInSentenceOrder(r),
    attributions: r.attributions,
    sectionOutlets,
    ...(t ? { titleEntities: t.entities, titleTerms: t.terms } : {}),
    signature: signature(r.sentences.flatMap(s => s.terms)),
  };
}

/** The stretch of an article's text that passages from one sentence show: the sentence, and the wording of its
 * figures and attributions (a store that keeps texts by sentence keeps this much). */
export function sentenceSpan(s: { start: number; end: number }, figures: Pick<FigureRow, 'phraseStart' | 'start' | 'end'>[], attributions: Attribution[]): { start: number; end: number } {
  let start = s.start, end = s.end;
  const cover = (a: number, b: number) => { start = Math.min(start, a); end = Math.max(end, b); };
  for (const f of figures) cover(Math.min(f.phraseStart, f.start), f.end);
  for (const a of attributions) {
    cover(a.start, a.end);
    if (a.count) cover(a.count.start, a.count.end);
    for (const src of a.sources) cover(src.start, src.end);
  }
  return { start, end };
}
