// The PostgreSQL driver, loaded when a database is first used: most checks never touch one, and loading it cost
// every start of the CLI and the language server about 45 ms.
import type * as Pg from 'pg';

let loaded: typeof Pg | undefined;
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const pg = (): typeof Pg => (loaded ??= require('pg') as typeof Pg);
