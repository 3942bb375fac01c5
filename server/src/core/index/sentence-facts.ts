// What the same-fact judgement reads of a corpus sentence (SentenceFacts), built in one place from a sentence's
// rows and its article's record, whichever store holds them: the in-memory index and the prefetched store of the
// shared archive must answer factsOf() identically.
import type { EntityMention } from '../read/entities';
import { isoDay } from '../read/time';
import type { ArticleRecord, SentenceFacts, StoredFigure } from './store';

/** `figures`: every figure of the sentence, in index order. */
export function sentenceFacts(terms: string[], entities: EntityMention[], figures: Pick<StoredFigure, 'measure' | 'unit' | 'termAt' | 'when' | 'running' | 'value'>[], article: ArticleRecord): SentenceFacts {
  return {
    terms, entities, figures: figures.map(f => ({ measure: f.measure, unit: f.unit, termAt: f.termAt, when: f.when, running: f.running, value: f.value })),
    day: isoDay(article.meta.date), titleEntities: article.titleEntities ?? [], titleTerms: article.titleTerms ?? [],
  };
}
