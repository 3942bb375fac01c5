// Pages saved from news sites end with links to other stories: «مقالات مشابهة» and a list of headlines, or
// «اقرأ أيضاً: …» in the middle of the text. Those headlines are other articles' claims, not this one's: a toll in
// a linked headline («مقتل سبعة فلسطينيين في جنين») must not be compared as if the article stated it.
import { norm, firstKept } from '../normalize';
import type { Language } from '../language';

/** A headline, not a paragraph: a list item, or a short line without a closing full stop. */
const HEADLINE_WORDS = 20;
const BULLET = /^[•·▪►*\-–—]/;

/** Longer than this, a line is not a heading alone. */
const HEAD_CHARS = 120;
/** Enough of a longer line's start to hold any heading, even written with diacritics and tatweel. */
const prefixes = new WeakMap<Language, number>();
const headPrefix = (lang: Language) => prefixes.get(lang) ?? prefixes.set(lang, 2 * Math.max(0, ...lang.relatedHeadings.map(h => h.length)) + 8).get(lang)!;
/** The first characters of the headings: a line starting with none of them is no heading, and is not normalised. */
const firsts = new WeakMap<Language, Set<number>>();
const headingStarts = (lang: Language) => firsts.get(lang) ?? firsts.set(lang, new Set(lang.relatedHeadings.map(h => h.charCodeAt(0)))).get(lang)!;
const key = (s: string) => norm(s).replace(/[\s:：|.\-–—]+$/u, '').replace(/\s+/g, ' ').trim();

function looksLikeHeadline(line: string): boolean {
  if (BULLET.test(line)) return true;
  return line.split(/\s+/).length <= HEADLINE_WORDS && !/[.!]$/.test(line);
}

/** The ranges of `text` that list other articles: a heading line and the headlines under it, or a heading
 * with its headline on the same line. */
export function relatedBlocks(text: string, lang: Language): [number, number][] {
  const out: [number, number][] = [];
  let inBlock = false, at = 0;
  for (const raw of text.split('\n')) {
    const from = at, to = at + raw.length;
    at = to + 1;
    const line = raw.trim();
    if (!line) continue;
    // Headings are a few words: a paragraph's first characters are enough to tell (normalising every paragraph
    // whole, once per heading, was a tenth of a draft's check).
    const short = line.length <= HEAD_CHARS;
    const head = headingStarts(lang).has(firstKept(line)) ? key(short ? line : line.slice(0, headPrefix(lang))) : '';
    const heading = head ? lang.relatedHeadings.find(h => head.startsWith(h)) : undefined;
    if (heading !== undefined) {
      out.push([from, to]);
      // A heading alone on its line opens a list; «اقرأ أيضاً: عنوان» is the whole link.
      inBlock = short && head === heading;
    } else if (inBlock && looksLikeHeadline(line)) out.push([from, to]);
    else inBlock = false;
  }
  return out;
}

export const inBlocks = (blocks: [number, number][], offset: number) => blocks.some(([a, b]) => offset >= a && offset < b);
