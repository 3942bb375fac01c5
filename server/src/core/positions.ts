// The one place that turns UTF-16 offsets into line/character positions (the LSP convention) and back.
// Lines end at \n, \r\n or \r, so CRLF files report the same columns as the editor shows.

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

/** Where each line of a text starts (the first is 0). */
export function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) { if (text.charCodeAt(i + 1) === 10) i++; out.push(i + 1); }
    else if (c === 10) out.push(i + 1);
  }
  return out;
}

export class LineIndex {
  private readonly lineStarts: number[];
  constructor(private readonly text: string) {
    this.lineStarts = lineStarts(text);
  }
  position(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0, hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return { line: lo, character: offset - this.lineStarts[lo] };
  }
  range(start: number, end: number): Range { return { start: this.position(start), end: this.position(end) }; }
  offset(p: Position): number {
    if (p.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[Math.max(0, p.line)];
    const next = p.line + 1 < this.lineStarts.length ? this.lineStarts[p.line + 1] : this.text.length;
    return Math.min(start + Math.max(0, p.character), next);
  }
}

/** Line indexes of corpus articles, kept per article record (hover, diagnostics and the CLI ask repeatedly). */
const articleLines = new WeakMap<object, LineIndex>();
export function articleLineIndex(article: object, text: () => string): LineIndex {
  let li = articleLines.get(article);
  if (!li) { li = new LineIndex(text()); articleLines.set(article, li); }
  return li;
}
