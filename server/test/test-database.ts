import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

let databasesMade = 0;

/**
 * A database name no other run uses: other checkouts run their tests on the same PostgreSQL at
 * the same time, and a name like test_w1 is every run's first worker.
 */
export function uniqueDatabaseName(prefix = 'test'): string {
  databasesMade += 1;
  return `${prefix}_p${process.pid}_${databasesMade}`;
}

/** Drops a database freshPostgresDatabase made, once nothing is connected to it. */
export async function dropPostgresDatabase(url: string): Promise<void> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${new URL(url).pathname.slice(1)}" with (force)`);
  } finally {
    await admin.end();
  }
}

function pgliteSnapshot(): Blob {
  return new Blob([readFileSync(inject('pgliteSnapshot'))]);
}

/**
 * A new directory holding a migrated, empty embedded database, for a server process (or a CLI)
 * to open: loaded from the snapshot in about a second, where initdb takes five or more.
 */
export async function freshPgliteDataDir(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'daily-thread-data-'));
  const client = new PGlite(dir, { loadDataDir: pgliteSnapshot() });
  await client.waitReady;
  await client.close();
  return dir;
}

/** A migrated, empty database on the engine under test, one per test file. */
export async function openTestDatabase(): Promise<TestDatabase> {
  if (testEngine === 'postgres') {
    const url = await freshPostgresDatabase(uniqueDatabaseName());
    const handle = await openDatabase({ url, poolSize: 20 });
    await handle.migrate();
    return {
      db: handle.db,
      engine: 'postgres',
      url,
      reset: () => truncateAll(handle.db),
      close: async () => {
        await handle.close();
        await dropPostgresDatabase(url);
      },
    };
  }
  return openPgliteTestDatabase();
}

/** A migrated, empty embedded database in memory, whatever the engine under test. */
export async function openPgliteTestDatabase(): Promise<TestDatabase> {
  const client = new PGlite({ loadDataDir: pgliteSnapshot() });
  await client.waitReady;
  const db = drizzle(client, { schema }) as unknown as Database;
  return { db, engine: 'pglite', reset: () => truncateAll(db), close: () => client.close() };
}

async function truncateAll(db: Database) {
  await db.execute(
    sql`truncate table comments, articles, moderators, moderator_sessions, sign_in_failures, moderation_audit, moderation_settings restart identity cascade`,
  );
}
