// Runs the figure and attribution checks over one reading of a draft (or of one of its lines) and collects what
// they report: findings for the Problems panel, passages for hovers.
import type { Reading } from '../read/read-text';
import type { EntityMention } from '../read/entities';
import type { Language } from '../language';
import type { CandidateStore, ArticleRecord } from '../index/store';
import { fingerprint } from '../index/store';
import { norm } from '../normalize';
import { AnalysisResult, AnalysisSettings, AttributionReport, Code, DEFAULT_SEVERITY, FigureReport, Finding, FixData, Passage, Severity } from './result';
import { checkFigure } from './figure-check';
import { checkAttribution } from './attribution-check';

/** What a part of a draft needs to know about the whole of it. */
export interface DraftContext {
  /** The draft's own path/key: it never matches itself if it is also in the corpus. */
  key?: string;
  /** Fingerprint of the whole draft (an identical corpus article is the draft itself). */
  fingerprint: string;
  /** Of its text after a front matter, as saved and without its last line break: the same article archived
   * without one (a JSONL export of the newsroom's system) is the draft too. */
  bodyFingerprints?: () => string[];
  /** Sources named before this part, for «ذكرت الصحيفة». */
  sources: string[];
  /** The draft's date (YYYY-MM-DD): its front matter's, else today — a draft is written now, so a report of a
   * running toll months ago is another time, not a contradiction. */
  date: string;
  /** The entities and content words of its title (the front matter's, else its first line). */
  titleEntities: EntityMention[];
  titleTerms: string[];
}

export function ignoreKey(code: Code, phrase: string, sentence: string): string {
  return `${code}:${norm(phrase)}:${fingerprint(norm(sentence))}`;
}

export class Checker {
  readonly findings: Finding[] = [];
  readonly figures: FigureReport[] = [];
  readonly attributions: AttributionReport[] = [];
  private readonly ignored: Set<string>;

  constructor(readonly text: string, readonly reading: Reading, readonly store: CandidateStore, readonly settings: AnalysisSettings,
    readonly lang: Language, readonly draft: DraftContext, private readonly isCancelled?: () => boolean) {
    this.ignored = new Set(settings.ignore ?? []);
  }

  run(): AnalysisResult {
    for (const f of this.reading.figures) {
      if (this.isCancelled?.()) break;
      checkFigure(this, f);
    }
    for (const a of this.reading.attributions) {
      if (this.isCancelled?.()) break;
      checkAttribution(this, a);
    }
    this.findings.sort((a, b) => a.start - b.start || a.code.localeCompare(b.code));
    return { findings: this.findings, figures: this.figures, attributions: this.attributions };
  }

  /** The sources named last in this text, or those named before it: what the next part of the draft refers back to. */
  lastSources(): string[] {
    const named = this.reading.attributions.filter(a => a.sources.length);
    return named.length ? named[named.length - 1].sources.map(s => s.id) : this.draft.sources;
  }

  /** Stories of corpus articles found to be the draft itself by their text (an unsaved copy of an article). */
  private readonly ownStories = new Set<number>();

  /** The draft itself, or a near-duplicate of it when the draft is in the corpus (its own story). */
  isSelf(a: ArticleRecord): boolean {
    if (this.store.isSelf(a, this.draft.key, this.draft.fingerprint) || this.draft.bodyFingerprints?.().some(fp => this.store.isSelf(a, undefined, fp))) {
      if (a.story !== undefined) this.ownStories.add(a.story);
      return true;
    }
    const own = this.draft.key !== undefined ? this.store.article(this.draft.key)?.story : undefined;
    return (own !== undefined && a.story === own) || this.ownStory(a);
  }

  /** Of the story of an article the draft was found to be, by its text, so far. */
  ownStory(a: ArticleRecord): boolean { return a.story !== undefined && this.ownStories.has(a.story); }

  termIds(terms: string[]): Int32Array { return Int32Array.from(terms.map(t => this.store.termId(t))); }

  /** Query terms with their idf weights; a term the corpus never saw weighs the most and matches nothing. */
  weights(terms: string[]): Map<number, number> {
    const m = new Map<number, number>();
    let unseen = -2;
    for (const t of terms) {
      const id = this.store.termId(t);
      if (id >= 0) m.set(id, this.store.idf(id)); else m.set(unseen--, this.store.idf(-1));
    }
    return m;
  }

  private severity(code: Code): Severity | undefined {
    const v = this.settings.severity[code] ?? DEFAULT_SEVERITY[code];
    return v === 'off' ? undefined : v;
  }

  report(code: Code, start: number, end: number, message: string, related: Passage[], data: Omit<FixData, 'code' | 'ignoreKey'>, sentence: number) {
    const severity = this.severity(code);
    if (!severity) return;
    const sent = this.reading.sentences[sentence];
    const key = ignoreKey(code, this.text.slice(start, end), this.text.slice(sent.start, sent.end));
    if (this.ignored.has(key)) return;
    this.findings.push({ code, severity, start, end, message, related, data: { code, ignoreKey: key, ...data } });
  }
}
