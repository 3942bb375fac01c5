// Hover on a figure or an attribution: what other articles say. Corpus text is untrusted, so every piece of
// it is escaped as plain text; links are built only from the index's own file paths, never from corpus text.
import type { Hover, MarkupContent } from 'vscode-languageserver';
import { message, Passage, CandidateStore, Locale, passageOrigin, originLabel, creditNote, shortPlace } from '../core/api';
import type { DocState } from './documents';
import { passageLocation } from './locations';

/** Backslash-escapes every ASCII punctuation character (CommonMark) and flattens line breaks. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').replace(/[\\`*_{}[\]()#+\-.!|<>~&"'$%:;=?@^,/]/g, c => '\\' + c);
}

const STANCE_MARK: Record<Passage['stance'], string> = { agrees: '✓', conflicts: '✗', neutral: '·' };

/** The excerpt, escaped, with its mark (the corpus figure or source) in bold. */
function excerptMarkdown(p: Passage): string {
  const { text, mark } = p.excerpt;
  if (!mark) return escapeMarkdown(text);
  return `${escapeMarkdown(text.slice(0, mark.start))}**${escapeMarkdown(text.slice(mark.start, mark.end))}**${escapeMarkdown(text.slice(mark.end))}`;
}

/** Outlet · date · title and whom it credits first, the sentence, then the file and line, short, as a link. */
function passageMarkdown(p: Passage, store: CandidateStore, locale: Locale): string {
  const o = passageOrigin(p, locale);
  const head = [originLabel(o), creditNote(o, locale)].filter(Boolean).map(x => escapeMarkdown(x!)).join(' — ');
  const loc = passageLocation(store, p);
  const place = loc ? `\n\n[${escapeMarkdown(shortPlace(p, loc.range.start.line + 1))}](${loc.uri.replace(/\(/g, '%28').replace(/\)/g, '%29')}#L${loc.range.start.line + 1})` : '';
  return `${STANCE_MARK[p.stance]} **${message(locale, p.stance)}** — ${head}\n\n> ${excerptMarkdown(p)}${place}`;
}

export function hoverAt(state: DocState, offset: number, store: CandidateStore, locale: Locale): Hover | null {
  const fig = state.result.figures.find(f => f.phraseStart <= offset && offset <= f.end);
  const att = fig ? undefined : state.result.attributions.find(a => a.start <= offset && offset <= a.end);
  if (!fig && !att) return null;
  const passages = fig ? fig.passages : att!.passages;
  const lines = [`**isnad** — ${message(locale, 'sourcesHeading')}${fig && fig.stance !== 'none' ? ` (${message(locale, fig.stance)})` : ''}`];
  if (!passages.length) lines.push(message(locale, fig ? 'noMatch' : 'noAttributionMatch'));
  for (const p of passages) lines.push(passageMarkdown(p, store, locale));
  const contents: MarkupContent = { kind: 'markdown', value: lines.join('\n\n---\n\n') };
  const s = fig ? fig.phraseStart : att!.start, e = fig ? fig.end : att!.end;
  return { contents, range: state.lines.range(s, e) };
}
