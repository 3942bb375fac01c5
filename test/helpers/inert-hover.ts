// What a client renders of a hover over hostile corpus text (VS Code renders hover markdown with marked): the
// text must come out as text — no command link, no image, no code or bold made from the corpus.
import * as assert from 'assert';
import { marked } from 'marked';
import type { Hover, MarkupContent } from 'vscode-languageserver';

/** The hover rendered as HTML, checked inert; returned for further checks. */
export function assertInertHover(h: Hover): string {
  const html = marked.parse((h.contents as MarkupContent).value, { async: false });
  assert.ok(html.includes('الحوز'));
  assert.doesNotMatch(html, /<a [^>]*href="command:/);
  assert.doesNotMatch(html, /<img/);
  assert.doesNotMatch(html, /<code>/);
  assert.doesNotMatch(html, /<strong>عريض/);
  assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/, 'the tag is shown as text');
  return html;
}
