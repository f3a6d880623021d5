import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../db/client';
import * as schema from '../db/schema';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A migrated, empty PGlite data directory (tarball), for each test file to start from. */
    pgliteSnapshot: string;
  }
}

export type TestEngine = 'pglite' | 'postgres';

/** Which engine this run of the server tests is on (the vitest project sets it). */
export const testEngine: TestEngine =
  process.env.TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';

export interface TestDatabase {
  db: Database;
  engine: TestEngine;
  /** Empties every table, so each test starts from a migrated, empty database. */
  reset(): Promise<void>;
  close(): Promise<void>;
  /** For tests that run the server as a process: where this database is. */
  url?: string;
}

/** The URL of a database of this worker's own on the test PostgreSQL, made afresh and migrated. */
export async function freshPostgresDatabase(name: string): Promise<string> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error('TEST_DATABASE_URL is not set: the PostgreSQL tests need it');
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A migrated, empty database on the engine under test, one per test file. */
export async function openTestDatabase(): Promise<TestDatabase> {
  if (testEngine === 'postgres') {
    const url = await freshPostgresDatabase(`test_w${process.env.VITEST_POOL_ID ?? '0'}`);
    const handle = await openDatabase({ url, poolSize: 20 });
    await handle.migrate();
    return {
      db: handle.db,
      engine: 'postgres',
      url,
      reset: () => truncateAll(handle.db),
      close: () => handle.close(),
    };
  }
  const snapshot = new Blob([readFileSync(inject('pgliteSnapshot'))]);
  const client = new PGlite({ loadDataDir: snapshot });
  await client.waitReady;
  const db = drizzle(client, { schema }) as unknown as Database;
  return { db, engine: 'pglite', reset: () => truncateAll(db), close: () => client.close() };
}

async function truncateAll(db: Database) {
  await db.execute(sql`truncate table comments, articles restart identity cascade`);
}
