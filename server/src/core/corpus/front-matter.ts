// YAML front matter at the top of a .txt/.md article or draft («---\ntitle: …\ndate: …\n---»), read with the
// `yaml` library (quoted values with colons, lists, multi-line titles). The block is blanked, not cut, so
// offsets into the file stay offsets into the text.
import { parse } from 'yaml';

export interface FrontMatter { title?: string; outlet?: string; date?: string; url?: string; authors?: string[] }

const BLOCK = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/** A date as YYYY-MM-DD when it can be read as one (YAML timestamps, ISO strings, 20/03/2024), else as written. */
export function isoDate(v: unknown): string | undefined {
  if (v instanceof Date && !isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  const s = String(v).trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[T\s])/.exec(s);
  if (m) return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
  if (m) return `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  return s || undefined;
}

function text(v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (Array.isArray(v)) return v.map(String).join('، ');
  return String(v).replace(/\s+/g, ' ').trim() || undefined;
}

function fields(o: Record<string, unknown>): FrontMatter {
  const lower = Object.fromEntries(Object.entries(o).map(([k, v]) => [k.toLowerCase(), v]));
  const authors = lower.authors ?? lower.author;
  return {
    title: text(lower.title), outlet: text(lower.outlet ?? lower.source), date: isoDate(lower.date), url: text(lower.url),
    authors: authors === undefined ? undefined : (Array.isArray(authors) ? authors : [authors]).map(String),
  };
}

/** The front matter and the text with the block blanked; a block that is not valid YAML is reported, and the
 * text is still read. */
export function splitFrontMatter(original: string): { meta: FrontMatter; text: string; problem?: string; bodyStart?: number } {
  const m = BLOCK.exec(original);
  if (!m) return { meta: {}, text: original };
  const blanked = m[0].replace(/[^\r\n]/g, ' ') + original.slice(m[0].length);
  try {
    const o = parse(m[1]) as unknown;
    if (o === null || o === undefined) return { meta: {}, text: blanked };
    if (typeof o !== 'object' || Array.isArray(o)) return { meta: {}, text: blanked, problem: 'front matter is not a list of "key: value" lines; ignored' };
    // Where the text after a front matter starts (a block that is not one is still blanked, but it is no front matter).
    return { meta: fields(o as Record<string, unknown>), text: blanked, bodyStart: m[0].length };
  } catch (e) {
    return { meta: {}, text: blanked, problem: `malformed front matter (${(e as Error).message.split('\n')[0]}); ignored` };
  }
}
