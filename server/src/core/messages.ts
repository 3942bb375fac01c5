// The analysis's own user-facing strings, in Arabic and English. The LSP picks the locale the client sends
// (or the isnad.messages.language setting); the CLI takes --lang.
export type Locale = 'ar' | 'en';

const MESSAGES = {
  figureConflict: {
    ar: 'الرقم «{draft}» لا يتفق مع أي مصدر في الأرشيف؛ {outlet}: «{corpus}»',
    en: 'The figure "{draft}" agrees with no source in the corpus; {outlet}: "{corpus}"',
  },
  figureDisputed: {
    ar: 'رقم مختلف عليه في الأرشيف: {n} مصدر يتفق («{agree}») و{m} يخالف («{conflict}»)',
    en: 'Disputed in the corpus: {n} source(s) agree ("{agree}"), {m} disagree ("{conflict}")',
  },
  figureOutdated: {
    ar: 'رقم قديم: أحدث ما في الأرشيف «{corpus}» ({outlet}، {date})',
    en: 'An older figure: the latest in the corpus is "{corpus}" ({outlet}, {date})',
  },
  figureUncited: {
    ar: 'الرقم يتفق مع الأرشيف لكنه غير منسوب؛ المصدر: {source}',
    en: 'The figure matches the corpus but is not attributed; source: {source}',
  },
  attributionConflict: {
    ar: 'الخبر منسوب إلى «{draft}» لكن الأرشيف ينسبه إلى {corpus}',
    en: 'Credited to "{draft}", but the corpus credits {corpus}',
  },
  sourceCountConflict: {
    ar: 'عدد المصادر «{draft}» يخالف التقرير نفسه في الأرشيف ({outlet}: «{corpus}»)',
    en: 'Source count "{draft}" differs from the same report in the corpus ({outlet}: "{corpus}")',
  },
  figureInconsistent: {
    ar: 'المسودة تذكر الواقعة نفسها برقمين لا يجتمعان: «{draft}» هنا و«{other}» في السطر {line}',
    en: 'The draft states the same fact with figures that cannot both hold: "{draft}" here, "{other}" on line {line}',
  },
  noMatch: { ar: 'لا يوجد مصدر آخر لهذا الرقم في الأرشيف', en: 'No other source for this figure in the corpus' },
  noAttributionMatch: { ar: 'لا يوجد تقرير مطابق في الأرشيف', en: 'No matching report in the corpus' },
  agrees: { ar: 'يتفق', en: 'agrees' },
  conflicts: { ar: 'يخالف', en: 'conflicts' },
  neutral: { ar: 'ذو صلة', en: 'related' },
  disputed: { ar: 'مختلف عليه', en: 'disputed' },
  outdated: { ar: 'قديم', en: 'outdated' },
  similarHeading: { ar: 'تقارير مشابهة', en: 'Similar reports' },
  sourcesHeading: { ar: 'ما تقوله المصادر الأخرى', en: 'What other sources say' },
  fixCite: { ar: 'أضف الإسناد: {source}', en: 'Cite the source: {source}' },
  fixUseFigure: { ar: 'استخدم رقم الأرشيف: «{wording}»', en: 'Use the corpus figure: "{wording}"' },
  fixAttribution: { ar: 'صحّح الإسناد إلى {source}', en: 'Correct the attribution to {source}' },
  fixIgnore: { ar: 'تجاهل هذا التنبيه', en: 'Ignore this finding' },
  open: { ar: 'افتح المقال', en: 'open article' },
  unknownOutlet: { ar: 'مصدر غير معروف', en: 'unknown outlet' },
  citing: { ar: 'نقلاً عن {source}', en: 'citing {source}' },
  sameFactHere: { ar: 'الواقعة نفسها في السطر {line}: «{wording}»', en: 'The same fact on line {line}: "{wording}"' },
  fixMatchHere: { ar: 'وحّد الرقمين: اكتب «{wording}» هنا', en: 'Make them equal: write "{wording}" here' },
  fixMatchThere: { ar: 'وحّد الرقمين: اكتب «{wording}» في السطر {line}', en: 'Make them equal: write "{wording}" on line {line}' },
} as const;

export type MessageId = keyof typeof MESSAGES;

export function message(locale: Locale, id: MessageId, args: Record<string, string> = {}): string {
  const tpl: string = MESSAGES[id][locale] ?? MESSAGES[id].en;
  return tpl.replace(/\{(\w+)\}/g, (_, k) => args[k] ?? '');
}

export function pickLocale(tag: string | undefined): Locale {
  return tag && /^ar\b/i.test(tag) ? 'ar' : tag && /^en\b/i.test(tag) ? 'en' : 'ar';
}
