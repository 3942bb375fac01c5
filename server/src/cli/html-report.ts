// `isnad report DRAFT -o report.html`: one self-contained, right-to-left page for the copy desk: the draft with every
// figure and attribution marked by its state, and beside it the sources. Printable. No script at all: the page has
// none, and its Content-Security-Policy forbids any; every piece of draft and corpus text is escaped.
import { createHash } from 'crypto';
import {
  factSheet, sheetHeader, LineIndex, stateName, factLabel, passageOrigin, originLabel, creditNote, shortPlace, message, counted, articleLineIndex, splitFrontMatter, FACT_STATES,
  AnalysisResult, CandidateStore, FactEntry, FactState, Locale, Passage,
} from '../core/api';
import { REPORT_CSS } from './report-style';

export interface ReportInput {
  /** The draft's name as shown (a path relative to the working directory). */
  file: string;
  text: string;
  result: AnalysisResult;
  store: CandidateStore;
  locale: Locale;
  version: string;
  /** YYYY-MM-DD */
  today: string;
}

/** A symbol per state, so that a state never rests on colour alone. */
const SYMBOL: Record<FactState, string> = { agrees: '✓', uncited: '“', conflicts: '✗', disputed: '±', outdated: '↻', none: '∅' };
const STANCE_SYMBOL: Record<Passage['stance'], string> = { agrees: '✓', conflicts: '✗', neutral: '·' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]!));
}

/** The entries the draft can mark: in reading order, none inside another (a figure within an attribution phrase
 * stays listed beside the draft). */
function markable(entries: FactEntry[]): Map<FactEntry, number> {
  const out = new Map<FactEntry, number>();
  let end = -1;
  entries.forEach((e, i) => { if (e.start >= end) { out.set(e, i + 1); end = e.end; } });
  return out;
}

/** [start, end) of each line, without its line break. */
function lineRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) { out.push([start, m.index]); start = m.index + m[0].length; }
  out.push([start, text.length]);
  return out;
}

/** The draft, a paragraph per line (front matter and blank lines left out), each figure and attribution marked. */
function draftHtml(text: string, entries: FactEntry[], locale: Locale): string {
  const body = splitFrontMatter(text).text;
  const marks = [...markable(entries)];
  const out: string[] = [];
  let k = 0;
  for (const [start, end] of lineRanges(body)) {
    let at = start, html = '';
    for (; k < marks.length && marks[k][0].start < end; k++) {
      const [e, n] = marks[k];
      html += escapeHtml(body.slice(at, e.start)) + `<a href="#f${n}" id="d${n}"><mark class="st-${e.state}" title="${escapeHtml(factLabel(e, locale))}">`
        + `<span class="sym" aria-hidden="true">${SYMBOL[e.state]}${e.inconsistentWith.length ? '≠' : ''}</span>${escapeHtml(body.slice(e.start, e.end))}<sup>${n}</sup></mark></a>`;
      at = e.end;
    }
    if (body.slice(start, end).trim()) out.push(`<p>${html}${escapeHtml(body.slice(at, end))}</p>`);
  }
  return out.join('\n');
}

/** The sentence with its figure or source in bold: corpus text, escaped piece by piece. */
function sentenceHtml(p: Passage): string {
  const { text, mark } = p.excerpt;
  if (!mark) return escapeHtml(text);
  return `${escapeHtml(text.slice(0, mark.start))}<strong>${escapeHtml(text.slice(mark.start, mark.end))}</strong>${escapeHtml(text.slice(mark.end))}`;
}

function passageHtml(p: Passage, store: CandidateStore, locale: Locale): string {
  const o = passageOrigin(p, locale);
  const a = store.article(p.article.key);
  const line = a && p.article.line === undefined ? articleLineIndex(a, () => store.articleText(a)).position((p.mark ?? p).start).line + 1 : undefined;
  const credit = creditNote(o, locale);
  return `<li class="${p.stance}${p.similar ? ' similar' : ''}"><span class="sym" aria-hidden="true">${STANCE_SYMBOL[p.stance]}</span> `
    + `<span class="origin" dir="auto">${escapeHtml(originLabel(o))}</span>${credit ? ` <span class="credit">(${escapeHtml(credit)})</span>` : ''}`
    + `${p.similar ? ` <span class="credit">— ${escapeHtml(message(locale, 'reportSimilar'))}</span>` : ''}`
    + `<blockquote dir="rtl">${sentenceHtml(p)}</blockquote><span class="place">${escapeHtml(shortPlace(p, line))}</span></li>`;
}

function entryHtml(e: FactEntry, n: number, text: string, input: ReportInput, lineOf: (at: number) => number): string {
  const { store, locale } = input;
  const contra = e.inconsistentWith.map(m => `<p class="contra">≠ ${escapeHtml(message(locale, 'contradictsLine', { line: String(lineOf(m.start) + 1), wording: m.wording }))}</p>`).join('');
  const passages = e.passages.length
    ? `<ul class="passages">${e.passages.map(p => passageHtml(p, store, locale)).join('')}</ul>`
    : `<p class="credit">${escapeHtml(message(locale, 'reportNoPassage'))}</p>`;
  return `<li id="f${n}" class="st-${e.state}"><h3><a href="#d${n}"><span class="sym" aria-hidden="true">${SYMBOL[e.state]}</span> ${n}. «${escapeHtml(text.slice(e.start, e.end))}»</a> `
    + `<span class="label">— ${escapeHtml(factLabel(e, locale))}</span></h3>${contra}${passages}</li>`;
}

export function reportHtml(input: ReportInput): string {
  const { text, locale } = input;
  const entries = factSheet(input.result, text);
  const lines = new LineIndex(text);
  const lineOf = (at: number) => lines.position(at).line;
  const legend = FACT_STATES.map(s => `<li class="st-${s}"><span class="sym" aria-hidden="true">${SYMBOL[s]}</span> ${escapeHtml(stateName(s, locale))}</li>`).join('');
  const styleHash = createHash('sha256').update(REPORT_CSS).digest('base64');
  const title = `${message(locale, 'reportTitle')}: ${input.file}`;
  return `<!doctype html>
<html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'none'; style-src 'sha256-${styleHash}'; img-src 'none'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="isnad ${escapeHtml(input.version)}">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="summary">${escapeHtml(sheetHeader(entries, locale))}</p>
<ul class="legend">${legend}<li><span class="sym" aria-hidden="true">≠</span> ${escapeHtml(message(locale, 'ruleFigureInconsistent'))}</li></ul>
</header>
<main>
<section class="draft" dir="rtl" aria-label="${escapeHtml(message(locale, 'reportDraft'))}">
<h2>${escapeHtml(message(locale, 'reportDraft'))}</h2>
${draftHtml(text, entries, locale)}
</section>
<section class="sources" aria-label="${escapeHtml(message(locale, 'reportSources'))}">
<h2>${escapeHtml(message(locale, 'reportSources'))}</h2>
<ol class="facts">${entries.map((e, i) => entryHtml(e, i + 1, text, input, lineOf)).join('\n')}</ol>
</section>
</main>
<footer><p class="made">${escapeHtml(message(locale, 'reportMade', { version: input.version, date: input.today, articles: counted(locale, 'articles', input.store.articleCount) }))}</p></footer>
</body>
</html>
`;
}
