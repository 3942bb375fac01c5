// Where a corpus passage comes from, said the way an editor says it: outlet · date · title first, then whom the
// passage credits; the file and line come last and short. An article whose outlet is not known says so
// («مصدر غير معروف») instead of standing in its first sentence for a publisher. Hovers, related information, the
// CLI, the fact sheet and the HTML report all name passages through here.
import type { Passage } from '../check/result';
import { message, Locale } from '../messages';
import { loadLanguage, Language } from '../language';

const TITLE_MAX = 60;
const SEP = ' · ';

export interface Origin {
  /** The publisher, or «مصدر غير معروف». */
  outlet: string;
  date?: string;
  /** The article's title, cut to a readable length; none when it only repeats the outlet. */
  title?: string;
  /** The source the passage itself credits when it is not the publisher: «وزارة الصحة في غزة». */
  credit?: string;
}

const cut = (s: string, max: number) => (s.length > max ? s.slice(0, max - 1).trimEnd() + '…' : s);
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** `lang` names a known outlet as the gazetteer does («skynews» is سكاي نيوز عربية), as the credits do. */
export function passageOrigin(p: Passage, locale: Locale, lang: Language = loadLanguage()): Origin {
  const a = p.article;
  const known = a.outletId ? lang.sources.get(a.outletId)?.ar : undefined;
  const outlet = known ?? (a.outlet?.trim() || message(locale, 'unknownOutlet'));
  const title = a.title && oneLine(a.title) !== outlet ? cut(oneLine(a.title), TITLE_MAX) : undefined;
  const credit = p.credits.find(c => c !== outlet && c !== a.outlet);
  return { outlet, date: a.date, title, credit };
}

/** «سبوتنيك · 2024-03-20 · وزارة الدفاع الأميركية تجري محادثات…» */
export function originLabel(o: Origin): string {
  return [o.outlet, o.date, o.title].filter(Boolean).join(SEP);
}

/** «نقلاً عن وزارة الصحة في غزة», or nothing when the passage credits its publisher only. */
export function creditNote(o: Origin, locale: Locale): string | undefined {
  return o.credit ? message(locale, 'citing', { source: o.credit }) : undefined;
}

/** The label and the credit in one line: what a related-information entry or a CLI line says first. */
export function originLine(p: Passage, locale: Locale): string {
  const o = passageOrigin(p, locale);
  const credit = creditNote(o, locale);
  return credit ? `${originLabel(o)} (${credit})` : originLabel(o);
}

/** The file's own name and the line (1-based) of the passage; an archive's article by its id. */
export function shortPlace(p: Passage, line?: number): string {
  const name = p.article.file.split(/[\\/]/).pop() ?? p.article.file;
  if (p.article.line !== undefined) return p.article.id !== undefined ? `${name}#${p.article.id}` : `${name}:${p.article.line}`;
  return line !== undefined ? `${name}:${line}` : name;
}
