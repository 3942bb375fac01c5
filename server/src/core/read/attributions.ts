// Attributions: an attribution phrase («قالت», «نقلا عن», «حسب») followed by a chain of sources — named ones
// from the gazetteer, descriptors («صحيفة»), and counted unnamed ones («أربعة مسؤولين»).
import { lookupForms } from '../language';
import type { Reader } from './reader';
import { parseNumberAt, ParsedNumber } from './numbers';
import { QUOTES } from './reader';
import { dualAt } from './nouns-as-numbers';
import { namesTime } from './time';
import type { Attribution, SourceSpan } from './read-text';

/** How many unknown words a chain may cross before it ends. */
const MAX_UNKNOWN = 3;

interface Chain { sources: SourceSpan[]; count?: Attribution['count']; descriptor: boolean; last: number }

/** Counted unnamed sources at k: «أربعة مسؤولين», «مسؤولين اثنين», «لاثنين من المسؤولين». Returns the token
 * after them, or undefined. */
function countedSources(reader: Reader, k: number, num: ParsedNumber | undefined, chain: Chain, countToks: Set<number>): number | undefined {
  const anonymous = (t: number) => lookupForms(reader.lang.anonymous, reader.forms(t));
  // «قال مسؤولان»: a dual of an unnamed source counts two.
  const dual = dualAt(reader, k);
  const dualKind = dual?.measureFrom !== undefined ? reader.lang.anonymous.get(dual.measureFrom) : undefined;
  if (dualKind) {
    if (!chain.count) { chain.count = { n: 2, kind: dualKind, ...reader.orig(k, k) }; countToks.add(k); }
    return k + 1;
  }
  const anonKind = anonymous(k);
  if (anonKind) {
    const after = parseNumberAt(reader, k + 1, true);
    if (after && !chain.count && !after.percent) {
      chain.count = { n: after.value, kind: anonKind, ...reader.orig(k, after.end - 1) };
      for (let x = k + 1; x < after.end; x++) countToks.add(x);
      return after.end;
    }
    chain.descriptor = true;
    return k + 1;
  }
  if (!num || num.percent) return undefined;
  const at = reader.lang.partitives.has(reader.words[num.end]) ? num.end + 1 : num.end;
  const kind = anonymous(at);
  if (!kind) return undefined;
  if (!chain.count) {
    chain.count = { n: num.value, kind, ...reader.orig(k, at) };
    for (let x = k; x < num.end; x++) countToks.add(x);
  }
  return at + 1;
}

/** The chain of sources after an attribution phrase that ends at token `from`. */
function readChain(reader: Reader, from: number, sentenceEnd: number, countToks: Set<number>): Chain {
  const lang = reader.lang;
  const chain: Chain = { sources: [], descriptor: false, last: from - 1 };
  let k = from, unknown = 0;
  while (k < sentenceEnd && unknown <= MAX_UNKNOWN) {
    const w = reader.words[k];
    if (reader.isPunct(k)) { if (QUOTES.has(w)) { k++; continue; } break; }
    if (lang.complementizers.has(w)) break;
    if (lang.bareClitics.has(w) || lang.chainLinks.has(w)) { k++; continue; }
    const src = reader.phraseAt(lang.sourceNames, k);
    if (src) {
      // «لبوليتيكو», «وللبنتاغون»: the span starts after the clitic, so a replacement keeps it.
      const clitic = w.length - src.form.length;
      chain.sources.push({ id: src.value.id, start: reader.n.starts[reader.tokens[k].start + clitic], end: reader.orig(k, k + src.length - 1).end });
      k += src.length; chain.last = k - 1; unknown = 0; continue;
    }
    const d = reader.phraseAt(lang.descriptors, k);
    if (d) { chain.descriptor = true; k += d.length; chain.last = k - 1; continue; }
    // «ونقلت وكالة بلومبرغ مساء الاثنين عن مصدرين»: a weekday is when the report came, not a number (الاثنين is
    // also «the two») that would end the chain before its counted sources.
    if (namesTime(reader, k)) { unknown++; k++; continue; }
    const num = parseNumberAt(reader, k, true);
    const afterCount = countedSources(reader, k, num, chain, countToks);
    if (afterCount !== undefined) { k = afterCount; chain.last = k - 1; unknown = 0; continue; }
    if (num && !num.percent) break;
    const next = reader.phraseAt(lang.attributionVerbs, k);
    // «ذكر موقع بوليتيكو نقلاً عن أربعة مسؤولين»: a relay continues the same chain.
    if (next?.value === 'relay' && (chain.sources.length || chain.descriptor)) { k += next.length; continue; }
    if (next) break;
    unknown++; k++;
  }
  return chain;
}

export function readAttributions(reader: Reader, ranges: [number, number][]): { list: Attribution[]; countToks: Set<number> } {
  const list: Attribution[] = [];
  const countToks = new Set<number>();
  ranges.forEach(([sStart, sEnd], s) => {
    let j = sStart;
    while (j < sEnd) {
      const v = reader.isWord(j) ? reader.phraseAt(reader.lang.attributionVerbs, j) : undefined;
      if (!v) { j++; continue; }
      const chain = readChain(reader, j + v.length, sEnd, countToks);
      if (chain.sources.length || chain.count || chain.descriptor) {
        const o = reader.orig(j, Math.max(j, chain.last));
        const unique = chain.sources.filter((x, idx) => chain.sources.findIndex(y => y.id === x.id) === idx);
        list.push({ ...o, sentence: s, sources: unique, unresolved: !chain.sources.length, count: chain.count });
      }
      j = Math.max(j + v.length, chain.last + 1);
    }
  });
  return { list, countToks };
}
