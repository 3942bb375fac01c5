// Who a corpus passage credits, and which outlet publishes an article: named sources in or near the sentence,
// and outlet lines («المصدر: صدى البلد», a line that is only an agency's name) that relay what follows.
import type { CorpusArticle } from '../corpus/loader';
import type { Reading } from '../read/read-text';
import type { Language } from '../language';
import { norm } from '../normalize';
import type { ArticleRecord, Credits, SectionOutlet } from './store';

/** How far (in sentences) an unnamed «ذكرت الصحيفة» or an unattributed sentence looks for the outlet it
 * belongs to: a report usually names its source once and then refers back. */
const CREDIT_REACH = 3;
/** An outlet line is short. */
const OUTLET_LINE_MAX = 60;

/** Sources named in sentence `local`, else the nearest named outlet or agency (preferring the sentences before). */
function primarySources(a: ArticleRecord, local: number, lang: Language): Set<string> {
  const primary = new Set<string>();
  for (const x of a.attributions) if (x.sentence === local) for (const s of x.sources) primary.add(s.id);
  for (let d = 1; d <= CREDIT_REACH && !primary.size; d++) {
    for (const at of [local - d, local + d]) {
      for (const x of a.attributions) if (x.sentence === at) for (const s of x.sources) {
        const kind = lang.sources.get(s.id)?.kind;
        if (kind === 'outlet' || kind === 'agency') primary.add(s.id);
      }
      if (primary.size) break;
    }
  }
  return primary;
}

export function articleCredits(a: ArticleRecord, local: number, lang: Language): Credits {
  const names = new Map<string, string>();
  const primary = primarySources(a, local, lang);
  const relays = new Set<string>();
  let section: SectionOutlet | undefined;
  for (const o of a.sectionOutlets) if (o.sentence <= local) section = o;
  section ??= a.sectionOutlets[0];
  if (section) { relays.add(section.id ?? section.name); if (!section.id) names.set(section.name, section.name); }
  else if (a.meta.outletId || a.meta.outlet) relays.add(a.meta.outletId ?? a.meta.outlet!);
  for (const id of [...primary, ...relays]) if (!names.has(id)) names.set(id, lang.sources.get(id)?.ar ?? id);
  return { primary: [...primary], relays: [...relays].filter(r => !primary.has(r)), names };
}

/** The gazetteer id of an outlet name («رويترز», «skynews»). */
export function outletId(name: string, lang: Language): string | undefined {
  return lang.sourceNames.match(norm(name).split(' '), 0)?.value.id;
}

/** Lines that name the publisher: «المصدر: صدى البلد», or a line that is nothing but an outlet's name. */
export function detectOutlets(a: CorpusArticle, reading: Reading, lang: Language): SectionOutlet[] {
  const out: SectionOutlet[] = [];
  if (a.outlet) out.push({ sentence: 0, id: outletId(a.outlet, lang), name: a.outlet });
  reading.sentences.forEach((s, i) => {
    if (s.end - s.start > OUTLET_LINE_MAX) return;
    const line = a.text.slice(s.start, s.end).trim();
    let name = line;
    for (const p of lang.outletLinePrefixes) {
      if (line.startsWith(p)) { name = line.slice(p.length).replace(/^[\s:]+/, '').trim(); break; }
    }
    const words = norm(name).split(' ');
    const hit = lang.sourceNames.match(words, 0);
    const prefixed = name !== line;
    if (hit && hit.length === words.length) out.push({ sentence: i, id: hit.value.id, name: hit.value.ar });
    else if (prefixed && name && words.length <= 5) out.push({ sentence: i, name });
  });
  return out;
}

export function firstLine(text: string): string | undefined {
  const l = text.split(/\r?\n/, 4).find(x => x.trim());
  return l ? l.trim().slice(0, 160) : undefined;
}
