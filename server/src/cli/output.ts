// Turns findings into the CLI's text and JSON reports. Positions: 0-based lines and UTF-16 columns in JSON
// (as LSP); 1-based in the text format, as compilers print them.
import * as path from 'path';
import { Finding, LineIndex, Passage, CandidateStore, sourceLabel, articleLineIndex, Range } from '../core/api';

/** A checked draft; `store`: the one its passages come from, when not the command's (a check against the shared
 * archive has its own). */
export interface FileReport { file: string; text: string; findings: Finding[]; store?: CandidateStore }

export interface JsonRelated { file: string; range: Range; excerpt: string; outlet: string | null; date: string | null }
export interface JsonDiagnostic { file: string; range: Range; severity: string; code: string; message: string; related: JsonRelated[] }

function articleLines(store: CandidateStore | undefined, p: Passage): LineIndex | undefined {
  const a = store?.article(p.article.key);
  return a && articleLineIndex(a, () => store!.articleText(a));
}

export function passageFile(p: Passage): string {
  const a = p.article;
  return a.id !== undefined && a.line !== undefined ? `${a.file}#${a.id}` : a.file;
}

export function toJson(reports: FileReport[], defaultStore?: CandidateStore): { diagnostics: JsonDiagnostic[] } {
  const diagnostics: JsonDiagnostic[] = [];
  for (const r of reports) {
    const store = r.store ?? defaultStore;
    const li = new LineIndex(r.text);
    for (const f of r.findings) {
      diagnostics.push({
        file: r.file, range: li.range(f.start, f.end), severity: f.severity, code: f.code, message: f.message,
        related: f.related.map(p => {
          const al = articleLines(store, p);
          const span = p.mark ?? p;
          return { file: passageFile(p), range: al ? al.range(span.start, span.end) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            excerpt: p.excerpt.text, outlet: p.credits[0] ?? p.article.outlet ?? null, date: p.article.date ?? null };
        }),
      });
    }
  }
  return { diagnostics };
}

export function toText(reports: FileReport[], defaultStore?: CandidateStore): string {
  const out: string[] = [];
  for (const r of reports) {
    const store = r.store ?? defaultStore;
    const li = new LineIndex(r.text);
    for (const f of r.findings) {
      const p = li.position(f.start);
      out.push(`${r.file}:${p.line + 1}:${p.character + 1}: ${f.severity} ${f.code}: ${f.message}`);
      for (const x of f.related) {
        const al = articleLines(store, x);
        const q = al?.position((x.mark ?? x).start);
        const where = q ? `${relative(passageFile(x))}:${q.line + 1}:${q.character + 1}` : relative(passageFile(x));
        const meta = [sourceLabel(x), x.article.date].filter(Boolean).join(', ');
        out.push(`    ${x.stance} — ${meta} — ${where}`);
        out.push(`      «${x.excerpt.text.replace(/\s+/g, ' ').trim()}»`);
      }
    }
  }
  return out.join('\n') + (out.length ? '\n' : '');
}

export function relative(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
