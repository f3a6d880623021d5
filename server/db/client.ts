import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { fileURLToPath } from 'node:url';
import { lockDataDir } from './data-dir-lock';
import * as schema from './schema';

/** Either engine, through the one pg-core interface: the code above this file never knows which. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

/** A transaction, which answers the same queries. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Queryable = Database | Transaction;

export interface DatabaseHandle {
  db: Database;
  engine: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;
  /**
   * The embedded engine only: how many writes this process has made. PGlite's data directory is
   * locked to one process, so every change to it goes through here, and a look-up read while this
   * count stays the same is still true.
   */
  localWrites?: () => number;
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export interface DatabaseOptions {
  /** postgres://… for PostgreSQL; otherwise the embedded engine. */
  url?: string | undefined;
  /** The embedded engine's data directory; omitted, it lives in memory (tests). */
  dataDir?: string | undefined;
  /** Connections in the pool, on PostgreSQL. */
  poolSize?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle client that errors (the server restarted) must not take the process down.
    pool.on('error', () => undefined);
    const db = drizzlePg(pool, { schema }) as unknown as Database;
    return {
      db,
      engine: 'postgres',
      migrate: () => migratePg(drizzlePg(pool), { migrationsFolder }),
      close: () => pool.end(),
    };
  }
  const unlock = options.dataDir ? lockDataDir(options.dataDir) : () => undefined;
  let client: PGlite;
  try {
    client = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
    await client.waitReady;
  } catch (error) {
    unlock();
    throw error;
  }
  const counted = countWrites(client);
  const db = drizzlePglite(counted.client, { schema }) as unknown as Database;
  return {
    db,
    engine: 'pglite',
    migrate: () => migratePglite(drizzlePglite(counted.client), { migrationsFolder }),
    close: () => client.close().finally(unlock),
    localWrites: counted.writes,
  };
}

const readOnly = /^\s*select\b/i;

/**
 * The client, counting what may have written: every statement but a plain select, and every
 * transaction, counted once it has finished. A look-up that notes the count before it starts and
 * finds it unchanged later has seen every write made so far.
 */
export function countWrites(client: PGlite): { client: PGlite; writes: () => number } {
  let writes = 0;
  const counted = <T>(work: Promise<T>) => work.finally(() => void writes++);
  const proxy = new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      if (property === 'query') {
        return (text: string, ...rest: unknown[]) => {
          const run = (value as (...args: unknown[]) => Promise<unknown>).call(
            target,
            text,
            ...rest,
          );
          return readOnly.test(text) ? run : counted(run);
        };
      }
      if (property === 'exec' || property === 'transaction') {
        return (...args: unknown[]) =>
          counted((value as (...args: unknown[]) => Promise<unknown>).apply(target, args));
      }
      return (value as (...args: unknown[]) => unknown).bind(target);
    },
  });
  return { client: proxy, writes: () => writes };
}

/** For /readyz: the database answers a query. */
export async function ping(db: Database): Promise<void> {
  await db.execute(sql`select 1`);
}
