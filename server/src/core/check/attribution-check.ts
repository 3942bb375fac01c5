// The attribution check: corpus passages that report the same claim, and whether they credit the same source
// (attribution-conflict) and the same number of unnamed sources (source-count-conflict).
import { firstAtOrAfter } from '../read/reader';
import type { Attribution } from '../read/read-text';
import type { SentenceHit } from '../index/store';
import { message } from '../messages';
import type { Checker } from './checker';
import type { Passage } from './result';
import { makePassage, sourceLabel } from './passages';

// The claim around the attribution must be largely the same.
const MIN_SIM_CLAIM = 0.45;
const MIN_SIM_SAME_REPORT = 0.3;
/** A claim is a whole sentence: its rarer words find the same report; common ones only cost time. */
const SEARCH = { k: 40, terms: 8, maxDfShare: 0.01 };

type Hit = SentenceHit & { sim: number };

/** Draft sentence terms without the attribution's own words (verb, descriptor, source name). */
function claimTerms(c: Checker, a: Attribution): string[] {
  const sent = c.reading.sentences[a.sentence];
  // A claim is said within a sentence's length of its attribution: in a run-on «sentence» of a whole pasted page
  // (no full stop in it), the words a hundred away on either side are another claim's.
  const at = firstAtOrAfter(sent.termStarts, a.start);
  const from = Math.max(0, at - CLAIM_REACH), to = Math.min(sent.terms.length, at + CLAIM_REACH);
  const out: string[] = [];
  for (let i = from; i < to; i++) if (sent.termStarts[i] < a.start || sent.termStarts[i] >= a.end) out.push(sent.terms[i]);
  return out;
}
/** Content words on either side of an attribution that can belong to its claim. */
const CLAIM_REACH = 100;

/** The draft's credited sources; «ذكرت الصحيفة» refers back to the last source the draft named. */
function draftSources(c: Checker, a: Attribution): string[] {
  if (a.sources.length) return a.sources.map(x => x.id);
  const before = c.reading.attributions.filter(x => x.start < a.start && x.sources.length);
  return before.length ? before[before.length - 1].sources.map(x => x.id) : c.draft.sources;
}

/** Same claim, different source: reports attribution-conflict; returns the passages it looked at. */
function checkSource(c: Checker, a: Attribution, hits: Hit[], sources: string[]): Passage[] {
  const passages: Passage[] = [];
  let supported = false;
  let suggestion: { id: string; name: string } | undefined;
  for (const h of hits.filter(x => x.sim >= MIN_SIM_CLAIM)) {
    const credits = c.store.credits(h.sentence);
    const all = [...credits.primary, ...credits.relays];
    const agrees = sources.some(d => all.includes(d));
    passages.push(makePassage(c.store, h.sentence, h.sim * 10 + h.score, agrees ? 'agrees' : (all.length ? 'conflicts' : 'neutral')));
    if (agrees) supported = true;
    const primary = credits.primary.find(id => ['outlet', 'agency'].includes(c.lang.sources.get(id)?.kind ?? '')) ?? credits.primary[0];
    if (!suggestion && primary) suggestion = { id: primary, name: credits.names.get(primary) ?? primary };
  }
  if (!supported && suggestion) {
    const src = a.sources[0];
    c.report('attribution-conflict', a.start, a.end,
      message(c.settings.locale, 'attributionConflict', { draft: c.text.slice(src.start, src.end), corpus: suggestion.name }),
      passages.filter(p => p.stance !== 'agrees').slice(0, c.settings.maxMatches),
      { attribution: { start: src.start, end: src.end, replacement: c.lang.sources.get(suggestion.id)?.ar ?? suggestion.name, sourceId: suggestion.id } }, a.sentence);
  }
  return passages;
}

/** Same report (same source, same story), different number of sources: reports source-count-conflict. */
function checkCount(c: Checker, a: Attribution & { count: NonNullable<Attribution['count']> }, hits: Hit[], sources: string[], query: Map<number, number>): Passage[] {
  const counts: { n: number; p: Passage }[] = [];
  const seenArticles = new Set<string>();
  for (const h of hits) {
    const art = c.store.sentenceArticle(h.sentence);
    if (seenArticles.has(art.meta.key)) continue;
    seenArticles.add(art.meta.key);
    // A claim its own sentence credits to a named source («حسب "ذا تايمز"») is not the claim a count of unnamed
    // sources elsewhere in the article made («قال أربعة مسؤولين إن البيت الأبيض يدرس…»).
    const own = c.store.credits(h.sentence).primary;
    for (const x of art.attributions) {
      if (!x.count || x.count.kind !== a.count.kind) continue;
      const sentence = art.firstSentence + x.sentence;
      if (sentence !== h.sentence && own.length && !x.sources.some(y => own.includes(y.id))) continue;
      const credits = c.store.credits(sentence);
      const credited = [...credits.primary, ...credits.relays, ...x.sources.map(y => y.id)];
      if (sources.length && !sources.some(d => credited.includes(d))) continue;
      // The count's own sentence decides its rank: a relayed sub-count elsewhere in the article ranks lower.
      const score = c.store.score(query, sentence).coverage * 10 + h.sim * 5;
      counts.push({ n: x.count.n, p: makePassage(c.store, sentence, score, x.count.n === a.count.n ? 'agrees' : 'conflicts', x.count,
        { value: x.count.n, wording: c.store.articleText(art).slice(x.count.start, x.count.end) }) });
    }
  }
  if (counts.length && !counts.some(x => x.n === a.count.n)) {
    counts.sort((x, y) => y.p.score - x.p.score);
    const top = counts[0];
    c.report('source-count-conflict', a.count.start, a.count.end,
      message(c.settings.locale, 'sourceCountConflict', { draft: c.text.slice(a.count.start, a.count.end), corpus: top.p.wording!, outlet: sourceLabel(top.p, c.settings.locale) }),
      counts.slice(0, c.settings.maxMatches).map(x => x.p),
      { figure: { start: a.count.start, end: a.count.end, wording: top.p.wording!, value: top.n } }, a.sentence);
  }
  return counts.map(x => x.p);
}

export function checkAttribution(c: Checker, a: Attribution) {
  const terms = claimTerms(c, a);
  if (terms.length < 3) return;
  const query = c.weights(terms);
  const sources = draftSources(c, a);
  const hits: Hit[] = c.store.search(c.termIds(terms), SEARCH.k, SEARCH)
    .filter(h => !c.isSelf(c.store.sentenceArticle(h.sentence)))
    .map(h => ({ ...h, sim: c.store.score(query, h.sentence).coverage }))
    .filter(h => h.sim >= MIN_SIM_SAME_REPORT);
  const passages: Passage[] = [];
  if (a.sources.length) passages.push(...checkSource(c, a, hits, sources));
  if (a.count) passages.push(...checkCount(c, { ...a, count: a.count }, hits, sources, query));
  c.attributions.push({ start: a.start, end: a.end, sources, passages: passages.sort((x, y) => y.score - x.score).slice(0, c.settings.maxMatches) });
}
