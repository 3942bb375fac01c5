// An article's text as far as a check needs it: the fetched stretches (sentences and their figures' wording) at
// their offsets, blanks between them, and every line break where it is, so offsets, excerpts and line/column
// positions are those of the full text without fetching it.

/** A text of `length` UTF-16 units with `spans` in place, spaces elsewhere, and a '\n' ending each line before the
 * next of `lineStarts` (a '\r\n' becomes ' \n': the same line starts). */
export function sparseText(length: number, lineStarts: number[], spans: { start: number; text: string }[]): string {
  const parts: string[] = [];
  let at = 0, line = 1;
  /** Blanks up to `to`, with the line breaks that fall there. */
  const blank = (to: number) => {
    while (line < lineStarts.length && lineStarts[line] - 1 < at) line++;
    for (; line < lineStarts.length && lineStarts[line] - 1 < to; line++) {
      const nl = lineStarts[line] - 1;
      parts.push(' '.repeat(nl - at), '\n');
      at = nl + 1;
    }
    if (to > at) { parts.push(' '.repeat(to - at)); at = to; }
  };
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const end = Math.min(length, s.start + s.text.length);
    if (end <= at) continue;
    if (s.start > at) blank(s.start);
    parts.push(s.text.slice(at - s.start, end - s.start));
    at = end;
  }
  blank(length);
  return parts.join('');
}
