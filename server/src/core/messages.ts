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
  similarNote: { ar: 'لم تُعدّ الواقعة نفسها: تظهر هنا ولا تُحتسب', en: 'Not judged the same fact: shown, never counted' },
  sameFactLine: { ar: 'الواقعة نفسها؟ {score}٪', en: 'Same fact? {score}%' },
  reasonEntity: { ar: 'الجهة', en: 'entity' },
  reasonTime: { ar: 'الفترة', en: 'period' },
  reasonDay: { ar: 'اليوم', en: 'day' },
  reasonTimeOfDay: { ar: 'وقت اليوم', en: 'time of day' },
  reasonPart: { ar: 'الجزء والكل', en: 'part and whole' },
  reasonSentence: { ar: 'الجملة', en: 'sentence' },
  reasonReportDate: { ar: 'تاريخ التقرير (رقم يتغير)', en: 'date of report (a changing figure)' },
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
  ruleFigureConflict: {
    ar: 'رقم لا يتفق مع أي مصدر في الأرشيف للواقعة نفسها',
    en: 'A figure that agrees with no corpus source for the same fact',
  },
  helpFigureConflict: {
    ar: 'الرقم يخالف كل ما في الأرشيف عن الواقعة نفسها (المقدار نفسه، الفئة نفسها، المكان والزمن نفسيهما). راجع المصادر المرفقة، واستخدم رقمها مع الإسناد أو انسب رقمك إلى مصدره.',
    en: 'The figure disagrees with every corpus report of the same fact (same measure, group, place and time). Check the attached sources; use their figure with its attribution, or attribute yours.',
  },
  ruleFigureDisputed: { ar: 'رقم تختلف عليه المصادر', en: 'A figure the sources disagree on' },
  helpFigureDisputed: {
    ar: 'بعض المصادر تؤيد الرقم وبعضها يخالفه، والأحدث أولا. انسبه إلى مصدر بعينه أو اذكر الخلاف.',
    en: 'Some sources agree with the figure and others do not (newest first). Attribute it to one source or report the disagreement.',
  },
  ruleFigureOutdated: { ar: 'رقم تجاوزته تقارير أحدث', en: 'A figure newer reports have overtaken' },
  helpFigureOutdated: {
    ar: 'حصيلة متراكمة تكررها المسودة بينما تذكر تقارير أحدث للواقعة نفسها رقما أكبر. حدّث الرقم وتاريخه.',
    en: 'A running total the draft repeats while newer reports of the same fact give a larger figure. Update the figure and its date.',
  },
  ruleAttributionConflict: { ar: 'إسناد يخالف الأرشيف', en: 'An attribution the corpus contradicts' },
  helpAttributionConflict: {
    ar: 'الخبر نفسه منسوب في الأرشيف إلى مصدر آخر. صحّح اسم المصدر.',
    en: 'The corpus credits the same report to another source. Correct the source.',
  },
  ruleSourceCountConflict: { ar: 'عدد مصادر يخالف التقرير نفسه', en: 'A number of sources that differs from the same report' },
  helpSourceCountConflict: {
    ar: 'التقرير نفسه في الأرشيف يذكر عددا آخر من المسؤولين أو المصادر. استخدم العدد الوارد فيه.',
    en: 'The same report in the corpus gives another number of officials or sources. Use its number.',
  },
  ruleFigureUncited: { ar: 'رقم موثق غير منسوب', en: 'A sourced figure the draft does not attribute' },
  helpFigureUncited: {
    ar: 'الرقم يتفق مع الأرشيف لكن المسودة لا تقول من قاله. أضف الإسناد.',
    en: 'The figure agrees with the corpus, but the draft does not say who said it. Add the attribution.',
  },
  ruleFigureInconsistent: { ar: 'رقمان للواقعة نفسها في المسودة لا يجتمعان', en: 'The draft states the same fact with figures that cannot both hold' },
  helpFigureInconsistent: {
    ar: 'المسودة تذكر الواقعة نفسها مرتين برقمين لا يمكن أن يصحا معا (مثلا «أكثر من 32 ألف» في المقدمة و«30 ألفا» في الفقرة الخامسة). وحّد الرقمين. لا يحتاج هذا الفحص إلى أرشيف.',
    en: 'The draft states the same fact twice with figures that cannot both be true (say «أكثر من 32 ألف» in the lede and «30 ألفا» in the fifth paragraph). Make them equal. This check needs no corpus.',
  },
  reportTitle: { ar: 'ورقة الحقائق', en: 'Fact sheet' },
  reportDraft: { ar: 'المسودة', en: 'The draft' },
  reportSources: { ar: 'الأرقام والإسناد ومصادرها', en: 'Figures, attributions and their sources' },
  reportMade: { ar: 'أعدّه إسناد {version} في {date} من أرشيف فيه {articles}', en: 'Made by isnad {version} on {date} from a corpus of {articles}' },
  reportNoPassage: { ar: 'لا شيء في الأرشيف عن هذا', en: 'Nothing in the corpus about this' },
  reportSimilar: { ar: 'تقرير مشابه، لم يُعدّ الواقعة نفسها', en: 'a similar report, not judged the same fact' },
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
  articles: { ar: ['مقال واحد', 'مقالان', '{n} مقالات', '{n} مقالا', '{n} مقال'], en: ['1 article', '{n} articles'] },
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
