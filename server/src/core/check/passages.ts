// Corpus passages as the editor sees them: the sentence (cut around its mark when long), who it credits, and
// where it comes from; and the small text helpers the checks share.
import type { CandidateStore } from '../index/store';
import type { Passage, Span, Stance } from './result';
import { message, Locale } from '../messages';
import { stripInvisible } from '../citation';

const EXCERPT_MAX = 320;

/** The sentence [start, end) of `text`, cut to EXCERPT_MAX characters around the mark, with the mark's offsets
 * inside the excerpt. */
export function excerpt(text: string, start: number, end: number, mark?: Span): Passage['excerpt'] {
  let from = start, to = end;
  if (end - start > EXCERPT_MAX) {
    const centre = mark ? mark.start : start;
    from = Math.max(start, Math.min(centre - EXCERPT_MAX / 2, end - EXCERPT_MAX));
    to = Math.min(end, from + EXCERPT_MAX);
  }
  const lead = from > start ? '…' : '';
  const body = lead + text.slice(from, to) + (to < end ? '…' : '');
  const inside = mark && mark.start >= from && mark.end <= to
    ? { start: mark.start - from + lead.length, end: mark.end - from + lead.length } : undefined;
  return { text: body, mark: inside };
}

/** The passage for corpus sentence `sentence`. */
export function makePassage(store: CandidateStore, sentence: number, score: number, stance: Stance, mark?: Span, extra: Partial<Passage> = {}): Passage {
  const article = store.sentenceArticle(sentence);
  const { start, end } = store.sentenceRange(sentence);
  const credits = store.credits(sentence);
  return {
    article: article.meta, start, end, mark: mark && { start: mark.start, end: mark.end },
    excerpt: excerpt(store.articleText(article), start, end, mark), stance,
    credits: [...credits.primary, ...credits.relays].map(id => credits.names.get(id) ?? id), score, ...extra,
  };
}

/** A short name for where a passage comes from: its credited source, its outlet, or its title. */
/** Whom a passage is from, for a message: the source it credits, else its outlet; never its title or first
 * sentence standing in for a publisher («مصدر غير معروف»). */
export function sourceLabel(p: Passage, locale: Locale = 'ar'): string {
  const t = stripInvisible(p.credits[0] ?? (p.article.outlet?.trim() || message(locale, 'unknownOutlet')));
  return t.length > 48 ? t.slice(0, 47) + '…' : t;
}

/** Newest first; among passages of one date, the best match first. */
export function byDateThenScore<T extends { p: Passage }>(xs: T[]): T[] {
  return [...xs].sort((a, b) => (b.p.article.date ?? '').localeCompare(a.p.article.date ?? '') || b.p.score - a.p.score);
}

const CLAUSE_END = /[،,؛;.!?؟\r\n]/g;

/** Where a clause ends: the next comma, semicolon or sentence end after `from`. */
export function clauseEnd(text: string, from: number): number {
  CLAUSE_END.lastIndex = from;
  const m = CLAUSE_END.exec(text);
  let at = m ? m.index : text.length;
  while (at > from && /\s/.test(text[at - 1])) at--;
  return at;
}
