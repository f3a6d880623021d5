import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openDatabase, type DatabaseHandle } from '../db/client';
import { DataDirInUseError } from '../db/data-dir-lock';
import { ExportFileError } from '../db/export-format';
import { DatabaseNotEmptyError } from '../db/import-data';
import { parseEnv, type Env } from '../env';
import { ImportFormatError } from '../import/import-error';

/** Where the settings point, in words for a message. */
export function describeDatabase(env: Env): string {
  return env.DATABASE_URL
    ? `PostgreSQL at ${redactPassword(env.DATABASE_URL)}`
    : `the embedded database in ${resolve(env.DATA_DIR)}`;
}

function redactPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/**
 * The database the server would open with the same settings, migrated. `existing`: refuse to
 * make a new embedded one (an export of a directory that was never a database is a mistake in
 * DATA_DIR, not an empty export).
 */
export async function openCliDatabase(env: Env, { existing }: { existing: boolean }) {
  if (!env.DATABASE_URL && existing && !existsSync(join(env.DATA_DIR, 'PG_VERSION'))) {
    throw new CliError(
      `There is no embedded database in ${resolve(env.DATA_DIR)}: set DATA_DIR to the server's ` +
        'data directory, or DATABASE_URL for PostgreSQL.',
    );
  }
  const handle: DatabaseHandle = await openDatabase({
    url: env.DATABASE_URL,
    dataDir: env.DATABASE_URL ? undefined : resolve(env.DATA_DIR),
    poolSize: 2,
  });
  try {
    // What the server does on start: an export reads, and an import writes, today's tables.
    await handle.migrate();
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

/** A failure to report in one line, without a stack: the user can act on the message. */
export class CliError extends Error {
  override name = 'CliError';
}

/** The server's settings, as the server reads them (server/env.ts). */
export function cliSettings(): Env {
  try {
    return parseEnv(process.env);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
}

const expected = [
  CliError,
  DataDirInUseError,
  DatabaseNotEmptyError,
  ExportFileError,
  ImportFormatError,
];

/**
 * Runs a command's body. Failures the user can act on are their message alone (a bad option
 * too, with the usage); anything else with its stack, for a bug report. Exit code 1 either way.
 */
export async function runCli(usage: string, main: () => Promise<void>) {
  // A reader that stops early (`| head`) must not end in an unhandled EPIPE: nor, though, may
  // an export that did not all arrive look like a success.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    process.stderr.write(`Standard output closed before everything was written (${error.code}).\n`);
    process.exitCode = 1;
  });
  try {
    await main();
  } catch (error) {
    const badOption =
      error instanceof TypeError &&
      String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS');
    if (badOption) {
      process.stderr.write(`${error.message}\n\n${usage}`);
    } else if (expected.some((kind) => error instanceof kind)) {
      process.stderr.write(`${(error as Error).message}\n`);
    } else {
      process.stderr.write(
        `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
    }
    process.exitCode = 1;
  }
}
