// Small helpers for parameterised statements: every value travels as a bind parameter, never in the SQL text
// (table and column names come from this code, never from input).
import type { ClientBase } from 'pg';

/** PostgreSQL takes at most 65,535 bind parameters per statement; smaller statements are also faster. */
const MAX_PARAMS = 65_535;
const MAX_ROWS = 2_000;

/** INSERT INTO table (columns) VALUES (...), (...) in as few statements as the parameter limit allows. */
export async function insertRows(c: ClientBase, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const per = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMS / columns.length)));
  for (let from = 0; from < rows.length; from += per) {
    const chunk = rows.slice(from, from + per);
    const values: unknown[] = [];
    const tuples = chunk.map(r => `(${r.map(v => { values.push(v); return `$${values.length}`; }).join(', ')})`);
    await c.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, values);
  }
}

/** Runs `work` in a transaction: committed if it returns, rolled back if it throws. */
export async function inTransaction<T>(c: ClientBase, begin: string, work: () => Promise<T>): Promise<T> {
  await c.query(begin);
  try {
    const out = await work();
    await c.query('COMMIT');
    return out;
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}
