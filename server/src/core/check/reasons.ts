// The same-fact judgement in words, for the hover: how sure, what the two passages share (=) and what tells them
// apart (≠), so an editor can see why a passage was or was not compared.
import type { Reason } from './same-fact';
import { message, Locale, MessageId } from '../messages';
import { loadLanguage, Language } from '../language';

const LABEL: Record<string, MessageId> = {
  entity: 'reasonEntity', time: 'reasonTime', day: 'reasonDay', 'time of day': 'reasonTimeOfDay',
  part: 'reasonPart', sentence: 'reasonSentence', 'report date': 'reasonReportDate',
};

/** Entity ids in a reason's detail («gaza ≠ jenin») as names: Arabic from the data, else the id in words. */
function names(detail: string, locale: Locale, lang: Language): string {
  return detail.replace(/[a-z][a-z0-9-]*/g, id => (locale === 'ar' ? lang.entityNames.get(id) : undefined) ?? id.replace(/-/g, ' '));
}

export function describeJudgement(j: { score: number; reasons: Reason[] }, locale: Locale, lang: Language = loadLanguage()): string {
  const parts = j.reasons.map(r => {
    const label = LABEL[r.what] ? message(locale, LABEL[r.what]) : r.what;
    return `${r.kind === 'same' ? '=' : '≠'} ${label}${r.detail ? ` (${names(r.detail, locale, lang)})` : ''}`;
  });
  const head = message(locale, 'sameFactLine', { score: String(Math.round(j.score * 100)) });
  return parts.length ? `${head} — ${parts.join(locale === 'ar' ? '؛ ' : '; ')}` : head;
}
