// Hover on a figure or an attribution: what other articles say. Corpus text is untrusted, so every piece of
// it is escaped as plain text (and cleared of bidi controls and invisible characters, which could reorder
// what is shown); links are built only from the index's own paths and keys, percent-encoded so that a ")"
// in a file name or an archive id cannot end the link early.
import type { Hover, MarkupContent } from 'vscode-languageserver';
import { message, Passage, CandidateStore, Locale, passageOrigin, originLabel, creditNote, shortPlace, stripInvisible, describeJudgement } from '../core/api';
import type { DocState } from './documents';
import { passageLocation } from './locations';

/** Backslash-escapes every ASCII punctuation character (CommonMark), flattens line breaks, and drops
 * invisible format characters. */
export function escapeMarkdown(s: string): string {
  return stripInvisible(s.replace(/[\r\n]+/g, ' ')).replace(/[\\`*_{}[\]()#+\-.!|<>~&"'$%:;=?@^,/]/g, c => '\\' + c);
}

/** A URI as a markdown link destination: the characters that end or break one, percent-encoded. */
export function linkTarget(uri: string): string {
  return uri.replace(/[()<>[\]\\ \t\r\n\f\v"'`]/g, c => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
}

const STANCE_MARK: Record<Passage['stance'], string> = { agrees: '✓', conflicts: '✗', neutral: '·' };

/** The excerpt, escaped, with its mark (the corpus figure or source) in bold. */
function excerptMarkdown(p: Passage): string {
  const { text, mark } = p.excerpt;
  if (!mark) return escapeMarkdown(text);
  return `${escapeMarkdown(text.slice(0, mark.start))}**${escapeMarkdown(text.slice(mark.start, mark.end))}**${escapeMarkdown(text.slice(mark.end))}`;
}

/** Outlet · date · title and whom it credits first, the sentence, why it was (or was not) judged the same fact,
 * then the file and line, short, as a link. */
function passageMarkdown(p: Passage, store: CandidateStore, locale: Locale): string {
  const o = passageOrigin(p, locale);
  const head = [originLabel(o), creditNote(o, locale)].filter(Boolean).map(x => escapeMarkdown(x!)).join(' — ');
  const why = p.sameFact ? `\n\n*${escapeMarkdown(describeJudgement(p.sameFact, locale))}*` : '';
  const loc = passageLocation(store, p);
  const place = loc ? `\n\n[${escapeMarkdown(shortPlace(p, loc.range.start.line + 1))}](${linkTarget(loc.uri)}#L${loc.range.start.line + 1})` : '';
  // A similar report is not counted: it carries no agree/conflict mark.
  const mark = p.similar ? '·' : STANCE_MARK[p.stance];
  const stance = p.similar ? '' : ` **${message(locale, p.stance)}** —`;
  return `${mark}${stance} ${head}\n\n> ${excerptMarkdown(p)}${why}${place}`;
}

export function hoverAt(state: DocState, offset: number, store: CandidateStore, locale: Locale): Hover | null {
  const fig = state.result.figures.find(f => f.phraseStart <= offset && offset <= f.end);
  const att = fig ? undefined : state.result.attributions.find(a => a.start <= offset && offset <= a.end);
  if (!fig && !att) return null;
  const passages = fig ? fig.passages : att!.passages;
  const same = passages.filter(p => !p.similar), similar = passages.filter(p => p.similar);
  const lines = [`**isnad** — ${message(locale, 'sourcesHeading')}${fig && fig.stance !== 'none' ? ` (${message(locale, fig.stance)})` : ''}`];
  if (!same.length) lines.push(message(locale, fig ? 'noMatch' : 'noAttributionMatch'));
  for (const p of same) lines.push(passageMarkdown(p, store, locale));
  // Weaker matches, and the same fact at another time: visible, with no squiggle and no count.
  if (similar.length) lines.push(`**${message(locale, 'similarHeading')}** — ${message(locale, 'similarNote')}`);
  for (const p of similar) lines.push(passageMarkdown(p, store, locale));
  const contents: MarkupContent = { kind: 'markdown', value: lines.join('\n\n---\n\n') };
  const s = fig ? fig.phraseStart : att!.start, e = fig ? fig.end : att!.end;
  return { contents, range: state.lines.range(s, e) };
}
