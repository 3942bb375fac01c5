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
  stateAgrees: { ar: 'موثق', en: 'sourced' },
  stateUncited: { ar: 'غير منسوب', en: 'uncited' },
  stateConflicts: { ar: 'يخالف الأرشيف', en: 'conflicts with the corpus' },
  stateDisputed: { ar: 'مختلف عليه', en: 'disputed' },
  stateOutdated: { ar: 'قديم', en: 'outdated' },
  stateNone: { ar: 'لا مصدر له في الأرشيف', en: 'no source in the corpus' },
  contradictsLine: { ar: 'يناقض السطر {line}: «{wording}»', en: 'contradicts line {line}: "{wording}"' },
  sheetEmpty: { ar: 'لا أرقام ولا إسناد في المسودة', en: 'No figures or attributions in the draft' },
  unknownOutlet: { ar: 'مصدر غير معروف', en: 'unknown outlet' },
  citing: { ar: 'نقلاً عن {source}', en: 'citing {source}' },
  sameFactHere: { ar: 'الواقعة نفسها في السطر {line}: «{wording}»', en: 'The same fact on line {line}: "{wording}"' },
  fixMatchHere: { ar: 'وحّد الرقمين: اكتب «{wording}» هنا', en: 'Make them equal: write "{wording}" here' },
  fixMatchThere: { ar: 'وحّد الرقمين: اكتب «{wording}» في السطر {line}', en: 'Make them equal: write "{wording}" on line {line}' },
} as const;

export type MessageId = keyof typeof MESSAGES;

/** Words counted by a number. Arabic agrees the noun with its number: forms for 1, 2, 3–10, 11–99 and 100 on
 * (or, for an adjective, for 1 and the rest); English for 1 and the rest. */
const COUNTED = {
  figures: { ar: ['رقم واحد', 'رقمان', '{n} أرقام', '{n} رقما', '{n} رقم'], en: ['1 figure', '{n} figures'] },
  attributions: { ar: ['إسناد واحد', 'إسنادان', '{n} إسنادات', '{n} إسنادا', '{n} إسناد'], en: ['1 attribution', '{n} attributions'] },
  sources: { ar: ['مصدر واحد', 'مصدران', '{n} مصادر', '{n} مصدرا', '{n} مصدر'], en: ['1 source', '{n} sources'] },
  agrees: { ar: ['{n} موثق', '{n} موثقة'], en: ['{n} sourced', '{n} sourced'] },
  uncited: { ar: ['{n} غير منسوب', '{n} غير منسوبة'], en: ['{n} uncited', '{n} uncited'] },
  conflicts: { ar: ['{n} متعارض', '{n} متعارضة'], en: ['{n} conflicting', '{n} conflicting'] },
  disputed: { ar: ['{n} مختلف عليه', '{n} مختلف عليها'], en: ['{n} disputed', '{n} disputed'] },
  outdated: { ar: ['{n} قديم', '{n} قديمة'], en: ['{n} outdated', '{n} outdated'] },
  none: { ar: ['{n} بلا مصدر', '{n} بلا مصدر'], en: ['{n} without a source', '{n} without a source'] },
  inconsistent: { ar: ['{n} يناقض المسودة', '{n} تناقض المسودة'], en: ['{n} inconsistent within the draft', '{n} inconsistent within the draft'] },
} as const;

export type CountedId = keyof typeof COUNTED;

export function counted(locale: Locale, id: CountedId, n: number): string {
  const forms: readonly string[] = COUNTED[id][locale] ?? COUNTED[id].en;
  const m = n % 100;
  const i = forms.length === 5 ? (n === 1 ? 0 : n === 2 ? 1 : m >= 3 && m <= 10 ? 2 : m >= 11 ? 3 : 4) : n === 1 ? 0 : 1;
  return forms[i].replace('{n}', String(n));
}

export function message(locale: Locale, id: MessageId, args: Record<string, string> = {}): string {
  const tpl: string = MESSAGES[id][locale] ?? MESSAGES[id].en;
  return tpl.replace(/\{(\w+)\}/g, (_, k) => args[k] ?? '');
}

export function pickLocale(tag: string | undefined): Locale {
  return tag && /^ar\b/i.test(tag) ? 'ar' : tag && /^en\b/i.test(tag) ? 'en' : 'ar';
}
