// What a check asked of a prefetched store that was not fetched: recorded (and answered as absent) so the caller can
// fetch exactly that and run the check again.
import type { SentenceRef } from './requests';
import { candidateKey, searchKey, sentenceRefKey } from './requests';

export interface CandidateMiss { key: string; group?: string; places: string[]; anchors: string[] }

export class Misses {
  readonly terms = new Set<string>();
  /** Candidate lists wanted complete. */
  readonly figureLists = new Map<string, CandidateMiss>();
  /** Searches wanted complete (every sentence holding one of the words). */
  readonly searches = new Map<string, { terms: string[]; k: number }>();
  readonly sentences = new Map<string, SentenceRef>();
  /** What asked, for the log: e.g. "facts 3, term 1". */
  private readonly why = new Map<string, number>();

  private note(what: string) { this.why.set(what, (this.why.get(what) ?? 0) + 1); }
  term(t: string) { this.terms.add(t); this.note('term'); }
  candidates(c: CandidateMiss) { this.figureLists.set(candidateKey(c.key, c.group, c.places, c.anchors), c); this.note('candidates'); }
  search(terms: string[], k: number) { this.searches.set(searchKey(terms, k), { terms, k }); this.note('search'); }
  sentence(ref: SentenceRef | undefined, why: string) { if (ref) this.sentences.set(sentenceRefKey(ref), ref); this.note(why); }

  get count() { let n = 0; for (const v of this.why.values()) n += v; return n; }
  describe(): string { return [...this.why].map(([k, v]) => `${k} ${v}`).join(', '); }
}
