import type { Database } from 'better-sqlite3';

export interface Migration {
  /** The PRAGMA user_version this migration brings the database to. Never reuse or edit a released one. */
  version: number;
  name: string;
  up(db: Database): void;
}
