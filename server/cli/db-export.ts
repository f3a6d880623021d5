/**
 * `npm run db:export -- [--out FILE]`: every article and comment, private fields included, as
 * one JSON file (server/db/export-format.ts). The way to back up, and to move from the embedded
 * database to PostgreSQL (their data files differ): db:import loads the file.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exportData } from '../db/export-data';
import { serializeExport } from '../db/export-format';
import { cliSettings, describeDatabase, openCliDatabase, runCli } from './cli-database';
import { claimNewFile, writeNewFile } from './new-file';

const usage = `Usage: npm run db:export -- [--out FILE]

Writes every article and every comment, with the private fields (email addresses, IP
addresses, token hashes), as one JSON file that \`npm run db:import\` loads. Keep it as
privately as the database itself: it is readable by its owner only.

  -o, --out FILE   where to write it; it must not exist yet. Default: a file named
                   daily-thread-export-<UTC date and time>.json in the working directory
                   (the project's folder under npm run). "-" writes to standard output
                   (then run \`npm run --silent db:export -- --out -\`, or npm's banner
                   goes into the output too).
  -h, --help       this text

The database is the one the server uses with the same settings: DATABASE_URL for PostgreSQL,
otherwise the embedded one in DATA_DIR (default ./data). Stop a server running on the
embedded database first (one process at a time can open it); on PostgreSQL it may run.
`;

function defaultFileName(now: Date): string {
  return `daily-thread-export-${now.toISOString().slice(0, 19).replaceAll(':', '-')}Z.json`;
}

await runCli(usage, async () => {
  const { values } = parseArgs({
    options: { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(usage);
    return;
  }
  const env = cliSettings();
  const now = new Date();
  const out = values.out ?? defaultFileName(now);
  // Checked before the export as well as after: no need to read a large database to learn it.
  if (out !== '-') claimNewFile(out);
  const handle = await openCliDatabase(env, { existing: true });
  const data = await exportData(handle.db, now).finally(() => handle.close());
  const text = serializeExport(data);
  if (out === '-') process.stdout.write(text);
  else writeNewFile(out, text);
  process.stderr.write(
    `Exported ${data.counts.articles} articles and ${data.counts.comments} comments from ` +
      `${describeDatabase(env)} to ${out === '-' ? 'standard output' : resolve(out)}.\n`,
  );
});
