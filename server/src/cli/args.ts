// The command line's options, in one table: parsed with node:util parseArgs, and `isnad --help` is generated
// from the same table, so the two cannot drift apart.
import { parseArgs } from 'util';

interface OptionSpec { type: 'string' | 'boolean'; multiple?: boolean; short?: string; value?: string; help: string }

export const OPTIONS = {
  corpus: { type: 'string', multiple: true, value: 'PATH', help: 'a folder (read recursively: .txt and .md, optional front matter title/outlet/date/url) or a .jsonl / .jsonl.gz archive (one article per line: text, and optionally id, title, outlet, date, url). Repeatable. Default: the bundled seeds/ corpus.' },
  format: { type: 'string', value: 'FORMAT', help: 'text (default): file:line:col: severity code: message, then the corpus passages (outlet · date · title, then file:line); json: {"diagnostics":[...]} with 0-based lines and UTF-16 columns, as in LSP; sarif: one SARIF 2.1.0 run for CI and code-scanning tools (rules with help text in the --lang language, related locations).' },
  output: { type: 'string', short: 'o', value: 'FILE', help: 'report: where to write the HTML page (default: standard output)' },
  lang: { type: 'string', value: 'ar|en', help: 'language of messages (default: ar, or $ISNAD_LANG)' },
  tolerance: { type: 'string', value: 'N', help: 'scale the ±10% a hedge such as «نحو» allows (default 1)' },
  database: { type: 'string', value: 'URL', help: 'the shared archive: postgres://user@host/database (no password: it comes from $PGPASSWORD or ~/.pgpass). check: checks against it (and against --corpus too, as one corpus, when given); ingest: writes into it.' },
  'db-timeout': { type: 'string', value: 'MS', help: 'give up on the database after this long (connecting, and each statement; default 5000)' },
  migrate: { type: 'boolean', help: 'ingest: create or upgrade the archive\'s tables first (writer role)' },
  delete: { type: 'boolean', help: 'ingest: remove archived articles that their --corpus source no longer holds' },
  batch: { type: 'string', value: 'N', help: 'ingest: articles per transaction (default 1000; smaller batches reach editors sooner)' },
  'cache-dir': { type: 'string', value: 'DIR', help: 'where persisted indexes live (default $ISNAD_CACHE_DIR or ~/.cache/isnad)' },
  'no-cache': { type: 'boolean', help: 'neither read nor write a persisted index' },
  verify: { type: 'boolean', help: 'hash every corpus file whose size is unchanged, to find contents changed without a new modification time (a file modified around indexing time is hashed anyway)' },
  help: { type: 'boolean', short: 'h', help: 'this text' },
} satisfies Record<string, OptionSpec>;

export type OptionName = keyof typeof OPTIONS;

export const COMMANDS: [string, string][] = [
  ['check [options] DRAFT...', 'check drafts (.txt, .md) against the corpus'],
  ['report [options] DRAFT -o FILE', 'write one right-to-left HTML page for the copy desk: the draft with every figure marked by state, its sources beside it'],
  ['index --corpus PATH...', 'build (or bring up to date) the persisted index of a corpus'],
  ['ingest --database URL --corpus PATH...', 'write a corpus into the shared PostgreSQL archive (--migrate, --delete)'],
  ['lsp --stdio', 'run the language server on stdin/stdout (Neovim, Emacs, Helix, Zed)'],
];

export class UsageError extends Error {}

export interface Args {
  command?: string;
  positionals: string[];
  values: { [K in OptionName]?: (typeof OPTIONS)[K] extends { type: 'boolean' } ? boolean : (typeof OPTIONS)[K] extends { multiple: true } ? string[] : string };
}

export function parse(argv: string[]): Args {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    const [command, ...rest] = positionals;
    return { command, positionals: rest, values: values as Args['values'] };
  } catch (e) {
    throw new UsageError((e as Error).message.split('\n')[0]);
  }
}

function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) { lines.push(line); line = word; } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join(`\n${indent}`);
}

export function helpText(): string {
  const width = Math.max(...COMMANDS.map(([c]) => c.length));
  const usage = COMMANDS.map(([c, h]) => `  isnad ${c.padEnd(width)} ${h}`).join('\n');
  const opts = Object.entries(OPTIONS).map(([name, o]) => {
    const flag = `${'short' in o ? `-${o.short}, ` : ''}--${name}${'value' in o ? ` ${o.value}` : ''}`;
    return `  ${flag.padEnd(18)} ${wrap(o.help, 86, ' '.repeat(21))}`;
  }).join('\n');
  return `isnad — checks the figures and attributions in Arabic drafts against a corpus of articles

Usage:
${usage}
  isnad --help

Options:
${opts}

A corpus is indexed once and persisted (with a format version, checksums, and the size, time and hash
of every corpus file); later runs load it, re-reading only files that changed, and rebuild it if it is
damaged. \`isnad index\` does this ahead of time.
A newsroom's shared archive lives in PostgreSQL: \`isnad ingest --database URL --corpus PATH\` writes it
(idempotent, resumable), \`isnad check --database URL\` checks against it.

Codes: figure-conflict (warning), figure-disputed (information), figure-outdated (information),
attribution-conflict (warning), source-count-conflict (warning), figure-uncited (hint),
figure-inconsistent (warning: the draft states the same fact twice with figures that cannot both hold;
needs no corpus).

Exit status: 0 no conflicts, 1 conflicts found (any warning or error), 2 bad usage, an unreadable
input (missing file, binary, invalid UTF-8, over 5 MB, malformed archive line) or a database that cannot be
used (unreachable, too slow, refused); readable files are still checked (against the local corpus, if any)
and reported. A draft that is also in the corpus never matches itself.
`;
}
