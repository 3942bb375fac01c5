// Turns findings into the CLI's text and JSON reports. Positions: 0-based lines and UTF-16 columns in JSON
// (as LSP); 1-based in the text format, as compilers print them. Text goes to a terminal, and corpus text,
// front matter and file names are untrusted: control characters are shown escaped (an ESC could clear the
// screen, hide text or plant an OSC 8 link) and invisible format characters are dropped. JSON is data:
// JSON.stringify escapes control characters itself.
import * as path from 'path';
import { Finding, LineIndex, Passage, CandidateStore, articleLineIndex, Range, Locale, originLine, message, stripInvisible } from '../core/api';

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** Untrusted text made safe for a terminal line: control characters as visible escapes (\x1b), invisible
 * format characters (bidi controls, zero-width) removed. */
export function escapeTerminal(s: string): string {
  return stripInvisible(s.replace(CONTROL, c => (c === '\t' ? '\\t' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)));
}

/** A checked draft; `store`: the one its passages come from, when not the command's (a check against the shared
 * archive has its own). */
export interface FileReport { file: string; text: string; findings: Finding[]; store?: CandidateStore }

export interface JsonRelated { file: string; range: Range; excerpt: string; outlet: string | null; date: string | null }
export interface JsonDiagnostic { file: string; range: Range; severity: string; code: string; message: string; related: JsonRelated[] }

function articleLines(store: CandidateStore | undefined, p: Passage): LineIndex | undefined {
  const a = store?.article(p.article.key);
  return a && articleLineIndex(a, () => store!.articleText(a));
}

/** The file of a passage; for an archive line, its key ("archive.jsonl#id", or "#id@line" when ids repeat). */
export function passageFile(p: Passage): string {
  const a = p.article;
  return a.line !== undefined ? a.key : a.file;
}

export function toJson(reports: FileReport[], defaultStore?: CandidateStore): { diagnostics: JsonDiagnostic[] } {
  const diagnostics: JsonDiagnostic[] = [];
  for (const r of reports) {
    const store = r.store ?? defaultStore;
    const li = new LineIndex(r.text);
    for (const f of r.findings) {
      diagnostics.push({
        file: r.file, range: li.range(f.start, f.end), severity: f.severity, code: f.code, message: f.message,
        related: f.related.map((p): JsonRelated => {
          const al = articleLines(store, p);
          const span = p.mark ?? p;
          return { file: passageFile(p), range: al ? al.range(span.start, span.end) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            excerpt: p.excerpt.text, outlet: p.credits[0] ?? p.article.outlet ?? null, date: p.article.date ?? null };
        // The draft's other statements of the same fact (figure-inconsistent): in the draft itself, no outlet.
        }).concat((f.data.elsewhere ?? []).map((m): JsonRelated => ({ file: r.file, range: li.range(m.start, m.end), excerpt: m.wording, outlet: null, date: null }))),
      });
    }
  }
  return { diagnostics };
}

/** One line per finding (file:line:col, compilers' style), then each passage: its stance, outlet · date · title
 * and whom it credits, the file and line last; then the draft's other statements of the same fact. */
export function toText(reports: FileReport[], defaultStore: CandidateStore | undefined, locale: Locale): string {
  const out: string[] = [];
  for (const r of reports) {
    const store = r.store ?? defaultStore;
    const li = new LineIndex(r.text);
    for (const f of r.findings) {
      const p = li.position(f.start);
      out.push(escapeTerminal(`${r.file}:${p.line + 1}:${p.character + 1}: ${f.severity} ${f.code}: ${f.message}`));
      for (const x of f.related) {
        const q = articleLines(store, x)?.position((x.mark ?? x).start);
        const file = relative(passageFile(x));
        out.push(`    ${x.stance} — ${escapeTerminal(originLine(x, locale))} — ${escapeTerminal(q && x.article.line === undefined ? `${file}:${q.line + 1}` : file)}`);
        out.push(`      «${escapeTerminal(x.excerpt.text.replace(/\s+/g, ' ').trim())}»`);
      }
      for (const m of f.data.elsewhere ?? []) {
        out.push(`    ${escapeTerminal(message(locale, 'sameFactHere', { line: String(li.position(m.start).line + 1), wording: m.wording }))}`);
      }
    }
  }
  return out.join('\n') + (out.length ? '\n' : '');
}

export function relative(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
