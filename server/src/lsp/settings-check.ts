// Checks the isnad.* settings before they are used. A value of the wrong shape used to throw deep in the
// analysis (a string where `corpus.paths` wants a list, a measure without cues), and every check then failed
// quietly: checking was simply off. Each setting is now taken as far as it is valid; what is dropped is named,
// setting and entry, so it can be shown to the user. The shapes follow LanguageExtension in core/language.ts:
// the tables below are typed by its keys, so a field added there must be added here.
import { DEFAULT_SEVERITY, LanguageExtension } from '../core/api';
import type { SourceEntry, MeasureEntry, CueEntry } from '../core/language';

type Problems = string[];
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const show = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v.length > 40 ? v.slice(0, 39) + '…' : v) : Array.isArray(v) ? 'a list' : v === null ? 'null' : typeof v === 'object' ? 'an object' : String(v));

/** The strings of a list; anything else in it is dropped and named. */
export function stringList(v: unknown, at: string, problems: Problems): string[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) { problems.push(`${at}: expected a list of text, got ${show(v)}; ignored`); return undefined; }
  return v.filter((x, i) => {
    const ok = typeof x === 'string' && x.trim() !== '';
    if (!ok) problems.push(`${at}[${i}]: expected non-empty text, got ${show(x)}; ignored`);
    return ok;
  });
}

interface Field { kind: 'text' | 'texts' | 'boolean'; optional?: boolean; oneOf?: readonly string[] }
const TEXT: Field = { kind: 'text' }, TEXTS: Field = { kind: 'texts' };
const SOURCE: Record<keyof SourceEntry, Field> = { id: TEXT, kind: { kind: 'text', oneOf: ['outlet', 'agency', 'body'] }, ar: TEXT, en: TEXT, names: TEXTS };
const MEASURE: Record<keyof MeasureEntry, Field> = { id: TEXT, ar: TEXT, en: TEXT, type: { kind: 'text', oneOf: ['event', 'unit', 'noun'] }, comparable: { kind: 'boolean', optional: true }, cues: TEXTS,
  after: { kind: 'texts', optional: true }, context: { kind: 'texts', optional: true }, daily: { kind: 'boolean', optional: true },
  persons: { kind: 'text', optional: true }, instant: { kind: 'boolean', optional: true }, measuredIn: { kind: 'text', optional: true } };
const CUES: Record<keyof CueEntry, Field> = { id: TEXT, cues: TEXTS };

/** One field of an entry: its value, or why the entry cannot be used. */
function field(o: Record<string, unknown>, name: string, f: Field, at: string, problems: Problems): { value?: unknown; bad?: string } {
  const v = o[name];
  if (v === undefined || v === null) return f.optional ? {} : { bad: `"${name}" is missing` };
  if (f.kind === 'boolean') return typeof v === 'boolean' ? { value: v } : { bad: `"${name}" must be true or false` };
  if (f.kind === 'texts') { const l = stringList(v, `${at}.${name}`, problems); return l ? { value: l } : { bad: `"${name}" must be a list of text` }; }
  if (typeof v !== 'string' || !v.trim()) return { bad: `"${name}" must be non-empty text` };
  if (f.oneOf && !f.oneOf.includes(v)) return { bad: `"${name}" must be one of ${f.oneOf.join(', ')}` };
  return { value: v };
}

/** The valid entries of a list of objects of the given shape. */
function entries<T>(v: unknown, shape: Record<string, Field>, at: string, problems: Problems): T[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) { problems.push(`${at}: expected a list, got ${show(v)}; ignored`); return undefined; }
  const out: T[] = [];
  v.forEach((e, i) => {
    if (!isObject(e)) { problems.push(`${at}[${i}]: expected an object, got ${show(e)}; entry ignored`); return; }
    const clean: Record<string, unknown> = {};
    for (const [name, f] of Object.entries(shape)) {
      const { value, bad } = field(e, name, f, `${at}[${i}]`, problems);
      if (bad) { problems.push(`${at}[${i}]: ${bad}; entry ignored`); return; }
      if (value !== undefined) clean[name] = value;
    }
    out.push(clean as T);
  });
  return out;
}

function numberWords(v: unknown, at: string, problems: Problems): Record<string, number> | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) { problems.push(`${at}: expected an object of word: number, got ${show(v)}; ignored`); return undefined; }
  const out: Record<string, number> = {};
  for (const [w, n] of Object.entries(v)) {
    if (typeof n === 'number' && Number.isFinite(n) && w.trim()) out[w] = n;
    else problems.push(`${at}.${JSON.stringify(w)}: expected a number, got ${show(n)}; ignored`);
  }
  return out;
}

const LANGUAGE_KEYS: Record<keyof LanguageExtension, (v: unknown, at: string, p: Problems) => unknown> = {
  sources: (v, at, p) => entries<SourceEntry>(v, SOURCE, at, p),
  measures: (v, at, p) => entries<MeasureEntry>(v, MEASURE, at, p),
  places: (v, at, p) => entries<CueEntry>(v, CUES, at, p),
  groups: (v, at, p) => entries<CueEntry>(v, CUES, at, p),
  attributionVerbs: stringList,
  protectedPrefixes: stringList,
  numberWords,
};

/** The valid part of the `isnad.language` setting. */
export function checkLanguage(v: unknown, problems: Problems, at = 'isnad.language'): LanguageExtension | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) { problems.push(`${at}: expected an object, got ${show(v)}; ignored`); return undefined; }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(v)) {
    const check = LANGUAGE_KEYS[key as keyof LanguageExtension];
    if (!check) { if (!key.startsWith('$')) problems.push(`${at}.${key}: unknown key (known: ${Object.keys(LANGUAGE_KEYS).join(', ')}); ignored`); continue; }
    const clean = check(value, `${at}.${key}`, problems);
    if (clean !== undefined) out[key] = clean;
  }
  return Object.keys(out).length ? (out as LanguageExtension) : undefined;
}

const LEVELS = ['error', 'warning', 'information', 'hint', 'off'];

/** The valid entries of `isnad.severity`. */
export function checkSeverity(v: unknown, problems: Problems): Record<string, string> {
  if (v === undefined || v === null) return {};
  if (!isObject(v)) { problems.push(`isnad.severity: expected an object, got ${show(v)}; ignored`); return {}; }
  const out: Record<string, string> = {};
  for (const [code, level] of Object.entries(v)) {
    if (!(code in DEFAULT_SEVERITY)) problems.push(`isnad.severity.${code}: unknown code (known: ${Object.keys(DEFAULT_SEVERITY).join(', ')}); ignored`);
    else if (typeof level !== 'string' || !LEVELS.includes(level)) problems.push(`isnad.severity.${code}: expected one of ${LEVELS.join(', ')}, got ${show(level)}; ignored`);
    else out[code] = level;
  }
  return out;
}

/** `isnad.corpus.paths`: a single path written as text is read as a list of one. */
export function checkCorpusPaths(v: unknown, problems: Problems): string[] {
  if (typeof v === 'string' && v.trim()) { problems.push('isnad.corpus.paths: expected a list of paths, got one path as text; read as a list of one'); return [v]; }
  return stringList(v, 'isnad.corpus.paths', problems) ?? [];
}
