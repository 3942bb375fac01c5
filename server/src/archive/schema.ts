// The shared archive's tables, as numbered migrations: `isnad ingest --migrate` applies the ones a database lacks
// (in one transaction, under the ingest lock); every other command checks the version and refuses a database that
// is older (run the migrations) or newer (upgrade isnad) than it understands.
//
// The rows are articleRows() (core/index/article-rows.ts) as they are: an article's record, each sentence's terms
// (as term ids) and row, each figure with every field the reader gives. The columns besides the JSON rows are what
// the queries select by: figure keys, groups and places, and the postings (term → sentence) with each sentence's
// length for BM25. JSON rows are `json`, not `jsonb`, so they come back exactly as written (key order and numbers).
import type { ClientBase } from 'pg';

export interface Migration { version: number; description: string; statements: string[] }

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    description: 'articles, sentences, terms, postings, figures, archive state',
    statements: [
      `CREATE TABLE isnad_schema (version int PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
      // One row: corpus-wide counts (idf and BM25 need them), the version every ingest transaction bumps, and the
      // next ids (allocated under the ingest lock, so the ids follow the order articles were ingested in).
      `CREATE TABLE archive_state (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        version bigint NOT NULL DEFAULT 0,
        articles bigint NOT NULL DEFAULT 0,
        live_sentences bigint NOT NULL DEFAULT 0,
        total_terms bigint NOT NULL DEFAULT 0,
        next_article int NOT NULL DEFAULT 1,
        next_sentence int NOT NULL DEFAULT 1,
        next_figure int NOT NULL DEFAULT 1,
        reader text NOT NULL DEFAULT '',
        first_load boolean NOT NULL DEFAULT false
      )`,
      `INSERT INTO archive_state DEFAULT VALUES`,
      // Words are never deleted (df may fall to 0): a word some sentence held stays known, as in the local index.
      `CREATE TABLE term (id int PRIMARY KEY GENERATED ALWAYS AS IDENTITY, text text NOT NULL UNIQUE, df int NOT NULL DEFAULT 0)`,
      `CREATE TABLE article (
        id int PRIMARY KEY,
        key text NOT NULL UNIQUE,
        source text NOT NULL,
        content_hash text NOT NULL,
        record json NOT NULL,
        sentence_count int NOT NULL,
        line_starts int[] NOT NULL,
        text_length int NOT NULL,
        text text NOT NULL,
        ingested_at timestamptz NOT NULL DEFAULT now()
      )`,
      `CREATE INDEX article_source ON article (source)`,
      // Texts are read rarely and written once per article: lz4 compresses several times faster than the default
      // pglz. A server built without lz4 keeps pglz.
      `DO $$ BEGIN
         ALTER TABLE article ALTER COLUMN text SET COMPRESSION lz4;
         ALTER TABLE article ALTER COLUMN record SET COMPRESSION lz4;
       EXCEPTION WHEN OTHERS THEN NULL; END $$`,
      `CREATE TABLE sentence (
        id int PRIMARY KEY,
        article_id int NOT NULL REFERENCES article ON DELETE CASCADE,
        idx int NOT NULL,
        terms int[] NOT NULL,
        row json NOT NULL,
        span_start int NOT NULL,
        span_text text NOT NULL,
        UNIQUE (article_id, idx)
      )`,
      // The length rides along in the index, so BM25 over a word's sentences reads the index alone.
      `CREATE TABLE posting (
        term_id int NOT NULL,
        sentence_id int NOT NULL,
        length int NOT NULL,
        PRIMARY KEY (term_id, sentence_id) INCLUDE (length)
      )`,
      // What a figure is indexed under (figureKey()): its measure, a percentage's whole, a counted noun.
      `CREATE TABLE figure_key (id int PRIMARY KEY GENERATED ALWAYS AS IDENTITY, text text NOT NULL UNIQUE)`,
      // anchors: (key id << 32 | term id) for each word of the figure's sentence, so one GIN lookup finds the
      // figures of a quantity in sentences holding one of a draft figure's rarer words, and the words a
      // candidate's sentence shares with the draft are counted without reading the sentence.
      `CREATE TABLE figure (
        id int PRIMARY KEY,
        article_id int NOT NULL REFERENCES article ON DELETE CASCADE,
        idx int NOT NULL,
        sentence_id int NOT NULL,
        sentence_idx int NOT NULL,
        key_id int REFERENCES figure_key,
        grp text,
        places text[] NOT NULL,
        anchors bigint[] NOT NULL,
        row json NOT NULL,
        UNIQUE (article_id, idx)
      )`,
      `CREATE INDEX figure_anchors ON figure USING gin (anchors) WHERE key_id IS NOT NULL`,
      `CREATE INDEX figure_sentence ON figure (sentence_id)`,
    ],
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
/** The postings' primary key: dropped during a first load into an empty archive and built once at its end (a
 * sorted build is several times cheaper than keeping the index up to date row by row). */
export const POSTING_KEY = 'ALTER TABLE posting ADD CONSTRAINT posting_pkey PRIMARY KEY (term_id, sentence_id) INCLUDE (length)';

/** Serialises writers: ingest batches, deletions and migrations (pg_advisory_xact_lock key). */
export const INGEST_LOCK = 0x15ad_0001;
/** The channel ingest notifies on commit; the payload is the archive version. */
export const CHANNEL = 'isnad_archive';

export class SchemaError extends Error {}

/** The database's schema version (0: none yet). */
export async function schemaVersion(c: ClientBase): Promise<number> {
  const { rows } = await c.query<{ present: boolean }>(`SELECT to_regclass('isnad_schema') IS NOT NULL AS present`);
  if (!rows[0].present) return 0;
  const v = await c.query<{ v: number | null }>(`SELECT max(version) AS v FROM isnad_schema`);
  return v.rows[0].v ?? 0;
}

/** Refuses a database this isnad cannot read or write. */
export async function requireSchema(c: ClientBase): Promise<void> {
  const v = await schemaVersion(c);
  if (v === SCHEMA_VERSION) return;
  if (v === 0) throw new SchemaError('the database has no isnad archive yet: run `isnad ingest --migrate` with the writer role');
  if (v < SCHEMA_VERSION) throw new SchemaError(`the archive's schema is version ${v}, this isnad needs ${SCHEMA_VERSION}: run \`isnad ingest --migrate\``);
  throw new SchemaError(`the archive's schema is version ${v}, newer than this isnad understands (${SCHEMA_VERSION}): upgrade isnad`);
}

/** Applies the migrations the database lacks; returns the versions applied. */
export async function migrate(c: ClientBase): Promise<number[]> {
  await c.query('BEGIN');
  try {
    await c.query('SELECT pg_advisory_xact_lock($1)', [INGEST_LOCK]);
    const have = await schemaVersion(c);
    if (have > SCHEMA_VERSION) throw new SchemaError(`the archive's schema is version ${have}, newer than this isnad understands (${SCHEMA_VERSION})`);
    const applied: number[] = [];
    for (const m of MIGRATIONS.filter(x => x.version > have)) {
      for (const sql of m.statements) await c.query(sql);
      await c.query('INSERT INTO isnad_schema (version, description) VALUES ($1, $2)', [m.version, m.description]);
      applied.push(m.version);
    }
    await c.query('COMMIT');
    return applied;
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}
