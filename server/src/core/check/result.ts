// What an analysis returns: findings (the diagnostics, with what their quick fixes need), and for hovers every
// figure's and attribution's passages from the corpus.
import type { LanguageExtension } from '../language';
import type { Locale } from '../messages';
import type { ArticleMeta } from '../index/store';
import type { Reason } from './same-fact';

export type Code = 'figure-conflict' | 'figure-disputed' | 'figure-outdated' | 'attribution-conflict' | 'source-count-conflict' | 'figure-uncited'
  // The draft against itself (check/draft-consistency.ts): needs no corpus.
  | 'figure-inconsistent';
export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type Stance = 'agrees' | 'conflicts' | 'neutral';

export const DEFAULT_SEVERITY: Record<Code, Severity> = {
  'figure-conflict': 'warning',
  'figure-disputed': 'information',
  'figure-outdated': 'information',
  'attribution-conflict': 'warning',
  'source-count-conflict': 'warning',
  'figure-uncited': 'hint',
  'figure-inconsistent': 'warning',
};

export interface AnalysisSettings {
  /** Scales the ±10% a hedge allows (1 = the newsroom default reading). */
  tolerance: number;
  /** Passages kept per finding and per hover. */
  maxMatches: number;
  locale: Locale;
  severity: Partial<Record<Code, Severity | 'off'>>;
  /** Citation inserted by the quick fix; {source} is replaced by the source's name. */
  citationTemplate: string;
  language?: LanguageExtension;
  /** Ignore keys (see ignoreKey) of findings the editor chose to silence. */
  ignore?: string[];
}

export const DEFAULT_SETTINGS: AnalysisSettings = {
  tolerance: 1, maxMatches: 5, locale: 'ar', severity: {}, citationTemplate: '، بحسب {source}',
};

/** A range of characters [start, end). */
export interface Span { start: number; end: number }

/** A corpus sentence shown as a source. */
export interface Passage {
  article: ArticleMeta;
  /** The sentence in the article text (offsets into the article). */
  start: number;
  end: number;
  /** The matching figure or source inside the sentence (offsets into the article). */
  mark?: Span;
  /** The sentence as shown (cut to a readable length around the mark), and where the mark is inside it. */
  excerpt: { text: string; mark?: Span };
  stance: Stance;
  value?: number;
  /** The corpus wording of the figure («ما يقرب من 32,500»). */
  wording?: string;
  /** Display names of the sources the passage credits. */
  credits: string[];
  score: number;
  /** For a figure: how sure the check is that the passage states the same fact, and why. */
  sameFact?: { score: number; reasons: Reason[] };
  /** A similar report, not judged the same fact (or the same fact at another time): shown, never counted. */
  similar?: boolean;
}

export interface FixData {
  code: Code;
  /** Draft range the «use the corpus figure» fix replaces, and what with. */
  figure?: { start: number; end: number; wording: string; value: number };
  /** Where «cite the source» inserts, and the citation text. */
  cite?: { at: number; text: string; sourceId: string; sourceName: string };
  /** The credited source in the draft, and the source the corpus gives. */
  attribution?: { start: number; end: number; replacement: string; sourceId: string };
  /** Key for the ignore list. */
  ignoreKey: string;
  /** figure-inconsistent: the draft's earlier statements of the same fact that this figure contradicts (where
   * related information points, and the other direction of «make them equal»). */
  elsewhere?: DraftMention[];
}

/** A figure elsewhere in the same draft: its wording [start, end), hedge included. */
export interface DraftMention { start: number; end: number; wording: string; value: number }

export interface Finding {
  code: Code;
  severity: Severity;
  start: number;
  end: number;
  message: string;
  related: Passage[];
  data: FixData;
}

export interface FigureReport {
  start: number; end: number; phraseStart: number; value: number;
  stance: 'agrees' | 'conflicts' | 'disputed' | 'outdated' | 'none';
  passages: Passage[];
}

export interface AttributionReport { start: number; end: number; sources: string[]; passages: Passage[] }

export interface AnalysisResult { findings: Finding[]; figures: FigureReport[]; attributions: AttributionReport[] }
