// The shared archives the open documents use (one per URL and timeout), their status notifications for the
// client's status bar, and the client's secret store as the source of their passwords.
import type { Connection } from 'vscode-languageserver';
import { DatabaseCorpus } from './database-corpus';
import { STATUS_NOTIFICATION, DATABASE_PASSWORD_REQUEST } from './protocol';

export interface DatabaseRegistryOptions {
  connection: Connection;
  log(msg: string): void;
  /** An archive changed or became usable again: documents need checking again. */
  changed(): void;
}

export class DatabaseRegistry {
  private readonly dbs = new Map<string, DatabaseCorpus>();
  constructor(private readonly o: DatabaseRegistryOptions) {}

  all(): DatabaseCorpus[] { return [...this.dbs.values()]; }

  get(url: string, timeoutMs: number): DatabaseCorpus {
    const key = JSON.stringify([url, timeoutMs]);
    let db = this.dbs.get(key);
    if (!db) {
      db = new DatabaseCorpus(url, timeoutMs, {
        log: this.o.log,
        changed: () => this.o.changed(),
        status: d => this.sendStatus(d),
        password: (u, ask) => this.password(u, ask),
      });
      this.dbs.set(key, db);
    }
    return db;
  }

  /** The editor's stored password (or, with ask, the user's); none from a client that does not know the request. */
  private async password(url: string, ask: boolean): Promise<string | undefined> {
    try {
      return (await this.o.connection.sendRequest(DATABASE_PASSWORD_REQUEST, { url, ask })) ?? undefined;
    } catch {
      return undefined;
    }
  }

  private sendStatus(db: DatabaseCorpus) {
    const status = db.status();
    void this.o.connection.sendNotification(STATUS_NOTIFICATION, {
      state: 'ready', articles: status.articles ?? 0, paths: [], version: db.version, database: status,
    });
  }

  clear() { for (const db of this.dbs.values()) db.dispose(); this.dbs.clear(); }
}
