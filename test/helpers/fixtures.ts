// Bug fixtures: one file per fixed bug in test/fixtures/bugs/, registered in the table below, each with its
// draft, its corpus (the bundled seeds, or a few articles of its own) and the findings it must produce. The
// core, LSP and CLI tests all run every fixture.
import * as fs from 'fs';
import * as path from 'path';
import { FIXTURES, SEEDS } from './seeds';

/** Every bug fixture, by the name of the bug it guards. */
export const BUG_FIXTURES = [
  'alef-looks-definite',
  'waqt-protects-waqatal',
  'ant-outlet-codes',
  'leading-zero-decimal',
  'decimal-comma-percent',
  'accusative-civilians',
  'injured-after-killed',
  'linked-headlines',
  'vague-plural-reach',
  'month-named-twice',
  'span-between-months',
  'restated-rate-noun',
  'change-verb-far-back',
  'accusative-change-noun',
  'decrease-by-naqs',
  'count-of-another-claim',
  'definite-number-before-noun',
  'change-verb-before-range',
  'conjunction-verb-after-number',
  'event-before-noun-before-number',
  'area-unit-accusative',
  'age-named-before-nouns',
  'construct-plural-before-pair',
  'persons-under-sentence',
  'ranking-places-not-centres',
  'unit-words-shared-by-different-facts',
  'decimal-comma-then-space',
  'change-opening-a-clause',
  'fraction-read-as-its-percentage',
  'rate-noun-before-level-verb',
  'death-verb-far-before-age',
  'country-named-two-ways-in-a-whole',
  'name-read-as-dual-of-age',
  'name-read-as-dual',
  'of-them-read-as-a-toll',
  'running-total-since-the-same-day',
  'since-a-date-is-a-running-total',
  'people-then-what-happened-to-them',
  'still-separated-a-month-apart',
  'quotes-around-a-name-hid-the-event',
  'two-thousands-added-up',
  'a-lead-read-as-a-tally',
  'a-country-in-the-whole-of-a-rate',
  'temperatures-of-two-days',
  'a-subject-out-of-the-window',
  'a-toll-counted-as-its-number',
  'killed-and-injured-counted-together',
  'what-happened-to-them-after-a-comma',
  'what-a-plane-can-carry',
  'a-sum-told-in-two-currencies',
  'a-near-copy-keeps-its-subject',
  'a-name-losing-its-first-letter',
  'a-zero-without-its-day',
  'a-toll-told-after-its-event',
  'feminine-t-made-two-words',
  'decimal-comma-before-a-unit',
  'the-incident-told-in-the-sentence-before',
  'a-year-naming-a-bid',
  'one-list-told-twice-paired-crosswise',
  'a-count-of-towns-read-as-refugees',
  'a-squad-of-another-country',
  'a-title-read-to-its-first-dots',
  'losses-set-against-wins',
  'a-basketball-score-read-as-a-count',
  'monday-read-as-two',
] as const;

export interface CorpusFile { file: string; text?: string; lines?: Record<string, unknown>[] }
export interface ExpectedFinding { code: string; text: string; outlet?: string }
export interface BugFixture {
  name: string;
  what: string;
  draft: string;
  /** Articles of the fixture's own corpus; none: the bundled seeds. */
  corpus?: CorpusFile[];
  /** Figures the draft must be read as having (a subset, matched by their text); null: none at all. */
  figures?: { text: string; value?: number; measure?: string | null; kind?: string; whole?: string; group?: string; part?: boolean; when?: { from: string; to: string } }[];
  /** Exactly the findings the draft must get. */
  findings: ExpectedFinding[];
}

export function bugFixtures(): BugFixture[] {
  const dir = path.join(FIXTURES, 'bugs');
  const files = fs.readdirSync(dir).filter(f => f.endsWith('.json')).map(f => f.slice(0, -5)).sort();
  const listed = [...BUG_FIXTURES].sort();
  if (JSON.stringify(files) !== JSON.stringify(listed)) throw new Error(`test/fixtures/bugs and BUG_FIXTURES differ: ${files} vs ${listed}`);
  return BUG_FIXTURES.map(name => ({ name, ...JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8')) }));
}

/** Writes the fixture's corpus into `dir` (or returns the seeds folder) and returns the corpus path. */
export function materialiseCorpus(fx: BugFixture, dir: string): string {
  if (!fx.corpus) return SEEDS;
  const root = path.join(dir, fx.name);
  fs.mkdirSync(root, { recursive: true });
  for (const c of fx.corpus) {
    const body = c.lines ? c.lines.map(l => JSON.stringify(l)).join('\n') + '\n' : c.text ?? '';
    fs.writeFileSync(path.join(root, c.file), body);
  }
  return root;
}

/** Findings as comparable rows: code and the draft text they cover, in order. */
export function findingRows(draft: string, findings: { code: string; start: number; end: number }[]): string[] {
  return findings.map(f => `${f.code} «${draft.slice(f.start, f.end)}»`);
}

export function expectedRows(fx: BugFixture): string[] {
  return fx.findings.map(f => `${f.code} «${f.text}»`);
}
