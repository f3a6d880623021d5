/**
 * `npm run db:import -- FILE`: loads a file made by db:export into an empty database, all of it
 * or (on any failure) none of it.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseExport } from '../db/export-format';
import { importData } from '../db/import-data';
import { CliError, cliSettings, describeDatabase, openCliDatabase, runCli } from './cli-database';

const usage = `Usage: npm run db:import -- FILE

Loads an export made by \`npm run db:export\` ("-" reads it from standard input) into an
empty database: the same articles and comments with the same ids, threads, statuses and
private fields. The file is checked whole first, and loaded in one transaction: a damaged
file or a failure part-way leaves the database as it was. A database that holds anything
is refused, so nothing is ever merged or overwritten.

  -h, --help   this text

The database is the one the server uses with the same settings: DATABASE_URL for PostgreSQL
(the tables are made if they are not there), otherwise the embedded one in DATA_DIR (default
./data; made if it does not exist). Stop a server running on the embedded database first.
`;

await runCli(usage, async () => {
  const { values, positionals } = parseArgs({
    options: { help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
  });
  if (values.help) {
    process.stdout.write(usage);
    return;
  }
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new CliError(`Name one export file.\n\n${usage}`);
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  // Before the database is touched: a bad file costs nothing, not even a new data directory.
  const data = parseExport(text);
  const env = cliSettings();
  const handle = await openCliDatabase(env, { existing: false });
  const loaded = await importData(handle.db, data).finally(() => handle.close());
  process.stderr.write(
    `Imported ${loaded.articles} articles and ${loaded.comments} comments into ${describeDatabase(env)}.\n`,
  );
});
